package translate

// asyncio.gather and asyncio.wait_for in translated bodies.
//
// `await asyncio.gather(aw1, aw2, ...)` and `await asyncio.gather(*(h(x) for x in xs))`
// where every awaitable is either asyncio.sleep(delay[, result=r]) (constant delay) or a
// call of a translatable async app function h whose body has a simple suspension profile
// (coroProfile): no suspension point at all, or a first statement `await
// asyncio.sleep(<constant>)` and none after it. asyncio wraps each coroutine in a task,
// in argument order; a task runs until its first suspension point. With that profile
// every task reaches its (only) sleep before any runs further, and the sleeps, all of one
// delay, end in the order they began, so each body runs from its sleep to its end in
// argument order, one after the other — exactly what running the bodies one after the
// other does, whatever state they share. Coroutines of different profiles in one
// gather are refused (their interleaving would differ). Every coroutine runs to its end
// (asyncio does not cancel the others when one raises); the exception raised first
// propagates; the result is the list of results in argument order. The arguments of all
// the calls are evaluated first (the coroutine objects are built before gather runs any).
// return_exceptions other than a False literal is refused. The bodies' sleeps run one
// after the other, so the latency is the sum of their delays rather than the largest.
//
// `await asyncio.wait_for(h(...), timeout)`: h as above, timeout None or a positive
// constant larger than twice h's sleep (the rest of the body runs in microseconds), so
// the timeout cannot fire and the value is h's; other timeouts are refused.

import (
	"math"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
)

// asyncioCall compiles asyncio.gather() and asyncio.wait_for(); ok false for other calls.
func (f *fn) asyncioCall(c *ast.Call, await bool) (val, bool) {
	at, ok := c.Func.(*ast.Attribute)
	if !ok || f.stdlibModuleOf(at.Value) != "asyncio" {
		return val{}, false
	}
	switch at.Attr {
	case "gather":
		if !await {
			f.refuse(c, "asyncio.gather() not awaited")
		}
		return f.gather(c), true
	case "wait_for":
		if !await {
			f.refuse(c, "asyncio.wait_for() not awaited")
		}
		return f.waitFor(c), true
	}
	return val{}, false
}

// coroProfile reports whether d's body suspends only at a first statement `await
// asyncio.sleep(<constant>)` (delay its delay; sleeps false when it never suspends).
func (f *fn) coroProfile(g global) (delay float64, sleeps bool, ok bool) {
	body := g.def.body
	if len(body) > 0 && isDocstring(body[0]) {
		body = body[1:]
	}
	if len(body) > 0 {
		if es, isExpr := body[0].(*ast.ExprStmt); isExpr {
			if aw, isAw := es.Value.(*ast.Await); isAw {
				if d, isSleep := f.sleepConst(g.mi, g.def, aw.Value); isSleep {
					delay, sleeps, body = d, true, body[1:]
				}
			}
		}
	}
	suspends := false
	for _, s := range body {
		eachNode(s, func(n any) bool {
			switch x := n.(type) {
			case *ast.Await, *ast.AsyncFor, *ast.AsyncWith:
				suspends = true
			case *ast.Comprehension:
				suspends = suspends || x.IsAsync != 0
			case *ast.FunctionDef, *ast.AsyncFunctionDef, *ast.Lambda:
				return false // not run by the body itself
			}
			return !suspends
		})
	}
	return delay, sleeps, !suspends
}

// isDocstring reports whether s is a string-literal expression statement.
func isDocstring(s ast.Stmt) bool {
	es, ok := s.(*ast.ExprStmt)
	if !ok {
		return false
	}
	c, ok := es.Value.(*ast.Constant)
	if !ok {
		return false
	}
	_, ok = c.Value.(ast.Str)
	return ok
}

// sleepConst recognizes asyncio.sleep(<constant delay>) without a result in the body of
// def d of module mi: `asyncio` must name the module there (resolved at module level, and
// bound by no parameter, assignment or import of d).
func (f *fn) sleepConst(mi *modInfo, d *funcDef, e ast.Expr) (float64, bool) {
	c, ok := e.(*ast.Call)
	if !ok || len(c.Args) != 1 || len(c.Keywords) != 0 {
		return 0, false
	}
	at, ok := c.Func.(*ast.Attribute)
	if !ok || at.Attr != "sleep" {
		return 0, false
	}
	n, ok := at.Value.(*ast.Name)
	if !ok || bindsName(d, n.Id) {
		return 0, false
	}
	if g := f.u.resolveGlobal(mi, n.Id, f.app, 0); g.kind != gStdlibModule || g.name != "asyncio" {
		return 0, false
	}
	return constDelay(c.Args[0])
}

// bindsName reports whether def d binds name locally: a parameter, an assignment target,
// an import, a for / with / except target, a nested def or class.
func bindsName(d *funcDef, name string) bool {
	for _, p := range params(d) {
		if p != nil && p.Arg == name {
			return true
		}
	}
	if a := d.args; a != nil && (a.Vararg != nil && a.Vararg.Arg == name || a.Kwarg != nil && a.Kwarg.Arg == name) {
		return true
	}
	found := false
	for _, st := range d.body {
		eachNode(st, func(n any) bool {
			switch x := n.(type) {
			case *ast.Name:
				found = found || x.Id == name && x.Ctx != ast.Load
			case *ast.Alias:
				bound := x.Name
				if x.Asname != nil {
					bound = *x.Asname
				} else if i := strings.IndexByte(bound, '.'); i >= 0 {
					bound = bound[:i]
				}
				found = found || bound == name
			case *ast.FunctionDef:
				found = found || x.Name == name
			case *ast.AsyncFunctionDef:
				found = found || x.Name == name
			case *ast.ClassDef:
				found = found || x.Name == name
			case *ast.ExceptHandler:
				found = found || x.Name != nil && *x.Name == name
			}
			return !found
		})
	}
	return found
}

// asyncHelper resolves a call of an async app function with a simple profile.
func (f *fn) asyncHelper(c *ast.Call, what string) (global, float64, bool) {
	g, ok := f.lookupGlobal(c.Func)
	if !ok || g.kind != gFunc || g.def == nil || g.ctor != nil || g.self != nil || !g.def.isAsync {
		f.refuse(c, "%s of %s (not a call of an async app function)", what, exprName(c.Func))
	}
	d, sleeps, ok := f.coroProfile(g)
	if !ok {
		f.refuse(c, "%s of %s (it suspends elsewhere than at a first await asyncio.sleep(<constant>))", what, g.name)
	}
	return g, d, sleeps
}

// gatherItem is one awaitable of a gather: a sleep's result or a helper call.
type gatherItem struct {
	sleepResult jen.Code // asyncio.sleep(d, result=r): r (None without result)
	goName      string   // a helper: its Go func
	args        []string // its arguments, evaluated in phase one
	loopArgs    string   // a starred generator of calls: the [][]pyval.Value of their arguments
	nargs       int
}

func (f *fn) gather(c *ast.Call) val {
	for _, k := range c.Keywords {
		if k == nil || k.Arg == nil || *k.Arg != "return_exceptions" || !isFalse(k.Value) {
			f.refuse(c, "asyncio.gather() with keyword arguments other than return_exceptions=False")
		}
	}
	var items []gatherItem
	var resT *ir.Type
	first, typeSet, delay0 := true, false, 0.0
	profile := func(n ast.Node, d float64, sleeps bool) {
		if first {
			typeSet, first, delay0 = sleeps, false, d
			return
		}
		if sleeps != typeSet || d != delay0 {
			f.refuse(n, "asyncio.gather() of coroutines that suspend differently (their interleaving would show)")
		}
	}
	noteType := func(t *ir.Type, n int) {
		if n == 0 {
			resT = t
		} else if !sameType(resT, t) {
			resT = nil
		}
	}
	maxSleep := 0.0
	for i, a := range c.Args {
		switch x := a.(type) {
		case *ast.Starred:
			gen, ok := x.Value.(*ast.GeneratorExp)
			if !ok {
				f.refuse(a, "asyncio.gather(*%s) (only a generator expression of calls)", exprName(x.Value))
			}
			call, ok := gen.Elt.(*ast.Call)
			if !ok {
				f.refuse(gen.Elt, "asyncio.gather() of %s (not a call of an async app function)", exprName(gen.Elt))
			}
			g, d, sleeps := f.asyncHelper(call, "asyncio.gather()")
			profile(call, d, sleeps)
			lst := f.newTmp()
			f.emit(jen.Id(lst).Op(":=").Index().Index().Qual(pyvalPkg, "Value").Values())
			var goName string
			var n int
			f.compLoops(gen.Generators, func(string) {
				name, args := f.helperArgs(g, call, true)
				goName, n = name, len(args)
				f.emit(jen.Id(lst).Op("=").Append(jen.Id(lst), jen.Index().Qual(pyvalPkg, "Value").Values(args...)))
			})
			noteType(f.u.helpers[g.module+"."+g.def.name].result, i)
			items = append(items, gatherItem{goName: goName, loopArgs: lst, nargs: n})
		case *ast.Call:
			if d, r, ok := f.sleepItem(x); ok {
				if d > maxSleep {
					maxSleep = d
				}
				items = append(items, gatherItem{sleepResult: r.code})
				noteType(r.typ, i)
				continue
			}
			g, d, sleeps := f.asyncHelper(x, "asyncio.gather()")
			profile(x, d, sleeps)
			name, args := f.helperArgs(g, x, true)
			it := gatherItem{goName: name}
			for _, arg := range args {
				t := f.newTmp()
				f.emit(jen.Id(t).Op(":=").Add(arg))
				it.args = append(it.args, t)
			}
			noteType(f.u.helpers[g.module+"."+g.def.name].result, i)
			items = append(items, it)
		default:
			f.refuse(a, "asyncio.gather() of %s", exprName(a))
		}
	}
	if maxSleep > 0 {
		f.emit(jen.Qual("time", "Sleep").Call(jen.Qual("time", "Duration").Call(jen.Lit(durationNanos(maxSleep)))))
	}
	res, firstErr := f.newTmp(), f.newTmp()
	f.emit(jen.Id(res).Op(":=").Qual(pyvalPkg, "NewList").Call(), jen.Var().Id(firstErr).Error())
	run := func(goName string, args []jen.Code) []jen.Code {
		r, e := f.newTmp(), f.newTmp()
		return []jen.Code{
			jen.List(jen.Id(r), jen.Id(e)).Op(":=").Id(goName).Call(args...),
			jen.If(jen.Id(e).Op("!=").Nil().Op("&&").Id(firstErr).Op("==").Nil()).Block(jen.Id(firstErr).Op("=").Id(e)),
			jen.Id(res).Dot("Items").Op("=").Append(jen.Id(res).Dot("Items"), jen.Id(r)),
		}
	}
	for _, it := range items {
		switch {
		case it.sleepResult != nil:
			f.emit(jen.Id(res).Dot("Items").Op("=").Append(jen.Id(res).Dot("Items"), it.sleepResult))
		case it.loopArgs != "":
			if it.goName == "" {
				continue // the generator's loop body was never compiled: no call
			}
			a := f.newTmp()
			args := make([]jen.Code, it.nargs)
			for i := range args {
				args[i] = jen.Id(a).Index(jen.Lit(i))
			}
			f.emit(jen.For(jen.List(jen.Id("_"), jen.Id(a)).Op(":=").Range().Id(it.loopArgs)).Block(run(it.goName, args)...))
		default:
			args := make([]jen.Code, len(it.args))
			for i, t := range it.args {
				args[i] = jen.Id(t)
			}
			f.emit(run(it.goName, args)...)
		}
	}
	f.emit(jen.If(jen.Id(firstErr).Op("!=").Nil()).Block(f.raiseTo(jen.Id(firstErr))...))
	if len(items) == 0 {
		resT = nil
	}
	return val{code: jen.Id(res), atomic: true, typ: listOf(resT)}
}

// sleepItem recognizes asyncio.sleep(<constant delay>[, result=r]) as a gather argument;
// r is evaluated now, as Python evaluates it when the call is made.
func (f *fn) sleepItem(c *ast.Call) (float64, val, bool) {
	at, ok := c.Func.(*ast.Attribute)
	if !ok || at.Attr != "sleep" || f.stdlibModuleOf(at.Value) != "asyncio" {
		return 0, val{}, false
	}
	var delay, result ast.Expr
	if len(c.Args) > 2 {
		f.refuse(c, "asyncio.sleep() with more than two arguments")
	}
	if len(c.Args) > 0 {
		delay = c.Args[0]
	}
	if len(c.Args) > 1 {
		result = c.Args[1]
	}
	for _, k := range c.Keywords {
		switch {
		case k == nil || k.Arg == nil:
			f.refuse(c, "asyncio.sleep(**kwargs)")
		case *k.Arg == "delay" && delay == nil:
			delay = k.Value
		case *k.Arg == "result" && result == nil:
			result = k.Value
		default:
			f.refuse(k, "asyncio.sleep() with argument %s", *k.Arg)
		}
	}
	if delay == nil {
		f.refuse(c, "asyncio.sleep() without a delay")
	}
	d, ok := constDelay(delay)
	if !ok {
		f.refuse(delay, "asyncio.sleep() of a delay that is not an int or float literal")
	}
	if result == nil {
		return d, val{code: q("None"), atomic: true, typ: noneType}, true
	}
	r := f.value(result)
	if !r.atomic {
		r = f.hoist(r)
	}
	return d, r, true
}

// waitFor compiles await asyncio.wait_for(h(...), timeout).
func (f *fn) waitFor(c *ast.Call) val {
	var aw, timeout ast.Expr
	if len(c.Args) > 0 {
		aw = c.Args[0]
	}
	if len(c.Args) > 1 {
		timeout = c.Args[1]
	}
	if len(c.Args) > 2 {
		f.refuse(c, "asyncio.wait_for() with more than two arguments")
	}
	for _, k := range c.Keywords {
		switch {
		case k == nil || k.Arg == nil:
			f.refuse(c, "asyncio.wait_for(**kwargs)")
		case *k.Arg == "fut" && aw == nil:
			aw = k.Value
		case *k.Arg == "timeout" && timeout == nil:
			timeout = k.Value
		default:
			f.refuse(k, "asyncio.wait_for() with argument %s", *k.Arg)
		}
	}
	if aw == nil || timeout == nil {
		f.refuse(c, "asyncio.wait_for() without an awaitable and a timeout")
	}
	call, ok := aw.(*ast.Call)
	if !ok {
		f.refuse(aw, "asyncio.wait_for() of %s (not a call of an async app function)", exprName(aw))
	}
	g, d, _ := f.asyncHelper(call, "asyncio.wait_for()")
	if !isNoneExpr(timeout) {
		t, ok := constDelay(timeout)
		if !ok || t <= 0 || t <= 2*d {
			f.refuse(timeout, "asyncio.wait_for() timeout (only None or a constant above twice the coroutine's sleep)")
		}
	}
	return f.helperCall(g, call, true)
}

// isFalse reports whether e is the literal False.
func isFalse(e ast.Expr) bool {
	c, ok := e.(*ast.Constant)
	if !ok {
		return false
	}
	b, ok := c.Value.(ast.Bool)
	return ok && !bool(b)
}

// isNoneExpr reports whether e is the literal None.
func isNoneExpr(e ast.Expr) bool {
	c, ok := e.(*ast.Constant)
	return ok && isNoneLit(c)
}

// durationNanos is a delay in seconds as nanoseconds, rounded.
func durationNanos(secs float64) int64 { return int64(math.Round(secs * 1e9)) }
