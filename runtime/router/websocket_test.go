package router

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/covetpy/covetgen/runtime/request"
	"github.com/covetpy/covetgen/runtime/response"
)

func TestIsWebSocket(t *testing.T) {
	tests := []struct {
		name    string
		method  string
		headers [][2]string
		want    bool
	}{
		{"handshake", "GET", [][2]string{{"Upgrade", "websocket"}, {"Connection", "Upgrade"}}, true},
		{"case and lists", "GET", [][2]string{{"Upgrade", "WebSocket"}, {"Connection", "keep-alive, upgrade"}}, true},
		{"any method", "POST", [][2]string{{"Upgrade", "websocket"}, {"Connection", "Upgrade"}}, true},
		{"plain GET", "GET", nil, false},
		{"no connection upgrade", "GET", [][2]string{{"Upgrade", "websocket"}}, false},
		{"other protocol", "GET", [][2]string{{"Upgrade", "h2c"}, {"Connection", "Upgrade"}}, false},
		{"last connection header wins", "GET", [][2]string{{"Upgrade", "websocket"}, {"Connection", "Upgrade"}, {"Connection", "keep-alive"}}, false},
		{"last upgrade header wins", "GET", [][2]string{{"Upgrade", "websocket"}, {"Upgrade", "h2c"}, {"Connection", "Upgrade"}}, false},
	}
	for _, tt := range tests {
		r := httptest.NewRequest(tt.method, "/ws", nil)
		for _, h := range tt.headers {
			r.Header.Add(h[0], h[1])
		}
		if got := IsWebSocket(r); got != tt.want {
			t.Errorf("%s: IsWebSocket = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// wsExchange is a websocket handshake and the answer expected: the endpoint's
// text (status 200 here), or uvicorn's HTTP answer to a refused handshake.
type wsExchange struct {
	method, target string
	proto          string // "" for HTTP/1.1
	status         int
	body           string
}

func runWS(t *testing.T, h http.Handler, tests []wsExchange) {
	t.Helper()
	for _, tt := range tests {
		r := httptest.NewRequest(tt.method, tt.target, nil)
		r.Host = "testserver"
		r.Header.Set("Upgrade", "websocket")
		r.Header.Set("Connection", "Upgrade")
		r.Header.Set("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")
		r.Header.Set("Sec-WebSocket-Version", "13")
		if tt.proto != "" {
			r.Proto = tt.proto
			r.ProtoMajor, r.ProtoMinor, _ = http.ParseHTTPVersion(tt.proto)
		}
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		what := tt.method + " " + tt.target + " (websocket)"
		if w.Code != tt.status || w.Body.String() != tt.body {
			t.Errorf("%s: %d %q, want %d %q", what, w.Code, w.Body.String(), tt.status, tt.body)
		}
		if tt.status == 403 || tt.status == 400 {
			// uvicorn's answers to a refused handshake: text/plain, then the connection closes.
			if ct, conn := w.Header().Get("Content-Type"), w.Header().Get("Connection"); ct != "text/plain" || conn != "close" {
				t.Errorf("%s: content-type %q, connection %q, want text/plain, close", what, ct, conn)
			}
		}
	}
}

// wsApp is a Starlette app with websocket routes next to HTTP ones, mounted
// sub-app included.
func wsApp(t *testing.T, opt Options) *Router {
	t.Helper()
	rt := New(opt)
	mustR(t, rt.Route("/docs", nil, echo("docs")))
	mustR(t, rt.API("/", nil, echo("index")))
	mustR(t, rt.WebSocket("/ws/{room}", echo("chat")))
	mustR(t, rt.WebSocket("/ws/{room}/history", echo("history")))
	mustR(t, rt.API("/rooms/{room}", []string{"GET", "POST"}, echo("room")))
	mustR(t, rt.WebSocket("/both", echo("both-ws")))
	mustR(t, rt.API("/both", nil, echo("both-http")))
	mustR(t, rt.API("/items/{id}", nil, echo("item")))
	mustR(t, rt.WebSocket("/items/{id}/", echo("item-ws")))
	sub := New(Options{})
	mustR(t, sub.WebSocket("/ws", echo("sub-ws")))
	mustR(t, sub.API("/plain", nil, echo("sub-plain")))
	mustR(t, rt.Mount("/sub", sub))
	return rt
}

// TestWebSocketRouting checks websocket routes against what Starlette 0.47 does
// under uvicorn 0.35 (measured with both on the same routes): a handshake sees
// only websocket routes and mounts, and is refused with 403 when none matches
// (no 405, no slash redirect); HTTP requests ignore websocket routes.
func TestWebSocketRouting(t *testing.T) {
	rt := wsApp(t, Options{})
	run(t, rt, []exchange{
		{"GET", "/ws/general", 404, notFound, nil},
		{"POST", "/ws/general", 404, notFound, map[string]string{"allow": ""}},
		{"HEAD", "/ws/general", 404, "*", nil},
		{"GET", "/ws/general/", 404, notFound, map[string]string{"location": ""}},
		{"GET", "/ws/general/history/", 404, notFound, nil},
		{"GET", "/both", 200, "both-http root=", nil},
		{"POST", "/both", 405, notAllowed, map[string]string{"allow": "GET"}},
		{"GET", "/items/1", 200, "item 1 root=", nil},
		{"GET", "/items/1/", 307, "", map[string]string{"location": "http://testserver/items/1"}},
		{"GET", "/sub/ws", 404, notFound, nil},
		{"GET", "/sub/ws/", 404, notFound, nil},
		{"GET", "/sub/plain", 200, "sub-plain root=/sub", nil},
		{"GET", "/rooms/a/", 307, "", map[string]string{"location": "http://testserver/rooms/a"}},
	})
	runWS(t, rt, []wsExchange{
		{method: "GET", target: "/ws/general?token=x", status: 200, body: "chat general root="},
		{method: "GET", target: "/ws/general/history", status: 200, body: "history general root="},
		{method: "GET", target: "/ws/general/", status: 403},
		{method: "GET", target: "/ws/general/history/", status: 403},
		{method: "GET", target: "/", status: 403},
		{method: "GET", target: "/docs", status: 403},
		{method: "GET", target: "/rooms/a", status: 403},
		{method: "GET", target: "/rooms/a/", status: 403},
		{method: "GET", target: "/nowhere", status: 403},
		{method: "GET", target: "/both", status: 200, body: "both-ws root="},
		{method: "GET", target: "/items/1/", status: 200, body: "item-ws 1 root="},
		{method: "GET", target: "/items/1", status: 403},
		{method: "GET", target: "/sub/ws", status: 200, body: "sub-ws root=/sub"},
		{method: "GET", target: "/sub/ws/", status: 403},
		{method: "GET", target: "/sub/plain", status: 403},
		// Not a handshake the websockets library accepts: uvicorn never runs the app.
		{method: "POST", target: "/ws/general", status: 400, body: badHandshakeBody},
		{method: "HEAD", target: "/ws/general", status: 400, body: badHandshakeBody},
		{method: "GET", target: "/ws/general", proto: "HTTP/1.0", status: 400, body: badHandshakeBody},
	})
}

// TestWebSocketNotFoundSkipsHandlers: Starlette closes an unmatched handshake
// itself (WebSocketClose), raising nothing an exception handler could see.
func TestWebSocketNotFoundSkipsHandlers(t *testing.T) {
	called := false
	rt := wsApp(t, Options{Exceptions: func(rq *request.Request, err error) (*response.Response, error) {
		called = true
		return nil, nil
	}})
	runWS(t, rt, []wsExchange{{method: "GET", target: "/nowhere", status: 403}})
	if called {
		t.Error("the exception handler saw an unmatched websocket handshake")
	}
	run(t, rt, []exchange{{"GET", "/nowhere", 404, notFound, nil}})
	if !called {
		t.Error("the exception handler did not see an HTTP 404")
	}
}

// TestWebSocketStrictSlashes: redirect_slashes=False changes nothing for
// websocket routes.
func TestWebSocketStrictSlashes(t *testing.T) {
	rt := wsApp(t, Options{StrictSlashes: true})
	run(t, rt, []exchange{{"GET", "/ws/general/", 404, notFound, nil}, {"GET", "/items/1/", 404, notFound, nil}})
	runWS(t, rt, []wsExchange{{method: "GET", target: "/ws/general/", status: 403}, {method: "GET", target: "/items/1/", status: 200, body: "item-ws 1 root="}})
}

func TestWriteCloseBeforeAccept(t *testing.T) {
	w := httptest.NewRecorder()
	WriteCloseBeforeAccept(w)
	var hs []string
	for _, k := range []string{"Content-Length", "Content-Type", "Connection"} {
		hs = append(hs, k+": "+w.Header().Get(k))
	}
	if got := strings.Join(hs, ", "); w.Code != 403 || w.Body.Len() != 0 || got != "Content-Length: 0, Content-Type: text/plain, Connection: close" {
		t.Errorf("got %d %q %s", w.Code, w.Body.String(), got)
	}
}

// TestWebSocketMounts: a mount matches websocket handshakes as it matches HTTP
// requests. An HTTP-only app (MountHTTP, StaticFiles) fails on them, which
// uvicorn answers with its 500 (measured: a handshake to a StaticFiles mount);
// any other mounted handler gets the handshake.
func TestWebSocketMounts(t *testing.T) {
	var logged []string
	rt := New(Options{ErrorLog: func(msg string) { logged = append(logged, msg) }})
	files := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte("file " + r.URL.Path))
	})
	mustR(t, rt.MountHTTP("/static", files))
	mustR(t, rt.Mount("/other", files))
	run(t, rt, []exchange{{"GET", "/static/a.txt", 200, "file /a.txt", nil}})
	runWS(t, rt, []wsExchange{
		{method: "GET", target: "/static/a.txt", status: 500, body: "Internal Server Error"},
		{method: "GET", target: "/static/nope", status: 500, body: "Internal Server Error"},
		{method: "GET", target: "/other/a.txt", status: 200, body: "file /a.txt"},
		{method: "GET", target: "/elsewhere", status: 403},
	})
	if len(logged) != 2 || !strings.HasPrefix(logged[0], "Exception in ASGI application\n") {
		t.Errorf("logged %q, want two ASGI exceptions", logged)
	}
}

func TestWriteWebSocketServerError(t *testing.T) {
	w := httptest.NewRecorder()
	WriteWebSocketServerError(w)
	h := w.Header()
	if _, ok := h["Date"]; !ok {
		t.Error("no nil Date entry: net/http would add a date")
	}
	if w.Code != 500 || w.Body.String() != "Internal Server Error" || h.Get("Content-Type") != "text/plain; charset=utf-8" ||
		h.Get("Content-Length") != "21" || h.Get("Connection") != "close" || h["Date"] != nil {
		t.Errorf("got %d %q %v", w.Code, w.Body.String(), h)
	}
}
