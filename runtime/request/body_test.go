package request

import (
	"bytes"
	"errors"
	"net/http/httptest"
	"testing"

	"github.com/covetpy/covetgen/runtime/pyjson"
	"github.com/covetpy/covetgen/runtime/response"
	"github.com/covetpy/covetgen/runtime/validate"
)

func TestJSONBody(t *testing.T) {
	tests := []struct {
		name, ct, body string
		strict         bool
		kind           BodyKind
		json           string // re-encoded value for BodyJSON
		err            string // 422 body or "400"
	}{
		{"object", "application/json", `{"a":1}`, true, BodyJSON, `{"a":1}`, ""},
		{"bom", "application/json", "\xef\xbb\xbf[1]", true, BodyJSON, `[1]`, ""},
		{"plus-json", "application/merge-patch+json; charset=utf-8", `{"a":2.0}`, true, BodyJSON, `{"a":2.0}`, ""},
		{"empty", "application/json", ``, true, BodyEmpty, "", ""},
		{"null", "application/json", `null`, true, BodyJSON, `null`, ""},
		{"text-plain", "text/plain", `5`, true, BodyRaw, "", ""},
		{"no-ct-strict", "", `{"a":1}`, true, BodyRaw, "", ""},
		{"no-ct-lax", "", `{"a":1}`, false, BodyJSON, `{"a":1}`, ""},
		{"malformed", "application/json", `{"sku":`, true, 0, "",
			`{"detail":[{"type":"json_invalid","loc":["body",7],"msg":"JSON decode error","input":{},"ctx":{"error":"Expecting value"}}]}`},
		{"whitespace", "application/json", ` `, true, 0, "",
			`{"detail":[{"type":"json_invalid","loc":["body",1],"msg":"JSON decode error","input":{},"ctx":{"error":"Expecting value"}}]}`},
		{"bad-escape", "application/json", `{"sku":"a\x"}`, true, 0, "",
			`{"detail":[{"type":"json_invalid","loc":["body",9],"msg":"JSON decode error","input":{},"ctx":{"error":"Invalid \\escape"}}]}`},
		{"invalid-utf8", "application/json", "{\"sku\":\"\xff\"}", true, 0, "", "400"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hr := httptest.NewRequest("POST", "/", bytes.NewReader([]byte(tt.body)))
			if tt.ct != "" {
				hr.Header.Set("Content-Type", tt.ct)
			}
			var rq Request
			rq.Reset(hr)
			got, err := rq.JSON(tt.strict)
			if tt.err != "" {
				var he *response.HTTPException
				var ve *response.RequestValidationError
				switch {
				case errors.As(err, &he):
					if tt.err != "400" || he.Status != 400 || he.Detail != "There was an error parsing the body" {
						t.Fatalf("got %#v, want %s", he, tt.err)
					}
				case errors.As(err, &ve):
					b, _ := validate.AppendDetail(nil, ve.Errors)
					if string(b) != tt.err {
						t.Fatalf("got %s\nwant %s", b, tt.err)
					}
				default:
					t.Fatalf("got %v, want %s", err, tt.err)
				}
				return
			}
			if err != nil || got.Kind != tt.kind {
				t.Fatalf("got kind %v err %v, want %v", got.Kind, err, tt.kind)
			}
			if tt.kind == BodyJSON {
				b, _ := pyjson.AppendValue(nil, got.Value)
				if string(b) != tt.json {
					t.Fatalf("got %s, want %s", b, tt.json)
				}
			}
			if tt.kind == BodyRaw && string(got.Raw) != tt.body {
				t.Fatalf("raw %q", got.Raw)
			}
		})
	}
}

func TestHeadersAndParams(t *testing.T) {
	hr := httptest.NewRequest("GET", "/a%2Fb/%C3%A9?x=1&x=2&y=%ZZ", nil)
	hr.Header["X-Token"] = []string{"first", "second"}
	hr.Header["X-Latin"] = []string{"caf\xe9"}
	hr.Header["Cookie"] = []string{`a=1; b="x\"y"`, "c=3"}
	hr.Host = "testserver"
	var rq Request
	rq.Reset(hr)
	if rq.Path() != "/a/b/é" {
		t.Errorf("path %q", rq.Path())
	}
	if v, _ := rq.Header("X-Token"); v != "first" {
		t.Errorf("header %q", v)
	}
	if v, _ := rq.Header("X-Latin"); v != "café" {
		t.Errorf("latin-1 header %q", v)
	}
	if v, _ := rq.Header("Host"); v != "testserver" {
		t.Errorf("host %q", v)
	}
	if v, ok := rq.Cookie("b"); !ok || v != `x"y` {
		t.Errorf("cookie b %q", v)
	}
	if _, ok := rq.Cookie("c"); ok {
		t.Errorf("only the first cookie header counts")
	}
	if v, _ := rq.Query().Get("x"); v != "2" {
		t.Errorf("last query value %q", v)
	}
	if vs := rq.Query().All("x"); len(vs) != 2 || vs[0] != "1" {
		t.Errorf("all %q", vs)
	}
	if got := rq.URL(); got != "http://testserver/a/b/é?x=1&x=2&y=%ZZ" {
		t.Errorf("url %q", got)
	}
	rq.SetParams([]string{"id"}, []string{"5"})
	if v, ok := rq.ParamByName("id"); !ok || v != "5" || rq.Param(0) != "5" || rq.Param(3) != "" {
		t.Errorf("params")
	}
}

func TestRoutePath(t *testing.T) {
	tests := []struct{ path, root, want string }{
		{"/x", "", "/x"},
		{"/api/v1/x", "/api/v1", "/x"},
		{"/api/v1", "/api/v1", ""},
		{"/api/v10", "/api/v1", "/api/v10"},
		{"/x", "/api/v1", "/x"},
	}
	for _, tt := range tests {
		if got := RoutePath(tt.path, tt.root); got != tt.want {
			t.Errorf("RoutePath(%q, %q) = %q, want %q", tt.path, tt.root, got, tt.want)
		}
	}
}
