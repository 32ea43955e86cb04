package codegen

import (
	"github.com/covetpy/covetgen/codegen/translate"
	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
	jen "github.com/dave/jennifer/jen"
)

// Field validators of mode "before". The translated function (translate.
// BeforeFieldValidator) gets the field's raw input as a pyval value and its result is
// what the generated decoder validates as the field (runtime/pyval RunBefore), where
// pydantic-core's function-before validator runs it. Its results are of JSON kinds and the
// field types allowed (str, int, float, bool, lists and Optional of those) validate such
// values in python mode as in JSON mode, so the JSON-mode decoder is pydantic's python
// mode there. Only bodies are decoded that way: a construction of such a model in a
// translated body is refused (its input would reach the validator through JSON, losing
// Python types such as tuples), so the model's validators do not count as native for
// translate (ValidatorsNative).

// beforeBuiltins are the names a translated before validator uses as builtins.
var beforeBuiltins = []string{"isinstance", "str", "int", "float", "bool", "list", "dict", "type", "ValueError", "AssertionError"}

// beforeValidator analyses the before validator v of m into mv, or returns why it does
// not run in Go.
func (g *gen) beforeValidator(m *ir.Model, v ir.Validator, mv *modelValidators) string {
	if len(v.Fields) == 0 {
		return "no field names"
	}
	for _, name := range v.Fields {
		f := m.Field(name)
		if f == nil {
			return "field " + name + " is not a field of the model"
		}
		if !beforeFieldType(f.Type) {
			return "field " + name + " of type " + f.Type.String() + " (before validators run in Go on str, int, float, bool fields, lists and Optional of those)"
		}
		if mv.before[name] != nil {
			return "two before validators of field " + name
		}
		if len(mv.byField[name]) > 0 {
			return "field " + name + " has after and before validators"
		}
		if why := validatedFieldWhy(f, mv); why != "" {
			return why
		}
	}
	fn, mod := g.findMethod(v.Pos)
	if fn == nil {
		return "its definition was not found"
	}
	if name := shadowsBuiltins(mod.File.Module.Body, beforeBuiltins); name != "" {
		return "module " + mod.Rel + " binds " + name
	}
	if why := validatorDecorators(fn); why != "" {
		return why
	}
	body, err := translate.BeforeFieldValidator(fn, mod.Pos)
	if err != nil {
		return err.Error()
	}
	fv := &fieldValidator{v: v, body: body}
	for _, name := range v.Fields {
		mv.before[name] = fv
	}
	return ""
}

// beforeFieldType reports a field type whose python-mode validation of JSON-kind values
// is its JSON-mode validation.
func beforeFieldType(t *ir.Type) bool {
	if t == nil {
		return false
	}
	switch t.Kind {
	case ir.KindStr, ir.KindInt, ir.KindFloat, ir.KindBool:
		return len(t.Args) == 0
	case ir.KindList:
		return len(t.Args) == 1 && beforeFieldType(t.Args[0])
	case ir.KindUnion:
		nn := t.NonNone()
		return len(nn) == 1 && len(t.Args) == 2 && beforeFieldType(nn[0])
	}
	return false
}

// shadowsBuiltins is the first of names the module body binds (or "*" for a star
// import), or "".
func shadowsBuiltins(body []ast.Stmt, names []string) string {
	for _, s := range body {
		for _, n := range translate.StmtBoundNames(s) {
			if n == "*" {
				return "*"
			}
			for _, b := range names {
				if n == b {
					return b
				}
			}
		}
	}
	return ""
}

// hasBefore reports whether m has before validators running in Go.
func (mv *modelValidators) hasBefore() bool { return len(mv.before) > 0 }

// writeBeforeValidators writes the Go functions of m's before validators into models.go.
func (ms *modelSet) writeBeforeValidators(mi *modelInfo) {
	g := ms.g
	mv := g.validatorsOf(mi.m)
	f := g.file("models.go")
	for _, fi := range mi.fields {
		fv := mv.before[fi.f.Name]
		if fv == nil || fv.goName != "" {
			continue
		}
		fv.goName = g.pkg.get(lowerFirst(mi.goName) + camel(fv.v.Func, true))
		f.Commentf("%s is the before field validator %s.%s (%s), translated.", fv.goName, mi.m.Name, fv.v.Func, fv.v.Pos)
		f.Func().Id(fv.goName).Params(jen.Id("v").Qual(pkgPyval, "Value")).Params(jen.Qual(pkgPyval, "Value"), jen.Op("*").Qual(pkgValidate, "Error")).Block(fv.body...)
	}
}

// beforeDecode is the statement decoding field fi from its raw input raw: decode(in) run
// on raw, or, when fi has a before validator, on the validator's result.
func (ms *modelSet) beforeDecode(mi *modelInfo, fi *fieldInfo, raw jen.Code, decode func(in jen.Code) jen.Code) jen.Code {
	fv := ms.g.validatorsOf(mi.m).before[fi.f.Name]
	if fv == nil {
		return decode(raw)
	}
	return jen.If(jen.List(jen.Id("bv"), jen.Id("ok")).Op(":=").Qual(pkgPyval, "RunBefore").Call(jen.Id("s"), raw, jen.Id(fv.goName)), jen.Id("ok")).Block(decode(jen.Id("bv")))
}

// validatedFieldWhy is why a field's validators cannot run in its generated decoder: a
// field read through AliasPath / AliasChoices (alias.go decodes it apart), or a field
// with a before validator that an after validator would follow (their order is not
// modelled); "" when they can.
func validatedFieldWhy(f *ir.Field, mv *modelValidators) string {
	if len(f.Info.ValidationAliasPaths) > 0 {
		return "field " + f.Name + " has AliasPath or AliasChoices validation aliases"
	}
	if mv.before[f.Name] != nil && mv.before != nil {
		return "field " + f.Name + " has before and after validators"
	}
	return ""
}
