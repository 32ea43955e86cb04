package parser_test

import (
	"errors"
	"fmt"
	"os"
	"runtime"
	"sort"
	"sync"
	"testing"

	"github.com/covetpy/covetgen/parser"
	"github.com/covetpy/covetgen/parser/ast"
	"github.com/covetpy/covetgen/parser/internal/pyref"
)

// TestDevConformance is TestConformance with nil-tolerant dumps (see dumpfix_test.go); it
// runs only when COVETGEN_DEVCONF names a file or directory.
func TestDevConformance(t *testing.T) {
	root := os.Getenv("COVETGEN_DEVCONF")
	if root == "" {
		t.Skip("set COVETGEN_DEVCONF")
	}
	files, err := pyref.PyFiles(root)
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var bad []string
	agreed := 0
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	err = pyref.Dumps(files, true, runtime.GOMAXPROCS(0), func(ref pyref.Result) {
		sem <- struct{}{}
		wg.Add(1)
		go func() {
			defer func() { <-sem; wg.Done() }()
			d := devCompare(ref)
			mu.Lock()
			defer mu.Unlock()
			if d == "" {
				agreed++
			} else {
				bad = append(bad, ref.Path+": "+d)
			}
		}()
	})
	wg.Wait()
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(bad)
	for _, b := range bad {
		t.Log(b)
	}
	t.Logf("%d/%d agree", agreed, len(files))
	if len(bad) > 0 {
		t.Fail()
	}
}

func devCompare(ref pyref.Result) (res string) {
	defer func() {
		if r := recover(); r != nil {
			res = fmt.Sprintf("PANIC %v", r)
		}
	}()
	src, err := os.ReadFile(ref.Path)
	if err != nil {
		return err.Error()
	}
	f, perr := parser.ParseFile(ref.Path, src)
	switch {
	case ref.OK && perr != nil:
		return fmt.Sprintf("REJECT: %v", perr)
	case !ref.OK && perr == nil:
		return fmt.Sprintf("ACCEPT: python %d:%d: %s: %s", ref.Err.Line, ref.Err.Offset, ref.Err.Kind, ref.Err.Msg)
	case !ref.OK:
		var pe *parser.Error
		if !errors.As(perr, &pe) {
			return "bad error type"
		}
		if pe.Line != ref.Err.Line || pe.Msg != ref.Err.Msg || pe.Col != ref.Err.Offset {
			return fmt.Sprintf("ERRDIFF: ours %d:%d %s %s; python %d:%d %s %s", pe.Line, pe.Col, pe.Kind, pe.Msg, ref.Err.Line, ref.Err.Offset, ref.Err.Kind, ref.Err.Msg)
		}
		return ""
	}
	got := ast.Dump(f.Module, true)
	if got == ref.Dump {
		return ""
	}
	i := 0
	for i < len(got) && i < len(ref.Dump) && got[i] == ref.Dump[i] {
		i++
	}
	lo := max(0, i-150)
	return fmt.Sprintf("DUMP at %d\n   ours: %s\n python: %s", i, got[lo:min(len(got), i+80)], ref.Dump[lo:min(len(ref.Dump), i+80)])
}
