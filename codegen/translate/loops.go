package translate

import (
	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
	"github.com/covetpy/covetgen/runtime/pyval"
)

// Loops, comprehensions, iteration builtins, sorted / min / max with key= and lambdas.
//
// A for loop is `it := pyval.Iter(x); L: for { item, ok, err := it.Next(); if !ok {
// <else>; break L }; <target> = item; <body> }`: break and continue name their loop's
// label, so that the else block (run on exhaustion only) and nested loops need no flags.
// Over range(...) the loop (or comprehension) walks a pyval.RangeCounter instead of an
// iterator: `item, ok := counter.Next()` (rangeloop.go).
// Comprehensions are the same loops in a nested Go block, their variables Go locals of
// that block (Python 3 scoping: the first iterable is evaluated outside). A generator
// expression is accepted only where Python consumes it at once (list(), sorted(), sum(),
// any()... "".join()): any() and all() stop at the first decisive item, the others
// collect the items first. Lambdas are accepted only as key= functions.

// iterBuiltins are the builtins yielding iterators: accepted only where iterated.
var iterBuiltins = map[string]bool{"range": true, "enumerate": true, "zip": true, "reversed": true}

// consumers take one iterable argument that a generator expression may fill.
var consumers = map[string]bool{"list": true, "tuple": true, "sum": true, "min": true, "max": true,
	"sorted": true, "any": true, "all": true}

func init() {
	for _, n := range []string{"sorted", "any", "all", "range", "enumerate", "zip", "reversed"} {
		builtinFuncs[n] = true
	}
}

func (f *fn) newLabel() string { return "_L" + f.newTmp()[2:] }

func (f *fn) brk(label string) *jen.Statement {
	f.usedLabels[label] = true
	f.brokenLabels[label] = true
	return jen.Break().Id(label)
}

func (f *fn) cont(label string) *jen.Statement {
	f.usedLabels[label] = true
	return jen.Continue().Id(label)
}

// emitLoop emits `label: for { code }`, the label only when a break or continue uses it.
func (f *fn) emitLoop(label string, code []jen.Code) {
	if f.usedLabels[label] {
		f.emit(jen.Id(label).Op(":"))
	}
	f.emit(jen.For().Block(code...))
	f.loopDead = !f.brokenLabels[label] // no way out but return: what follows never runs
}

// loopBound lists the names a loop may bind (target and body).
func loopBound(target ast.Expr, blocks ...[]ast.Stmt) []string {
	var out []string
	if target != nil {
		out = boundNames(target)
	}
	for _, b := range blocks {
		for _, st := range b {
			out = append(out, StmtBoundNames(st)...)
		}
	}
	return out
}

// loopState makes the types of the names a loop binds unknown (they may come from a
// previous iteration) and returns a function restoring the definite assignments of
// before the loop (the body may run zero times).
func (f *fn) loopState(names []string) func() {
	for _, n := range names {
		if _, ok := f.types[n]; ok || f.locals[n] != nil {
			f.types[n] = nil
		}
	}
	pre := copySet(f.assigned)
	return func() {
		f.assigned = pre
		for _, n := range names {
			if f.locals[n] != nil {
				f.types[n] = nil
			}
		}
		f.dead = f.loopDead
	}
}

// loopOver emits the iteration of it under label: bind receives each item, body
// follows, orelse (nil: none) runs when the iterator is exhausted.
func (f *fn) loopOver(it val, label string, bind func(item *jen.Statement), body func(), orelse func()) {
	next := f.loopNext(it) // rangeloop.go
	f.push()
	item, ok := f.newTmp(), f.newTmp()
	next(item, ok)
	f.push()
	f.dead = false
	if orelse != nil {
		orelse()
	}
	if !f.dead {
		f.emit(f.brk(label))
	}
	f.dead = false
	ex := f.pop()
	f.emit(jen.If(jen.Op("!").Id(ok)).Block(ex...))
	bind(jen.Id(item))
	body()
	code := f.pop()
	f.emitLoop(label, code)
	f.dead = f.loopDead
}

func (f *fn) forStmt(s *ast.For) {
	it := f.loopIterable(s.Iter)
	if !it.atomic {
		it = f.hoist(it)
	}
	restore := f.loopState(loopBound(s.Target, s.Body, s.Orelse))
	label := f.newLabel()
	var orelse func()
	if len(s.Orelse) > 0 {
		orelse = func() { f.stmts(s.Orelse) }
	}
	f.loops = append(f.loops, label)
	f.loopOver(it, label, func(item *jen.Statement) {
		f.store(s.Target, val{code: item, atomic: true, typ: iterItemType(it.typ)})
	}, func() {
		f.stmts(s.Body)
	}, func() {
		if orelse != nil {
			f.loops = f.loops[:len(f.loops)-1] // break in else belongs to the outer loop
			orelse()
			f.loops = append(f.loops, label)
		}
	})
	f.loops = f.loops[:len(f.loops)-1]
	restore()
}

func (f *fn) whileStmt(s *ast.While) {
	restore := f.loopState(loopBound(nil, s.Body, s.Orelse))
	label := f.newLabel()
	f.push()
	if !isConstTrue(s.Test) {
		c := f.cond(s.Test)
		f.push()
		f.stmts(s.Orelse)
		if !f.dead {
			f.emit(f.brk(label))
		}
		f.dead = false
		ex := f.pop()
		f.emit(jen.If(jen.Op("!").Parens(c)).Block(ex...))
	}
	f.loops = append(f.loops, label)
	f.stmts(s.Body)
	f.loops = f.loops[:len(f.loops)-1]
	code := f.pop()
	f.emitLoop(label, code)
	restore()
}

func (f *fn) jump(st ast.Stmt, brk bool) {
	if len(f.loops) == 0 {
		f.refuse(st, "%s outside a loop", stmtName(st))
	}
	label := f.loops[len(f.loops)-1]
	if brk {
		f.emit(f.brk(label))
	} else {
		f.emit(f.cont(label))
	}
	f.dead = true
}

func isConstTrue(e ast.Expr) bool {
	if c, ok := e.(*ast.Constant); ok {
		if v, ok := literal(c.Value); ok {
			return pyval.Truthy(v)
		}
	}
	return false
}

// iterable compiles an expression that is only iterated: generator expressions and the
// iterator builtins are accepted here.
func (f *fn) iterable(e ast.Expr) val {
	switch x := e.(type) {
	case *ast.GeneratorExp:
		return f.listComp(x.Elt, x.Generators)
	case *ast.Call:
		if v, ok := f.iterCall(x); ok {
			return v
		}
	case *ast.Name:
		if v, ok := f.enumIterable(x); ok { // enumiter.go
			return v
		}
	}
	return f.value(e)
}

func (f *fn) builtinName(e ast.Expr) string {
	if n, ok := e.(*ast.Name); ok {
		if _, local := f.compVars[n.Id]; local {
			return ""
		}
		if g, ok := f.lookupGlobal(n); ok && g.kind == gBuiltin {
			return g.name
		}
	}
	return ""
}

// iterCall compiles range(), enumerate(), zip(), reversed(), d.items(), d.keys() and
// d.values() to iterators.
func (f *fn) iterCall(c *ast.Call) (val, bool) {
	if v, ok := f.reqIterCall(c); ok { // upload.go
		return v, true
	}
	if at, ok := c.Func.(*ast.Attribute); ok && (at.Attr == "items" || at.Attr == "keys" || at.Attr == "values") {
		if len(c.Args) > 0 || len(c.Keywords) > 0 {
			f.refuse(c, "%s() with arguments", at.Attr)
		}
		recv := f.value(at.Value)
		fname := map[string]string{"items": "DictItems", "keys": "DictKeys", "values": "DictValues"}[at.Attr]
		var t *ir.Type
		if rt := recv.typ; rt != nil && rt.Kind == ir.KindDict && len(rt.Args) == 2 {
			switch at.Attr {
			case "keys":
				t = &ir.Type{Kind: ir.KindList, Args: rt.Args[:1]}
			case "values":
				t = &ir.Type{Kind: ir.KindList, Args: rt.Args[1:]}
			}
		}
		return f.callVal(q(fname).Call(recv.code), kindValue, t), true
	}
	name := f.builtinName(c.Func)
	if !iterBuiltins[name] {
		return val{}, false
	}
	f.noStar(c)
	switch name {
	case "range":
		if len(c.Args) < 1 || len(c.Args) > 3 || len(c.Keywords) > 0 {
			f.refuse(c, "call of range with %d arguments", len(c.Args))
		}
		as, _ := f.args(c, "range()")
		return f.callVal(q("Range").Call(codes(as)...), kindValue, nil), true
	case "reversed":
		if len(c.Args) != 1 || len(c.Keywords) > 0 {
			f.refuse(c, "call of reversed with %d arguments", len(c.Args))
		}
		if rc, ok := c.Args[0].(*ast.Call); ok && f.builtinName(rc.Func) == "range" && len(rc.Args) >= 1 && len(rc.Args) <= 3 && len(rc.Keywords) == 0 {
			f.noStar(rc)
			as, _ := f.args(rc, "range()")
			return f.callVal(q("ReversedRange").Call(codes(as)...), kindValue, nil), true
		}
		as, _ := f.args(c, "reversed()")
		return f.callVal(q("Reversed").Call(as[0].code), kindValue, nil), true
	case "enumerate":
		if len(c.Args) < 1 || len(c.Args) > 2 {
			f.refuse(c, "call of enumerate with %d arguments", len(c.Args))
		}
		as, kw := f.consumerArgs(c, "enumerate()", "start")
		start := jen.Nil()
		if len(as) == 2 {
			start = as[1].code
		} else if s, ok := kw["start"]; ok {
			start = s.code
		}
		return f.callVal(q("Enumerate").Call(as[0].code, start), kindValue, nil), true
	case "zip":
		if len(c.Keywords) > 0 {
			f.refuse(c, "keyword argument %s of zip()", *c.Keywords[0].Arg)
		}
		vs := f.seq(c.Args, f.iterable)
		return f.callVal(q("Zip").Call(codes(vs)...), kindValue, nil), true
	}
	return val{}, false
}

func codes(vs []val) []jen.Code {
	out := make([]jen.Code, len(vs))
	for i, v := range vs {
		out[i] = v.code
	}
	return out
}

// consumerArgs is args with a sole positional argument compiled as an iterable.
func (f *fn) consumerArgs(c *ast.Call, what string, allowed ...string) ([]val, map[string]val) {
	f.noStar(c)
	exprs := append([]ast.Expr{}, c.Args...)
	var names []string
	for _, k := range c.Keywords {
		ok := false
		for _, a := range allowed {
			ok = ok || a == *k.Arg
		}
		if !ok {
			f.refuse(k, "keyword argument %s of %s", *k.Arg, what)
		}
		exprs = append(exprs, k.Value)
		names = append(names, *k.Arg)
	}
	var first ast.Expr
	if len(c.Args) > 0 {
		first = c.Args[0]
	}
	vs := f.seq(exprs, func(e ast.Expr) val {
		if e == first {
			return f.iterable(e)
		}
		return f.value(e)
	})
	kw := map[string]val{}
	for i, n := range names {
		kw[n] = vs[len(c.Args)+i]
	}
	return vs[:len(c.Args)], kw
}

// compLoops emits the loops of a comprehension's generators around inner, which gets
// the outermost loop's label.
func (f *fn) compLoops(gens []*ast.Comprehension, inner func(outer string)) {
	saved := f.compVars
	f.compVars = map[string]string{}
	for k, v := range saved {
		f.compVars[k] = v
	}
	savedNoFreeze := f.noFreeze
	var outer string
	var rec func(i int)
	rec = func(i int) {
		g := gens[i]
		if g == nil {
			return
		}
		if g.IsAsync != 0 {
			f.refuse(g.Iter, "async comprehension")
		}
		var it val
		if i == 0 && f.firstIter != nil {
			it, f.firstIter = *f.firstIter, nil
		} else if i == 0 {
			f.compVars = saved // the first iterable is evaluated in the enclosing scope
			it = f.loopIterable(g.Iter)
			f.compVars = map[string]string{}
			for k, v := range saved {
				f.compVars[k] = v
			}
		} else {
			it = f.loopIterable(g.Iter)
		}
		if !it.atomic {
			it = f.hoist(it)
		}
		label := f.newLabel()
		if i == 0 {
			outer = label
		}
		f.loopOver(it, label, func(item *jen.Statement) {
			f.compTarget(g.Target, item, iterItemType(it.typ))
		}, func() {
			for _, cond := range g.Ifs {
				c := f.cond(cond)
				f.emit(jen.If(jen.Op("!").Parens(c)).Block(f.cont(label)))
			}
			if i+1 < len(gens) {
				rec(i + 1)
			} else {
				f.noFreeze = true // each item is a new object, as in Python
				inner(outer)
				f.noFreeze = savedNoFreeze
			}
		}, nil)
	}
	f.push()
	rec(0)
	code := f.pop()
	f.emit(jen.Block(code...))
	f.compVars = saved
}

// compTarget binds a comprehension variable (a Go local of the loop body).
func (f *fn) compTarget(t ast.Expr, item *jen.Statement, typ *ir.Type) {
	switch x := t.(type) {
	case *ast.Name:
		g := f.newTmp()
		f.emit(jen.Id(g).Op(":=").Add(item), jen.Id("_").Op("=").Id(g))
		f.compVars[x.Id] = g
		if typ != nil {
			f.compTypes[g] = typ
		}
	case *ast.Tuple, *ast.List:
		elts := displayElts(x)
		if elts == nil && len(boundNames(x)) > 0 {
			f.refuse(x, "starred assignment target")
		}
		items := f.callVal(q("Unpack").Call(item, jen.Lit(len(elts))), kindItems, nil)
		for i, e := range elts {
			f.compTarget(e, jen.Id(items.tmp).Index(jen.Lit(i)), nil)
		}
	default:
		f.refuse(t, "comprehension target %s", exprName(t))
	}
}

func (f *fn) listComp(elt ast.Expr, gens []*ast.Comprehension) val {
	res := f.newTmp()
	f.emit(jen.Id(res).Op(":=").Qual(pyvalPkg, "NewList").Call())
	var et *ir.Type
	first := true
	f.compLoops(gens, func(string) {
		v := f.value(elt)
		if first {
			et, first = v.typ, false
		}
		f.emit(jen.Id(res).Dot("Items").Op("=").Append(jen.Id(res).Dot("Items"), v.code))
	})
	return val{code: jen.Id(res), atomic: true, typ: listOf(et)}
}

func (f *fn) dictComp(x *ast.DictComp) val {
	res := f.newTmp()
	f.emit(jen.Id(res).Op(":=").Qual(pyvalPkg, "DictOf").Call())
	f.compLoops(x.Generators, func(string) {
		vs := f.seq([]ast.Expr{x.Key, x.Value}, f.value)
		f.errOnly(jen.Id(res).Dot("Set").Call(vs[0].code, vs[1].code))
	})
	return val{code: jen.Id(res), atomic: true, typ: dictType}
}

// anyAll is any(genexp) / all(genexp), stopping at the first decisive item.
func (f *fn) anyAll(name string, g *ast.GeneratorExp) val {
	r := f.newTmp()
	f.emit(jen.Id(r).Op(":=").Lit(name == "all"))
	f.compLoops(g.Generators, func(outer string) {
		c := f.cond(g.Elt)
		if name == "all" {
			c = jen.Op("!").Parens(c)
		}
		f.emit(jen.If(c).Block(jen.Id(r).Op("=").Lit(name == "any"), f.brk(outer)))
	})
	return val{code: jen.Id(r), kind: kindBool, atomic: true, typ: boolType}
}

// keyFunc compiles a key= argument (a lambda of one parameter, None, or any callable
// name the subset can call) to a pyval.KeyFunc.
func (f *fn) keyFunc(e ast.Expr, itemT *ir.Type) jen.Code {
	if c, ok := e.(*ast.Constant); ok {
		if v, ok := literal(c.Value); ok && pyval.IsNone(v) {
			return jen.Nil()
		}
	}
	param := f.newTmp()
	var pyName string
	var body ast.Expr
	if lam, ok := e.(*ast.Lambda); ok {
		a := lam.Args
		if a == nil || a.Vararg != nil || a.Kwarg != nil || len(a.Kwonlyargs) > 0 || len(a.Defaults) > 0 ||
			len(a.Posonlyargs)+len(a.Args) != 1 {
			f.refuse(e, "lambda with other than one plain parameter")
		}
		p := append(append([]*ast.Arg{}, a.Posonlyargs...), a.Args...)[0]
		pyName, body = p.Arg, lam.Body
	} else {
		pyName = " key"
		sp := ast.Span{}
		if s, ok := e.(ast.Spanned); ok && s.GetSpan() != nil {
			sp = *s.GetSpan()
		}
		body = &ast.Call{Func: e, Args: []ast.Expr{&ast.Name{Id: pyName, Ctx: ast.Load, Span: sp}}, Span: sp}
	}
	code := f.keyBody(param, pyName, itemT, func() {
		v := f.value(body)
		f.emit(jen.Return(v.code, jen.Nil()))
	})
	return jen.Func().Params(jen.Id(param).Qual(pyvalPkg, "Value")).Params(jen.Qual(pyvalPkg, "Value"), jen.Error()).Block(code...)
}

// keyBody returns the statements emit writes for the body of a key function whose
// parameter pyName is the Go name param (of type itemT when known): a Go closure, so its
// errors are returned.
func (f *fn) keyBody(param, pyName string, itemT *ir.Type, emit func()) []jen.Code {
	saved := f.compVars
	f.compVars = map[string]string{}
	for k, v := range saved {
		f.compVars[k] = v
	}
	f.compVars[pyName] = param
	if itemT != nil {
		f.compTypes[param] = itemT
	}
	savedLoops, savedDead, savedExc := f.loops, f.dead, f.excStack
	f.loops, f.excStack = nil, nil
	f.push()
	emit()
	code := f.pop()
	f.compVars, f.loops, f.dead, f.excStack = saved, savedLoops, savedDead, savedExc
	return code
}

// iterBuiltin compiles sorted(), any(), all(), and min() / max() with key=; ok false
// leaves the call to builtinCall.
func (f *fn) iterBuiltin(name string, c *ast.Call) (val, bool) {
	nargs := len(c.Args)
	keyArg := func() ast.Expr {
		for _, k := range c.Keywords {
			if k != nil && k.Arg != nil && *k.Arg == "key" {
				return k.Value
			}
		}
		return nil
	}
	if (name == "sum" && nargs >= 1 || (name == "min" || name == "max") && nargs == 1) && len(c.Args) > 0 {
		if g, ok := c.Args[0].(*ast.GeneratorExp); ok && len(g.Generators) > 0 && g.Generators[0] != nil {
			return f.reduceGen(name, c, g), true
		}
	}
	switch name {
	case "range", "enumerate", "zip", "reversed":
		f.refuse(c, "%s() outside a for loop, comprehension or consumer", name)
	case "any", "all":
		if nargs != 1 || len(c.Keywords) > 0 {
			f.refuse(c, "call of %s with %d arguments", name, nargs)
		}
		if g, ok := c.Args[0].(*ast.GeneratorExp); ok {
			return f.anyAll(name, g), true
		}
		as, _ := f.consumerArgs(c, name+"()")
		fname := map[string]string{"any": "Any", "all": "All"}[name]
		return f.callVal(q(fname).Call(as[0].code), kindBool, boolType), true
	case "sorted":
		if nargs != 1 {
			f.refuse(c, "call of sorted with %d arguments", nargs)
		}
		key := keyArg()
		var keyCode jen.Code = jen.Nil()
		stripped := *c
		stripped.Keywords = nil
		for _, k := range c.Keywords {
			if k != nil && k.Arg != nil && *k.Arg == "key" {
				continue
			}
			stripped.Keywords = append(stripped.Keywords, k)
		}
		as, kw := f.consumerArgs(&stripped, "sorted()", "reverse")
		rev := jen.Nil()
		if r, ok := kw["reverse"]; ok {
			rev = r.code
		}
		if tk, n, ok := f.tupleKey(key, iterItemType(as[0].typ)); ok { // sortkey.go
			return f.callVal(q("SortedTupleKey").Call(as[0].code, jen.Lit(n), tk, rev), kindValue, listOf(iterItemType(as[0].typ))), true
		}
		if key != nil {
			keyCode = f.keyFunc(key, iterItemType(as[0].typ))
		}
		return f.callVal(q("Sorted").Call(as[0].code, keyCode, rev), kindValue, listOf(iterItemType(as[0].typ))), true
	case "min", "max":
		key := keyArg()
		if key == nil {
			return val{}, false
		}
		if nargs == 0 {
			f.refuse(c, "call of %s with 0 arguments", name)
		}
		stripped := *c
		stripped.Keywords = nil
		for _, k := range c.Keywords {
			if k != nil && k.Arg != nil && *k.Arg == "key" {
				continue
			}
			stripped.Keywords = append(stripped.Keywords, k)
		}
		var as []val
		var kw map[string]val
		if nargs == 1 {
			as, kw = f.consumerArgs(&stripped, name+"()", "default")
		} else {
			as, kw = f.args(&stripped, name+"()", "default")
		}
		var itemT *ir.Type
		if nargs == 1 {
			itemT = iterItemType(as[0].typ)
		}
		keyCode := f.keyFunc(key, itemT)
		def := jen.Nil()
		if d, ok := kw["default"]; ok {
			def = d.code
		}
		fname := map[string]string{"min": "MinKey", "max": "MaxKey"}[name]
		return f.callVal(q(fname).Call(jen.Index().Qual(pyvalPkg, "Value").Values(codes(as)...), keyCode, def), kindValue, nil), true
	}
	return val{}, false
}

// reduceGen is sum(genexp, start), min(genexp, key=, default=) or max(...): the
// generator's first iterable is evaluated (and iter() applied) first, as when Python
// creates the generator, then the other arguments; the items are folded as they come.
func (f *fn) reduceGen(name string, c *ast.Call, g *ast.GeneratorExp) val {
	f.noStar(c)
	first := f.iterable(g.Generators[0].Iter)
	it := f.callVal(q("Iter").Call(first.code), kindValue, first.typ)
	var key ast.Expr
	var rest []ast.Expr
	var names []string
	for _, k := range c.Keywords {
		switch {
		case *k.Arg == "key" && name != "sum":
			key = k.Value
		case *k.Arg == "default" && name != "sum", *k.Arg == "start" && name == "sum":
			rest = append(rest, k.Value)
			names = append(names, *k.Arg)
		default:
			f.refuse(k, "keyword argument %s of %s", *k.Arg, name)
		}
	}
	if name == "sum" && len(c.Args) > 2 {
		f.refuse(c, "call of sum with %d arguments", len(c.Args))
	}
	rest = append(append([]ast.Expr{}, c.Args[1:]...), rest...)
	if len(c.Args) == 2 {
		names = append([]string{"start"}, names...)
	}
	vs := f.seq(rest, f.value)
	extra := jen.Nil()
	for i, n := range names {
		if n == "start" || n == "default" {
			extra = vs[i].code
		}
	}
	var r val
	if name == "sum" {
		r = f.callVal(q("NewSum").Call(extra), kindValue, nil)
	} else {
		var keyCode jen.Code = jen.Nil()
		if key != nil {
			keyCode = f.keyFunc(key, iterItemType(first.typ))
		}
		t := f.newTmp()
		f.emit(jen.Id(t).Op(":=").Qual(pyvalPkg, "NewMinMax").Call(jen.Lit(name == "max"), keyCode, extra))
		r = val{code: jen.Id(t), atomic: true}
	}
	itv := val{code: it.code, atomic: true, typ: first.typ}
	f.firstIter = &itv
	var elts []*ir.Type
	f.compLoops(g.Generators, func(string) {
		v := f.value(g.Elt)
		elts = append(elts, v.typ)
		f.errOnly(r.code.Clone().Dot("Push").Call(v.code))
	})
	var rt *ir.Type
	if name == "sum" && len(rest) == 0 {
		rt = sumType(elts) // unvalidated_dataclass.go
	}
	return f.callVal(r.code.Clone().Dot("Result").Call(), kindValue, rt)
}

// iterItemType is the static type of the items iterating a value of type t yields.
func iterItemType(t *ir.Type) *ir.Type {
	if t == nil {
		return nil
	}
	switch t.Kind {
	case ir.KindList, ir.KindSet, ir.KindFrozenSet, ir.KindDict:
		if len(t.Args) >= 1 {
			return t.Args[0]
		}
	case ir.KindTuple:
		if t.Variadic && len(t.Args) == 1 {
			return t.Args[0]
		}
	}
	return nil
}

func listOf(t *ir.Type) *ir.Type {
	if t == nil {
		return listType
	}
	return &ir.Type{Kind: ir.KindList, Args: []*ir.Type{t}}
}
