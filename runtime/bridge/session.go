package bridge

import (
	"context"
	"errors"
)

// Session pins the bridged calls of one request to one worker: values the worker cannot
// send to Go stay there as refs, generators (yield dependencies) stay suspended, and
// BackgroundTasks collect there, until Close. A Session serves one request: its methods
// must not be called concurrently. Every Session must be closed (Close), also when the
// request fails.
type Session struct {
	p      *Pool
	id     uint64
	pinned bool
	w      *proc // the worker, chosen by the first call

	stream *Stream // the last streamed response of the session (Close cancels it)

	queue []Invocation // deferred, not sent yet (chain.go)
	qerr  error        // a queued invocation that cannot be sent
	nstep uint64       // the number of the next deferred invocation

	held    bool // the worker keeps state for the session (Close must tell it)
	reqSent bool // the worker has the session's RequestInfo
	bg      bool // background tasks are pending
	closed  bool
}

// Invocation is one call of a session.
type Invocation struct {
	Fn   string // "module:qualname"
	Args []any  // as Pool.Call takes them (Kw for keyword args; refs as Ref)
	// Body: reply with the path-B body (jsonable_encoder + json.dumps, as CallBody)
	// instead of the tagged value.
	Body bool
	// Response: validate and serialize the result as the route's response field (see
	// ResponseField); the reply's Body is the response body. A Response the function
	// returns is rendered as always.
	Response *ResponseField
	// Class: build the response as FastAPI does with the route's response class (or
	// stream a generator endpoint), see ResponseClass; the reply's Response is set.
	Class *ResponseClass
	// Generator: Fn is a (sync or async) generator function (a yield dependency): run it
	// to its first yield, as FastAPI enters it; the reply's value is the yielded value; it
	// stays suspended in the session until Close (or ExitFunctionScope).
	Generator bool
	// FunctionScope: the generator is a Depends(..., scope="function") dependency: its
	// exit code runs at ExitFunctionScope, before the response is sent.
	FunctionScope bool
	// Instance: Fn is a class, and the function to call is an instance of it built with
	// Init (positional and Kw arguments): a callable instance created inline
	// (Depends(Checker(3))), which has no name to resolve. The worker builds it once per
	// distinct Init and keeps it, as the app keeps its one instance.
	Instance bool
	Init     []any
	// Request is the HTTP request; required when RequestParams is non-empty, and sent
	// with every invocation of a session whose app has exception handlers (it is
	// transmitted once per session).
	Request          *RequestInfo
	RequestParams    []string // parameters to fill with the session's starlette Request
	ResponseParams   []string // parameters to fill with the session's one sub-Response
	BackgroundParams []string // parameters to fill with the session's one BackgroundTasks
}

// RequestInfo is the HTTP request a session's Request is built from (an ASGI scope as
// uvicorn and Starlette's router fill it, and a receive returning Body).
type RequestInfo struct {
	Method, Scheme, HTTPVersion string      // "GET", "http", "1.1"
	Path, RawPath, RootPath     string      // scope path (decoded), raw_path, root_path
	QueryString                 string      // raw, without '?'
	Headers                     [][2]string // as received, in order; names lower-cased
	ClientHost                  string
	ClientPort                  int
	ServerHost                  string
	ServerPort                  int
	// PathParams are scope["path_params"] as Starlette's route converts them: a str for
	// a plain {name}, an int64 for {name:int}, a float64 for {name:float}, UUID(...)
	// for {name:uuid} (FastAPI converts the endpoint's parameters separately).
	PathParams []KwArg
	Body       []byte // the body (already read by Go)
}

// Reply is the outcome of an Invoke that did not fail.
type Reply struct {
	Result Result // the value (Invocation.Body false); a Ref to the Response when Response is set
	Body   []byte // path B body bytes (Invocation.Body true)
	// Response is set when the function returned a starlette Response (any subclass),
	// or when an exception it raised was taken by an app exception handler: the response
	// as starlette renders it. Go sends it as is, then calls RunBackground when
	// HasBackground.
	Response *RawResponse
	// Handled: Response is what an app exception handler answered for an exception the
	// function raised (FastAPI then sends it without the request's background tasks, and
	// the sub-Response does not apply), not a Response the function returned.
	Handled bool
	// SubStatus / SubHeaders: the sub-Response's status_code (0 when None) and raw
	// headers after the call (only when ResponseParams was non-empty): its whole state,
	// not what this call changed.
	SubStatus  int
	SubHeaders [][2]string
}

// RawResponse is a response as starlette sends it: header names and values are the raw
// (latin-1) bytes.
type RawResponse struct {
	Status  int
	Headers [][2]string
	Body    []byte
	// Stream, when set, is the body (Body is then empty): a body iterator the worker
	// streams chunk by chunk as Python yields it (see Stream; the headers have no
	// content-length). The receiver must read it to its end or Close it.
	Stream *Stream
}

// HandledError is returned by Close and ExitFunctionScope when a generator's exit code
// raised an exception the app's exception handler took: Response is what to send.
type HandledError struct {
	Response *RawResponse
}

func (e *HandledError) Error() string {
	return "bridge: a yield dependency raised; the app's exception handler answered"
}

var errSessionClosed = errors.New("bridge: session already closed")

// Session starts a session. pinned: its calls run on worker slot 0 only (handlers that
// mutate module state); else on the least busy worker at its first call. Nothing is
// sent to the worker until the first Invoke.
func (p *Pool) Session(ctx context.Context, pinned bool) (*Session, error) {
	p.mu.Lock()
	closed := p.closed
	p.mu.Unlock()
	if closed {
		return nil, ErrClosed
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return &Session{p: p, id: p.nextSID.Add(1), pinned: pinned}, nil
}

// Invoke calls inv.Fn in the session's worker. Errors are Call's (see the package
// documentation); when the call raised, the worker has already exited the session's
// generators with the exception (FastAPI's order: the exception passes through the
// yield dependencies before any handler sees it), so the error is the one that came out
// of them, and an app exception handler that took it makes the Reply's Response.
func (s *Session) Invoke(ctx context.Context, inv Invocation) (Reply, error) {
	if s.closed {
		return Reply{}, errSessionClosed
	}
	if len(s.queue) > 0 {
		return s.chain(ctx, s.nstep-uint64(len(s.queue)), inv) // chain.go
	}
	sendReq := inv.Request != nil && !(s.held && s.reqSent)
	payload, err := encodeInvocation(s.id, inv, sendReq)
	if err != nil {
		return Reply{}, err
	}
	return s.reply(ctx, inv, payload, sendReq || s.held && s.reqSent, 1)
}

// reply sends the payload of inv (alone or as the last of the n steps of a chain) and
// decodes the reply; sent: the worker has the session's RequestInfo once the payload is
// in.
func (s *Session) reply(ctx context.Context, inv Invocation, payload []byte, sent bool, n int) (Reply, error) {
	m, data, err := s.opN(ctx, inv.Fn, payload, n)
	if err != nil {
		return Reply{}, err
	}
	s.reqSent = sent && s.held
	var r Reply
	switch m.K {
	case "V":
		r.Result = Result{data: data}
	case "B":
		r.Body = data
	case "P":
		r.Response, err = m.response(data)
		if err == nil && r.Response.Stream != nil {
			s.stream = r.Response.Stream
		}
		r.Handled = m.H != 0
		if len(m.V) > 0 {
			r.Result = Result{data: m.V}
		}
	default:
		err = m.err(data)
	}
	if err != nil {
		return Reply{}, err
	}
	if len(inv.ResponseParams) > 0 {
		r.SubStatus = m.SS
		if r.SubHeaders, err = rawHeaders(m.SH); err != nil {
			m.closeStream()
			return Reply{}, err
		}
	}
	return r, nil
}

// ExitFunctionScope runs the exit code of the session's scope="function" generators
// (innermost first) as FastAPI does when the endpoint's handling is over, before the
// response is sent: raised is the error that handling ended with (nil: none; it is
// thrown into the generators). It returns nil when nothing new was raised, else the
// error that came out (the request-scope generators have then seen it too) or a
// *HandledError. Cheap (no round trip) when the session has nothing in the worker.
func (s *Session) ExitFunctionScope(ctx context.Context, raised error) error {
	if len(s.queue) > 0 {
		return errPending
	}
	if s.closed || !s.held {
		return nil
	}
	return s.exit(ctx, "exitfn", raised)
}

// Close ends the session in the worker: if raised != nil (the error the request's
// handling ended with: *PyError / *response.HTTPException from this session, or any
// other error), the exception is thrown into the suspended generators (innermost first,
// as contextlib's ExitStack does); else they are resumed normally. The session's
// BackgroundTasks have already been run by RunBackground; the refs are freed.
// Returns the error a generator exit raised (a *PyError or *response.HTTPException; a
// *HandledError when raised != nil and an app handler took it), nil when none did or
// raised came out unchanged, ErrWorkerLost when the worker died with the session's
// generators suspended (their exit code never ran). Cheap (no round trip) when the
// session has nothing in the worker. A ctx already done does not stop Close: the exit
// code still runs, bounded by Config.Timeout.
func (s *Session) Close(ctx context.Context, raised error) error {
	if s.closed {
		return nil
	}
	s.closed = true
	s.dropQueue() // never sent: the request is over
	if raised != nil {
		s.endStream() // the request failed: the response will not be sent
	}
	if !s.held {
		return nil
	}
	if ctx.Err() != nil {
		ctx = context.WithoutCancel(ctx)
	}
	return s.exit(ctx, "close", raised)
}

// RunBackground runs the background of the response Go sent, in the worker: the
// BackgroundTasks the session's calls added (in order), or the returned Response's own
// background (FastAPI keeps a Response's background when it has one), or the exception
// handler response's. Call it after the response is sent and before Close; an error it
// returns (a task raised: the generators have seen it) is for logging.
func (s *Session) RunBackground(ctx context.Context) error {
	if len(s.queue) > 0 {
		return errPending
	}
	if s.closed || !s.bg {
		return nil
	}
	s.endStream()
	payload := encodeOp(s.id, "bg", nil)
	m, data, err := s.op(ctx, "background tasks", payload)
	if err != nil {
		return err
	}
	if m.K == "N" {
		return nil
	}
	return m.err(data)
}

// HasBackground reports whether the response to send has background tasks to run
// (RunBackground).
func (s *Session) HasBackground() bool { return s.bg }

// Holds reports whether the worker keeps state for the session (refs, suspended
// generators, the Request...): Close then makes a round trip.
func (s *Session) Holds() bool { return s.held && !s.closed }

// endStream cancels the session's streamed response if it was not read to its end (the
// request failed, or RunBackground came after a send that did not read it): the worker
// closes its iterator before the session's background tasks and exit code run (it
// waits for that).
func (s *Session) endStream() {
	if s.stream != nil {
		s.stream.Close()
		s.stream = nil
	}
}

func (s *Session) exit(ctx context.Context, op string, raised error) error {
	payload := encodeOp(s.id, op, raised)
	m, data, err := s.op(ctx, op, payload)
	if err != nil {
		return err
	}
	switch m.K {
	case "N":
		return nil
	case "P":
		resp, err := m.response(data)
		if err != nil {
			return err
		}
		if resp.Stream != nil {
			s.stream = resp.Stream
		}
		return &HandledError{Response: resp}
	}
	return m.err(data)
}

// op sends one session frame to the session's worker (chosen at the first call, and
// again at any call while the worker holds nothing for the session) and decodes the
// reply.
func (s *Session) op(ctx context.Context, what string, payload []byte) (sessionMeta, []byte, error) {
	return s.opN(ctx, what, payload, 1)
}

// opN is op for a frame of n calls (a chain; see Pool.roundTripN).
func (s *Session) opN(ctx context.Context, what string, payload []byte, n int) (sessionMeta, []byte, error) {
	if len(s.queue) > 0 {
		return sessionMeta{}, nil, errPending
	}
	want := s.w
	if !s.held {
		want = nil // nothing to find in that worker: any will do
	}
	w, err := s.p.acquire(ctx, want, s.pinned)
	if err != nil {
		return sessionMeta{}, nil, err
	}
	s.w = w
	f, err := s.p.roundTripN(ctx, w, what, payload, n)
	s.p.release(w)
	if err != nil {
		// The worker may hold state for the session now (a call given up on runs on):
		// Close must tell it; it fails fast with ErrWorkerLost when the worker is gone.
		s.held, s.bg = true, false
		return sessionMeta{}, nil, err
	}
	m, data, err := decodeSession(f)
	if err != nil {
		return m, nil, err
	}
	s.held, s.bg = m.St != 0, m.Bg != 0
	return m, data, nil
}
