package codegen

import (
	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/ir/load"
	"github.com/covetpy/covetgen/parser/ast"
)

// findDef returns the def statement (*ast.FunctionDef or *ast.AsyncFunctionDef) a callable
// was lifted from: the one of its module at its position.
func findDef(prog *load.Program, c *ir.Callable) ast.Stmt { return findDefIn(prog, c, false) }

// findDefIn is findDef; moduleLevel finds only a def of the module itself or of a class
// at module level (one that module:QualName names), not one nested in a function.
func findDefIn(prog *load.Program, c *ir.Callable, moduleLevel bool) ast.Stmt {
	if prog == nil || c == nil {
		return nil
	}
	m := prog.Modules[c.Module]
	if m == nil || m.File == nil || m.File.Module == nil {
		return nil
	}
	var found ast.Stmt
	var walk func(body []ast.Stmt, inClass bool)
	walk = func(body []ast.Stmt, inClass bool) {
		for _, s := range body {
			if found != nil {
				return
			}
			var name string
			var inner []ast.Stmt
			switch x := s.(type) {
			case *ast.FunctionDef:
				name, inner = x.Name, x.Body
			case *ast.AsyncFunctionDef:
				name, inner = x.Name, x.Body
			case *ast.ClassDef:
				if !moduleLevel || !inClass {
					walk(x.Body, true)
				}
				continue
			case *ast.If:
				walk(x.Body, inClass)
				walk(x.Orelse, inClass)
				continue
			case *ast.Try:
				walk(x.Body, inClass)
				for _, h := range x.Handlers {
					walk(h.Body, inClass)
				}
				walk(x.Orelse, inClass)
				walk(x.Finalbody, inClass)
				continue
			default:
				continue
			}
			if name == c.Name && m.Pos(s) == c.Pos {
				found = s
				return
			}
			if !moduleLevel {
				walk(inner, inClass)
			}
		}
	}
	walk(m.File.Module.Body, false)
	return found
}
