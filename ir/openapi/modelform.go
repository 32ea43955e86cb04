package openapi

import (
	"regexp"

	"github.com/covetpy/covetgen/ir/ojson"
)

// FastAPI validates the document it built through its OpenAPI pydantic models and dumps
// it with exclude_none: known keys come out in the models' field order (extra keys after,
// in their order), float-typed Schema keywords become floats, and None values disappear.
// A path item whose operations declare parameters does not validate strictly as a PathItem
// (Parameter.in is an Enum) and is kept as the raw dict instead.

// form describes one OpenAPI model: its fields in order and how to convert each.
type form struct {
	fields []string
	conv   map[string]func(ojson.Value) ojson.Value
	// known is the set of fields, built once the forms are defined.
	known map[string]bool
}

var schemaFields = []string{"$schema", "$vocabulary", "$id", "$anchor", "$dynamicAnchor", "$ref", "$dynamicRef",
	"$defs", "$comment", "allOf", "anyOf", "oneOf", "not", "if", "then", "else", "dependentSchemas", "prefixItems",
	"items", "contains", "properties", "patternProperties", "additionalProperties", "propertyNames",
	"unevaluatedItems", "unevaluatedProperties", "type", "enum", "const", "multipleOf", "maximum",
	"exclusiveMaximum", "minimum", "exclusiveMinimum", "maxLength", "minLength", "pattern", "maxItems", "minItems",
	"uniqueItems", "maxContains", "minContains", "maxProperties", "minProperties", "required", "dependentRequired",
	"format", "contentEncoding", "contentMediaType", "contentSchema", "title", "description", "default",
	"deprecated", "readOnly", "writeOnly", "examples", "discriminator", "xml", "externalDocs", "example"}

var (
	schemaForm, pathItemForm, operationForm, parameterForm, headerForm, requestBodyForm, mediaTypeForm,
	responseForm, exampleForm, infoForm, contactForm, licenseForm, serverForm, tagForm, externalDocsForm,
	componentsForm, discriminatorForm, openapiForm, securityForm *form
)

func init() {
	each := func(f func(ojson.Value) ojson.Value) func(ojson.Value) ojson.Value {
		return func(v ojson.Value) ojson.Value {
			switch x := v.(type) {
			case ojson.Array:
				out := make(ojson.Array, len(x))
				for i, e := range x {
					out[i] = f(e)
				}
				return out
			}
			return v
		}
	}
	values := func(f func(ojson.Value) ojson.Value) func(ojson.Value) ojson.Value {
		return func(v ojson.Value) ojson.Value {
			o, ok := v.(*ojson.Object)
			if !ok {
				return v
			}
			out := ojson.NewObject()
			for _, k := range o.Keys() {
				e, _ := o.Get(k)
				out.Set(k, f(e))
			}
			return out
		}
	}
	apply := func(fp **form) func(ojson.Value) ojson.Value {
		return func(v ojson.Value) ojson.Value { return (*fp).apply(v) }
	}
	float := func(v ojson.Value) ojson.Value {
		if n, ok := v.(ojson.Number); ok && !n.IsFloat() {
			if r := n.Rat(); r != nil {
				f, _ := r.Float64()
				return ojson.Float(f)
			}
		}
		return v
	}
	schema := apply(&schemaForm)
	schemaForm = &form{fields: schemaFields, conv: map[string]func(ojson.Value) ojson.Value{
		"$defs": values(schema), "allOf": each(schema), "anyOf": each(schema), "oneOf": each(schema),
		"not": schema, "if": schema, "then": schema, "else": schema, "dependentSchemas": values(schema),
		"prefixItems": each(schema), "items": schema, "contains": schema, "properties": values(schema),
		"patternProperties": values(schema), "additionalProperties": schema, "propertyNames": schema,
		"unevaluatedItems": schema, "unevaluatedProperties": schema, "contentSchema": schema,
		"multipleOf": float, "maximum": float, "exclusiveMaximum": float, "minimum": float, "exclusiveMinimum": float,
		"discriminator": apply(&discriminatorForm), "externalDocs": apply(&externalDocsForm),
	}}
	discriminatorForm = &form{fields: []string{"propertyName", "mapping"}}
	externalDocsForm = &form{fields: []string{"description", "url"}, conv: map[string]func(ojson.Value) ojson.Value{"url": anyURL}}
	exampleForm = &form{fields: []string{"summary", "description", "value", "externalValue"}}
	mediaTypeForm = &form{fields: []string{"schema", "example", "examples", "encoding"}, conv: map[string]func(ojson.Value) ojson.Value{
		"schema": schema, "examples": values(apply(&exampleForm))}}
	paramBase := []string{"description", "required", "deprecated", "style", "explode", "allowReserved", "schema", "example", "examples", "content"}
	paramConv := map[string]func(ojson.Value) ojson.Value{"schema": schema, "examples": values(apply(&exampleForm)),
		"content": values(apply(&mediaTypeForm))}
	parameterForm = &form{fields: append(append([]string{}, paramBase...), "name", "in"), conv: paramConv}
	headerForm = &form{fields: paramBase, conv: paramConv}
	requestBodyForm = &form{fields: []string{"description", "content", "required"}, conv: map[string]func(ojson.Value) ojson.Value{
		"content": values(apply(&mediaTypeForm))}}
	responseForm = &form{fields: []string{"description", "headers", "content", "links"}, conv: map[string]func(ojson.Value) ojson.Value{
		"headers": values(apply(&headerForm)), "content": values(apply(&mediaTypeForm))}}
	operationForm = &form{fields: []string{"tags", "summary", "description", "externalDocs", "operationId", "parameters",
		"requestBody", "responses", "callbacks", "deprecated", "security", "servers"}, conv: map[string]func(ojson.Value) ojson.Value{
		"externalDocs": apply(&externalDocsForm), "parameters": each(apply(&parameterForm)),
		"requestBody": apply(&requestBodyForm), "responses": values(apply(&responseForm)),
		"callbacks": values(values(apply(&pathItemForm))), "servers": each(apply(&serverForm))}}
	op := apply(&operationForm)
	pathItemForm = &form{fields: []string{"$ref", "summary", "description", "get", "put", "post", "delete", "options",
		"head", "patch", "trace", "servers", "parameters"}, conv: map[string]func(ojson.Value) ojson.Value{
		"get": op, "put": op, "post": op, "delete": op, "options": op, "head": op, "patch": op, "trace": op,
		"servers": each(apply(&serverForm)), "parameters": each(apply(&parameterForm))}}
	contactForm = &form{fields: []string{"name", "url", "email"}, conv: map[string]func(ojson.Value) ojson.Value{"url": anyURL}}
	licenseForm = &form{fields: []string{"name", "identifier", "url"}, conv: map[string]func(ojson.Value) ojson.Value{"url": anyURL}}
	infoForm = &form{fields: []string{"title", "summary", "description", "termsOfService", "contact", "license", "version"},
		conv: map[string]func(ojson.Value) ojson.Value{"contact": apply(&contactForm), "license": apply(&licenseForm)}}
	serverForm = &form{fields: []string{"url", "description", "variables"}}
	tagForm = &form{fields: []string{"name", "description", "externalDocs"}, conv: map[string]func(ojson.Value) ojson.Value{
		"externalDocs": apply(&externalDocsForm)}}
	securityForm = &form{fields: []string{"type", "description", "in", "name", "scheme", "bearerFormat", "flows", "openIdConnectUrl"}}
	componentsForm = &form{fields: []string{"schemas", "responses", "parameters", "examples", "requestBodies", "headers",
		"securitySchemes", "links", "callbacks", "pathItems"}, conv: map[string]func(ojson.Value) ojson.Value{
		"schemas": values(schema), "responses": values(apply(&responseForm)), "parameters": values(apply(&parameterForm)),
		"examples": values(apply(&exampleForm)), "requestBodies": values(apply(&requestBodyForm)),
		"headers": values(apply(&headerForm)), "pathItems": values(apply(&pathItemForm))}}
	openapiForm = &form{fields: []string{"openapi", "info", "jsonSchemaDialect", "servers", "paths", "webhooks",
		"components", "security", "tags", "externalDocs"}, conv: map[string]func(ojson.Value) ojson.Value{
		"info": apply(&infoForm), "servers": each(apply(&serverForm)), "paths": values(rawOrPathItem),
		"webhooks": values(apply(&pathItemForm)), "components": apply(&componentsForm), "tags": each(apply(&tagForm)),
		"externalDocs": apply(&externalDocsForm)}}
	for _, f := range []*form{schemaForm, pathItemForm, operationForm, parameterForm, headerForm, requestBodyForm,
		mediaTypeForm, responseForm, exampleForm, infoForm, contactForm, licenseForm, serverForm, tagForm,
		externalDocsForm, componentsForm, discriminatorForm, openapiForm, securityForm} {
		if f == nil {
			continue
		}
		f.known = make(map[string]bool, len(f.fields))
		for _, k := range f.fields {
			f.known[k] = true
		}
	}
}

// apply converts an object to the model's form; anything else is returned as is.
func (f *form) apply(v ojson.Value) ojson.Value {
	o, ok := v.(*ojson.Object)
	if !ok {
		return v
	}
	out := ojson.NewObject()
	for _, k := range f.fields {
		e, ok := o.Get(k)
		if !ok {
			continue
		}
		if _, null := e.(ojson.Null); null {
			continue
		}
		if c := f.conv[k]; c != nil {
			e = c(e)
		}
		out.Set(k, e)
	}
	for _, k := range o.Keys() {
		if !f.known[k] {
			e, _ := o.Get(k)
			out.Set(k, e)
		}
	}
	return out
}

// rawOrPathItem keeps a path item with parameters raw, and rebuilds the others.
func rawOrPathItem(v ojson.Value) ojson.Value {
	o, ok := v.(*ojson.Object)
	if !ok {
		return v
	}
	for _, k := range o.Keys() {
		op, _ := o.Get(k)
		if oo, ok := op.(*ojson.Object); ok {
			if p, ok := oo.Get("parameters"); ok {
				if arr, ok := p.(ojson.Array); ok && len(arr) > 0 {
					return v
				}
			}
		}
	}
	return pathItemForm.apply(v)
}

var bareURLRE = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.-]*://[^/?#]+$`)

// anyURL is str(pydantic.AnyUrl(s)): a bare origin gets a trailing slash.
func anyURL(v ojson.Value) ojson.Value {
	if s, ok := v.(ojson.String); ok && bareURLRE.MatchString(string(s)) {
		return s + "/"
	}
	return v
}

// dropNulls removes null object values everywhere (jsonable_encoder's exclude_none).
func dropNulls(v ojson.Value) ojson.Value {
	switch x := v.(type) {
	case *ojson.Object:
		out := ojson.NewObject()
		for _, k := range x.Keys() {
			e, _ := x.Get(k)
			if _, null := e.(ojson.Null); null {
				continue
			}
			out.Set(k, dropNulls(e))
		}
		return out
	case ojson.Array:
		out := make(ojson.Array, len(x))
		for i, e := range x {
			out[i] = dropNulls(e)
		}
		return out
	}
	return v
}

// finalize applies FastAPI's model round trip to the raw document.
func finalize(doc *ojson.Object) *ojson.Object {
	return openapiForm.apply(dropNulls(doc)).(*ojson.Object)
}
