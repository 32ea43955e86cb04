package load

import (
	"bytes"
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/covetpy/covetgen/parser/ast"
)

// appCandidate is a module-level `NAME = FastAPI(...)`.
type appCandidate struct {
	module, attr string
	mounted      bool
}

// findApp looks for the FastAPI() instance when no module:attr is given: among the
// module-level assignments of fastapi.FastAPI(...) under the root it prefers one that is not
// mounted into another app, then one called "app", then one in a module called main or app,
// then the shallowest module.
func (p *Program) findApp() (string, string, error) {
	var cands, factories []appCandidate
	for _, path := range p.pyFiles() {
		src, err := os.ReadFile(path)
		if err != nil || !bytes.Contains(src, []byte("FastAPI")) {
			continue
		}
		name := p.moduleName(path)
		f, err := p.parse(path, src)
		if err != nil || f == nil || f.Module == nil {
			continue
		}
		cands = append(cands, fastAPIAssignments(name, f.Module)...)
		factories = append(factories, factoryAssignments(name, f.Module)...)
	}
	if len(cands) == 0 {
		// An app built by a factory (app = create_app()): the lifter finds the instance in
		// the module once it has run.
		cands = factories
	}
	if len(cands) == 0 {
		return "", "", fmt.Errorf("load: no module-level FastAPI() instance under %s: %w", p.Root, ErrNoApp)
	}
	rank := func(c appCandidate) []int {
		r := []int{0, 0, 0, strings.Count(c.module, ".")}
		if c.mounted {
			r[0] = 1
		}
		if c.attr != "app" {
			r[1] = 1
		}
		last := c.module[strings.LastIndexByte(c.module, '.')+1:]
		if last != "main" && last != "app" {
			r[2] = 1
		}
		return r
	}
	sort.SliceStable(cands, func(i, j int) bool {
		a, b := rank(cands[i]), rank(cands[j])
		for k := range a {
			if a[k] != b[k] {
				return a[k] < b[k]
			}
		}
		return false
	})
	return cands[0].module, cands[0].attr, nil
}

// fastAPIAssignments finds `NAME = FastAPI(...)` at module level, with FastAPI imported from
// fastapi, and marks the names passed to a .mount(...) call.
func fastAPIAssignments(module string, m *ast.Module) []appCandidate {
	ctor := map[string]bool{}    // names bound to fastapi.FastAPI
	modules := map[string]bool{} // names bound to the fastapi module
	for _, st := range m.Body {
		switch s := st.(type) {
		case *ast.ImportFrom:
			if s.Module != nil && *s.Module == "fastapi" && s.Level == 0 {
				for _, a := range s.Names {
					if a.Name == "FastAPI" {
						ctor[asName(a)] = true
					}
				}
			}
		case *ast.Import:
			for _, a := range s.Names {
				if a.Name == "fastapi" {
					modules[asName(a)] = true
				}
			}
		}
	}
	isCtor := func(e ast.Expr) bool {
		c, ok := e.(*ast.Call)
		if !ok {
			return false
		}
		switch f := c.Func.(type) {
		case *ast.Name:
			return ctor[f.Id]
		case *ast.Attribute:
			n, ok := f.Value.(*ast.Name)
			return ok && f.Attr == "FastAPI" && modules[n.Id]
		}
		return false
	}
	var out []appCandidate
	for _, st := range m.Body {
		switch s := st.(type) {
		case *ast.Assign:
			if isCtor(s.Value) {
				for _, t := range s.Targets {
					if n, ok := t.(*ast.Name); ok {
						out = append(out, appCandidate{module: module, attr: n.Id})
					}
				}
			}
		case *ast.AnnAssign:
			if n, ok := s.Target.(*ast.Name); ok && s.Value != nil && isCtor(s.Value) {
				out = append(out, appCandidate{module: module, attr: n.Id})
			}
		}
	}
	// Mark instances mounted elsewhere in the module: x.mount(path, NAME).
	for _, st := range m.Body {
		es, ok := st.(*ast.ExprStmt)
		if !ok {
			continue
		}
		c, ok := es.Value.(*ast.Call)
		if !ok {
			continue
		}
		if f, ok := c.Func.(*ast.Attribute); ok && f.Attr == "mount" {
			var arg ast.Expr
			if len(c.Args) >= 2 {
				arg = c.Args[1]
			}
			for _, k := range c.Keywords {
				if k.Arg != nil && *k.Arg == "app" {
					arg = k.Value
				}
			}
			if n, ok := arg.(*ast.Name); ok {
				for i := range out {
					if out[i].attr == n.Id {
						out[i].mounted = true
					}
				}
			}
		}
	}
	return out
}

// factoryAssignments finds `app = f(...)` (also application, api) at module level.
func factoryAssignments(module string, m *ast.Module) []appCandidate {
	var out []appCandidate
	for _, st := range m.Body {
		s, ok := st.(*ast.Assign)
		if !ok {
			continue
		}
		if _, ok := s.Value.(*ast.Call); !ok {
			continue
		}
		for _, t := range s.Targets {
			if n, ok := t.(*ast.Name); ok && (n.Id == "app" || n.Id == "application" || n.Id == "api") {
				out = append(out, appCandidate{module: module, attr: n.Id})
			}
		}
	}
	return out
}

func asName(a *ast.Alias) string {
	if a.Asname != nil {
		return *a.Asname
	}
	return a.Name
}
