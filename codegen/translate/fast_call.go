package translate

import (
	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/parser/ast"
)

// Calls of builtins in the typed fast path (fast.go): len, min, max, sum, abs, round,
// float and list. Any other call leaves the subset.

func (x *fastFn) call(c *ast.Call) (jen.Code, fkind) {
	if len(c.Keywords) > 0 {
		x.out("call with keywords")
	}
	for _, a := range c.Args {
		if _, star := a.(*ast.Starred); star {
			x.out("call with *args")
		}
	}
	n, ok := c.Func.(*ast.Name)
	if !ok || !x.isBuiltin(n, n.Id) {
		x.out("call of a non-builtin")
	}
	args := c.Args
	switch {
	case n.Id == "len" && len(args) == 1:
		a, k := x.expr(args[0])
		if k != fkStr && !k.isList() {
			x.out("len of %v", k)
		}
		return jen.Int64().Call(jen.Len(a)), fkInt
	case (n.Id == "min" || n.Id == "max") && len(args) >= 2:
		return x.minMax(n.Id, args)
	case n.Id == "sum" && len(args) == 1:
		a, k := x.expr(args[0])
		if k != fkListInt {
			x.out("sum of %v", k)
		}
		return x.checked("SumInt", a), fkInt
	case n.Id == "abs" && len(args) == 1:
		a, k := x.expr(args[0])
		switch k {
		case fkInt:
			return x.checked("Abs", a), fkInt
		case fkFloat:
			return jen.Qual("math", "Abs").Call(a), fkFloat
		}
	case n.Id == "round" && len(args) == 2:
		a, k := x.expr(args[0])
		d, dk := x.expr(args[1])
		if k == fkFloat && dk == fkInt {
			return x.checked("Round", a, d), fkFloat
		}
	case n.Id == "float" && len(args) == 1:
		a, k := x.expr(args[0])
		if k == fkInt || k == fkFloat {
			return toFloat(a, k), fkFloat
		}
	case n.Id == "list" && len(args) == 1:
		if rargs, isRange := x.rangeArgs(args[0]); isRange {
			start, stop, step := x.rangeBounds(rargs)
			if start == nil {
				panic(fastUnknown{})
			}
			return x.checked("RangeList", start, stop, step), fkListInt
		}
		a, k := x.expr(args[0])
		if k.isList() {
			return jen.Qual("slices", "Clone").Call(a), k
		}
	}
	x.out("call of %s", n.Id)
	return nil, fkUnknown
}

// minMax is min(a, b, ...) or max(a, b, ...) of ints or of floats: the first of the
// smallest (largest), as CPython compares them (so NaN and -0.0 fare as there).
func (x *fastFn) minMax(fn string, args []ast.Expr) (jen.Code, fkind) {
	var vals []jen.Code
	var k fkind
	for i, a := range args {
		c, ak := x.expr(a)
		if i > 0 && ak != k || ak != fkInt && ak != fkFloat {
			x.out("%s of %v", fn, ak)
		}
		k = ak
		vals = append(vals, x.temp(c))
	}
	if k == fkInt {
		return jen.Id(fn).Call(vals...), fkInt
	}
	op := "<"
	if fn == "max" {
		op = ">"
	}
	res := x.newTmp()
	x.emit(jen.Id(res).Op(":=").Add(vals[0]))
	for _, v := range vals[1:] {
		x.emit(jen.If(jen.Add(v).Op(op).Id(res)).Block(jen.Id(res).Op("=").Add(v)))
	}
	return jen.Id(res), fkFloat
}
