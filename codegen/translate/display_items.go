package translate

import "github.com/covetpy/covetgen/parser/ast"

// displayItems calls leaf for each item of the list, tuple and dict displays e is built
// of, nested ones walked in turn (a dict's values, not its keys), and for e itself when
// it is no such display: the places of a returned display whose value is encoded
// item by item (set.go, extvals.go).
func displayItems(e ast.Expr, leaf func(ast.Expr)) {
	switch x := e.(type) {
	case *ast.Dict:
		for _, v := range x.Values {
			displayItems(v, leaf)
		}
	case *ast.List:
		for _, v := range x.Elts {
			displayItems(v, leaf)
		}
	case *ast.Tuple:
		for _, v := range x.Elts {
			displayItems(v, leaf)
		}
	default:
		leaf(e)
	}
}
