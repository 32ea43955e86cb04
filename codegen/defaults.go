package codegen

import (
	"math/big"
	"strconv"

	"github.com/covetpy/covetgen/ir"
	jen "github.com/dave/jennifer/jen"
)

// defaultValue writes the statements giving an absent parameter its default: FastAPI
// validates a default other than None as it validates a value (pydantic's python mode), so
// an int default of a float parameter becomes a float and a default breaking the
// parameter's constraints is a 422 with the default as input.
func (g *gen) defaultValue(t *ir.Type, c ir.Constraints, def ir.Value, v string, loc []jen.Code) ([]jen.Code, bool) {
	val, input, ok := g.pyDefault(t, def)
	if !ok {
		return nil, false
	}
	out := []jen.Code{jen.Id(v).Op("=").Add(val)}
	if c.IsZero() {
		return out, true
	}
	addErr := jen.Id("errs").Dot("Add").Call(append([]jen.Code{jen.Id("e")}, loc...)...)
	switch t.Kind {
	case ir.KindStr:
		cv, ok := g.strConstraints(c, ir.Pos{}, "default")
		if !ok {
			return nil, false
		}
		s := jen.Lit(string(def.(ir.Str)))
		return []jen.Code{
			jen.List(jen.Id("s"), jen.Id("e")).Op(":=").Id(cv).Dot("Apply").Call(s, s),
			addErr,
			jen.Id(v).Op("=").Qual(pkgPyval, "Str").Call(jen.Id("s")),
		}, true
	case ir.KindInt:
		cv, ok := g.intConstraints(c, ir.Pos{}, "default")
		if !ok {
			return nil, false
		}
		return append(out, jen.If(jen.Id("e").Op(":=").Id(cv).Dot("Check").Call(g.intLit(def.(ir.Int).V), input),
			jen.Id("e").Op("!=").Nil()).Block(addErr)), true
	case ir.KindList:
		// Only lengths apply to a list; a default breaking them is refused (rare).
		rest := c
		rest.MinLength, rest.MaxLength = nil, nil
		n := 0
		switch x := def.(type) {
		case ir.List:
			n = len(x)
		case ir.Tuple:
			n = len(x)
		}
		if !rest.IsZero() || c.MinLength != nil && n < *c.MinLength || c.MaxLength != nil && n > *c.MaxLength {
			return nil, false
		}
		return out, true
	case ir.KindFloat:
		cv, ok := g.floatConstraints(c, ir.Pos{}, "default")
		if !ok {
			return nil, false
		}
		f, _ := floatOf(def)
		return append(out, jen.If(jen.Id("e").Op(":=").Id(cv).Dot("Check").Call(floatLit(f), input),
			jen.Id("e").Op("!=").Nil()).Block(addErr)), true
	case ir.KindDecimal:
		cv, ok := g.temporalConstraints(t, c, ir.Pos{}, "default")
		lit, litOK := temporalLit(t, def)
		if !ok || !litOK {
			return nil, false
		}
		return append(out, jen.If(jen.Id("e").Op(":=").Id(cv).Dot("Check").Call(lit, lit),
			jen.Id("e").Op("!=").Nil()).Block(addErr)), true
	}
	return nil, false
}

// pyDefault is a default validated as t at generation time: the pyval expression of the
// result and the default as the error input of a constraint check.
func (g *gen) pyDefault(t *ir.Type, def ir.Value) (val, input jen.Code, ok bool) {
	switch t.Kind {
	case ir.KindStr:
		if s, ok := def.(ir.Str); ok {
			return jen.Qual(pkgPyval, "Str").Call(jen.Lit(string(s))), jen.Lit(string(s)), true
		}
	case ir.KindInt:
		if i, ok := def.(ir.Int); ok {
			return g.pyInt(i.V), g.intLit(i.V), true
		}
	case ir.KindFloat:
		switch x := def.(type) {
		case ir.Int:
			f, ok := floatOf(x)
			if !ok {
				return nil, nil, false
			}
			return jen.Qual(pkgPyval, "Float").Call(floatLit(f)), g.intLit(x.V), true
		case ir.Float:
			return jen.Qual(pkgPyval, "Float").Call(floatLit(float64(x))), floatLit(float64(x)), true
		}
	case ir.KindBool:
		if b, ok := def.(ir.Bool); ok {
			return jen.Qual(pkgPyval, "Bool").Call(jen.Lit(bool(b))), jen.Lit(bool(b)), true
		}
	case ir.KindBytes:
		if b, ok := def.(ir.Bytes); ok {
			return jen.Qual(pkgPyval, "Bytes").Call(jen.Lit(string(b))), nil, true
		}
	case ir.KindLiteral:
		for _, c := range t.Values {
			if sameLiteral(c, def) {
				v, ok := g.pyConst(c)
				return v, nil, ok
			}
		}
	case ir.KindList:
		var items []ir.Value
		switch x := def.(type) {
		case ir.List:
			items = x
		case ir.Tuple:
			items = x
		default:
			return nil, nil, false
		}
		var out []jen.Code
		for _, it := range items {
			v, _, ok := g.pyDefault(t.Args[0], it)
			if !ok {
				return nil, nil, false
			}
			out = append(out, v)
		}
		return jen.Qual(pkgPyval, "NewList").Call(out...), nil, true
	case ir.KindEnum:
		if i, ok := g.enumDefault(t, def); ok {
			cls, _ := g.enumVars(t.Enum)
			return jen.Id(cls).Dot("Member").Call(jen.Lit(i)), nil, true
		}
	case ir.KindDate:
		if d, ok := dateDefault(def); ok {
			return jen.Qual(pkgPyval, "Date").Call(d), nil, true
		}
	case ir.KindDateTime, ir.KindTime, ir.KindDecimal:
		if v, ok := temporalPyDefault(t, def); ok {
			return v, nil, true
		}
	}
	return nil, nil, false
}

// sameLiteral reports whether a default is the Literal choice c (same type and value).
func sameLiteral(c, def ir.Value) bool {
	switch x := c.(type) {
	case ir.Str:
		y, ok := def.(ir.Str)
		return ok && x == y
	case ir.Int:
		y, ok := def.(ir.Int)
		return ok && x.V.Cmp(y.V) == 0
	case ir.Bool:
		y, ok := def.(ir.Bool)
		return ok && x == y
	case ir.None:
		_, ok := def.(ir.None)
		return ok
	}
	return false
}

// pyConst is the pyval expression of a constant scalar.
func (g *gen) pyConst(v ir.Value) (jen.Code, bool) {
	switch x := v.(type) {
	case ir.None:
		return jen.Qual(pkgPyval, "None"), true
	case ir.Bool:
		return jen.Qual(pkgPyval, "Bool").Call(jen.Lit(bool(x))), true
	case ir.Int:
		return g.pyInt(x.V), true
	case ir.Float:
		return jen.Qual(pkgPyval, "Float").Call(floatLit(float64(x))), true
	case ir.Str:
		return jen.Qual(pkgPyval, "Str").Call(jen.Lit(string(x))), true
	}
	return nil, false
}

// pyInt is a pyval.Int literal.
func (g *gen) pyInt(i *big.Int) jen.Code {
	if i.IsInt64() {
		return jen.Qual(pkgPyval, "IntOf").Call(intConst(i.Int64()))
	}
	return jen.Qual(pkgPyval, "ParseInt").Call(jen.Lit(i.String()))
}

// intLit is a validate.Int literal.
func (g *gen) intLit(i *big.Int) jen.Code {
	if i.IsInt64() {
		return jen.Qual(pkgValidate, "IntOf").Call(intConst(i.Int64()))
	}
	return jen.Qual(pkgPyval, "ParseInt").Call(jen.Lit(i.String())).Dot("Validate").Call()
}

// fieldDefault is a model field's default as a typed Go value for the struct (nil: the
// Go zero value is the default) and the test of a value being it (exclude_defaults).
// pydantic stores defaults unvalidated, so only a default of the field's own type is
// generated.
func (g *gen) fieldDefault(t *ir.Type, fi ir.FieldInfo) (jen.Code, func(v jen.Code) jen.Code, bool) {
	def := fi.Default
	if fi.DefaultFactory != "" {
		switch fi.FactoryValue.(type) {
		case ir.List, *ir.Dict:
			def = fi.FactoryValue
		default:
			return nil, nil, false
		}
	}
	if def == nil {
		return nil, nil, false
	}
	if _, isNone := def.(ir.None); isNone {
		if t.IsOptional() {
			return nil, func(v jen.Code) jen.Code { return jen.Op("!").Add(v).Dot("Valid") }, true
		}
		return nil, nil, false
	}
	if t.Kind == ir.KindUnion {
		nn := t.NonNone()
		if !t.IsOptional() {
			return g.unionDefault(t, def)
		}
		if len(nn) != 1 {
			nn = []*ir.Type{{Kind: ir.KindUnion, Args: nn, Pos: t.Pos}}
		}
		inner, eq, ok := g.fieldDefault(nn[0], ir.FieldInfo{Default: def})
		if !ok || inner == nil {
			return nil, nil, false
		}
		return jen.Qual(pkgValidate, "Opt").Types(g.mustGoType(nn[0])).Values(jen.Dict{jen.Id("Value"): inner, jen.Id("Valid"): jen.True()}),
			func(v jen.Code) jen.Code { return jen.Add(v).Dot("Valid").Op("&&").Add(eq(jen.Add(v).Dot("Value"))) }, true
	}
	switch t.Kind {
	case ir.KindStr:
		if s, ok := def.(ir.Str); ok {
			return jen.Lit(string(s)), func(v jen.Code) jen.Code { return jen.Add(v).Op("==").Lit(string(s)) }, true
		}
	case ir.KindInt:
		if i, ok := def.(ir.Int); ok {
			return g.intLit(i.V), func(v jen.Code) jen.Code { return jen.Add(v).Dot("Cmp").Call(g.intLit(i.V)).Op("==").Lit(0) }, true
		}
	case ir.KindFloat:
		if f, ok := def.(ir.Float); ok {
			return floatLit(float64(f)), func(v jen.Code) jen.Code { return jen.Add(v).Op("==").Add(floatLit(float64(f))) }, true
		}
	case ir.KindBool:
		if b, ok := def.(ir.Bool); ok {
			return jen.Lit(bool(b)), func(v jen.Code) jen.Code { return jen.Add(v).Op("==").Lit(bool(b)) }, true
		}
	case ir.KindLiteral:
		for i, c := range t.Values {
			if sameLiteral(c, def) {
				return jen.Lit(i), func(v jen.Code) jen.Code { return jen.Add(v).Op("==").Lit(i) }, true
			}
		}
	case ir.KindList:
		if l, ok := def.(ir.List); ok && len(l) == 0 {
			return jen.Add(g.mustGoType(t)).Values(), func(v jen.Code) jen.Code { return jen.Len(v).Op("==").Lit(0) }, true
		}
	case ir.KindDict:
		if d, ok := def.(*ir.Dict); ok && len(d.Keys) == 0 {
			return jen.Add(g.mustGoType(t)).Values(), func(v jen.Code) jen.Code { return jen.Len(v).Op("==").Lit(0) }, true
		}
	case ir.KindEnum:
		if i, ok := g.enumDefault(t, def); ok {
			return jen.Lit(i), func(v jen.Code) jen.Code { return jen.Add(v).Op("==").Lit(i) }, true
		}
	case ir.KindDate:
		if d, ok := dateDefault(def); ok {
			return d, func(v jen.Code) jen.Code { return jen.Add(v).Op("==").Add(d) }, true
		}
	case ir.KindDateTime, ir.KindTime, ir.KindDecimal:
		return temporalFieldDefault(t, def)
	case ir.KindURL:
		return urlStrDefault(t, def) // url_default.go
	case ir.KindBytes:
		if b, ok := def.(ir.Bytes); ok {
			return jen.Index().Byte().Call(jen.Lit(string(b))), func(v jen.Code) jen.Code { return jen.String().Call(v).Op("==").Lit(string(b)) }, true
		}
	case ir.KindTuple:
		if tu, ok := def.(ir.Tuple); ok && len(tu) == 0 && t.Variadic {
			return jen.Add(g.mustGoType(t)).Values(), func(v jen.Code) jen.Code { return jen.Len(v).Op("==").Lit(0) }, true
		}
		if tu, ok := def.(ir.Tuple); ok && !t.Variadic && len(tu) == len(t.Args) {
			return g.fixedTupleDefault(t, tu)
		}
	case ir.KindSet, ir.KindFrozenSet:
		if emptySetDefault(def) {
			return jen.Add(g.mustGoType(t)).Values(), func(v jen.Code) jen.Code { return jen.Len(v).Op("==").Lit(0) }, true
		}
	}
	return nil, nil, false
}

// mustGoType is the Go type of t (already checked by typeOf).
func (g *gen) mustGoType(t *ir.Type) jen.Code {
	ti, ok := g.typeOf(t, ir.Constraints{}, ir.Pos{}, "default")
	if !ok {
		return jen.Any()
	}
	return ti.goType()
}

// intConst is an untyped integer constant (10, not int64(10)).
func intConst(i int64) jen.Code { return jen.Id(strconv.FormatInt(i, 10)) }
