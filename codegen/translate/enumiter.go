package translate

// Iterating an Enum class and reading .value / .name of members reached through
// expressions.
//
// `for p in Priority` (a for loop, a comprehension) yields the members in definition
// order without aliases (pyval.EnumClass.MembersList); the loop variable is an Enum
// member, used only where extvals.go allows (.value, .name, str(), comparisons, returned
// displays). `t.priority.value` reads the attribute of a model field holding a member.

import (
	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
)

// enumIterable compiles an Enum class iterated by a for loop or a comprehension.
func (f *fn) enumIterable(n *ast.Name) (val, bool) {
	if _, comp := f.compVars[n.Id]; comp {
		return val{}, false
	}
	e := f.enumOf(n)
	if e == nil {
		return val{}, false
	}
	if !f.u.enumPlain(e) || f.u.EnumClassCode(e) == nil {
		f.refuse(n, "iteration over enum %s (only classes of str or int members, no methods, bases (str|int, Enum) or Enum)", e.Name)
	}
	for _, m := range e.Members {
		if len(m.Name) > 0 && m.Name[0] == '_' {
			f.refuse(n, "iteration over enum %s (member names starting with _)", e.Name)
		}
	}
	cls := f.u.enumClassVar(e)
	et := &ir.Type{Kind: ir.KindEnum, Enum: e}
	return val{code: jen.Id(cls).Dot("MembersList").Call(), atomic: true, typ: listOf(et)}, true
}

// exprExtType is the static type of a name (local or comprehension variable), of a model
// field read from one, or of an Enum member written Enum.MEMBER (nil: another expression
// or unknown).
func (f *fn) exprExtType(e ast.Expr) *ir.Type {
	switch x := e.(type) {
	case *ast.Name:
		if g, comp := f.compVars[x.Id]; comp {
			return f.compTypes[g]
		}
		if f.locals[x.Id] != nil {
			return f.types[x.Id]
		}
	case *ast.Attribute:
		if n, ok := x.Value.(*ast.Name); ok {
			if e := f.enumOf(n); e != nil {
				return &ir.Type{Kind: ir.KindEnum, Enum: e} // Enum.MEMBER
			}
		}
		if m := modelOfExpr(f, x.Value); m != nil {
			if fd := m.Field(x.Attr); fd != nil {
				return f.fieldType(m, fd)
			}
		}
	}
	return nil
}
