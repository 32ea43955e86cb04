package translate

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/ir/lift"
	"github.com/covetpy/covetgen/ir/load"
	"github.com/covetpy/covetgen/parser"
	"github.com/covetpy/covetgen/parser/ast"
	"github.com/covetpy/covetgen/runtime/pyval"
)

// snippet is one differential test case: a module whose function f is called with each
// argument tuple of calls (a Python literal list).
type snippet struct {
	name, file string
	src        string
	calls      string
	line       int
}

const snippetPrelude = "from fastapi import HTTPException, status\nfrom models import Item, Owner\n"

// readSnippets reads testdata/diff/*.snip: snippets separated by "# ---" lines, each
// starting with "# name:" and "# calls:" comment lines.
func readSnippets(t *testing.T) []snippet {
	files, _ := filepath.Glob("testdata/diff/*.snip")
	if only := os.Getenv("DIFF_ONLY"); only != "" { // e.g. DIFF_ONLY=ext.snip
		files = []string{filepath.Join("testdata/diff", only)}
	}
	return readSnippetFiles(t, files)
}

// readSnippetFiles reads the snippets of files (the format of readSnippets).
func readSnippetFiles(t *testing.T, files []string) []snippet {
	var out []snippet
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(b), "\n")
		var cur *snippet
		flush := func() {
			if cur != nil && strings.TrimSpace(cur.src) != "" {
				out = append(out, *cur)
			}
			cur = nil
		}
		for i, l := range lines {
			switch {
			case strings.HasPrefix(l, "# ---"):
				flush()
			case strings.HasPrefix(l, "# name:"):
				flush()
				cur = &snippet{name: strings.TrimSpace(l[7:]), file: filepath.Base(file), line: i + 1}
			case strings.HasPrefix(l, "# calls:") && cur != nil:
				cur.calls = strings.TrimSpace(l[8:])
			case cur != nil:
				cur.src += l + "\n"
			}
		}
		flush()
	}
	return out
}

func needPython(t *testing.T) {
	if _, err := exec.LookPath("python3"); err != nil {
		if os.Getenv("COVETGEN_SKIP_PYTHON") == "1" {
			t.Skip("python3 not found (COVETGEN_SKIP_PYTHON=1)")
		}
		t.Fatal("python3 is needed as the test oracle (set COVETGEN_SKIP_PYTHON=1 to skip)")
	}
}

// loadSnippets writes the snippets, each prefixed by prelude, as the modules m_<i> of a
// Python tree holding the files of extra (name → source) too, then loads (app:app) and
// lifts it; dir is the test's temporary directory, where the Go program is built.
func loadSnippets(t *testing.T, prelude string, extra map[string][]byte, sns []snippet) (dir string, prog *load.Program, app *ir.App) {
	t.Helper()
	dir = t.TempDir()
	pyDir := filepath.Join(dir, "py")
	if err := os.MkdirAll(pyDir, 0o755); err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for name, src := range extra {
		files[name] = src
	}
	for i, s := range sns {
		files[fmt.Sprintf("m_%d.py", i)] = []byte(prelude + s.src)
	}
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(pyDir, name), src, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	prog, err := load.Load(pyDir, load.Options{Parse: parser.ParseFile, App: "app:app"})
	if err != nil {
		t.Fatal(err)
	}
	for i := range sns {
		prog.Import(fmt.Sprintf("m_%d", i))
	}
	app, err = lift.Lift(prog, lift.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return dir, prog, app
}

// snippetCall is call idx of snippet snip: one line of the Go program's output.
type snippetCall struct{ snip, idx int }

// runOracle runs the snippets under CPython with testdata/diff/oracle.py.
func runOracle(t *testing.T, models string, sns []snippet) [][]map[string]any {
	return runSnippetOracle(t, "testdata/diff/oracle.py", snippetPrelude, models, sns)
}

// runSnippetOracle runs the snippets, each prefixed by prelude, under CPython with the
// oracle script (models: the models module's source, "" for none) and returns each
// snippet's results, one per call.
func runSnippetOracle(t *testing.T, script, prelude, models string, sns []snippet) [][]map[string]any {
	type req struct {
		Module string `json:"module"`
		Src    string `json:"src"`
		Calls  string `json:"calls"`
	}
	in := struct {
		Models   string `json:"models"`
		Snippets []req  `json:"snippets"`
	}{Models: models}
	for i, s := range sns {
		in.Snippets = append(in.Snippets, req{fmt.Sprintf("m_%d", i), prelude + s.src, s.calls})
	}
	body, _ := json.Marshal(in)
	cmd := exec.Command("python3", script)
	refstack := os.Getenv("COVETGEN_REFSTACK")
	if refstack == "" {
		refstack = "/work/refstack"
	}
	cmd.Env = append(os.Environ(), "PYTHONPATH="+refstack, "PYTHONHASHSEED=0")
	cmd.Stdin = bytes.NewReader(body)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("oracle: %v\n%s", err, errb.String())
	}
	var res [][]map[string]any
	if err := json.Unmarshal(out.Bytes(), &res); err != nil {
		t.Fatalf("oracle output: %v", err)
	}
	return res
}

// compareCalls checks each call's line of Go output against python's result for it.
func compareCalls(t *testing.T, sns []snippet, calls []snippetCall, goRes []string, pyRes [][]map[string]any) {
	t.Helper()
	for ci, c := range calls {
		s := sns[c.snip]
		if len(pyRes[c.snip]) == 1 && pyRes[c.snip][0]["setup"] != nil {
			t.Errorf("%s (%s:%d): python setup: %v", s.name, s.file, s.line, pyRes[c.snip][0]["setup"])
			continue
		}
		want := pyRes[c.snip][c.idx]
		var got map[string]any
		if err := json.Unmarshal([]byte(goRes[ci]), &got); err != nil {
			t.Fatalf("go output %q: %v", goRes[ci], err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s (%s:%d) call %d:\n python: %v\n     go: %v", s.name, s.file, s.line, c.idx, want, got)
		}
	}
}

// annotationType reads a parameter annotation of a snippet.
func annotationType(e ast.Expr, app *ir.App) *ir.Type {
	if sub, ok := e.(*ast.Subscript); ok {
		return literalAnnotation(sub) // Literal["a", "b"] (FastAPI validated the value)
	}
	n, ok := e.(*ast.Name)
	if !ok {
		return nil
	}
	switch n.Id {
	case "int":
		return intType
	case "float":
		return floatType
	case "str":
		return strType
	case "bool":
		return boolType
	case "list":
		return listType
	case "dict":
		return dictType
	}
	for _, m := range app.Models {
		if m.Name == n.Id {
			return &ir.Type{Kind: ir.KindModel, Name: m.Name, Model: m}
		}
	}
	if t := extAnnotationType(n.Id, app); t != nil {
		return t
	}
	return nil
}

// literalAnnotation is the type of Literal[...] of str constants (nil: another form).
func literalAnnotation(sub *ast.Subscript) *ir.Type {
	if n, ok := sub.Value.(*ast.Name); !ok || n.Id != "Literal" {
		return nil
	}
	elts := []ast.Expr{sub.Slice}
	if tu, ok := sub.Slice.(*ast.Tuple); ok {
		elts = tu.Elts
	}
	t := &ir.Type{Kind: ir.KindLiteral}
	for _, e := range elts {
		s, ok := constStr(e)
		if !ok {
			return nil
		}
		t.Values = append(t.Values, ir.Str(s))
	}
	return t
}

// freshArg is Go code building an argument (never frozen: the body owns it).
func freshArg(v pyval.Value) *jen.Statement {
	switch x := v.(type) {
	case *pyval.List:
		items := make([]jen.Code, len(x.Items))
		for i, it := range x.Items {
			items[i] = freshArg(it)
		}
		return q("NewList").Call(items...)
	case *pyval.Dict:
		var items []jen.Code
		for i, k := range x.Keys() {
			items = append(items, freshArg(k), freshArg(x.Values()[i]))
		}
		return q("DictOf").Call(items...)
	case pyval.Tuple:
		items := make([]jen.Code, len(x))
		for i, it := range x {
			items[i] = freshArg(it)
		}
		return q("Tuple").Values(items...)
	}
	return constCode(v)
}

func TestDifferential(t *testing.T) {
	needPython(t)
	var plain, state []snippet
	for _, s := range readSnippets(t) {
		if strings.HasPrefix(s.file, "state") {
			state = append(state, s)
		} else {
			plain = append(plain, s)
		}
	}
	// Module state living in Go unfreezes every constant of its Unit: the snippets of
	// state*.snip run in a program of their own (state_test.go).
	t.Run("plain", func(t *testing.T) { runDifferential(t, plain, false) })
	t.Run("state", func(t *testing.T) { runDifferential(t, state, true) })
}

// runDifferential translates the snippets into one Go program (its Unit with the module
// state of the snippets living in Go when state is set) and compares its results with
// CPython's.
func runDifferential(t *testing.T, sns []snippet, state bool) {
	if len(sns) == 0 {
		if os.Getenv("DIFF_ONLY") != "" {
			return
		}
		t.Fatal("no snippets")
	}
	models, _ := os.ReadFile("testdata/diff/models.py")
	appSrc, _ := os.ReadFile("testdata/diff/app.py")
	dir, prog, app := loadSnippets(t, snippetPrelude, map[string][]byte{"models.py": models, "app.py": appSrc}, sns)

	// Translate every snippet into one Go program.
	u := NewUnit(prog, Names{})
	if state {
		u.SetState(snippetState(prog, app))
	}
	gf := jen.NewFile("main")
	var calls []snippetCall
	var mainBody []jen.Code
	for i, s := range sns {
		mod := fmt.Sprintf("m_%d", i)
		m := prog.Modules[mod]
		if m == nil || m.File == nil {
			t.Fatalf("%s (%s:%d): module not parsed: %v", s.name, s.file, s.line, m)
		}
		var def ast.Stmt
		for _, st := range m.File.Module.Body {
			if d := asDef(st); d != nil && d.name == "f" {
				def = st
			}
		}
		var self *Var // f is a callable instance (instances_test.go)
		if def == nil {
			if callDef, sv := snippetCallable(t, u, mod, m.File.Module.Body); callDef != nil {
				def, self = callDef, &sv
			}
		}
		if def == nil {
			t.Fatalf("%s: no function f", s.name)
		}
		d := asDef(def)
		vars := map[string]Var{}
		var ps []jen.Code
		var ptypes []*ir.Type
		ctors := map[int][2]any{}
		for k, p := range params(d) {
			if self != nil && k == 0 {
				vars[p.Arg] = *self
				continue
			}
			typ := annotationType(p.Annotation, app)
			if typ == nil {
				if typ = snippetClass(u, mod, p.Annotation); typ != nil {
					ctor, names := snippetInit(t, u, gf, i, typ)
					ctors[len(ptypes)] = [2]any{ctor, names}
				}
			}
			vars[p.Arg] = Var{Go: jen.Id(GoName(p.Arg)), Type: typ}
			ps = append(ps, jen.Id(GoName(p.Arg)))
			ptypes = append(ptypes, typ)
		}
		code, diags := Func(def, &Scope{Vars: vars, App: app, Module: mod, Unit: u, Response: true})
		if diags != nil {
			t.Errorf("%s (%s:%d): %v", s.name, s.file, s.line, diags)
			continue
		}
		fname := fmt.Sprintf("snip_%d", i)
		sig := gf.Commentf("%s is snippet %s (%s:%d).", fname, s.name, s.file, s.line).Line().Func().Id(fname)
		if len(ps) > 0 {
			sig.Params(jen.List(ps...).Qual(pyvalPkg, "Value"))
		} else {
			sig.Params()
		}
		sig.Params(jen.Qual(pyvalPkg, "Value"), jen.Error()).Block(code...)
		// The calls.
		ce, err := prog.ParseExpr(s.calls)
		if err != nil {
			t.Fatalf("%s: calls: %v", s.name, err)
		}
		cv, ok := constEval(ce, func(e ast.Expr) (pyval.Value, bool) {
			if n, isName := e.(*ast.Name); isName && builtinFuncs[n.Id] {
				return builtinMarker{}, true
			}
			return nil, false
		})
		lst, isList := cv.(*pyval.List)
		if !ok || !isList {
			t.Fatalf("%s: calls is not a constant list", s.name)
		}
		for k, tup := range lst.Items {
			args, _ := tup.(pyval.Tuple)
			var argCode []jen.Code
			var pre []jen.Code
			for a, v := range args {
				code := freshArg(v)
				if a < len(ptypes) {
					if c := extArg(u, ptypes[a], v); c != nil {
						code = c
					}
				}
				if ctor, isInst := ctors[a]; isInst {
					code = snippetInstanceArg(t, ctor[0].(string), ctor[1].([]string), v)
				}
				if a < len(ptypes) && ptypes[a] != nil && ptypes[a].Kind == ir.KindModel {
					name := fmt.Sprintf("a%d", a)
					pre = append(pre, jen.List(jen.Id(name), jen.Err()).Op(":=").Id("New"+ptypes[a].Model.Name).Call(code),
						jen.If(jen.Err().Op("!=").Nil()).Block(jen.Panic(jen.Err())))
					code = jen.Id(name)
				}
				argCode = append(argCode, code)
			}
			mainBody = append(mainBody, jen.Func().Params().BlockFunc(func(g *jen.Group) {
				for _, p := range pre {
					g.Add(p)
				}
				g.Id("report").Call(jen.Func().Params().Params(jen.Qual(pyvalPkg, "Value"), jen.Error()).Block(
					jen.Return(jen.Id(fname).Call(argCode...))))
			}).Call())
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
	src := fmt.Sprintf("%#v", gf)

	// Build and run it.
	goDir := filepath.Join(dir, "go")
	os.MkdirAll(goDir, 0o755)
	root, _ := filepath.Abs("../..")
	gomod := "module difftest\n\ngo 1.24\n\nrequire github.com/covetpy/covetgen v0.0.0\n\nreplace github.com/covetpy/covetgen => " + root + "\n"
	os.WriteFile(filepath.Join(goDir, "go.mod"), []byte(gomod), 0o644)
	if sum, err := os.ReadFile(filepath.Join(root, "go.sum")); err == nil {
		os.WriteFile(filepath.Join(goDir, "go.sum"), sum, 0o644)
	}
	os.WriteFile(filepath.Join(goDir, "main.go"), []byte(src), 0o644)
	modelsGo, _ := os.ReadFile("testdata/diff/models_go.txt")
	os.WriteFile(filepath.Join(goDir, "models.go"), modelsGo, 0o644)
	os.WriteFile(filepath.Join(goDir, "report.go"), []byte(reportGo), 0o644)
	if os.Getenv("DIFF_KEEP") != "" {
		os.WriteFile(os.Getenv("DIFF_KEEP"), []byte(src), 0o644)
	}
	vet := exec.Command("go", "vet", ".")
	vet.Dir = goDir
	vet.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off")
	if out, err := vet.CombinedOutput(); err != nil {
		t.Fatalf("go vet of the translated program: %v\n%s", err, out)
	}
	run := exec.Command("go", "run", ".")
	run.Dir = goDir
	run.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off")
	var gout, gerr bytes.Buffer
	run.Stdout, run.Stderr = &gout, &gerr
	if err := run.Run(); err != nil {
		t.Fatalf("running the translated program: %v\n%s", err, gerr.String())
	}
	goRes := strings.Split(strings.TrimRight(gout.String(), "\n"), "\n")
	if len(goRes) != len(calls) {
		t.Fatalf("%d results for %d calls", len(goRes), len(calls))
	}

	pyRes := runOracle(t, string(models), sns)
	compareCalls(t, sns, calls, goRes, pyRes)
	t.Logf("%d snippets, %d calls compared (GOMAXPROCS %d)", len(sns), len(calls), runtime.GOMAXPROCS(0))
}

const reportGo = `package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/covetpy/covetgen/runtime/pyval"
	"github.com/covetpy/covetgen/runtime/response"
)

// report prints one call's outcome as the oracle does.
func report(fn func() (pyval.Value, error)) {
	out := map[string]any{}
	v, err := fn()
	switch e := err.(type) {
	case nil:
		r, rerr := pyval.Repr(v)
		if rerr != nil {
			out["r"] = "!" + rerr.(*pyval.Exception).Class
		} else {
			out["r"] = string(r)
		}
		if b, jerr := pyval.AppendJSONable(nil, v); jerr != nil {
			out["j"] = "!" + className(jerr)
		} else {
			out["j"] = string(b)
		}
	case *pyval.Exception:
		out["e"] = e.Class
	case *response.HTTPException:
		body := "{\"detail\":"
		var berr error
		var b []byte
		if s, ok := e.Detail.(string); ok {
			b, berr = response.AppendJSONable(nil, s)
		} else {
			b, berr = response.AppendJSONable(nil, e.Detail)
		}
		if berr != nil {
			body = "!" + className(berr)
		} else {
			body += string(b) + "}"
		}
		hdrs := [][]string{}
		for _, h := range e.Headers {
			hdrs = append(hdrs, []string{h.Name, h.Value})
		}
		out["http"] = []any{e.Status, body, hdrs}
	default:
		out["e"] = fmt.Sprintf("unexpected %T %v", err, err)
	}
	b, _ := json.Marshal(out)
	os.Stdout.Write(append(b, '\n'))
}

func className(err error) string {
	if e, ok := err.(*pyval.Exception); ok {
		return e.Class
	}
	msg := err.Error()
	switch {
	case strings.Contains(msg, "Out of range float"):
		return "ValueError"
	case strings.Contains(msg, "surrogates"):
		return "UnicodeEncodeError"
	case strings.Contains(msg, "4300"):
		return "ValueError"
	}
	return "?" + msg
}
`
