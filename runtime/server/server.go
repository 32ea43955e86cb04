package server

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"syscall"
)

// Lifespan hooks run around serving, as FastAPI's lifespan / on_event
// handlers: a failing Startup stops the server before it listens.
type Lifespan struct {
	Startup  func(ctx context.Context) error
	Shutdown func(ctx context.Context) error
}

// Wrap adds the per-request server behaviour in front of h: proxy headers
// and the access log.
func Wrap(h http.Handler, cfg Config) http.Handler {
	var trusted *trustedHosts
	if cfg.ProxyHeaders {
		trusted = parseTrusted(cfg.ForwardedAllowIPs)
	}
	if trusted == nil && !cfg.AccessLog {
		return h
	}
	log := &accessLog{w: cfg.Stdout, rootPath: cfg.RootPath}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if trusted != nil {
			trusted.apply(r)
		}
		if !cfg.AccessLog {
			h.ServeHTTP(w, r)
			return
		}
		sw := &statusWriter{ResponseWriter: w}
		defer func() { log.write(r, sw.status) }()
		h.ServeHTTP(sw, r)
	})
}

// NewHTTPServer builds the net/http server for cfg. Served on a listener wrapped by
// TrackHeaderOrder (as Run does), its requests know their received header order.
func NewHTTPServer(h http.Handler, cfg Config) *http.Server {
	srv := &http.Server{
		Addr:              net.JoinHostPort(cfg.Host, strconv.Itoa(cfg.Port)),
		Handler:           trackOrder(Wrap(h, cfg)),
		ReadHeaderTimeout: cfg.ReadHeaderTimeout,
		ReadTimeout:       cfg.ReadTimeout,
		WriteTimeout:      cfg.WriteTimeout,
		IdleTimeout:       cfg.TimeoutKeepAlive,
		MaxHeaderBytes:    cfg.MaxHeaderBytes,
		ErrorLog:          nil,
		ConnContext:       orderConnContext,
		ConnState:         orderConnState,
	}
	var p http.Protocols
	p.SetHTTP1(true)
	if cfg.H2C {
		p.SetUnencryptedHTTP2(true)
	}
	srv.Protocols = &p
	return srv
}

// Run serves h until ctx is done (Main cancels it on SIGINT/SIGTERM),
// then shuts down gracefully: the listener closes,
// in-flight requests finish (bounded by TimeoutGracefulShutdown), then the
// Shutdown hook runs.
func Run(ctx context.Context, h http.Handler, cfg Config, life Lifespan) error {
	info := func(format string, args ...any) {
		fmt.Fprintf(cfg.Stderr, "INFO:     "+format+"\n", args...)
	}
	pid := os.Getpid()
	info("Started server process [%d]", pid)
	info("Waiting for application startup.")
	if life.Startup != nil {
		if err := life.Startup(ctx); err != nil {
			fmt.Fprintf(cfg.Stderr, "ERROR:    %v\nERROR:    Application startup failed. Exiting.\n", err)
			return &StartupError{Err: err}
		}
	}
	info("Application startup complete.")
	srv := NewHTTPServer(h, cfg)
	ln, err := net.Listen("tcp", srv.Addr)
	if err != nil {
		fmt.Fprintf(cfg.Stderr, "ERROR:    [Errno 98] error while attempting to bind on address %s: %v\n", srv.Addr, err)
		return err
	}
	ln = TrackHeaderOrder(ln)
	info("Server running on http://%s (Press CTRL+C to quit)", ln.Addr())
	if cfg.Ready != nil {
		cfg.Ready(ln.Addr())
	}
	serveErr := make(chan error, 1)
	go func() { serveErr <- srv.Serve(ln) }()
	select {
	case err := <-serveErr:
		if !errors.Is(err, http.ErrServerClosed) {
			return err
		}
	case <-ctx.Done():
	}
	info("Shutting down")
	sctx := context.Background()
	if cfg.TimeoutGracefulShutdown > 0 {
		var cancel context.CancelFunc
		sctx, cancel = context.WithTimeout(sctx, cfg.TimeoutGracefulShutdown)
		defer cancel()
	}
	if err := srv.Shutdown(sctx); err != nil {
		fmt.Fprintln(cfg.Stderr, "ERROR:    Cancel remaining connections after the graceful shutdown timeout")
		srv.Close()
	}
	info("Waiting for application shutdown.")
	if life.Shutdown != nil {
		if err := life.Shutdown(context.Background()); err != nil {
			fmt.Fprintf(cfg.Stderr, "ERROR:    %v\nERROR:    Application shutdown failed. Exiting.\n", err)
			return err
		}
	}
	info("Application shutdown complete.")
	info("Finished server process [%d]", pid)
	return nil
}

// StartupError is a failed Startup hook.
type StartupError struct{ Err error }

func (e *StartupError) Error() string { return "application startup failed: " + e.Err.Error() }
func (e *StartupError) Unwrap() error { return e.Err }

// Main runs the service until SIGINT or SIGTERM and exits the process
// with status 1 when it fails (3 for a failed startup, as uvicorn).
func Main(h http.Handler, cfg Config, life Lifespan) {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := Run(ctx, h, cfg, life)
	stop()
	var se *StartupError
	switch {
	case errors.As(err, &se):
		os.Exit(3)
	case err != nil:
		os.Exit(1)
	}
}

// statusWriter records the status for the access log.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (s *statusWriter) WriteHeader(code int) {
	if s.status == 0 && code >= 200 {
		s.status = code
	}
	s.ResponseWriter.WriteHeader(code)
}

func (s *statusWriter) Write(p []byte) (int, error) {
	if s.status == 0 {
		s.status = 200
	}
	return s.ResponseWriter.Write(p)
}

// Unwrap lets http.ResponseController reach the connection (Flush).
func (s *statusWriter) Unwrap() http.ResponseWriter { return s.ResponseWriter }

// Flush implements http.Flusher.
func (s *statusWriter) Flush() {
	if s.status == 0 {
		s.status = 200
	}
	http.NewResponseController(s.ResponseWriter).Flush()
}
