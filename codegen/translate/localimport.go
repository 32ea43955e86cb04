package translate

// Function-local `from M import N [as A]`.
//
// Executed in a function, the statement binds the local A to the attribute N of module
// M, importing M first. When M (and N, if N is a submodule) is imported while the app is
// imported, the import itself does nothing more at request time: A is then the very
// object the module-level name M.N is bound to when the statement runs. The translation
// resolves A as the module-level name it designates (a constant, module state living in
// Go, a function, a model...), provided the statement is one of the function body's own
// statements (not nested in a block), it is the only binding of A in the function and
// every use of A comes after it in the source (the name cannot then be unbound when
// read), and N is never rebound (the local keeps the object N was bound to when the
// statement ran; module state living in Go is read when used). Other import statements
// stay refused.

import (
	"strings"

	"github.com/covetpy/covetgen/parser/ast"
)

// scanLocalImports records the function-local from-imports the translation resolves
// (see above) in f.localImports.
func (f *fn) scanLocalImports() {
	if f.u.prog == nil || f.mi.mod == nil {
		return
	}
	counts := map[string]int{}
	walkStmts(f.def.body, func(st ast.Stmt) {
		for _, n := range stmtBoundNames(st) {
			counts[n]++
		}
	})
	for _, st := range f.def.body {
		s, ok := st.(*ast.ImportFrom)
		if !ok {
			continue
		}
		base, ok := f.u.prog.ResolveFrom(f.mi.mod, s)
		if !ok || f.u.loadModule(base) == nil || !f.u.importedAtStartup(f.appModule(), base) {
			continue
		}
		for _, a := range s.Names {
			if a == nil || a.Name == "*" {
				continue
			}
			name := a.Name
			if a.Asname != nil {
				name = *a.Asname
			}
			if counts[name] != 1 || f.globals[name] || f.isParamName(name) || !f.usedAfter(name, s) {
				continue
			}
			if _, bound := f.u.module(base).binds[a.Name]; !bound && f.u.loadModule(base+"."+a.Name) != nil && !f.u.importedAtStartup(f.appModule(), base+"."+a.Name) {
				continue
			}
			if f.u.isMutated(a.Name, false) {
				continue // rebound somewhere: the local keeps the object bound when it ran
			}
			if f.localImports == nil {
				f.localImports = map[string]*binding{}
			}
			f.localImports[name] = &binding{kind: bImportFrom, target: base, attr: a.Name, node: s}
		}
	}
}

// isParamName reports a parameter of the function named name.
func (f *fn) isParamName(name string) bool {
	for _, p := range params(f.def) {
		if p.Arg == name {
			return true
		}
	}
	return false
}

// usedAfter reports whether every reference to name in the function body comes after
// the statement st in the source.
func (f *fn) usedAfter(name string, st ast.Stmt) bool {
	sp := st.(ast.Spanned).GetSpan()
	if sp == nil {
		return false
	}
	ok := true
	for _, b := range f.def.body {
		eachNode(b, func(x any) bool {
			n, isName := x.(*ast.Name)
			if !isName || n.Id != name {
				return true
			}
			if n.Lineno < sp.EndLineno || n.Lineno == sp.EndLineno && n.ColOffset < sp.EndColOffset {
				ok = false
			}
			return true
		})
	}
	return ok
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
		name := a.Name
		if a.Asname != nil {
			name = *a.Asname
		}
		if b := f.localImports[name]; b == nil || b.node != ast.Node(s) {
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
