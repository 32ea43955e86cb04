package response

import (
	"encoding/json"
	"errors"
	"math"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/covetpy/covetgen/runtime/internal/pyoracle"
	"github.com/covetpy/covetgen/runtime/pyjson"
	"github.com/covetpy/covetgen/runtime/validate"
)

type cookieCase struct {
	Key, Value                   string
	MaxAge                       *int
	Expires                      string
	Path, Domain, SameSite       string
	Secure, HTTPOnly, NoDefaults bool
}

func TestSetCookieOracle(t *testing.T) {
	zero, hour := 0, 3600
	cases := []cookieCase{
		{Key: "a", Value: "b"},
		{Key: "sid", Value: "abc123", MaxAge: &hour, Secure: true, HTTPOnly: true, Domain: "example.com"},
		{Key: "x", Value: "has space"},
		{Key: "x", Value: `q"uo\te`},
		{Key: "x", Value: "semi;colon,comma"},
		{Key: "x", Value: "café"},
		{Key: "x", Value: "ctl\x01\x7f"},
		{Key: "x", Value: ""},
		{Key: "x", Value: "v", MaxAge: &zero, Expires: "Thu, 01 Jan 1970 00:00:00 GMT"},
		{Key: "x", Value: "v", NoDefaults: true},
		{Key: "x", Value: "v", SameSite: "strict", Path: "/api"},
		{Key: "x", Value: "(){}[]=?@"},
	}
	in := make([]any, len(cases))
	for i := range cases {
		in[i] = cases[i]
	}
	res := pyoracle.Run(t, `
import http.cookies
def handle(c):
    cookie = http.cookies.SimpleCookie()
    cookie[c["Key"]] = c["Value"]
    m = cookie[c["Key"]]
    if c["MaxAge"] is not None: m["max-age"] = c["MaxAge"]
    if c["Expires"]: m["expires"] = c["Expires"]
    path = None if c["NoDefaults"] else (c["Path"] or "/")
    samesite = None if c["NoDefaults"] else (c["SameSite"] or "lax")
    if path is not None: m["path"] = path
    if c["Domain"]: m["domain"] = c["Domain"]
    if c["Secure"]: m["secure"] = True
    if c["HTTPOnly"]: m["httponly"] = True
    if samesite is not None: m["samesite"] = samesite
    return cookie.output(header="").strip()
`, in)
	for i, c := range cases {
		var want string
		json.Unmarshal(res[i], &want)
		ck := NewCookie(c.Key, c.Value)
		if c.NoDefaults {
			ck.Path, ck.SameSite = "", ""
		}
		if c.Path != "" {
			ck.Path = c.Path
		}
		if c.SameSite != "" {
			ck.SameSite = c.SameSite
		}
		if c.MaxAge != nil {
			ck.MaxAge = *c.MaxAge
		}
		if c.Expires != "" {
			ck.Expires = c.Expires
		}
		ck.Domain, ck.Secure, ck.HTTPOnly = c.Domain, c.Secure, c.HTTPOnly
		got, err := ck.Format(time.Unix(0, 0))
		if err != nil || got != want {
			t.Errorf("cookie %+v: %q (%v), want %q", c, got, err, want)
		}
	}
}

func TestCookieDates(t *testing.T) {
	now := time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)
	c := DeletionCookie("sid")
	got, _ := c.Format(now)
	if want := `sid=""; expires=Tue, 02 Jan 2024 03:04:05 GMT; Max-Age=0; Path=/; SameSite=lax`; got != want {
		t.Errorf("delete_cookie: %q, want %q", got, want)
	}
	c = NewCookie("a", "b")
	c.Expires = time.Date(2030, 12, 31, 23, 59, 59, 0, time.UTC)
	got, _ = c.Format(now)
	if want := `a=b; expires=Tue, 31 Dec 2030 23:59:59 GMT; Path=/; SameSite=lax`; got != want {
		t.Errorf("datetime expires: %q, want %q", got, want)
	}
	c.Expires = time.Date(2030, 1, 1, 0, 0, 0, 0, time.FixedZone("X", 3600))
	if _, err := c.Format(now); err == nil {
		t.Error("non-UTC datetime must fail like format_datetime(usegmt=True)")
	}
	if _, err := NewCookie("bad key", "v").Format(now); err == nil {
		t.Error("illegal key must fail")
	}
}

func TestQuoteURLOracle(t *testing.T) {
	inputs := []string{"http://testserver/items/", "http://h/a b/?q=<x>&r=%20", "http://h/é/ü?x=€", "http://h/#frag", `http://h/"q"{}|^`, "http://h/~_.-!$&'()*+,;=:@[]"}
	in := make([]any, len(inputs))
	for i, s := range inputs {
		in[i] = s
	}
	res := pyoracle.Run(t, `
from urllib.parse import quote
def handle(s):
    return quote(s, safe=":/%#?=@[]!$&'()*+,;")
`, in)
	for i, s := range inputs {
		var want string
		json.Unmarshal(res[i], &want)
		if got := QuoteURL(s); got != want {
			t.Errorf("QuoteURL(%q) = %q, want %q", s, got, want)
		}
	}
}

func TestHeadersSet(t *testing.T) {
	h := Headers{{"content-length", "3"}, {"x-a", "1"}, {"set-cookie", "a"}, {"x-a", "2"}}
	h.Set("X-A", "9")
	h.Append("Set-Cookie", "b")
	h.Set("Vary", "Origin")
	want := Headers{{"content-length", "3"}, {"x-a", "9"}, {"set-cookie", "a"}, {"set-cookie", "b"}, {"vary", "Origin"}}
	if len(h) != len(want) {
		t.Fatalf("%v", h)
	}
	for i := range h {
		if h[i] != want[i] {
			t.Errorf("%d: %v, want %v", i, h[i], want[i])
		}
	}
	h.Del("set-cookie")
	if h.Has("set-cookie") || len(h.Values("x-a")) != 1 {
		t.Errorf("%v", h)
	}
}

func TestResponseClasses(t *testing.T) {
	tests := []struct {
		name    string
		resp    *Response
		headers Headers
	}{
		{"json", JSONResponse(200, []byte(`{}`), nil), Headers{{"content-length", "2"}, {"content-type", "application/json"}}},
		{"html", HTMLResponse(200, "<p>", nil), Headers{{"content-length", "3"}, {"content-type", "text/html; charset=utf-8"}}},
		{"plain-204", PlainTextResponse(204, "", nil), Headers{{"content-type", "text/plain; charset=utf-8"}}},
		{"charset-given", New(200, []byte("x"), "text/csv; charset=latin-1", nil), Headers{{"content-length", "1"}, {"content-type", "text/csv; charset=latin-1"}}},
		{"no-media", New(200, []byte("x"), "", nil), Headers{{"content-length", "1"}}},
		{"given-headers", New(200, []byte("x"), "text/plain", FromPairs([2]string{"Content-Type", "a/b"}, [2]string{"X-Y", "z"})),
			Headers{{"content-type", "a/b"}, {"x-y", "z"}, {"content-length", "1"}}},
		{"redirect", RedirectResponse("http://h/a b", 0, nil), Headers{{"content-length", "0"}, {"location", "http://h/a%20b"}}},
	}
	for _, tt := range tests {
		if len(tt.resp.Headers) != len(tt.headers) {
			t.Errorf("%s: %v, want %v", tt.name, tt.resp.Headers, tt.headers)
			continue
		}
		for i := range tt.headers {
			if tt.resp.Headers[i] != tt.headers[i] {
				t.Errorf("%s: %v, want %v", tt.name, tt.resp.Headers, tt.headers)
				break
			}
		}
	}
}

func TestHTTPExceptionBodies(t *testing.T) {
	tests := []struct {
		exc    *HTTPException
		status int
		body   string
		fail   bool
	}{
		{NewHTTPException(404, nil), 404, `{"detail":"Not Found"}`, false},
		{NewHTTPException(418, nil), 418, `{"detail":"I'm a Teapot"}`, false},
		{NewHTTPException(413, nil), 413, `{"detail":"Request Entity Too Large"}`, false},
		{NewHTTPException(400, 12.5), 400, `{"detail":12.5}`, false},
		{NewHTTPException(400, pyjson.Dict{{Key: "é", Value: []any{1, "x", nil}}}), 400, `{"detail":{"é":[1,"x",null]}}`, false},
		{NewHTTPException(304, "ignored"), 304, ``, false},
		{NewHTTPException(599, nil), 0, ``, true},
		{NewHTTPException(400, math.Inf(1)), 0, ``, true},
	}
	for _, tt := range tests {
		resp, err := FromHTTPException(tt.exc)
		if tt.fail {
			if err == nil {
				t.Errorf("%v: want an error", tt.exc)
			}
			continue
		}
		if err != nil || resp.Status != tt.status || string(resp.Body) != tt.body {
			t.Errorf("%v: %v %q %v", tt.exc, resp.Status, resp.Body, err)
		}
	}
}

func TestAppendJSONable(t *testing.T) {
	u, _ := validate.UUIDFromString("12345678123456781234567812345678")
	tests := []struct {
		v    any
		want string
		fail bool
	}{
		{pyjson.Dict{{Key: "a", Value: 1.0}, {Key: "b", Value: 1e-7}, {Key: "c", Value: math.Copysign(0, -1)}}, `{"a":1.0,"b":1e-07,"c":-0.0}`, false},
		{[]any{true, nil, "é\n", []byte("bytes")}, `[true,null,"é\n","bytes"]`, false},
		{u, `"12345678-1234-5678-1234-567812345678"`, false},
		{validate.IntOf(7), `7`, false},
		{math.NaN(), ``, true},
		{[]byte{0xff}, ``, true},
		{struct{}{}, ``, true},
	}
	for _, tt := range tests {
		got, err := AppendJSONable(nil, tt.v)
		if tt.fail != (err != nil) || (!tt.fail && string(got) != tt.want) {
			t.Errorf("%#v: %s %v, want %s", tt.v, got, err, tt.want)
		}
	}
}

func TestOutJSONAndParam(t *testing.T) {
	var o Out
	o.Reset()
	o.Param.Headers.Set("X-P", "1")
	o.Param.Status = 204
	if err := o.JSON(200, append(o.Buf(), "null"...)); err != nil {
		t.Fatal(err)
	}
	r := o.Response()
	if r.Status != 204 || len(r.Body) != 0 || len(r.Headers) != 2 || r.Headers[0].Name != "content-type" || r.Headers[1].Name != "x-p" {
		t.Errorf("204 via Response parameter: %+v", r)
	}
	w := httptest.NewRecorder()
	req := httptest.NewRequest("GET", "/", nil)
	if err := r.Prepare(); err != nil {
		t.Fatal(err)
	}
	r.Write(w, req)
	if w.Code != 204 || w.Header().Get("X-P") != "1" {
		t.Errorf("written: %d %v", w.Code, w.Header())
	}
	var ve *RequestValidationError
	var es Errors
	es.Add(&validate.Error{Type: "int_parsing", Msg: "m", Input: "x"}, "query", "n", 1)
	if !errors.As(es.Err(), &ve) || len(ve.Errors[0].Loc) != 3 {
		t.Errorf("Errors: %v", es.Err())
	}
}

func TestOutNeverWritesIntoCallerBody(t *testing.T) {
	shared := []byte(`{"constant":true}` + "          ")[:17]
	var o Out
	o.Reset()
	o.JSON(200, shared)
	o.Reset()
	b := append(o.Buf(), `{"other":"value, long enough to overwrite"}`...)
	o.JSON(200, b)
	if string(shared) != `{"constant":true}` || string(shared[:cap(shared)][17:]) != "          " {
		t.Fatalf("caller's body was written into: %q", shared[:cap(shared)])
	}
	// a body that outgrew Buf() makes the next Buf() large enough
	o.Reset()
	big := append(o.Buf(), make([]byte, 5000)...)
	o.JSON(200, big)
	o.Reset()
	if cap(o.Buf()) < 5000 {
		t.Errorf("buffer did not grow: %d", cap(o.Buf()))
	}
}
