package lift

import (
	"strings"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
)

// liftModel returns the IR of a pydantic model, dataclass or TypedDict class.
func (in *interp) liftModel(c *classObj) *ir.Model {
	if c.model != nil {
		return c.model
	}
	ms := c.ms
	m := &ir.Model{Name: c.def.Name, Module: ms.mod.Name, QualName: c.qualName(), Pos: c.pos}
	switch c.kind() {
	case dataclassClass:
		m.Kind = ir.Dataclass
	case pydanticDataclassClass:
		m.Kind = ir.PydanticDataclass
	case typedDictClass:
		m.Kind = ir.TypedDict
	}
	c.model = m
	defer in.reportTo(&m.Diags)()
	m.Doc = docstring(c.def.Body)
	// Bases: inherited fields come first (reversed MRO), the class's own fields after.
	var bases []*classObj
	for _, b := range c.bases {
		var bc *classObj
		var args []obj
		switch x := b.(type) {
		case *classObj:
			bc = x
		case aliasObj:
			if isFw(x.origin, "typing.Generic") {
				for _, a := range x.args {
					if t := ms.typeOf(a, c.pos); t.Kind == ir.KindTypeVar {
						m.TypeParams = append(m.TypeParams, t.Name)
					}
				}
				continue
			}
			if isFw(x.origin, "pydantic.RootModel") {
				m.Root = true
				if len(x.args) == 1 {
					setField(m, &ir.Field{Name: "root", Type: ms.typeOf(x.args[0], c.pos), Info: ir.FieldInfo{Required: true}, Pos: c.pos})
				}
				continue
			}
			bc, _ = x.origin.(*classObj)
			args = x.args
		case fwObj:
			if x.name == "pydantic.RootModel" {
				m.Root = true
			}
		}
		if bc == nil || !bc.isModel() {
			continue
		}
		bm := in.liftModel(bc)
		if len(args) > 0 {
			bm = in.parametrize(bc, args, c.pos)
		}
		m.Bases = append(m.Bases, bm)
		bases = append(bases, bc)
	}
	for i := len(m.Bases) - 1; i >= 0; i-- {
		bm := m.Bases[i]
		for _, f := range bm.Fields {
			setField(m, f)
		}
		m.Computed = append(m.Computed, bm.Computed...)
		m.Validators = append(m.Validators, bm.Validators...)
		if len(m.TypeParams) == 0 && len(bm.TypeParams) > 0 && bm.GenericOrigin == nil {
			m.TypeParams = bm.TypeParams
		}
	}
	// The config: the bases' in order (a later base's keys win), then the class's own.
	inherited := dictObj{}
	for _, bc := range bases {
		for i := range bc.config.keys {
			inherited = inherited.with(bc.config.keys[i], bc.config.vals[i])
		}
	}
	ms.readConfig(c, m, inherited)
	for _, st := range c.def.Body {
		switch s := st.(type) {
		case *ast.AnnAssign:
			n, ok := s.Target.(*ast.Name)
			if !ok || n.Id == "model_config" || (strings.HasPrefix(n.Id, "_") && m.Kind != ir.TypedDict) {
				continue
			}
			ann := ms.eval(s.Annotation, c.attrs)
			if isClassVar(ms.resolveForward(ann, 0)) {
				continue
			}
			var value obj
			if s.Value != nil {
				value = ms.eval(s.Value, c.attrs)
			}
			f := ms.liftField(m, n.Id, ann, value, ms.pos(s))
			setField(m, f)
		case *ast.FunctionDef:
			ms.liftMethod(c, m, s.Name, s.Returns, s.DecoratorList, s)
		case *ast.AsyncFunctionDef:
			ms.liftMethod(c, m, s.Name, s.Returns, s.DecoratorList, s)
		}
	}
	if m.Kind == ir.BaseModel {
		in.applyAliasGenerator(c, m)
	}
	if m.Kind == ir.TypedDict {
		total := true
		if v, ok := kwGet(c.kw, "total"); ok {
			total, _ = truthValue(v)
		}
		if !total {
			for _, f := range m.Fields {
				f.Info.Required = false
			}
		}
	}
	for _, f := range m.Fields {
		if p := typeProblem(f.Type); p != "" {
			m.Diags.Add(f.Pos, "type of field %s.%s %s", m.Name, f.Name, p)
		}
	}
	for _, cf := range m.Computed {
		if p := typeProblem(cf.ReturnType); p != "" {
			m.Diags.Add(cf.Pos, "type of computed field %s.%s %s", m.Name, cf.Name, p)
		}
	}
	if m.Kind == ir.Dataclass {
		m.DataclassWhy = ms.plainDataclassWhy(c, m) // dataclass.go
	}
	m.Unresolved = len(m.Diags) > 0
	in.models = append(in.models, m)
	return m
}

func isClassVar(o obj) bool {
	if isFw(o, "typing.ClassVar") {
		return true
	}
	if a, ok := o.(aliasObj); ok {
		return isFw(a.origin, "typing.ClassVar")
	}
	return false
}

// setField adds a field, or replaces an inherited one in place.
func setField(m *ir.Model, f *ir.Field) {
	for i, old := range m.Fields {
		if old.Name == f.Name {
			m.Fields[i] = f
			return
		}
	}
	m.Fields = append(m.Fields, f)
}

// liftField builds one field from its annotation and assigned value.
func (ms *modState) liftField(m *ir.Model, name string, ann, value obj, pos ir.Pos) *ir.Field {
	inner, meta := splitAnnotated(ms.resolveForward(ann, 0))
	info := ir.FieldInfo{Required: true, Pos: pos}
	var typeMeta []obj
	for _, mo := range meta {
		if c, ok := mo.(fwCall); ok && c.name == "pydantic.Field" {
			info = mergeFieldInfo(info, ms.fieldInfo(c, nil))
			continue
		}
		typeMeta = append(typeMeta, mo)
	}
	switch v := value.(type) {
	case nil:
	case fwCall:
		switch v.name {
		case "pydantic.Field":
			info = mergeFieldInfo(info, ms.fieldInfo(v, nil))
		case "dataclasses.field":
			info = mergeFieldInfo(info, ms.dataclassField(v))
		default:
			info.Required = false
			info.Default, _ = toValue(v)
		}
	default:
		val, ok := toValue(v)
		if !ok {
			ms.in.report(pos, "default of field %s.%s not known statically", m.Name, name)
		}
		info.Required = false
		info.Default = val
	}
	t := ms.typeOf(inner, pos)
	if len(typeMeta) > 0 {
		t = ms.applyTypeMeta(t, typeMeta, pos)
	}
	t = withConstraints(t, info.Constraints)
	if info.Discriminator != "" {
		cp := *t
		cp.Discriminator = info.Discriminator
		t = &cp
	}
	return &ir.Field{Name: name, Type: t, Info: info, Pos: pos}
}

// mergeFieldInfo overlays b (given later) on a, as pydantic merges FieldInfos.
func mergeFieldInfo(a, b ir.FieldInfo) ir.FieldInfo {
	out := a
	if !b.Required {
		out.Required = false
		out.Default, out.DefaultFactory, out.FactoryValue = b.Default, b.DefaultFactory, b.FactoryValue
	}
	if b.Alias != nil {
		out.Alias = b.Alias
	}
	if b.ValidationAlias != nil || b.ValidationAliasPaths != nil {
		out.ValidationAlias, out.ValidationAliasPaths = b.ValidationAlias, b.ValidationAliasPaths
	}
	if b.AliasPriority != 0 {
		out.AliasPriority = b.AliasPriority
	}
	if b.SerializationAlias != nil {
		out.SerializationAlias = b.SerializationAlias
	}
	if b.Title != nil {
		out.Title = b.Title
	}
	if b.Description != nil {
		out.Description = b.Description
	}
	if b.Examples != nil {
		out.Examples = b.Examples
	}
	if b.Deprecated != nil {
		out.Deprecated = b.Deprecated
	}
	if b.JSONSchemaExtra != nil {
		out.JSONSchemaExtra = b.JSONSchemaExtra
	}
	if b.Discriminator != "" {
		out.Discriminator = b.Discriminator
	}
	out.Exclude = out.Exclude || b.Exclude
	out.Constraints.Merge(b.Constraints)
	if b.Raw != nil {
		if out.Raw == nil {
			out.Raw = &ir.Dict{}
		}
		for i, k := range b.Raw.Keys {
			out.Raw.Set(k, b.Raw.Values[i])
		}
	}
	out.Pos = b.Pos
	return out
}

// dataclassField reads dataclasses.field(default=..., default_factory=...).
func (ms *modState) dataclassField(c fwCall) ir.FieldInfo {
	fi := ir.FieldInfo{Required: true, Pos: c.pos}
	if v, ok := kwGet(c.kw, "default"); ok {
		fi.Required = false
		fi.Default, _ = toValue(v)
	}
	if v, ok := kwGet(c.kw, "default_factory"); ok {
		fi.Required = false
		fi.DefaultFactory = objName(v)
		fi.FactoryValue = factoryValue(v)
	}
	return fi
}

// liftMethod records computed fields and validators.
func (ms *modState) liftMethod(c *classObj, m *ir.Model, name string, returns ast.Expr, decos []ast.Expr, st ast.Stmt) {
	for _, d := range decos {
		dv := ms.eval(d, c.attrs)
		dn := decoratorName(dv)
		switch dn {
		case "pydantic.computed_field":
			cf := &ir.ComputedField{Name: name, Pos: ms.pos(st), Info: ir.FieldInfo{}}
			if returns != nil {
				cf.ReturnType = ms.typeOf(ms.eval(returns, c.attrs), ms.pos(returns))
			} else {
				cf.ReturnType = &ir.Type{Kind: ir.KindAny}
			}
			if call, ok := dv.(fwCall); ok {
				cf.Info = ms.fieldInfo(call, nil)
			}
			m.Computed = append(m.Computed, cf)
		case "pydantic.field_validator", "pydantic.model_validator", "pydantic.validator", "pydantic.root_validator",
			"pydantic.field_serializer", "pydantic.model_serializer":
			v := ir.Validator{Kind: strings.TrimPrefix(dn, "pydantic."), Func: name, Pos: ms.pos(st), Mode: "after"}
			if call, ok := dv.(fwCall); ok {
				for _, a := range call.args {
					if s, ok := constStr(a); ok {
						v.Fields = append(v.Fields, s)
					}
				}
				if mode, ok := kwGet(call.kw, "mode"); ok {
					v.Mode, _ = constStr(mode)
				}
				if pre, ok := kwGet(call.kw, "pre"); ok {
					if b, _ := truthValue(pre); b {
						v.Mode = "before"
					}
				}
			}
			m.Validators = append(m.Validators, v)
		}
	}
}

// readConfig reads the model's config: what it inherits, then its class keywords,
// model_config and class Config, later keys winning.
func (ms *modState) readConfig(c *classObj, m *ir.Model, inherited dictObj) {
	raw := inherited
	for _, k := range c.kw {
		if k.name != "metaclass" && k.name != "total" {
			raw = raw.with(valObj{ir.Str(k.name)}, k.val)
		}
	}
	if v, ok := c.attrs.names["model_config"]; ok {
		if d, ok := v.(dictObj); ok {
			for i := range d.keys {
				raw = raw.with(d.keys[i], d.vals[i])
			}
		} else {
			ms.in.report(c.pos, "model %s: model_config not known statically", m.Name)
		}
	}
	if v, ok := c.attrs.names["Config"].(*classObj); ok {
		for _, n := range v.attrs.order {
			raw = raw.with(valObj{ir.Str(n)}, v.attrs.names[n])
		}
	}
	c.config = raw
	cfg := &m.Config
	for i, k := range raw.keys {
		key, _ := constStr(k)
		val := raw.vals[i]
		v, known := toValue(val)
		if cfg.Raw == nil {
			cfg.Raw = &ir.Dict{}
		}
		cfg.Raw.Set(ir.Str(key), v)
		b, bok := truthValue(val)
		unknown := func() {
			ms.in.report(c.pos, "model %s: model_config %s= not known statically%s", m.Name, key, whyUnknown(val))
		}
		switch key {
		case "extra":
			cfg.Extra, _ = constStr(val)
			if cfg.Extra == "" {
				// Extra.forbid and kin.
				if f, ok := val.(fwObj); ok {
					cfg.Extra = f.name[strings.LastIndexByte(f.name, '.')+1:]
				}
			}
			switch cfg.Extra {
			case "allow", "ignore", "forbid":
			default:
				if _, none := v.(ir.None); !none {
					unknown()
				}
			}
		case "title":
			if s, ok := constStr(val); ok {
				cfg.Title = &s
			} else if _, none := v.(ir.None); !none {
				unknown()
			}
		case "json_schema_extra":
			cfg.JSONSchemaExtra = nonNone(v)
			if msg := schemaExtraProblem(val, v, known); msg != "" {
				ms.in.report(c.pos, "model %s: %s", m.Name, msg)
			}
		case "populate_by_name", "validate_by_name", "strict", "frozen", "from_attributes", "use_enum_values",
			"str_strip_whitespace", "str_to_lower", "str_to_upper":
			if !bok {
				unknown()
			}
			switch key {
			case "populate_by_name", "validate_by_name":
				cfg.PopulateByName = b
			case "strict":
				cfg.Strict = b
			case "frozen":
				cfg.Frozen = b
			case "from_attributes":
				cfg.FromAttributes = b
			case "use_enum_values":
				cfg.UseEnumValues = b
			case "str_strip_whitespace":
				cfg.StrStripWhitespace = b
			case "str_to_lower":
				cfg.StrToLower = b
			case "str_to_upper":
				cfg.StrToUpper = b
			}
		case "ser_json_timedelta", "ser_json_bytes", "val_json_bytes":
			mode, ok := constStr(val)
			if !ok {
				unknown()
			}
			switch key {
			case "ser_json_timedelta":
				cfg.SerJSONTimedelta = mode
			case "ser_json_bytes":
				cfg.SerJSONBytes = mode
			default:
				cfg.ValJSONBytes = mode
			}
		case "str_min_length", "str_max_length":
			var n *int
			switch x := v.(type) {
			case ir.Int:
				if x.V.IsInt64() {
					i := int(x.V.Int64())
					n = &i
				} else {
					unknown()
				}
			case ir.None:
			default:
				unknown()
			}
			if key == "str_min_length" {
				if n != nil && *n == 0 {
					n = nil // pydantic's default: no constraint
				}
				cfg.StrMinLength = n
			} else {
				cfg.StrMaxLength = n
			}
		case "alias_generator":
			if _, none := v.(ir.None); !none {
				cfg.AliasGenerator = objName(val)
			}
		default:
			if msg := configKeyProblem(key, val, v, known); msg != "" {
				ms.in.report(c.pos, "model %s: %s", m.Name, msg)
			}
		}
	}
}

// configNoEffect are the ConfigDict keys that change neither validation, serialization,
// the JSON schema nor the errors FastAPI reports, whatever their value (checked against
// pydantic 2.13): arbitrary_types_allowed only lets the class be built (a field of an
// arbitrary type is reported on its own), protected_namespaces only warns, defer_build and
// cache_strings only change when or how fast schemas are built, validation_error_cause only
// sets __cause__, and hide_input_in_errors only changes str(ValidationError) (errors(),
// which FastAPI answers with, keeps "input").
var configNoEffect = map[string]bool{
	"arbitrary_types_allowed": true, "protected_namespaces": true, "defer_build": true,
	"cache_strings": true, "validation_error_cause": true, "hide_input_in_errors": true,
}

// configDefaults are the other ConfigDict keys with pydantic 2.13's defaults: a model that
// sets one to anything else validates, serializes or documents itself in a way the IR
// does not carry. Keys outside ConfigDict (v1 names such as orm_mode, which pydantic 2
// renames or removes with a warning, and anything else) are ignored by pydantic.
var configDefaults = map[string]ir.Value{
	"model_title_generator": ir.None{}, "field_title_generator": ir.None{}, "ignored_types": ir.Tuple(nil),
	"allow_inf_nan": ir.Bool(true), "validate_assignment": ir.Bool(false), "loc_by_alias": ir.Bool(true),
	"revalidate_instances": ir.Str("never"), "ser_json_temporal": ir.Str("iso8601"),
	"val_temporal_unit": ir.Str("infer"), "ser_json_inf_nan": ir.Str("null"), "validate_default": ir.Bool(false),
	"validate_return": ir.Bool(false), "json_encoders": ir.None{}, "schema_generator": ir.None{},
	"plugin_settings": ir.None{}, "json_schema_serialization_defaults_required": ir.Bool(false),
	"json_schema_mode_override": ir.None{}, "coerce_numbers_to_str": ir.Bool(false),
	"regex_engine": ir.Str("rust-regex"), "use_attribute_docstrings": ir.Bool(false),
	"validate_by_alias": ir.Bool(true), "serialize_by_alias": ir.Bool(false),
	"url_preserve_empty_path": ir.Bool(false), "polymorphic_serialization": ir.Bool(false),
}

// configKeyProblem says why a config key the IR does not carry changes the model ("" when
// it does not: a key without effect, outside ConfigDict, or set to its default).
func configKeyProblem(key string, o obj, v ir.Value, known bool) string {
	def, ok := configDefaults[key]
	if configNoEffect[key] || !ok {
		return ""
	}
	switch d := def.(type) {
	case ir.Bool:
		if b, ok := truthValue(o); ok {
			if b == bool(d) {
				return ""
			}
			return "model_config " + key + "=" + v.Repr() + " is not supported"
		}
	case ir.Tuple:
		if b, ok := truthValue(o); ok && !b {
			return ""
		}
	default:
		if known && v.Repr() == def.Repr() {
			return ""
		}
	}
	if !known {
		return "model_config " + key + "= not known statically" + whyUnknown(o)
	}
	return "model_config " + key + "=" + v.Repr() + " is not supported"
}

// schemaExtraProblem says why a json_schema_extra cannot be applied ("" when it can: a
// dict known statically, or None).
func schemaExtraProblem(o obj, v ir.Value, known bool) string {
	switch x := o.(type) {
	case *funcObj:
		return "json_schema_extra is a callable (" + x.name + "); the schema changes it makes are not applied"
	case *lambdaObj:
		return "json_schema_extra is a lambda; the schema changes it makes are not applied"
	case unknownObj:
		return "json_schema_extra not known statically (" + x.why + ")"
	}
	switch v.(type) {
	case *ir.Dict:
		if !known {
			return "json_schema_extra has values not known statically"
		}
		return ""
	case ir.None:
		return ""
	}
	return "json_schema_extra is not a dict known statically"
}

// parametrize returns the model of a generic model's parametrization (Page[Item]).
func (in *interp) parametrize(c *classObj, args []obj, pos ir.Pos) *ir.Model {
	origin := in.liftModel(c)
	var targs []*ir.Type
	var names []string
	for _, a := range args {
		t := c.ms.typeOf(a, pos)
		targs = append(targs, t)
		names = append(names, displayType(t))
	}
	name := origin.Name + "[" + strings.Join(names, ", ") + "]"
	for _, m := range in.models {
		if m.GenericOrigin == origin && m.Name == name {
			return m
		}
	}
	// A parametrization is a new class without a docstring (pydantic's schema has no
	// description for Page[Item]).
	m := &ir.Model{Kind: origin.Kind, Name: name, Module: origin.Module, QualName: name,
		Bases: origin.Bases, Config: origin.Config, Validators: origin.Validators, GenericOrigin: origin,
		GenericArgs: targs, Root: origin.Root, Pos: origin.Pos}
	subst := map[string]*ir.Type{}
	for i, p := range origin.TypeParams {
		if i < len(targs) {
			subst[p] = targs[i]
		}
	}
	for _, f := range origin.Fields {
		nf := *f
		nf.Type = substitute(f.Type, subst)
		m.Fields = append(m.Fields, &nf)
	}
	for _, cf := range origin.Computed {
		ncf := *cf
		ncf.ReturnType = substitute(cf.ReturnType, subst)
		m.Computed = append(m.Computed, &ncf)
	}
	in.models = append(in.models, m)
	return m
}

func substitute(t *ir.Type, subst map[string]*ir.Type) *ir.Type {
	if t == nil {
		return nil
	}
	if t.Kind == ir.KindTypeVar {
		if r, ok := subst[t.Name]; ok {
			return r
		}
		return &ir.Type{Kind: ir.KindAny, Pos: t.Pos}
	}
	if len(t.Args) == 0 {
		return t
	}
	cp := *t
	cp.Args = make([]*ir.Type, len(t.Args))
	for i, a := range t.Args {
		cp.Args[i] = substitute(a, subst)
	}
	return &cp
}

// displayType renders a type as pydantic's display_as_type does for generic names.
func displayType(t *ir.Type) string {
	switch t.Kind {
	case ir.KindModel:
		return t.Model.Name
	case ir.KindEnum:
		return t.Enum.Name
	case ir.KindStr, ir.KindInt, ir.KindFloat, ir.KindBool, ir.KindBytes:
		return t.Kind.String()
	case ir.KindAny:
		return "Any"
	case ir.KindNone:
		return "NoneType"
	case ir.KindIP, ir.KindURL:
		return t.Name[strings.LastIndexByte(t.Name, '.')+1:]
	case ir.KindList, ir.KindSet, ir.KindFrozenSet, ir.KindDict, ir.KindTuple:
		var parts []string
		for _, a := range t.Args {
			parts = append(parts, displayType(a))
		}
		if t.Variadic {
			parts = append(parts, "...")
		}
		return t.Kind.String() + "[" + strings.Join(parts, ", ") + "]"
	case ir.KindUnion:
		var parts []string
		for _, a := range t.Args {
			parts = append(parts, displayType(a))
		}
		return "Union[" + strings.Join(parts, ", ") + "]"
	}
	return t.String()
}
