package middleware

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"
)

// GZip returns GZipMiddleware(minimum_size, compresslevel); Starlette's
// defaults are 500 and 9. compressLevel is zlib's: -1 (default) or 0..9.
// Responses of a request whose Accept-Encoding
// contains "gzip" are compressed when their body is at least MinimumSize
// bytes, or streamed (flushed); either way, with or without gzip in
// Accept-Encoding, such a response gets "Vary: Accept-Encoding". Responses
// that already have a Content-Encoding, and text/event-stream ones, pass
// through untouched.
//
// The compressed bytes are compress/gzip's, not zlib's: they decompress to
// the same body but differ from what Starlette sends (which also stamps the
// current time in the gzip header), so their length differs too.
func GZip(minimumSize, compressLevel int) (func(http.Handler) http.Handler, error) {
	min, level := minimumSize, compressLevel
	if level < -1 || level > 9 {
		return nil, fmt.Errorf("gzip: compresslevel %d out of -1..9", level)
	}
	pool := &sync.Pool{}
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if isWebSocket(r) {
				next.ServeHTTP(w, r)
				return
			}
			gw := &gzipWriter{
				w: w, min: min, level: level, pool: pool,
				compress: strings.Contains(r.Header.Get("Accept-Encoding"), "gzip"),
			}
			ok := false
			defer func() {
				if !ok {
					gw.release()
				}
			}()
			next.ServeHTTP(gw, r)
			ok = true
			gw.finish()
		})
	}, nil
}

type gzipState uint8

const (
	gzIdle      gzipState = iota // nothing decided yet (head and body held back)
	gzPass                       // passing through untouched
	gzStreaming                  // head sent, body streamed
	gzDone
)

type gzipWriter struct {
	w        http.ResponseWriter
	min      int
	level    int
	pool     *sync.Pool
	compress bool

	state  gzipState
	status int // 0: WriteHeader not called yet
	buf    []byte
	gz     *gzip.Writer
	out    bytes.Buffer
}

func (g *gzipWriter) Header() http.Header { return g.w.Header() }

func (g *gzipWriter) Unwrap() http.ResponseWriter { return g.w }

func (g *gzipWriter) WriteHeader(code int) {
	if g.state != gzIdle || g.status != 0 {
		if g.state == gzPass {
			g.w.WriteHeader(code)
		}
		return
	}
	if code < 200 { // informational: not an ASGI message; pass it on
		g.w.WriteHeader(code)
		return
	}
	g.status = code
	h := g.w.Header()
	if _, set := h["Content-Encoding"]; set || strings.HasPrefix(h.Get("Content-Type"), "text/event-stream") {
		g.state = gzPass
		g.w.WriteHeader(code)
	}
}

func (g *gzipWriter) Write(p []byte) (int, error) {
	if g.status == 0 && g.state == gzIdle {
		g.WriteHeader(http.StatusOK)
	}
	switch g.state {
	case gzPass:
		return g.w.Write(p)
	case gzIdle:
		g.buf = append(g.buf, p...)
		return len(p), nil
	case gzStreaming:
		if !g.compress {
			return g.w.Write(p)
		}
		if _, err := g.gz.Write(p); err != nil {
			return 0, err
		}
		return len(p), g.drain()
	}
	return 0, http.ErrBodyNotAllowed
}

// Flush ends an ASGI body message with more_body=True: the first one
// starts a streamed (compressed, length-less) response.
func (g *gzipWriter) Flush() {
	if g.status == 0 && g.state == gzIdle {
		g.WriteHeader(http.StatusOK)
	}
	switch g.state {
	case gzPass:
		flush(g.w)
	case gzIdle:
		h := g.w.Header()
		addVary(h, "Accept-Encoding")
		if g.compress {
			h.Set("Content-Encoding", "gzip")
			h.Del("Content-Length")
		}
		g.w.WriteHeader(g.status)
		g.state = gzStreaming
		body := g.buf
		g.buf = nil
		if g.compress {
			g.startGzip()
			_, _ = g.gz.Write(body)
			_ = g.gz.Flush()
			_ = g.drain()
		} else if len(body) > 0 {
			_, _ = g.w.Write(body)
		}
		flush(g.w)
	case gzStreaming:
		if g.compress {
			_ = g.gz.Flush()
			_ = g.drain()
		}
		flush(g.w)
	}
}

func (g *gzipWriter) startGzip() {
	if z, ok := g.pool.Get().(*gzip.Writer); ok {
		z.Reset(&g.out)
		g.gz = z
		return
	}
	// the level was checked by GZip, so NewWriterLevel cannot fail
	g.gz, _ = gzip.NewWriterLevel(&g.out, g.level)
}

func (g *gzipWriter) drain() error {
	if g.out.Len() == 0 {
		return nil
	}
	_, err := g.w.Write(g.out.Bytes())
	g.out.Reset()
	return err
}

// finish runs once the handler returned: the body written so far is the
// last ASGI message.
func (g *gzipWriter) finish() {
	switch g.state {
	case gzIdle:
		g.state = gzDone
		if g.status == 0 {
			// the handler wrote nothing; net/http answers 200 with no body
			return
		}
		h := g.w.Header()
		if len(g.buf) < g.min {
			g.w.WriteHeader(g.status)
			if len(g.buf) > 0 {
				_, _ = g.w.Write(g.buf)
			}
			return
		}
		addVary(h, "Accept-Encoding")
		if !g.compress {
			g.w.WriteHeader(g.status)
			_, _ = g.w.Write(g.buf)
			return
		}
		g.startGzip()
		_, _ = g.gz.Write(g.buf)
		_ = g.gz.Close()
		h.Set("Content-Encoding", "gzip")
		h.Set("Content-Length", strconv.Itoa(g.out.Len()))
		g.w.WriteHeader(g.status)
		_ = g.drain()
		g.release()
	case gzStreaming:
		g.state = gzDone
		if g.compress {
			_ = g.gz.Close()
			_ = g.drain()
			g.release()
		}
	}
}

// release returns the compressor to the pool (also after a panic).
func (g *gzipWriter) release() {
	if g.gz != nil {
		g.gz.Reset(nil)
		g.pool.Put(g.gz)
		g.gz = nil
	}
	g.buf = nil
}
