package translate

import (
	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
	jen "github.com/dave/jennifer/jen"
)

// tupleKey compiles key=lambda x: (e1, ..., en) (no starred item) to a pyval.TupleKeyFunc
// storing the n items in the slice it is given: sorted() then keeps every item's key in
// one flat slice instead of a tuple per item (pyval.SortedTupleKey). ok is false for any
// other key, which keyFunc compiles.
func (f *fn) tupleKey(e ast.Expr, itemT *ir.Type) (jen.Code, int, bool) {
	lam, ok := e.(*ast.Lambda)
	if !ok || lam.Args == nil {
		return nil, 0, false
	}
	a := lam.Args
	if a.Vararg != nil || a.Kwarg != nil || len(a.Kwonlyargs) > 0 || len(a.Defaults) > 0 ||
		len(a.Posonlyargs) > 0 || len(a.Args) != 1 || a.Args[0] == nil {
		return nil, 0, false
	}
	tup, ok := lam.Body.(*ast.Tuple)
	if !ok || len(tup.Elts) == 0 {
		return nil, 0, false
	}
	for _, el := range tup.Elts {
		if _, starred := el.(*ast.Starred); starred {
			return nil, 0, false
		}
	}
	param, keys := f.newTmp(), f.newTmp()
	code := f.keyBody(param, a.Args[0].Arg, itemT, func() {
		vs := f.seq(tup.Elts, f.value)
		for i, v := range vs {
			f.emit(jen.Id(keys).Index(jen.Lit(i)).Op("=").Add(v.code))
		}
		f.emit(jen.Return(jen.Nil(), jen.Nil()))
	})
	fn := jen.Func().Params(jen.Id(param).Qual(pyvalPkg, "Value"), jen.Id(keys).Index().Qual(pyvalPkg, "Value")).Params(jen.Qual(pyvalPkg, "Value"), jen.Error()).Block(code...)
	return fn, len(tup.Elts), true
}
