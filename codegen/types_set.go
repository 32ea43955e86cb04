package codegen

import (
	"github.com/covetpy/covetgen/ir"
	jen "github.com/dave/jennifer/jen"
)

// setHashers are the validate.Hasher of the item kinds a set may hold (Literal and Enum
// items are member indexes).
var setHashers = map[ir.Kind]string{
	ir.KindStr: "StrHasher", ir.KindInt: "IntHasher", ir.KindFloat: "FloatHasher", ir.KindBool: "BoolHasher",
	ir.KindUUID: "UUIDHasher", ir.KindDecimal: "DecimalHasher", ir.KindDate: "DateHasher",
	ir.KindTimeDelta: "DurationHasher", ir.KindLiteral: "IndexHasher", ir.KindEnum: "IndexHasher",
}

// setTypeOf is typeOf for set[T] and frozenset[T]: validate.Set (pydantic's lax set
// validation, items in Python's iteration order where validate knows it), a pyval.Set in
// translated bodies, written as an array.
func (g *gen) setTypeOf(t *ir.Type, c ir.Constraints, pos ir.Pos, what string) (*typeInfo, bool) {
	frozen := t.Kind == ir.KindFrozenSet
	if len(t.Args) != 1 || (t.Name != "" && t.Name != "set" && t.Name != "frozenset" && t.Name != "builtins.set" &&
		t.Name != "builtins.frozenset" && t.Name != "typing.Set" && t.Name != "typing.FrozenSet" && t.Name != "Set" && t.Name != "FrozenSet") {
		g.refuse.add(pos, "%s of type %s", what, t)
		return nil, false
	}
	hasher, ok := setHashers[t.Args[0].Kind]
	if !ok {
		g.refuse.add(pos, "%s of type %s", what, t)
		return nil, false
	}
	length, ok := g.lengthOf(c, pos, what)
	if !ok {
		return nil, false
	}
	item, ok := g.typeOf(t.Args[0], ir.Constraints{}, pos, what+" item")
	if !ok {
		return nil, false
	}
	decode := func(s, x, out jen.Code) jen.Code {
		return jen.Qual(pkgValidate, "Set").Call(s, x, length, item.decoder(), jen.Qual(pkgValidate, hasher), jen.Lit(frozen), out)
	}
	return seqType(item, decode, jen.Index().Qual(pkgPyval, "Value"), func(items jen.Code) jen.Code {
		return jen.Qual(pkgPyval, "Set").Values(jen.Dict{jen.Id("Items"): items, jen.Id("Frozen"): jen.Lit(frozen)})
	}), true
}

// emptySetDefault reports whether def is an empty set or frozenset (set(), frozenset()).
func emptySetDefault(def ir.Value) bool {
	s, ok := def.(ir.Set)
	return ok && len(s.Items) == 0
}
