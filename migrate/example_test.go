package migrate

import (
	"path/filepath"
	"testing"
)

// TestExampleMigrates keeps README.md's first command working: the bundled example app
// migrates, and the module builds and vets with only the module cache.
func TestExampleMigrates(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the migrated example")
	}
	root, err := filepath.Abs(filepath.Join("..", "examples", "hello"))
	if err != nil {
		t.Fatal(err)
	}
	a := &e2eApp{name: "examples/hello", dir: root, out: filepath.Join(t.TempDir(), "hello-go")}
	if _, err := Run(Options{Root: root, Out: a.out}); err != nil {
		t.Fatalf("covetgen migrate examples/hello: %v", err)
	}
	buildAll(t, []*e2eApp{a})
}
