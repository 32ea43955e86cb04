package bridge

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"sync"

	"github.com/covetpy/covetgen/runtime/pyjson"
)

// WebSocket is a websocket endpoint running in a worker: the app's async function,
// called with a starlette WebSocket (covetgen_compat's stand-in without FastAPI) whose
// ASGI receive and send cross the bridge. The Go side plays uvicorn's part: it takes the
// app's messages with Next (websocket.accept, websocket.send, websocket.close, or a
// denial response) and gives it the client's with Push (websocket.receive,
// websocket.disconnect). Next and Push may run concurrently (one goroutine each); Close
// ends the connection in the worker. No call of a websocket is bounded by
// Config.Timeout: a connection lasts as long as its client and endpoint want.
type WebSocket struct {
	p   *Pool
	w   *proc
	sid uint64

	mu     sync.Mutex
	closed bool
}

// WSMessage is one ASGI websocket message.
type WSMessage struct {
	// Type is the ASGI type: "websocket.accept", "websocket.send", "websocket.close",
	// "websocket.http.response.start", "websocket.http.response.body" (from the app);
	// "websocket.receive", "websocket.disconnect" (from the client).
	Type string
	// Text / Bytes: the data of a send or receive; Binary tells which one it is.
	Text   string
	Bytes  []byte
	Binary bool
	// Code and Reason: of a close or a disconnect. A close's reason that is not a string
	// (FastAPI's validation handler passes the error list) is "".
	Code   int
	Reason string
	// Subprotocol (accept; "" for none) and Headers (accept, http.response.start):
	// raw latin-1 names and values.
	Subprotocol string
	Headers     [][2]string
	// Status, Body and MoreBody: a denial response.
	Status   int
	Body     []byte
	MoreBody bool
}

// wsWire is a message as worker.py sends it: bytes as {"$b": base64}.
type wsWire struct {
	Type        string          `json:"type"`
	Text        *string         `json:"text"`
	Bytes       *wsBytes        `json:"bytes"`
	Code        *int            `json:"code"`
	Reason      json.RawMessage `json:"reason"`
	Subprotocol *string         `json:"subprotocol"`
	Headers     [][2]string     `json:"headers"`
	Status      int             `json:"status"`
	Body        *wsBytes        `json:"body"`
	MoreBody    bool            `json:"more_body"`
}

type wsBytes struct {
	B string `json:"$b"`
}

// message converts the wire form.
func (m *wsWire) message() (WSMessage, error) {
	out := WSMessage{Type: m.Type, Status: m.Status, MoreBody: m.MoreBody}
	var err error
	if m.Text != nil {
		out.Text = *m.Text
	}
	if m.Bytes != nil {
		out.Binary = true
		if out.Bytes, err = base64.StdEncoding.DecodeString(m.Bytes.B); err != nil {
			return out, fmt.Errorf("bridge: websocket message bytes: %w", err)
		}
	}
	if m.Body != nil {
		if out.Body, err = base64.StdEncoding.DecodeString(m.Body.B); err != nil {
			return out, fmt.Errorf("bridge: websocket response body: %w", err)
		}
	}
	switch {
	case m.Code != nil:
		out.Code = *m.Code
	case m.Type == "websocket.close":
		out.Code = 1000 // ASGI's default
	}
	var reason string
	if len(m.Reason) > 0 && json.Unmarshal(m.Reason, &reason) == nil {
		out.Reason = reason
	}
	if m.Subprotocol != nil {
		out.Subprotocol = *m.Subprotocol
	}
	if out.Headers, err = rawHeaders(m.Headers); err != nil {
		return out, err
	}
	return out, nil
}

// appendWSMessage writes a client message for worker.py.
func appendWSMessage(b []byte, m WSMessage) []byte {
	b = append(b, `{"type":`...)
	b = pyjson.AppendStringASCII(b, m.Type)
	switch m.Type {
	case "websocket.receive":
		if m.Binary {
			b = append(b, `,"bytes":"`...)
			b = base64.StdEncoding.AppendEncode(b, m.Bytes)
			b = append(b, '"')
		} else {
			b = append(b, `,"text":`...)
			b = pyjson.AppendStringASCII(b, m.Text)
		}
	case "websocket.disconnect":
		b = append(b, `,"code":`...)
		b = strconv.AppendInt(b, int64(m.Code), 10)
		b = append(b, `,"reason":`...)
		b = pyjson.AppendStringASCII(b, m.Reason)
	}
	return append(b, '}')
}

// OpenWebSocket starts inv.Fn, the endpoint of a websocket route, in a worker (slot 0
// when pinned: the app's module state lives there) with the connection's WebSocket in
// the parameters named by wsParams and inv.Args as its other arguments. inv.Request
// is the upgrade request (Scheme "ws" or "wss"): the WebSocket's scope. The other
// Invocation fields are not used. The endpoint first receives websocket.connect, as
// from uvicorn. The caller must Close the WebSocket.
func (p *Pool) OpenWebSocket(ctx context.Context, pinned bool, inv Invocation, wsParams []string) (*WebSocket, error) {
	if inv.Request == nil {
		return nil, errors.New("bridge: a websocket needs its request")
	}
	sid := p.nextSID.Add(1)
	b, err := appendCall(make([]byte, 0, 512), inv.Fn, "v", inv.Args)
	if err != nil {
		return nil, err
	}
	b = append(b, `,"sid":`...)
	b = strconv.AppendUint(b, sid, 10)
	b = append(b, `,"op":"wsopen"`...)
	b = appendNames(b, "ws", wsParams)
	b = append(b, `,"req":`...)
	if b, err = appendRequestInfo(b, inv.Request); err != nil {
		return nil, err
	}
	b = append(b, '}')
	w, err := p.acquire(ctx, nil, pinned)
	if err != nil {
		return nil, err
	}
	defer p.release(w)
	ws := &WebSocket{p: p, w: w, sid: sid}
	if _, _, err := ws.op(ctx, inv.Fn, b); err != nil {
		ws.Close(context.WithoutCancel(ctx))
		return nil, err
	}
	return ws, nil
}

// Next waits for the app's next message. It returns io.EOF once the endpoint has
// returned and every message it sent was taken, and the endpoint's exception when it
// raised one that no exception handler took (a *PyError or *response.HTTPException; the
// worker printed its traceback); ErrWorkerLost when the worker died; ctx's error when
// ctx ends first.
func (ws *WebSocket) Next(ctx context.Context) (WSMessage, error) {
	m, data, err := ws.op(ctx, "websocket next", ws.opPayload("wsnext", nil))
	if err != nil {
		return WSMessage{}, err
	}
	if m.K != "W" {
		return WSMessage{}, m.err(data)
	}
	var wire struct {
		M wsWire `json:"m"`
	}
	if err := json.Unmarshal(m.raw, &wire); err != nil {
		return WSMessage{}, fmt.Errorf("bridge: bad websocket message: %w", err)
	}
	if wire.M.Type == "end" {
		return WSMessage{}, io.EOF
	}
	return wire.M.message()
}

// Push gives the endpoint a client message (Type websocket.receive or
// websocket.disconnect; after a disconnect the endpoint's sends fail as under uvicorn).
func (ws *WebSocket) Push(ctx context.Context, msg WSMessage) error {
	m, data, err := ws.op(ctx, "websocket push", ws.opPayload("wspush", &msg))
	if err != nil {
		return err
	}
	if m.K != "N" {
		return m.err(data)
	}
	return nil
}

// Close ends the connection in the worker: an endpoint still running is cancelled.
// Safe to call more than once.
func (ws *WebSocket) Close(ctx context.Context) error {
	ws.mu.Lock()
	done := ws.closed
	ws.closed = true
	ws.mu.Unlock()
	if done {
		return nil
	}
	_, _, err := ws.op(ctx, "websocket close", ws.opPayload("wsclose", nil))
	if errors.Is(err, ErrWorkerLost) {
		return nil // nothing left to end
	}
	return err
}

func (ws *WebSocket) opPayload(op string, msg *WSMessage) []byte {
	b := append(make([]byte, 0, 64), `{"sid":`...)
	b = strconv.AppendUint(b, ws.sid, 10)
	b = append(b, `,"op":`...)
	b = pyjson.AppendStringASCII(b, op)
	if msg != nil {
		b = append(b, `,"m":`...)
		b = appendWSMessage(b, *msg)
	}
	return append(b, '}')
}

// wsMeta is the head of a websocket op's reply: sessionMeta, and the raw JSON for the
// message of a W reply.
type wsMeta struct {
	sessionMeta
	raw []byte
}

// op runs one websocket operation on the connection's worker, without Config.Timeout
// (Next waits for the app as long as the connection lasts).
func (ws *WebSocket) op(ctx context.Context, what string, payload []byte) (wsMeta, []byte, error) {
	w := ws.w
	if w.dead.Load() {
		return wsMeta{}, nil, ErrWorkerLost
	}
	id := ws.p.nextID.Add(1)
	ch, ok := w.register(id)
	if !ok {
		return wsMeta{}, nil, ErrWorkerLost
	}
	if err := w.send(id, payload); err != nil {
		w.unregister(id)
		w.kill()
		return wsMeta{}, nil, ErrWorkerLost
	}
	var f frame
	select {
	case f, ok = <-ch:
		if !ok {
			return wsMeta{}, nil, ErrWorkerLost
		}
	case <-ctx.Done():
		w.unregister(id)
		return wsMeta{}, nil, ctx.Err()
	}
	m, data, err := decodeSession(f)
	if err != nil {
		return wsMeta{}, nil, fmt.Errorf("bridge: %s: %w", what, err)
	}
	return wsMeta{sessionMeta: m, raw: sessionHead(f)}, data, nil
}

// sessionHead is the JSON meta of a session reply frame (decodeSession checked it).
func sessionHead(f frame) []byte {
	n := int(f.payload[0])<<24 | int(f.payload[1])<<16 | int(f.payload[2])<<8 | int(f.payload[3])
	return f.payload[4 : 4+n]
}
