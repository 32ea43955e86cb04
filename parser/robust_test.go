package parser_test

import (
	"fmt"
	"math/rand/v2"
	"os"
	"testing"
	"time"

	"github.com/covetpy/covetgen/internal/pyref"
	"github.com/covetpy/covetgen/parser"
)

// stdlibSample returns every step-th .py file of python3.13's standard library.
func stdlibSample(tb testing.TB, step int) []string {
	tb.Helper()
	dir, err := pyref.StdlibDir()
	if err != nil {
		tb.Fatal(err)
	}
	files, err := pyref.PyFiles(dir)
	if err != nil {
		tb.Fatal(err)
	}
	var out []string
	for i := 0; i < len(files); i += step {
		out = append(out, files[i])
	}
	return out
}

// parseBounded parses src and fails the test if ParseFile panics or takes longer than limit.
func parseBounded(t *testing.T, name string, src []byte, limit time.Duration) {
	t.Helper()
	done := make(chan any, 1)
	go func() {
		defer func() { done <- recover() }()
		f, err := parser.ParseFile(name, src)
		if f == nil && err == nil {
			panic("ParseFile returned neither a tree nor an error")
		}
	}()
	select {
	case p := <-done:
		if p != nil {
			t.Fatalf("%s: panic: %v", name, p)
		}
	case <-time.After(limit):
		t.Fatalf("%s: parse did not finish within %v", name, limit)
	}
}

// TestTruncatedAndMutatedFiles feeds truncated and byte-mutated standard-library files: the
// parser must return a tree or an error, never panic or hang.
func TestTruncatedAndMutatedFiles(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	interesting := []byte("()[]{}:'\"\\\n\t #=*@fbr{}!\x00\xff\xc3")
	for _, path := range stdlibSample(t, 15) {
		src, err := os.ReadFile(path)
		if err != nil || len(src) == 0 {
			continue
		}
		for k := 0; k < 6; k++ {
			cut := rng.IntN(len(src) + 1)
			parseBounded(t, fmt.Sprintf("%s[:%d]", path, cut), src[:cut], 10*time.Second)
			mut := append([]byte(nil), src...)
			for m := 0; m < 1+rng.IntN(4); m++ {
				mut[rng.IntN(len(mut))] = interesting[rng.IntN(len(interesting))]
			}
			parseBounded(t, fmt.Sprintf("%s~%d", path, k), mut, 10*time.Second)
		}
	}
}

// FuzzParse: any input gives a tree or an error, without panicking. Seeded from standard-library
// files and the syntax-error cases.
func FuzzParse(f *testing.F) {
	for _, path := range stdlibSample(f, 40) {
		if src, err := os.ReadFile(path); err == nil && len(src) < 64<<10 {
			f.Add(src)
		}
	}
	for _, c := range syntaxErrorCases {
		f.Add([]byte(c.src))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		f, err := parser.ParseFile("fuzz.py", src)
		if f == nil && err == nil {
			t.Fatal("ParseFile returned neither a tree nor an error")
		}
	})
}
