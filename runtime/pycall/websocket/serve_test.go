package websocket

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	ws "github.com/coder/websocket"

	"github.com/covetpy/covetgen/runtime/bridge"
	"github.com/covetpy/covetgen/runtime/pycall"
	"github.com/covetpy/covetgen/runtime/request"
	"github.com/covetpy/covetgen/runtime/response"
)

// server serves the corpus app's chat websocket (a bridge worker runs the endpoint) the
// way a generated handler does; invalid plays a failed parameter validation.
func server(t *testing.T, invalid error) *httptest.Server {
	t.Helper()
	python := os.Getenv("COVETGEN_PYTHON")
	if python == "" {
		python = "python3"
	}
	// A short call timeout: it must not bound a websocket connection.
	pool, err := bridge.Start(context.Background(), bridge.Config{Python: python, AppDir: "../../../testdata/fastapi_apps/websockets_misc",
		App: "main:app", Workers: 1, Timeout: time.Second, Logf: t.Logf})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = pool.Shutdown(ctx)
	})
	route := &pycall.Route{Pinned: true}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var rq request.Request
		rq.Reset(r)
		var out response.Out
		token := r.URL.Query().Get("token")
		ep := Endpoint{
			Invocation:      bridge.Invocation{Fn: "main:chat", Args: []any{bridge.Kw("room", "test"), bridge.Kw("token", token)}},
			WebSocketParams: []string{"websocket"},
		}
		if err := Serve(pycall.Begin(pool, route, &rq), &rq, &out, ep, invalid); err != nil {
			var he *response.HTTPException
			if errors.As(err, &he) {
				w.WriteHeader(he.Status)
				return
			}
			t.Errorf("Serve: %v", err)
			w.WriteHeader(500)
			return
		}
		resp := out.Response()
		if err := resp.Prepare(); err != nil {
			t.Error(err)
		}
		_ = resp.Write(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestServe(t *testing.T) {
	srv := server(t, nil)
	wsURL := "ws" + strings.TrimPrefix(srv.URL, "http")
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()

	t.Run("plain HTTP", func(t *testing.T) {
		resp, err := http.Get(srv.URL + "/ws")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 404 {
			t.Errorf("status %d, want 404", resp.StatusCode)
		}
	})
	t.Run("refused", func(t *testing.T) {
		_, resp, err := ws.Dial(ctx, wsURL+"/ws?token=bad", nil)
		if err == nil || resp == nil || resp.StatusCode != 403 || resp.Header.Get("Content-Type") != "text/plain" {
			t.Fatalf("Dial: %v, %+v; want uvicorn's 403", err, resp)
		}
	})
	t.Run("accepted", func(t *testing.T) {
		c, _, err := ws.Dial(ctx, wsURL+"/ws?token=letmein", nil)
		if err != nil {
			t.Fatal(err)
		}
		defer c.CloseNow()
		for i, text := range []string{"a", "é"} {
			if err := c.Write(ctx, ws.MessageText, []byte(text)); err != nil {
				t.Fatal(err)
			}
			_, data, err := c.Read(ctx)
			want := `{"room":"test","echo":"` + text + `","count":` + string(rune('1'+i)) + `}`
			if err != nil || string(data) != want {
				t.Errorf("read %q, %v; want %q", data, err, want)
			}
		}
		if err := c.Close(ws.StatusNormalClosure, ""); err != nil {
			t.Errorf("close handshake: %v", err)
		}
	})
}

func TestServeInvalid(t *testing.T) {
	srv := server(t, errors.New("validation failed"))
	req, _ := http.NewRequest("GET", srv.URL+"/ws", nil)
	req.Header.Set("Upgrade", "websocket")
	req.Header.Set("Connection", "Upgrade")
	req.Header.Set("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")
	req.Header.Set("Sec-WebSocket-Version", "13")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 403 || len(body) != 0 || resp.Header.Get("Content-Type") != "text/plain" || !resp.Close {
		t.Errorf("got %d %v %q (close %v), want uvicorn's 403", resp.StatusCode, resp.Header, body, resp.Close)
	}
}
