package pyval

import (
	"strings"
	"testing"
)

// TestUploadFileAttrs checks content_type (the first content-type header, as Starlette's
// Headers.get finds it; None without one) and size.
func TestUploadFileAttrs(t *testing.T) {
	cases := []struct {
		name    string
		headers []UploadHeader
		ct      string
		hasCT   bool
	}{
		{"none", []UploadHeader{{"content-disposition", `form-data; name="f"; filename="a"`}}, "", false},
		{"one", []UploadHeader{{"content-disposition", "x"}, {"content-type", "text/plain"}}, "text/plain", true},
		{"first wins", []UploadHeader{{"content-type", "a/b"}, {"content-type", "c/d"}}, "a/b", true},
		{"empty value", []UploadHeader{{"content-type", ""}}, "", true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			u := &UploadFile{Filename: "a", Headers: tc.headers, Data: []byte("abc")}
			ct, ok := u.ContentType()
			if ct != tc.ct || ok != tc.hasCT {
				t.Errorf("ContentType() = %q, %v; want %q, %v", ct, ok, tc.ct, tc.hasCT)
			}
			if u.Size() != 3 || u.TypeName() != "UploadFile" {
				t.Errorf("Size() = %d, TypeName() = %q", u.Size(), u.TypeName())
			}
			// No __bool__ or __eq__: always true, equal only to itself.
			twin := *u
			if !Truthy(u) || !Eq(u, u) || Eq(u, &twin) || Eq(u, Str("a")) || Eq(None, u) {
				t.Errorf("truthiness / equality of an UploadFile")
			}
		})
	}
}

// TestUploadFileRendering compares repr(), str() and jsonable_encoder() (json.dumps'
// compact form) with what CPython gave for Starlette's UploadFile over a 1 MiB
// SpooledTemporaryFile holding the data at position 0, as the form parser leaves it.
func TestUploadFileRendering(t *testing.T) {
	const vars = `{"_file":{},"_max_size":1048576,"_rolled":false,"_TemporaryFileArgs":{"mode":"w+b","buffering":-1,"suffix":null,"prefix":null,"encoding":null,"newline":null,"dir":null,"errors":null}}`
	plainHeaders := []UploadHeader{{"content-disposition", `form-data; name="f"; filename="a.txt"`}, {"content-type", "text/plain"}}
	cases := []struct {
		name     string
		filename string
		headers  []UploadHeader
		data     string
		repr     string
		jsonable string
	}{
		{"plain", "a.txt", plainHeaders, "abc",
			`UploadFile(filename='a.txt', size=3, headers=Headers({'content-disposition': 'form-data; name="f"; filename="a.txt"', 'content-type': 'text/plain'}))`,
			`{"filename":"a.txt","file":` + vars + `,"size":3,"headers":{"content-disposition":"form-data; name=\"f\"; filename=\"a.txt\"","content-type":"text/plain"},"_max_mem_size":1048576}`},
		{"repeated header", "café 'x'.bin", []UploadHeader{{"content-type", "a/b"}, {"x-n", "vé"}, {"content-type", "c/d"}}, "",
			`UploadFile(filename="café 'x'.bin", size=0, headers=Headers(raw=[(b'content-type', b'a/b'), (b'x-n', b'v\xe9'), (b'content-type', b'c/d')]))`,
			`{"filename":"café 'x'.bin","file":{},"size":0,"headers":{"content-type":"a/b","x-n":"vé"},"_max_mem_size":1048576}`},
		{"no headers", "", nil, "x",
			`UploadFile(filename='', size=1, headers=Headers({}))`,
			`{"filename":"","file":` + vars + `,"size":1,"headers":{},"_max_mem_size":1048576}`},
		{"rolled", "big", []UploadHeader{{"content-type", "x"}}, strings.Repeat("0", 1024*1024+1),
			`UploadFile(filename='big', size=1048577, headers=Headers({'content-type': 'x'}))`,
			`{"filename":"big","file":{"_file":{},"_max_size":1048576,"_rolled":true},"size":1048577,"headers":{"content-type":"x"},"_max_mem_size":1048576}`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			u := &UploadFile{Filename: tc.filename, Headers: tc.headers, Data: []byte(tc.data)}
			if r, err := Repr(u); err != nil || string(r) != tc.repr {
				t.Errorf("repr = %q, %v\nwant   %q", r, err, tc.repr)
			}
			if s, err := StrOf(u); err != nil || string(s) != tc.repr {
				t.Errorf("str = %q, %v", s, err)
			}
			if j, err := AppendJSONable(nil, u); err != nil || string(j) != tc.jsonable {
				t.Errorf("jsonable = %s, %v\nwant       %s", j, err, tc.jsonable)
			}
		})
	}
	// dict(file) succeeds when every line is two bytes long.
	files := []struct{ data, want string }{
		{"a\nb\n", `{"97":10,"98":10}`},
		{"ab", `{"97":98}`},
		{"a\nbc", `{"97":10,"98":99}`},
		{"\n\n", vars},
		{"a\na\nb\nc\n", `{"97":10,"98":10,"99":10}`},
	}
	for _, f := range files {
		if got := string(appendSpoolJSONable(nil, []byte(f.data), 0)); got != f.want {
			t.Errorf("file %q: got %s, want %s", f.data, got, f.want)
		}
	}
}
