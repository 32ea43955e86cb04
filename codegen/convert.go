package codegen

import (
	"fmt"
	"math"
	"math/big"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/runtime/validate"
	jen "github.com/dave/jennifer/jen"
)

// convFunc writes the statements validating the raw string raw into dst (a pyval.Value
// lvalue), adding errors located at loc.
type convFunc func(raw jen.Code, dst string, loc []jen.Code) []jen.Code

// withInput makes a convFunc report errors with input (the raw body bytes) rather than
// the string validated.
func withInput(conv convFunc, input jen.Code) convFunc {
	return func(raw jen.Code, dst string, loc []jen.Code) []jen.Code {
		stmts := conv(raw, dst, loc)
		// Every conversion ends with errs.Add(e, ...) then the assignment: set the input
		// just before the Add.
		out := make([]jen.Code, 0, len(stmts)+1)
		for i, st := range stmts {
			if i == len(stmts)-2 {
				out = append(out, jen.If(jen.Id("e").Op("!=").Nil()).Block(jen.Id("e").Dot("Input").Op("=").Add(input)))
			}
			out = append(out, st)
		}
		return out
	}
}

// withTypeConstraints is c over the constraints of t's own Annotated metadata (an alias
// such as Name = Annotated[str, StringConstraints(...)] used inside Query() or as a
// field's type): pydantic applies both, the outer ones (c) winning.
func withTypeConstraints(t *ir.Type, c ir.Constraints) ir.Constraints {
	if t == nil || t.Constraints.IsZero() {
		return c
	}
	m := t.Constraints
	m.Merge(c)
	return m
}

// stringConv returns how a parameter string is validated as t with constraints c (pydantic's
// lax python mode on a str input).
func (g *gen) stringConv(t *ir.Type, c ir.Constraints, pos ir.Pos, what string) (convFunc, bool) {
	c = withTypeConstraints(t, c)
	addErr := func(loc []jen.Code) jen.Code {
		return jen.Id("errs").Dot("Add").Call(append([]jen.Code{jen.Id("e")}, loc...)...)
	}
	switch t.Kind {
	case ir.KindStr:
		cv, ok := g.strConstraints(c, pos, what)
		if !ok {
			return nil, false
		}
		if cv == "" {
			return func(raw jen.Code, dst string, loc []jen.Code) []jen.Code {
				return []jen.Code{jen.Id(dst).Op("=").Qual(pkgPyval, "Str").Call(raw)}
			}, true
		}
		return func(raw jen.Code, dst string, loc []jen.Code) []jen.Code {
			return []jen.Code{
				jen.List(jen.Id("v"), jen.Id("e")).Op(":=").Id(cv).Dot("Apply").Call(raw, raw),
				addErr(loc),
				jen.Id(dst).Op("=").Qual(pkgPyval, "Str").Call(jen.Id("v")),
			}
		}, true
	case ir.KindInt, ir.KindFloat:
		var cv string
		var ok bool
		from, wrap := "IntFromString", func(v jen.Code) jen.Code { return jen.Qual(pkgPyval, "FromValidateInt").Call(v) }
		if t.Kind == ir.KindInt {
			cv, ok = g.intConstraints(c, pos, what)
		} else {
			from, wrap = "FloatFromString", func(v jen.Code) jen.Code { return jen.Qual(pkgPyval, "Float").Call(v) }
			cv, ok = g.floatConstraints(c, pos, what)
		}
		if !ok {
			return nil, false
		}
		return func(raw jen.Code, dst string, loc []jen.Code) []jen.Code {
			out := []jen.Code{jen.List(jen.Id("v"), jen.Id("e")).Op(":=").Qual(pkgValidate, from).Call(raw)}
			if cv != "" {
				out = append(out, jen.If(jen.Id("e").Op("==").Nil()).Block(jen.Id("e").Op("=").Id(cv).Dot("Check").Call(jen.Id("v"), raw)))
			}
			return append(out, addErr(loc), jen.Id(dst).Op("=").Add(wrap(jen.Id("v"))))
		}, true
	case ir.KindBool:
		if !c.IsZero() {
			g.refuse.add(pos, "constraints on the bool %s", what)
			return nil, false
		}
		return func(raw jen.Code, dst string, loc []jen.Code) []jen.Code {
			return []jen.Code{
				jen.List(jen.Id("v"), jen.Id("e")).Op(":=").Qual(pkgValidate, "BoolFromString").Call(raw),
				addErr(loc),
				jen.Id(dst).Op("=").Qual(pkgPyval, "Bool").Call(jen.Id("v")),
			}
		}, true
	case ir.KindLiteral:
		if !c.IsZero() {
			g.refuse.add(pos, "constraints on the Literal %s", what)
			return nil, false
		}
		lit, vals, ok := g.literal(t, pos, what)
		if !ok {
			return nil, false
		}
		return func(raw jen.Code, dst string, loc []jen.Code) []jen.Code {
			return []jen.Code{
				jen.List(jen.Id("i"), jen.Id("e")).Op(":=").Id(lit).Dot("FromString").Call(raw),
				addErr(loc),
				jen.If(jen.Id("e").Op("==").Nil()).Block(jen.Id(dst).Op("=").Id(vals).Index(jen.Id("i"))),
			}
		}, true
	case ir.KindUUID, ir.KindEnum, ir.KindDate:
		return g.extConv(t, c, pos, what)
	case ir.KindDateTime, ir.KindTime, ir.KindTimeDelta, ir.KindDecimal:
		return g.temporalConv(t, c, pos, what)
	case ir.KindURL:
		return g.urlConv(t, c, pos, what)
	case ir.KindIP:
		return g.ipConv(t, c, pos, what)
	}
	g.refuse.add(pos, "%s of type %s", what, t)
	return nil, false
}

// literal declares the validator of a Literal type and the table of its values as pyval
// values; it returns their names.
func (g *gen) literal(t *ir.Type, pos ir.Pos, what string) (string, string, bool) {
	var choices, vals []jen.Code
	for _, v := range t.Values {
		switch x := v.(type) {
		case ir.Str:
			choices = append(choices, jen.Qual(pkgValidate, "StrChoice").Call(jen.Lit(string(x))))
			vals = append(vals, jen.Qual(pkgPyval, "Str").Call(jen.Lit(string(x))))
		case ir.Int:
			if !x.V.IsInt64() {
				g.refuse.add(pos, "Literal value %s of %s", x.Repr(), what)
				return "", "", false
			}
			choices = append(choices, jen.Qual(pkgValidate, "IntChoice").Call(intConst(x.V.Int64())))
			vals = append(vals, jen.Qual(pkgPyval, "IntOf").Call(intConst(x.V.Int64())))
		case ir.Bool:
			choices = append(choices, jen.Qual(pkgValidate, "BoolChoice").Call(jen.Lit(bool(x))))
			vals = append(vals, jen.Qual(pkgPyval, "Bool").Call(jen.Lit(bool(x))))
		case ir.None:
			choices = append(choices, jen.Qual(pkgValidate, "NoneChoice").Call())
			vals = append(vals, jen.Qual(pkgPyval, "None"))
		default:
			g.refuse.add(pos, "Literal value %s of %s", v.Repr(), what)
			return "", "", false
		}
	}
	lit := g.pkg.get("lit" + camel(what, true))
	tab := g.pkg.get(lit + "Values")
	f := g.file("validators.go")
	f.Commentf("%s validates %s: %s.", lit, what, t)
	f.Var().Id(lit).Op("=").Qual(pkgValidate, "NewLiteral").Call(choices...)
	f.Var().Id(tab).Op("=").Index().Qual(pkgPyval, "Value").Values(vals...)
	return lit, tab, true
}

// strConstraints declares the validate.StrConstraints of c ("" when there are none).
func (g *gen) strConstraints(c ir.Constraints, pos ir.Pos, what string) (string, bool) {
	if c.Gt != nil || c.Ge != nil || c.Lt != nil || c.Le != nil || c.MultipleOf != nil || c.MaxDigits != nil ||
		c.DecimalPlaces != nil || c.AllowInfNan != nil || c.Strict {
		g.refuse.add(pos, "numeric constraints on the str %s", what)
		return "", false
	}
	d := jen.Dict{}
	if c.StripWhitespace {
		d[jen.Id("StripWhitespace")] = jen.True()
	}
	if c.ToLower {
		d[jen.Id("ToLower")] = jen.True()
	}
	if c.ToUpper {
		d[jen.Id("ToUpper")] = jen.True()
	}
	if c.MinLength != nil {
		d[jen.Id("MinLength")] = g.intPtr(c.MinLength)
	}
	if c.MaxLength != nil {
		d[jen.Id("MaxLength")] = g.intPtr(c.MaxLength)
	}
	if c.Pattern != nil {
		if _, err := validate.CompilePattern(*c.Pattern); err != nil {
			g.refuse.add(pos, "pattern %q of %s: %v", *c.Pattern, what, err)
			return "", false
		}
		g.helpers["mustPattern"] = true
		d[jen.Id("Pattern")] = jen.Id("mustPattern").Call(jen.Lit(*c.Pattern))
	}
	if len(d) == 0 {
		return "", true
	}
	return g.constraintsVar("StrConstraints", d, what), true
}

// intConstraints declares the validate.IntConstraints of c.
func (g *gen) intConstraints(c ir.Constraints, pos ir.Pos, what string) (string, bool) {
	if c.MinLength != nil || c.MaxLength != nil || c.Pattern != nil || c.MaxDigits != nil || c.DecimalPlaces != nil ||
		c.StripWhitespace || c.ToLower || c.ToUpper || c.AllowInfNan != nil || c.Strict {
		g.refuse.add(pos, "constraints of another type on the int %s", what)
		return "", false
	}
	d := jen.Dict{}
	for _, b := range []struct {
		name string
		v    ir.Value
	}{{"Gt", c.Gt}, {"Ge", c.Ge}, {"Lt", c.Lt}, {"Le", c.Le}, {"MultipleOf", c.MultipleOf}} {
		if b.v == nil {
			continue
		}
		i, ok := b.v.(ir.Int)
		if !ok {
			g.refuse.add(pos, "bound %s=%s on the int %s", b.name, b.v.Repr(), what)
			return "", false
		}
		g.helpers["ptr"] = true
		d[jen.Id(b.name)] = jen.Id("ptr").Call(g.intLit(i.V))
	}
	if len(d) == 0 {
		return "", true
	}
	return g.constraintsVar("IntConstraints", d, what), true
}

// floatConstraints declares the validate.FloatConstraints of c.
func (g *gen) floatConstraints(c ir.Constraints, pos ir.Pos, what string) (string, bool) {
	if c.MinLength != nil || c.MaxLength != nil || c.Pattern != nil || c.MaxDigits != nil || c.DecimalPlaces != nil ||
		c.StripWhitespace || c.ToLower || c.ToUpper || c.Strict {
		g.refuse.add(pos, "constraints of another type on the float %s", what)
		return "", false
	}
	d := jen.Dict{}
	for _, b := range []struct {
		name string
		v    ir.Value
	}{{"Gt", c.Gt}, {"Ge", c.Ge}, {"Lt", c.Lt}, {"Le", c.Le}, {"MultipleOf", c.MultipleOf}} {
		if b.v == nil {
			continue
		}
		f, ok := floatOf(b.v)
		if !ok {
			g.refuse.add(pos, "bound %s=%s on the float %s", b.name, b.v.Repr(), what)
			return "", false
		}
		g.helpers["ptr"] = true
		d[jen.Id(b.name)] = jen.Id("ptr").Call(floatLit(f))
	}
	if c.AllowInfNan != nil {
		g.helpers["ptr"] = true
		d[jen.Id("AllowInfNan")] = jen.Id("ptr").Call(jen.Lit(*c.AllowInfNan))
	}
	if len(d) == 0 {
		return "", true
	}
	return g.constraintsVar("FloatConstraints", d, what), true
}

// constraintsVar declares a package-level constraints value (once per distinct value).
func (g *gen) constraintsVar(typ string, d jen.Dict, what string) string {
	key := typ + fmt.Sprintf("%#v", jen.Values(d))
	if name, ok := g.consts[key]; ok {
		return name
	}
	name := g.pkg.get("c" + camel(what, true))
	g.consts[key] = name
	f := g.file("validators.go")
	f.Commentf("%s are the constraints of %s.", name, what)
	f.Var().Id(name).Op("=").Qual(pkgValidate, typ).Values(d)
	return name
}

// floatOf is the float value of an int or float bound (ints exactly representable only).
func floatOf(v ir.Value) (float64, bool) {
	switch x := v.(type) {
	case ir.Float:
		return float64(x), true
	case ir.Int:
		f, acc := new(big.Float).SetInt(x.V).Float64()
		return f, acc == big.Exact
	}
	return 0, false
}

// floatLit is a float64 literal that keeps its exact value.
func floatLit(f float64) jen.Code {
	switch {
	case math.IsInf(f, 1):
		return jen.Qual("math", "Inf").Call(jen.Lit(1))
	case math.IsInf(f, -1):
		return jen.Qual("math", "Inf").Call(jen.Lit(-1))
	case math.IsNaN(f):
		return jen.Qual("math", "NaN").Call()
	}
	return jen.Lit(f)
}
