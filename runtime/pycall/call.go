package pycall

import (
	"context"
	"errors"
	"io"

	"github.com/covetpy/covetgen/runtime/bridge"
	"github.com/covetpy/covetgen/runtime/pyval"
	"github.com/covetpy/covetgen/runtime/request"
	"github.com/covetpy/covetgen/runtime/response"
	"github.com/covetpy/covetgen/runtime/router"
)

// Route is what a generated bridged route tells its calls.
type Route struct {
	// Pinned runs the route's functions on the pool's first worker: the app keeps module
	// state its handlers mutate, and one interpreter must own it.
	Pinned bool
	// Names and Convs are the route's path parameters and their convertors, in template
	// order (request.path_params).
	Names []string
	Convs []router.Convertor
	// Models builds the Go value of a model instance the functions return (nil: the dict
	// of its fields).
	Models bridge.ModelFunc
	// Request sends the request with every call, not only to functions taking a Request
	// parameter (the app has exception handlers, which receive it).
	Request bool
}

// Call is the bridge state of one request of a bridged route.
type Call struct {
	pool  *bridge.Pool
	route *Route
	rq    *request.Request
	sess  *bridge.Session
	info  *bridge.RequestInfo
	// fnScope: a yield dependency with scope="function" was entered.
	fnScope bool
}

// Begin starts the calls of one request; the session opens at the first call.
func Begin(pool *bridge.Pool, route *Route, rq *request.Request) *Call {
	return &Call{pool: pool, route: route, rq: rq}
}

func (c *Call) ctx() context.Context { return c.rq.HTTP.Context() }

// invoke sends one call of the session (with the calls Later queued before it),
// opening the session first.
func (c *Call) invoke(inv bridge.Invocation) (bridge.Reply, error) {
	inv, err := c.prepare(inv)
	if err != nil {
		return bridge.Reply{}, err
	}
	return c.sess.Invoke(c.ctx(), inv)
}

// prepare opens the session if needed and completes inv with the request.
func (c *Call) prepare(inv bridge.Invocation) (bridge.Invocation, error) {
	if err := c.open(); err != nil {
		return inv, err
	}
	if inv.FunctionScope {
		c.fnScope = true
	}
	if len(inv.RequestParams) > 0 || c.route.Request {
		info, err := c.requestInfo()
		if err != nil {
			return inv, err
		}
		inv.Request = info
	}
	return inv, nil
}

// open opens the request's session at its first call.
func (c *Call) open() error {
	if c.pool == nil {
		return errors.New("pycall: the bridge is not started")
	}
	if c.sess == nil {
		s, err := c.pool.Session(c.ctx(), c.route.Pinned)
		if err != nil {
			return err
		}
		c.sess = s
	}
	return nil
}

// invokeEndpoint is invoke for the endpoint, which gets the request (without the body
// when no function asked for it) to render a Response it returns.
func (c *Call) invokeEndpoint(inv bridge.Invocation) (bridge.Reply, error) {
	if inv.Request == nil && len(inv.RequestParams) == 0 && !c.route.Request {
		inv.Request = c.headInfo()
	}
	return c.invoke(inv)
}

// Dep calls a dependency (plain or, with inv.Generator, a yield dependency) and returns
// its value.
func (c *Call) Dep(inv bridge.Invocation) (pyval.Value, error) {
	rep, err := c.invoke(inv)
	if err != nil {
		return nil, err
	}
	if rep.Handled {
		return nil, &Handled{Response: c.response(rep.Response)}
	}
	// A Response a dependency returns is a value like any other (a ref).
	return rep.Result.Value(c.route.Models)
}

// Endpoint calls the endpoint. With inv.Body the result is path B's body (body), with
// inv.Response the body of the response model serialized by the worker;
// otherwise its value (res). done reports that the endpoint returned a Response, now
// set on out. The Response parameter's status and headers are applied to out.
func (c *Call) Endpoint(out *response.Out, inv bridge.Invocation) (res pyval.Value, body []byte, done bool, err error) {
	rep, err := c.invokeEndpoint(inv)
	if err != nil {
		return nil, nil, false, err
	}
	if c.fnScope {
		// FastAPI exits scope="function" yield dependencies when the endpoint returns,
		// before the response is built and sent.
		if err := c.sess.ExitFunctionScope(c.ctx(), nil); err != nil {
			return nil, nil, false, handled(err)
		}
	}
	if rep.Response != nil {
		if rep.Handled {
			return nil, nil, false, &Handled{Response: c.response(rep.Response)}
		}
		return nil, nil, true, out.Send(c.response(rep.Response))
	}
	if len(inv.ResponseParams) > 0 {
		if rep.SubStatus != 0 {
			out.Param.Status = rep.SubStatus
		}
		for _, h := range rep.SubHeaders {
			out.Param.Headers.Append(h[0], h[1])
		}
	}
	if inv.Body || inv.Response != nil {
		return nil, rep.Body, false, nil
	}
	res, err = rep.Result.Value(c.route.Models)
	return res, nil, false, err
}

// End ends the request's session: err is what the handler returns. On an error the
// session closes now, the exception thrown into the yield dependencies (an exception
// their exit code raises replaces it); otherwise the session's background tasks and the
// exit code of its yield dependencies run after the response is sent.
func (c *Call) End(out *response.Out, err error) error {
	s := c.sess
	if s == nil {
		return err
	}
	if s.Queued() {
		// Calls Later queued that nothing needed the reply of: they ran before the
		// error (or the end) in FastAPI, and an exception one raises comes first.
		if ferr := c.flush(); ferr != nil {
			err = ferr
		}
	}
	if err != nil {
		if cerr := s.Close(context.WithoutCancel(c.ctx()), err); cerr != nil {
			return handled(cerr)
		}
		return err
	}
	ctx := context.WithoutCancel(c.ctx())
	if !s.HasBackground() && !s.Holds() {
		// Nothing left in the worker: no task, so the response goes out as it would
		// without the bridge (a queued task makes the router flush it first).
		return s.Close(ctx, nil)
	}
	out.Tasks.Add(func() error {
		if s.HasBackground() {
			if err := s.RunBackground(ctx); err != nil {
				_ = s.Close(ctx, err)
				return err
			}
		}
		return s.Close(ctx, nil)
	})
	return nil
}

// handled turns the bridge's *HandledError (a yield dependency's exit code raised, and
// an app exception handler answered) into a *Handled; other errors are returned as is.
func handled(err error) error {
	var he *bridge.HandledError
	if errors.As(err, &he) {
		return &Handled{Response: raw(he.Response)}
	}
	return err
}

// raw is a response a Python function rendered, sent as it is. Without a
// content-length it was streamed (a StreamingResponse): it goes out chunked too, chunk
// by chunk as Python yields when the worker streams it (see streamed; c.response ties
// the stream to the request and its session).
func raw(r *bridge.RawResponse) *response.Response {
	if r.Stream != nil {
		return streamed(nil, r, nil)
	}
	hs := headersOf(r)
	resp := &response.Response{Status: r.Status, Headers: hs, Body: r.Body, Kind: response.KindBytes}
	if !hs.Has("content-length") && response.BodyAllowed(r.Status) {
		body := r.Body
		resp.Kind, resp.Body = response.KindStream, nil
		resp.Stream = func(w io.Writer) error {
			if len(body) == 0 {
				return nil
			}
			_, err := w.Write(body)
			return err
		}
	}
	return resp
}

// Forward serves a request by request forwarding: the app's own route runs all of it in
// the worker (see bridge.Pool.Forward), and its response is sent as it is.
func Forward(pool *bridge.Pool, route *bridge.ForwardRoute, rq *request.Request, out *response.Out) error {
	if pool == nil {
		return errors.New("pycall: the bridge is not started")
	}
	c := &Call{rq: rq, route: &Route{}}
	info, err := c.requestInfo()
	if err != nil {
		return err
	}
	resp, err := pool.Forward(rq.HTTP.Context(), *route, info)
	if err != nil {
		return err
	}
	if resp.Stream != nil {
		return out.Send(streamed(rq, resp, nil))
	}
	return out.Send(raw(resp))
}
