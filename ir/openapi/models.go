package openapi

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/ir/ojson"
)

// enum is a referenced enum_schema.
func (g *gen) enum(e *ir.Enum) *ojson.Object {
	core := e.Module + "." + e.QualName + ":" + fmt.Sprint(g.id(e))
	return g.defined(core, func() *ojson.Object {
		s := ojson.Obj("title", ojson.String(e.Name))
		if e.Doc != nil {
			if d := ir.CleanDoc(*e.Doc); d != "" && d != "An enumeration." {
				s.Set("description", ojson.String(d))
			}
		}
		var vals ojson.Array
		types := map[string]bool{}
		for _, m := range e.Members {
			vals = append(vals, g.enc.encode(m.Value))
			types[pyTypeName(m.Value)] = true
		}
		if vals == nil {
			vals = ojson.Array{}
		}
		s.Set("enum", vals)
		switch {
		case e.Base == "str" || (len(types) == 1 && types["str"]):
			s.Set("type", ojson.String("string"))
		case e.Base == "int" || (len(types) == 1 && types["int"]):
			s.Set("type", ojson.String("integer"))
		case e.Base == "float" || (len(types) == 1 && types["float"]):
			s.Set("type", ojson.String("number"))
		case len(types) == 1 && types["bool"]:
			s.Set("type", ojson.String("boolean"))
		case len(types) == 1 && types["list"]:
			s.Set("type", ojson.String("array"))
		}
		return s
	})
}

// model is a referenced model_schema / dataclass_schema / typed_dict_schema.
func (g *gen) model(m *ir.Model) *ojson.Object {
	return g.defined(g.coreRef(m), func() *ojson.Object { return g.modelDef(m) })
}

func (g *gen) modelDef(m *ir.Model) *ojson.Object {
	var s *ojson.Object
	if m.Root && len(m.Fields) > 0 {
		s = ojson.Clone(g.fieldInModel(m.Fields[0])).(*ojson.Object)
	} else {
		props := ojson.NewObject()
		var required ojson.Array
		for _, f := range m.Fields {
			if g.mode == serialization && f.Info.Exclude {
				continue
			}
			name := fieldName(f, g.mode)
			fs := ojson.Clone(g.fieldInModel(f)).(*ojson.Object)
			if !fs.Has("title") && titleShouldBeSet(f.Type) {
				fs.Set("title", ojson.String(titleFromName(name)))
			}
			fs = g.refOverrides(fs)
			props.Set(name, fs)
			if f.Info.Required {
				required = append(required, ojson.String(name))
			}
		}
		if g.mode == serialization {
			for _, cf := range m.Computed {
				fs := ojson.Clone(g.typeSchema(cf.ReturnType)).(*ojson.Object)
				fs.Set("readOnly", ojson.Bool(true))
				g.applyUpdates(fs, &cf.Info)
				name := cf.Name
				if cf.Info.Alias != nil {
					name = *cf.Info.Alias
				}
				if !fs.Has("title") && titleShouldBeSet(cf.ReturnType) {
					fs.Set("title", ojson.String(titleFromName(name)))
				}
				props.Set(name, fs)
				required = append(required, ojson.String(name))
			}
		}
		s = ojson.Obj("type", ojson.String("object"), "properties", props)
		if len(required) > 0 {
			s.Set("required", required)
		}
	}
	// _update_class_schema
	if m.Config.Title != nil {
		s.SetDefault("title", ojson.String(*m.Config.Title))
	}
	if !s.Has("title") {
		s.Set("title", ojson.String(m.Name))
	}
	if m.Doc != nil {
		if d := ir.CleanDoc(*m.Doc); d != "" {
			s.SetDefault("description", ojson.String(d))
		}
	}
	if !s.Has("additionalProperties") {
		switch m.Config.Extra {
		case "allow":
			s.Set("additionalProperties", ojson.Bool(true))
		case "forbid":
			s.Set("additionalProperties", ojson.Bool(false))
		}
	}
	if d, ok := m.Config.JSONSchemaExtra.(*ir.Dict); ok {
		for i, k := range d.Keys {
			s.Set(keyString(k), g.enc.encode(d.Values[i]))
		}
	}
	if m.Deprecated {
		s.Set("deprecated", ojson.Bool(true))
	}
	return s
}

// fieldName is the property name of a field in a mode (by alias): pydantic's
// _get_alias_name. An AliasChoices / AliasPath validation alias names the property by its
// first choice that is a single str key, else by the field name.
func fieldName(f *ir.Field, mode string) string {
	if mode == validation && f.Info.ValidationAlias != nil {
		return *f.Info.ValidationAlias
	}
	if mode == validation && f.Info.ValidationAliasPaths != nil {
		for _, p := range f.Info.ValidationAliasPaths {
			if len(p) == 1 {
				if s, ok := p[0].(ir.Str); ok {
					return string(s)
				}
			}
		}
		return f.Name
	}
	if mode == serialization && f.Info.SerializationAlias != nil {
		return *f.Info.SerializationAlias
	}
	if f.Info.Alias != nil {
		return *f.Info.Alias
	}
	return f.Name
}

// fieldInModel is model_field_schema: the type with its default, then the Field(...)
// documentation.
func (g *gen) fieldInModel(f *ir.Field) *ojson.Object {
	s := ojson.Clone(g.typeSchema(f.Type)).(*ojson.Object)
	g.addDefault(s, &f.Info)
	g.applyUpdates(s, &f.Info)
	return s
}

// addDefault is default_schema.
func (g *gen) addDefault(s *ojson.Object, fi *ir.FieldInfo) {
	if fi.Required || fi.Default == nil {
		return
	}
	s.Set("default", g.enc.encode(fi.Default))
}

// applyUpdates applies pydantic_js_updates (title, description, deprecated, examples) and
// json_schema_extra.
func (g *gen) applyUpdates(s *ojson.Object, fi *ir.FieldInfo) {
	if fi.Title != nil {
		s.Set("title", ojson.String(*fi.Title))
	}
	if fi.Description != nil {
		s.Set("description", ojson.String(*fi.Description))
	}
	if fi.Deprecated != nil {
		if b, ok := fi.Deprecated.(ir.Bool); !ok || bool(b) {
			s.Set("deprecated", ojson.Bool(true))
		}
	}
	if fi.Examples != nil {
		s.Set("examples", g.enc.encode(fi.Examples))
	}
	if d, ok := fi.JSONSchemaExtra.(*ir.Dict); ok {
		for i, k := range d.Keys {
			s.Set(keyString(k), g.enc.encode(d.Values[i]))
		}
	}
}

// refOverrides is handle_ref_overrides: siblings of a $ref equal to the referenced
// schema's own keys are dropped.
func (g *gen) refOverrides(s *ojson.Object) *ojson.Object {
	r, ok := s.Get("$ref")
	if !ok {
		return s
	}
	ref, _ := r.(ojson.String)
	def, ok := g.defs[strings.TrimPrefix(string(ref), refPrefix)]
	if !ok {
		return s
	}
	for _, k := range append([]string{}, s.Keys()...) {
		if k == "$ref" {
			continue
		}
		v, _ := s.Get(k)
		if dv, ok := def.Get(k); ok && ojson.Equal(dv, v) {
			s.Delete(k)
		}
	}
	return s
}

// titleShouldBeSet is field_title_should_be_set: not for models and enums (refs).
func titleShouldBeSet(t *ir.Type) bool {
	switch t.Kind {
	case ir.KindModel, ir.KindEnum:
		return false
	case ir.KindUnion:
		// Optional[X] is a nullable schema around X: it follows X.
		if nn := t.NonNone(); len(nn) == 1 && len(nn) < len(t.Args) && t.Discriminator == "" {
			return titleShouldBeSet(nn[0])
		}
	}
	return true
}

// titleFromName is pydantic's get_title_from_name.
func titleFromName(name string) string {
	return strings.TrimFunc(strings.ReplaceAll(pyTitle(name), "_", " "), unicode.IsSpace)
}

// pyTitle is Python's str.title().
func pyTitle(s string) string {
	var b strings.Builder
	prevCased := false
	for _, r := range s {
		cased := unicode.IsUpper(r) || unicode.IsLower(r) || unicode.IsTitle(r)
		switch {
		case cased && !prevCased:
			b.WriteRune(unicode.ToTitle(r))
		case cased:
			b.WriteRune(unicode.ToLower(r))
		default:
			b.WriteRune(r)
		}
		prevCased = cased
	}
	return b.String()
}
