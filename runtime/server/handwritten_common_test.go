package server_test

// Shared pieces of the hand-written services: what a generator would emit
// once per app (openapi.json route) and the harness starting a service the
// way the generated main does, on a free loopback port.

import (
	"math"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/covetpy/covetgen/internal/replay"
	"github.com/covetpy/covetgen/runtime/pyjson"
	"github.com/covetpy/covetgen/runtime/router"
	"github.com/covetpy/covetgen/runtime/server"
)

// startService prepares the app folder as the recorder did, builds the
// service with the server configuration and serves it on 127.0.0.1:0
// through the real net/http server setup (timeouts, h2c, proxy headers,
// access log off). It returns the app folder and the base URL.
func startService(t *testing.T, app string, build func(opt router.Options) http.Handler) (string, string) {
	t.Helper()
	dir := replay.AppDir(t, app)
	replay.Prepare(t, dir)
	cfg := server.Default()
	cfg.AccessLog = false
	h := build(cfg.RouterOptions())
	ts := httptest.NewUnstartedServer(nil)
	ts.Config = server.NewHTTPServer(h, cfg)
	ts.Listener.Close()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ts.Listener = ln
	ts.Start()
	t.Cleanup(ts.Close)
	return dir, ts.URL
}

// openAPIDoc is what the generator embeds: app.openapi() as compact JSON
// (here re-encoded from the golden, which is the same dict).
func openAPIDoc(t testing.TB, dir string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "golden", "openapi.json"))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := pyjson.Parse(b)
	if err != nil {
		t.Fatal(err)
	}
	out, err := pyjson.AppendValue(nil, doc.Root())
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func nan() float64 { return math.NaN() }
