package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestMigrateCLI(t *testing.T) {
	refusing := writeTree(t, map[string]string{"main.py": "from fastapi import FastAPI, Request\napp = FastAPI()\n\n" +
		"@app.get('/')\ndef f(request: Request):\n    return 1\n\n@app.websocket('/ws')\nasync def ws(websocket):\n    pass\n"})
	line := regexp.MustCompile(`^.+:\d+:\d+: cannot translate .+$`)
	tests := []struct {
		name     string
		args     []string
		code     int
		stdout   []string // substrings
		stderr   []string
		files    []string // written under OUT
		noOutput bool
	}{
		{name: "hello", args: []string{corpus + "/hello"}, code: 0,
			stdout: []string{"migrated main:app to ", "routes: 2 native, 0 through the bridge, 0 refused", "models: 0"},
			files:  []string{"go.mod", "go.sum", "main.go", "app.go", "main_py.go", "openapi.json", "covetgen-runtime/go.mod", "covetgen-runtime/runtime/router/router.go"}},
		{name: "refused", args: []string{refusing}, code: 1,
			stderr:   []string{"main.py:9:14: cannot translate websocket of type Any", "nothing written"},
			noOutput: true},
		{name: "usage", args: []string{corpus + "/hello", "extra"}, code: 2, stderr: []string{"usage: covetgen migrate"}, noOutput: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "svc")
			var stdout, stderr bytes.Buffer
			code := run(append(append([]string{"migrate"}, tt.args...), "-o", out), &stdout, &stderr)
			if code != tt.code {
				t.Fatalf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tt.code, stdout.String(), stderr.String())
			}
			for _, s := range tt.stdout {
				if !strings.Contains(stdout.String(), s) {
					t.Errorf("stdout lacks %q:\n%s", s, stdout.String())
				}
			}
			for _, s := range tt.stderr {
				if !strings.Contains(stderr.String(), s) {
					t.Errorf("stderr lacks %q:\n%s", s, stderr.String())
				}
			}
			if tt.code == 1 {
				for _, l := range strings.Split(strings.TrimSpace(stderr.String()), "\n") {
					if !strings.HasPrefix(l, "covetgen migrate:") && !line.MatchString(l) {
						t.Errorf("malformed refusal line %q", l)
					}
				}
			}
			for _, f := range tt.files {
				if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(f))); err != nil {
					t.Errorf("%s not written: %v", f, err)
				}
			}
			if _, err := os.Stat(out); tt.noOutput && err == nil {
				t.Errorf("%s written for a failed migration", out)
			}
		})
	}
}
