package pyval

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
)

// failWriter fails its writes after ok of them succeeded.
type failWriter struct {
	bytes.Buffer
	ok int
}

var errGone = errors.New("client went away")

func (w *failWriter) Write(p []byte) (int, error) {
	if w.ok == 0 {
		return 0, errGone
	}
	w.ok--
	return w.Buffer.Write(p)
}

// gen yields items, running finally (a flag) however it ends; raise is raised after
// the items.
func gen(items []Value, raise error, finally *bool) StreamBody {
	return func(yield func(Value) error) (err error) {
		defer func() { *finally = true }()
		for _, v := range items {
			if err := yield(v); err != nil {
				return err
			}
		}
		return raise
	}
}

func TestStream(t *testing.T) {
	boom := NewException("ValueError", Str("boom"))
	tests := []struct {
		name    string
		items   []Value
		raise   error
		enc     StreamEncoder
		ok      int
		want    string
		wantErr string
	}{
		{"str and bytes chunks", []Value{Str("é"), Bytes("\x00\x01")}, nil, StreamChunk, 9, "é\x00\x01", ""},
		{"no items", nil, nil, StreamChunk, 9, "", ""},
		{"raises mid-stream", []Value{Str("a")}, boom, StreamChunk, 9, "a", "boom"},
		{"chunk not str or bytes", []Value{Str("a"), IntOf(1), Str("b")}, nil, StreamChunk, 9, "a", "'int' object has no attribute 'encode'"},
		{"client went away", []Value{Str("a"), Str("b"), Str("c")}, nil, StreamChunk, 1, "a", "client went away"},
		{"json lines, json.dumps", []Value{mustDict(Str("b"), Str("café")), NewList(IntOf(1), Float(2.5), None)}, nil, StreamJSONDumps, 9,
			"{\"b\": \"caf\\u00e9\"}\n[1, 2.5, null]\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := &failWriter{ok: tt.ok}
			finally := false
			err := Stream(w, gen(tt.items, tt.raise, &finally), tt.enc)
			if got := w.String(); got != tt.want {
				t.Errorf("body = %q, want %q", got, tt.want)
			}
			if (err == nil) != (tt.wantErr == "") || (err != nil && !bytes.Contains([]byte(err.Error()), []byte(tt.wantErr))) {
				t.Errorf("err = %v, want %q", err, tt.wantErr)
			}
			if !finally {
				t.Error("the generator's finally did not run")
			}
		})
	}
}

// TestStreamStopNotCaught: what yield returns once the stream stopped is no Python
// exception (no except clause of translated code catches it).
func TestStreamStopNotCaught(t *testing.T) {
	var got error
	_ = Stream(&failWriter{}, func(yield func(Value) error) error {
		got = yield(Str("x"))
		return got
	}, StreamChunk)
	if got == nil || ExcMatch(got, "Exception", "BaseException") {
		t.Errorf("yield returned %v, want an error no except clause matches", got)
	}
}

func mustDict(kv ...Value) *Dict {
	d, err := NewDict(kv...)
	if err != nil {
		panic(err)
	}
	return d
}

func TestNewStreamingResponse(t *testing.T) {
	hs := mustDict(Str("X-Stream"), Str("async"))
	tests := []struct {
		name        string
		body        StreamBody
		status      Value
		headers     Value
		media       Value
		wantHeaders string
		wantBody    string
		wantErr     string
	}{
		{"generator, media type and headers", StreamIterable(NewList(Str("0,"), Bytes("done"))), nil, hs, Str("text/csv"),
			"[{x-stream async} {content-type text/csv; charset=utf-8}]", "0,done", ""},
		{"iterator, no media type", StreamIterable(NewList(Bytes("\x00\x01"), Bytes("\x02"))), IntOf(201), nil, nil,
			"[]", "\x00\x01\x02", ""},
		{"bytes content iterates ints", StreamIterable(Bytes("ab")), nil, nil, None, "[]", "", "'int' object has no attribute 'encode'"},
		{"not iterable", StreamIterable(IntOf(3)), nil, nil, nil, "[]", "", "not iterable"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := NewStreamingResponse(tt.body, tt.status, tt.headers, tt.media)
			if err != nil {
				t.Fatal(err)
			}
			r := v.(*ResponseObj).Resp()
			if got := fmt.Sprint(r.Headers); got != tt.wantHeaders {
				t.Errorf("headers %s, want %s", got, tt.wantHeaders)
			}
			if tt.status != nil && r.Status != 201 {
				t.Errorf("status %d", r.Status)
			}
			var w bytes.Buffer
			err = r.Stream(&w)
			if w.String() != tt.wantBody {
				t.Errorf("body %q, want %q", w.String(), tt.wantBody)
			}
			if (err == nil) != (tt.wantErr == "") || (err != nil && !strings.Contains(err.Error(), tt.wantErr)) {
				t.Errorf("err %v, want %q", err, tt.wantErr)
			}
		})
	}
}
