package translate

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/ir/lift"
	"github.com/covetpy/covetgen/ir/load"
	"github.com/covetpy/covetgen/parser"
	"github.com/covetpy/covetgen/parser/ast"
	"github.com/covetpy/covetgen/runtime/pyval"
)

const pygenPkg = "github.com/covetpy/covetgen/runtime/pyval/pygen"

const yieldPrelude = "from fastapi import HTTPException\n"

// TestYieldDifferential translates the generator snippets of testdata/yield with
// GenFunc, drives each through runtime/pyval/pygen as a generated handler does (enter;
// then End with the request's error, or, without one, the response's background), and
// compares entering, exiting and the snippet's log with CPython driving the generator as
// FastAPI does (testdata/yield/oracle.py).
func TestYieldDifferential(t *testing.T) {
	needPython(t)
	files, _ := filepath.Glob("testdata/yield/*.snip")
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
		mod := fmt.Sprintf("m_%d", i)
		m := prog.Modules[mod]
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
		code, _, diags := GenFunc(def, &Scope{Vars: vars, App: app, Module: mod, Unit: u}, jen.Id("yield"))
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
			if !ok || len(c) != 3 {
				t.Fatalf("%s: call %d is not (args, throw, scope)", s.name, k)
			}
			args, _ := c[0].(pyval.Tuple)
			argCode := []jen.Code{jen.Id("y"), jen.Id("log")}
			for _, a := range args {
				argCode = append(argCode, freshArg(a))
			}
			function := c[2] == pyval.Str("function")
			mainBody = append(mainBody, jen.Func().Params().Block(
				jen.Id("log").Op(":=").Qual(pyvalPkg, "NewList").Call(),
				jen.Id("reportYield").Call(jen.Id("log"), thrownCode(t, c[1]), jen.Lit(function),
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
	gout := runGoProgram(t, dir, fmt.Sprintf("%#v", gf), yieldReportGo)
	goRes := strings.Split(strings.TrimRight(gout, "\n"), "\n")
	if len(goRes) != len(calls) {
		t.Fatalf("%d results for %d calls:\n%s", len(goRes), len(calls), gout)
	}
	pyRes := runYieldOracle(t, sns)
	compareCalls(t, sns, calls, goRes, pyRes)
	t.Logf("%d snippets, %d calls compared", len(sns), len(calls))
}

// thrownCode is the Go error a call's throw spec stands for (nil: none).
func thrownCode(t *testing.T, spec pyval.Value) jen.Code {
	if spec == pyval.None {
		return jen.Nil()
	}
	tu, _ := spec.(pyval.Tuple)
	if len(tu) == 0 {
		t.Fatalf("throw spec %v", spec)
	}
	switch tu[0] {
	case pyval.Str("http"):
		status, _ := tu[1].(pyval.Int).Int64()
		return jen.Qual(responsePkg, "NewHTTPException").Call(jen.Lit(int(status)), jen.Lit(string(tu[2].(pyval.Str))))
	case pyval.Str("exc"):
		return jen.Qual(pyvalPkg, "NewException").Call(jen.Lit(string(tu[1].(pyval.Str))), jen.Qual(pyvalPkg, "Str").Call(jen.Lit(string(tu[2].(pyval.Str)))))
	}
	return jen.Op("&").Qual(responsePkg, "RequestValidationError").Values()
}

const responsePkg = "github.com/covetpy/covetgen/runtime/response"

// runGoProgram builds and runs a main package (files: main.go, then report.go) against
// this checkout and returns its output.
func runGoProgram(t *testing.T, dir, mainSrc, reportSrc string) string {
	goDir := filepath.Join(dir, "go")
	if err := os.MkdirAll(goDir, 0o755); err != nil {
		t.Fatal(err)
	}
	root, _ := filepath.Abs("../..")
	gomod := "module difftest\n\ngo 1.24\n\nrequire github.com/covetpy/covetgen v0.0.0\n\nreplace github.com/covetpy/covetgen => " + root + "\n"
	os.WriteFile(filepath.Join(goDir, "go.mod"), []byte(gomod), 0o644)
	if sum, err := os.ReadFile(filepath.Join(root, "go.sum")); err == nil {
		os.WriteFile(filepath.Join(goDir, "go.sum"), sum, 0o644)
	}
	os.WriteFile(filepath.Join(goDir, "main.go"), []byte(mainSrc), 0o644)
	os.WriteFile(filepath.Join(goDir, "report.go"), []byte(reportSrc), 0o644)
	if keep := os.Getenv("DIFF_KEEP"); keep != "" {
		os.WriteFile(keep, []byte(mainSrc), 0o644)
	}
	env := append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off")
	vet := exec.Command("go", "vet", ".")
	vet.Dir, vet.Env = goDir, env
	if out, err := vet.CombinedOutput(); err != nil {
		t.Fatalf("go vet of the translated program: %v\n%s", err, out)
	}
	run := exec.Command("go", "run", ".")
	run.Dir, run.Env = goDir, env
	var gout, gerr bytes.Buffer
	run.Stdout, run.Stderr = &gout, &gerr
	if err := run.Run(); err != nil {
		t.Fatalf("running the translated program: %v\n%s", err, gerr.String())
	}
	return gout.String()
}

// runYieldOracle runs the snippets under CPython (testdata/yield/oracle.py).
func runYieldOracle(t *testing.T, sns []snippet) [][]map[string]any {
	return runSnippetOracle(t, "testdata/yield/oracle.py", yieldPrelude, "", sns)
}

// yieldReportGo drives one generator through pygen as a generated handler does and
// prints the outcome as testdata/yield/oracle.py does.
const yieldReportGo = `package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"

	"github.com/covetpy/covetgen/runtime/pyval"
	"github.com/covetpy/covetgen/runtime/pyval/pygen"
	"github.com/covetpy/covetgen/runtime/response"
)

func reportYield(log pyval.Value, thrown error, function bool, body pygen.Body) {
	res := map[string]any{}
	s := pygen.Begin(context.Background(), nil)
	v, err := s.Enter(function, body)
	if err != nil {
		res["enter"] = outcome(err)
	} else {
		r, _ := pyval.Repr(v)
		res["enter"] = map[string]any{"r": string(r)}
		var out response.Out
		var exitErr error
		if thrown == nil {
			_ = out.Value(200, pyval.None)
			exitErr = s.End(&out, nil)
			if exitErr == nil {
				exitErr = out.Response().Background.Run()
			}
		} else {
			exitErr = s.End(&out, thrown)
		}
		if exitErr == nil {
			res["exit"] = map[string]any{"ok": true}
		} else {
			res["exit"] = outcome(exitErr)
			res["same"] = exitErr == thrown
		}
	}
	r, _ := pyval.Repr(log)
	res["log"] = string(r)
	b, _ := json.Marshal(res)
	os.Stdout.Write(append(b, '\n'))
}

func outcome(err error) map[string]any {
	switch e := err.(type) {
	case *pyval.Exception:
		return map[string]any{"e": e.Class}
	case *response.RequestValidationError:
		return map[string]any{"e": "RequestValidationError"}
	case *response.HTTPException:
		var b []byte
		var berr error
		if s, ok := e.Detail.(string); ok {
			b, berr = response.AppendJSONable(nil, s)
		} else {
			b, berr = response.AppendJSONable(nil, e.Detail)
		}
		body := "{\"detail\":" + string(b) + "}"
		if berr != nil {
			body = "!" + berr.Error()
		}
		return map[string]any{"http": []any{e.Status, body, []any{}}}
	}
	return map[string]any{"e": fmt.Sprintf("unexpected %T %v", err, err)}
}
`

// TestGenFuncRefusals checks what GenFunc refuses, and where (m.py, after the prelude's
// line).
func TestGenFuncRefusals(t *testing.T) {
	cases := []struct{ name, src, want string }{
		{"yield in if", "def f(a: int):\n    if a:\n        yield 1\n", "m.py:4:9: cannot translate yield inside an if statement"},
		{"yield in loop", "def f(a: int):\n    while a:\n        yield 1\n", "m.py:4:9: cannot translate yield inside a loop"},
		{"yield in finally", "def f():\n    try:\n        pass\n    finally:\n        yield 1\n", "m.py:6:9: cannot translate yield inside a finally clause"},
		{"yield in handler", "def f():\n    try:\n        pass\n    except ValueError:\n        yield 1\n", "m.py:6:9: cannot translate yield inside an except clause"},
		{"yield in else", "def f():\n    try:\n        pass\n    except ValueError:\n        pass\n    else:\n        yield 1\n", "m.py:8:9: cannot translate yield inside the else clause of a try statement"},
		{"two yields", "def f():\n    yield 1\n    yield 2\n", "m.py:3:5: cannot translate generator with 2 yield expressions"},
		{"except Exception", "def f():\n    try:\n        yield 1\n    except Exception:\n        raise\n", "m.py:5:5: cannot translate except clause catching Exception around a yield"},
		{"bare except", "def f():\n    try:\n        yield 1\n    except:\n        raise\n", "m.py:5:5: cannot translate except clause catching BaseException around a yield"},
		{"yield value", "def f():\n    x = yield 1\n    return x\n", "m.py:3:9: cannot translate yield"},
		{"yield from", "def f():\n    yield from [1]\n", "m.py:3:5: cannot translate yield"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			def, scope := loadGenSnippet(t, c.src)
			_, _, diags := GenFunc(def, scope, jen.Id("yield"))
			if len(diags) != 1 || !strings.HasPrefix(diags[0].String(), c.want) {
				t.Fatalf("diags %v, want one starting with %q", diags, c.want)
			}
		})
	}
}

// TestFuncRefusesYield checks that Func (a helper, an endpoint) still refuses a yield.
func TestFuncRefusesYield(t *testing.T) {
	def, scope := loadGenSnippet(t, "def f():\n    yield 1\n")
	if _, diags := Func(def, scope); len(diags) != 1 || !strings.Contains(diags[0].String(), "cannot translate yield") {
		t.Fatalf("diags %v", diags)
	}
}

// loadGenSnippet loads m.py (yieldPrelude + src) and returns its function f and a scope
// with f's parameters.
func loadGenSnippet(t *testing.T, src string) (ast.Stmt, *Scope) {
	t.Helper()
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "app.py"), []byte("from fastapi import FastAPI\n\napp = FastAPI()\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "m.py"), []byte(yieldPrelude+src), 0o644)
	prog, err := load.Load(dir, load.Options{Parse: parser.ParseFile, App: "app:app"})
	if err != nil {
		t.Fatal(err)
	}
	prog.Import("m")
	app, err := lift.Lift(prog, lift.Options{})
	if err != nil {
		t.Fatal(err)
	}
	m := prog.Modules["m"]
	if m == nil || m.File == nil {
		t.Fatal("m.py not parsed")
	}
	for _, st := range m.File.Module.Body {
		if d := asDef(st); d != nil && d.name == "f" {
			vars := map[string]Var{}
			for _, p := range params(d) {
				vars[p.Arg] = Var{Go: jen.Id(GoName(p.Arg)), Type: annotationType(p.Annotation, app)}
			}
			return st, &Scope{Vars: vars, App: app, Module: "m", Unit: NewUnit(prog, Names{})}
		}
	}
	t.Fatal("no f")
	return nil, nil
}
