package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/covetpy/covetgen/internal/pyref"
)

// TestParseCommand runs `covetgen parse` as a user would: --dump prints python3.13's
// ast.dump (with and without attributes), a syntax error prints FILE:LINE:COL: KIND: MSG and
// exits 1, and a missing file is reported without stopping the other files.
func TestParseCommand(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.py")
	bad := filepath.Join(dir, "bad.py")
	os.WriteFile(good, []byte("async def f(x: int = 1, /, *a, k, **kw) -> str:\n    return f\"{x!r:>{k}}\"\n"), 0o644)
	os.WriteFile(bad, []byte("def f(:\n    pass\n"), 0o644)

	for _, attrs := range []bool{true, false} {
		args := []string{"--dump", good}
		if !attrs {
			args = []string{"--dump", "--no-attributes", good}
		}
		var refs []pyref.Result
		if err := pyref.Dumps([]string{good}, attrs, 1, func(r pyref.Result) { refs = append(refs, r) }); err != nil {
			t.Fatal(err)
		}
		var stdout, stderr bytes.Buffer
		if code := run(append([]string{"parse"}, args...), &stdout, &stderr); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr.String())
		}
		if got := strings.TrimSuffix(stdout.String(), "\n"); got != refs[0].Dump {
			t.Errorf("attrs=%v:\n got %s\nwant %s", attrs, got, refs[0].Dump)
		}
	}

	var stdout, stderr bytes.Buffer
	code := run([]string{"parse", bad, filepath.Join(dir, "missing.py"), good}, &stdout, &stderr)
	if code != 1 {
		t.Errorf("exit status %d, want 1", code)
	}
	lines := strings.Split(strings.TrimSpace(stderr.String()), "\n")
	if len(lines) != 2 || lines[0] != bad+":1:7: SyntaxError: invalid syntax" || !strings.HasPrefix(lines[1], filepath.Join(dir, "missing.py")+": ") {
		t.Errorf("stderr:\n%s", stderr.String())
	}
}
