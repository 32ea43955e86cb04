package codegen

import (
	"github.com/covetpy/covetgen/ir"
	jen "github.com/dave/jennifer/jen"
)

// formModel reads a single Form() parameter whose type is a pydantic model (FastAPI
// >= 0.113: not embedded), as request_body_to_args and _extract_form_body do: a dict is
// built from the form, each model field under its validation alias (a sequence field
// the list of its values, else its last value, an empty string kept; absent fields their
// default unless None), then every other name of the form (its only value, or the list
// of its values); the model is validated from that dict with errors located at
// ("body", field). An uploaded file stands in the dict as pydantic's error input shows
// it, so only fields of scalar types (for which a file is a type error) are accepted.
func (h *handler) formModel(p *ir.Param) (jen.Code, bool) {
	m := p.Type.Model
	if m.Kind != ir.BaseModel || m.Root {
		h.refuse(p.Pos, "form model parameter %s of type %s", p.Name, m.Name)
		return nil, false
	}
	if p.Alias() != p.Name || p.Info.ValidationAlias != nil || !p.Info.Required {
		h.refuse(p.Pos, "options of the form model parameter %s", p.Name)
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
	v := h.local.get(camel(p.Name, false))
	stmts := []jen.Code{jen.Var().Id("d").Id("paramsDict")}
	var keys []string
	for _, f := range m.Fields {
		if !formModelFieldType(f.Type) {
			h.refuse(f.Pos, "field %s.%s of type %s in a form model", m.Name, f.Name, f.Type)
			return nil, false
		}
		key := f.Name
		if f.Info.ValidationAlias != nil {
			key = *f.Info.ValidationAlias
		} else if f.Info.Alias != nil {
			key = *f.Info.Alias
		}
		keys = append(keys, key)
		var def jen.Code
		if !f.Info.Required {
			if f.Info.DefaultFactory != "" {
				h.refuse(f.Pos, "default_factory of %s.%s in a form model", m.Name, f.Name)
				return nil, false
			}
			if _, isNone := f.Info.Default.(ir.None); !isNone {
				js, ok := jsonOf(f.Info.Default)
				if !ok {
					h.refuse(f.Pos, "default %s of %s.%s in a form model", f.Info.Default.Repr(), m.Name, f.Name)
					return nil, false
				}
				def = jen.Id("d").Dot("raw").Call(jen.Lit(key), jen.Lit(js))
			}
		}
		var st *jen.Statement
		if seqAnnotation(f.Type) {
			st = jen.If(jen.Id("items").Op(":=").Id("form").Dot("All").Call(jen.Lit(key)), jen.Len(jen.Id("items")).Op(">").Lit(0)).
				Block(jen.Id("d").Dot("formItems").Call(jen.Lit(key), jen.Id("items")))
		} else {
			st = jen.If(jen.List(jen.Id("item"), jen.Id("ok")).Op(":=").Id("form").Dot("Get").Call(jen.Lit(key)), jen.Id("ok")).
				Block(jen.Id("d").Dot("formItem").Call(jen.Lit(key), jen.Id("item")))
		}
		if def != nil {
			st = st.Else().Block(def)
		}
		stmts = append(stmts, st)
	}
	h.g.helpers["paramsDict"] = true
	h.g.writeFormDict()
	stmts = append(stmts, jen.Id("d").Dot("formExtras").Call(jen.Id("form"), jen.Id(h.g.keySet(keys))),
		jen.Id("s").Op(":=").Qual(pkgValidate, "NewState").Call(),
		jen.Id("m").Op(":=").New(jen.Id(mi.goName)),
		jen.If(jen.Id(mi.decodeName).Call(jen.Id("s"), jen.Id("d").Dot("value").Call(), jen.Id("m"))).Block(jen.Id(v).Op("=").Id("m")),
		jen.Id("errs").Dot("AddAll").Call(jen.Id("s").Dot("Errors").Call(), jen.Lit("body")),
	)
	h.add(jen.Commentf("%s: %s (form model)", p.Name, p.Type))
	h.add(jen.Var().Id(v).Qual(pkgPyval, "Value"), jen.Block(stmts...))
	return jen.Id(v), true
}

// seqAnnotation is FastAPI's field_annotation_is_sequence: a sequence type or a union
// holding one.
func seqAnnotation(t *ir.Type) bool {
	if t.Kind == ir.KindUnion {
		for _, a := range t.Args {
			if seqAnnotation(a) {
				return true
			}
		}
		return false
	}
	return t.IsSequence()
}

// formModelFieldType reports a field type a form model may hold: str, int, float, bool,
// a Literal, None, lists of them and unions of them.
func formModelFieldType(t *ir.Type) bool {
	if t == nil {
		return false
	}
	switch t.Kind {
	case ir.KindStr, ir.KindInt, ir.KindFloat, ir.KindBool, ir.KindLiteral, ir.KindNone:
		return true
	case ir.KindList:
		if len(t.Args) != 1 {
			return false
		}
		switch t.Args[0].Kind {
		case ir.KindStr, ir.KindInt, ir.KindFloat, ir.KindBool, ir.KindLiteral:
			return true
		}
		return false
	case ir.KindUnion:
		for _, a := range t.Args {
			if !formModelFieldType(a) {
				return false
			}
		}
		return true
	}
	return false
}

// writeFormDict writes, once, the paramsDict methods that set form items: a text value
// as a str, an uploaded file as the dict pydantic's errors show for it.
func (g *gen) writeFormDict() {
	if g.helpers["formDict"] {
		return
	}
	g.helpers["formDict"] = true
	f := g.file("validators.go")
	d := jen.Id("d").Op("*").Id("paramsDict")
	db := jen.Id("d").Dot("b")
	f.Comment("formValue appends a form item: its text, or an UploadFile as jsonable_encoder shows it.")
	f.Func().Params(d).Id("formValue").Params(jen.Id("it").Qual(pkgRequest, "FormItem")).Block(
		jen.If(jen.Id("it").Dot("IsFile").Call()).Block(
			jen.List(db, jen.Id("_")).Op("=").Id("it").Dot("File").Dot("PyValue").Call().Dot("AppendJSONable").Call(db),
			jen.Return(),
		),
		jen.List(db, jen.Id("_")).Op("=").Qual(pkgPyjson, "AppendString").Call(db, jen.Id("it").Dot("Value")),
	)
	f.Comment("formItem sets k to one form item.")
	f.Func().Params(d).Id("formItem").Params(jen.Id("k").String(), jen.Id("it").Qual(pkgRequest, "FormItem")).Block(
		jen.Id("d").Dot("key").Call(jen.Id("k")),
		jen.Id("d").Dot("formValue").Call(jen.Id("it")),
	)
	f.Comment("formItems sets k to the list of its form items.")
	f.Func().Params(d).Id("formItems").Params(jen.Id("k").String(), jen.Id("items").Index().Qual(pkgRequest, "FormItem")).Block(
		jen.Id("d").Dot("key").Call(jen.Id("k")),
		jen.Add(db).Op("=").Append(db, jen.LitRune('[')),
		jen.For(jen.List(jen.Id("i"), jen.Id("it")).Op(":=").Range().Id("items")).Block(
			jen.If(jen.Id("i").Op(">").Lit(0)).Block(jen.Add(db).Op("=").Append(db, jen.LitRune(','))),
			jen.Id("d").Dot("formValue").Call(jen.Id("it")),
		),
		jen.Add(db).Op("=").Append(db, jen.LitRune(']')),
	)
	f.Comment("formExtras adds the form names the model does not read, in first-seen order: the")
	f.Comment("only value of a name, or the list of its values.")
	f.Func().Params(d).Id("formExtras").Params(jen.Id("form").Op("*").Qual(pkgRequest, "Form"), jen.Id("read").Map(jen.String()).Bool()).Block(
		jen.Id("seen").Op(":=").Map(jen.String()).Bool().Values(),
		jen.For(jen.List(jen.Id("_"), jen.Id("it")).Op(":=").Range().Id("form").Dot("Items")).Block(
			jen.If(jen.Id("read").Index(jen.Id("it").Dot("Name")).Op("||").Id("seen").Index(jen.Id("it").Dot("Name"))).Block(jen.Continue()),
			jen.Id("seen").Index(jen.Id("it").Dot("Name")).Op("=").True(),
			jen.If(jen.Id("items").Op(":=").Id("form").Dot("All").Call(jen.Id("it").Dot("Name")), jen.Len(jen.Id("items")).Op("==").Lit(1)).
				Block(jen.Id("d").Dot("formItem").Call(jen.Id("it").Dot("Name"), jen.Id("items").Index(jen.Lit(0)))).
				Else().Block(jen.Id("d").Dot("formItems").Call(jen.Id("it").Dot("Name"), jen.Id("items"))),
		),
	)
}
