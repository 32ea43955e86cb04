package codegen

import (
	"math"
	"strconv"
	"strings"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/runtime/request"
	jen "github.com/dave/jennifer/jen"
)

// paramModel reads a Query(), Header() or Cookie() parameter whose type is a pydantic
// model, as FastAPI's request_params_to_args does for a single model parameter: a dict is
// built from the request (each field under its validation alias: a sequence field's
// values, else the field's value; absent fields their default unless None), every other
// name of the request added after them, and the model validated from that dict with
// errors located at (in, field). A header model's extra headers come in the order the
// client sent them (request.ReceivedHeaders), which orders extra="forbid" errors as
// FastAPI does.
func (h *handler) paramModel(p *ir.Param, v string) ([]jen.Code, bool) {
	m := p.Type.Model
	if p.Alias() != p.Name || p.Info.ValidationAlias != nil || !p.Info.Required {
		h.refuse(p.Pos, "options of the %s model parameter %s", p.In, p.Name)
		return nil, false
	}
	if f := aliasPathField(m); f != nil {
		h.refuse(f.Pos, "AliasChoices or AliasPath validation alias of %s.%s in a %s model", m.Name, f.Name, p.In)
		return nil, false
	}
	mi, ok := h.g.models.get(m, p.Pos)
	if !ok {
		h.ok = false
		return nil, false
	}
	in := p.In.String()
	var stmts []jen.Code
	var processed []string
	stmts = append(stmts, jen.Var().Id("d").Id("paramsDict"))
	for _, f := range m.Fields {
		key := f.Name
		if f.Info.ValidationAlias != nil {
			key = *f.Info.ValidationAlias
		} else if f.Info.Alias != nil {
			key = *f.Info.Alias
		}
		lookup := key
		if p.In == ir.InHeader && p.ConvertUnderscores && key == f.Name {
			lookup = strings.ReplaceAll(key, "_", "-")
		}
		processed = append(processed, lookup, key)
		seq := f.Type.IsSequence() || f.Type.IsOptional() && len(f.Type.NonNone()) == 1 && f.Type.NonNone()[0].IsSequence()
		var def jen.Code
		if !f.Info.Required {
			if f.Info.DefaultFactory != "" {
				h.refuse(f.Pos, "default_factory of %s.%s in a %s model", m.Name, f.Name, in)
				return nil, false
			}
			if _, isNone := f.Info.Default.(ir.None); !isNone {
				js, ok := jsonOf(f.Info.Default)
				if !ok {
					h.refuse(f.Pos, "default %s of %s.%s in a %s model", f.Info.Default.Repr(), m.Name, f.Name, in)
					return nil, false
				}
				def = jen.Id("d").Dot("raw").Call(jen.Lit(key), jen.Lit(js))
			}
		}
		var get jen.Code
		switch {
		case seq && p.In == ir.InQuery:
			get = jen.Id("rq").Dot("Query").Call().Dot("All").Call(jen.Lit(lookup))
		case seq && p.In == ir.InHeader:
			get = jen.Id("rq").Dot("HeaderValues").Call(jen.Lit(request.CanonicalKey(lookup)))
		case seq:
			h.refuse(f.Pos, "sequence field %s.%s in a cookie model", m.Name, f.Name)
			return nil, false
		case p.In == ir.InQuery:
			get = jen.Id("rq").Dot("Query").Call().Dot("Get").Call(jen.Lit(lookup))
		case p.In == ir.InHeader:
			get = jen.Id("rq").Dot("Header").Call(jen.Lit(request.CanonicalKey(lookup)))
		default:
			get = jen.Id("rq").Dot("Cookie").Call(jen.Lit(lookup))
		}
		var st *jen.Statement
		if seq {
			st = jen.If(jen.Id("vs").Op(":=").Add(get), jen.Len(jen.Id("vs")).Op(">").Lit(0)).
				Block(jen.Id("d").Dot("strs").Call(jen.Lit(key), jen.Id("vs")))
		} else {
			st = jen.If(jen.List(jen.Id("s"), jen.Id("ok")).Op(":=").Add(get), jen.Id("ok")).
				Block(jen.Id("d").Dot("str").Call(jen.Lit(key), jen.Id("s")))
		}
		if def != nil {
			st = st.Else().Block(def)
		}
		stmts = append(stmts, st)
	}
	var extras jen.Code
	switch p.In {
	case ir.InQuery:
		extras = jen.Id("d").Dot("queryExtras").Call(jen.Id("rq").Dot("Query").Call(), jen.Id(h.g.keySet(processed)))
	case ir.InHeader:
		extras = jen.Id("d").Dot("headerExtras").Call(jen.Id("rq"), jen.Id(h.g.keySet(processed)))
	default:
		extras = jen.Id("d").Dot("cookieExtras").Call(jen.Id("rq").Dot("Cookies").Call(), jen.Id(h.g.keySet(processed)))
	}
	h.g.helpers["paramsDict"] = true
	stmts = append(stmts, extras,
		jen.Id("s").Op(":=").Qual(pkgValidate, "NewState").Call(),
		jen.Id("m").Op(":=").New(jen.Id(mi.goName)),
		jen.If(jen.Id(mi.decodeName).Call(jen.Id("s"), jen.Id("d").Dot("value").Call(), jen.Id("m"))).Block(jen.Id(v).Op("=").Id("m")),
		jen.Id("errs").Dot("AddAll").Call(jen.Id("s").Dot("Errors").Call(), jen.Lit(in)),
	)
	return []jen.Code{jen.Var().Id(v).Qual(pkgPyval, "Value"), jen.Block(stmts...)}, true
}

// keySet declares the set of names a parameter model reads.
func (g *gen) keySet(keys []string) string {
	name := g.pkg.get("modelKeys")
	d := jen.Dict{}
	seen := map[string]bool{}
	for _, k := range keys {
		if !seen[k] {
			seen[k] = true
			d[jen.Lit(k)] = jen.True()
		}
	}
	g.file("validators.go").Var().Id(name).Op("=").Map(jen.String()).Bool().Values(d)
	return name
}

// jsonOf is the JSON text of a constant default (None, bool, int, finite float, str, and
// lists of them).
func jsonOf(v ir.Value) (string, bool) {
	switch x := v.(type) {
	case ir.None:
		return "null", true
	case ir.Bool:
		if x {
			return "true", true
		}
		return "false", true
	case ir.Int:
		return x.V.String(), true
	case ir.Float:
		f := float64(x)
		if math.IsInf(f, 0) || math.IsNaN(f) {
			return "", false
		}
		return strconv.FormatFloat(f, 'g', -1, 64), true
	case ir.Str:
		return strconv.Quote(string(x)), isASCIIPrintable(string(x))
	case ir.List:
		parts := make([]string, len(x))
		for i, e := range x {
			s, ok := jsonOf(e)
			if !ok {
				return "", false
			}
			parts[i] = s
		}
		return "[" + strings.Join(parts, ",") + "]", true
	}
	return "", false
}

// isASCIIPrintable reports a string whose Go quoting is also its JSON text.
func isASCIIPrintable(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7e {
			return false
		}
	}
	return true
}
