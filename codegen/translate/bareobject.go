package translate

// object(): an instance of the builtin class object.
//
// It is translated only as a value returned directly or as an item of a returned display
// of an endpoint whose result goes to FastAPI's path B: jsonable_encoder then fails on it
// with its ValueError (pyval.BareObject), the one thing a response can observe of it.
// Anything else (repr() shows its address, identity comparisons, passing it on) stays
// refused.

import (
	"github.com/covetpy/covetgen/parser/ast"
)

// bareObjectCall compiles object() in a sanctioned position (ok false: not a call of the
// builtin object without arguments).
func (f *fn) bareObjectCall(c *ast.Call, await bool) (val, bool) {
	n, ok := c.Func.(*ast.Name)
	if !ok || n.Id != "object" || await || len(c.Args) != 0 || len(c.Keywords) != 0 {
		return val{}, false
	}
	if _, comp := f.compVars["object"]; comp || f.locals["object"] != nil || f.mi.binds["object"] != nil {
		return val{}, false
	}
	if !f.extReturnedItem(c) { // extcontainer.go
		f.refuse(c, "call of object() outside a returned display (only jsonable_encoder's failure on it is modelled)")
	}
	return val{code: q("NewBareObject").Call(), atomic: true}, true
}
