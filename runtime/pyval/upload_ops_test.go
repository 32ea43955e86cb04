package pyval

import "testing"

// TestUploadOps runs a sequence of UploadFile operations on one file and compares each
// result with what Starlette 0.47.3's UploadFile over a SpooledTemporaryFile gave.
func TestUploadOps(t *testing.T) {
	u := &UploadFile{Filename: "a.txt", Data: []byte("hello world"), Headers: []UploadHeader{
		{"content-disposition", `form-data; name="f"`}, {"content-type", "text/plain"}, {"x-a", "1"}, {"x-a", "2"}}}
	steps := []struct {
		name string
		run  func() (Value, error)
		want string // repr of the result, or of the exception
	}{
		{"read(5)", func() (Value, error) { return UploadRead(u, IntOf(5)) }, "b'hello'"},
		{"read(0)", func() (Value, error) { return UploadRead(u, IntOf(0)) }, "b''"},
		{"read(-3)", func() (Value, error) { return UploadRead(u, IntOf(-3)) }, "b' world'"},
		{"read() at end", func() (Value, error) { return UploadRead(u, nil) }, "b''"},
		{"seek(2)", func() (Value, error) { return UploadSeek(u, IntOf(2)) }, "None"},
		{"read(None)", func() (Value, error) { return UploadRead(u, None) }, "b'llo world'"},
		{"seek(100)", func() (Value, error) { return UploadSeek(u, IntOf(100)) }, "None"},
		{"read() past end", func() (Value, error) { return UploadRead(u, nil) }, "b''"},
		{"seek(-1)", func() (Value, error) { return UploadSeek(u, IntOf(-1)) }, "ValueError('negative seek value -1')"},
		{"read('x')", func() (Value, error) { return UploadRead(u, Str("x")) }, `TypeError("argument should be integer or None, not 'str'")`},
		{"seek('x')", func() (Value, error) { return UploadSeek(u, Str("x")) }, `TypeError("'str' object cannot be interpreted as an integer")`},
		{"filename", func() (Value, error) { return UploadAttr(u, "filename") }, "'a.txt'"},
		{"content_type", func() (Value, error) { return UploadAttr(u, "content_type") }, "'text/plain'"},
		{"size", func() (Value, error) { return UploadAttr(u, "size") }, "11"},
		{"items", func() (Value, error) { return UploadHeaders(u, "items") },
			`[('content-disposition', 'form-data; name="f"'), ('content-type', 'text/plain'), ('x-a', '1'), ('x-a', '2')]`},
		{"keys", func() (Value, error) { return UploadHeaders(u, "keys") }, "['content-disposition', 'content-type', 'x-a', 'x-a']"},
		{"values", func() (Value, error) { return UploadHeaders(u, "values") }, `['form-data; name="f"', 'text/plain', '1', '2']`},
		{"get first", func() (Value, error) { return UploadHeaders(u, "get", Str("X-A")) }, "'1'"},
		{"get default", func() (Value, error) { return UploadHeaders(u, "get", Str("nope"), IntOf(7)) }, "7"},
		{"getlist", func() (Value, error) { return UploadHeaders(u, "getlist", Str("x-a")) }, "['1', '2']"},
		{"item", func() (Value, error) { return UploadHeaders(u, "[]", Str("CONTENT-TYPE")) }, "'text/plain'"},
		{"item missing", func() (Value, error) { return UploadHeaders(u, "[]", Str("zz")) }, "KeyError('zz')"},
		{"get of an int", func() (Value, error) { return UploadHeaders(u, "get", IntOf(1)) }, `AttributeError("'int' object has no attribute 'lower'")`},
		{"attribute of None", func() (Value, error) { return UploadAttr(None, "filename") }, `AttributeError("'NoneType' object has no attribute 'filename'")`},
	}
	for _, s := range steps {
		v, err := s.run()
		got := ""
		if err != nil {
			e, ok := err.(*Exception)
			if !ok {
				t.Fatalf("%s: %v", s.name, err)
			}
			got = excRepr(e)
		} else {
			r, _ := Repr(v)
			got = string(r)
		}
		if got != s.want {
			t.Errorf("%s: got %s, want %s", s.name, got, s.want)
		}
	}
}

// excRepr is repr() of an exception with one argument.
func excRepr(e *Exception) string {
	arg := Value(Str(e.Msg))
	if len(e.Args) == 1 {
		arg = e.Args[0]
	}
	r, _ := Repr(arg)
	return e.Class + "(" + string(r) + ")"
}

// TestUploadJSONableAfterRead checks jsonable_encoder of a file a body read: dict(file)
// iterates the lines from the position on (CPython: {} at the end of b"ab\ncd").
func TestUploadJSONableAfterRead(t *testing.T) {
	u := &UploadFile{Filename: "a", Data: []byte("ab\ncd")}
	if _, err := UploadRead(u, IntOf(3)); err != nil {
		t.Fatal(err)
	}
	got, err := u.AppendJSONable(nil)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"filename":"a","file":{"99":100},"size":5,"headers":{},"_max_mem_size":1048576}`
	if string(got) != want {
		t.Errorf("got %s, want %s", got, want)
	}
}
