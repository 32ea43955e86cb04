package codegen

import (
	"fmt"

	"github.com/covetpy/covetgen/codegen/translate"
	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/ir/load"
	"github.com/covetpy/covetgen/parser/ast"
	jen "github.com/dave/jennifer/jen"
)

// Native validators. A model whose validators all translate is generated in Go like any
// other model: its @field_validator(mode="after") functions of str fields run in the
// decoder right after the field's own validation, where pydantic-core's function-after
// validator runs them, and their ValueError / AssertionError become pydantic's
// value_error / assertion_error at the field's location (translate.StrFieldValidator,
// runtime/validate RunAfter). A model with any other validator (before, wrap, plain,
// a model validator, a serializer, a body outside translate's subset) stays opaque: the
// bridge worker's pydantic validates it (opaque.go).

// modelValidators is how the validators of one model run in Go.
type modelValidators struct {
	// why is the reason they do not ("" when every validator translates).
	why string
	// byField are the field validators of each field, in pydantic's order.
	byField map[string][]*fieldValidator
	// before are the before validators of each field (validators_before.go).
	before map[string]*fieldValidator
}

// fieldValidator is one translated field validator.
type fieldValidator struct {
	v    ir.Validator
	body []jen.Code
	// goName is the generated function (set when written).
	goName string
}

// validatorsOf returns how m's validators run in Go, analysing them on first use.
func (g *gen) validatorsOf(m *ir.Model) *modelValidators {
	if g.modelVals == nil {
		g.modelVals = map[*ir.Model]*modelValidators{}
	}
	if mv, ok := g.modelVals[m]; ok {
		return mv
	}
	mv := g.analyzeValidators(m)
	g.modelVals[m] = mv
	return mv
}

func (g *gen) analyzeValidators(m *ir.Model) *modelValidators {
	mv := &modelValidators{byField: map[string][]*fieldValidator{}, before: map[string]*fieldValidator{}}
	opaque := func(v ir.Validator, format string, args ...any) *modelValidators {
		mv.why = fmt.Sprintf("model %s has validators (%s: %s %s) Go does not run: %s", m.Name, shortPos(m.Pos), v.Kind, v.Func, fmt.Sprintf(format, args...))
		mv.byField, mv.before = nil, nil
		return mv
	}
	for _, b := range m.Bases {
		if len(b.Validators) > 0 {
			return opaque(b.Validators[0], "validators inherited from %s are not generated in Go", b.Name)
		}
	}
	funcs := map[string]bool{}
	for _, v := range m.Validators {
		if funcs[v.Func] {
			return opaque(v, "two validators named %s", v.Func)
		}
		funcs[v.Func] = true
		if v.Kind == "field_validator" && v.Mode == "before" {
			if why := g.beforeValidator(m, v, mv); why != "" {
				return opaque(v, "%s", why)
			}
			continue
		}
		if v.Kind != "field_validator" || v.Mode != "after" {
			return opaque(v, "mode %q of %s is not generated in Go", v.Mode, v.Kind)
		}
		if len(v.Fields) == 0 {
			return opaque(v, "no field names")
		}
		for _, name := range v.Fields {
			f := m.Field(name)
			if f == nil {
				return opaque(v, "field %q is not a field of the model", name)
			}
			if f.Type == nil || f.Type.Kind != ir.KindStr {
				return opaque(v, "field %s is not a str", name)
			}
			if why := validatedFieldWhy(f, mv); why != "" {
				return opaque(v, "%s", why)
			}
		}
		fn, mod := g.findMethod(v.Pos)
		if fn == nil {
			return opaque(v, "its definition was not found")
		}
		if name := shadowsBuiltinExc(mod.File.Module.Body); name != "" {
			return opaque(v, "module %s binds %s", mod.Rel, name)
		}
		if why := validatorDecorators(fn); why != "" {
			return opaque(v, "%s", why)
		}
		body, err := translate.StrFieldValidator(fn, mod.Pos)
		if err != nil {
			return opaque(v, "%v", err)
		}
		for _, name := range v.Fields {
			mv.byField[name] = append(mv.byField[name], &fieldValidator{v: v, body: body})
		}
	}
	return mv
}

// validatorDecorators is why fn's decorators are not just @field_validator(...) and an
// optional @classmethod ("" when they are).
func validatorDecorators(fn *ast.FunctionDef) string {
	seenValidator := false
	for _, d := range fn.DecoratorList {
		if n, ok := d.(*ast.Name); ok && n.Id == "classmethod" {
			continue
		}
		if _, ok := d.(*ast.Call); ok && !seenValidator {
			seenValidator = true
			continue
		}
		return "a decorator other than @classmethod"
	}
	return ""
}

// findMethod is the function definition at pos (a method of a class of the module of
// pos, at any depth), with its module.
func (g *gen) findMethod(pos ir.Pos) (*ast.FunctionDef, *load.Module) {
	if g.in.Prog == nil {
		return nil, nil
	}
	for _, mod := range g.in.Prog.Modules {
		if mod.Rel != pos.File || mod.File == nil || mod.File.Module == nil {
			continue
		}
		var found *ast.FunctionDef
		var walk func([]ast.Stmt)
		walk = func(body []ast.Stmt) {
			for _, s := range body {
				switch x := s.(type) {
				case *ast.ClassDef:
					walk(x.Body)
				case *ast.FunctionDef:
					if mod.Pos(x) == pos {
						found = x
					}
				}
			}
		}
		walk(mod.File.Module.Body)
		return found, mod
	}
	return nil, nil
}

// writeFieldValidators writes the Go functions of m's field validators into models.go.
func (ms *modelSet) writeFieldValidators(mi *modelInfo) {
	g := ms.g
	ms.writeBeforeValidators(mi) // validators_before.go
	mv := g.validatorsOf(mi.m)
	f := g.file("models.go")
	written := map[ir.Pos]string{}
	for _, fi := range mi.fields {
		for _, fv := range mv.byField[fi.f.Name] {
			if name, ok := written[fv.v.Pos]; ok {
				fv.goName = name
				continue
			}
			fv.goName = g.pkg.get(lowerFirst(mi.goName) + camel(fv.v.Func, true))
			written[fv.v.Pos] = fv.goName
			f.Commentf("%s is the field validator %s.%s (%s), translated.", fv.goName, mi.m.Name, fv.v.Func, fv.v.Pos)
			f.Func().Id(fv.goName).Params(jen.Id("v").String()).Params(jen.String(), jen.Op("*").Qual(pkgValidate, "Error")).Block(fv.body...)
		}
	}
}

// validatedField wraps the statements run when field fi decoded (ok) so that its field
// validators run first: the field counts as set only when they pass. in is the field's
// raw input.
func (ms *modelSet) validatedField(mi *modelInfo, fi *fieldInfo, in jen.Code, ok []jen.Code) []jen.Code {
	fvs := ms.g.validatorsOf(mi.m).byField[fi.f.Name]
	if len(fvs) == 0 {
		return ok
	}
	args := []jen.Code{jen.Op("&").Id("o").Dot(fi.goName)}
	for _, fv := range fvs {
		args = append(args, jen.Id(fv.goName))
	}
	return []jen.Code{
		jen.If(jen.Id("e").Op(":=").Qual(pkgValidate, "RunAfter").Call(args...), jen.Id("e").Op("!=").Nil()).Block(
			jen.Id("s").Dot("AddValidatorError").Call(jen.Id("e"), in),
		).Else().Block(ok...),
	}
}
