package codegen

import (
	"strings"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/runtime/request"
	"github.com/covetpy/covetgen/runtime/router"
	jen "github.com/dave/jennifer/jen"
)

// param reads a path, query, header or cookie parameter into a new pyval.Value local, as
// FastAPI's request_params_to_args does: absent (or an empty list) means the default (None
// as is, any other default validated like a value) or a "missing" error; present values
// are validated with pydantic's lax rules and errors located at (in, alias[, index]).
func (h *handler) param(p *ir.Param) (string, bool) {
	if p.Type == nil {
		h.refuse(p.Pos, "parameter %s without a type", p.Name)
		return "", false
	}
	if p.Info.Constraints.Strict {
		h.refuse(p.Pos, "strict parameter %s", p.Name)
		return "", false
	}
	if p.Info.ValidationAlias != nil {
		h.refuse(p.Pos, "validation_alias on parameter %s", p.Name)
		return "", false
	}
	if p.Info.DefaultFactory != "" {
		h.refuse(p.Pos, "default_factory on parameter %s", p.Name)
		return "", false
	}
	alias := p.Alias()
	if p.In == ir.InHeader && p.Info.Alias == nil && p.ConvertUnderscores {
		alias = strings.ReplaceAll(alias, "_", "-")
	}
	t := p.Type
	optional := false
	if t.Kind == ir.KindUnion {
		nn := t.NonNone()
		if !t.IsOptional() || len(nn) != 1 {
			h.refuse(p.Pos, "parameter %s of type %s", p.Name, t)
			return "", false
		}
		t, optional = nn[0], true
	}
	loc := []jen.Code{jen.Lit(p.In.String()), jen.Lit(alias)}
	v := h.local.get(camel(p.Name, false))
	var stmts []jen.Code
	switch {
	case t.Kind == ir.KindModel && !optional && p.In != ir.InPath:
		var ok bool
		if stmts, ok = h.paramModel(p, v); !ok {
			return "", false
		}
	case t.IsSequence():
		if t.Kind != ir.KindList || len(t.Args) != 1 || p.In == ir.InPath || p.In == ir.InCookie {
			h.refuse(p.Pos, "%s parameter %s of type %s", p.In, p.Name, p.Type)
			return "", false
		}
		stmts = h.listParam(p, t, alias, v, loc)
	default:
		stmts = h.scalarParam(p, t, optional, alias, v, loc)
	}
	if stmts == nil {
		return "", false
	}
	h.add(jen.Commentf("%s: %s (%s %q)", p.Name, p.Type, p.In, alias))
	h.add(stmts...)
	return v, true
}

// rawLookup returns the expression reading the raw string of a single-valued parameter:
// (value, present) for query/header/cookie; path parameters are always present.
func (h *handler) rawLookup(p *ir.Param, alias string) (get jen.Code, isPath bool, ok bool) {
	switch p.In {
	case ir.InPath:
		i, conv, found := h.pathIndex(alias)
		if !found {
			h.refuse(p.Pos, "path parameter %s not in the path %s", p.Name, h.r.Template)
			return nil, false, false
		}
		if !convertorFits(conv, p.Type) {
			h.refuse(p.Pos, "path parameter %s of type %s with a convertor of another type", p.Name, p.Type)
			return nil, false, false
		}
		return jen.Id("rq").Dot("Param").Call(jen.Lit(i)), true, true
	case ir.InQuery:
		return jen.Id("rq").Dot("Query").Call().Dot("Get").Call(jen.Lit(alias)), false, true
	case ir.InHeader:
		return jen.Id("rq").Dot("Header").Call(jen.Lit(request.CanonicalKey(alias))), false, true
	case ir.InCookie:
		return jen.Id("rq").Dot("Cookie").Call(jen.Lit(alias)), false, true
	}
	h.refuse(p.Pos, "%s parameter %s", p.In, p.Name)
	return nil, false, false
}

// convertorFits reports whether Starlette's converted value validates as t the way the
// matched text does: the int, float and uuid convertors hand pydantic an int, a float or a
// UUID, which only the same type accepts unchanged.
func convertorFits(conv router.Convertor, t *ir.Type) bool {
	if t.Kind == ir.KindUnion && t.IsOptional() && len(t.NonNone()) == 1 {
		t = t.NonNone()[0]
	}
	switch conv {
	case router.Int:
		return t.Kind == ir.KindInt
	case router.Float:
		return t.Kind == ir.KindFloat
	case router.UUID:
		return t.Kind == ir.KindUUID
	}
	return true
}

// scalarParam reads a single-valued parameter.
func (h *handler) scalarParam(p *ir.Param, t *ir.Type, optional bool, alias, v string, loc []jen.Code) []jen.Code {
	get, isPath, ok := h.rawLookup(p, alias)
	if !ok {
		return nil
	}
	conv, ok := h.g.stringConv(t, p.Info.Constraints, p.Pos, p.Name)
	if !ok {
		h.ok = false
		return nil
	}
	if isPath {
		return []jen.Code{
			jen.Var().Id(v).Qual(pkgPyval, "Value"),
			jen.Block(append([]jen.Code{jen.Id("raw").Op(":=").Add(get)}, conv(jen.Id("raw"), v, loc)...)...),
		}
	}
	absent, ok := h.absent(p, t, optional, v, loc)
	if !ok {
		return nil
	}
	return []jen.Code{
		jen.Var().Id(v).Qual(pkgPyval, "Value"),
		jen.If(jen.List(jen.Id("raw"), jen.Id("ok")).Op(":=").Add(get), jen.Id("ok")).Block(conv(jen.Id("raw"), v, loc)...).
			Else().Block(absent...),
	}
}

// listParam reads a list[T] query or header parameter.
func (h *handler) listParam(p *ir.Param, t *ir.Type, alias, v string, loc []jen.Code) []jen.Code {
	item := t.Args[0]
	if !item.IsScalar() || item.Kind == ir.KindUnion {
		h.refuse(p.Pos, "%s parameter %s of type %s", p.In, p.Name, p.Type)
		return nil
	}
	conv, ok := h.g.stringConv(item, ir.Constraints{}, p.Pos, p.Name)
	if !ok {
		h.ok = false
		return nil
	}
	c := p.Info.Constraints
	if c.Gt != nil || c.Ge != nil || c.Lt != nil || c.Le != nil || c.MultipleOf != nil || c.Pattern != nil ||
		c.MaxDigits != nil || c.DecimalPlaces != nil || c.StripWhitespace || c.ToLower || c.ToUpper || c.AllowInfNan != nil {
		h.refuse(p.Pos, "constraints on the list parameter %s", p.Name)
		return nil
	}
	var all jen.Code
	switch p.In {
	case ir.InQuery:
		all = jen.Id("rq").Dot("Query").Call().Dot("All").Call(jen.Lit(alias))
	case ir.InHeader:
		all = jen.Id("rq").Dot("HeaderValues").Call(jen.Lit(request.CanonicalKey(alias)))
	}
	optional := p.Type.Kind == ir.KindUnion
	absent, ok := h.absent(p, t, optional, v, loc)
	if !ok {
		return nil
	}
	itemLoc := append(append([]jen.Code{}, loc...), jen.Id("i"))
	// pydantic's list: beyond max_length the items' errors give way to too_long (so the
	// items need no validation); min_length is checked when every item is valid.
	present := []jen.Code{
		jen.Id("items").Op(":=").Make(jen.Index().Qual(pkgPyval, "Value"), jen.Len(jen.Id("raws"))),
		jen.For(jen.List(jen.Id("i"), jen.Id("raw")).Op(":=").Range().Id("raws")).Block(
			conv(jen.Id("raw"), "items[i]", itemLoc)...),
	}
	addLen := func(min, max *int) jen.Code {
		return jen.Id("errs").Dot("Add").Call(append([]jen.Code{
			jen.Qual(pkgValidate, "CheckLength").Call(jen.Lit("List"), jen.Len(jen.Id("raws")), h.g.intPtr(min), h.g.intPtr(max), jen.Id("raws"))},
			loc...)...)
	}
	if c.MinLength != nil {
		present = append([]jen.Code{jen.Id("before").Op(":=").Id("errs").Dot("Len").Call()}, present...)
		present = append(present, jen.If(jen.Id("errs").Dot("Len").Call().Op("==").Id("before")).Block(addLen(c.MinLength, nil)))
	}
	present = append(present, jen.Id(v).Op("=").Qual(pkgPyval, "NewList").Call(jen.Id("items").Op("...")))
	if c.MaxLength != nil {
		present = []jen.Code{jen.If(jen.Len(jen.Id("raws")).Op(">").Lit(*c.MaxLength)).Block(addLen(nil, c.MaxLength)).
			Else().Block(present...)}
	}
	return []jen.Code{
		jen.Var().Id(v).Qual(pkgPyval, "Value"),
		jen.If(jen.Id("raws").Op(":=").Add(all), jen.Len(jen.Id("raws")).Op(">").Lit(0)).Block(present...).Else().Block(absent...),
	}
}

// intPtr is a *int literal (nil when unset).
func (g *gen) intPtr(n *int) jen.Code {
	if n == nil {
		return jen.Nil()
	}
	g.helpers["ptr"] = true
	return jen.Id("ptr").Call(jen.Lit(*n))
}

// absent is what an absent parameter becomes: "missing", None, or its default validated.
func (h *handler) absent(p *ir.Param, t *ir.Type, optional bool, v string, loc []jen.Code) ([]jen.Code, bool) {
	if p.Info.Required {
		return []jen.Code{jen.Id("errs").Dot("Missing").Call(append([]jen.Code{jen.Nil()}, loc...)...)}, true
	}
	def := p.Info.Default
	if _, isNone := def.(ir.None); isNone || def == nil {
		return []jen.Code{jen.Id(v).Op("=").Qual(pkgPyval, "None")}, true
	}
	code, ok := h.g.defaultValue(t, p.Info.Constraints, def, v, loc)
	if !ok {
		h.refuse(p.Pos, "default %s of parameter %s: %s", def.Repr(), p.Name, p.Type)
		return nil, false
	}
	return code, true
}
