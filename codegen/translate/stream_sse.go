package translate

import (
	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
)

// ServerSentEvent values (fastapi.sse), which a server-sent events endpoint yields:
// ServerSentEvent(data=, raw_data=, event=, id=, retry=, comment=), keyword arguments
// only, yielded as it is built (`yield ServerSentEvent(...)`), validated by runtime/pyval's NewServerSentEvent as the model validates them. The
// str fields take values that are statically str or None, retry an int or None (other
// values would go through pydantic's lax conversions): anything else is refused.

// sseEventType is the static type of a ServerSentEvent value.
var sseEventType = &ir.Type{Kind: ir.KindClass, Name: "fastapi.sse.ServerSentEvent"}

// sseEventCall compiles a call of ServerSentEvent (g the callee); ok is false for other
// callees.
func (f *fn) sseEventCall(g global, c *ast.Call) (val, bool) {
	if g.name != "fastapi.sse.ServerSentEvent" {
		return val{}, false
	}
	if f.gen == nil || !f.gen.stream || !f.yieldedDirectly(c) {
		f.refuse(c, "ServerSentEvent other than yielded as it is built by a generator endpoint")
	}
	if len(c.Args) > 0 {
		f.refuse(c, "ServerSentEvent with positional arguments")
	}
	params := []string{"data", "raw_data", "event", "id", "retry", "comment"}
	_, kw := f.args(c, "ServerSentEvent()", params...)
	args := make([]jen.Code, len(params))
	for i, p := range params {
		args[i] = jen.Nil()
		v, given := kw[p]
		if !given {
			continue
		}
		args[i] = v.code
		switch {
		case p == "data":
		case v.typ != nil && v.typ.Kind == ir.KindNone:
		case p == "retry":
			if !isIntType(v.typ) {
				f.refuse(c, "ServerSentEvent retry that may not be an int")
			}
		case v.typ == nil || v.typ.Kind != ir.KindStr:
			f.refuse(c, "ServerSentEvent %s that may not be a str", p)
		}
	}
	return f.callVal(q("NewServerSentEvent").Call(args...), kindValue, sseEventType), true
}

// yieldedDirectly reports c to be the value of a yield statement of the generator.
func (f *fn) yieldedDirectly(c *ast.Call) bool {
	for _, y := range f.gen.sites {
		if v, ok := y.stmt.Value.(*ast.Yield); ok && v.Value == ast.Expr(c) {
			return true
		}
	}
	return false
}
