package pycall

import (
	"github.com/covetpy/covetgen/runtime/bridge"
	"github.com/covetpy/covetgen/runtime/pyval"
)

// Later is Dep for a dependency whose value Go never looks at: the value only goes to
// the route's later bridged calls (another dependency, the endpoint). Nothing is sent
// yet: the call is queued in the session (bridge.Session.Defer) and runs, in order, in
// the same round trip as the next call whose reply Go needs (Dep, Endpoint), or at End.
// The value returned is a placeholder (a bridge.Step) for that call's result: valid as
// an argument of the calls sent with it, refused by the worker anywhere else. An
// exception the call raises comes back from the call that sends it (or from End, which
// then answers it instead of the handler's own error: the dependency ran first in
// FastAPI), with the same errors and *Handled as Dep.
func (c *Call) Later(inv bridge.Invocation) (pyval.Value, error) {
	inv, err := c.prepare(inv)
	if err != nil {
		return nil, err
	}
	return c.sess.Defer(inv), nil
}

// flush sends the calls Later queued, if any; the error is that of the one that raised.
func (c *Call) flush() error {
	if c.sess == nil || !c.sess.Queued() {
		return nil
	}
	rep, err := c.sess.Flush(c.ctx())
	if err != nil {
		return err
	}
	if rep.Handled {
		return &Handled{Response: c.response(rep.Response)}
	}
	return nil
}
