package codegen

import (
	"fmt"

	"github.com/covetpy/covetgen/ir"
)

// Generic models. A parametrization of a generic model (Page[Item], Page[int]) is a class
// of its own to pydantic, named as the lifter names it (ir.Model.Name "Page[Item]", the
// name pydantic gives the class and its errors use); the lifter made it a model of its
// own, the type variables substituted in its fields. So it is generated as any other
// model. The generic class itself (Page, Page[T] with T unbound: its fields of type Any)
// stays opaque.

// genericWhy is why the generic model m is not generated ("" for a full parametrization).
func genericWhy(m *ir.Model) string {
	if len(m.TypeParams) > 0 || m.GenericOrigin == nil {
		return fmt.Sprintf("generic model %s (%s)", m.Name, shortPos(m.Pos))
	}
	for _, a := range m.GenericArgs {
		if a == nil || hasTypeVar(a) {
			return fmt.Sprintf("generic model %s with a type variable left (%s)", m.Name, shortPos(m.Pos))
		}
	}
	return ""
}

// hasTypeVar reports whether t mentions a type variable.
func hasTypeVar(t *ir.Type) bool {
	if t.Kind == ir.KindTypeVar {
		return true
	}
	for _, a := range t.Args {
		if a != nil && hasTypeVar(a) {
			return true
		}
	}
	return false
}
