package pyfile

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/covetpy/covetgen/runtime/pyval"
	"github.com/covetpy/covetgen/runtime/response"
)

// TestNewFileResponse checks the arguments reach the file response: headers= first,
// filename="" still a content-disposition, a missing file an error before sending,
// and a path that is not a str a TypeError.
func TestNewFileResponse(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(p, []byte("hello"), 0o644); err != nil {
		t.Fatal(err)
	}
	hs, err := pyval.NewDict(pyval.Str("X-Thing"), pyval.Str("caf\u00e9"))
	if err != nil {
		t.Fatal(err)
	}
	v, err := NewFileResponse(pyval.Str(p), pyval.IntOf(201), hs, nil, pyval.Str(""), pyval.Str("inline"))
	if err != nil {
		t.Fatal(err)
	}
	r := v.(*pyval.ResponseObj).Resp()
	if err := r.Prepare(); err != nil {
		t.Fatal(err)
	}
	rec := httptest.NewRecorder()
	if err := r.Write(rec, httptest.NewRequest("GET", "/", nil)); err != nil {
		t.Fatal(err)
	}
	res := rec.Result()
	if res.StatusCode != 201 || rec.Body.String() != "hello" {
		t.Errorf("status %d body %q", res.StatusCode, rec.Body.String())
	}
	for k, want := range map[string]string{"Content-Type": "text/plain; charset=utf-8", "Content-Disposition": `inline; filename=""`,
		"X-Thing": "caf\xe9", "Content-Length": "5", "Accept-Ranges": "bytes"} {
		if got := res.Header.Get(k); got != want {
			t.Errorf("%s = %q, want %q", k, got, want)
		}
	}

	v, err = NewFileResponse(pyval.Str(filepath.Join(dir, "nope")), nil, nil, nil, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := v.(*pyval.ResponseObj).Resp().Prepare(); err == nil {
		t.Error("missing file: no error before sending")
	}
	if _, err := NewFileResponse(pyval.IntOf(3), nil, nil, nil, nil, nil); err == nil {
		t.Error("int path: no error")
	}

	// A bad Range answer drops the response's background tasks, as Starlette returns
	// before running them.
	v, _ = NewFileResponse(pyval.Str(p), nil, nil, nil, nil, nil)
	r = v.(*pyval.ResponseObj).Resp()
	r.Background = &response.BackgroundTasks{}
	r.Background.Add(func() error { return nil })
	req := httptest.NewRequest("GET", "/", nil)
	req.Header.Set("Range", "bytes=9-")
	rec = httptest.NewRecorder()
	_ = r.Prepare()
	_ = r.Write(rec, req)
	if rec.Code != http.StatusRequestedRangeNotSatisfiable || r.Background.Len() != 0 {
		t.Errorf("bad range: status %d, %d background tasks", rec.Code, r.Background.Len())
	}
}

// TestRouteFileResponse checks response_class=FileResponse takes the result through
// jsonable_encoder first: bytes name the file as their str.
func TestRouteFileResponse(t *testing.T) {
	p := filepath.Join(t.TempDir(), "f.txt")
	if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, res := range []pyval.Value{pyval.Str(p), pyval.Bytes(p)} {
		r, err := RouteFileResponse(res, 200)
		if err != nil {
			t.Fatalf("%v: %v", res, err)
		}
		if err := r.Prepare(); err != nil {
			t.Errorf("%v: %v", res, err)
		}
	}
	for _, res := range []pyval.Value{pyval.IntOf(3), pyval.None, pyval.NewList(pyval.Str(p))} {
		if _, err := RouteFileResponse(res, 200); err == nil {
			t.Errorf("%v: no error", res)
		}
	}
}
