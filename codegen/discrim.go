package codegen

import (
	"fmt"

	"github.com/covetpy/covetgen/ir"
	jen "github.com/dave/jennifer/jen"
)

// Discriminated unions (Annotated[Union[A, B], Field(discriminator="kind")]) of models
// whose discriminator fields are str Literals without aliases: the input's tag selects
// the member (validate.Tagged), whose errors are located under the tag; pydantic's
// union_tag_not_found / union_tag_invalid errors otherwise. Other discriminated unions
// (callable Discriminator, int or enum tags, aliased discriminator fields, nested
// unions) stay with pydantic (opaque.go).

// discriminatedWhy is why the discriminated union t is not generated, or "".
// An Optional one is too: None is accepted before the tag is looked up (types.go
// validates the members other than None as the union).
func discriminatedWhy(t *ir.Type) string {
	nn := t.NonNone()
	if len(nn) < 2 {
		return fmt.Sprintf("discriminated union %s", t)
	}
	seen := map[string]bool{}
	for _, m := range nn {
		if m.Kind != ir.KindModel || m.Model == nil || m.Model.Unresolved {
			return fmt.Sprintf("discriminated union %s (member %s)", t, m)
		}
		tags, why := discriminatorTags(m.Model, t.Discriminator)
		if why != "" {
			return fmt.Sprintf("discriminated union %s (%s)", t, why)
		}
		for _, tag := range tags {
			if seen[tag] {
				return fmt.Sprintf("discriminated union %s (tag %q of two members)", t, tag)
			}
			seen[tag] = true
		}
	}
	return ""
}

// discriminatorTags are the str Literal values of m's discriminator field disc.
func discriminatorTags(m *ir.Model, disc string) ([]string, string) {
	f := m.Field(disc)
	if f == nil {
		return nil, fmt.Sprintf("model %s has no field %s", m.Name, disc)
	}
	fi := f.Info
	if fi.Alias != nil || fi.ValidationAlias != nil || len(fi.ValidationAliasPaths) > 0 || fi.SerializationAlias != nil {
		return nil, fmt.Sprintf("field %s.%s has an alias", m.Name, disc)
	}
	if f.Type == nil || f.Type.Kind != ir.KindLiteral || len(f.Type.Values) == 0 {
		return nil, fmt.Sprintf("field %s.%s is not a Literal", m.Name, disc)
	}
	var tags []string
	for _, v := range f.Type.Values {
		s, ok := v.(ir.Str)
		if !ok {
			return nil, fmt.Sprintf("field %s.%s has a tag %s that is not a str", m.Name, disc, v.Repr())
		}
		tags = append(tags, string(s))
	}
	return tags, ""
}

// taggedUnionTypeOf is typeOf for a discriminated union (discriminatedWhy is ""): an
// anonymous struct of Which, the member the tag selected, and one slot per member.
func (g *gen) taggedUnionTypeOf(t *ir.Type, c ir.Constraints, pos ir.Pos, what string) (*typeInfo, bool) {
	if why := discriminatedWhy(t); why != "" || !c.IsZero() || t.IsOptional() {
		if why == "" {
			why = fmt.Sprintf("constraints on %s", t)
		}
		g.refuse.add(pos, "%s: %s", what, why)
		return nil, false
	}
	items := make([]*typeInfo, len(t.Args))
	var choices []jen.Code
	var owner []int // member of each tag, in tag order
	for i, m := range t.Args {
		var ok bool
		if items[i], ok = g.typeOf(m, ir.Constraints{}, pos, what); !ok {
			return nil, false
		}
		tags, _ := discriminatorTags(m.Model, t.Discriminator)
		for _, tag := range tags {
			choices = append(choices, jen.Qual(pkgValidate, "StrChoice").Call(jen.Lit(tag)))
			owner = append(owner, i)
		}
	}
	table := g.pkg.get("tagged" + camel(t.Args[0].Model.Name, true))
	f := g.file("models.go")
	f.Commentf("%s is the discriminated union %s (discriminator %q).", table, t, t.Discriminator)
	f.Var().Id(table).Op("=").Qual(pkgValidate, "NewTagged").Call(
		append([]jen.Code{jen.Index().String().Values(jen.Lit(t.Discriminator))}, choices...)...)
	ti := unionType(items)
	ti.decode = func(s, x, out jen.Code) jen.Code {
		var tagCases []jen.Code
		for i := range t.Args {
			var tagIdx []jen.Code
			for k, o := range owner {
				if o == i {
					tagIdx = append(tagIdx, jen.Lit(k))
				}
			}
			tagCases = append(tagCases, jen.Case(tagIdx...).Block(
				jen.Id("out").Dot("Which").Op("=").Lit(i),
				jen.Id("ok").Op("=").Add(items[i].decode(jen.Id("s"), jen.Id("v"), jen.Op("&").Id("out").Dot(unionMember(i))))))
		}
		body := []jen.Code{
			jen.List(jen.Id("k"), jen.Id("loc"), jen.Id("found")).Op(":=").Id(table).Dot("Select").Call(jen.Id("s"), jen.Id("v")),
			jen.If(jen.Op("!").Id("found")).Block(jen.Return(jen.False())),
			jen.Id("s").Dot("Push").Call(jen.Id("loc")),
			jen.Id("ok").Op(":=").False(),
			jen.Switch(jen.Id("k")).Block(tagCases...),
			jen.Id("s").Dot("Pop").Call(),
			jen.Return(jen.Id("ok")),
		}
		return jen.Func().Params(jen.Id("s").Op("*").Qual(pkgValidate, "State"), jen.Id("v").Qual(pkgPyjson, "Value"),
			jen.Id("out").Op("*").Add(ti.goType())).Bool().Block(body...).Call(s, x, out)
	}
	return ti, true
}

// fieldDiscriminatorOpaque reports a Field(discriminator=...) not generated: one whose
// field type is not the discriminated union itself (discriminatedWhy judges that one).
func fieldDiscriminatorOpaque(f *ir.Field) bool {
	d := f.Info.Discriminator
	return d != "" && (f.Type == nil || f.Type.Kind != ir.KindUnion || f.Type.Discriminator != d)
}
