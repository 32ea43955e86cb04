package codegen

import (
	"strings"
	"testing"
)

// TestLifespanNative checks where startup and shutdown handlers run: in Go (main.go's
// server.Lifespan, the state they fill living in Go) when they all translate and no
// route needs the bridge; otherwise in the bridge workers, with their state in Python.
func TestLifespanNative(t *testing.T) {
	const head = "from fastapi import FastAPI, Request\napp = FastAPI()\nITEMS: dict = {}\nEVENTS: list = []\n\n" +
		"@app.on_event(\"startup\")\nasync def load():\n    ITEMS[\"a\"] = 1\n    EVENTS.append(\"up\")\n\n" +
		"@app.on_event(\"startup\")\ndef second():\n    EVENTS.append(f\"second {len(ITEMS)}\")\n\n" +
		"@app.on_event(\"shutdown\")\ndef down():\n    EVENTS.append(\"down\")\n\n" +
		"@app.get(\"/items\")\ndef items():\n    return {\"items\": ITEMS, \"events\": EVENTS}\n"
	tests := []struct {
		name, extra string
		native      bool
		want        []string // substrings of main.go
	}{
		{"all-native", "", true, []string{
			"server.Lifespan{\n\t\tShutdown: func(ctx context.Context) error {\n\t\t\tpyc_state_mu.Lock()",
			"if _, err := py_load(); err != nil {\n\t\t\t\treturn err\n\t\t\t}\n\t\t\tif _, err := py_second(); err != nil {",
			"if _, err := py_down(); err != nil {"}},
		// A bridged route: the workers run the lifespan, so the handlers and their state stay there.
		{"bridged-route", "\nimport os\n\n@app.get(\"/pid\")\ndef pid():\n    return os.getpid()\n", false, []string{"bridge.Start(ctx, *py)"}},
		// A handler that does not translate keeps every handler in Python.
		{"handler-refused", "\n@app.on_event(\"shutdown\")\ndef bye():\n    import os\n", false, []string{"bridge.Start(ctx, *py)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, rs := generate(t, head+tt.extra)
			if len(rs) > 0 {
				t.Fatalf("refused: %v", rs)
			}
			main := string(out.Files["main.go"])
			_, bridged := out.Files["bridge.go"]
			if bridged == tt.native {
				t.Fatalf("bridge.go written: %v, want %v:\n%s", bridged, !tt.native, main)
			}
			for _, w := range tt.want {
				if !strings.Contains(main+string(out.Files["bridge.go"]), w) {
					t.Errorf("main.go lacks %q:\n%s", w, main)
				}
			}
			routes := string(out.Files["main_py.go"])
			if tt.native != strings.Contains(routes, "func py_items()") {
				t.Errorf("route items native: %v, want %v:\n%s", !tt.native, tt.native, routes)
			}
		})
	}
}

// TestLifespanFunction checks a lifespan= function run natively: the statements before
// its yield as the startup, the ones after as the shutdown; what it cannot split is
// refused, the lifespan then running in the bridge workers.
func TestLifespanFunction(t *testing.T) {
	const head = "from contextlib import asynccontextmanager\nfrom fastapi import FastAPI\nLIFE: list = []\nMODELS: dict = {}\n\n" +
		"@asynccontextmanager\nasync def lifespan(app: FastAPI):\n"
	const tail = "\n\napp = FastAPI(lifespan=lifespan)\n\n@app.get(\"/life\")\ndef life():\n    return {\"life\": LIFE, \"models\": sorted(MODELS)}\n"
	tests := []struct {
		name, body string
		native     bool
		want       []string // substrings of main.go and main_py.go
	}{
		{"split", "    LIFE.append(\"startup\")\n    MODELS[\"a\"] = 1\n    yield\n    MODELS.clear()\n    LIFE.append(\"shutdown\")", true, []string{
			"if _, err := py_lifespanStartup(); err != nil {", "if _, err := py_lifespanShutdown(); err != nil {",
			"func py_lifespanStartup() (pyval.Value, error) {", "// main.py:9: MODELS[\"a\"] = 1",
			"func py_lifespanShutdown() (pyval.Value, error) {", "// main.py:11: MODELS.clear()"}},
		{"yield-none-no-shutdown", "    LIFE.append(\"startup\")\n    yield None", true, []string{"func py_lifespanShutdown() (pyval.Value, error) {"}},
		{"state-dict", "    LIFE.append(\"startup\")\n    yield {\"n\": 1}", false, nil},
		{"app-state", "    app.state.x = 1\n    LIFE.append(\"startup\")\n    yield", false, nil},
		{"shared-local", "    n = len(LIFE)\n    yield\n    LIFE.append(str(n))", false, nil},
		{"try-finally", "    try:\n        LIFE.append(\"up\")\n        yield\n    finally:\n        LIFE.append(\"down\")", false, nil},
		{"two-yields", "    yield\n    LIFE.append(\"x\")\n    yield", false, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, rs := generate(t, head+tt.body+tail)
			if len(rs) > 0 {
				t.Fatalf("refused: %v", rs)
			}
			_, bridged := out.Files["bridge.go"]
			if bridged == tt.native {
				t.Fatalf("bridge.go written: %v, want %v", bridged, !tt.native)
			}
			all := string(out.Files["main.go"]) + string(out.Files["main_py.go"])
			for _, w := range tt.want {
				if !strings.Contains(all, w) {
					t.Errorf("lacks %q:\n%s", w, all)
				}
			}
			if tt.native != strings.Contains(all, "func py_life()") {
				t.Errorf("route life native: %v, want %v", !tt.native, tt.native)
			}
		})
	}
}
