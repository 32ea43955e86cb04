package openapi

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/ir/ojson"
)

// path is get_openapi_path.
func (b *builder) path(ri *routeInfo, operationIDs map[string]bool) (*ojson.Object, *ojson.Object, map[string]*ojson.Object) {
	r := ri.route
	path := ojson.NewObject()
	security := ojson.NewObject()
	defs := map[string]*ojson.Object{}
	rc := r.ResponseClass
	mediaType := ""
	if rc != nil {
		mediaType = rc.MediaType
	}
	for _, method := range r.Methods {
		op := ojson.NewObject()
		if len(r.Tags) > 0 {
			tags := ojson.Array{}
			for _, t := range r.Tags {
				tags = append(tags, ojson.String(t))
			}
			op.Set("tags", tags)
		}
		if r.Summary != nil && *r.Summary != "" {
			op.Set("summary", ojson.String(*r.Summary))
		} else {
			op.Set("summary", ojson.String(pyTitle(strings.ReplaceAll(r.Name, "_", " "))))
		}
		if r.Description != "" {
			op.Set("description", ojson.String(r.Description))
		}
		opID := ""
		if r.OperationID != nil {
			opID = *r.OperationID
		}
		operationIDs[opID] = true
		op.Set("operationId", ojson.String(opID))
		if r.Deprecated {
			op.Set("deprecated", ojson.Bool(true))
		}
		// Security.
		secNames := []string{}
		secScopes := map[string][]string{}
		for _, sd := range ri.dd.security {
			s := sd.dep.Security
			security.Set(s.Name, b.jsonable.encode(s.Model))
			if _, ok := secScopes[s.Name]; !ok {
				secNames = append(secNames, s.Name)
				secScopes[s.Name] = []string{}
			}
			for _, sc := range sd.scopes {
				if !contains(secScopes[s.Name], sc) {
					secScopes[s.Name] = append(secScopes[s.Name], sc)
				}
			}
		}
		if len(secNames) > 0 {
			arr := ojson.Array{}
			for _, n := range secNames {
				scopes := ojson.Array{}
				for _, s := range secScopes[n] {
					scopes = append(scopes, ojson.String(s))
				}
				arr = append(arr, ojson.Obj(n, scopes))
			}
			op.Set("security", arr)
		}
		// Parameters.
		params := b.parameters(ri)
		if len(params) > 0 {
			all := ojson.NewObject()
			for _, p := range params {
				all.Set(paramKey(p), p)
			}
			for _, p := range params {
				if v, _ := p.Get("required"); v == ojson.Bool(true) {
					all.Set(paramKey(p), p)
				}
			}
			arr := ojson.Array{}
			for _, k := range all.Keys() {
				v, _ := all.Get(k)
				arr = append(arr, v)
			}
			op.Set("parameters", arr)
		}
		if method != "OPTIONS" && method != "TRACE" && ri.body != nil {
			op.Set("requestBody", b.requestBody(ri.body))
		}
		if len(ri.callbacks) > 0 {
			cbs := ojson.NewObject()
			for _, cb := range ri.callbacks {
				cbPath, cbSec, cbDefs := b.path(cb, operationIDs)
				cbs.Set(cb.route.Name, ojson.Obj(cb.route.Path, cbPath))
				security.Update(cbSec)
				for k, v := range cbDefs {
					defs[k] = v
				}
			}
			op.Set("callbacks", cbs)
		}
		status := ""
		if r.StatusCode != nil {
			status = strconv.Itoa(*r.StatusCode)
		} else if rc != nil {
			status = strconv.Itoa(rc.DefaultStatus)
		} else {
			status = "200"
		}
		responses := objAt(op, "responses")
		resp := objAt(responses, status)
		resp.Set("description", ojson.String(r.ResponseDescription))
		if bodyAllowed(r.StatusCode) {
			switch {
			case r.IsJSONStream:
				item := ojson.NewObject()
				if ri.stream != nil {
					item = ojson.Clone(ri.stream).(*ojson.Object)
					fieldTitle(item, nil, "StreamItem_"+opID)
				}
				objAt(resp, "content").Set("application/jsonl", ojson.Obj("itemSchema", item))
			case r.IsSSEStream:
				item := ojson.Obj("type", ojson.String("object"), "properties", ojson.Obj(
					"data", ojson.Obj("type", ojson.String("string")),
					"event", ojson.Obj("type", ojson.String("string")),
					"id", ojson.Obj("type", ojson.String("string")),
					"retry", ojson.Obj("type", ojson.String("integer"), "minimum", ojson.Int(0))))
				if ri.stream != nil {
					cs := ojson.Clone(ri.stream).(*ojson.Object)
					fieldTitle(cs, nil, "StreamItem_"+opID)
					item.Set("required", ojson.Array{ojson.String("data")})
					item.Object("properties").Set("data", ojson.Obj("type", ojson.String("string"),
						"contentMediaType", ojson.String("application/json"), "contentSchema", cs))
				}
				objAt(resp, "content").Set("text/event-stream", ojson.Obj("itemSchema", item))
			case mediaType != "":
				var schema *ojson.Object = ojson.Obj("type", ojson.String("string"))
				if rc.IsJSON {
					if ri.response != nil {
						schema = ojson.Clone(ri.response).(*ojson.Object)
						fieldTitle(schema, nil, ri.responseTitle)
					} else {
						schema = ojson.NewObject()
					}
				}
				content := objAt(resp, "content")
				objAt(content, mediaType).Set("schema", schema)
			}
		}
		for i, er := range r.Responses {
			b.extraResponse(responses, er, ri.extra[i], mediaType, opID)
		}
		if (ri.allParams > 0 || ri.body != nil) && !responses.Has("422") && !responses.Has("4XX") && !responses.Has("default") {
			responses.Set("422", ojson.Obj("description", ojson.String("Validation Error"), "content",
				ojson.Obj("application/json", ojson.Obj("schema", ojson.Obj("$ref", ojson.String(refPrefix+"HTTPValidationError"))))))
			defs["ValidationError"] = validationErrorDef()
			defs["HTTPValidationError"] = httpValidationErrorDef()
		}
		if extra, ok := r.OpenAPIExtra.(*ir.Dict); ok {
			deepUpdate(op, b.jsonable.encode(extra).(*ojson.Object))
		}
		path.Set(strings.ToLower(method), op)
	}
	return path, security, defs
}

func paramKey(p *ojson.Object) string {
	in, _ := p.Get("in")
	name, _ := p.Get("name")
	return fmt.Sprintf("%s\x00%s", in, name)
}

// parameters is _get_openapi_operation_parameters.
func (b *builder) parameters(ri *routeInfo) []*ojson.Object {
	var out []*ojson.Object
	for _, pi := range ri.params {
		ff := pi.ff
		if ff.param != nil && !ff.param.IncludeInSchema {
			continue
		}
		info := ff.info()
		schema := ojson.Clone(pi.schema).(*ojson.Object)
		alias := ff.alias()
		fieldTitle(schema, info.Title, alias)
		name := alias
		cu := true
		if ff.convertUnderscores != nil {
			cu = *ff.convertUnderscores
		}
		if ff.in == ir.InHeader && name == ff.name() && cu {
			name = strings.ReplaceAll(name, "_", "-")
		}
		p := ojson.Obj("name", ojson.String(name), "in", ojson.String(ff.in.String()),
			"required", ojson.Bool(info.Required), "schema", schema)
		if info.Description != nil && *info.Description != "" {
			p.Set("description", ojson.String(*info.Description))
		}
		if ff.param != nil {
			if ff.param.OpenAPIExamples != nil && truthy(ff.param.OpenAPIExamples) {
				p.Set("examples", b.jsonable.encode(ff.param.OpenAPIExamples))
			} else if ff.param.Example != nil {
				p.Set("example", b.jsonable.encode(ff.param.Example))
			}
		}
		if info.Deprecated != nil {
			if bv, ok := info.Deprecated.(ir.Bool); !ok || bool(bv) {
				p.Set("deprecated", ojson.Bool(true))
			}
		}
		out = append(out, p)
	}
	return out
}

// requestBody is get_openapi_operation_request_body.
func (b *builder) requestBody(bi *bodyInfo) *ojson.Object {
	schema := ojson.Clone(bi.schema).(*ojson.Object)
	rb := ojson.NewObject()
	if bi.required {
		rb.Set("required", ojson.Bool(true))
	}
	media := ojson.Obj("schema", schema)
	if p := bi.param; p != nil {
		fieldTitle(schema, p.Info.Title, p.Alias())
		if p.OpenAPIExamples != nil && truthy(p.OpenAPIExamples) {
			media.Set("examples", b.jsonable.encode(p.OpenAPIExamples))
		} else if p.Example != nil {
			media.Set("example", b.jsonable.encode(p.Example))
		}
	} else {
		fieldTitle(schema, nil, "body")
	}
	rb.Set("content", ojson.Obj(bi.mediaType, media))
	return rb
}

// extraResponse merges one responses= entry.
func (b *builder) extraResponse(responses *ojson.Object, er *ir.ExtraResponse, schema *ojson.Object, mediaType, uid string) {
	key := strings.ToUpper(keyString(er.Key))
	if key == "DEFAULT" {
		key = "default"
	}
	openapiResp := objAt(responses, key)
	process := b.jsonable.encode(er.Spec).(*ojson.Object)
	if schema != nil {
		fs := ojson.Clone(schema).(*ojson.Object)
		fieldTitle(fs, nil, "Response_"+keyString(er.Key)+"_"+uid)
		mt := mediaType
		if mt == "" {
			mt = "application/json"
		}
		content := objAt(process, "content")
		media := objAt(content, mt)
		add := objAt(media, "schema")
		deepUpdate(add, fs)
	}
	statusText := statusRanges[strings.ToUpper(keyString(er.Key))]
	if statusText == "" {
		if n, err := strconv.Atoi(keyString(er.Key)); err == nil {
			statusText = httpReasons[n]
		}
	}
	desc := ""
	if v, ok := process.Get("description"); ok {
		if s, ok := v.(ojson.String); ok {
			desc = string(s)
		}
	}
	if desc == "" {
		if v, ok := openapiResp.Get("description"); ok {
			if s, ok := v.(ojson.String); ok {
				desc = string(s)
			}
		}
	}
	if desc == "" {
		desc = statusText
	}
	if desc == "" {
		desc = "Additional Response"
	}
	deepUpdate(openapiResp, process)
	openapiResp.Set("description", ojson.String(desc))
}

// deepUpdate is fastapi.utils.deep_dict_update.
func deepUpdate(main, update *ojson.Object) {
	for _, k := range update.Keys() {
		v, _ := update.Get(k)
		old, ok := main.Get(k)
		if ok {
			if om, ok1 := old.(*ojson.Object); ok1 {
				if um, ok2 := v.(*ojson.Object); ok2 {
					deepUpdate(om, um)
					continue
				}
			}
			if ol, ok1 := old.(ojson.Array); ok1 {
				if ul, ok2 := v.(ojson.Array); ok2 {
					main.Set(k, append(append(ojson.Array{}, ol...), ul...))
					continue
				}
			}
		}
		main.Set(k, v)
	}
}

func validationErrorDef() *ojson.Object {
	return ojson.Obj(
		"title", ojson.String("ValidationError"),
		"type", ojson.String("object"),
		"properties", ojson.Obj(
			"loc", ojson.Obj("title", ojson.String("Location"), "type", ojson.String("array"),
				"items", ojson.Obj("anyOf", ojson.Array{ojson.Obj("type", ojson.String("string")), ojson.Obj("type", ojson.String("integer"))})),
			"msg", ojson.Obj("title", ojson.String("Message"), "type", ojson.String("string")),
			"type", ojson.Obj("title", ojson.String("Error Type"), "type", ojson.String("string")),
			"input", ojson.Obj("title", ojson.String("Input")),
			"ctx", ojson.Obj("title", ojson.String("Context"), "type", ojson.String("object")),
		),
		"required", ojson.Array{ojson.String("loc"), ojson.String("msg"), ojson.String("type")},
	)
}

func httpValidationErrorDef() *ojson.Object {
	return ojson.Obj(
		"title", ojson.String("HTTPValidationError"),
		"type", ojson.String("object"),
		"properties", ojson.Obj("detail", ojson.Obj("title", ojson.String("Detail"), "type", ojson.String("array"),
			"items", ojson.Obj("$ref", ojson.String(refPrefix+"ValidationError")))),
	)
}

// objAt is dict.setdefault(key, {}) for an object value; a value of another type is
// replaced (FastAPI itself would fail on it).
func objAt(o *ojson.Object, key string) *ojson.Object {
	if v, ok := o.Get(key); ok {
		if obj, ok := v.(*ojson.Object); ok {
			return obj
		}
	}
	obj := ojson.NewObject()
	o.Set(key, obj)
	return obj
}
