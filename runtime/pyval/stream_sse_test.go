package pyval

import (
	"bytes"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestServerSentEventWire(t *testing.T) {
	tests := []struct {
		name                                     string
		data, rawData, event, id, retry, comment Value
		want, wantErr                            string
	}{
		// The wire formats of the corpus's recorded exchanges (testdata/fastapi_apps/streaming).
		{"json data", mustDict(Str("n"), IntOf(0)), nil, Str("count"), Str("0"), nil, nil,
			"event: count\ndata: {\"n\": 0}\nid: 0\n\n", ""},
		{"raw data, retry, comment", nil, Str("bye"), Str("end"), nil, IntOf(1500), Str("closing"),
			": closing\nevent: end\ndata: bye\nretry: 1500\n\n", ""},
		{"multi-line comment and data", nil, Str("a\r\nb\rc"), nil, nil, nil, Str("x\ny"),
			": x\n: y\ndata: a\ndata: b\ndata: c\n\n", ""},
		{"str data is JSON", Str("hé"), nil, nil, nil, nil, nil, "data: \"h\\u00e9\"\n\n", ""},
		{"nothing", nil, nil, nil, nil, IntOf(0), nil, "retry: 0\n\n", ""},
		{"event on two lines", nil, nil, Str("a\nb"), nil, nil, nil, "", "SSE 'event' must be a single line"},
		{"id with NUL", nil, nil, nil, Str("a\x00"), nil, nil, "", "SSE 'id' must not contain null characters"},
		{"negative retry", nil, nil, nil, nil, IntOf(-1), nil, "", "greater than or equal to 0"},
		{"both data and raw_data", IntOf(1), Str("x"), nil, nil, nil, nil, "", "Cannot set both 'data' and 'raw_data'"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ev, err := NewServerSentEvent(tt.data, tt.rawData, tt.event, tt.id, tt.retry, tt.comment)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) || !ExcMatch(err, "ValueError") {
					t.Fatalf("err %v, want a ValidationError with %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			b, err := SSEEncoder(SSEDumps)(nil, ev)
			if err != nil || string(b) != tt.want {
				t.Errorf("wire %q (%v), want %q", b, err, tt.want)
			}
		})
	}
	// A plain item is the data field.
	b, err := SSEEncoder(SSEDumps)(nil, NewList(IntOf(1), None))
	if err != nil || string(b) != "data: [1, null]\n\n" {
		t.Errorf("plain item: %q, %v", b, err)
	}
}

// syncBuffer is a bytes.Buffer written by one goroutine and read by another.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestStreamSSE(t *testing.T) {
	enc := SSEEncoder(SSEDumps)
	t.Run("events in order", func(t *testing.T) {
		var w syncBuffer
		finally := false
		err := StreamSSE(&w, gen([]Value{IntOf(1), Str("a")}, nil, &finally), enc, time.Hour)
		if err != nil || w.String() != "data: 1\n\ndata: \"a\"\n\n" || !finally {
			t.Errorf("%q, %v, finally %v", w.String(), err, finally)
		}
	})
	t.Run("keep-alive while idle", func(t *testing.T) {
		var w syncBuffer
		release := make(chan struct{})
		done := make(chan error, 1)
		go func() {
			done <- StreamSSE(&w, func(yield func(Value) error) error {
				<-release
				return yield(IntOf(2))
			}, enc, 10*time.Millisecond)
		}()
		deadline := time.Now().Add(5 * time.Second)
		for !strings.Contains(w.String(), ": ping\n\n") && time.Now().Before(deadline) {
			time.Sleep(5 * time.Millisecond)
		}
		close(release)
		if err := <-done; err != nil || !strings.HasPrefix(w.String(), ": ping\n\n") || !strings.HasSuffix(w.String(), "data: 2\n\n") {
			t.Errorf("%q, %v", w.String(), err)
		}
	})
	t.Run("raises: aborted", func(t *testing.T) {
		var w syncBuffer
		finally := false
		err := StreamSSE(&w, gen(nil, NewException("ValueError", Str("x")), &finally), enc, time.Hour)
		if err == nil || !ExcMatch(err, "ValueError") || !finally {
			t.Errorf("%v, finally %v", err, finally)
		}
	})
	t.Run("client went away: the generator is closed", func(t *testing.T) {
		finally := false
		items := []Value{IntOf(1), IntOf(2), IntOf(3), IntOf(4), IntOf(5)}
		err := StreamSSE(&failWriter{ok: 1}, gen(items, nil, &finally), enc, time.Hour)
		if err != errGone || !finally {
			t.Errorf("%v, finally %v", err, finally)
		}
	})
	t.Run("item not serializable: aborted", func(t *testing.T) {
		finally := false
		err := StreamSSE(&syncBuffer{}, gen([]Value{&Iterator{name: "x"}}, nil, &finally), enc, time.Hour)
		if err == nil || !finally {
			t.Errorf("%v, finally %v", err, finally)
		}
	})
}
