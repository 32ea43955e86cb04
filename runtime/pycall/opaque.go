package pycall

import (
	"github.com/covetpy/covetgen/runtime/bridge"
	"github.com/covetpy/covetgen/runtime/pyval"
	"github.com/covetpy/covetgen/runtime/validate"
)

// Body validates a body parameter of an opaque type (a model covetgen does not
// generate) in the session's worker, as FastAPI validates it: v.Body is filled with the
// request's body (already read and checked by Go). It returns the validated value (a
// bridge.Ref to pass to the function declaring the parameter) or pydantic's errors,
// located under v.Loc, to add to the request's validation errors in their place.
func (c *Call) Body(v bridge.BodyValidation) (pyval.Value, []*validate.Error, error) {
	if err := c.open(); err != nil {
		return nil, nil, err
	}
	if err := c.flush(); err != nil {
		return nil, nil, err
	}
	body, err := c.rq.Body()
	if err != nil {
		return nil, nil, err
	}
	v.Body = body
	ref, errs, err := c.sess.ValidateBody(c.ctx(), v)
	if err != nil || len(errs) > 0 {
		return nil, errs, err
	}
	return ref, nil, nil
}
