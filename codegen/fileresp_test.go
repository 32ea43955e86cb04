package codegen

import (
	"strings"
	"testing"
)

// TestFileResponseRoutes checks FileResponse routes generated natively (main setting the
// paths computed from __file__, with --app-dir), and those left to the bridge.
func TestFileResponseRoutes(t *testing.T) {
	const head = "from pathlib import Path\nfrom fastapi import FastAPI, Response\nfrom fastapi.responses import FileResponse\n" +
		"HERE = Path(__file__).parent\napp = FastAPI()\n"
	for _, tt := range []struct {
		name, src string
		native    bool
		main      []string // in main.go when native
	}{
		{"built", "@app.get('/')\ndef f():\n    return FileResponse(HERE / 'a.txt')\n", true,
			[]string{`server.AppDirFlag(fs, "/the/root")`, `pyp_main_HERE = pyval.AppPath(root, "main.py", "parent")`}},
		{"response class", "@app.get('/', response_class=FileResponse)\ndef f():\n    return str(HERE / 'a.txt')\n", true,
			[]string{`pyval.AppPath(root, "main.py", "parent")`}},
		{"str path", "@app.get('/')\ndef f():\n    return FileResponse('a.txt')\n", true, nil},
		{"response class with 204", "@app.get('/', response_class=FileResponse, status_code=204)\ndef f():\n    return 'a.txt'\n", false, nil},
		{"response class with a Response parameter", "@app.get('/', response_class=FileResponse)\ndef f(r: Response):\n    return 'a.txt'\n", false, nil},
		{"path returned as JSON", "@app.get('/')\ndef f():\n    return HERE\n", false, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out, rs := generateIn(t, head+tt.src, Input{AppDir: "/the/root"})
			if len(rs) > 0 {
				t.Fatalf("refused: %v", rs)
			}
			if native := out.Bridged == 0; native != tt.native {
				t.Fatalf("native = %v, want %v", native, tt.native)
			}
			main := string(out.Files["main.go"])
			for _, w := range tt.main {
				if !strings.Contains(main, w) {
					t.Errorf("main.go lacks %q:\n%s", w, main)
				}
			}
			if tt.native && len(tt.main) == 0 && strings.Contains(main, "AppDirFlag") {
				t.Errorf("main.go registers --app-dir with no path to set:\n%s", main)
			}
		})
	}
}
