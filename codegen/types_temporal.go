package codegen

import (
	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/runtime/validate"
	jen "github.com/dave/jennifer/jen"
)

// temporalKinds are the kinds this file gives generated code: datetime, time,
// timedelta and Decimal, validated by runtime/validate (DateTime, Time, Duration,
// Decimal) and living as the pyval kinds of the same names in translated bodies.
var temporalKinds = map[ir.Kind]struct {
	goType, method, decoder, pyType, enc, fromString string
}{
	ir.KindDateTime:  {"DateTime", "DateTime", "DecodeDateTime", "DateTime", "DateTime", "DateTimeFromString"},
	ir.KindTime:      {"Time", "Time", "DecodeTime", "Time", "Time", "TimeFromString"},
	ir.KindTimeDelta: {"Duration", "Duration", "DecodeDuration", "Timedelta", "Duration", "DurationFromString"},
	ir.KindDecimal:   {"Decimal", "Decimal", "DecodeDecimal", "Decimal", "Decimal", "DecimalFromString"},
}

// temporalTypeOf is typeOf for datetime, time, timedelta and Decimal fields: pydantic's
// lax JSON-mode validators, pydantic's JSON serialization (jsonable_encoder's under
// path B, which validate.Encoder's modes handle).
func (g *gen) temporalTypeOf(t *ir.Type, c ir.Constraints, pos ir.Pos, what string) (*typeInfo, bool) {
	k := temporalKinds[t.Kind]
	cons, ok := g.temporalConstraints(t, c, pos, what)
	if !ok {
		return nil, false
	}
	ti := &typeInfo{goType: func() *jen.Statement { return jen.Qual(pkgValidate, k.goType) }}
	takesCons := t.Kind == ir.KindDecimal || t.Kind == ir.KindTimeDelta
	ti.decode = func(s, x, out jen.Code) jen.Code {
		if !takesCons {
			return jen.Add(s).Dot(k.method).Call(x, out)
		}
		var cv jen.Code = jen.Nil()
		if cons != "" {
			cv = jen.Op("&").Id(cons)
		}
		return jen.Add(s).Dot(k.method).Call(x, cv, out)
	}
	ti.decoder = func() jen.Code {
		if cons == "" {
			return jen.Qual(pkgValidate, k.decoder)
		}
		return decoderLit(ti.goType(), ti.decode)
	}
	ti.toPy = func(v jen.Code) jen.Code { return jen.Qual(pkgPyval, k.pyType).Call(v) }
	ti.encode = func(e, v jen.Code) []jen.Code { return []jen.Code{jen.Add(e).Dot(k.enc).Call(v)} }
	return ti, true
}

// temporalConv validates a parameter string as datetime, time, timedelta or Decimal (the
// pyval kind of the same name); a Decimal is then checked against its constraints (or
// the default ones: finite).
func (g *gen) temporalConv(t *ir.Type, c ir.Constraints, pos ir.Pos, what string) (convFunc, bool) {
	k := temporalKinds[t.Kind]
	cons, ok := g.temporalConstraints(t, c, pos, what)
	if !ok {
		return nil, false
	}
	if t.Kind == ir.KindDecimal && cons == "" {
		cons = g.constraintsVar("DecimalConstraints", jen.Dict{}, "decimal")
	}
	return func(raw jen.Code, dst string, loc []jen.Code) []jen.Code {
		out := []jen.Code{jen.List(jen.Id("v"), jen.Id("e")).Op(":=").Qual(pkgValidate, k.fromString).Call(raw)}
		if t.Kind == ir.KindDecimal {
			out = append(out, jen.If(jen.Id("e").Op("==").Nil()).Block(jen.Id("e").Op("=").Id(cons).Dot("Check").Call(jen.Id("v"), raw)))
		}
		return append(out,
			jen.Id("errs").Dot("Add").Call(append([]jen.Code{jen.Id("e")}, loc...)...),
			jen.Id(dst).Op("=").Qual(pkgPyval, k.pyType).Call(jen.Id("v")))
	}, true
}

// temporalConstraints declares the validate.DecimalConstraints of a Decimal ("" when
// there are none); constraints on the other kinds are refused.
func (g *gen) temporalConstraints(t *ir.Type, c ir.Constraints, pos ir.Pos, what string) (string, bool) {
	if c.IsZero() {
		return "", true
	}
	if t.Kind != ir.KindDecimal || c.MinLength != nil || c.MaxLength != nil || c.Pattern != nil ||
		c.StripWhitespace || c.ToLower || c.ToUpper || c.Strict {
		g.refuse.add(pos, "constraints on the %s %s", t.Kind, what)
		return "", false
	}
	d := jen.Dict{}
	if c.MaxDigits != nil {
		d[jen.Id("MaxDigits")] = g.intPtr(c.MaxDigits)
	}
	if c.DecimalPlaces != nil {
		d[jen.Id("DecimalPlaces")] = g.intPtr(c.DecimalPlaces)
	}
	if c.AllowInfNan != nil {
		d[jen.Id("AllowInfNan")] = jen.Lit(*c.AllowInfNan)
	}
	for _, b := range []struct {
		name string
		v    ir.Value
	}{{"Gt", c.Gt}, {"Ge", c.Ge}, {"Lt", c.Lt}, {"Le", c.Le}, {"MultipleOf", c.MultipleOf}} {
		if b.v == nil {
			continue
		}
		text, ok := decimalText(b.v)
		if !ok {
			g.refuse.add(pos, "bound %s=%s on the Decimal %s", b.name, b.v.Repr(), what)
			return "", false
		}
		d[jen.Id(b.name)] = decimalPtrLit(text)
	}
	return g.constraintsVar("DecimalConstraints", d, what), true
}

// decimalText is the text of an int or Decimal value as Decimal() reads it exactly (a
// float bound is left to be refused: pydantic's conversion of it is not reproduced).
func decimalText(v ir.Value) (string, bool) {
	switch x := v.(type) {
	case ir.Int:
		return x.V.String(), true
	case ir.Decimal:
		if _, ok := validate.ParseDecimal(string(x)); ok {
			return string(x), true
		}
	}
	return "", false
}

// decimalLit is a validate.Decimal expression of text (checked by decimalText).
func decimalLit(text string) jen.Code {
	return jen.Func().Params().Qual(pkgValidate, "Decimal").Block(
		jen.List(jen.Id("d"), jen.Id("_")).Op(":=").Qual(pkgValidate, "ParseDecimal").Call(jen.Lit(text)),
		jen.Return(jen.Id("d")),
	).Call()
}

// decimalPtrLit is a *validate.Decimal expression of text (checked by decimalText).
func decimalPtrLit(text string) jen.Code {
	return jen.Func().Params().Op("*").Qual(pkgValidate, "Decimal").Block(
		jen.List(jen.Id("d"), jen.Id("_")).Op(":=").Qual(pkgValidate, "ParseDecimal").Call(jen.Lit(text)),
		jen.Return(jen.Op("&").Id("d")),
	).Call()
}

// temporalLit is the validate literal of a datetime, time or Decimal default (a
// constant the lifter evaluated: datetime(2024, 1, 2), Decimal("0")).
func temporalLit(t *ir.Type, def ir.Value) (jen.Code, bool) {
	switch t.Kind {
	case ir.KindDecimal:
		text, ok := decimalText(def)
		if _, isDec := def.(ir.Decimal); !ok || !isDec {
			return nil, false
		}
		return decimalLit(text), true
	case ir.KindDateTime:
		f, ok := def.(ir.Formatted)
		if !ok || f.Kind != "datetime" {
			return nil, false
		}
		dt, err := validate.DateTimeFromString(f.Text)
		if err != nil {
			return nil, false
		}
		return jen.Qual(pkgValidate, "DateTime").Values(jen.Dict{
			jen.Id("Date"): jen.Qual(pkgValidate, "Date").Values(jen.Dict{
				jen.Id("Year"): jen.Lit(dt.Year), jen.Id("Month"): jen.Lit(dt.Month), jen.Id("Day"): jen.Lit(dt.Day)}),
			jen.Id("Time"): timeLit(dt.Time),
		}), true
	case ir.KindTime:
		f, ok := def.(ir.Formatted)
		if !ok || f.Kind != "time" {
			return nil, false
		}
		tm, err := validate.TimeFromString(f.Text)
		if err != nil {
			return nil, false
		}
		return timeLit(tm), true
	}
	return nil, false
}

// timeLit is a validate.Time literal.
func timeLit(t validate.Time) jen.Code {
	d := jen.Dict{}
	for _, f := range []struct {
		name string
		v    int
	}{{"Hour", t.Hour}, {"Minute", t.Minute}, {"Second", t.Second}, {"Microsecond", t.Microsecond}, {"Offset", t.Offset}} {
		if f.v != 0 {
			d[jen.Id(f.name)] = jen.Lit(f.v)
		}
	}
	if t.HasTZ {
		d[jen.Id("HasTZ")] = jen.True()
	}
	return jen.Qual(pkgValidate, "Time").Values(d)
}

// temporalPyDefault is a parameter's datetime, time or Decimal default as a pyval
// expression.
func temporalPyDefault(t *ir.Type, def ir.Value) (jen.Code, bool) {
	lit, ok := temporalLit(t, def)
	if !ok {
		return nil, false
	}
	return jen.Qual(pkgPyval, temporalKinds[t.Kind].pyType).Call(lit), true
}

// temporalFieldDefault is a model field's datetime, time or Decimal default and its
// equality test (Python's ==: Decimal("0") == Decimal("0.00")).
func temporalFieldDefault(t *ir.Type, def ir.Value) (jen.Code, func(v jen.Code) jen.Code, bool) {
	lit, ok := temporalLit(t, def)
	if !ok {
		return nil, nil, false
	}
	if t.Kind == ir.KindDecimal {
		return lit, func(v jen.Code) jen.Code {
			return jen.Qual(pkgPyval, "Eq").Call(jen.Qual(pkgPyval, "Decimal").Call(v), jen.Qual(pkgPyval, "Decimal").Call(lit))
		}, true
	}
	return lit, func(v jen.Code) jen.Code { return jen.Add(v).Op("==").Add(lit) }, true
}
