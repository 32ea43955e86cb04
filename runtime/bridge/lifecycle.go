package bridge

import (
	"context"
	"os"
)

// Stats is a snapshot of the pool.
type Stats struct {
	// PIDs are the live workers' process ids (one per slot; 0 while a slot restarts).
	PIDs []int
	// Live counts the live workers; InFlight and Waiting the calls running and queued;
	// Restarts the workers restarted since Start.
	Live, InFlight, Waiting, Restarts int
}

// Stats returns the pool's current state.
func (p *Pool) Stats() Stats {
	p.mu.Lock()
	defer p.mu.Unlock()
	s := Stats{PIDs: make([]int, len(p.slots)), InFlight: p.inflight, Waiting: p.waiting, Restarts: p.restarts}
	for i, w := range p.slots {
		if w != nil && !w.dead.Load() {
			s.PIDs[i] = w.pid
			s.Live++
		}
	}
	return s
}

// Shutdown stops accepting calls, waits for the calls in flight (until ctx ends; then
// the workers are killed), and stops the workers.
func (p *Pool) Shutdown(ctx context.Context) error {
	p.mu.Lock()
	if p.closed {
		p.mu.Unlock()
		return ErrClosed
	}
	p.closed = true
	close(p.stop)
	p.notify()
	var err error
	for p.inflight > 0 && err == nil {
		ch := p.changed
		p.mu.Unlock()
		select {
		case <-ch:
		case <-ctx.Done():
			err = ctx.Err()
		}
		p.mu.Lock()
	}
	procs := append([]*proc(nil), p.slots...)
	p.mu.Unlock()
	for _, w := range procs {
		if w == nil {
			continue
		}
		if err != nil {
			w.kill()
		} else {
			w.closeInput()
		}
	}
	for _, w := range procs {
		if w == nil {
			continue
		}
		select {
		case <-w.done:
		case <-ctx.Done():
			w.kill()
			<-w.done
		}
	}
	p.supers.Wait()
	os.RemoveAll(p.dir)
	return err
}
