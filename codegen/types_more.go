package codegen

import (
	"fmt"

	"github.com/covetpy/covetgen/ir"
	jen "github.com/dave/jennifer/jen"
)

// bytesTypeOf is typeOf for bytes fields: a JSON string's UTF-8 (pydantic's default
// val_json_bytes), pyval.Bytes in bodies, written back as text.
func (g *gen) bytesTypeOf(c ir.Constraints, pos ir.Pos, what string) (*typeInfo, bool) {
	rest := c
	rest.MinLength, rest.MaxLength = nil, nil
	if !rest.IsZero() {
		g.refuse.add(pos, "constraints on the bytes %s", what)
		return nil, false
	}
	cons := ""
	if c.MinLength != nil || c.MaxLength != nil {
		d := jen.Dict{}
		if c.MinLength != nil {
			d[jen.Id("MinLength")] = g.intPtr(c.MinLength)
		}
		if c.MaxLength != nil {
			d[jen.Id("MaxLength")] = g.intPtr(c.MaxLength)
		}
		cons = g.constraintsVar("BytesConstraints", d, what)
	}
	goType := func() *jen.Statement { return jen.Index().Byte() }
	ti := &typeInfo{goType: goType}
	ti.decode = func(s, x, out jen.Code) jen.Code {
		var cv jen.Code = jen.Nil()
		if cons != "" {
			cv = jen.Op("&").Id(cons)
		}
		return jen.Add(s).Dot("Bytes").Call(x, cv, out)
	}
	ti.decoder = func() jen.Code {
		if cons == "" {
			return jen.Qual(pkgValidate, "DecodeBytes")
		}
		return decoderLit(goType(), ti.decode)
	}
	ti.toPy = func(v jen.Code) jen.Code { return jen.Qual(pkgPyval, "Bytes").Call(jen.String().Call(v)) }
	ti.encode = func(e, v jen.Code) []jen.Code { return []jen.Code{jen.Add(e).Dot("Bytes").Call(v)} }
	return ti, true
}

// tupleTypeOf is typeOf for tuple[T, ...] (a slice, validate.Tuple) and tuple[A, B, ...]
// (an anonymous struct of the positions, validate.BeginTuple); pyval.Tuple in bodies.
func (g *gen) tupleTypeOf(t *ir.Type, c ir.Constraints, pos ir.Pos, what string) (*typeInfo, bool) {
	switch t.Name {
	case "", "tuple", "builtins.tuple", "typing.Tuple", "Tuple":
	default:
		g.refuse.add(pos, "%s of type %s", what, t)
		return nil, false
	}
	length, ok := g.lengthOf(c, pos, what)
	if !ok {
		return nil, false
	}
	if len(t.Args) == 0 {
		g.refuse.add(pos, "%s of type %s", what, t)
		return nil, false
	}
	items := make([]*typeInfo, len(t.Args))
	for i, a := range t.Args {
		if items[i], ok = g.typeOf(a, ir.Constraints{}, pos, what+" item"); !ok {
			return nil, false
		}
	}
	if t.Variadic {
		item := items[0]
		decode := func(s, x, out jen.Code) jen.Code {
			return jen.Qual(pkgValidate, "Tuple").Call(s, x, length, item.decoder(), out)
		}
		return seqType(item, decode, jen.Qual(pkgPyval, "Tuple"), func(items jen.Code) jen.Code { return items }), true
	}
	field := func(i int) string { return fmt.Sprintf("F%d", i) }
	ti := &typeInfo{goType: func() *jen.Statement {
		fields := make([]jen.Code, len(items))
		for i, it := range items {
			fields[i] = jen.Id(field(i)).Add(it.goType())
		}
		return jen.Struct(fields...)
	}}
	ti.decode = func(s, x, out jen.Code) jen.Code {
		body := []jen.Code{
			jen.List(jen.Id("t"), jen.Id("ok")).Op(":=").Qual(pkgValidate, "BeginTuple").Call(jen.Id("s"), jen.Id("v"), jen.Lit(len(items)), length),
			jen.If(jen.Op("!").Id("ok")).Block(jen.Return(jen.False())),
		}
		for i, it := range items {
			body = append(body, jen.If(jen.List(jen.Id("x"), jen.Id("ok")).Op(":=").Id("t").Dot("Item").Call(jen.Lit(i)), jen.Id("ok")).Block(
				jen.Id("s").Dot("PushIndex").Call(jen.Lit(i)),
				jen.If(it.decode(jen.Id("s"), jen.Id("x"), jen.Op("&").Id("out").Dot(field(i)))).Block(jen.Id("t").Dot("Valid").Call()),
				jen.Id("s").Dot("Pop").Call(),
			).Else().Block(jen.Id("t").Dot("Missing").Call(jen.Lit(i))))
		}
		body = append(body, jen.Return(jen.Id("t").Dot("End").Call()))
		return jen.Func().Params(jen.Id("s").Op("*").Qual(pkgValidate, "State"), jen.Id("v").Qual(pkgPyjson, "Value"),
			jen.Id("out").Op("*").Add(ti.goType())).Bool().Block(body...).Call(s, x, out)
	}
	ti.decoder = func() jen.Code { return decoderLit(ti.goType(), ti.decode) }
	ti.toPy = func(v jen.Code) jen.Code {
		return jen.Func().Params(jen.Id("x").Add(ti.goType())).Qual(pkgPyval, "Value").Block(
			jen.Return(jen.Qual(pkgPyval, "Tuple").ValuesFunc(func(gr *jen.Group) {
				for i, it := range items {
					gr.Add(it.toPy(jen.Id("x").Dot(field(i))))
				}
			})),
		).Call(v)
	}
	ti.encode = func(e, v jen.Code) []jen.Code {
		out := []jen.Code{jen.Add(e).Dot("BeginArray").Call()}
		for i, it := range items {
			out = append(out, jen.If(jen.Add(e).Dot("Item").Call(jen.Lit(i))).Block(
				append(it.encode(e, jen.Add(v).Dot(field(i))), jen.Add(e).Dot("Done").Call())...))
		}
		return append(out, jen.Add(e).Dot("EndArray").Call())
	}
	return ti, true
}

// unionTags are pydantic's validator names of the union members generated (the loc of a
// member's errors).
var unionTags = map[ir.Kind]string{ir.KindStr: "str", ir.KindInt: "int", ir.KindFloat: "float", ir.KindBool: "bool"}

// unionTypeOf is typeOf for a union of str, int, float and bool members (no
// constraints) in pydantic's smart mode: an anonymous struct of the members' slots and
// Which, the member that won (validate.Union).
func (g *gen) unionTypeOf(t *ir.Type, c ir.Constraints, pos ir.Pos, what string) (*typeInfo, bool) {
	if t.Discriminator != "" {
		return g.taggedUnionTypeOf(t, c, pos, what)
	}
	members := t.Args
	if !c.IsZero() || len(members) < 2 {
		g.refuse.add(pos, "%s of type %s", what, t)
		return nil, false
	}
	items := make([]*typeInfo, len(members))
	for i, m := range members {
		tag, ok := unionTags[m.Kind]
		if !ok || !m.Constraints.IsZero() || tag == "" {
			g.refuse.add(pos, "%s of type %s", what, t)
			return nil, false
		}
		if items[i], ok = g.typeOf(m, ir.Constraints{}, pos, what); !ok {
			return nil, false
		}
	}
	ti := unionType(items)
	ti.decode = func(s, x, out jen.Code) jen.Code {
		body := []jen.Code{jen.Id("u").Op(":=").Id("s").Dot("Union").Call(jen.False())}
		for i, it := range items {
			body = append(body, jen.If(jen.Id("u").Dot("Try").Call(jen.Lit(unionTags[members[i].Kind]))).Block(
				jen.Id("u").Dot("Result").Call(jen.Lit(i), it.decode(jen.Id("s"), jen.Id("v"), jen.Op("&").Id("out").Dot(unionMember(i))))))
		}
		body = append(body,
			jen.List(jen.Id("w"), jen.Id("ok")).Op(":=").Id("u").Dot("End").Call(),
			jen.Id("out").Dot("Which").Op("=").Id("w"),
			jen.Return(jen.Id("ok")))
		return jen.Func().Params(jen.Id("s").Op("*").Qual(pkgValidate, "State"), jen.Id("v").Qual(pkgPyjson, "Value"),
			jen.Id("out").Op("*").Add(ti.goType())).Bool().Block(body...).Call(s, x, out)
	}
	return ti, true
}

// unionMember is the field of a union's struct holding member i.
func unionMember(i int) string { return fmt.Sprintf("M%d", i) }

// unionType is the typeInfo of a union of items held as an anonymous struct of Which,
// the member holding the value, and one field per member (unionMember): its Go type,
// conversion to Python and encoding. The caller sets decode, the union's own rules of
// which member validates (decoder calls it).
func unionType(items []*typeInfo) *typeInfo {
	ti := &typeInfo{goType: func() *jen.Statement {
		fields := []jen.Code{jen.Id("Which").Int()}
		for i, it := range items {
			fields = append(fields, jen.Id(unionMember(i)).Add(it.goType()))
		}
		return jen.Struct(fields...)
	}}
	ti.decoder = func() jen.Code { return decoderLit(ti.goType(), ti.decode) }
	ti.toPy = func(v jen.Code) jen.Code {
		cases := []jen.Code{}
		for i, it := range items {
			cases = append(cases, jen.Case(jen.Lit(i)).Block(jen.Return(it.toPy(jen.Id("x").Dot(unionMember(i))))))
		}
		return jen.Func().Params(jen.Id("x").Add(ti.goType())).Qual(pkgPyval, "Value").Block(
			jen.Switch(jen.Id("x").Dot("Which")).Block(cases...),
			jen.Return(jen.Qual(pkgPyval, "None")),
		).Call(v)
	}
	ti.encode = func(e, v jen.Code) []jen.Code {
		cases := []jen.Code{}
		for i, it := range items {
			cases = append(cases, jen.Case(jen.Lit(i)).Block(it.encode(e, jen.Add(v).Dot(unionMember(i)))...))
		}
		return []jen.Code{jen.Switch(jen.Add(v).Dot("Which")).Block(cases...)}
	}
	return ti
}

// fixedTupleDefault is the default of a tuple[A, B, ...] field given as a tuple of
// defaults of the positions' types: the struct literal and its equality test.
func (g *gen) fixedTupleDefault(t *ir.Type, def ir.Tuple) (jen.Code, func(v jen.Code) jen.Code, bool) {
	d := jen.Dict{}
	eqs := make([]func(v jen.Code) jen.Code, len(def))
	for i, x := range def {
		lit, eq, ok := g.fieldDefault(t.Args[i], ir.FieldInfo{Default: x})
		if !ok || eq == nil {
			return nil, nil, false
		}
		if lit != nil {
			d[jen.Id(fmt.Sprintf("F%d", i))] = lit
		}
		eqs[i] = eq
	}
	return jen.Add(g.mustGoType(t)).Values(d), func(v jen.Code) jen.Code {
		var all *jen.Statement
		for i, eq := range eqs {
			c := eq(jen.Add(v).Dot(fmt.Sprintf("F%d", i)))
			if all == nil {
				all = jen.Add(c)
			} else {
				all = all.Op("&&").Add(c)
			}
		}
		return jen.Parens(all)
	}, true
}

// unionDefault is the default of a union field (unionTypeOf): pydantic keeps it as is,
// so it is the member of the default's own type.
func (g *gen) unionDefault(t *ir.Type, def ir.Value) (jen.Code, func(v jen.Code) jen.Code, bool) {
	var kind ir.Kind
	switch def.(type) {
	case ir.Str:
		kind = ir.KindStr
	case ir.Int:
		kind = ir.KindInt
	case ir.Float:
		kind = ir.KindFloat
	case ir.Bool:
		kind = ir.KindBool
	default:
		return nil, nil, false
	}
	for i, m := range t.Args {
		if m.Kind != kind {
			continue
		}
		lit, eq, ok := g.fieldDefault(m, ir.FieldInfo{Default: def})
		if !ok || lit == nil {
			return nil, nil, false
		}
		field := fmt.Sprintf("M%d", i)
		return jen.Add(g.mustGoType(t)).Values(jen.Dict{jen.Id("Which"): jen.Lit(i), jen.Id(field): lit}),
			func(v jen.Code) jen.Code {
				return jen.Parens(jen.Add(v).Dot("Which").Op("==").Lit(i).Op("&&").Add(eq(jen.Add(v).Dot(field))))
			}, true
	}
	return nil, nil, false
}
