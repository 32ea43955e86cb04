package bridge

import (
	"context"
	"errors"
	"os"
	"sync"
	"sync/atomic"
	"time"
)

// Pool is a supervised set of Python workers. Its methods are safe for concurrent use.
type Pool struct {
	cfg Config
	dir string // worker.py and covetgen_compat.py

	mu       sync.Mutex
	slots    []*proc // the live worker of each slot; nil while it restarts
	changed  chan struct{}
	waiting  int
	inflight int
	closed   bool
	restarts int

	nextID  atomic.Uint64
	nextSID atomic.Uint64
	supers  sync.WaitGroup
	stop    chan struct{}
}

// Start writes the worker script, starts cfg.Workers workers and waits until each has
// imported the app. An app that fails to import is an *ImportError carrying the Python
// traceback; nothing is left running on error.
func Start(ctx context.Context, cfg Config) (*Pool, error) {
	cfg = cfg.withDefaults()
	if cfg.App == "" {
		return nil, errors.New("bridge: Config.App (module:attr) is empty")
	}
	dir, err := writeScripts()
	if err != nil {
		return nil, err
	}
	p := &Pool{cfg: cfg, dir: dir, slots: make([]*proc, cfg.Workers), changed: make(chan struct{}), stop: make(chan struct{})}
	errs := make([]error, cfg.Workers)
	var wg sync.WaitGroup
	for i := range p.slots {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p.slots[i], errs[i] = startProc(&p.cfg, dir)
		}()
	}
	wg.Wait()
	if err := pickStartError(errs); err != nil || ctx.Err() != nil {
		for _, w := range p.slots {
			if w != nil {
				w.kill()
				<-w.done
			}
		}
		os.RemoveAll(dir)
		if err == nil {
			err = ctx.Err()
		}
		return nil, err
	}
	for i, w := range p.slots {
		p.supers.Add(1)
		go p.supervise(i, w)
	}
	return p, nil
}

// pickStartError prefers an ImportError (the app's own traceback) over other errors.
func pickStartError(errs []error) error {
	var first error
	for _, err := range errs {
		var ie *ImportError
		if errors.As(err, &ie) {
			return err
		}
		if first == nil {
			first = err
		}
	}
	return first
}

// notify wakes the calls waiting for a worker. p.mu must be held.
func (p *Pool) notify() {
	close(p.changed)
	p.changed = make(chan struct{})
}

// supervise restarts slot i's worker each time it exits, until the pool closes.
func (p *Pool) supervise(i int, w *proc) {
	defer p.supers.Done()
	for {
		<-w.done
		p.mu.Lock()
		p.slots[i] = nil
		closed := p.closed
		p.notify()
		p.mu.Unlock()
		if closed {
			return
		}
		p.cfg.Logf("bridge: python worker %d (pid %d) exited: %v; restarting", i, w.pid, w.cmd.ProcessState)
		backoff := 50 * time.Millisecond
		for {
			nw, err := startProc(&p.cfg, p.dir)
			if err == nil {
				w = nw
				break
			}
			p.cfg.Logf("bridge: restarting python worker %d: %v", i, err)
			select {
			case <-p.stop:
				return
			case <-time.After(backoff):
			}
			backoff = min(2*backoff, 5*time.Second)
		}
		p.mu.Lock()
		if p.closed {
			p.mu.Unlock()
			w.closeInput()
			<-w.done
			return
		}
		p.slots[i] = w
		p.restarts++
		p.notify()
		p.mu.Unlock()
	}
}

// acquire reserves a call slot, waiting (as one of at most QueueSize waiters) while none
// is available: on want when it is non-nil (ErrWorkerLost once it died), else on slot 0's
// worker when pinned, else on the live worker with the fewest calls in flight.
func (p *Pool) acquire(ctx context.Context, want *proc, pinned bool) (*proc, error) {
	p.mu.Lock()
	queued := false
	for {
		if p.closed {
			if queued {
				p.waiting--
			}
			p.mu.Unlock()
			return nil, ErrClosed
		}
		best, lost := p.pick(want, pinned)
		if lost {
			if queued {
				p.waiting--
			}
			p.mu.Unlock()
			return nil, ErrWorkerLost
		}
		if best != nil {
			best.inflight++
			p.inflight++
			if queued {
				p.waiting--
			}
			p.mu.Unlock()
			return best, nil
		}
		if !queued {
			if p.waiting >= p.cfg.QueueSize {
				p.mu.Unlock()
				return nil, ErrOverloaded
			}
			p.waiting++
			queued = true
		}
		ch := p.changed
		p.mu.Unlock()
		select {
		case <-ch:
		case <-ctx.Done():
			p.mu.Lock()
			p.waiting--
			p.mu.Unlock()
			return nil, ctx.Err()
		}
		p.mu.Lock()
	}
}

// pick returns the worker acquire may use now (nil: none), or lost when want died.
// p.mu must be held.
func (p *Pool) pick(want *proc, pinned bool) (best *proc, lost bool) {
	ok := func(w *proc) bool { return w != nil && !w.dead.Load() && w.inflight < p.cfg.MaxInFlight }
	switch {
	case want != nil:
		if want.dead.Load() {
			return nil, true
		}
		if ok(want) {
			return want, false
		}
	case pinned:
		if ok(p.slots[0]) {
			return p.slots[0], false
		}
	default:
		for _, w := range p.slots {
			if ok(w) && (best == nil || w.inflight < best.inflight) {
				best = w
			}
		}
	}
	return best, false
}

// release ends a call acquire reserved, waking the calls waiting for a slot (and a
// Shutdown waiting for the calls in flight), if any: a channel less per call otherwise.
func (p *Pool) release(w *proc) {
	p.mu.Lock()
	w.inflight--
	p.inflight--
	if p.waiting > 0 || p.closed {
		p.notify()
	}
	p.mu.Unlock()
}

// Call calls the Python function fn ("module:qualname", or a qualname in the app's
// module) with args (see Encode; Kw values are keyword arguments) and returns its result
// as tagged JSON (Result.Value decodes it). Errors: see the package documentation.
func (p *Pool) Call(ctx context.Context, fn string, args ...any) (Result, error) {
	f, err := p.do(ctx, fn, "v", args)
	if err != nil {
		return Result{}, err
	}
	return Result{data: f.payload}, nil
}

// CallBody is Call for a route without a response model (FastAPI's path B): the result
// goes through jsonable_encoder and is returned as JSONResponse renders it
// (json.dumps(ensure_ascii=False, allow_nan=False, separators=(",", ":")), UTF-8).
func (p *Pool) CallBody(ctx context.Context, fn string, args ...any) ([]byte, error) {
	f, err := p.do(ctx, fn, "b", args)
	if err != nil {
		return nil, err
	}
	return f.payload, nil
}

func (p *Pool) do(ctx context.Context, fn, mode string, args []any) (frame, error) {
	payload, err := encodeCall(fn, mode, args)
	if err != nil {
		return frame{}, err
	}
	w, err := p.acquire(ctx, nil, false)
	if err != nil {
		return frame{}, err
	}
	defer p.release(w)
	f, err := p.roundTrip(ctx, w, fn, payload)
	if err != nil {
		return frame{}, err
	}
	if f.stream != nil {
		f.stream.Close() // a plain call never streams
	}
	return decodeFrame(f)
}

// roundTrip sends a call frame to w (acquired) and waits for its reply, killing w when
// the call runs past Config.Timeout.
func (p *Pool) roundTrip(ctx context.Context, w *proc, fn string, payload []byte) (frame, error) {
	return p.roundTripN(ctx, w, fn, payload, 1)
}

// roundTripN is roundTrip for a frame of n calls (a chain): Config.Timeout bounds each
// call, so the frame gets n times it.
func (p *Pool) roundTripN(ctx context.Context, w *proc, fn string, payload []byte, n int) (frame, error) {
	id := p.nextID.Add(1)
	ch, ok := w.register(id)
	if !ok {
		return frame{}, ErrWorkerLost
	}
	if err := w.send(id, payload); err != nil {
		w.unregister(id)
		w.kill()
		return frame{}, ErrWorkerLost
	}
	var timeout <-chan time.Time
	limit := p.cfg.Timeout * time.Duration(max(n, 1))
	if p.cfg.Timeout > 0 {
		t := time.NewTimer(limit)
		defer t.Stop()
		timeout = t.C
	}
	select {
	case f, ok := <-ch:
		if !ok {
			return frame{}, ErrWorkerLost
		}
		if f.kind == kindStreamStart {
			// A streamed reply: its later frames go to the Stream.
			f.stream = newStream(w, id, ch)
		}
		return f, nil
	case <-timeout:
		w.unregister(id)
		p.cfg.Logf("bridge: %s timed out after %v; killing python worker pid %d", fn, limit, w.pid)
		w.kill()
		return frame{}, &TimeoutError{Fn: fn, Timeout: limit}
	case <-ctx.Done():
		// The function runs on; its result is dropped.
		w.unregister(id)
		return frame{}, ctx.Err()
	}
}
