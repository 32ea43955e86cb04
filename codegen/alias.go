package codegen

import (
	"fmt"

	"github.com/covetpy/covetgen/ir"
	jen "github.com/dave/jennifer/jen"
)

// Validation aliases given as AliasChoices / AliasPath (ir.FieldInfo.ValidationAliasPaths).
// The generated decoder collects the first key of every path in its one pass over the
// input (validate.Collect), then validate.AliasLookup takes the first choice found,
// walking the rest of its path through dict keys and list indexes as pydantic-core does;
// the value's errors are located at the whole path of the choice used, and a missing
// value at the first choice's path. With populate_by_name the field name is the last
// choice. Aliases made by an alias_generator were computed by the lifter (ir/lift
// aliasgen.go) and are plain keys here.

// aliasPathsWhy is why f's AliasChoices / AliasPath validation alias is not generated
// (the model then stays with pydantic, opaque.go), or "".
func aliasPathsWhy(m *ir.Model, f *ir.Field) string {
	why := func(format string, args ...any) string {
		return fmt.Sprintf("model %s: validation alias of field %s: ", m.Name, f.Name) + fmt.Sprintf(format, args...)
	}
	if len(f.Info.ValidationAliasPaths) == 0 {
		return ""
	}
	if m.Config.Extra == "forbid" {
		// Which input keys pydantic counts as used by a path is not modelled.
		return why(`AliasChoices or AliasPath with extra="forbid"`)
	}
	for _, p := range f.Info.ValidationAliasPaths {
		if len(p) == 0 {
			return why("an empty alias path")
		}
		if _, ok := p[0].(ir.Str); !ok {
			return why("alias path starting with %s", p[0].Repr())
		}
		for _, x := range p[1:] {
			switch v := x.(type) {
			case ir.Str:
			case ir.Int:
				if v.V == nil || !v.V.IsInt64() || v.V.Int64() > 1<<30 || v.V.Int64() < -(1<<30) {
					return why("alias path index %s", x.Repr())
				}
			default:
				return why("alias path item %s", x.Repr())
			}
		}
	}
	return ""
}

// aliasPaths returns the choices of f's AliasChoices / AliasPath validation alias
// (aliasPathsWhy is ""), each a path whose first element is a key; with populate_by_name
// the field name is the last choice.
func (ms *modelSet) aliasPaths(m *ir.Model, f *ir.Field) ([][]ir.Value, bool) {
	if why := aliasPathsWhy(m, f); why != "" {
		ms.g.refuse.add(f.Pos, "%s", why)
		return nil, false
	}
	out := append([][]ir.Value{}, f.Info.ValidationAliasPaths...)
	if m.Config.PopulateByName {
		out = append(out, []ir.Value{ir.Str(f.Name)})
	}
	return out, true
}

// aliasLoc is a path as validate.LocItem literals.
func aliasLoc(p []ir.Value) []jen.Code {
	var loc []jen.Code
	for _, x := range p {
		switch v := x.(type) {
		case ir.Str:
			loc = append(loc, jen.Qual(pkgValidate, "Key").Call(jen.Lit(string(v))))
		case ir.Int:
			loc = append(loc, jen.Qual(pkgValidate, "Index").Call(jen.Lit(int(v.V.Int64()))))
		}
	}
	return loc
}

// aliasDecode is the decoder's statements for field i, whose validation alias is a
// set of paths (fi.paths): a package-level table of the choices, their lookup, and the
// value validated at the choice's location, or a missing error at the first choice's.
func (ms *modelSet) aliasDecode(mi *modelInfo, fi *fieldInfo, i int, slotOf map[string]int, forbid bool) []jen.Code {
	g := ms.g
	table := g.pkg.get(lowerFirst(mi.goName) + fi.goName + "Alias")
	var choices []jen.Code
	for _, p := range fi.paths {
		choices = append(choices, jen.Values(jen.Dict{
			jen.Id("Slot"): jen.Lit(slotOf[string(p[0].(ir.Str))]),
			jen.Id("Loc"):  jen.Index().Qual(pkgValidate, "LocItem").Values(aliasLoc(p)...),
		}))
	}
	f := g.file("models.go")
	f.Commentf("%s is the validation alias of %s.%s, its choices in order.", table, mi.m.Name, fi.f.Name)
	f.Var().Id(table).Op("=").Index().Qual(pkgValidate, "AliasPath").Values(choices...)
	found := []jen.Code{
		jen.Id("loc").Op(":=").Id(table).Index(jen.Id("c")).Dot("Loc"),
		jen.Id("s").Dot("PushLoc").Call(jen.Id("loc")),
		jen.If(fi.ti.decode(jen.Id("s"), jen.Id("x"), jen.Op("&").Id("o").Dot(fi.goName))).Block(
			jen.Id("o").Dot("Set").Dot("Add").Call(jen.Lit(i))),
		jen.Id("s").Dot("PopLoc").Call(jen.Len(jen.Id("loc"))),
	}
	if forbid {
		found = append([]jen.Code{jen.Id("used").Index(jen.Id(table).Index(jen.Id("c")).Dot("Slot")).Op("=").True()}, found...)
	}
	st := jen.If(jen.List(jen.Id("x"), jen.Id("c")).Op(":=").Qual(pkgValidate, "AliasLookup").Call(jen.Id("in").Index(jen.Empty(), jen.Empty()), jen.Id(table)),
		jen.Id("c").Op(">=").Lit(0)).Block(found...)
	if fi.f.Info.Required {
		st = st.Else().Block(jen.Id("s").Dot("MissingAt").Call(append([]jen.Code{jen.Id("v")}, aliasLoc(fi.paths[0])...)...))
	}
	return []jen.Code{jen.Commentf("%s: %s", fi.f.Name, fi.f.Type), st}
}

// aliasPathField is the first field of m with an AliasChoices / AliasPath validation
// alias, or nil: query, header, cookie and form models read each field under one key.
func aliasPathField(m *ir.Model) *ir.Field {
	for _, f := range m.Fields {
		if len(f.Info.ValidationAliasPaths) > 0 {
			return f
		}
	}
	return nil
}
