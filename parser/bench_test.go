package parser_test

import (
	"os"
	"testing"

	"github.com/covetpy/covetgen/internal/pyref"
	"github.com/covetpy/covetgen/parser"
)

// BenchmarkParseStdlib parses every .py file of python3.13's standard library (or of -corpus)
// that parses, per iteration; MB/s counts source bytes. bench/parser/run.sh puts it side by
// side with CPython's own parser on the same files.
func BenchmarkParseStdlib(b *testing.B) {
	root := *corpusFlag
	if root == "" {
		dir, err := pyref.StdlibDir()
		if err != nil {
			b.Fatal(err)
		}
		root = dir
	}
	paths, err := pyref.PyFiles(root)
	if err != nil {
		b.Fatal(err)
	}
	type file struct {
		name string
		src  []byte
	}
	var files []file
	var total int64
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := parser.ParseFile(p, src); err != nil {
			continue // the files CPython rejects are not timed on either side
		}
		files = append(files, file{p, src})
		total += int64(len(src))
	}
	b.SetBytes(total)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, f := range files {
			if _, err := parser.ParseFile(f.name, f.src); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.StopTimer()
	allocs := testing.AllocsPerRun(1, func() {
		for _, f := range files {
			parser.ParseFile(f.name, f.src)
		}
	})
	b.ReportMetric(allocs/(float64(total)/1e6), "allocs/MB")
}
