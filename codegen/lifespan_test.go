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
		{"bridged-route", "\n@app.get(\"/client\")\ndef client(request: Request):\n    return request.client\n", false, []string{"bridge.Start(ctx, *py)"}},
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
