package pycall

import (
	"context"
	"io"
	"net/http"

	"github.com/covetpy/covetgen/runtime/bridge"
	"github.com/covetpy/covetgen/runtime/request"
	"github.com/covetpy/covetgen/runtime/response"
)

// Streamed responses: a response whose body the worker streams (bridge.RawResponse's
// Stream: a StreamingResponse returned or built for a generator endpoint, a forwarded
// route's streamed body) goes out chunked, each chunk written and flushed as Python
// yields it. A body that raises after the response started ends the Stream function
// with the error: the router then logs it ("Exception in ASGI application") and aborts
// the connection without the terminating chunk, as uvicorn closes it. A client that
// goes away (a failed write, or the request's context ending) cancels the stream: the
// worker closes the Python iterator (its finally blocks run), and the response ends
// quietly, as Starlette's disconnect listener ends it under uvicorn.

// streamed is the response of a streamed r for the request rq (nil: none known). onFail
// (optional) is told the error a body that did not complete ended with, before the
// Stream function returns it. A HEAD request (or a status without a body) sends no
// body: the stream is closed at once.
func streamed(rq *request.Request, r *bridge.RawResponse, onFail func(error)) *response.Response {
	st := r.Stream
	resp := &response.Response{Status: r.Status, Headers: headersOf(r), Kind: response.KindStream}
	if (rq != nil && rq.HTTP.Method == http.MethodHead) || !response.BodyAllowed(r.Status) {
		st.Close()
		return resp
	}
	ctx := context.Background()
	if rq != nil {
		ctx = rq.HTTP.Context()
	}
	resp.Stream = func(w io.Writer) error {
		defer st.Close()
		cw := &clientWriter{w: w}
		err := st.WriteTo(ctx, cw)
		if err != nil && (cw.err != nil || ctx.Err() != nil) {
			// The client went away (the stream is cancelled: the iterator closed). As
			// under uvicorn, whose disconnect ends the stream quietly, nothing is logged
			// and the response's background and exit code still run.
			return nil
		}
		if err != nil && onFail != nil {
			onFail(err)
		}
		return err
	}
	return resp
}

// clientWriter records the error writing to the client.
type clientWriter struct {
	w   io.Writer
	err error
}

func (c *clientWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	if err != nil && c.err == nil {
		c.err = err
	}
	return n, err
}

// response is the response of a RawResponse the session's worker sent: a streamed one
// closes the session with the error its body ends with when it does not complete (the
// request-scope yield dependencies see it, as FastAPI's exit stack wraps the sending).
func (c *Call) response(r *bridge.RawResponse) *response.Response {
	if r.Stream == nil {
		return raw(r)
	}
	return streamed(c.rq, r, func(err error) {
		if c.sess != nil {
			_ = c.sess.Close(context.WithoutCancel(c.ctx()), err)
		}
	})
}

// headersOf converts a RawResponse's raw headers.
func headersOf(r *bridge.RawResponse) response.Headers {
	hs := make(response.Headers, 0, len(r.Headers))
	for _, h := range r.Headers {
		hs = append(hs, response.Header{Name: h[0], Value: h[1]})
	}
	return hs
}
