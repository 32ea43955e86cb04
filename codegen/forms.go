package codegen

import (
	"strings"

	"github.com/covetpy/covetgen/ir"
	jen "github.com/dave/jennifer/jen"
)

// typeErrors are pydantic's errors for a value of the wrong Python type (an UploadFile
// sent for a text field).
var typeErrors = map[ir.Kind][2]string{
	ir.KindStr:   {"string_type", "Input should be a valid string"},
	ir.KindInt:   {"int_type", "Input should be a valid integer"},
	ir.KindFloat: {"float_type", "Input should be a valid number"},
	ir.KindBool:  {"bool_type", "Input should be a valid boolean"},
}

// formParam reads a Form() parameter (always embedded: a key of the form) into a new
// pyval.Value local. The form's last value of the name counts; an empty string is
// absent; absent gives the default (None as is, others validated) or "missing".
func (h *handler) formParam(p *ir.Param) (jen.Code, bool) {
	if p.Type == nil {
		h.refuse(p.Pos, "form parameter %s without a type", p.Name)
		return nil, false
	}
	if p.Info.ValidationAlias != nil || p.Info.DefaultFactory != "" || p.Info.Constraints.Strict {
		h.refuse(p.Pos, "Form options of parameter %s", p.Name)
		return nil, false
	}
	if !h.bodyPlan.embed {
		if p.Type.Kind == ir.KindModel {
			return h.formModel(p)
		}
		h.refuse(p.Pos, "form model parameter %s", p.Name)
		return nil, false
	}
	t := p.Type
	optional := false
	if t.Kind == ir.KindUnion {
		nn := t.NonNone()
		if !t.IsOptional() || len(nn) != 1 {
			h.refuse(p.Pos, "form parameter %s of type %s", p.Name, p.Type)
			return nil, false
		}
		t, optional = nn[0], true
	}
	alias := p.Alias()
	loc := []jen.Code{jen.Lit("body"), jen.Lit(alias)}
	v := h.local.get(camel(p.Name, false))
	if t.Kind == ir.KindList {
		if len(t.Args) != 1 || !listNames[t.Name] {
			h.refuse(p.Pos, "form parameter %s of type %s", p.Name, p.Type)
			return nil, false
		}
		return h.formList(p, t, v, alias, loc)
	}
	conv, ok := h.formItemConv(p, t, p.Info.Constraints)
	if !ok {
		return nil, false
	}
	absent, ok := h.absent(p, t, optional, v, loc)
	if !ok {
		return nil, false
	}
	h.add(jen.Commentf("%s: %s (form %q)", p.Name, p.Type, alias))
	h.add(jen.Var().Id(v).Qual(pkgPyval, "Value"))
	h.add(jen.If(jen.List(jen.Id("item"), jen.Id("ok")).Op(":=").Id("form").Dot("Get").Call(jen.Lit(alias)),
		jen.Id("ok").Op("&&").Parens(jen.Id("item").Dot("IsFile").Call().Op("||").Id("item").Dot("Value").Op("!=").Lit(""))).
		Block(conv(jen.Id("item"), v, loc)...).Else().Block(absent...))
	return jen.Id(v), true
}

// formList reads a list[T] form parameter (form.getlist).
func (h *handler) formList(p *ir.Param, t *ir.Type, v, alias string, loc []jen.Code) (jen.Code, bool) {
	rest := p.Info.Constraints
	rest.MinLength, rest.MaxLength = nil, nil
	if !rest.IsZero() {
		h.refuse(p.Pos, "constraints on the list parameter %s", p.Name)
		return nil, false
	}
	conv, ok := h.formItemConv(p, t.Args[0], ir.Constraints{})
	if !ok {
		return nil, false
	}
	absent, ok := h.absent(p, t, p.Type.Kind == ir.KindUnion, v, loc)
	if !ok {
		return nil, false
	}
	c := p.Info.Constraints
	itemLoc := append(append([]jen.Code{}, loc...), jen.Id("i"))
	present := []jen.Code{
		jen.Id("values").Op(":=").Make(jen.Index().Qual(pkgPyval, "Value"), jen.Len(jen.Id("items"))),
		jen.For(jen.List(jen.Id("i"), jen.Id("item")).Op(":=").Range().Id("items")).Block(conv(jen.Id("item"), "values[i]", itemLoc)...),
	}
	if c.MinLength != nil || c.MaxLength != nil {
		h.refuse(p.Pos, "length constraints on the form list %s", p.Name)
		return nil, false
	}
	present = append(present, jen.Id(v).Op("=").Qual(pkgPyval, "NewList").Call(jen.Id("values").Op("...")))
	h.add(jen.Commentf("%s: %s (form %q)", p.Name, p.Type, alias))
	h.add(jen.Var().Id(v).Qual(pkgPyval, "Value"))
	h.add(jen.If(jen.Id("items").Op(":=").Id("form").Dot("All").Call(jen.Lit(alias)), jen.Len(jen.Id("items")).Op(">").Lit(0)).
		Block(present...).Else().Block(absent...))
	return jen.Id(v), true
}

// formItemConv validates one request.FormItem as t: a text value as a parameter string,
// a file as bytes (File() bytes), as an UploadFile or as a wrong type.
func (h *handler) formItemConv(p *ir.Param, t *ir.Type, c ir.Constraints) (convFunc, bool) {
	what := "form parameter " + p.Name
	if t.Kind == ir.KindBytes {
		if !c.IsZero() {
			h.refuse(p.Pos, "constraints on the bytes %s", what)
			return nil, false
		}
		return func(item jen.Code, dst string, loc []jen.Code) []jen.Code {
			return []jen.Code{jen.If(jen.Add(item).Dot("IsFile").Call()).
				Block(jen.Id(dst).Op("=").Qual(pkgPyval, "Bytes").Call(jen.String().Parens(jen.Add(item).Dot("File").Dot("Data")))).
				Else().Block(jen.Id(dst).Op("=").Qual(pkgPyval, "Bytes").Call(jen.Add(item).Dot("Value")))}
		}, true
	}
	if isUploadFileType(t) {
		if !c.IsZero() {
			h.refuse(p.Pos, "constraints on the UploadFile %s", what)
			return nil, false
		}
		return uploadFileConv, true
	}
	te, ok := typeErrors[t.Kind]
	if !ok {
		// A Literal or another type given an UploadFile would need its own error.
		h.refuse(p.Pos, "%s of type %s", what, t)
		return nil, false
	}
	conv, ok := h.g.stringConv(t, c, p.Pos, what)
	if !ok {
		h.ok = false
		return nil, false
	}
	return func(item jen.Code, dst string, loc []jen.Code) []jen.Code {
		fileErr := jen.Id("errs").Dot("Add").Call(append([]jen.Code{jen.Op("&").Qual(pkgValidate, "Error").Values(jen.Dict{
			jen.Id("Type"): jen.Lit(te[0]), jen.Id("Msg"): jen.Lit(te[1]),
			jen.Id("Input"): jen.Add(item).Dot("File").Dot("PyValue").Call(),
		})}, loc...)...)
		return []jen.Code{jen.If(jen.Add(item).Dot("IsFile").Call()).Block(fileErr).
			Else().Block(conv(jen.Add(item).Dot("Value"), dst, loc)...)}
	}, true
}

// The OAuth2PasswordRequestForm(Strict) object, generated like a model.
var passwordForm = &ir.Model{Kind: ir.BaseModel, Name: "OAuth2PasswordRequestForm", Module: "fastapi.security.oauth2",
	QualName: "OAuth2PasswordRequestForm", Fields: []*ir.Field{
		optStrField("grant_type"), strField("username"), strField("password"),
		{Name: "scopes", Type: &ir.Type{Kind: ir.KindList, Args: []*ir.Type{{Kind: ir.KindStr}}}, Info: ir.FieldInfo{Required: true}},
		optStrField("client_id"), optStrField("client_secret"),
	}}

func optStrField(name string) *ir.Field {
	return &ir.Field{Name: name, Type: &ir.Type{Kind: ir.KindUnion, Args: []*ir.Type{{Kind: ir.KindStr}, {Kind: ir.KindNone}}},
		Info: ir.FieldInfo{Required: true}}
}

// passwordFormDep is Depends(OAuth2PasswordRequestForm[Strict]): the form fields parsed
// and validated as the class's Form() parameters.
func (h *handler) passwordFormDep(d *ir.Dependant) arg {
	strict := strings.HasSuffix(d.Call.Name, "Strict")
	mi, ok := h.g.models.get(passwordForm, d.Pos)
	if !ok {
		h.ok = false
		return arg{}
	}
	result := h.local.get("dep" + camel(lastDot(d.Call.Name), true))
	opt := func(p jen.Code) jen.Code {
		return jen.Func().Params(jen.Id("s").Op("*").String()).Qual(pkgValidate, "Opt").Types(jen.String()).Block(
			jen.If(jen.Id("s").Op("==").Nil()).Block(jen.Return(jen.Qual(pkgValidate, "Opt").Types(jen.String()).Values())),
			jen.Return(jen.Qual(pkgValidate, "Opt").Types(jen.String()).Values(jen.Dict{jen.Id("Value"): jen.Op("*").Id("s"), jen.Id("Valid"): jen.True()})),
		).Call(p)
	}
	compute := []jen.Code{
		jen.List(jen.Id("pf"), jen.Id("es")).Op(":=").Qual(pkgSecurity, "ParsePasswordForm").Call(jen.Id("form"), jen.Lit(strict)),
		jen.Id("errs").Dot("AddAll").Call(jen.Id("es")),
		jen.If(jen.Len(jen.Id("es")).Op("==").Lit(0)).Block(
			jen.Id("m").Op(":=").Op("&").Id(mi.goName).Values(jen.Dict{
				jen.Id("GrantType"):    opt(jen.Id("pf").Dot("GrantType")),
				jen.Id("Username"):     jen.Id("pf").Dot("Username"),
				jen.Id("Password"):     jen.Id("pf").Dot("Password"),
				jen.Id("Scopes"):       jen.Id("pf").Dot("Scopes"),
				jen.Id("ClientId"):     opt(jen.Id("pf").Dot("ClientID")),
				jen.Id("ClientSecret"): opt(jen.Id("pf").Dot("ClientSecret")),
			}),
			jen.For(jen.Id("i").Op(":=").Range().Lit(6)).Block(jen.Id("m").Dot("Set").Dot("Add").Call(jen.Id("i"))),
			jen.Id(result).Op("=").Id("m"),
		),
	}
	h.add(jen.Commentf("Depends(%s) (%s)", lastDot(d.Call.Name), d.Pos))
	h.add(jen.Var().Id(result).Qual(pkgPyval, "Value"))
	h.cached(d, result, compute)
	if d.Name == "" && h.keyCount[cacheKey(d)] < 2 {
		h.add(jen.Id("_").Op("=").Id(result).Comment("dependencies=[...]: the value is unused"))
	}
	return arg{jen.Id(result), &ir.Type{Kind: ir.KindModel, Model: passwordForm}}
}
