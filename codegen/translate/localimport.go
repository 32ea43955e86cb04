package translate

// Import statements in a function body that change nothing: `from M import A [as B]`
// where M is a framework package (fastapi, starlette, pydantic...: the app imported it
// already) or a module this module imports at module level, so that running the import
// again only looks the module up and binds B to the object M.A, which B then names in the
// function as the module-level name would (resolved through the same binding rules). It
// holds only when every use of B in the function follows the import in its block (so B
// is always bound when used: no UnboundLocalError to reproduce) and nothing else in the
// function binds B (a parameter, an assignment, another import, except ... as B...).
// Other import statements are refused.

import "github.com/covetpy/covetgen/parser/ast"

// noopImport reports an import statement of the function that changes nothing.
func (f *fn) noopImport(s *ast.ImportFrom) bool {
	imps := f.localImports()
	for _, a := range s.Names {
		b := imps[aliasName(a)]
		if b == nil || b.node != ast.Node(s) {
			return false
		}
	}
	return len(s.Names) > 0
}

// localImports returns the names the function's no-op import statements bind, computed
// once.
func (f *fn) localImports() map[string]*binding {
	if f.imports != nil {
		return f.imports
	}
	f.imports = map[string]*binding{}
	if f.def == nil {
		return f.imports
	}
	eachBlock(f.def.body, func(block []ast.Stmt) {
		for i, st := range block {
			s, ok := st.(*ast.ImportFrom)
			if !ok || !f.importedModule(s) {
				continue
			}
			names := map[string]*binding{}
			for _, a := range s.Names {
				n := aliasName(a)
				if a.Name == "*" || names[n] != nil || !f.onlyUsedAfter(n, s, block[i+1:]) {
					names = nil
					break
				}
				names[n] = &binding{kind: bImportFrom, target: *s.Module, attr: a.Name, node: s}
			}
			for n, b := range names {
				f.imports[n] = b
			}
		}
	})
	return f.imports
}

// aliasName is the name an import alias binds.
func aliasName(a *ast.Alias) string {
	if a.Asname != nil {
		return *a.Asname
	}
	return a.Name
}

// importedModule reports an absolute import from a framework package or from a module
// this module imports at module level.
func (f *fn) importedModule(s *ast.ImportFrom) bool {
	if s.Level != 0 || s.Module == nil {
		return false
	}
	m := *s.Module
	if isFrameworkPackage(m) {
		return true
	}
	for _, b := range f.mi.binds {
		if (b.kind == bImport || b.kind == bImportFrom) && b.target == m {
			return true
		}
	}
	return false
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
