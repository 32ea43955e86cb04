package codegen

import (
	"strings"
	"testing"
)

// TestWebSocketRoutes checks that a websocket route is generated as a bridged route:
// its parameters read and validated in Go, the endpoint served by
// runtime/pycall/websocket on the pinned worker; and what it cannot serve is refused.
func TestWebSocketRoutes(t *testing.T) {
	const head = `from typing import Annotated, Optional
from fastapi import Cookie, Depends, FastAPI, Header, Query, Request, WebSocket
app = FastAPI()
`
	tests := []struct {
		name, src string
		want      []string // substrings of main_py.go
		wantApp   []string // and of app.go
		refusal   string   // or of a refusal
	}{
		{name: "params", src: `
@app.websocket("/ws/{room}")
async def chat(websocket: WebSocket, room: str, limit: Annotated[int, Query(ge=1)] = 10,
               x_client: Annotated[Optional[str], Header()] = None, session: Annotated[Optional[str], Cookie()] = None):
    await websocket.accept()
`, want: []string{
			`return websocket.Serve(py, rq, out, websocket.Endpoint{`,
			`bridge.Kw("room", room),`,
			`bridge.Kw("limit", limit),`,
			`bridge.Kw("x_client", xClient),`,
			`bridge.Kw("session", session),`,
			`Fn: "main:chat",`,
			`WebSocketParams: []string{"websocket"},`,
			`}, errs.Err())`,
			`rq.Header("X-Client")`,
			`Pinned: true,`,
			`cannot translate websocket route /ws/{room}`,
		}, wantApp: []string{
			`if err := rt.WebSocket("/ws/{room}", handleChat); err != nil {`,
			`return nil, fmt.Errorf("websocket route %s: %w", "/ws/{room}", err)`,
		}},
		{name: "no params", src: `
@app.websocket("/ws")
async def ws(websocket: WebSocket):
    await websocket.accept()
`, want: []string{`WebSocketParams: []string{"websocket"},`, `}, nil)`},
			wantApp: []string{`rt.WebSocket("/ws", handleWs)`}},
		{name: "next to HTTP routes", src: `
@app.get("/items")
def items():
    return []
@app.websocket("/ws")
async def ws(websocket: WebSocket):
    await websocket.accept()
`, want: []string{`WebSocketParams: []string{"websocket"},`},
			wantApp: []string{`{"/items", []string{"GET"}, handleItems},`, `rt.WebSocket("/ws", handleWs)`}},
		{name: "dependency", src: `
def dep():
    return 1
@app.websocket("/ws")
async def ws(websocket: WebSocket, d=Depends(dep)):
    pass
`, refusal: "main.py:8:38: cannot translate dependency dep of a websocket route"},
		{name: "request parameter", src: `
@app.websocket("/ws")
async def ws(websocket: WebSocket, request: Request):
    pass
`, refusal: "main.py:6:36: cannot translate request parameter request of a websocket endpoint"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, rs := generate(t, head+tt.src)
			if tt.refusal != "" {
				var lines []string
				for _, r := range rs {
					lines = append(lines, r.String())
				}
				if out != nil || !strings.Contains(strings.Join(lines, "\n"), tt.refusal) {
					t.Fatalf("refusals:\n%s\nwant one containing %q", strings.Join(lines, "\n"), tt.refusal)
				}
				return
			}
			if len(rs) > 0 {
				t.Fatalf("refused: %v", rs)
			}
			if out.Bridged != 1 {
				t.Errorf("%d bridged routes, want 1", out.Bridged)
			}
			main := string(out.Files["main_py.go"])
			for _, w := range tt.want {
				if !strings.Contains(main, w) {
					t.Errorf("main_py.go lacks %q:\n%s", w, main)
				}
			}
			app := string(out.Files["app.go"])
			for _, w := range tt.wantApp {
				if !strings.Contains(app, w) {
					t.Errorf("app.go lacks %q:\n%s", w, app)
				}
			}
			if strings.Contains(app, `"/ws`) && strings.Contains(app, `[]string{}`) {
				t.Errorf("app.go registers a websocket route as an API route:\n%s", app)
			}
		})
	}
}

// TestWebSocketMounted checks that a mounted FastAPI app's websocket routes are
// registered on its own router.
func TestWebSocketMounted(t *testing.T) {
	out, rs := generateMounted(t, `from fastapi import FastAPI, WebSocket
app = FastAPI()
sub = FastAPI()

@sub.websocket("/live")
async def live(websocket: WebSocket):
    await websocket.accept()

app.mount("/sub", sub)
`)
	if out == nil {
		t.Fatalf("refused: %v", rs)
	}
	app := string(out.Files["app.go"])
	var top, subs []string // the top app's builder, the others
	for _, fn := range strings.Split(app, "\nfunc ")[1:] {
		if strings.HasPrefix(fn, "newApp(") {
			top = append(top, fn)
		} else {
			subs = append(subs, fn)
		}
	}
	const reg = `rt.WebSocket("/live", handleLive)`
	if len(top) != 1 || strings.Contains(top[0], reg) || !strings.Contains(strings.Join(subs, ""), reg) {
		t.Errorf("/live is not registered as a websocket route by the mounted app's builder:\n%s", app)
	}
}
