package codegen

import (
	"github.com/covetpy/covetgen/ir"
	jen "github.com/dave/jennifer/jen"
)

// typeInfo is how values of one IR type live in generated code: their Go type, how the
// JSON-mode decoders validate them, how they become pyval values for translated bodies,
// and how the model encoder writes them.
type typeInfo struct {
	goType func() *jen.Statement
	// decode is a bool expression validating x (a pyjson.Value) into out (a pointer)
	// with the validate.State s.
	decode func(s, x, out jen.Code) jen.Code
	// decoder is a validate.Decoder[T] value for containers.
	decoder func() jen.Code
	// toPy converts an addressable value expression to a pyval.Value.
	toPy func(v jen.Code) jen.Code
	// encode writes v with the validate.Encoder e.
	encode func(e, v jen.Code) []jen.Code
	// isNone reports a None value (for exclude_none); nil: never None.
	isNone func(v jen.Code) jen.Code
	// ptr marks an optional model held by pointer, nil for None (types_recursive.go).
	ptr bool
}

// typeOf returns the typeInfo of t with the constraints c (of a field: they apply to t
// itself, or to the items of an Optional). what names the field for refusals.
func (g *gen) typeOf(t *ir.Type, c ir.Constraints, pos ir.Pos, what string) (*typeInfo, bool) {
	c = withTypeConstraints(t, c)
	vq := func(name string) func() *jen.Statement {
		return func() *jen.Statement { return jen.Qual(pkgValidate, name) }
	}
	simple := func(goType func() *jen.Statement, method string, decName string, toPy func(v jen.Code) jen.Code, enc string, cons string) *typeInfo {
		ti := &typeInfo{goType: goType, toPy: toPy}
		ti.decode = func(s, x, out jen.Code) jen.Code {
			if method == "Bool" || method == "Any" {
				return jen.Add(s).Dot(method).Call(x, out)
			}
			var cv jen.Code = jen.Nil()
			if cons != "" {
				cv = jen.Op("&").Id(cons)
			}
			return jen.Add(s).Dot(method).Call(x, cv, out)
		}
		ti.decoder = func() jen.Code {
			if cons == "" {
				return jen.Qual(pkgValidate, decName)
			}
			return decoderLit(goType(), ti.decode)
		}
		ti.encode = func(e, v jen.Code) []jen.Code { return []jen.Code{jen.Add(e).Dot(enc).Call(v)} }
		return ti
	}
	var cons string
	var ok bool
	switch t.Kind {
	case ir.KindStr:
		if cons, ok = g.strConstraints(c, pos, what); !ok {
			return nil, false
		}
		return simple(jen.String, "Str", "DecodeStr", func(v jen.Code) jen.Code { return jen.Qual(pkgPyval, "Str").Call(v) }, "Str", cons), true
	case ir.KindInt:
		if cons, ok = g.intConstraints(c, pos, what); !ok {
			return nil, false
		}
		return simple(vq("Int"), "Int", "DecodeInt", func(v jen.Code) jen.Code { return jen.Qual(pkgPyval, "FromValidateInt").Call(v) }, "Int", cons), true
	case ir.KindFloat:
		if cons, ok = g.floatConstraints(c, pos, what); !ok {
			return nil, false
		}
		return simple(jen.Float64, "Float", "DecodeFloat", func(v jen.Code) jen.Code { return jen.Qual(pkgPyval, "Float").Call(v) }, "Float", cons), true
	case ir.KindBool:
		if !c.IsZero() {
			g.refuse.add(pos, "constraints on the bool %s", what)
			return nil, false
		}
		return simple(jen.Bool, "Bool", "DecodeBool", func(v jen.Code) jen.Code { return jen.Qual(pkgPyval, "Bool").Call(v) }, "Bool", ""), true
	case ir.KindAny:
		if !c.IsZero() {
			g.refuse.add(pos, "constraints on the Any %s", what)
			return nil, false
		}
		ti := simple(func() *jen.Statement { return jen.Qual(pkgPyjson, "Value") }, "Any", "DecodeAny",
			func(v jen.Code) jen.Code { return jen.Qual(pkgPyval, "FromJSON").Call(v) }, "Any", "")
		ti.isNone = func(v jen.Code) jen.Code { return jen.Add(v).Dot("IsNull").Call() }
		return ti, true
	case ir.KindLiteral:
		if !c.IsZero() {
			g.refuse.add(pos, "constraints on the Literal %s", what)
			return nil, false
		}
		lit, vals, ok := g.literal(t, pos, what)
		if !ok {
			return nil, false
		}
		ti := &typeInfo{goType: jen.Int}
		ti.decode = func(s, x, out jen.Code) jen.Code { return jen.Add(s).Dot("Literal").Call(x, jen.Id(lit), out) }
		ti.decoder = func() jen.Code { return decoderLit(jen.Int(), ti.decode) }
		ti.toPy = func(v jen.Code) jen.Code { return jen.Id(vals).Index(v) }
		ti.encode = func(e, v jen.Code) []jen.Code {
			return []jen.Code{jen.Add(e).Dot("Choice").Call(jen.Id(lit).Dot("Choices").Index(v))}
		}
		return ti, true
	case ir.KindUnion:
		nn := t.NonNone()
		if !t.IsOptional() {
			return g.unionTypeOf(t, c, pos, what)
		}
		if ti, ok := g.recursiveOpt(t, c); ok {
			return ti, true
		}
		var inner *typeInfo
		if len(nn) == 1 {
			inner, ok = g.typeOf(nn[0], c, pos, what)
		} else {
			inner, ok = g.unionTypeOf(&ir.Type{Kind: ir.KindUnion, Args: nn, Pos: t.Pos, Discriminator: t.Discriminator}, c, pos, what)
		}
		if !ok {
			return nil, false
		}
		ti := &typeInfo{goType: func() *jen.Statement { return jen.Qual(pkgValidate, "Opt").Types(inner.goType()) }}
		ti.decode = func(s, x, out jen.Code) jen.Code {
			return jen.Qual(pkgValidate, "Nullable").Call(s, x, inner.decoder(), out)
		}
		ti.decoder = func() jen.Code { return decoderLit(ti.goType(), ti.decode) }
		ti.toPy = func(v jen.Code) jen.Code {
			return jen.Func().Params(jen.Id("x").Add(ti.goType())).Qual(pkgPyval, "Value").Block(
				jen.If(jen.Op("!").Id("x").Dot("Valid")).Block(jen.Return(jen.Qual(pkgPyval, "None"))),
				jen.Return(inner.toPy(jen.Id("x").Dot("Value"))),
			).Call(v)
		}
		ti.encode = func(e, v jen.Code) []jen.Code {
			return []jen.Code{jen.If(jen.Add(v).Dot("Valid")).Block(inner.encode(e, jen.Add(v).Dot("Value"))...).
				Else().Block(jen.Add(e).Dot("Null").Call())}
		}
		ti.isNone = func(v jen.Code) jen.Code { return jen.Op("!").Add(v).Dot("Valid") }
		return ti, true
	case ir.KindList:
		if len(t.Args) != 1 || !listNames[t.Name] {
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
			return jen.Qual(pkgValidate, "List").Call(s, x, length, item.decoder(), out)
		}
		return seqType(item, decode, jen.Index().Qual(pkgPyval, "Value"), func(items jen.Code) jen.Code {
			return jen.Qual(pkgPyval, "NewList").Call(jen.Add(items).Op("..."))
		}), true
	case ir.KindDict:
		if len(t.Args) != 2 || !t.Args[0].Constraints.IsZero() {
			g.refuse.add(pos, "%s of type %s", what, t)
			return nil, false
		}
		intKeys := t.Args[0].Kind == ir.KindInt
		if !intKeys && t.Args[0].Kind != ir.KindStr && t.Args[0].Kind != ir.KindAny {
			g.refuse.add(pos, "%s of type %s", what, t)
			return nil, false
		}
		length, ok := g.lengthOf(c, pos, what)
		if !ok {
			return nil, false
		}
		val, ok := g.typeOf(t.Args[1], ir.Constraints{}, pos, what+" value")
		if !ok {
			return nil, false
		}
		keyType := func() *jen.Statement { return jen.String() }
		keyDec, hasher := jen.Qual(pkgValidate, "DecodeStr"), jen.Nil()
		keyPy := func(k jen.Code) jen.Code { return jen.Qual(pkgPyval, "Str").Call(k) }
		keyStr := func(k jen.Code) jen.Code { return k }
		if intKeys {
			keyType = func() *jen.Statement { return jen.Qual(pkgValidate, "Int") }
			keyDec, hasher = jen.Qual(pkgValidate, "DecodeInt"), jen.Qual(pkgValidate, "IntHasher")
			keyPy = func(k jen.Code) jen.Code { return jen.Qual(pkgPyval, "FromValidateInt").Call(k) }
			keyStr = func(k jen.Code) jen.Code { return jen.Add(k).Dot("String").Call() }
		}
		pair := func() *jen.Statement { return jen.Qual(pkgValidate, "Pair").Types(keyType(), val.goType()) }
		ti := &typeInfo{goType: func() *jen.Statement { return jen.Index().Add(pair()) }}
		ti.decode = func(s, x, out jen.Code) jen.Code {
			return jen.Qual(pkgValidate, "Dict").Call(s, x, length, keyDec, val.decoder(), hasher, out)
		}
		ti.decoder = func() jen.Code { return decoderLit(ti.goType(), ti.decode) }
		ti.toPy = func(v jen.Code) jen.Code {
			return jen.Func().Params(jen.Id("x").Add(ti.goType())).Qual(pkgPyval, "Value").Block(
				jen.Id("d").Op(":=").Op("&").Qual(pkgPyval, "Dict").Values(),
				jen.For(jen.Id("i").Op(":=").Range().Id("x")).Block(
					jen.Id("_").Op("=").Id("d").Dot("Set").Call(keyPy(jen.Id("x").Index(jen.Id("i")).Dot("Key")),
						val.toPy(jen.Id("x").Index(jen.Id("i")).Dot("Value"))),
				),
				jen.Return(jen.Id("d")),
			).Call(v)
		}
		ti.encode = func(e, v jen.Code) []jen.Code {
			return []jen.Code{
				jen.Add(e).Dot("BeginObject").Call(),
				jen.For(jen.List(jen.Id("_"), jen.Id("p")).Op(":=").Range().Add(v)).Block(
					jen.If(jen.Add(e).Dot("Entry").Call(keyStr(jen.Id("p").Dot("Key")))).Block(
						append(val.encode(e, jen.Id("p").Dot("Value")), jen.Add(e).Dot("Done").Call())...),
				),
				jen.Add(e).Dot("EndObject").Call(),
			}
		}
		return ti, true
	case ir.KindModel:
		if !c.IsZero() {
			g.refuse.add(pos, "constraints on the model %s", what)
			return nil, false
		}
		mi, ok := g.models.get(t.Model, pos)
		if !ok {
			return nil, false
		}
		ti := &typeInfo{goType: func() *jen.Statement { return jen.Id(mi.goName) }}
		ti.decode = func(s, x, out jen.Code) jen.Code { return jen.Id(mi.decodeName).Call(s, x, out) }
		ti.decoder = func() jen.Code { return jen.Id(mi.decodeName) }
		ti.toPy = func(v jen.Code) jen.Code { return jen.Op("&").Add(v) }
		ti.encode = func(e, v jen.Code) []jen.Code { return []jen.Code{jen.Add(v).Dot("Encode").Call(e)} }
		return ti, true
	case ir.KindUUID, ir.KindEnum, ir.KindDate:
		return g.extTypeOf(t, c, pos, what)
	case ir.KindDateTime, ir.KindTime, ir.KindTimeDelta, ir.KindDecimal:
		return g.temporalTypeOf(t, c, pos, what)
	case ir.KindURL:
		return g.urlTypeOf(t, c, pos, what)
	case ir.KindIP:
		return g.ipTypeOf(t, c, pos, what)
	case ir.KindSet, ir.KindFrozenSet:
		return g.setTypeOf(t, c, pos, what)
	case ir.KindBytes:
		return g.bytesTypeOf(c, pos, what)
	case ir.KindTuple:
		return g.tupleTypeOf(t, c, pos, what)
	}
	g.refuse.add(pos, "%s of type %s", what, t)
	return nil, false
}

// listNames are the spellings of list[T] validated as a list (Sequence, Iterable and deque
// validate differently).
var listNames = map[string]bool{"": true, "list": true, "builtins.list": true, "typing.List": true, "List": true}

// decoderLit is a validate.Decoder[T] func literal around decode.
func decoderLit(goType jen.Code, decode func(s, x, out jen.Code) jen.Code) jen.Code {
	return jen.Func().Params(jen.Id("s").Op("*").Qual(pkgValidate, "State"), jen.Id("v").Qual(pkgPyjson, "Value"),
		jen.Id("out").Op("*").Add(goType)).Bool().Block(jen.Return(decode(jen.Id("s"), jen.Id("v"), jen.Id("out"))))
}

// lengthOf is the *validate.Length of a collection's min/max_length (nil when unset).
func (g *gen) lengthOf(c ir.Constraints, pos ir.Pos, what string) (jen.Code, bool) {
	rest := c
	rest.MinLength, rest.MaxLength = nil, nil
	if !rest.IsZero() {
		g.refuse.add(pos, "constraints on the collection %s", what)
		return nil, false
	}
	if c.MinLength == nil && c.MaxLength == nil {
		return jen.Nil(), true
	}
	d := jen.Dict{}
	if c.MinLength != nil {
		d[jen.Id("Min")] = g.intPtr(c.MinLength)
	}
	if c.MaxLength != nil {
		d[jen.Id("Max")] = g.intPtr(c.MaxLength)
	}
	return jen.Op("&").Qual(pkgValidate, "Length").Values(d), true
}

// seqType is the typeInfo of a homogeneous sequence of item ([]T in Go: list[T], set[T],
// tuple[T, ...]): decode validates x into out with validate's call for the container;
// items is the type of the pyval slice toPy fills, and wrap the Python value made of it.
func seqType(item *typeInfo, decode func(s, x, out jen.Code) jen.Code, items jen.Code, wrap func(items jen.Code) jen.Code) *typeInfo {
	ti := &typeInfo{goType: func() *jen.Statement { return jen.Index().Add(item.goType()) }, decode: decode}
	ti.decoder = func() jen.Code { return decoderLit(ti.goType(), ti.decode) }
	ti.toPy = func(v jen.Code) jen.Code {
		return jen.Func().Params(jen.Id("x").Add(ti.goType())).Qual(pkgPyval, "Value").Block(
			jen.Id("items").Op(":=").Make(items, jen.Len(jen.Id("x"))),
			jen.For(jen.Id("i").Op(":=").Range().Id("x")).Block(
				jen.Id("items").Index(jen.Id("i")).Op("=").Add(item.toPy(jen.Id("x").Index(jen.Id("i")))),
			),
			jen.Return(wrap(jen.Id("items"))),
		).Call(v)
	}
	ti.encode = func(e, v jen.Code) []jen.Code {
		return []jen.Code{
			jen.Add(e).Dot("BeginArray").Call(),
			jen.For(jen.List(jen.Id("i"), jen.Id("x")).Op(":=").Range().Add(v)).Block(
				jen.If(jen.Add(e).Dot("Item").Call(jen.Id("i"))).Block(
					append(item.encode(e, jen.Id("x")), jen.Add(e).Dot("Done").Call())...),
			),
			jen.Add(e).Dot("EndArray").Call(),
		}
	}
	return ti
}
