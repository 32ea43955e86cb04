package codegen

import (
	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/runtime/validate"
	jen "github.com/dave/jennifer/jen"
)

// extConv validates a parameter string as a UUID or an Enum (pyval.UUID / pyval.Enum
// values); ok false (with a refusal) for anything else.
func (g *gen) extConv(t *ir.Type, c ir.Constraints, pos ir.Pos, what string) (convFunc, bool) {
	c = withTypeConstraints(t, c)
	addErr := func(loc []jen.Code) jen.Code {
		return jen.Id("errs").Dot("Add").Call(append([]jen.Code{jen.Id("e")}, loc...)...)
	}
	switch t.Kind {
	case ir.KindUUID:
		if !c.IsZero() || (t.Name != "" && t.Name != "UUID" && t.Name != "uuid.UUID") {
			break
		}
		return func(raw jen.Code, dst string, loc []jen.Code) []jen.Code {
			return []jen.Code{
				jen.List(jen.Id("v"), jen.Id("e")).Op(":=").Qual(pkgValidate, "UUIDFromString").Call(raw),
				addErr(loc),
				jen.Id(dst).Op("=").Qual(pkgPyval, "UUID").Call(jen.Id("v")),
			}
		}, true
	case ir.KindDate:
		if !c.IsZero() {
			break
		}
		return func(raw jen.Code, dst string, loc []jen.Code) []jen.Code {
			return []jen.Code{
				jen.List(jen.Id("v"), jen.Id("e")).Op(":=").Qual(pkgValidate, "DateFromString").Call(raw),
				addErr(loc),
				jen.Id(dst).Op("=").Qual(pkgPyval, "Date").Call(jen.Id("v")),
			}
		}, true
	case ir.KindEnum:
		e := t.Enum
		if e == nil || !c.IsZero() || !g.unit.EnumPlain(e) {
			break
		}
		cls, val := g.enumVars(e)
		return func(raw jen.Code, dst string, loc []jen.Code) []jen.Code {
			return []jen.Code{
				jen.List(jen.Id("i"), jen.Id("e")).Op(":=").Id(val).Dot("FromString").Call(raw),
				addErr(loc),
				jen.If(jen.Id("e").Op("==").Nil()).Block(jen.Id(dst).Op("=").Id(cls).Dot("Member").Call(jen.Id("i"))),
			}
		}, true
	}
	g.refuse.add(pos, "%s of type %s", what, t)
	return nil, false
}

// enumVars declares (once) the pyval.EnumClass of e and its validate.Enum validator.
func (g *gen) enumVars(e *ir.Enum) (cls, validator string) {
	key := "enum\x00" + e.Module + "\x00" + e.QualName
	if name, ok := g.consts[key]; ok {
		return name, g.consts[key+"\x00validator"]
	}
	cls = g.pkg.get("enum" + camel(e.Name, true))
	validator = g.pkg.get("enum" + camel(e.Name, true) + "Validator")
	g.consts[key], g.consts[key+"\x00validator"] = cls, validator
	var choices []jen.Code
	for _, m := range e.Members {
		switch v := m.Value.(type) {
		case ir.Str:
			choices = append(choices, jen.Qual(pkgValidate, "StrChoice").Call(jen.Lit(string(v))))
		case ir.Int:
			choices = append(choices, jen.Qual(pkgValidate, "IntChoice").Call(jen.Lit(v.V.Int64())))
		}
	}
	f := g.file("validators.go")
	f.Commentf("%s is the Enum class %s.%s; %s validates its values.", cls, e.Module, e.QualName, validator)
	f.Var().Id(cls).Op("=").Add(g.unit.EnumClassCode(e))
	f.Var().Id(validator).Op("=").Qual(pkgValidate, "NewEnum").Call(append([]jen.Code{jen.Lit(e.Base == "int")}, choices...)...)
	return cls, validator
}

// pathB reports whether the endpoint's result is written by FastAPI's path B as is
// (jsonable_encoder + json.dumps: JSONResponse without a response model).
func pathB(r *ir.Route) bool {
	if r.ResponseModel != nil || r.ResponseClass == nil {
		return false
	}
	switch r.ResponseClass.Name {
	case "fastapi.responses.JSONResponse", "starlette.responses.JSONResponse":
		return true
	}
	return false
}

// extTypeOf is typeOf for UUID and Enum fields: validated as pydantic does (validate.UUID,
// the member's index), pyval.UUID / pyval.Enum in bodies, written as the string / value.
func (g *gen) extTypeOf(t *ir.Type, c ir.Constraints, pos ir.Pos, what string) (*typeInfo, bool) {
	switch t.Kind {
	case ir.KindUUID:
		if !c.IsZero() || (t.Name != "" && t.Name != "UUID" && t.Name != "uuid.UUID") {
			break
		}
		ti := &typeInfo{goType: func() *jen.Statement { return jen.Qual(pkgValidate, "UUID") }}
		ti.decode = func(s, x, out jen.Code) jen.Code { return jen.Add(s).Dot("UUID").Call(x, out) }
		ti.decoder = func() jen.Code { return jen.Qual(pkgValidate, "DecodeUUID") }
		ti.toPy = func(v jen.Code) jen.Code { return jen.Qual(pkgPyval, "UUID").Call(v) }
		ti.encode = func(e, v jen.Code) []jen.Code { return []jen.Code{jen.Add(e).Dot("UUID").Call(v)} }
		return ti, true
	case ir.KindDate:
		if !c.IsZero() {
			break
		}
		ti := &typeInfo{goType: func() *jen.Statement { return jen.Qual(pkgValidate, "Date") }}
		ti.decode = func(s, x, out jen.Code) jen.Code { return jen.Add(s).Dot("Date").Call(x, out) }
		ti.decoder = func() jen.Code { return jen.Qual(pkgValidate, "DecodeDate") }
		ti.toPy = func(v jen.Code) jen.Code { return jen.Qual(pkgPyval, "Date").Call(v) }
		ti.encode = func(e, v jen.Code) []jen.Code { return []jen.Code{jen.Add(e).Dot("Date").Call(v)} }
		return ti, true
	case ir.KindEnum:
		e := t.Enum
		if e == nil || !c.IsZero() || !g.unit.EnumPlain(e) {
			break
		}
		cls, validator := g.enumVars(e)
		ti := &typeInfo{goType: jen.Int}
		ti.decode = func(s, x, out jen.Code) jen.Code { return jen.Add(s).Dot("Enum").Call(x, jen.Id(validator), out) }
		ti.decoder = func() jen.Code { return decoderLit(jen.Int(), ti.decode) }
		ti.toPy = func(v jen.Code) jen.Code { return jen.Id(cls).Dot("Member").Call(v) }
		ti.encode = func(e, v jen.Code) []jen.Code {
			return []jen.Code{jen.Add(e).Dot("Choice").Call(jen.Id(validator).Dot("Values").Index(v))}
		}
		return ti, true
	}
	g.refuse.add(pos, "%s of type %s", what, t)
	return nil, false
}

// enumDefault is the index of the member def (an Enum member of t's class, as written
// `Priority.low`) among the class's members; a default given as a raw value is not
// validated by pydantic (it stays a str or an int), so it is refused.
func (g *gen) enumDefault(t *ir.Type, def ir.Value) (int, bool) {
	m, ok := def.(ir.EnumMember)
	if !ok || t.Enum == nil || m.Enum == nil || m.Enum.Module != t.Enum.Module || m.Enum.QualName != t.Enum.QualName ||
		!g.unit.EnumPlain(t.Enum) {
		return 0, false
	}
	for i, mm := range t.Enum.Members {
		if mm.Name == m.Name {
			return i, true
		}
	}
	return 0, false
}

// dateDefault is the validate.Date literal of a date default (date(2024, 1, 1)).
func dateDefault(def ir.Value) (jen.Code, bool) {
	f, ok := def.(ir.Formatted)
	if !ok || f.Kind != "date" {
		return nil, false
	}
	d, err := validate.DateFromString(f.Text)
	if err != nil || len(f.Text) != 10 {
		return nil, false
	}
	return jen.Qual(pkgValidate, "Date").Values(jen.Dict{
		jen.Id("Year"): jen.Lit(d.Year), jen.Id("Month"): jen.Lit(d.Month), jen.Id("Day"): jen.Lit(d.Day),
	}), true
}
