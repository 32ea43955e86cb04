package openapi

import (
	"sort"
	"strings"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/ir/ojson"
)

// Generate returns the OpenAPI document FastAPI's app.openapi() returns for app, and the
// diagnostics of what could not be reproduced.
func Generate(app *ir.App) (doc *ojson.Object, diags ir.Diagnostics) {
	defer func() {
		// The last resort against a crash on an unexpected IR: a diagnostic.
		if r := recover(); r != nil {
			doc = ojson.NewObject()
			diags.Add(app.Pos, "internal error generating the OpenAPI document: %v", r)
		}
	}()
	b := &builder{app: app, g: newGen(&diags), diags: &diags, jsonable: encoder{diags: &diags}}
	doc = b.document()
	return doc, diags
}

type builder struct {
	app      *ir.App
	g        *gen
	diags    *ir.Diagnostics
	jsonable encoder
	// schemas are every field schema generated, remapped once the definitions are named.
	schemas []*ojson.Object
	rm      remapping
}

// routeInfo is what get_openapi_path needs of a route, with its field schemas generated.
type routeInfo struct {
	route     *ir.Route
	dd        depData
	params    []paramInfo
	allParams int
	body      *bodyInfo
	response  *ojson.Object
	extra     map[int]*ojson.Object
	stream    *ojson.Object
	callbacks []*routeInfo
	// responseTitle is the field name of the response field ("Response_" + unique id).
	responseTitle string
}

type paramInfo struct {
	ff     flatField
	schema *ojson.Object
}

type bodyInfo struct {
	schema    *ojson.Object
	required  bool
	mediaType string
	// param is the single body parameter when the body is not embedded.
	param *ir.Param
}

func (b *builder) keep(s *ojson.Object) *ojson.Object {
	b.schemas = append(b.schemas, s)
	return s
}

func (b *builder) document() *ojson.Object {
	app := b.app
	var routes, hooks []*routeInfo
	for _, r := range app.Routes {
		if r.Kind == ir.APIRoute && r.IncludeInSchema {
			routes = append(routes, b.collect(r))
		}
	}
	for _, r := range app.Webhooks {
		if r.Kind == ir.APIRoute && r.IncludeInSchema {
			hooks = append(hooks, b.collect(r))
		}
	}
	// Name the definitions and apply the names everywhere.
	b.rm = b.g.buildRemapping()
	for _, s := range b.schemas {
		remapValue(s, b.rm.json)
	}
	defs := map[string]*ojson.Object{}
	for _, ref := range b.g.defOrder {
		d := ojson.Clone(b.g.defs[ref]).(*ojson.Object)
		remapValue(d, b.rm.json)
		if v, ok := d.Get("description"); ok {
			if s, ok := v.(ojson.String); ok {
				d.Set("description", ojson.String(strings.SplitN(string(s), "\f", 2)[0]))
			}
		}
		defs[b.rm.defs[ref]] = pydanticSort(d, "").(*ojson.Object)
	}

	info := ojson.Obj("title", ojson.String(app.Title), "version", ojson.String(app.Version))
	if app.Summary != nil && *app.Summary != "" {
		info.Set("summary", ojson.String(*app.Summary))
	}
	if app.Description != "" {
		info.Set("description", ojson.String(app.Description))
	}
	if app.TermsOfService != nil && *app.TermsOfService != "" {
		info.Set("termsOfService", ojson.String(*app.TermsOfService))
	}
	if app.Contact != nil && truthy(app.Contact) {
		info.Set("contact", b.jsonable.encode(app.Contact))
	}
	if app.LicenseInfo != nil && truthy(app.LicenseInfo) {
		info.Set("license", b.jsonable.encode(app.LicenseInfo))
	}
	out := ojson.Obj("openapi", ojson.String(app.OpenAPIVersion), "info", info)
	if app.Servers != nil && truthy(app.Servers) {
		out.Set("servers", b.jsonable.encode(app.Servers))
	}
	components := ojson.NewObject()
	paths := ojson.NewObject()
	webhooks := ojson.NewObject()
	operationIDs := map[string]bool{}
	for _, ri := range routes {
		path, sec, pdefs := b.path(ri, operationIDs)
		if path.Len() > 0 {
			item := objAt(paths, ri.route.Path)
			item.Update(path)
		}
		if sec.Len() > 0 {
			objAt(components, "securitySchemes").Update(sec)
		}
		for k, v := range pdefs {
			defs[k] = v
		}
	}
	for _, ri := range hooks {
		path, sec, pdefs := b.path(ri, operationIDs)
		if path.Len() > 0 {
			item := objAt(webhooks, ri.route.Path)
			item.Update(path)
		}
		if sec.Len() > 0 {
			objAt(components, "securitySchemes").Update(sec)
		}
		for k, v := range pdefs {
			defs[k] = v
		}
	}
	if len(defs) > 0 {
		names := make([]string, 0, len(defs))
		for k := range defs {
			names = append(names, k)
		}
		sort.Strings(names)
		schemas := ojson.NewObject()
		for _, n := range names {
			schemas.Set(n, defs[n])
		}
		// Components keep FastAPI's key order: schemas first when set before securitySchemes.
		c2 := ojson.Obj("schemas", schemas)
		for _, k := range components.Keys() {
			v, _ := components.Get(k)
			c2.Set(k, v)
		}
		components = c2
	}
	if components.Len() > 0 {
		out.Set("components", components)
	}
	out.Set("paths", paths)
	if webhooks.Len() > 0 {
		out.Set("webhooks", webhooks)
	}
	if app.OpenAPITags != nil && truthy(app.OpenAPITags) {
		out.Set("tags", b.jsonable.encode(app.OpenAPITags))
	}
	if app.ExternalDocs != nil && truthy(app.ExternalDocs) {
		out.Set("externalDocs", b.jsonable.encode(app.ExternalDocs))
	}
	return finalize(out)
}

func truthy(v ir.Value) bool {
	switch x := v.(type) {
	case ir.None:
		return false
	case ir.List:
		return len(x) > 0
	case *ir.Dict:
		return len(x.Keys) > 0
	case ir.Str:
		return x != ""
	}
	return true
}

// collect generates the field schemas of a route (get_fields_from_routes and the schema
// generation of get_definitions).
func (b *builder) collect(r *ir.Route) *routeInfo {
	ri := &routeInfo{route: r, dd: dependencyData(r.Dependant)}
	g := b.g
	g.mode = validation
	headerDefault := true
	if len(ri.dd.header) == 1 && ri.dd.header[0].Type.Kind == ir.KindModel && ri.dd.header[0].Type.Model.Kind == ir.BaseModel {
		headerDefault = ri.dd.header[0].ConvertUnderscores
	}
	for _, grp := range []struct {
		in ir.ParamIn
		ps []*ir.Param
	}{{ir.InPath, ri.dd.path}, {ir.InQuery, ri.dd.query}, {ir.InHeader, ri.dd.header}, {ir.InCookie, ri.dd.cookie}} {
		for _, ff := range flatFields(grp.ps, grp.in) {
			ri.allParams++
			if ff.param == nil && grp.in == ir.InHeader {
				cu := headerDefault
				ff.convertUnderscores = &cu
			}
			s := b.keep(b.paramSchema(ff.typ(), ff.info()))
			ri.params = append(ri.params, paramInfo{ff: ff, schema: s})
		}
	}
	uid := ""
	if r.OperationID != nil {
		uid = *r.OperationID
	}
	// Body.
	bodyParams := flatBodyParams(r.Dependant)
	if len(bodyParams) > 0 {
		bi := &bodyInfo{}
		if !shouldEmbed(bodyParams) {
			p := bodyParams[0]
			bi.param = p
			bi.schema = b.keep(b.paramSchema(p.Type, &p.Info))
			bi.required = p.Info.Required
			bi.mediaType = p.MediaType
		} else {
			m := &ir.Model{Name: "Body_" + uid, Module: "fastapi._compat.v2", QualName: "Body_" + uid}
			mediaTypes := map[string]bool{}
			hasFile, hasForm := false, false
			for _, p := range bodyParams {
				if m.Field(p.Name) == nil {
					m.Fields = append(m.Fields, &ir.Field{Name: p.Name, Type: p.Type, Info: p.Info, Pos: p.Pos})
				} else {
					for i, f := range m.Fields {
						if f.Name == p.Name {
							m.Fields[i] = &ir.Field{Name: p.Name, Type: p.Type, Info: p.Info, Pos: p.Pos}
						}
					}
				}
				if p.Info.Required {
					bi.required = true
				}
				switch p.In {
				case ir.InFile:
					hasFile = true
				case ir.InForm:
					hasForm = true
				default:
					mediaTypes[p.MediaType] = true
				}
			}
			switch {
			case hasFile:
				bi.mediaType = "multipart/form-data"
			case hasForm:
				bi.mediaType = "application/x-www-form-urlencoded"
			default:
				bi.mediaType = "application/json"
				if len(mediaTypes) == 1 {
					for mt := range mediaTypes {
						bi.mediaType = mt
					}
				}
			}
			bi.schema = b.keep(g.typeSchema(&ir.Type{Kind: ir.KindModel, Model: m}))
		}
		ri.body = bi
	}
	// Response fields are generated in serialization mode (validation mode when the app
	// sets separate_input_output_schemas=False, unless the model has computed fields).
	ser := func(t *ir.Type) *ojson.Object {
		g.mode = serialization
		if !b.app.SeparateInputOutputSchemas && !(t.Kind == ir.KindModel && len(t.Model.Computed) > 0) {
			g.mode = validation
		}
		return b.keep(ojson.Clone(g.typeSchema(t)).(*ojson.Object))
	}
	if r.ResponseModel != nil && r.ResponseModel.Kind != ir.KindNone {
		ri.response = ser(r.ResponseModel)
		ri.responseTitle = "Response_" + uid
	}
	ri.extra = map[int]*ojson.Object{}
	for i, er := range r.Responses {
		if er.Model != nil {
			ri.extra[i] = ser(er.Model)
		}
	}
	if r.StreamItem != nil {
		ri.stream = ser(r.StreamItem)
	}
	g.mode = validation
	for _, cb := range r.Callbacks {
		if cb.Kind == ir.APIRoute {
			ri.callbacks = append(ri.callbacks, b.collect(cb))
		}
	}
	return ri
}

// paramSchema is the schema of TypeAdapter(Annotated[T, FieldInfo]) for a parameter or a
// body field: the type, its Field documentation, then its default.
func (b *builder) paramSchema(t *ir.Type, fi *ir.FieldInfo) *ojson.Object {
	s := ojson.Clone(b.g.typeSchema(t)).(*ojson.Object)
	b.g.applyUpdates(s, fi)
	b.g.addDefault(s, fi)
	return s
}

// fieldTitle is get_schema_from_model_field's title for a schema without $ref.
func fieldTitle(s *ojson.Object, title *string, alias string) {
	if s.Has("$ref") {
		return
	}
	if title != nil && *title != "" {
		s.Set("title", ojson.String(*title))
		return
	}
	s.Set("title", ojson.String(strings.ReplaceAll(pyTitle(alias), "_", " ")))
}
