package translate

import (
	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/ir/load"
	"github.com/covetpy/covetgen/parser/ast"
)

// LambdaDef returns a def standing for the lambda written at pos in module (an endpoint
// or dependency given as `lambda: {...}`): named "<lambda>", with the lambda's parameters
// and a body returning its expression, at the lambda's position (DefKey). Calling the
// def is calling the lambda. nil when no lambda starts there.
func LambdaDef(prog *load.Program, module string, pos ir.Pos) ast.Stmt {
	if prog == nil {
		return nil
	}
	m := prog.Modules[module]
	if m == nil || m.File == nil || m.File.Module == nil || m.Rel != pos.File {
		return nil
	}
	var found *ast.Lambda
	for _, st := range m.File.Module.Body {
		eachNode(st, func(x any) bool {
			if l, ok := x.(*ast.Lambda); ok && found == nil && l.Lineno == pos.Line && l.ColOffset+1 == pos.Col {
				found = l
			}
			return found == nil
		})
		if found != nil {
			break
		}
	}
	if found == nil {
		return nil
	}
	args := found.Args
	if args == nil {
		args = &ast.Arguments{}
	}
	return &ast.FunctionDef{Name: "<lambda>", Args: args, Body: []ast.Stmt{&ast.Return{Value: found.Body, Span: found.Span}},
		Span: found.Span}
}

// IsGeneratorDef reports whether def's own body yields (a generator function; yields in
// nested defs, lambdas and classes do not count).
func IsGeneratorDef(def ast.Stmt) bool {
	d := asDef(def)
	if d == nil {
		return false
	}
	yields := false
	for _, st := range d.body {
		eachNode(st, func(x any) bool {
			switch x.(type) {
			case *ast.FunctionDef, *ast.AsyncFunctionDef, *ast.ClassDef, *ast.Lambda:
				return false
			case *ast.Yield, *ast.YieldFrom:
				yields = true
			}
			return !yields
		})
	}
	return yields
}
