package server

import (
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/covetpy/covetgen/runtime/router"
)

// Config is the server configuration.
type Config struct {
	Host string
	Port int
	// RootPath is uvicorn's --root-path: prefixed to every request path and
	// set as scope["root_path"].
	RootPath string
	// ProxyHeaders trusts X-Forwarded-Proto/For from ForwardedAllowIPs
	// (uvicorn's defaults: on, "127.0.0.1").
	ProxyHeaders      bool
	ForwardedAllowIPs string
	AccessLog         bool
	// TimeoutKeepAlive closes idle keep-alive connections (uvicorn: 5s).
	TimeoutKeepAlive time.Duration
	// TimeoutGracefulShutdown bounds the wait for in-flight requests on
	// shutdown (0: wait for all, as uvicorn does by default).
	TimeoutGracefulShutdown time.Duration
	ReadHeaderTimeout       time.Duration
	ReadTimeout             time.Duration
	WriteTimeout            time.Duration
	MaxHeaderBytes          int
	// LimitBody bounds request bodies (413); 0 means no limit.
	LimitBody int64
	// H2C enables HTTP/2 over cleartext (prior knowledge).
	H2C bool
	// WorkDir is the working directory relative paths resolve against.
	WorkDir string

	Stdout, Stderr io.Writer
	// Ready, if set, is called with the bound address once listening.
	Ready func(addr net.Addr)
}

// Default is uvicorn's defaults plus the limits above.
func Default() Config {
	return Config{
		Host: "127.0.0.1", Port: 8000,
		ProxyHeaders: true, ForwardedAllowIPs: "127.0.0.1",
		AccessLog:         true,
		TimeoutKeepAlive:  5 * time.Second,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		MaxHeaderBytes:    16 * 1024,
		LimitBody:         16 << 20,
		H2C:               true,
		Stdout:            os.Stdout, Stderr: os.Stderr,
	}
}

// RouterOptions are the router options the server configuration implies.
func (c Config) RouterOptions() router.Options {
	return router.Options{MaxBody: c.LimitBody, ServerRootPath: c.RootPath}
}

// Resolve makes a relative path absolute against the working directory of
// the server's start.
func (c Config) Resolve(p string) string {
	if p == "" || filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(c.WorkDir, p)
}

// Parse reads flags (args without the program name) over environment
// variables (getenv; UVICORN_HOST, UVICORN_PORT, UVICORN_ROOT_PATH,
// FORWARDED_ALLOW_IPS, ...) over the defaults, as uvicorn's click options
// with auto_envvar_prefix="UVICORN" do. Each extra function registers more flags on
// the same flag set (the bridge's --python, --workers, --app-dir) before parsing.
func Parse(args []string, getenv func(string) string, extra ...func(*flag.FlagSet)) (Config, error) {
	c := Default()
	wd, err := os.Getwd()
	if err != nil {
		return c, err
	}
	c.WorkDir = wd
	envStr := func(name string, dst *string) {
		if v := getenv(name); v != "" {
			*dst = v
		}
	}
	var envErr error
	envInt := func(name string, dst *int) {
		if v := getenv(name); v != "" {
			n, err := strconv.Atoi(v)
			if err != nil && envErr == nil {
				envErr = fmt.Errorf("%s: %q is not an integer", name, v)
			}
			*dst = n
		}
	}
	envBool := func(name string, dst *bool) {
		if v := getenv(name); v != "" {
			b, err := strconv.ParseBool(v)
			if err != nil && envErr == nil {
				envErr = fmt.Errorf("%s: %q is not a boolean", name, v)
			}
			*dst = b
		}
	}
	envStr("UVICORN_HOST", &c.Host)
	envInt("UVICORN_PORT", &c.Port)
	envStr("UVICORN_ROOT_PATH", &c.RootPath)
	envStr("FORWARDED_ALLOW_IPS", &c.ForwardedAllowIPs)
	envStr("UVICORN_FORWARDED_ALLOW_IPS", &c.ForwardedAllowIPs)
	envBool("UVICORN_PROXY_HEADERS", &c.ProxyHeaders)
	envBool("UVICORN_ACCESS_LOG", &c.AccessLog)
	keepAlive, graceful := int(c.TimeoutKeepAlive/time.Second), 0
	envInt("UVICORN_TIMEOUT_KEEP_ALIVE", &keepAlive)
	envInt("UVICORN_TIMEOUT_GRACEFUL_SHUTDOWN", &graceful)
	limit := c.LimitBody
	if v := getenv("COVET_LIMIT_BODY"); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil && envErr == nil {
			envErr = fmt.Errorf("COVET_LIMIT_BODY: %q is not an integer", v)
		}
		limit = n
	}
	if envErr != nil {
		return c, envErr
	}

	fs := flag.NewFlagSet("service", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&c.Host, "host", c.Host, "bind socket to this host")
	fs.IntVar(&c.Port, "port", c.Port, "bind socket to this port")
	fs.StringVar(&c.RootPath, "root-path", c.RootPath, "ASGI root_path for applications behind a proxy")
	fs.BoolVar(&c.ProxyHeaders, "proxy-headers", c.ProxyHeaders, "trust X-Forwarded-Proto/For from --forwarded-allow-ips")
	noProxy := fs.Bool("no-proxy-headers", false, "do not trust proxy headers")
	fs.StringVar(&c.ForwardedAllowIPs, "forwarded-allow-ips", c.ForwardedAllowIPs, "comma-separated IPs/networks trusted for proxy headers, or *")
	fs.BoolVar(&c.AccessLog, "access-log", c.AccessLog, "log each request")
	noAccess := fs.Bool("no-access-log", false, "disable the access log")
	fs.IntVar(&keepAlive, "timeout-keep-alive", keepAlive, "close keep-alive connections idle this many seconds")
	fs.IntVar(&graceful, "timeout-graceful-shutdown", graceful, "seconds to wait for in-flight requests on shutdown (0: no limit)")
	fs.Int64Var(&limit, "limit-body", limit, "largest request body in bytes (0: no limit)")
	fs.BoolVar(&c.H2C, "h2c", c.H2C, "serve HTTP/2 over cleartext (prior knowledge)")
	for _, f := range extra {
		f(fs)
	}
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if fs.NArg() > 0 {
		return c, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	if *noProxy {
		c.ProxyHeaders = false
	}
	if *noAccess {
		c.AccessLog = false
	}
	if c.Port < 0 || c.Port > 65535 {
		return c, fmt.Errorf("invalid port %d", c.Port)
	}
	c.TimeoutKeepAlive = time.Duration(keepAlive) * time.Second
	c.TimeoutGracefulShutdown = time.Duration(graceful) * time.Second
	c.LimitBody = limit
	return c, nil
}

// MustConfig parses os.Args and the environment, exiting with uvicorn's
// usage status 2 on a bad option. extra registers more flags (see Parse).
func MustConfig(extra ...func(*flag.FlagSet)) Config {
	c, err := Parse(os.Args[1:], os.Getenv, extra...)
	if err != nil {
		fmt.Fprintln(os.Stderr, "Error:", err)
		os.Exit(2)
	}
	return c
}
