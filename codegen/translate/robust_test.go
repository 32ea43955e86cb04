package translate

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/ir/lift"
	"github.com/covetpy/covetgen/ir/load"
	"github.com/covetpy/covetgen/parser"
	"github.com/covetpy/covetgen/parser/ast"
)

type corpusFunc struct {
	app   string
	def   ast.Stmt
	scope *Scope
}

// corpus lifts the example apps and returns their endpoints with the scopes a code
// generator would give them.
func corpus(t *testing.T) []corpusFunc {
	dirs, _ := filepath.Glob("../../testdata/fastapi_apps/*")
	var out []corpusFunc
	for _, dir := range dirs {
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			continue
		}
		prog, err := load.Load(dir, load.Options{Parse: parser.ParseFile})
		if err != nil {
			continue
		}
		app, err := lift.Lift(prog, lift.Options{})
		if err != nil {
			continue
		}
		u := NewUnit(prog, Names{})
		for _, r := range app.Routes {
			ep := r.Endpoint
			if ep == nil || ep.Kind != ir.FunctionCallable || prog.Modules[ep.Module] == nil || prog.Modules[ep.Module].File == nil {
				continue
			}
			for _, st := range prog.Modules[ep.Module].File.Module.Body {
				if d := asDef(st); d != nil && d.name == ep.Name {
					vars := map[string]Var{}
					if r.Dependant != nil {
						for _, p := range r.Dependant.Params {
							if !p.In.IsSpecial() && Holdable(p.Type) {
								vars[p.Name] = Var{Go: jen.Id(GoName(p.Name)), Type: p.Type}
							}
						}
					}
					out = append(out, corpusFunc{filepath.Base(dir), st, &Scope{Vars: vars, App: app, Module: ep.Module, Unit: u}})
				}
			}
		}
	}
	return out
}

// TestCorpus translates every endpoint of the example apps: each translates (into code
// that renders as valid Go) or is refused with a diagnostic, never an internal error.
func TestCorpus(t *testing.T) {
	fns := corpus(t)
	if len(fns) == 0 {
		t.Skip("no example apps")
	}
	translated := 0
	reasons := map[string]int{}
	for _, c := range fns {
		code, diags := Func(c.def, c.scope)
		if len(diags) > 0 {
			msg := diags[0].Msg
			if strings.Contains(msg, "internal error") {
				t.Errorf("%s: %s", c.app, diags[0])
			}
			if i := strings.IndexAny(msg, "(0123456789"); i > 0 {
				msg = msg[:i]
			}
			reasons[strings.TrimSpace(msg)]++
			continue
		}
		translated++
		f := jen.NewFile("gen")
		f.Func().Id("h").Params().Params(jen.Qual(pyvalPkg, "Value"), jen.Error()).Block(code...)
		for _, d := range c.scope.Unit.Decls() {
			f.Add(d)
		}
		var buf bytes.Buffer
		if err := f.Render(&buf); err != nil {
			t.Errorf("%s: %v", c.app, err)
		}
	}
	t.Logf("%d endpoints: %d translated; refusals: %v", len(fns), translated, reasons)
}

// TestMutatedASTs damages function ASTs one field at a time (a nil child, an empty
// list): Func answers with code or a diagnostic and never panics.
func TestMutatedASTs(t *testing.T) {
	fns := corpus(t)
	if testing.Short() && len(fns) > 20 {
		fns = fns[:20]
	}
	n := 0
	for _, c := range fns {
		mutate(reflect.ValueOf(c.def), func() {
			n++
			code, diags := Func(c.def, c.scope)
			if (code == nil) == (len(diags) == 0) {
				t.Fatalf("%s: code %v, %d diagnostics", c.app, code != nil, len(diags))
			}
		})
	}
	t.Logf("%d mutations", n)
}

// mutate calls try with each settable pointer, interface or slice field of the tree
// zeroed in turn (restored afterwards).
func mutate(v reflect.Value, try func()) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			mutate(v.Elem(), try)
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			fv := v.Field(i)
			if !fv.CanSet() {
				continue
			}
			switch fv.Kind() {
			case reflect.Pointer, reflect.Interface, reflect.Slice:
				if fv.IsNil() {
					continue
				}
				saved := reflect.ValueOf(fv.Interface())
				fv.Set(reflect.Zero(fv.Type()))
				try()
				fv.Set(saved)
			}
			mutate(fv, try)
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			mutate(v.Index(i), try)
		}
	}
}
