package codegen

import (
	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/ir/load"
	"github.com/covetpy/covetgen/parser/ast"
)

// findDef returns the def statement (*ast.FunctionDef or *ast.AsyncFunctionDef) a callable
// was lifted from: the one of its module at its position.
func findDef(prog *load.Program, c *ir.Callable) ast.Stmt {
	if prog == nil || c == nil {
		return nil
	}
	m := prog.Modules[c.Module]
	if m == nil || m.File == nil || m.File.Module == nil {
		return nil
	}
	var found ast.Stmt
	var walk func([]ast.Stmt)
	walk = func(body []ast.Stmt) {
		for _, s := range body {
			if found != nil {
				return
			}
			switch x := s.(type) {
			case *ast.FunctionDef:
				if x.Name == c.Name && m.Pos(x) == c.Pos {
					found = x
					return
				}
				walk(x.Body)
			case *ast.AsyncFunctionDef:
				if x.Name == c.Name && m.Pos(x) == c.Pos {
					found = x
					return
				}
				walk(x.Body)
			case *ast.ClassDef:
				walk(x.Body)
			case *ast.If:
				walk(x.Body)
				walk(x.Orelse)
			case *ast.Try:
				walk(x.Body)
				for _, h := range x.Handlers {
					walk(h.Body)
				}
				walk(x.Orelse)
				walk(x.Finalbody)
			}
		}
	}
	walk(m.File.Module.Body)
	return found
}
