package openapi

import (
	"sort"
	"strings"

	"github.com/covetpy/covetgen/ir"
)

// depData is _OpenAPIDependencyData: a route's parameters by location and its security
// dependencies, de-duplicated by FastAPI's dependency cache key.
type depData struct {
	path, query, header, cookie []*ir.Param
	security                    []secDep
}

type secDep struct {
	dep    *ir.Dependant
	scopes []string
}

// dependencyData is _get_openapi_dependency_data.
func dependencyData(root *ir.Dependant) depData {
	var dd depData
	visited := map[string]bool{}
	type item struct {
		d      *ir.Dependant
		scopes []string
		isRoot bool
	}
	stack := []item{{root, nil, true}}
	for len(stack) > 0 {
		cur := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		key := cacheKey(cur.d)
		if visited[key] {
			continue
		}
		visited[key] = true
		for _, p := range cur.d.Params {
			switch p.In {
			case ir.InPath:
				dd.path = append(dd.path, p)
			case ir.InQuery:
				dd.query = append(dd.query, p)
			case ir.InHeader:
				dd.header = append(dd.header, p)
			case ir.InCookie:
				dd.cookie = append(dd.cookie, p)
			}
		}
		scopes := append([]string{}, cur.scopes...)
		for _, s := range oauthScopes(cur.d) {
			if !contains(scopes, s) {
				scopes = append(scopes, s)
			}
		}
		if !cur.isRoot && cur.d.Security != nil {
			dd.security = append(dd.security, secDep{cur.d, scopes})
		}
		for i := len(cur.d.Deps) - 1; i >= 0; i-- {
			stack = append(stack, item{cur.d.Deps[i], scopes, false})
		}
	}
	return dd
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// oauthScopes is _get_oauth_scopes.
func oauthScopes(d *ir.Dependant) []string {
	scopes := append([]string{}, d.ParentScopes...)
	for _, s := range d.OwnScopes {
		if !contains(scopes, s) {
			scopes = append(scopes, s)
		}
	}
	return scopes
}

// cacheKey is _get_cache_key.
func cacheKey(d *ir.Dependant) string {
	var scopes []string
	if usesScopes(d, 0) {
		set := map[string]bool{}
		for _, s := range oauthScopes(d) {
			set[s] = true
		}
		for s := range set {
			scopes = append(scopes, s)
		}
		sort.Strings(scopes)
	}
	return d.Call.Key + "\x00" + strings.Join(scopes, "\x01") + "\x00" + computedScope(d)
}

func usesScopes(d *ir.Dependant, depth int) bool {
	if len(d.OwnScopes) > 0 || d.Security != nil || depth > 50 {
		return true
	}
	for _, p := range d.Params {
		if p.In == ir.InSecurityScopes {
			return true
		}
	}
	for _, s := range d.Deps {
		if usesScopes(s, depth+1) {
			return true
		}
	}
	return false
}

func computedScope(d *ir.Dependant) string {
	if d.Scope != "" {
		return d.Scope
	}
	if d.Call != nil && d.Call.IsGenerator {
		return "request"
	}
	return ""
}

// flatBodyParams is _get_flat_body_params (no de-duplication).
func flatBodyParams(root *ir.Dependant) []*ir.Param {
	var out []*ir.Param
	stack := []*ir.Dependant{root}
	for len(stack) > 0 {
		cur := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, p := range cur.Params {
			if p.In.IsBody() {
				out = append(out, p)
			}
		}
		for i := len(cur.Deps) - 1; i >= 0; i-- {
			stack = append(stack, cur.Deps[i])
		}
	}
	return out
}

// shouldEmbed is _should_embed_body_fields.
func shouldEmbed(params []*ir.Param) bool {
	if len(params) == 0 {
		return false
	}
	names := map[string]bool{}
	for _, p := range params {
		names[p.Name] = true
	}
	if len(names) > 1 {
		return true
	}
	first := params[0]
	if first.Embed {
		return true
	}
	if first.In == ir.InForm || first.In == ir.InFile {
		if first.Type.Kind == ir.KindModel && first.Type.Model.Kind == ir.BaseModel {
			return false
		}
		if first.Type.Kind == ir.KindUnion {
			all := true
			for _, a := range first.Type.Args {
				if a.Kind != ir.KindModel || a.Model.Kind != ir.BaseModel {
					all = false
				}
			}
			if all {
				return false
			}
		}
		return true
	}
	return false
}

// flatField is one parameter of the OpenAPI parameter list: a route parameter, or a field
// of a model used as a parameter group.
type flatField struct {
	param *ir.Param // nil for a model field
	field *ir.Field
	in    ir.ParamIn
	// convertUnderscores is the parameter's own setting (nil: use the operation's default).
	convertUnderscores *bool
}

func (f flatField) name() string {
	if f.param != nil {
		return f.param.Name
	}
	return f.field.Name
}

func (f flatField) info() *ir.FieldInfo {
	if f.param != nil {
		return &f.param.Info
	}
	return &f.field.Info
}

func (f flatField) typ() *ir.Type {
	if f.param != nil {
		return f.param.Type
	}
	return f.field.Type
}

// alias is get_validation_alias.
func (f flatField) alias() string {
	info := f.info()
	if info.ValidationAlias != nil && *info.ValidationAlias != "" {
		return *info.ValidationAlias
	}
	if info.Alias != nil {
		return *info.Alias
	}
	return f.name()
}

// flatFields is _get_flat_fields_from_params: a lone model parameter expands to its fields.
func flatFields(params []*ir.Param, in ir.ParamIn) []flatField {
	if len(params) == 1 && params[0].Type.Kind == ir.KindModel && params[0].Type.Model.Kind == ir.BaseModel {
		var out []flatField
		for _, f := range params[0].Type.Model.Fields {
			out = append(out, flatField{field: f, in: in})
		}
		return out
	}
	var out []flatField
	for _, p := range params {
		cu := p.ConvertUnderscores
		out = append(out, flatField{param: p, in: in, convertUnderscores: &cu})
	}
	return out
}
