package middleware

import (
	"io"
	"net/http"
	"strings"
)

// hookWriter calls hook once, with the final status and the header map,
// just before the response head reaches the wrapped writer.
type hookWriter struct {
	http.ResponseWriter
	hook func(status int, h http.Header)
	done bool
}

func (w *hookWriter) WriteHeader(code int) {
	if !w.done && code >= 200 {
		w.done = true
		w.hook(code, w.ResponseWriter.Header())
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *hookWriter) Write(p []byte) (int, error) {
	if !w.done {
		w.WriteHeader(http.StatusOK)
	}
	return w.ResponseWriter.Write(p)
}

func (w *hookWriter) ReadFrom(r io.Reader) (int64, error) {
	if !w.done {
		w.WriteHeader(http.StatusOK)
	}
	return io.Copy(w.ResponseWriter, r)
}

func (w *hookWriter) Flush() {
	if !w.done {
		w.WriteHeader(http.StatusOK)
	}
	flush(w.ResponseWriter)
}

func (w *hookWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// finish runs the hook for a handler that returned without writing (net/http
// would then send 200 with the header map as it stands).
func (w *hookWriter) finish() {
	if !w.done {
		w.WriteHeader(http.StatusOK)
	}
}

// flush flushes w if it (or a writer it wraps) can.
func flush(w http.ResponseWriter) {
	_ = http.NewResponseController(w).Flush()
}

// isWebSocket reports a WebSocket handshake, which Starlette routes as a
// "websocket" scope that CORS, GZip and BaseHTTPMiddleware pass through.
func isWebSocket(r *http.Request) bool {
	if !strings.EqualFold(r.Header.Get("Upgrade"), "websocket") {
		return false
	}
	for _, v := range r.Header.Values("Connection") {
		for _, tok := range strings.Split(v, ",") {
			if strings.EqualFold(strings.TrimSpace(tok), "upgrade") {
				return true
			}
		}
	}
	return false
}

// addVary is MutableHeaders.add_vary_header: it appends to the first vary
// value and replaces every vary field with the result.
func addVary(h http.Header, v string) {
	if old, ok := h["Vary"]; ok && len(old) > 0 {
		v = old[0] + ", " + v
	}
	h.Set("Vary", v)
}
