package router

import (
	"net/http"
	"strconv"
	"strings"
)

// Websocket routes. Starlette routes a websocket handshake as a scope of type
// "websocket": only WebSocketRoutes and Mounts match it (an HTTP Route never
// does, so there is no partial match and no 405), redirect_slashes does not
// apply, and with no match the router closes the connection before accepting
// it, which uvicorn sends as an HTTP 403. An HTTP request, in turn, never
// matches a WebSocketRoute: for 404, 405 and the slash redirect the route is
// not there.

// WebSocket adds a websocket route (FastAPI's APIWebSocketRoute): h serves the
// websocket handshakes whose path matches; HTTP requests ignore the route.
func (rt *Router) WebSocket(path string, h Handler) error {
	return rt.add(&entry{ws: true, handler: h}, path)
}

// MountHTTP is Mount for an app that serves HTTP only and fails on a
// websocket scope, as Starlette's StaticFiles does (it asserts the scope is
// "http"): a websocket handshake routed to it gets what uvicorn sends for an
// app that raised before the handshake, a 500 (WriteWebSocketServerError),
// and the error is logged.
func (rt *Router) MountHTTP(path string, h http.Handler) error {
	return rt.mount(&entry{httpOnly: true}, path, h)
}

// IsWebSocket reports a request uvicorn hands to its websocket protocol (a
// "websocket" scope): its last Connection header lists the token "upgrade"
// and its last Upgrade header is "websocket" (case-insensitive), whatever the
// method (a handshake other than an HTTP/1.1 GET is rejected by the protocol:
// see ServeHTTP).
func IsWebSocket(r *http.Request) bool {
	up := r.Header["Upgrade"]
	if len(up) == 0 || !strings.EqualFold(up[len(up)-1], "websocket") {
		return false
	}
	conn := r.Header["Connection"]
	if len(conn) == 0 {
		return false
	}
	for _, tok := range strings.Split(conn[len(conn)-1], ",") {
		if strings.EqualFold(strings.TrimSpace(tok), "upgrade") {
			return true
		}
	}
	return false
}

// WriteCloseBeforeAccept writes what uvicorn (0.35, its default "websockets"
// protocol) sends when the app closes a websocket before accepting it: 403,
// an empty text/plain body, and the end of the connection. Starlette's router
// does so for a handshake no route matches; so does FastAPI's handler of
// WebSocketRequestValidationError, or an endpoint refusing the connection.
func WriteCloseBeforeAccept(w http.ResponseWriter) {
	h := w.Header()
	h.Set("Content-Length", "0")
	h.Set("Content-Type", "text/plain")
	h.Set("Connection", "close")
	w.WriteHeader(http.StatusForbidden)
}

func closeBeforeAccept(w http.ResponseWriter, _ *http.Request) { WriteCloseBeforeAccept(w) }

func webSocketServerError(w http.ResponseWriter, _ *http.Request) { WriteWebSocketServerError(w) }

// WriteWebSocketServerError writes what uvicorn (0.35, "websockets") sends
// when the app raises, or returns, before accepting or closing a websocket:
// 500 "Internal Server Error" as text/plain; charset=utf-8, no date, and
// the end of the connection.
func WriteWebSocketServerError(w http.ResponseWriter) {
	const msg = "Internal Server Error"
	h := w.Header()
	h.Set("Content-Type", "text/plain; charset=utf-8")
	h.Set("Content-Length", strconv.Itoa(len(msg)))
	h.Set("Connection", "close")
	h["Date"] = nil // uvicorn writes this response itself, without a date
	w.WriteHeader(http.StatusInternalServerError)
	_, _ = w.Write([]byte(msg))
}

// badHandshakeBody is the websockets library's answer to a handshake that is
// not an HTTP/1.1 GET, before uvicorn runs the app.
const badHandshakeBody = "Failed to open a WebSocket connection: did not receive a valid HTTP request.\n"

// writeBadHandshake writes that answer: 400, text/plain, the connection closed.
func writeBadHandshake(w http.ResponseWriter) {
	h := w.Header()
	h.Set("Content-Length", strconv.Itoa(len(badHandshakeBody)))
	h.Set("Content-Type", "text/plain")
	h.Set("Connection", "close")
	w.WriteHeader(http.StatusBadRequest)
	_, _ = w.Write([]byte(badHandshakeBody))
}

// validHandshake reports a websocket request the websockets library lets
// through to the app: an HTTP/1.1 GET.
func validHandshake(r *http.Request) bool {
	return r.Method == http.MethodGet && r.ProtoMajor == 1 && r.ProtoMinor == 1
}
