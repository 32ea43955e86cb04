package bridge

import (
	"flag"
	"io"
	"log"
	"os"
	"runtime"
	"strconv"
	"time"
)

// Config configures a Pool. Zero fields take the defaults documented on each.
type Config struct {
	// Python is the interpreter (default $COVETGEN_PYTHON, else "python3"). The workers
	// inherit the service's environment (PYTHONPATH, VIRTUAL_ENV, PATH).
	Python string
	// AppDir is the app's root, first on the workers' sys.path (default ".").
	AppDir string
	// App is the app as "module:attr" (imported once per worker; attr is checked).
	App string
	// Workers is the number of worker processes (default $COVETGEN_WORKERS, else the
	// number of CPUs).
	Workers int
	// Threads is each worker's thread pool for sync functions (default 40, anyio's).
	Threads int
	// MaxInFlight bounds the calls in flight on one worker (default 256).
	MaxInFlight int
	// QueueSize bounds the calls waiting for a worker; beyond it Call fails with
	// ErrOverloaded (default 1024).
	QueueSize int
	// Timeout bounds one call (default 60s; negative: none). A call past it fails with
	// *TimeoutError and its worker is killed and replaced (the other calls in flight on
	// that worker fail with ErrWorkerLost: a Python thread cannot be interrupted). For a
	// streamed response it bounds the time to the response's start, not the streaming.
	// A chain of n calls (Session.Defer) gets n times it.
	Timeout time.Duration
	// StartTimeout bounds a worker's start (import of the app; default 60s).
	StartTimeout time.Duration
	// NeedFastAPI: the service forwards requests (Pool.Forward), which needs the real
	// FastAPI importable by the workers' Python; a worker without it fails to start,
	// saying so.
	NeedFastAPI bool
	// Env, when non-nil, replaces the inherited environment.
	Env []string
	// Stderr receives the workers' stderr (default os.Stderr).
	Stderr io.Writer
	// Logf logs supervision events: worker exits, restarts, timeouts (default log.Printf).
	// Tracebacks of failed calls are the caller's to log (PyError.Traceback), as FastAPI
	// logs only the exceptions no exception handler takes.
	Logf func(format string, args ...any)
}

// Flags registers --python, --workers and --app-dir on fs, with defaults from the
// environment (COVETGEN_PYTHON, COVETGEN_WORKERS, COVETGEN_APP_DIR), and returns the
// Config they fill once fs is parsed.
func Flags(fs *flag.FlagSet) *Config {
	c := FromEnv()
	fs.StringVar(&c.Python, "python", c.Python, "Python interpreter of the bridge workers ($COVETGEN_PYTHON)")
	fs.IntVar(&c.Workers, "workers", c.Workers, "number of Python bridge workers ($COVETGEN_WORKERS, default: CPUs)")
	fs.StringVar(&c.AppDir, "app-dir", c.AppDir, "directory of the Python app, first on sys.path ($COVETGEN_APP_DIR)")
	fs.DurationVar(&c.Timeout, "python-timeout", c.Timeout, "timeout of one Python call ($COVETGEN_PYTHON_TIMEOUT)")
	return c
}

// FromEnv is the Config of COVETGEN_PYTHON, COVETGEN_WORKERS, COVETGEN_APP_DIR and
// COVETGEN_PYTHON_TIMEOUT (a Go duration); unset or invalid values are left zero.
func FromEnv() *Config {
	c := &Config{Python: os.Getenv("COVETGEN_PYTHON"), AppDir: os.Getenv("COVETGEN_APP_DIR")}
	if n, err := strconv.Atoi(os.Getenv("COVETGEN_WORKERS")); err == nil && n > 0 {
		c.Workers = n
	}
	if d, err := time.ParseDuration(os.Getenv("COVETGEN_PYTHON_TIMEOUT")); err == nil {
		c.Timeout = d
	}
	return c
}

func (c Config) withDefaults() Config {
	if c.Python == "" {
		c.Python = os.Getenv("COVETGEN_PYTHON")
	}
	if c.Python == "" {
		c.Python = "python3"
	}
	if c.AppDir == "" {
		c.AppDir = "."
	}
	if c.Workers <= 0 {
		c.Workers = runtime.NumCPU()
	}
	if c.Threads <= 0 {
		c.Threads = 40
	}
	if c.MaxInFlight <= 0 {
		c.MaxInFlight = 256
	}
	if c.QueueSize <= 0 {
		c.QueueSize = 1024
	}
	if c.Timeout == 0 {
		c.Timeout = 60 * time.Second
	}
	if c.StartTimeout <= 0 {
		c.StartTimeout = 60 * time.Second
	}
	if c.Stderr == nil {
		c.Stderr = os.Stderr
	}
	if c.Logf == nil {
		c.Logf = log.Printf
	}
	return c
}
