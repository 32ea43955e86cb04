package translate

// inst.attr += v on an instance of a plain app class the function owns, with v a number:
// the attribute is read (AttributeError when missing), v evaluated, then attr + v — or,
// for a list attribute, the list extended in place, which raises TypeError before
// changing anything since a number is not iterable — is stored back, as Python does.
// Other operators are refused (their in-place forms differ in messages or aliasing).

import (
	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/parser/ast"
)

// instAugAssign compiles s when its target is an attribute of a plain-class instance;
// ok false leaves other targets to augAssign.
func (f *fn) instAugAssign(s *ast.AugAssign) bool {
	x, ok := s.Target.(*ast.Attribute)
	if !ok {
		return false
	}
	if f.classAttrAug(s, x) { // classattr_use.go
		return true
	}
	n, c, info, ok := f.instOf(x)
	if !ok {
		return false
	}
	if info.props[x.Attr] != nil || info.methods[x.Attr] != nil {
		f.refuse(x, "augmented assignment to %s.%s (a method or property of %s)", n.Id, x.Attr, c.Name)
	}
	l := f.locals[n.Id]
	if (!f.endpoint || !l.isParam || f.vars[n.Id].Shared) && !f.builtHere(n.Id) { // as instStore
		f.refuse(x, "augmented assignment to attribute %s of %s (an instance the function does not own)", x.Attr, n.Id)
	}
	if s.Op != ast.Add {
		f.refuse(s, "augmented assignment %s= to an attribute", opSymbol(s.Op))
	}
	base := f.name(n)
	cur := f.instAttrCur(base, x, c, info) // InstGetAttr, or with the class attribute's fallback
	rhs := f.seq([]ast.Expr{s.Value}, f.value)[0]
	if !isNumberType(rhs.typ) {
		f.refuse(s.Value, "augmented assignment += to an attribute of a value not known to be a number")
	}
	r := f.callVal(q("IAdd").Call(cur.code, rhs.code), kindValue, nil)
	f.errOnly(q("InstSetAttr").Call(base.code, jen.Lit(x.Attr), r.code))
	return true
}
