package bridge

import (
	"bufio"
	"encoding/json"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

// proc is one worker process and its end of the socket pair.
type proc struct {
	cmd  *exec.Cmd
	conn net.Conn
	pid  int

	wmu  sync.Mutex // serializes writes
	wbuf []byte

	mu    sync.Mutex
	calls map[uint64]chan frame // the calls in flight, by id

	dead     atomic.Bool   // the socket failed or the process is being killed
	done     chan struct{} // closed once the process is reaped and every call failed
	inflight int           // guarded by Pool.mu
}

// startProc starts one worker and waits for its ready frame.
func startProc(cfg *Config, dir string) (*proc, error) {
	fds, err := syscall.Socketpair(syscall.AF_UNIX, syscall.SOCK_STREAM|syscall.SOCK_CLOEXEC, 0)
	if err != nil {
		return nil, fmt.Errorf("bridge: socketpair: %w", err)
	}
	parent := os.NewFile(uintptr(fds[0]), "bridge-parent")
	child := os.NewFile(uintptr(fds[1]), "bridge-child")
	defer child.Close()
	conn, err := net.FileConn(parent)
	parent.Close()
	if err != nil {
		return nil, fmt.Errorf("bridge: socket: %w", err)
	}
	args := []string{filepath.Join(dir, "worker.py"),
		"--root", cfg.AppDir, "--app", cfg.App, "--fd", "3", "--threads", strconv.Itoa(cfg.Threads)}
	if cfg.NeedFastAPI {
		args = append(args, "--need-fastapi")
	}
	cmd := exec.Command(cfg.Python, args...)
	cmd.ExtraFiles = []*os.File{child}
	cmd.Stdout = cfg.Stderr
	cmd.Stderr = cfg.Stderr
	cmd.Env = cfg.Env
	cmd.SysProcAttr = sysProcAttr()
	if err := cmd.Start(); err != nil {
		conn.Close()
		return nil, fmt.Errorf("bridge: starting %s: %w", cfg.Python, err)
	}
	child.Close()
	p := &proc{cmd: cmd, conn: conn, pid: cmd.Process.Pid, calls: map[uint64]chan frame{}, done: make(chan struct{})}
	_ = conn.SetReadDeadline(time.Now().Add(cfg.StartTimeout))
	f, err := readFrame(conn)
	_ = conn.SetReadDeadline(time.Time{})
	switch {
	case err == nil && f.kind == kindReady:
		go p.readLoop()
		return p, nil
	case err == nil && f.kind == kindFatal:
		var m struct{ Tb string }
		_ = json.Unmarshal(f.payload, &m)
		p.reap()
		return nil, &ImportError{App: cfg.App, Traceback: m.Tb}
	case err == nil:
		err = fmt.Errorf("unexpected frame %q", f.kind)
	}
	_ = cmd.Process.Kill()
	werr := p.reap()
	if werr != nil {
		return nil, fmt.Errorf("bridge: worker for %s did not start (%v): %v", cfg.App, err, werr)
	}
	return nil, fmt.Errorf("bridge: worker for %s did not start: %v", cfg.App, err)
}

func (p *proc) reap() error {
	p.conn.Close()
	return p.cmd.Wait()
}

// readLoop delivers result frames to their calls until the socket fails, then kills
// and reaps the process and fails the calls still in flight.
func (p *proc) readLoop() {
	r := bufio.NewReaderSize(p.conn, 64<<10)
loop:
	for {
		f, err := readFrame(r)
		if err != nil {
			break loop
		}
		more := moreFrames(f.kind)
		p.mu.Lock()
		ch := p.calls[f.id]
		if !more {
			delete(p.calls, f.id)
		}
		p.mu.Unlock()
		if ch == nil {
			if f.kind == kindStreamStart {
				// The call was given up on (context, timeout): stop its stream.
				go func(id uint64) { _ = p.sendControl(id, kindCancel) }(f.id)
			}
			continue
		}
		select {
		case ch <- f:
		default:
			// More frames than a stream's window: a protocol error; the worker goes.
			break loop
		}
	}
	p.dead.Store(true)
	_ = p.cmd.Process.Kill()
	_ = p.reap()
	p.mu.Lock()
	for id, ch := range p.calls {
		close(ch)
		delete(p.calls, id)
	}
	p.calls = nil
	p.mu.Unlock()
	close(p.done)
}

// register adds a call in flight; false when the worker is gone.
func (p *proc) register(id uint64) (chan frame, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.calls == nil || p.dead.Load() {
		return nil, false
	}
	ch := make(chan frame, callBuffer)
	p.calls[id] = ch
	return ch, true
}

func (p *proc) unregister(id uint64) {
	p.mu.Lock()
	if p.calls != nil {
		delete(p.calls, id)
	}
	p.mu.Unlock()
}

// send writes one call frame.
func (p *proc) send(id uint64, payload []byte) error {
	p.wmu.Lock()
	defer p.wmu.Unlock()
	p.wbuf = appendFrameHeader(p.wbuf[:0], id, kindCall, len(payload))
	p.wbuf = append(p.wbuf, payload...)
	_, err := p.conn.Write(p.wbuf)
	if cap(p.wbuf) > 1<<16 {
		p.wbuf = nil
	}
	return err
}

// sendControl writes a payload-less control frame (a stream's ack or cancel).
func (p *proc) sendControl(id uint64, kind byte) error {
	var b [13]byte
	hdr := appendFrameHeader(b[:0], id, kind, 0)
	p.wmu.Lock()
	defer p.wmu.Unlock()
	_, err := p.conn.Write(hdr)
	return err
}

// kill kills the process; readLoop fails its calls and reaps it.
func (p *proc) kill() {
	p.dead.Store(true)
	_ = p.cmd.Process.Kill()
}

// closeInput ends the worker's input: it finishes its calls and exits.
func (p *proc) closeInput() {
	if uc, ok := p.conn.(*net.UnixConn); ok {
		_ = uc.CloseWrite()
		return
	}
	p.conn.Close()
}
