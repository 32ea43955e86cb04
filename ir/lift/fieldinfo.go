package lift

import (
	"strings"

	"github.com/covetpy/covetgen/ir"
)

// paramFunctions maps FastAPI's parameter functions to where they read from.
var paramFunctions = map[string]ir.ParamIn{
	"fastapi.Query": ir.InQuery, "fastapi.Path": ir.InPath, "fastapi.Header": ir.InHeader,
	"fastapi.Cookie": ir.InCookie, "fastapi.Body": ir.InBody, "fastapi.Form": ir.InForm, "fastapi.File": ir.InFile,
}

// isFieldInfoCall reports whether o is Field(...) or one of FastAPI's parameter functions.
func isFieldInfoCall(o obj) (fwCall, bool) {
	c, ok := o.(fwCall)
	if !ok {
		return c, false
	}
	if _, ok := paramFunctions[c.name]; ok || c.name == "pydantic.Field" {
		return c, true
	}
	return c, false
}

// isDependsCall reports whether o is Depends(...) or Security(...).
func isDependsCall(o obj) (fwCall, bool) {
	c, ok := o.(fwCall)
	return c, ok && (c.name == "fastapi.Depends" || c.name == "fastapi.Security")
}

// marker is what Query()/Body()/... say beyond pydantic's FieldInfo.
type marker struct {
	in                 ir.ParamIn
	isParam            bool // a FastAPI parameter function (not pydantic.Field)
	includeInSchema    bool
	convertUnderscores bool
	embed              bool
	mediaType          string
	openapiExamples    ir.Value
	example            ir.Value
}

// fieldInfo reads Field(...) or a FastAPI parameter function call. m, when not nil,
// receives the FastAPI-specific arguments.
func (ms *modState) fieldInfo(c fwCall, m *marker) ir.FieldInfo {
	fi := ir.FieldInfo{Required: true, Pos: c.pos, Raw: &ir.Dict{}}
	if m != nil {
		*m = marker{includeInSchema: true, convertUnderscores: true}
		m.in, m.isParam = paramFunctions[c.name]
		switch m.in {
		case ir.InBody:
			m.mediaType = "application/json"
		case ir.InForm:
			m.mediaType = "application/x-www-form-urlencoded"
		case ir.InFile:
			m.mediaType = "multipart/form-data"
		}
	}
	setDefault := func(o obj) {
		v, ok := toValue(o)
		if _, ell := v.(ir.Ellipsis); ell {
			return
		}
		if !ok {
			ms.in.report(c.pos, "default value not known statically: %s", v.Repr())
		}
		fi.Required = false
		fi.Default = v
	}
	if len(c.args) > 0 {
		setDefault(c.args[0])
	}
	// str reads a keyword that takes a str (None is "not given"); anything else is reported.
	str := func(k kwArg) *string {
		if s, ok := constStr(k.val); ok {
			return &s
		}
		if v, ok := k.val.(valObj); !ok || !isNoneValue(v.v) {
			ms.in.report(c.pos, "%s(%s=...) not known statically%s", shortName(c.name), k.name, whyUnknown(k.val))
		}
		return nil
	}
	named := fieldKeywords
	if m != nil && m.isParam {
		named = paramKeywords[c.name]
	}
	extra := &ir.Dict{}
	var jsonSchemaExtra ir.Value
	for _, k := range c.kw {
		v, known := toValue(k.val)
		fi.Raw.Set(ir.Str(k.name), v)
		if !named[k.name] {
			// **extra: FastAPI's parameter functions hand it to FieldInfo and use it as
			// json_schema_extra when that is not given; pydantic.Field does the same after
			// taking out its removed / renamed v1 keywords.
			if ms.extraKeyword(c, k, v, m != nil && m.isParam) {
				extra.Set(ir.Str(k.name), v)
				if !known {
					ms.in.report(c.pos, "%s(%s=...) not known statically%s", shortName(c.name), k.name, whyUnknown(k.val))
				}
			}
			continue
		}
		if unmodelled[k.name] && !isNoneObj(k.val) {
			if b, ok := truthValue(k.val); !ok || b || k.name != "validate_default" {
				ms.in.report(c.pos, "%s(%s=...) changes validation or the schema in a way covetgen does not model", shortName(c.name), k.name)
			}
		}
		if !known && k.name != "default" && k.name != "default_factory" && k.name != "validation_alias" &&
			k.name != "json_schema_extra" && k.name != "discriminator" {
			if _, isStrKw := strKeywords[k.name]; !isStrKw {
				ms.in.report(c.pos, "%s(%s=...) not known statically%s", shortName(c.name), k.name, whyUnknown(k.val))
			}
		}
		switch k.name {
		case "default":
			setDefault(k.val)
		case "default_factory":
			fi.Required = false
			fi.DefaultFactory = objName(k.val)
			fi.FactoryValue = factoryValue(k.val)
		case "alias":
			fi.Alias = str(k)
		case "validation_alias":
			if paths, ok := aliasPaths(k.val); ok {
				fi.ValidationAliasPaths = paths
			} else {
				fi.ValidationAlias = str(k)
			}
		case "serialization_alias":
			fi.SerializationAlias = str(k)
		case "alias_priority":
			if n, ok := k.val.(valObj); ok {
				if i, ok := n.v.(ir.Int); ok && i.V.IsInt64() {
					fi.AliasPriority = int(i.V.Int64())
				}
			}
		case "title":
			fi.Title = str(k)
		case "description":
			fi.Description = str(k)
		case "examples":
			if _, none := v.(ir.None); !none {
				fi.Examples = v
			}
		case "deprecated":
			if _, none := v.(ir.None); !none {
				fi.Deprecated = v
			}
		case "json_schema_extra":
			jsonSchemaExtra = v
			if _, none := v.(ir.None); !none {
				fi.JSONSchemaExtra = v
			}
			if msg := schemaExtraProblem(k.val, v, known); msg != "" {
				ms.in.report(c.pos, "%s(json_schema_extra=...): %s", shortName(c.name), msg)
			}
		case "discriminator":
			if s, ok := constStr(k.val); ok {
				fi.Discriminator = s
			} else if !isNoneObj(k.val) {
				ms.in.report(c.pos, "%s(discriminator=...) is not a field name known statically (a Discriminator callable is not supported)", shortName(c.name))
			}
		case "exclude":
			fi.Exclude, _ = truthValue(k.val)
		case "include_in_schema":
			if m != nil {
				m.includeInSchema, _ = truthValue(k.val)
			}
		case "convert_underscores":
			if m != nil {
				m.convertUnderscores, _ = truthValue(k.val)
			}
		case "embed":
			if m != nil {
				m.embed, _ = truthValue(k.val)
			}
		case "media_type":
			if m != nil {
				m.mediaType, _ = constStr(k.val)
			}
		case "openapi_examples":
			if m != nil {
				if _, none := v.(ir.None); !none {
					m.openapiExamples = v
				}
			}
		case "example":
			if m != nil {
				m.example = v
			}
		}
	}
	if fi.AliasPriority == 0 && (fi.Alias != nil || fi.ValidationAlias != nil || fi.ValidationAliasPaths != nil || fi.SerializationAlias != nil) {
		fi.AliasPriority = 2
	}
	if len(extra.Keys) > 0 && !pyTruthy(jsonSchemaExtra) {
		fi.JSONSchemaExtra = extra
	}
	fi.Constraints = fieldConstraints(c.kw, named)
	return fi
}

// pyTruthy is Python's truth of a json_schema_extra value (nil: not given). A value that
// is not a constant (a callable) is true.
func pyTruthy(v ir.Value) bool {
	switch x := v.(type) {
	case nil, ir.None:
		return false
	case *ir.Dict:
		return len(x.Keys) > 0
	}
	return true
}

// extraKeyword handles a keyword outside the function's signature (**extra). It reports what
// raises at import or has an effect beyond the schema, and returns whether the keyword
// goes to json_schema_extra.
func (ms *modState) extraKeyword(c fwCall, k kwArg, v ir.Value, isParam bool) bool {
	if !isParam {
		switch k.name {
		case "min_items", "max_items", "allow_mutation":
			// Renamed v1 keywords: min_length / max_length (fieldConstraints), frozen.
			return false
		case "const", "unique_items", "regex":
			if !isNoneObj(k.val) {
				ms.in.report(c.pos, "Field(%s=...) raises PydanticUserError when the module is imported (removed in pydantic v2)", k.name)
			}
			return false
		}
		return true
	}
	// FieldInfo.__init__ also reads these from **kwargs: they act beyond the schema.
	switch k.name {
	case "union_mode", "coerce_numbers_to_str", "fail_fast", "validate_default", "exclude_if",
		"field_title_generator", "annotation":
		if !isNoneObj(k.val) {
			ms.in.report(c.pos, "%s(%s=...) changes validation or the schema in a way covetgen does not model", shortName(c.name), k.name)
		}
	}
	return true
}

// paramKeywords are the named parameters of FastAPI's parameter functions (0.141.1);
// fieldKeywords pydantic.Field's (2.13).
var paramKeywords = func() map[string]map[string]bool {
	common := words("default default_factory alias alias_priority validation_alias serialization_alias " +
		"title description gt ge lt le min_length max_length pattern regex discriminator strict " +
		"multiple_of allow_inf_nan max_digits decimal_places examples example openapi_examples " +
		"deprecated include_in_schema json_schema_extra")
	with := func(more string) map[string]bool {
		out := words(more)
		for k := range common {
			out[k] = true
		}
		return out
	}
	return map[string]map[string]bool{
		"fastapi.Query": common, "fastapi.Path": common, "fastapi.Cookie": common,
		"fastapi.Header": with("convert_underscores"), "fastapi.Body": with("embed media_type"),
		"fastapi.Form": with("media_type"), "fastapi.File": with("media_type"),
	}
}()

var fieldKeywords = words("default default_factory alias alias_priority validation_alias " +
	"serialization_alias title field_title_generator description examples exclude exclude_if " +
	"discriminator deprecated json_schema_extra frozen validate_default repr init init_var " +
	"kw_only pattern strict coerce_numbers_to_str gt ge lt le multiple_of allow_inf_nan " +
	"max_digits decimal_places min_length max_length union_mode fail_fast")

// unmodelled are named keywords of pydantic.Field with an effect the IR does not carry
// (validate_default only when true).
var unmodelled = words("union_mode coerce_numbers_to_str fail_fast validate_default exclude_if field_title_generator")

func words(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.Fields(s) {
		out[w] = true
	}
	return out
}

// fieldConstraints reads the constraint keywords a Field(...) or Query(...) call really
// applies: the named ones (regex for FastAPI's functions, under pattern's precedence), and
// pydantic.Field's v1 min_items / max_items when min_length / max_length are not given.
// strip_whitespace, to_lower and the like are not among them: passed here they only land in
// json_schema_extra.
func fieldConstraints(kw []kwArg, named map[string]bool) ir.Constraints {
	var use []kwArg
	given := map[string]obj{}
	for _, k := range kw {
		given[k.name] = k.val
	}
	set := func(name string) bool {
		o, ok := given[name]
		return ok && !isNoneObj(o)
	}
	for _, k := range kw {
		switch k.name {
		case "strip_whitespace", "to_lower", "to_upper":
			continue
		case "regex":
			if !named["regex"] || set("pattern") {
				continue
			}
		case "min_items", "max_items":
			if named["regex"] {
				continue // FastAPI: **extra, schema only
			}
			if (k.name == "min_items" && set("min_length")) || (k.name == "max_items" && set("max_length")) {
				continue
			}
		default:
			if !named[k.name] {
				continue
			}
		}
		use = append(use, k)
	}
	c, _ := constraintsFromKw(use)
	return c
}

// strKeywords are the keywords of Field() and the parameter functions read by str (which
// reports them itself).
var strKeywords = map[string]bool{"alias": true, "serialization_alias": true, "title": true, "description": true}

func isNoneValue(v ir.Value) bool {
	_, ok := v.(ir.None)
	return ok
}

func isNoneObj(o obj) bool {
	v, ok := o.(valObj)
	return ok && isNoneValue(v.v)
}

// whyUnknown returns " (why)" for an unknown object, "" otherwise.
func whyUnknown(o obj) string {
	if u, ok := o.(unknownObj); ok {
		return " (" + u.why + ")"
	}
	return ""
}

// aliasPaths reads AliasChoices(...) / AliasPath(...): each choice a path of str keys and
// int indexes.
func aliasPaths(o obj) ([][]ir.Value, bool) {
	c, ok := o.(fwCall)
	if !ok {
		return nil, false
	}
	path := func(args []obj) ([]ir.Value, bool) {
		var p []ir.Value
		for _, a := range args {
			v, ok := toValue(a)
			switch v.(type) {
			case ir.Str, ir.Int:
			default:
				ok = false
			}
			if !ok {
				return nil, false
			}
			p = append(p, v)
		}
		return p, len(p) > 0
	}
	switch c.name {
	case "pydantic.AliasPath":
		p, ok := path(c.args)
		if !ok {
			return nil, false
		}
		return [][]ir.Value{p}, true
	case "pydantic.AliasChoices":
		var out [][]ir.Value
		for _, a := range c.args {
			if s, ok := constStr(a); ok {
				out = append(out, []ir.Value{ir.Str(s)})
				continue
			}
			sub, ok := a.(fwCall)
			if !ok || sub.name != "pydantic.AliasPath" {
				return nil, false
			}
			p, ok := path(sub.args)
			if !ok {
				return nil, false
			}
			out = append(out, p)
		}
		return out, len(out) > 0
	}
	return nil, false
}

// factoryValue returns what a default_factory produces, when it is a known builtin or a
// lambda returning a constant.
func factoryValue(o obj) ir.Value {
	switch x := o.(type) {
	case fwObj:
		switch x.name {
		case "builtins.list":
			return ir.List{}
		case "builtins.dict":
			return &ir.Dict{}
		case "builtins.set":
			return ir.Set{}
		case "builtins.tuple":
			return ir.Tuple{}
		case "builtins.str":
			return ir.Str("")
		case "builtins.int":
			return ir.NewInt(0)
		}
	case *lambdaObj:
		v, ok := toValue(x.ms.eval(x.def.Body, x.ms.globals))
		if ok {
			return v
		}
	}
	return nil
}

// constraintsFromKw reads pydantic's constraint keywords.
func constraintsFromKw(kw []kwArg) (ir.Constraints, bool) {
	var c ir.Constraints
	any := false
	num := func(o obj) ir.Value {
		v, ok := toValue(o)
		if !ok {
			return nil
		}
		if _, none := v.(ir.None); none {
			return nil
		}
		return v
	}
	intp := func(o obj) *int {
		if v, ok := o.(valObj); ok {
			if i, ok := v.v.(ir.Int); ok && i.V.IsInt64() {
				n := int(i.V.Int64())
				return &n
			}
		}
		return nil
	}
	for _, k := range kw {
		switch k.name {
		case "gt":
			c.Gt = num(k.val)
		case "ge":
			c.Ge = num(k.val)
		case "lt":
			c.Lt = num(k.val)
		case "le":
			c.Le = num(k.val)
		case "multiple_of":
			c.MultipleOf = num(k.val)
		case "min_length", "min_items":
			c.MinLength = intp(k.val)
		case "max_length", "max_items":
			c.MaxLength = intp(k.val)
		case "pattern", "regex":
			if s, ok := constStr(k.val); ok {
				c.Pattern = &s
			}
		case "max_digits":
			c.MaxDigits = intp(k.val)
		case "decimal_places":
			c.DecimalPlaces = intp(k.val)
		case "strip_whitespace":
			c.StripWhitespace, _ = truthValue(k.val)
		case "to_lower":
			c.ToLower, _ = truthValue(k.val)
		case "to_upper":
			c.ToUpper, _ = truthValue(k.val)
		case "strict":
			c.Strict, _ = truthValue(k.val)
		case "allow_inf_nan":
			if b, ok := truthValue(k.val); ok {
				c.AllowInfNan = &b
			}
		default:
			continue
		}
		any = true
	}
	return c, any
}

// constraintsOf reads annotated_types markers and StringConstraints.
func constraintsOf(c fwCall) (ir.Constraints, bool) {
	arg := func() obj {
		if len(c.args) > 0 {
			return c.args[0]
		}
		return nil
	}
	one := func(name string) (ir.Constraints, bool) {
		if a := arg(); a != nil {
			return constraintsFromKw([]kwArg{{name: name, val: a}})
		}
		return constraintsFromKw(c.kw)
	}
	switch c.name {
	case "pydantic.StringConstraints", "annotated_types.Interval", "annotated_types.Len":
		kw := c.kw
		if c.name == "annotated_types.Len" && len(c.args) > 0 {
			kw = append([]kwArg{{name: "min_length", val: c.args[0]}}, kw...)
			if len(c.args) > 1 {
				kw = append(kw, kwArg{name: "max_length", val: c.args[1]})
			}
		}
		return constraintsFromKw(kw)
	case "annotated_types.Gt":
		return one("gt")
	case "annotated_types.Ge":
		return one("ge")
	case "annotated_types.Lt":
		return one("lt")
	case "annotated_types.Le":
		return one("le")
	case "annotated_types.MultipleOf":
		return one("multiple_of")
	case "annotated_types.MinLen":
		return one("min_length")
	case "annotated_types.MaxLen":
		return one("max_length")
	}
	return ir.Constraints{}, false
}
