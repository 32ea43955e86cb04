package translate

import (
	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/parser/ast"
)

// Counted range() loops. `for x in range(a, b, c)` (and a comprehension's `for x in
// range(...)`) iterates a pyval.RangeCounter, a plain struct local whose Next hands out the
// ints (pre-boxed when small), instead of an Iterator closure behind pyval.Iter: the
// arguments are evaluated and checked once, in order, as range() does, and the loop is
// emitted by loopOver like any other.

// kindCounter marks a val holding a pyval.RangeCounter: only loopOver consumes it.
const kindCounter goKind = 100

// rangeCounter compiles e into a pyval.RangeCounter when it is a call of the builtin
// range() with one to three positional arguments (anything else: ok is false).
func (f *fn) rangeCounter(e ast.Expr) (val, bool) {
	c, isCall := e.(*ast.Call)
	if !isCall || len(c.Args) < 1 || len(c.Args) > 3 || len(c.Keywords) > 0 || f.builtinName(c.Func) != "range" {
		return val{}, false
	}
	for _, a := range c.Args {
		if _, star := a.(*ast.Starred); star {
			return val{}, false
		}
	}
	as, _ := f.args(c, "range()")
	return f.callVal(q("CountRange").Call(codes(as)...), kindCounter, nil), true
}

// loopIterable is the iterable of a loop: a counter for range(), else f.iterable.
func (f *fn) loopIterable(e ast.Expr) val {
	if v, ok := f.rangeCounter(e); ok {
		return v
	}
	return f.iterable(e)
}

// loopNext emits what a loop over it needs before the loop (iter() of the iterable; a
// counter needs nothing) and returns the emitter of the fetch of the next item into item
// and ok, at the top of each iteration.
func (f *fn) loopNext(it val) func(item, ok string) {
	if it.kind == kindCounter {
		return func(item, ok string) {
			f.emit(jen.List(jen.Id(item), jen.Id(ok)).Op(":=").Id(it.tmp).Dot("Next").Call())
		}
	}
	iv := f.callVal(q("Iter").Call(it.code), kindValue, nil)
	return func(item, ok string) {
		f.emit(jen.List(jen.Id(item), jen.Id(ok), jen.Err()).Op(":=").Id(iv.tmp).Dot("Next").Call(), f.errCheck())
		f.blk.errDecl = true
	}
}
