// Package websocket serves the websocket routes of a generated service whose endpoints
// run in the app's own CPython code (runtime/bridge): Go plays uvicorn's part (the HTTP
// upgrade, frames, the close handshake) while the endpoint runs in a bridge worker on a
// starlette WebSocket whose receive and send cross the bridge. It is a package of its
// own so that only services with websocket routes import the websocket library.
//
// What the client sees is what uvicorn (0.35, its default "websockets" implementation)
// sends for the same app messages:
//
//   - a websocket.close before websocket.accept (the endpoint refused the connection,
//     or FastAPI's WebSocketRequestValidationError handler closed it with 1008): HTTP
//     403 with an empty text/plain body and connection: close;
//   - an endpoint that raises, or returns, before accepting: HTTP 500 "Internal Server
//     Error" (text/plain; charset=utf-8); after accepting, an exception closes the TCP
//     connection without a close frame;
//   - an endpoint that returns after accepting without closing leaves the connection
//     open until the client closes it;
//   - a denial response (websocket.http.response.start/body) is sent as the HTTP
//     response;
//   - messages up to 16 MiB (uvicorn's ws_max_size); a client close or a dropped
//     connection reaches the endpoint as websocket.disconnect with the close code (1005
//     without one, 1006 for a dropped connection).
//
// Routing is runtime/router's (Router.WebSocket): only websocket handshakes reach a
// websocket route; an HTTP request to its path is routed as if it were not there.
package websocket

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"

	ws "github.com/coder/websocket"

	"github.com/covetpy/covetgen/runtime/bridge"
	"github.com/covetpy/covetgen/runtime/pycall"
	"github.com/covetpy/covetgen/runtime/request"
	"github.com/covetpy/covetgen/runtime/response"
	"github.com/covetpy/covetgen/runtime/router"
)

// maxMessage is uvicorn's default --ws-max-size.
const maxMessage = 16 << 20

// Endpoint is the bridged endpoint of a websocket route.
type Endpoint struct {
	// Invocation calls the endpoint: Fn and its arguments other than the WebSocket
	// (the route's validated parameters).
	Invocation bridge.Invocation
	// WebSocketParams name the parameters that get the connection's WebSocket.
	WebSocketParams []string
}

// Serve answers a request of a websocket route (registered with router.WebSocket, which
// routes only websocket handshakes to it; any other request gets 404): for a handshake, the 403 FastAPI's default handler of WebSocketRequestValidationError
// ends in when invalid is not nil (the parameters did not validate: Go validated them),
// else the endpoint runs in the bridge for the life of the connection.
func Serve(py *pycall.Call, rq *request.Request, out *response.Out, ep Endpoint, invalid error) error {
	if !router.IsWebSocket(rq.HTTP) {
		return &response.HTTPException{Status: 404}
	}
	if invalid != nil {
		return out.Send(handlerResponse(forbidden))
	}
	if py.Pool() == nil {
		return errors.New("pycall/websocket: the bridge is not started")
	}
	inv := ep.Invocation
	inv.Request = py.WebSocketRequest()
	ctx := context.WithoutCancel(rq.HTTP.Context())
	conn, err := py.Pool().OpenWebSocket(ctx, py.RouteInfo().Pinned, inv, ep.WebSocketParams)
	if err != nil {
		return err
	}
	return out.Send(handlerResponse(func(w http.ResponseWriter, r *http.Request) {
		serveConn(ctx, conn, w, r)
	}))
}

func handlerResponse(f http.HandlerFunc) *response.Response {
	return &response.Response{Kind: response.KindHandler, Handler: f}
}

// forbidden is uvicorn's answer to a close before accept.
func forbidden(w http.ResponseWriter, _ *http.Request) { router.WriteCloseBeforeAccept(w) }

// serverError is uvicorn's 500 for an endpoint that failed before the handshake.
func serverError(w http.ResponseWriter, _ *http.Request) { router.WriteWebSocketServerError(w) }

// logf reports what uvicorn logs as errors of the ASGI application.
func logf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "ERROR:    "+format+"\n", args...)
}

// serveConn runs the handshake as the endpoint's first message decides, then the
// connection.
func serveConn(ctx context.Context, conn *bridge.WebSocket, w http.ResponseWriter, r *http.Request) {
	defer conn.Close(ctx)
	m, err := conn.Next(ctx)
	switch {
	case errors.Is(err, io.EOF):
		logf("ASGI callable returned without sending handshake.")
		serverError(w, r)
		return
	case err != nil:
		logf("Exception in ASGI application\n%v", err)
		serverError(w, r)
		return
	}
	switch m.Type {
	case "websocket.close":
		forbidden(w, r)
		drain(ctx, conn)
		return
	case "websocket.http.response.start":
		denial(ctx, conn, m, w)
		drain(ctx, conn)
		return
	}
	for _, h := range m.Headers {
		w.Header().Add(h[0], h[1])
	}
	opts := &ws.AcceptOptions{InsecureSkipVerify: true} // uvicorn checks no Origin
	if m.Subprotocol != "" {
		opts.Subprotocols = []string{m.Subprotocol}
	}
	c, err := ws.Accept(w, r, opts)
	if err != nil {
		// Accept answered the client (a malformed handshake); the endpoint sees it leave.
		_ = conn.Push(ctx, bridge.WSMessage{Type: "websocket.disconnect", Code: 1006})
		drain(ctx, conn)
		return
	}
	c.SetReadLimit(maxMessage)
	pump(ctx, conn, c)
}

// denial sends a denial response: the start message m, then the body messages.
func denial(ctx context.Context, conn *bridge.WebSocket, start bridge.WSMessage, w http.ResponseWriter) {
	var body []byte
	for {
		m, err := conn.Next(ctx)
		if err != nil {
			break
		}
		body = append(body, m.Body...)
		if !m.MoreBody {
			break
		}
	}
	h := w.Header()
	for _, kv := range start.Headers {
		h.Add(kv[0], kv[1])
	}
	if h.Get("Content-Length") == "" {
		h.Set("Content-Length", strconv.Itoa(len(body)))
	}
	h.Set("Connection", "close")
	w.WriteHeader(start.Status)
	_, _ = w.Write(body)
}

// drain takes the endpoint's remaining messages until it ends (uvicorn ignores what an
// app sends after its handshake was refused).
func drain(ctx context.Context, conn *bridge.WebSocket) {
	for {
		if _, err := conn.Next(ctx); err != nil {
			if !errors.Is(err, io.EOF) {
				logf("Exception in ASGI application\n%v", err)
			}
			return
		}
	}
}

// pump moves messages both ways until the connection is over: the client's frames are
// pushed to the endpoint by a reader goroutine; the endpoint's messages are written here.
func pump(ctx context.Context, conn *bridge.WebSocket, c *ws.Conn) {
	readDone := make(chan struct{})
	go func() {
		defer close(readDone)
		for {
			typ, data, err := c.Read(ctx)
			if err != nil {
				_ = conn.Push(ctx, disconnectOf(err))
				return
			}
			m := bridge.WSMessage{Type: "websocket.receive", Binary: typ == ws.MessageBinary}
			if m.Binary {
				m.Bytes = data
			} else {
				m.Text = string(data)
			}
			if err := conn.Push(ctx, m); err != nil {
				c.CloseNow()
				return
			}
		}
	}()
	for {
		m, err := conn.Next(ctx)
		if errors.Is(err, io.EOF) {
			// The endpoint returned without closing: uvicorn keeps the connection until
			// the client closes it.
			<-readDone
			return
		}
		if err != nil {
			logf("Exception in ASGI application\n%v", err)
			c.CloseNow()
			<-readDone
			return
		}
		switch m.Type {
		case "websocket.send":
			typ, data := ws.MessageText, []byte(m.Text)
			if m.Binary {
				typ, data = ws.MessageBinary, m.Bytes
			}
			_ = c.Write(ctx, typ, data) // a failed write: the reader sees the connection end
		case "websocket.close":
			_ = c.Close(ws.StatusCode(m.Code), m.Reason)
		}
	}
}

// disconnectOf is the websocket.disconnect for the error that ended reading: the
// client's close code (1005 when its close frame had none), else 1006.
func disconnectOf(err error) bridge.WSMessage {
	var ce ws.CloseError
	if errors.As(err, &ce) {
		code := int(ce.Code)
		if code == 0 {
			code = 1005
		}
		return bridge.WSMessage{Type: "websocket.disconnect", Code: code, Reason: ce.Reason}
	}
	return bridge.WSMessage{Type: "websocket.disconnect", Code: 1006}
}
