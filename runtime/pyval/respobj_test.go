package pyval

import (
	"encoding/base64"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/covetpy/covetgen/runtime/response"
)

// respCase is one case of testdata/responses.json, recorded from Starlette by
// testdata/record_responses.py.
type respCase struct {
	Class  string                     `json:"class"`
	Args   []json.RawMessage          `json:"args"`
	Kwargs map[string]json.RawMessage `json:"kwargs"`
	Ops    []json.RawMessage          `json:"ops"`
	Want   struct {
		Error   string      `json:"error"`
		Status  int         `json:"status"`
		Headers [][2]string `json:"headers"`
		Body    string      `json:"body"`
	} `json:"want"`
}

// fromTestJSON converts a JSON value to a Value (numbers with '.', 'e' or 'E' are floats).
func fromTestJSON(t *testing.T, raw json.RawMessage) Value {
	t.Helper()
	d := json.NewDecoder(strings.NewReader(string(raw)))
	d.UseNumber()
	var x any
	if err := d.Decode(&x); err != nil {
		t.Fatal(err)
	}
	var conv func(x any) Value
	conv = func(x any) Value {
		switch v := x.(type) {
		case nil:
			return None
		case bool:
			return Bool(v)
		case string:
			return Str(v)
		case json.Number:
			if strings.ContainsAny(string(v), ".eE") {
				f, _ := v.Float64()
				return Float(f)
			}
			return ParseInt(string(v))
		case []any:
			l := NewList()
			for _, it := range v {
				l.Items = append(l.Items, conv(it))
			}
			return l
		case map[string]any:
			t.Fatal("objects must keep their order: use orderedObject")
		}
		return nil
	}
	if strings.HasPrefix(strings.TrimSpace(string(raw)), "{") {
		return orderedObject(t, raw, conv)
	}
	return conv(x)
}

// orderedObject decodes a JSON object into a Dict in document order.
func orderedObject(t *testing.T, raw json.RawMessage, conv func(any) Value) Value {
	t.Helper()
	d := json.NewDecoder(strings.NewReader(string(raw)))
	d.UseNumber()
	if _, err := d.Token(); err != nil {
		t.Fatal(err)
	}
	out, _ := NewDict()
	for d.More() {
		k, err := d.Token()
		if err != nil {
			t.Fatal(err)
		}
		var v json.RawMessage
		if err := d.Decode(&v); err != nil {
			t.Fatal(err)
		}
		if err := out.Set(Str(k.(string)), fromTestJSON(t, v)); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

func TestResponseObjects(t *testing.T) {
	b, err := os.ReadFile("testdata/responses.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []respCase
	if err := json.Unmarshal(b, &cases); err != nil {
		t.Fatal(err)
	}
	for i, c := range cases {
		params := []string{"content", "status_code", "headers", "media_type"}
		if c.Class == "RedirectResponse" {
			params = []string{"url", "status_code", "headers"}
		}
		args := make([]Value, len(params))
		for j, a := range c.Args {
			args[j] = fromTestJSON(t, a)
		}
		for j, p := range params {
			if a, ok := c.Kwargs[p]; ok {
				args[j] = fromTestJSON(t, a)
			}
		}
		var v Value
		if c.Class == "RedirectResponse" {
			v, err = NewRedirectResponse(args[0], args[1], args[2])
		} else {
			v, err = NewResponse(c.Class, args[0], args[1], args[2], args[3])
		}
		for _, op := range c.Ops {
			if err != nil {
				break
			}
			err = applyOp(t, v, op)
		}
		if c.Want.Error != "" {
			e, ok := err.(*Exception)
			if !ok || e.Class != c.Want.Error {
				t.Errorf("case %d (%s): error %v, want %s", i, c.Class, err, c.Want.Error)
			}
			continue
		}
		if err != nil {
			t.Errorf("case %d (%s): %v", i, c.Class, err)
			continue
		}
		r := v.(*ResponseObj).Resp()
		var hs [][2]string
		for _, h := range r.Headers {
			hs = append(hs, [2]string{h.Name, h.Value})
		}
		body := base64.StdEncoding.EncodeToString(r.Body)
		if r.Status != c.Want.Status || !sameHeaders(hs, c.Want.Headers) || body != c.Want.Body {
			t.Errorf("case %d (%s): got %d %q %s, want %d %q %s", i, c.Class, r.Status, hs, body, c.Want.Status, c.Want.Headers, c.Want.Body)
		}
	}
}

func sameHeaders(a, b [][2]string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// applyOp applies one recorded operation: ["set_cookie", args, kwargs], ["append", [k,
// v]], ["setitem", [k, v]] or ["status", n].
func applyOp(t *testing.T, v Value, raw json.RawMessage) error {
	t.Helper()
	var op []json.RawMessage
	if err := json.Unmarshal(raw, &op); err != nil {
		t.Fatal(err)
	}
	var name string
	_ = json.Unmarshal(op[0], &name)
	switch name {
	case "status":
		return RespSetStatus(v, fromTestJSON(t, op[1]))
	case "append", "setitem":
		var kv []json.RawMessage
		_ = json.Unmarshal(op[1], &kv)
		if name == "append" {
			_, err := RespAppendHeader(v, fromTestJSON(t, kv[0]), fromTestJSON(t, kv[1]))
			return err
		}
		return RespSetHeader(v, fromTestJSON(t, kv[0]), fromTestJSON(t, kv[1]))
	case "set_cookie":
		var pos []json.RawMessage
		var kw map[string]json.RawMessage
		_ = json.Unmarshal(op[1], &pos)
		_ = json.Unmarshal(op[2], &kw)
		var a CookieArgs
		slots := []*Value{&a.Key, &a.Value, &a.MaxAge, &a.Expires, &a.Path, &a.Domain, &a.Secure, &a.HTTPOnly, &a.SameSite}
		names := []string{"key", "value", "max_age", "expires", "path", "domain", "secure", "httponly", "samesite"}
		for i, p := range pos {
			*slots[i] = fromTestJSON(t, p)
		}
		for i, n := range names {
			if r, ok := kw[n]; ok {
				*slots[i] = fromTestJSON(t, r)
			}
		}
		_, err := RespSetCookie(v, a)
		return err
	}
	t.Fatalf("unknown op %s", name)
	return nil
}

// TestResponseParam checks the Response parameter: status None until set, headers and
// cookies appended to the parameter's list.
func TestResponseParam(t *testing.T) {
	var p response.Param
	v := ResponseParamOf(&p)
	if s, _ := RespStatus(v); !IsNone(s) {
		t.Fatalf("status %v, want None", s)
	}
	if err := RespSetStatus(v, IntOf(201)); err != nil || p.Status != 201 {
		t.Fatalf("status %d, err %v", p.Status, err)
	}
	if err := RespSetHeader(v, Str("X-A"), Str("1")); err != nil {
		t.Fatal(err)
	}
	if _, err := RespDeleteCookie(v, CookieArgs{Key: Str("session")}); err != nil {
		t.Fatal(err)
	}
	if len(p.Headers) != 2 || p.Headers[0] != (response.Header{Name: "x-a", Value: "1"}) ||
		!strings.HasPrefix(p.Headers[1].Value, "session=\"\"; expires=") || !strings.HasSuffix(p.Headers[1].Value, "GMT; Max-Age=0; Path=/; SameSite=lax") {
		t.Fatalf("headers %q", p.Headers)
	}
	if err := RespSetStatus(v, Str("201")); err == nil {
		t.Fatal("a str status was accepted")
	}
}
