package pyval

import (
	"os/exec"
	"strings"
	"testing"
)

// prettyRender is render(self, content) = json.dumps(content, indent=2, sort_keys=True,
// ensure_ascii=False).encode("utf-8"), as a translated render method is called.
func prettyRender(content Value) (Value, error) {
	s, err := JSONDumps(content, DumpsOptions{Indent: ParseInt("2"), SortKeys: True, EnsureASCII: False})
	if err != nil {
		return nil, err
	}
	return CallMethod(s, "encode", Str("utf-8"))
}

// TestRenderResult checks that render gets jsonable_encoder(res) as Python does for plain
// values (tuples as lists, dict keys kept: ints sort as ints, NaN kept), against CPython's
// json.dumps of the same literal.
func TestRenderResult(t *testing.T) {
	d, _ := NewDict(ParseInt("10"), Str("a"), ParseInt("9"), Tuple{Str("b"), Float(2)}, True, None)
	nan, _ := NewDict(Str("x"), Float(nanValue()), Str("é"), NewList(Float(1.5), False))
	mixed, _ := NewDict(ParseInt("1"), Str("a"), Str("b"), ParseInt("2"))
	for _, tt := range []struct {
		name string
		v    Value
		py   string // the same value as a Python literal ("" when render fails)
		err  string
	}{
		{"int and bool keys", d, `{10: "a", 9: ("b", 2.0), True: None}`, ""},
		{"NaN and non-ASCII", nan, `{"x": float("nan"), "é": [1.5, False]}`, ""},
		{"str", Str("x"), `"x"`, ""},
		{"mixed keys", mixed, "", "TypeError"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := RenderResult(prettyRender, tt.v)
			if tt.err != "" {
				if e, ok := err.(*Exception); !ok || !e.IsInstance(tt.err) {
					t.Fatalf("error %v, want %s", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command("python3", "-c", "import json, sys\nsys.stdout.buffer.write(json.dumps("+tt.py+
				", indent=2, sort_keys=True, ensure_ascii=False).encode('utf-8'))").Output()
			if err != nil {
				t.Fatalf("python3: %v", err)
			}
			if string(got) != string(out) {
				t.Errorf("got %q, CPython %q", got, out)
			}
		})
	}
}

func nanValue() float64 {
	zero := 0.0
	return zero / zero
}

// TestNewCustomResponse checks objects of app-defined classes a body builds: the class's
// media type (or the media_type argument), its render or its base's, Starlette's headers.
func TestNewCustomResponse(t *testing.T) {
	pretty := &ResponseClass{Name: "Pretty", Base: "JSONResponse", Media: "application/json", Render: prettyRender}
	csv := &ResponseClass{Name: "CSV", Base: "Response", Media: "text/csv"}
	vnd := &ResponseClass{Name: "Vnd", Base: "JSONResponse", Media: "application/vnd+json"}
	bad := &ResponseClass{Name: "Bad", Base: "Response", Render: func(c Value) (Value, error) { return c, nil }}
	content, _ := NewDict(Str("b"), ParseInt("1"), Str("a"), Str("é"))
	hs, _ := NewDict(Str("X-A"), Str("1"))
	for _, tt := range []struct {
		name                            string
		c                               *ResponseClass
		content, status, headers, media Value
		wantStatus                      int
		wantBody                        string
		wantHeaders                     [][2]string
		err                             string
	}{
		{name: "render", c: pretty, content: content, status: ParseInt("202"), headers: hs, wantStatus: 202,
			wantBody:    "{\n  \"a\": \"é\",\n  \"b\": 1\n}",
			wantHeaders: [][2]string{{"x-a", "1"}, {"content-length", "25"}, {"content-type", "application/json"}}},
		{name: "text base", c: csv, content: Str("a,b\n"), wantStatus: 200, wantBody: "a,b\n",
			wantHeaders: [][2]string{{"content-length", "4"}, {"content-type", "text/csv; charset=utf-8"}}},
		{name: "media_type argument", c: csv, content: None, media: Str("text/plain"), wantStatus: 200, wantBody: "",
			wantHeaders: [][2]string{{"content-length", "0"}, {"content-type", "text/plain; charset=utf-8"}}},
		{name: "JSON base", c: vnd, content: content, wantStatus: 200, wantBody: `{"b":1,"a":"é"}`,
			wantHeaders: [][2]string{{"content-length", "16"}, {"content-type", "application/vnd+json"}}},
		{name: "render returning str", c: bad, content: Str("x"), err: "TypeError"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			v, err := NewCustomResponse(tt.c, tt.content, tt.status, tt.headers, tt.media)
			if tt.err != "" {
				if e, ok := err.(*Exception); !ok || !e.IsInstance(tt.err) {
					t.Fatalf("error %v, want %s", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			r := v.(*ResponseObj)
			if r.TypeName() != tt.c.Name {
				t.Errorf("type %s, want %s", r.TypeName(), tt.c.Name)
			}
			got := r.Resp()
			if got.Status != tt.wantStatus || string(got.Body) != tt.wantBody {
				t.Errorf("got %d %q, want %d %q", got.Status, got.Body, tt.wantStatus, tt.wantBody)
			}
			if len(got.Headers) != len(tt.wantHeaders) {
				t.Fatalf("headers %v, want %v", got.Headers, tt.wantHeaders)
			}
			for i, h := range tt.wantHeaders {
				if !strings.EqualFold(got.Headers[i].Name, h[0]) || got.Headers[i].Value != h[1] {
					t.Errorf("headers %v, want %v", got.Headers, tt.wantHeaders)
				}
			}
		})
	}
}
