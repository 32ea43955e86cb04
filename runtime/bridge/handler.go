package bridge

import (
	"context"
	"fmt"
	"strconv"

	"github.com/covetpy/covetgen/runtime/pyjson"
)

// ExceptionInfo describes an exception Go raised, for an app exception handler.
type ExceptionInfo struct {
	// Kind is "http" (starlette HTTPException: the handler gets fastapi's HTTPException)
	// or "validation" (RequestValidationError).
	Kind    string
	Status  int
	Detail  []byte // JSON text of detail (nil: None, the status's phrase)
	Headers [][2]string
	Errors  []byte // JSON text of the errors() list (validation)
	ValBody []byte // JSON text of .body (validation), or nil (None)
}

// appendJSON writes the description worker.py raises from.
func (e ExceptionInfo) appendJSON(b []byte) []byte {
	b = append(b, `{"kind":`...)
	b = pyjson.AppendStringASCII(b, e.Kind)
	b = append(b, `,"status":`...)
	b = strconv.AppendInt(b, int64(e.Status), 10)
	if len(e.Detail) > 0 {
		b = append(b, `,"detail":`...)
		b = append(b, e.Detail...)
	}
	if len(e.Headers) > 0 {
		b = append(b, `,"headers":[`...)
		for i, h := range e.Headers {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, '[')
			b = pyjson.AppendStringASCII(b, h[0])
			b = append(b, ',')
			b = pyjson.AppendStringASCII(b, h[1])
			b = append(b, ']')
		}
		b = append(b, ']')
	}
	if len(e.Errors) > 0 {
		b = append(b, `,"errors":`...)
		b = append(b, e.Errors...)
	}
	if len(e.ValBody) > 0 {
		b = append(b, `,"body":`...)
		b = append(b, e.ValBody...)
	}
	return append(b, '}')
}

// HandleException calls the app's exception handler fn (module:qualname, sync or async)
// with a Request built from req and the exception described by exc, and returns the
// Response it made, as starlette renders it. The response's background (if any) runs in
// the worker after the reply. Errors are Call's (the handler raised, ...).
func (p *Pool) HandleException(ctx context.Context, fn string, req *RequestInfo, exc ExceptionInfo) (*RawResponse, error) {
	if exc.Kind != "http" && exc.Kind != "validation" {
		return nil, fmt.Errorf("bridge: HandleException: unknown exception kind %q", exc.Kind)
	}
	b := append(make([]byte, 0, 256), `{"sid":0,"op":"exc","fn":`...)
	b = pyjson.AppendStringASCII(b, fn)
	b = append(b, `,"exc":`...)
	b = exc.appendJSON(b)
	if req != nil {
		var err error
		b = append(b, `,"req":`...)
		if b, err = appendRequestInfo(b, req); err != nil {
			return nil, err
		}
	}
	b = append(b, '}')
	return p.responseOp(ctx, fn, b)
}

// responseOp sends a session-less operation whose reply is a Response (an exception
// handler's, a forwarded request's) to the least busy worker.
func (p *Pool) responseOp(ctx context.Context, what string, payload []byte) (*RawResponse, error) {
	w, err := p.acquire(ctx, nil, false)
	if err != nil {
		return nil, err
	}
	f, err := p.roundTrip(ctx, w, what, payload)
	p.release(w)
	if err != nil {
		return nil, err
	}
	m, data, err := decodeSession(f)
	if err != nil {
		return nil, err
	}
	if m.K != "P" {
		return nil, m.err(data)
	}
	return m.response(data)
}
