package codegen

import (
	"strings"
	"testing"
)

// TestPythonReached checks that a function a bridged route runs in CPython (a background
// task it adds, a helper it calls) keeps the module state it touches in Python, even when
// a native route also runs it: the state then has one owner.
func TestPythonReached(t *testing.T) {
	const head = "from fastapi import BackgroundTasks, FastAPI, Request\napp = FastAPI()\nLOG: list = []\n\n" +
		"def write_log(msg: str):\n    LOG.append(msg)\n\n" +
		"@app.post(\"/ping\")\ndef ping(tasks: BackgroundTasks):\n    tasks.add_task(write_log, \"ping\")\n    return 1\n\n" +
		"@app.get(\"/log\")\ndef log():\n    return LOG\n"
	tests := []struct {
		name, extra string
		goOwned     string
		kept        string // why LOG stays in Python
	}{
		{"all-native", "", "main.LOG", ""},
		{"bridged-task", "\nimport os\n\n@app.post(\"/pid\")\ndef pid(tasks: BackgroundTasks):\n    tasks.add_task(write_log, str(os.getpid()))\n    return 1\n",
			"", "main.py:21:35: cannot translate use of module os"},
		{"bridged-helper", "\nimport os\n\n@app.post(\"/pid\")\ndef pid():\n    write_log(str(os.getpid()))\n    return 1\n",
			"", "main.py:21:19: cannot translate use of module os"},
		{"exception-handler", "\nfrom fastapi.responses import JSONResponse\n\nclass Oops(Exception):\n    pass\n\n" +
			"@app.exception_handler(Oops)\nasync def oops(request: Request, exc: Oops):\n    write_log(\"oops\")\n    return JSONResponse({}, status_code=500)\n",
			"", "main.py:22:2: cannot translate exception handler oops (the bridge worker runs it)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, rs := generate(t, head+tt.extra)
			if len(rs) > 0 {
				t.Fatalf("refused: %v", rs)
			}
			routes := string(out.Files["main_py.go"])
			if native := strings.Contains(routes, "func py_log()"); native != (tt.goOwned != "") {
				t.Errorf("GET /log native: %v, want %v", native, tt.goOwned != "")
			}
			in := loadSource(t, head+tt.extra)
			p := planState(in)
			if got := strings.Join(p.goOwned, ","); got != tt.goOwned {
				t.Errorf("state in Go %q, want %q", got, tt.goOwned)
			}
			if got := p.kept["main.LOG"]; got != tt.kept {
				t.Errorf("LOG kept because %q, want %q", got, tt.kept)
			}
		})
	}
}
