package translate

// Function-local `from M import N [as A]`.
//
// Executed in a function, the statement binds the local A to the attribute N of module
// M, importing M first. When M is a framework package (fastapi, starlette, pydantic...:
// the app imported it already) or a module imported while the app is imported (and N, if
// N is a submodule, too), the import does nothing more at request time: A is then the
// very object the module-level name M.N is bound to when the statement runs. The
// translation resolves A as the module-level name it designates (a constant, module
// state living in Go, a function, a model...), provided every use of A in the function
// follows the statement in its own block (so A is always bound when read: no
// UnboundLocalError to reproduce) and nothing else in the function binds A (a parameter,
// an assignment, another import, except ... as A...), and N is never rebound (the local
// keeps the object N was bound to when the statement ran; module state living in Go is
// read when used). Other import statements stay refused.

import (
	"strings"

	"github.com/covetpy/covetgen/parser/ast"
)

// scanLocalImports records the function-local from-imports the translation resolves
// (see above) in f.localImports.
func (f *fn) scanLocalImports() {
	if f.def == nil || f.mi == nil {
		return
	}
	eachBlock(f.def.body, func(block []ast.Stmt) {
		for i, st := range block {
			s, ok := st.(*ast.ImportFrom)
			if !ok {
				continue
			}
			base, ok := f.importBase(s)
			if !ok {
				continue
			}
			names := map[string]*binding{}
			for _, a := range s.Names {
				n := aliasName(a)
				if a == nil || a.Name == "*" || names[n] != nil || f.globals[n] || !f.onlyUsedAfter(n, s, block[i+1:]) {
					names = nil
					break
				}
				if !isFrameworkPackage(base) {
					if _, bound := f.u.module(base).binds[a.Name]; !bound && f.u.loadModule(base+"."+a.Name) != nil && !f.u.importedAtStartup(f.appModule(), base+"."+a.Name) {
						names = nil
						break
					}
					if f.u.isMutated(a.Name, false) {
						names = nil // rebound somewhere: the local keeps the object bound when it ran
						break
					}
				}
				names[n] = &binding{kind: bImportFrom, target: base, attr: a.Name, node: s}
			}
			for n, b := range names {
				if f.localImports == nil {
					f.localImports = map[string]*binding{}
				}
				f.localImports[n] = b
			}
		}
	})
}

// importBase resolves the module a from-import imports from: a framework package
// (absolute import) or a module of the app imported at startup.
func (f *fn) importBase(s *ast.ImportFrom) (string, bool) {
	if s.Level == 0 && s.Module != nil && isFrameworkPackage(*s.Module) {
		return *s.Module, true
	}
	if f.u.prog == nil || f.mi.mod == nil {
		return "", false
	}
	base, ok := f.u.prog.ResolveFrom(f.mi.mod, s)
	if !ok || f.u.loadModule(base) == nil || !f.u.importedAtStartup(f.appModule(), base) {
		return "", false
	}
	return base, true
}

// localImportGlobal resolves a name bound by a function-local import (ok false: the
// name is not one).
func (f *fn) localImportGlobal(name string) (global, bool) {
	b, ok := f.localImports[name]
	if !ok {
		return global{}, false
	}
	scope := &modInfo{name: f.mi.name, file: f.mi.file, mod: f.mi.mod, binds: map[string]*binding{name: b}}
	return f.u.resolveGlobal(scope, name, f.app, 0), true
}

// localImportStmt checks a function-local import statement: it is translated (to
// nothing) when every name it binds was resolved by scanLocalImports.
func (f *fn) localImportStmt(st ast.Stmt) {
	s, ok := st.(*ast.ImportFrom)
	if !ok {
		f.refuse(st, "import statement")
		return
	}
	for _, a := range s.Names {
		if b := f.localImports[aliasName(a)]; b == nil || b.node != ast.Node(s) {
			f.refuse(st, "import statement")
		}
	}
}

// importedAtStartup reports whether importing the app imports module name: the app's
// module, or a module imported by a statement of the top level of a module imported at
// startup (a package is imported with any of its submodules).
func (u *Unit) importedAtStartup(app, name string) bool {
	if u.st.startup == nil {
		u.st.startup = u.startupModules(app)
	}
	return u.st.startup[name]
}

// appModule is the module of the app instance ("" when unknown).
func (f *fn) appModule() string {
	if f.app == nil {
		return ""
	}
	return f.app.Module
}

// startupModules lists the modules importing the app imports.
func (u *Unit) startupModules(app string) map[string]bool {
	seen := map[string]bool{}
	if u.prog == nil || app == "" {
		return seen
	}
	var visit func(string)
	add := func(name string) {
		parts := strings.Split(name, ".")
		for i := range parts {
			visit(strings.Join(parts[:i+1], "."))
		}
	}
	visit = func(name string) {
		if seen[name] {
			return
		}
		m := u.loadModule(name)
		if m == nil || m.File == nil || m.File.Module == nil {
			return
		}
		seen[name] = true
		for _, st := range m.File.Module.Body {
			switch s := st.(type) {
			case *ast.Import:
				for _, a := range s.Names {
					add(a.Name)
				}
			case *ast.ImportFrom:
				base, ok := u.prog.ResolveFrom(m, s)
				if !ok {
					continue
				}
				add(base)
				for _, a := range s.Names {
					if _, bound := u.module(base).binds[a.Name]; a != nil && a.Name != "*" && !bound && u.loadModule(base+"."+a.Name) != nil {
						add(base + "." + a.Name)
					}
				}
			}
		}
	}
	add(app)
	return seen
}

// aliasName is the name an import alias binds.
func aliasName(a *ast.Alias) string {
	if a.Asname != nil {
		return *a.Asname
	}
	return a.Name
}

// onlyUsedAfter reports that every reference to name in the function is in the
// statements rest (those following the import s in its block) and that nothing but s
// binds it.
func (f *fn) onlyUsedAfter(name string, s *ast.ImportFrom, rest []ast.Stmt) bool {
	for _, p := range params(f.def) {
		if p.Arg == name {
			return false
		}
	}
	total, other := 0, false
	for _, st := range f.def.body {
		eachNode(st, func(x any) bool {
			switch y := x.(type) {
			case *ast.Name:
				if y.Id == name {
					total++
					other = other || y.Ctx != ast.Load
				}
			case *ast.ImportFrom:
				if y != s {
					for _, a := range y.Names {
						other = other || aliasName(a) == name || a.Name == "*"
					}
				}
			case *ast.Import:
				for _, a := range y.Names {
					other = other || importBinds(a) == name
				}
			case *ast.ExceptHandler:
				other = other || y.Name != nil && *y.Name == name
			case *ast.Global:
				other = other || contains(y.Names, name)
			case *ast.Nonlocal:
				other = other || contains(y.Names, name)
			case *ast.FunctionDef:
				other = other || y.Name == name
			case *ast.AsyncFunctionDef:
				other = other || y.Name == name
			case *ast.ClassDef:
				other = other || y.Name == name
			case *ast.Arg:
				other = other || y.Arg == name
			}
			return true
		})
	}
	after := 0
	for _, st := range rest {
		eachNode(st, func(x any) bool {
			if y, ok := x.(*ast.Name); ok && y.Id == name {
				after++
			}
			return true
		})
	}
	return !other && total == after
}

// importBinds is the name `import a` binds.
func importBinds(a *ast.Alias) string {
	if a.Asname != nil {
		return *a.Asname
	}
	for i := 0; i < len(a.Name); i++ {
		if a.Name[i] == '.' {
			return a.Name[:i]
		}
	}
	return a.Name
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// eachBlock calls fn for body and every statement list nested in it (not in nested
// function or class definitions).
func eachBlock(body []ast.Stmt, fn func([]ast.Stmt)) {
	fn(body)
	for _, st := range body {
		var blocks [][]ast.Stmt
		switch s := st.(type) {
		case *ast.If:
			blocks = [][]ast.Stmt{s.Body, s.Orelse}
		case *ast.For:
			blocks = [][]ast.Stmt{s.Body, s.Orelse}
		case *ast.AsyncFor:
			blocks = [][]ast.Stmt{s.Body, s.Orelse}
		case *ast.While:
			blocks = [][]ast.Stmt{s.Body, s.Orelse}
		case *ast.With:
			blocks = [][]ast.Stmt{s.Body}
		case *ast.AsyncWith:
			blocks = [][]ast.Stmt{s.Body}
		case *ast.Try:
			blocks = [][]ast.Stmt{s.Body, s.Orelse, s.Finalbody}
			for _, h := range s.Handlers {
				if h != nil {
					blocks = append(blocks, h.Body)
				}
			}
		case *ast.TryStar:
			blocks = [][]ast.Stmt{s.Body, s.Orelse, s.Finalbody}
			for _, h := range s.Handlers {
				if h != nil {
					blocks = append(blocks, h.Body)
				}
			}
		case *ast.Match:
			for _, c := range s.Cases {
				if c != nil {
					blocks = append(blocks, c.Body)
				}
			}
		}
		for _, b := range blocks {
			if len(b) > 0 {
				eachBlock(b, fn)
			}
		}
	}
}
