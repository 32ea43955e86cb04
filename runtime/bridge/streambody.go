package bridge

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
)

// Streamed replies: a Response whose body is an iterator (a StreamingResponse returned
// or built for a generator endpoint, an exception handler's, a forwarded route's) is
// not collected by the worker. Its reply is several frames of the call's id: 'T' (the
// start: a session reply frame whose meta has the status and headers), then a 'D' frame
// per body chunk as the iterator yields it, then 'Z' (the end) or 'A' (the iterator
// raised: an exception frame's payload). Back-pressure: the worker sends at most
// streamWindow chunks ahead of Go's acks ('K', one per chunk Go has written to the
// client), so a slow client holds at most that many chunks in memory on either side.
// A 'X' frame cancels the stream: the worker stops iterating and closes the iterator
// (aclose / close: its finally blocks run), as under uvicorn when the client went away.

// Frame kinds of streamed replies.
const (
	kindStreamStart = 'T' // worker -> Go: the response starts (session reply format)
	kindChunk       = 'D' // worker -> Go: one body chunk
	kindStreamEnd   = 'Z' // worker -> Go: the body is complete
	kindAbort       = 'A' // worker -> Go: the body iterator raised (exception payload)
	kindAck         = 'K' // Go -> worker: one chunk written to the client
	kindCancel      = 'X' // Go -> worker: stop the stream and close its iterator
)

// streamWindow is how many chunks the worker sends ahead of Go's acks.
const streamWindow = 8

// callBuffer is the capacity of a call's reply channel: a streamed reply's start, a
// window of chunks and its end; readLoop never blocks on it.
const callBuffer = streamWindow + 2

// moreFrames reports the reply frames after which the call's later frames follow.
func moreFrames(kind byte) bool { return kind == kindStreamStart || kind == kindChunk }

// ErrStreamClosed is what Stream.Next returns after Close.
var ErrStreamClosed = errors.New("bridge: response stream closed")

// Stream is the body of a response the worker streams (RawResponse.Stream): the chunks
// as the Python iterator yields them. Read it with Next or WriteTo; Close it when done
// (always: a stream not read to its end holds the iterator in the worker until then).
// Its methods must not be called concurrently, except Close.
type Stream struct {
	w  *proc
	id uint64
	ch chan frame

	unacked bool // Next returned a chunk not yet acknowledged

	mu   sync.Mutex
	done bool          // the end, an abort or Close was seen
	err  error         // what Next returns once done
	stop chan struct{} // closed when cancelled
}

// newStream takes over the registration of call id on w (its start frame arrived).
func newStream(w *proc, id uint64, ch chan frame) *Stream {
	return &Stream{w: w, id: id, ch: ch, stop: make(chan struct{})}
}

// Next returns the next chunk. The chunk it returned before is acknowledged first (the
// caller has written it), which lets the worker send one more. At the end it returns
// io.EOF; when the iterator raised, a *StreamAbortError; ErrWorkerLost when the worker
// died; the context's error (the stream is then cancelled) when ctx ends first.
func (s *Stream) Next(ctx context.Context) ([]byte, error) {
	s.mu.Lock()
	done, err := s.done, s.err
	s.mu.Unlock()
	if done {
		return nil, err
	}
	if s.unacked {
		s.unacked = false
		if err := s.w.sendControl(s.id, kindAck); err != nil {
			s.finish(ErrWorkerLost, true)
			return nil, ErrWorkerLost
		}
	}
	select {
	case f, ok := <-s.ch:
		if !ok {
			return nil, s.finish(ErrWorkerLost, false)
		}
		switch f.kind {
		case kindChunk:
			s.unacked = true
			return f.payload, nil
		case kindStreamEnd:
			return nil, s.finish(io.EOF, false)
		case kindAbort:
			return nil, s.finish(abortError(f.payload), false)
		}
		return nil, s.finish(fmt.Errorf("bridge: unexpected frame %q in a response stream", f.kind), true)
	case <-ctx.Done():
		return nil, s.finish(ctx.Err(), true)
	case <-s.stop:
		return nil, s.finish(ErrStreamClosed, true)
	}
}

// WriteTo writes the chunks to dst as they come (a dst that flushes each Write, like
// the runtime's stream writer, sends each chunk at once). It returns nil at the end, the
// first write error (the stream is then cancelled), or Next's error.
func (s *Stream) WriteTo(ctx context.Context, dst io.Writer) error {
	for {
		chunk, err := s.Next(ctx)
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if _, err := dst.Write(chunk); err != nil {
			s.finish(err, true)
			return err
		}
	}
}

// Close cancels the stream unless it ended: the worker stops iterating and closes the
// iterator. Safe to call more than once and concurrently with Next.
func (s *Stream) Close() {
	s.finish(ErrStreamClosed, true)
}

// finish records the stream's outcome (the first one wins); cancel: the worker may
// still be streaming, so the call is unregistered and the worker told to stop. It
// returns the recorded error.
func (s *Stream) finish(err error, cancel bool) error {
	s.mu.Lock()
	if s.done {
		err = s.err
		s.mu.Unlock()
		return err
	}
	s.done, s.err = true, err
	s.mu.Unlock()
	close(s.stop)
	if cancel {
		s.w.unregister(s.id)
		_ = s.w.sendControl(s.id, kindCancel)
	}
	return err
}

// StreamAbortError is a response body that raised after the response started (FastAPI
// has sent the status and part of the body by then; uvicorn closes the connection).
type StreamAbortError struct {
	Err *PyError
}

func (e *StreamAbortError) Error() string {
	msg := "bridge: the response body raised: " + e.Err.Error()
	if tb := strings.TrimRight(e.Err.Traceback, "\n"); tb != "" {
		msg += "\n" + tb
	}
	return msg
}

func (e *StreamAbortError) Unwrap() error { return e.Err }

func abortError(payload []byte) error {
	pe := &PyError{}
	if err := json.Unmarshal(payload, pe); err != nil {
		return errors.New("bridge: bad stream abort frame: " + err.Error())
	}
	return &StreamAbortError{Err: pe}
}

// ReadBody reads a streamed body whole into Body (Stream is then nil); a response that
// is not streamed is left as it is. The stream's error is returned (it is closed).
func (r *RawResponse) ReadBody(ctx context.Context) error {
	if r.Stream == nil {
		return nil
	}
	st := r.Stream
	r.Stream = nil
	defer st.Close()
	var body []byte
	for {
		chunk, err := st.Next(ctx)
		if err == io.EOF {
			r.Body = body
			return nil
		}
		if err != nil {
			return err
		}
		body = append(body, chunk...)
	}
}
