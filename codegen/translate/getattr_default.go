package translate

import (
	"strings"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
	jen "github.com/dave/jennifer/jen"
)

// getattr(x, "name", default) on a value statically a model, a union of models (a
// discriminated union field) or None.
//
// The result is the field's value on the classes that have a field of that name, and the
// default on the others, provided the name is no other attribute of any of them: not
// private or dunder, not a BaseModel attribute (model_* and the deprecated methods), not
// bound in the class body (a method, property or class variable) of the model or of its
// bases. Otherwise it is refused.

// baseModelAttrs are BaseModel's public attributes that are not model_*
// (pydantic 2.13's deprecated methods).
var baseModelAttrs = map[string]bool{
	"construct": true, "copy": true, "dict": true, "from_orm": true, "json": true, "parse_file": true,
	"parse_obj": true, "parse_raw": true, "schema": true, "schema_json": true, "update_forward_refs": true,
	"validate": true,
}

// getattrDefault compiles getattr(obj, name, default).
func (f *fn) getattrDefault(c *ast.Call) val {
	name, ok := constStr(c.Args[1])
	if !ok {
		f.refuse(c.Args[1], "getattr() with a default and a name other than a string constant")
	}
	if name == "" || strings.HasPrefix(name, "_") || strings.HasPrefix(name, "model_") || baseModelAttrs[name] {
		f.refuse(c.Args[1], "getattr() of %s (an attribute of every model)", name)
	}
	obj := f.value(c.Args[0])
	models, ok := modelsOfUnion(obj.typ)
	if !ok {
		f.refuse(c.Args[0], "getattr() with a default of a value that is not statically a model or a union of models")
	}
	for _, m := range models {
		if fd := m.Field(name); fd != nil {
			if !Holdable(fd.Type) {
				f.refuse(c.Args[1], "getattr() of field %s of type %s", name, fd.Type)
			}
			continue
		}
		if why := f.u.classBinds(m, name); why != "" {
			f.refuse(c.Args[1], "getattr() of %s (%s)", name, why)
		}
	}
	def := f.value(c.Args[2])
	return f.callVal(q("GetAttrDefault").Call(obj.code, jen.Lit(name), def.code), kindValue, nil)
}

// modelsOfUnion lists the models a static type is made of: a model, or a union of models
// and None; ok is false for any other type.
func modelsOfUnion(t *ir.Type) ([]*ir.Model, bool) {
	if t == nil {
		return nil, false
	}
	switch t.Kind {
	case ir.KindModel:
		if t.Model == nil || t.Model.Kind != ir.BaseModel {
			return nil, false
		}
		return []*ir.Model{t.Model}, true
	case ir.KindUnion:
		var out []*ir.Model
		for _, a := range t.Args {
			if a != nil && a.Kind == ir.KindNone {
				continue
			}
			ms, ok := modelsOfUnion(a)
			if !ok {
				return nil, false
			}
			out = append(out, ms...)
		}
		return out, len(out) > 0
	}
	return nil, false
}

// classBinds is why name may be an attribute of model m other than a field (bound in the
// body of its class or of a base, or a class whose definition or bases are not known), or
// "".
func (u *Unit) classBinds(m *ir.Model, name string) string {
	cd := u.classDef(m)
	if cd == nil {
		return "the definition of " + m.Name + " was not found"
	}
	known := map[string]bool{"BaseModel": true}
	for _, b := range m.Bases {
		known[b.Name] = true
	}
	for _, b := range cd.Bases {
		n := ""
		switch x := b.(type) {
		case *ast.Name:
			n = x.Id
		case *ast.Attribute:
			n = x.Attr
		}
		if !known[n] {
			return m.Name + " has a base other than BaseModel and models"
		}
	}
	if len(cd.Keywords) > 0 {
		return m.Name + " has class keywords"
	}
	for _, st := range cd.Body {
		for _, n := range StmtBoundNames(st) {
			if n == name || n == "*" {
				return "bound in the class body of " + m.Name
			}
		}
	}
	for _, b := range m.Bases {
		if b.Field(name) == nil {
			if why := u.classBinds(b, name); why != "" {
				return why
			}
		}
	}
	return ""
}

// classDef is the module-level class statement of model m, or nil.
func (u *Unit) classDef(m *ir.Model) *ast.ClassDef {
	if u.prog == nil || m.QualName != m.Name {
		return nil
	}
	mod := u.prog.Modules[m.Module]
	if mod == nil || mod.File == nil || mod.File.Module == nil {
		return nil
	}
	var found *ast.ClassDef
	for _, st := range mod.File.Module.Body {
		if cd, ok := st.(*ast.ClassDef); ok && cd.Name == m.Name {
			if found != nil {
				return nil // bound twice: which one is not known here
			}
			found = cd
		}
	}
	return found
}
