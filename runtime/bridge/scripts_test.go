package bridge

import (
	"os"
	"testing"
)

// TestScriptsUpToDate: scripts_gen.go holds the current .py files (run go generate).
func TestScriptsUpToDate(t *testing.T) {
	for file, got := range map[string]string{"worker.py": workerPy, "covetgen_compat.py": compatPy} {
		want, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if got != string(want) {
			t.Errorf("scripts_gen.go is stale for %s: run go generate ./runtime/bridge", file)
		}
	}
}
