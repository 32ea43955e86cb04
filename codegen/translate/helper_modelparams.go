package translate

// Parameters of app functions annotated with a model of the app: the translated helper
// reads them as instances of that model (their fields' types known), and every call site
// must pass a value statically known to be an instance of exactly that model, else the
// call is refused (Python does not check annotations: only the caller's static type
// makes the annotation true). Other annotations leave the parameter's type unknown.

import (
	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
)

// helperParamTypes is, per parameter of g (params order), the model type its annotation
// names (nil: any other annotation, or none).
func (u *Unit) helperParamTypes(g global, app *ir.App) []*ir.Type {
	ps := params(g.def)
	out := make([]*ir.Type, len(ps))
	for i, p := range ps {
		if p == nil || p.Annotation == nil || (i == 0 && g.self != nil) {
			continue
		}
		if t := u.annotationType(g.mi, p.Annotation, app); t != nil && t.Kind == ir.KindModel && t.Model != nil {
			out[i] = t
		} else if t := u.instParamType(g.mi, p.Annotation, 0); t != nil {
			out[i] = t // an instance of a plain app class (instargs.go)
		}
	}
	u.specParamTypes(g, out) // litspec.go
	return out
}

// checkModelArgs refuses a call of g passing, to a parameter annotated with a model, a
// value not statically an instance of that model (a default counts as such a value).
func (f *fn) checkModelArgs(g global, c *ast.Call, vs []val, slot []int) {
	pt := f.u.helperParamTypes(g, f.app)
	f.checkInstArgs(g, c, vs, slot, pt) // instargs.go
	given := make([]bool, len(pt))
	for i, v := range vs {
		s := slot[i]
		given[s] = true
		if pt[s] != nil && pt[s].Kind != ir.KindLiteral && !sameType(v.typ, pt[s]) { // Literal: litspec.go, from these very arguments
			f.refuse(c, "call of %s (argument %s not known to be a %s)", g.name, params(g.def)[s].Arg, pt[s].Name)
		}
	}
	for i, t := range pt {
		if t != nil && !given[i] {
			f.refuse(c, "call of %s (default of %s, annotated %s)", g.name, params(g.def)[i].Arg, t.Name)
		}
	}
}
