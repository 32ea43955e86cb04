package bridge

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"io"
	"os"
	"reflect"
	"testing"
	"time"
)

// wsApp is the corpus app with websocket endpoints; its golden/websockets.json was
// recorded from the real FastAPI (tools/goldens/record.py).
const wsApp = "../../testdata/fastapi_apps/websockets_misc"

// wsGolden is one recorded session: what the endpoint sent and received.
type wsGolden struct {
	Name              string
	Accepted          bool
	CloseBeforeAccept *struct {
		Code   int
		Reason json.RawMessage
	} `json:"close_before_accept"`
	Events []struct {
		Send, Receive *struct {
			Text     *string
			BytesB64 *string `json:"bytes_b64"`
		}
		Close       *wsGoldenClose
		ClientClose *wsGoldenClose `json:"client_close"`
	}
}

type wsGoldenClose struct {
	Code   int
	Reason string
}

func loadWSGoldens(t *testing.T) map[string]wsGolden {
	t.Helper()
	b, err := os.ReadFile(wsApp + "/golden/websockets.json")
	if err != nil {
		t.Fatal(err)
	}
	var list []wsGolden
	if err := json.Unmarshal(b, &list); err != nil {
		t.Fatal(err)
	}
	out := map[string]wsGolden{}
	for _, g := range list {
		out[g.Name] = g
	}
	return out
}

// TestWebSocketSessions runs the app's websocket endpoints through the bridge with the
// arguments Go validated from the recorded sessions' requests, and requires the ASGI
// messages FastAPI produced: the accept or the close before it, every message, the
// close, the end. The sessions chosen do not depend on the HTTP requests recorded before
// them (a fresh app here).
func TestWebSocketSessions(t *testing.T) {
	goldens := loadWSGoldens(t)
	p := startPool(t, nil, func(c *Config) { c.AppDir, c.App, c.Workers = wsApp, "main:app", 1 })
	none := any(nil)
	tests := []struct {
		golden string
		fn     string
		args   []any
	}{
		{"ws-chat-bad-token", "main:chat", []any{Kw("room", "general"), Kw("token", "nope")}},
		{"ws-chat-no-token", "main:chat", []any{Kw("room", "dev"), Kw("token", none)}},
		{"ws-chat-client-disconnect", "main:chat", []any{Kw("room", "lobby"), Kw("token", "letmein")}},
		{"ws-history-after-disconnect", "main:history", []any{Kw("room", "lobby"), Kw("limit", 10), Kw("x_client", none), Kw("session", none)}},
		{"ws-history-missing-room", "main:history", []any{Kw("room", "nowhere"), Kw("limit", 1), Kw("x_client", none), Kw("session", none)}},
	}
	for _, tt := range tests { // in order: the history reads what the chat stored
		t.Run(tt.golden, func(t *testing.T) {
			g, ok := goldens[tt.golden]
			if !ok {
				t.Fatalf("no golden session %s", tt.golden)
			}
			req := &RequestInfo{Method: "GET", Scheme: "ws", HTTPVersion: "1.1", Path: "/ws", RawPath: "/ws"}
			ws, err := p.OpenWebSocket(ctx(t), true, Invocation{Fn: tt.fn, Args: tt.args, Request: req}, []string{"websocket"})
			if err != nil {
				t.Fatal(err)
			}
			defer ws.Close(ctx(t))
			first, err := ws.Next(ctx(t))
			if err != nil {
				t.Fatal(err)
			}
			if !g.Accepted {
				if first.Type != "websocket.close" || first.Code != g.CloseBeforeAccept.Code {
					t.Fatalf("first message %+v, want a close %d before accept", first, g.CloseBeforeAccept.Code)
				}
				wantEnd(t, ws)
				return
			}
			if first.Type != "websocket.accept" {
				t.Fatalf("first message %+v, want the accept", first)
			}
			for i, ev := range g.Events {
				switch {
				case ev.Send != nil:
					m := WSMessage{Type: "websocket.receive"}
					if ev.Send.Text != nil {
						m.Text = *ev.Send.Text
					}
					if err := ws.Push(ctx(t), m); err != nil {
						t.Fatal(err)
					}
				case ev.Receive != nil:
					got, err := ws.Next(ctx(t))
					if err != nil {
						t.Fatalf("event %d: %v", i, err)
					}
					want := WSMessage{Type: "websocket.send"}
					if ev.Receive.Text != nil {
						want.Text = *ev.Receive.Text
					} else {
						want.Binary = true
						want.Bytes, _ = base64.StdEncoding.DecodeString(*ev.Receive.BytesB64)
					}
					if !reflect.DeepEqual(got, want) {
						t.Errorf("event %d: got %+v, want %+v", i, got, want)
					}
				case ev.Close != nil:
					got, err := ws.Next(ctx(t))
					if err != nil || got.Type != "websocket.close" || got.Code != ev.Close.Code || got.Reason != ev.Close.Reason {
						t.Errorf("event %d: got %+v (%v), want the close %d %q", i, got, err, ev.Close.Code, ev.Close.Reason)
					}
				case ev.ClientClose != nil:
					m := WSMessage{Type: "websocket.disconnect", Code: ev.ClientClose.Code, Reason: ev.ClientClose.Reason}
					if err := ws.Push(ctx(t), m); err != nil {
						t.Fatal(err)
					}
				}
			}
			wantEnd(t, ws)
		})
	}
}

func wantEnd(t *testing.T, ws *WebSocket) {
	t.Helper()
	if m, err := ws.Next(ctx(t)); !errors.Is(err, io.EOF) {
		t.Errorf("after the session: %+v, %v; want the end", m, err)
	}
}

// TestWebSocketClose cancels an endpoint that still waits for the client, and a pending
// Next then ends.
func TestWebSocketClose(t *testing.T) {
	p := startPool(t, nil, func(c *Config) { c.AppDir, c.App, c.Workers = wsApp, "main:app", 1 })
	req := &RequestInfo{Method: "GET", Scheme: "ws", HTTPVersion: "1.1", Path: "/ws/x"}
	ws, err := p.OpenWebSocket(ctx(t), false, Invocation{Fn: "main:chat", Args: []any{Kw("room", "x"), Kw("token", "letmein")}, Request: req}, []string{"websocket"})
	if err != nil {
		t.Fatal(err)
	}
	if m, err := ws.Next(ctx(t)); err != nil || m.Type != "websocket.accept" {
		t.Fatalf("Next = %+v, %v; want the accept", m, err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := ws.Next(ctx(t))
		done <- err
	}()
	if err := ws.Close(ctx(t)); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-done:
		if !errors.Is(err, io.EOF) {
			t.Errorf("pending Next after Close: %v, want io.EOF", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("pending Next did not end")
	}
}

func TestWSWireMessage(t *testing.T) {
	text, code, sub := "hi", 4000, "chat"
	tests := []struct {
		name string
		wire string
		want WSMessage
	}{
		{"text", `{"type":"websocket.send","text":"hi"}`, WSMessage{Type: "websocket.send", Text: text}},
		{"bytes", `{"type":"websocket.send","bytes":{"$b":"AGVuZP8="}}`, WSMessage{Type: "websocket.send", Binary: true, Bytes: []byte("\x00end\xff")}},
		{"close", `{"type":"websocket.close","code":4000,"reason":"done"}`, WSMessage{Type: "websocket.close", Code: code, Reason: "done"}},
		{"close without code", `{"type":"websocket.close"}`, WSMessage{Type: "websocket.close", Code: 1000}},
		{"close with a list reason", `{"type":"websocket.close","code":1008,"reason":[{"loc":["query","limit"]}]}`, WSMessage{Type: "websocket.close", Code: 1008}},
		{"accept", `{"type":"websocket.accept","subprotocol":"chat","headers":[["x-a","\u00e9"]]}`, WSMessage{Type: "websocket.accept", Subprotocol: sub, Headers: [][2]string{{"x-a", "\xe9"}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var w wsWire
			if err := json.Unmarshal([]byte(tt.wire), &w); err != nil {
				t.Fatal(err)
			}
			got, err := w.message()
			if err != nil || !reflect.DeepEqual(got, tt.want) {
				t.Errorf("message() = %+v, %v; want %+v", got, err, tt.want)
			}
		})
	}
}

func TestAppendWSMessage(t *testing.T) {
	tests := []struct {
		m    WSMessage
		want string
	}{
		{WSMessage{Type: "websocket.receive", Text: "caf\u00e9"}, `{"type":"websocket.receive","text":"caf\u00e9"}`},
		{WSMessage{Type: "websocket.receive", Binary: true, Bytes: []byte{0, 255}}, `{"type":"websocket.receive","bytes":"AP8="}`},
		{WSMessage{Type: "websocket.disconnect", Code: 1001, Reason: "bye"}, `{"type":"websocket.disconnect","code":1001,"reason":"bye"}`},
	}
	for _, tt := range tests {
		if got := string(appendWSMessage(nil, tt.m)); got != tt.want {
			t.Errorf("appendWSMessage(%+v) = %s, want %s", tt.m, got, tt.want)
		}
	}
}

// TestWebSocketEndpointEnds: an endpoint that returns without a handshake ends the
// messages (io.EOF: uvicorn's 500), one that raises gives its exception.
func TestWebSocketEndpointEnds(t *testing.T) {
	p := startPool(t, nil, func(c *Config) { c.AppDir, c.App, c.Workers = wsApp, "main:app", 1 })
	req := &RequestInfo{Method: "GET", Scheme: "ws", HTTPVersion: "1.1", Path: "/ws"}
	tests := []struct {
		name string
		inv  Invocation
		ws   []string
		want func(error) bool
	}{
		{"returns", Invocation{Fn: "main:index", Request: req}, nil, func(err error) bool { return errors.Is(err, io.EOF) }},
		{"raises", Invocation{Fn: "main:messages", Request: req}, []string{"websocket"}, func(err error) bool {
			var pe *PyError
			return errors.As(err, &pe) && pe.Type == "TypeError"
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ws, err := p.OpenWebSocket(ctx(t), false, tt.inv, tt.ws)
			if err != nil {
				t.Fatal(err)
			}
			defer ws.Close(ctx(t))
			if m, err := ws.Next(ctx(t)); !tt.want(err) {
				t.Errorf("Next = %+v, %v", m, err)
			}
		})
	}
}
