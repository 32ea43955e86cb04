package load

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
)

// AppCandidate is a module-level `NAME = FastAPI(...)` (or, failing any, `app = factory()`)
// found when no module:attr is given.
type AppCandidate struct {
	Module, Attr string
	// Pos is the assignment statement's position.
	Pos ir.Pos
	// Mounted is set when another module (or the same one) mounts the instance with
	// .mount(path, NAME): it is a sub-application, not the app.
	Mounted bool
	// Factory marks `app = create_app()`: the instance is built by a call.
	Factory bool
}

// Spec returns the candidate as module:attr.
func (c AppCandidate) Spec() string { return c.Module + ":" + c.Attr }

// AmbiguousAppError is returned when several FastAPI() instances could be the app and none
// was named.
type AmbiguousAppError struct {
	Root       string
	Candidates []AppCandidate
}

func (e *AmbiguousAppError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d FastAPI() instances under %s; choose one with --app module:attr:", len(e.Candidates), e.Root)
	for _, c := range e.Candidates {
		fmt.Fprintf(&b, "\n  %s (%s)", c.Spec(), c.Pos)
	}
	return b.String()
}

// mountRef names an object passed to .mount(): the module that binds it and its name there.
type mountRef struct{ module, attr string }

// findApp looks for the FastAPI() instance when no module:attr is given: the module-level
// assignments of fastapi.FastAPI(...) under the root (only in module only, when set), less
// the ones some module mounts into another app. Exactly one must remain; with none, an app
// built by a factory (app = create_app()) is looked for the same way.
func (p *Program) findApp(only string) (AppCandidate, error) {
	var cands, factories []AppCandidate
	mounted := map[mountRef]bool{}
	for _, path := range p.pyFiles() {
		name := p.moduleName(path)
		if only != "" && name != only {
			continue
		}
		src, err := os.ReadFile(path)
		if err != nil || !bytes.Contains(src, []byte("FastAPI")) && !bytes.Contains(src, []byte("app")) {
			continue
		}
		rel, err := filepath.Rel(p.Root, path)
		if err != nil {
			rel = path
		}
		f, err := p.parse(rel, src)
		if err != nil {
			p.scanErrs = append(p.scanErrs, err)
			continue
		}
		if f == nil || f.Module == nil {
			continue
		}
		p.parsed[rel] = f
		m := &Module{Name: name, Rel: rel, IsPackage: filepath.Base(path) == "__init__.py", File: f}
		if bytes.Contains(src, []byte("FastAPI")) {
			cands = append(cands, fastAPIAssignments(m)...)
		}
		factories = append(factories, factoryAssignments(m)...)
		for _, r := range p.mountedNames(m) {
			mounted[r] = true
		}
	}
	if len(cands) == 0 {
		if len(p.scanErrs) > 0 {
			// The app may well be in a file that does not parse.
			return AppCandidate{}, ParseErrors(p.scanErrs)
		}
		cands = factories
	}
	if len(cands) == 0 {
		return AppCandidate{}, fmt.Errorf("load: no module-level FastAPI() instance under %s: %w", p.Root, ErrNoApp)
	}
	var top []AppCandidate
	for i := range cands {
		cands[i].Mounted = mounted[mountRef{cands[i].Module, cands[i].Attr}]
		if !cands[i].Mounted {
			top = append(top, cands[i])
		}
	}
	if len(top) == 0 {
		top = cands // everything is mounted somewhere: no way to tell
	}
	if len(top) > 1 {
		return AppCandidate{}, fmt.Errorf("load: %w", &AmbiguousAppError{Root: p.Root, Candidates: top})
	}
	return top[0], nil
}

// importBindings maps the names a module binds by import to (module, attribute) pairs:
// `from M import x as y` binds y to (M, x); `import a.b as c` binds c to (a.b, "").
func (p *Program) importBindings(m *Module) map[string]mountRef {
	out := map[string]mountRef{}
	for _, st := range m.File.Module.Body {
		switch s := st.(type) {
		case *ast.ImportFrom:
			base, ok := p.ResolveFrom(m, s)
			if !ok {
				continue
			}
			for _, a := range s.Names {
				if a.Name != "*" {
					out[asName(a)] = mountRef{base, a.Name}
				}
			}
		case *ast.Import:
			for _, a := range s.Names {
				if a.Asname != nil {
					out[*a.Asname] = mountRef{a.Name, ""}
				}
			}
		}
	}
	return out
}

// mountedNames lists the objects a module passes to x.mount(path, OBJ) at module level, as
// the module that defines them would name them.
func (p *Program) mountedNames(m *Module) []mountRef {
	var out []mountRef
	var imports map[string]mountRef
	for _, st := range m.File.Module.Body {
		es, ok := st.(*ast.ExprStmt)
		if !ok {
			continue
		}
		c, ok := es.Value.(*ast.Call)
		if !ok {
			continue
		}
		f, ok := c.Func.(*ast.Attribute)
		if !ok || f.Attr != "mount" {
			continue
		}
		var arg ast.Expr
		if len(c.Args) >= 2 {
			arg = c.Args[1]
		}
		for _, k := range c.Keywords {
			if k.Arg != nil && *k.Arg == "app" {
				arg = k.Value
			}
		}
		if imports == nil {
			imports = p.importBindings(m)
		}
		switch a := arg.(type) {
		case *ast.Name:
			if r, ok := imports[a.Id]; ok && r.attr != "" {
				out = append(out, r)
			} else {
				out = append(out, mountRef{m.Name, a.Id})
			}
		case *ast.Attribute:
			n, ok := a.Value.(*ast.Name)
			if !ok {
				continue
			}
			if r, ok := imports[n.Id]; ok {
				mod := r.module
				if r.attr != "" {
					mod += "." + r.attr // from pkg import submodule
				}
				out = append(out, mountRef{mod, a.Attr})
			} else {
				out = append(out, mountRef{n.Id, a.Attr}) // import sub
			}
		}
	}
	return out
}

// fastAPIAssignments finds `NAME = FastAPI(...)` at module level, with FastAPI imported from
// fastapi.
func fastAPIAssignments(m *Module) []AppCandidate {
	ctor := map[string]bool{}    // names bound to fastapi.FastAPI
	modules := map[string]bool{} // names bound to the fastapi module
	body := m.File.Module.Body
	for _, st := range body {
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
	var out []AppCandidate
	for _, st := range body {
		switch s := st.(type) {
		case *ast.Assign:
			if isCtor(s.Value) {
				for _, t := range s.Targets {
					if n, ok := t.(*ast.Name); ok {
						out = append(out, AppCandidate{Module: m.Name, Attr: n.Id, Pos: m.Pos(s)})
					}
				}
			}
		case *ast.AnnAssign:
			if n, ok := s.Target.(*ast.Name); ok && s.Value != nil && isCtor(s.Value) {
				out = append(out, AppCandidate{Module: m.Name, Attr: n.Id, Pos: m.Pos(s)})
			}
		}
	}
	return out
}

// factoryAssignments finds `app = f(...)` (also application, api) at module level.
func factoryAssignments(m *Module) []AppCandidate {
	var out []AppCandidate
	for _, st := range m.File.Module.Body {
		s, ok := st.(*ast.Assign)
		if !ok {
			continue
		}
		if _, ok := s.Value.(*ast.Call); !ok {
			continue
		}
		for _, t := range s.Targets {
			if n, ok := t.(*ast.Name); ok && (n.Id == "app" || n.Id == "application" || n.Id == "api") {
				out = append(out, AppCandidate{Module: m.Name, Attr: n.Id, Pos: m.Pos(s), Factory: true})
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
