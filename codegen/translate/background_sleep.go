package translate

// `await asyncio.sleep(delay)` in translated bodies, as background tasks (and endpoints)
// use it to yield: delay is an int or float literal (a constant, so its type and sign
// are known); zero or less returns at once, a positive delay sleeps that many seconds.
// Its value is None. asyncio.sleep not awaited, with a result argument, or with a
// computed delay is refused.

import (
	"math"

	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/parser/ast"
)

// asyncSleep compiles await asyncio.sleep(delay); ok false when c is another call.
func (f *fn) asyncSleep(c *ast.Call, await bool) (val, bool) {
	at, ok := c.Func.(*ast.Attribute)
	if !ok || at.Attr != "sleep" || f.stdlibModuleOf(at.Value) != "asyncio" {
		return val{}, false
	}
	if !await {
		f.refuse(c, "asyncio.sleep() not awaited")
	}
	var delay ast.Expr
	switch {
	case len(c.Args) == 1 && len(c.Keywords) == 0:
		delay = c.Args[0]
	case len(c.Args) == 0 && len(c.Keywords) == 1 && c.Keywords[0].Arg != nil && *c.Keywords[0].Arg == "delay":
		delay = c.Keywords[0].Value
	default:
		f.refuse(c, "asyncio.sleep() with other arguments than the delay")
	}
	secs, ok := constDelay(delay)
	if !ok {
		f.refuse(delay, "asyncio.sleep() of a delay that is not an int or float literal")
	}
	if secs > 0 {
		f.emit(jen.Qual("time", "Sleep").Call(jen.Qual("time", "Duration").Call(jen.Lit(int64(math.Round(secs * 1e9))))))
	}
	return val{code: q("None"), atomic: true, typ: noneType}, true
}

// constDelay is the value of an int or float literal, or of its negation.
func constDelay(e ast.Expr) (float64, bool) {
	neg := false
	if u, ok := e.(*ast.UnaryOp); ok && u.Op == ast.USub {
		neg, e = true, u.Operand
	}
	c, ok := e.(*ast.Constant)
	if !ok {
		return 0, false
	}
	var v float64
	switch x := c.Value.(type) {
	case ast.Float:
		v = float64(x)
	case *ast.Int:
		if !x.IsInt64() || x.Int64() > 1<<31 {
			return 0, false
		}
		v = float64(x.Int64())
	default:
		return 0, false
	}
	if math.IsNaN(v) || math.IsInf(v, 0) || v > 1<<31 {
		return 0, false
	}
	if neg {
		v = -v
	}
	return v, true
}
