package translate

// ord(c), and map(fn, iterable) as the argument of a consumer (sum, min, max, any, all,
// sorted, list, tuple): the consumer of the generator (fn(x) for x in iterable), which
// Python evaluates the same way — the iterable's iterator is taken first, then fn is
// called on each item, lazily, as the consumer pulls them. fn must be a name bound to a
// builtin function or a (non-async) app function, so evaluating it has no effect.

import (
	"github.com/covetpy/covetgen/parser/ast"
)

// mapConsumers are the builtins whose single iterable argument may be a map().
var mapConsumers = map[string]bool{"sum": true, "min": true, "max": true, "any": true, "all": true,
	"sorted": true, "list": true, "tuple": true}

// mapOrdCall compiles ord() and consumers of map(); ok false leaves c to builtinCall.
func (f *fn) mapOrdCall(name string, c *ast.Call) (val, bool) {
	switch {
	case name == "ord":
		if len(c.Args) != 1 || len(c.Keywords) != 0 {
			f.refuse(c, "call of ord with other than one positional argument")
		}
		if _, ok := c.Args[0].(*ast.Starred); ok {
			f.refuse(c, "call with *arguments")
		}
		as := f.seq(c.Args, f.value)
		return f.callVal(q("Ord").Call(as[0].code), kindValue, intType), true
	case name == "map":
		f.refuse(c, "map() outside sum(), min(), max(), any(), all(), sorted(), list() or tuple()")
	case mapConsumers[name] && len(c.Args) >= 1:
		m, ok := c.Args[0].(*ast.Call)
		if !ok || f.builtinName(m.Func) != "map" {
			return val{}, false
		}
		if len(m.Args) != 2 || len(m.Keywords) != 0 {
			f.refuse(m, "map() with other than a function and one iterable")
		}
		fn, ok := m.Args[0].(*ast.Name)
		if !ok || f.locals[fn.Id] != nil {
			f.refuse(m.Args[0], "map() of %s (only a builtin or app function name)", exprName(m.Args[0]))
		}
		if _, local := f.compVars[fn.Id]; local {
			f.refuse(m.Args[0], "map() of %s (only a builtin or app function name)", fn.Id)
		}
		g, ok := f.lookupGlobal(fn)
		if !ok || !(g.kind == gBuiltin && builtinFuncs[g.name] || g.kind == gFunc && g.def != nil && !g.def.isAsync && g.ctor == nil && g.self == nil) {
			f.refuse(m.Args[0], "map() of %s (only a builtin or app function name)", fn.Id)
		}
		sp := m.Span
		item := &ast.Name{Id: " item", Ctx: ast.Load, Span: sp}
		gen := &ast.GeneratorExp{
			Elt: &ast.Call{Func: fn, Args: []ast.Expr{item}, Span: sp},
			Generators: []*ast.Comprehension{{
				Target: &ast.Name{Id: " item", Ctx: ast.Store, Span: sp},
				Iter:   m.Args[1],
			}},
			Span: sp,
		}
		rewritten := *c
		rewritten.Args = append([]ast.Expr{gen}, c.Args[1:]...)
		return f.builtinCall(name, &rewritten), true
	}
	return val{}, false
}
