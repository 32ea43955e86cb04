package translate

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/ir/load"
	"github.com/covetpy/covetgen/parser"
	"github.com/covetpy/covetgen/parser/ast"
	"github.com/covetpy/covetgen/runtime/pyval"
)

// TestStreamDifferential translates the generator snippets of testdata/stream with
// StreamFunc, streams each through runtime/pyval's Stream to a client that may go away
// after some chunks, and compares the chunks received, the error and the snippet's log
// with CPython consuming the generator as Starlette does (testdata/stream/oracle.py).
func TestStreamDifferential(t *testing.T) {
	needPython(t)
	files, _ := filepath.Glob("testdata/stream/*.snip")
	sns := readSnippetFiles(t, files)
	if len(sns) == 0 {
		t.Fatal("no snippets")
	}
	dir, prog, app := loadSnippets(t, yieldPrelude, map[string][]byte{"app.py": []byte("from fastapi import FastAPI\n\napp = FastAPI()\n")}, sns)
	u := NewUnit(prog, Names{})
	gf := jen.NewFile("main")
	var calls []snippetCall
	var mainBody []jen.Code
	for i, s := range sns {
		m := prog.Modules[fmt.Sprintf("m_%d", i)]
		if m == nil || m.File == nil {
			t.Fatalf("%s: module not parsed", s.name)
		}
		var def ast.Stmt
		for _, st := range m.File.Module.Body {
			if d := asDef(st); d != nil && d.name == "f" {
				def = st
			}
		}
		if def == nil {
			t.Fatalf("%s: no function f", s.name)
		}
		vars := map[string]Var{}
		ps := []jen.Code{jen.Id("yield").Func().Params(jen.Qual(pyvalPkg, "Value")).Error()}
		for _, p := range params(asDef(def)) {
			vars[p.Arg] = Var{Go: jen.Id(GoName(p.Arg)), Type: annotationType(p.Annotation, app)}
			ps = append(ps, jen.Id(GoName(p.Arg)).Qual(pyvalPkg, "Value"))
		}
		code, diags := StreamFunc(def, &Scope{Vars: vars, App: app, Module: fmt.Sprintf("m_%d", i), Unit: u}, jen.Id("yield"))
		if diags != nil {
			t.Errorf("%s (%s:%d): %v", s.name, s.file, s.line, diags)
			continue
		}
		fname := fmt.Sprintf("snip_%d", i)
		gf.Commentf("%s is snippet %s (%s:%d).", fname, s.name, s.file, s.line)
		gf.Func().Id(fname).Params(ps...).Params(jen.Qual(pyvalPkg, "Value"), jen.Error()).Block(code...)
		ce, err := prog.ParseExpr(s.calls)
		if err != nil {
			t.Fatalf("%s: calls: %v", s.name, err)
		}
		cv, ok := constEval(ce, func(ast.Expr) (pyval.Value, bool) { return nil, false })
		lst, isList := cv.(*pyval.List)
		if !ok || !isList {
			t.Fatalf("%s: calls is not a constant list", s.name)
		}
		for k, item := range lst.Items {
			c, ok := item.(pyval.Tuple)
			if !ok || len(c) != 2 {
				t.Fatalf("%s: call %d is not (args, stop)", s.name, k)
			}
			args, _ := c[0].(pyval.Tuple)
			argCode := []jen.Code{jen.Id("y"), jen.Id("log")}
			for _, a := range args {
				argCode = append(argCode, freshArg(a))
			}
			stop := -1
			if n, isInt := c[1].(pyval.Int); isInt {
				n64, _ := n.Int64()
				stop = int(n64)
			}
			mainBody = append(mainBody, jen.Func().Params().Block(
				jen.Id("log").Op(":=").Qual(pyvalPkg, "NewList").Call(),
				jen.Id("reportStream").Call(jen.Id("log"), jen.Lit(stop),
					jen.Func().Params(jen.Id("y").Func().Params(jen.Qual(pyvalPkg, "Value")).Error()).Error().Block(
						jen.List(jen.Id("_"), jen.Err()).Op(":=").Id(fname).Call(argCode...),
						jen.Return(jen.Err()))),
			).Call())
			calls = append(calls, snippetCall{i, k})
		}
	}
	if t.Failed() {
		return
	}
	for _, d := range u.Decls() {
		gf.Add(d)
	}
	gf.Func().Id("main").Params().Block(mainBody...)
	gout := runGoProgram(t, dir, fmt.Sprintf("%#v", gf), streamReportGo)
	goRes := strings.Split(strings.TrimRight(gout, "\n"), "\n")
	if len(goRes) != len(calls) {
		t.Fatalf("%d results for %d calls:\n%s", len(goRes), len(calls), gout)
	}
	pyRes := runStreamOracle(t, sns)
	compareCalls(t, sns, calls, goRes, pyRes)
	t.Logf("%d snippets, %d calls compared", len(sns), len(calls))
}

// runStreamOracle runs the snippets under CPython (testdata/stream/oracle.py).
func runStreamOracle(t *testing.T, sns []snippet) [][]map[string]any {
	return runSnippetOracle(t, "testdata/stream/oracle.py", yieldPrelude, "", sns)
}

// TestStreamRefusals: a try statement around a yield of a generator endpoint may not
// catch GeneratorExit.
func TestStreamRefusals(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"bare except", "def f(n):\n    try:\n        yield 1\n    except:\n        pass\n", "except clause catching BaseException"},
		{"BaseException in a loop", "def f(n):\n    for i in range(n):\n        try:\n            yield i\n        except BaseException:\n            pass\n", "except clause catching BaseException"},
		{"GeneratorExit", "def f(n):\n    try:\n        yield 1\n    except GeneratorExit:\n        pass\n", "GeneratorExit"},
		{"yield expression", "def f(n):\n    x = yield 1\n", "yield"},
		{"Exception is fine", "def f(n):\n    try:\n        yield 1\n    except Exception:\n        pass\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			prog := parseModule(t, tt.src)
			var def ast.Stmt
			for _, st := range prog {
				if d := asDef(st); d != nil && d.name == "f" {
					def = st
				}
			}
			_, diags := StreamFunc(def, &Scope{Vars: map[string]Var{"n": {Go: jen.Id("n"), Type: intType}}}, jen.Id("yield"))
			got := ""
			if len(diags) > 0 {
				got = diags[0].Msg
			}
			if (tt.want == "") != (got == "") || !strings.Contains(got, tt.want) {
				t.Errorf("diagnostics %q, want %q", got, tt.want)
			}
		})
	}
}

// parseModule parses src as module m of a throwaway app and returns its statements.
func parseModule(t *testing.T, src string) []ast.Stmt {
	t.Helper()
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "app.py"), []byte("from fastapi import FastAPI\napp = FastAPI()\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "m.py"), []byte(src), 0o644)
	prog, err := load.Load(dir, load.Options{Parse: parser.ParseFile, App: "app:app"})
	if err != nil {
		t.Fatal(err)
	}
	prog.Import("m")
	m := prog.Modules["m"]
	if m == nil || m.File == nil {
		t.Fatal("m.py not parsed")
	}
	return m.File.Module.Body
}

// streamReportGo streams one translated generator through pyval.Stream to a client
// that goes away after stop chunks (-1: never) and prints the outcome as
// testdata/stream/oracle.py does.
const streamReportGo = `package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"

	"github.com/covetpy/covetgen/runtime/pyval"
	"github.com/covetpy/covetgen/runtime/response"
)

type client struct {
	items []string
	stop  int
}

func (c *client) Write(p []byte) (int, error) {
	if c.stop >= 0 && len(c.items) >= c.stop {
		return 0, errors.New("client went away")
	}
	c.items = append(c.items, string(p))
	return len(p), nil
}

func reportStream(log *pyval.List, stop int, body pyval.StreamBody) {
	c := &client{items: []string{}, stop: stop}
	err := pyval.Stream(c, body, func(dst []byte, v pyval.Value) ([]byte, error) {
		r, err := pyval.Repr(v)
		return append(dst, r...), err
	})
	res := map[string]any{"items": c.items, "error": nil}
	var exc *pyval.Exception
	var httpExc *response.HTTPException
	switch {
	case err == nil:
	case errors.As(err, &exc):
		res["error"] = exc.Class
	case errors.As(err, &httpExc):
		res["error"] = "HTTPException"
	case err.Error() == "client went away":
	default:
		res["error"] = "?" + err.Error()
	}
	lr, _ := pyval.Repr(log)
	res["log"] = string(lr)
	b, _ := json.Marshal(res)
	fmt.Fprintln(os.Stdout, string(b))
}
`
