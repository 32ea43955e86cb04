package pycall

import (
	"errors"

	"github.com/covetpy/covetgen/runtime/bridge"
	"github.com/covetpy/covetgen/runtime/pyjson"
	"github.com/covetpy/covetgen/runtime/request"
	"github.com/covetpy/covetgen/runtime/response"
	"github.com/covetpy/covetgen/runtime/validate"
)

// Handlers are the app's exception handlers that Go must call itself (through the
// bridge), as Starlette's ExceptionMiddleware looks them up: for an HTTPException, the
// handler of its status code first, then the one of the class; for a
// RequestValidationError, the one of that class. The handlers of the app's own exception
// classes run in the worker (see Handled).
type Handlers struct {
	// Pool returns the bridge's pool (started after the router is built).
	Pool func() *bridge.Pool
	// HTTP is the handler of starlette's HTTPException ("module:qualname"; "" for
	// FastAPI's); Validation the one of RequestValidationError; Codes those of status codes.
	HTTP, Validation string
	Codes            map[int]string
}

// Exceptions is the router's exception hook of an app with bridged routes or handlers.
func (h *Handlers) Exceptions(rq *request.Request, err error) (*response.Response, error) {
	var hd *Handled
	if errors.As(err, &hd) {
		return hd.Response, nil
	}
	if h == nil {
		return nil, nil
	}
	var he *response.HTTPException
	var ve *response.RequestValidationError
	switch {
	case errors.As(err, &he):
		fn := h.Codes[he.Status]
		if fn == "" {
			fn = h.HTTP
		}
		if fn == "" {
			return nil, nil
		}
		exc, err := httpExceptionInfo(he)
		if err != nil {
			return nil, err
		}
		return h.call(rq, fn, exc)
	case errors.As(err, &ve):
		if h.Validation == "" {
			return nil, nil
		}
		exc, err := validationInfo(rq, ve)
		if err != nil {
			return nil, err
		}
		return h.call(rq, h.Validation, exc)
	}
	return nil, nil
}

// call runs one handler with the request and the exception, and returns its response.
func (h *Handlers) call(rq *request.Request, fn string, exc bridge.ExceptionInfo) (*response.Response, error) {
	pool := h.Pool()
	if pool == nil {
		return nil, errors.New("pycall: the bridge is not started")
	}
	c := &Call{rq: rq, route: &Route{}}
	info, err := c.requestInfo()
	if err != nil {
		return nil, err
	}
	resp, err := pool.HandleException(rq.HTTP.Context(), fn, info, exc)
	if err != nil {
		return nil, err
	}
	if resp.Stream != nil {
		return streamed(rq, resp, nil), nil
	}
	return raw(resp), nil
}

// httpExceptionInfo describes an HTTPException to the handler (detail as JSON text, nil
// for None).
func httpExceptionInfo(he *response.HTTPException) (bridge.ExceptionInfo, error) {
	exc := bridge.ExceptionInfo{Kind: "http", Status: he.Status}
	if he.Detail != nil {
		b, err := response.AppendJSONable(nil, he.Detail)
		if err != nil {
			return exc, err
		}
		exc.Detail = b
	}
	for _, x := range he.Headers {
		exc.Headers = append(exc.Headers, [2]string{x.Name, x.Value})
	}
	return exc, nil
}

// validationInfo describes a RequestValidationError: errors() as FastAPI's default
// handler encodes them (jsonable_encoder of each error), and the body FastAPI attaches:
// the request's JSON body when it parses; else the body's text (FastAPI has the invalid
// JSON document, or the raw bytes of another content type, which jsonable_encoder turns
// into that text); None without a body.
func validationInfo(rq *request.Request, ve *response.RequestValidationError) (bridge.ExceptionInfo, error) {
	exc := bridge.ExceptionInfo{Kind: "validation"}
	b, err := validate.AppendErrors(nil, ve.Errors)
	if err != nil {
		return exc, err
	}
	exc.Errors = b
	body, err := rq.Body()
	if err != nil || len(body) == 0 {
		return exc, nil
	}
	if js, err := rq.JSON(true); err == nil && js.Kind == request.BodyJSON {
		exc.ValBody = body
		return exc, nil
	}
	exc.ValBody, err = pyjson.AppendString(nil, request.PyString(string(body)))
	return exc, err
}
