package parser_test

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/covetpy/covetgen/internal/pyref"
	"github.com/covetpy/covetgen/parser"
	"github.com/covetpy/covetgen/parser/ast"
)

var (
	corpusFlag   = flag.String("corpus", "", "file or directory to compare with python3.13 (default: python3.13's standard library)")
	sitePackages = flag.Bool("sitepackages", os.Getenv("COVETGEN_SITEPACKAGES") == "1", "also compare every .py file of python3's site-packages")
	maxReport    = flag.Int("maxreport", 15, "mismatching files to describe in detail")
)

// TestConformance requires that, for every .py file of python3.13's standard library (or of
// -corpus), our dump with attributes equals python3.13's ast.dump(include_attributes=True),
// and that every file python3.13 rejects is rejected with the same error: kind, line, column
// (SyntaxError.offset) and message.
func TestConformance(t *testing.T) {
	root := *corpusFlag
	if root == "" {
		dir, err := pyref.StdlibDir()
		if err != nil {
			t.Fatal(err)
		}
		root = dir
	}
	compareTree(t, root)
}

// TestConformanceSitePackages does the same for python3 (3.11)'s site-packages: real
// third-party code, parsed with the 3.13 grammar. Run with -sitepackages or COVETGEN_SITEPACKAGES=1.
func TestConformanceSitePackages(t *testing.T) {
	if !*sitePackages {
		t.Skip("site-packages comparison runs with -sitepackages or COVETGEN_SITEPACKAGES=1")
	}
	dir, err := pyref.Eval311("import sysconfig; print(sysconfig.get_path('purelib'))")
	if err != nil {
		t.Fatal(err)
	}
	compareTree(t, dir)
}

type mismatch struct {
	path, detail string
}

func compareTree(t *testing.T, root string) {
	files, err := pyref.PyFiles(root)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatalf("no .py files under %s", root)
	}
	var (
		mu     sync.Mutex
		bad    []mismatch
		agreed int
		bytes  int64
	)
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	err = pyref.Dumps(files, true, runtime.GOMAXPROCS(0), func(ref pyref.Result) {
		sem <- struct{}{}
		wg.Add(1)
		go func() {
			defer func() { <-sem; wg.Done() }()
			detail, n := compareFile(ref)
			mu.Lock()
			defer mu.Unlock()
			bytes += n
			if detail == "" {
				agreed++
			} else {
				bad = append(bad, mismatch{ref.Path, detail})
			}
		}()
	})
	wg.Wait()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%s: %d/%d files agree with python3.13 (%.1f MB)", root, agreed, len(files), float64(bytes)/1e6)
	if len(bad) == 0 {
		return
	}
	sort.Slice(bad, func(i, j int) bool { return bad[i].path < bad[j].path })
	for i, m := range bad {
		if i < *maxReport {
			t.Errorf("%s: %s", m.path, m.detail)
		} else {
			t.Errorf("%s: differs", m.path)
		}
	}
	t.Errorf("%d of %d files disagree", len(bad), len(files))
}

// compareFile parses one file and returns "" when it agrees with CPython's result.
func compareFile(ref pyref.Result) (string, int64) {
	src, err := os.ReadFile(ref.Path)
	if err != nil {
		return err.Error(), 0
	}
	f, perr := parser.ParseFile(ref.Path, src)
	switch {
	case ref.OK && perr != nil:
		return fmt.Sprintf("python3.13 accepts it, we reject it: %v", perr), int64(len(src))
	case !ref.OK && perr == nil:
		return fmt.Sprintf("python3.13 rejects it (%d:%d: %s: %s), we accept it", ref.Err.Line, ref.Err.Offset, ref.Err.Kind, ref.Err.Msg), int64(len(src))
	case !ref.OK:
		var pe *parser.Error
		if !errors.As(perr, &pe) {
			return fmt.Sprintf("error of type %T, want *parser.Error: %v", perr, perr), int64(len(src))
		}
		if pe.Kind != ref.Err.Kind || pe.Line != ref.Err.Line || pe.Col != ref.Err.Offset || pe.Msg != ref.Err.Msg {
			return fmt.Sprintf("rejected with %s at %d:%d: %s; python3.13: %s at %d:%d: %s", pe.Kind, pe.Line, pe.Col, pe.Msg,
				ref.Err.Kind, ref.Err.Line, ref.Err.Offset, ref.Err.Msg), int64(len(src))
		}
		return "", int64(len(src))
	}
	got := ast.Dump(f.Module, true)
	if got == ref.Dump {
		return "", int64(len(src))
	}
	return diffContext(got, ref.Dump), int64(len(src))
}

// diffContext describes where two dumps first differ.
func diffContext(got, want string) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	lo := max(0, i-160)
	hiG, hiW := min(len(got), i+80), min(len(want), i+80)
	return fmt.Sprintf("dump differs at byte %d\n   ours: …%s…\n python: …%s…", i,
		strings.ToValidUTF8(got[lo:hiG], "?"), strings.ToValidUTF8(want[lo:hiW], "?"))
}

// TestConformanceNoAttributes checks the dump without position attributes (python3.13's
// ast.dump(tree)) on every fifth standard-library file.
func TestConformanceNoAttributes(t *testing.T) {
	files := stdlibSample(t, 5)
	var mu sync.Mutex
	bad := 0
	err := pyref.Dumps(files, false, runtime.GOMAXPROCS(0), func(ref pyref.Result) {
		if !ref.OK {
			return
		}
		src, err := os.ReadFile(ref.Path)
		if err != nil {
			t.Error(err)
			return
		}
		f, err := parser.ParseFile(ref.Path, src)
		if err != nil {
			t.Errorf("%s: %v", ref.Path, err)
			return
		}
		if got := ast.Dump(f.Module, false); got != ref.Dump {
			mu.Lock()
			bad++
			mu.Unlock()
			t.Errorf("%s: %s", ref.Path, diffContext(got, ref.Dump))
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d files compared without attributes, %d differ", len(files), bad)
}
