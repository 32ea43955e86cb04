package bridge

import (
	"context"
	"errors"
	"strconv"
)

// Chains: the calls of a request in one round trip.
//
// Defer queues an invocation in the session instead of sending it, and returns a Step:
// its future result, which later invocations of the session take as an argument. The
// next Invoke (or Flush) sends the queued invocations and its own in one frame (op
// "chain"); the worker runs them in order in the request's context, as separate Invokes
// would run them (sync functions in the thread pool, async ones awaited, generators
// entered and kept open until Close), passing each Step argument as the very object the
// step returned (or yielded). An exception at step k ends the chain there: the later
// steps do not run, and the reply is step k's (the generators have seen the exception,
// an app exception handler may have answered: Reply.Handled), exactly as an Invoke of
// that step would have answered. Otherwise the reply is the last invocation's; the
// results of the earlier steps stay in the worker and die with the chain.

// Step is the result of an invocation queued with Session.Defer, as an argument of a
// later invocation of the same chain (sent by the same Invoke or Flush). The worker
// refuses it anywhere else (a *PyError). Step implements pyval.Value so that generated
// code can hold it where it holds a dependency's value; Go cannot look inside it.
type Step struct {
	Session uint64 // the session's id
	N       uint64 // the step's number in the session
}

// TypeName is the placeholder's name: the value itself exists only in the worker.
func (Step) TypeName() string { return "step" }

// appendJSON writes the step tag worker.py decodes to the step's result.
func (st Step) appendJSON(b []byte) []byte {
	b = append(b, `{"$t":"step","s":`...)
	b = strconv.AppendUint(b, st.Session, 10)
	b = append(b, `,"n":`...)
	b = strconv.AppendUint(b, st.N, 10)
	return append(b, '}')
}

// errDeferRender: a queued invocation's result is only passed on, never rendered.
var errDeferRender = errors.New("bridge: a deferred invocation cannot render a body or a response (Body, Response, Class)")

// errPending: a session operation other than Invoke or Flush with invocations queued.
var errPending = errors.New("bridge: the session has deferred invocations not sent yet (Flush first)")

// Defer queues inv to run before the session's next Invoke, in the same round trip, and
// returns its result as a Step for the arguments of later invocations. Nothing is sent:
// errors (the invocation's own, or an argument that cannot be encoded) come from the
// Invoke or Flush that sends it. inv must not ask for a rendered result (Body,
// Response, Class): only the last invocation of a chain renders.
func (s *Session) Defer(inv Invocation) Step {
	if inv.Body || inv.Response != nil || inv.Class != nil {
		s.qerr = errDeferRender
	}
	st := Step{Session: s.id, N: s.nstep}
	s.nstep++
	s.queue = append(s.queue, inv)
	return st
}

// Queued reports invocations deferred and not sent yet.
func (s *Session) Queued() bool { return len(s.queue) > 0 }

// Flush sends the queued invocations (nothing when none is): the reply is the last
// one's, as Invoke would give it, or the error of the one that raised.
func (s *Session) Flush(ctx context.Context) (Reply, error) {
	if len(s.queue) == 0 {
		return Reply{}, nil
	}
	if s.qerr != nil {
		err := s.qerr
		s.dropQueue()
		return Reply{}, err
	}
	base := s.nstep - uint64(len(s.queue))
	last := s.queue[len(s.queue)-1]
	s.queue = s.queue[:len(s.queue)-1]
	if len(s.queue) == 0 {
		return s.Invoke(ctx, last) // alone: no chain
	}
	return s.chain(ctx, base, last)
}

// dropQueue forgets the queued invocations (Close: the request is over).
func (s *Session) dropQueue() {
	s.queue, s.qerr = nil, nil
}

// chain sends the queued invocations (numbered from base) and inv as one frame and
// decodes inv's reply (or the failing step's).
func (s *Session) chain(ctx context.Context, base uint64, inv Invocation) (Reply, error) {
	queue, qerr := s.queue, s.qerr
	s.queue, s.qerr = nil, nil
	if qerr != nil {
		return Reply{}, qerr
	}
	sent := s.held && s.reqSent
	b := append(make([]byte, 0, 512), `{"sid":`...)
	b = strconv.AppendUint(b, s.id, 10)
	b = append(b, `,"op":"chain","base":`...)
	b = strconv.AppendUint(b, base, 10)
	b = append(b, `,"steps":[`...)
	var err error
	for i, q := range append(queue, inv) {
		if i > 0 {
			b = append(b, ',')
		}
		sendReq := q.Request != nil && !sent
		sent = sent || sendReq
		if b, err = appendInvocation(b, q, sendReq); err != nil {
			return Reply{}, err
		}
	}
	b = append(b, "]}"...)
	return s.reply(ctx, inv, b, sent, len(queue)+1)
}
