package translate

import (
	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/parser/ast"
)

// builtinExcValue compiles ValueError(args...) used as a value (bound to a name and
// raised later): a *pyval.Caught, as `except ... as e` binds one.
func (f *fn) builtinExcValue(name string, c *ast.Call) val {
	if len(c.Keywords) > 0 {
		f.refuse(c, "keyword arguments to %s", name)
	}
	f.noStar(c)
	args := []jen.Code{jen.Lit(name)}
	for _, v := range f.seq(c.Args, f.value) {
		args = append(args, v.code)
	}
	return val{code: q("BuiltinExceptionValue").Call(args...)}
}
