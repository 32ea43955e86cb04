package translate

import (
	"fmt"

	"github.com/covetpy/covetgen/parser/ast"
)

// exprName describes an expression in a diagnostic.
func exprName(e ast.Expr) string {
	switch x := e.(type) {
	case nil:
		return "missing expression"
	case *ast.Name:
		return x.Id
	case *ast.Attribute:
		return exprName(x.Value) + "." + x.Attr
	case *ast.Call:
		return exprName(x.Func) + "()"
	case *ast.Subscript:
		return exprName(x.Value) + "[...]"
	case *ast.Constant:
		return constName(x.Value)
	case *ast.Lambda:
		return "lambda"
	case *ast.ListComp:
		return "list comprehension"
	case *ast.SetComp:
		return "set comprehension"
	case *ast.DictComp:
		return "dict comprehension"
	case *ast.GeneratorExp:
		return "generator expression"
	case *ast.Yield, *ast.YieldFrom:
		return "yield"
	case *ast.NamedExpr:
		return "assignment expression (:=)"
	case *ast.Set:
		return "set display"
	case *ast.Starred:
		return "starred expression"
	case *ast.Slice:
		return "slice"
	case *ast.Await:
		return "await " + exprName(x.Value)
	case *ast.JoinedStr, *ast.FormattedValue:
		return "f-string"
	case *ast.List:
		return "list display"
	case *ast.Tuple:
		return "tuple display"
	case *ast.Dict:
		return "dict display"
	case *ast.BinOp, *ast.UnaryOp, *ast.BoolOp, *ast.Compare, *ast.IfExp:
		return "expression"
	}
	return fmt.Sprintf("expression %T", e)
}

// constName describes a constant the subset does not hold.
func constName(v ast.Value) string {
	switch v.(type) {
	case ast.Complex:
		return "complex literal"
	case ast.EllipsisValue:
		return "Ellipsis"
	case nil:
		return "missing constant"
	}
	return v.Repr()
}
