package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// TestCoverageCLI checks the exit status at, just below and just above the --min
// threshold (an app with 2 routes, one forced to the bridge: 50% native), the formats and
// the usage errors.
func TestCoverageCLI(t *testing.T) {
	app := writeTree(t, map[string]string{"main.py": "from fastapi import FastAPI\napp = FastAPI()\n\n" +
		"@app.get('/a')\ndef a():\n    return 1\n\n# covetgen: bridge\n@app.get('/b')\ndef b():\n    return 2\n"})
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout []string
		stderr []string
	}{
		{name: "no-min", args: []string{app}, code: 0,
			stdout: []string{"native        GET /a", "handler-call  GET /b", "main.py:8:1: forced by # covetgen: bridge pragma", "routes: 1/2 native (50.0%), 1 bridge", "lines:  2/4 native (50.0%), 2 bridge"}},
		{name: "at-min", args: []string{app, "--min", "50"}, code: 0},
		{name: "min-just-below-pct", args: []string{app, "--min", "49.99"}, code: 0},
		{name: "min-just-above-pct", args: []string{app, "--min", "50.01"}, code: 1, stdout: []string{"FAIL: native routes 50.0% below --min 50.01%"}},
		{name: "json", args: []string{"--format", "json", app}, code: 0, stdout: []string{`"native_percent": 50`, `"mode": "handler-call"`}},
		{name: "markdown", args: []string{app, "--format", "markdown", "--min", "60"}, code: 1, stdout: []string{"| routes | 1 | 1 | 2 | 50.0% |", "**FAIL**"}},
		{name: "github", args: []string{app, "--format=github"}, code: 0,
			stdout: []string{"main.py,line=8,col=1::route GET /b (main.b) bridged: forced by # covetgen: bridge pragma", "::notice title=covetgen coverage::"}},
		{name: "github-below", args: []string{app, "--format=github", "--min=75"}, code: 1, stdout: []string{"::error title=covetgen coverage::"}},
		{name: "corpus", args: []string{corpus + "/hello", "--min", "100"}, code: 0, stdout: []string{"routes: 2/2 native (100.0%)"}},
		{name: "bad-format", args: []string{app, "--format", "xml"}, code: 2, stderr: []string{`unknown format "xml"`, "usage: covetgen coverage"}},
		{name: "bad-min", args: []string{app, "--min", "101"}, code: 2, stderr: []string{"usage: covetgen coverage"}},
		{name: "usage", args: []string{}, code: 2, stderr: []string{"usage: covetgen coverage"}},
		{name: "missing", args: []string{app + "/nope"}, code: 1, stderr: []string{"covetgen coverage: "}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(append([]string{"coverage"}, tt.args...), &stdout, &stderr)
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
			if tt.name == "json" {
				var v map[string]any
				if err := json.Unmarshal(stdout.Bytes(), &v); err != nil {
					t.Errorf("invalid JSON: %v", err)
				}
			}
		})
	}
}
