package codegen

import (
	"strings"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/runtime/request"
	jen "github.com/dave/jennifer/jen"
)

// The credential models fastapi.security returns, generated like the app's models.
var (
	basicCredentials = &ir.Model{Kind: ir.BaseModel, Name: "HTTPBasicCredentials", Module: "fastapi.security.http",
		QualName: "HTTPBasicCredentials", Fields: []*ir.Field{strField("username"), strField("password")}}
	authCredentials = &ir.Model{Kind: ir.BaseModel, Name: "HTTPAuthorizationCredentials", Module: "fastapi.security.http",
		QualName: "HTTPAuthorizationCredentials", Fields: []*ir.Field{strField("scheme"), strField("credentials")}}
)

func strField(name string) *ir.Field {
	return &ir.Field{Name: name, Type: &ir.Type{Kind: ir.KindStr}, Info: ir.FieldInfo{Required: true}}
}

// securityDep writes the credential extraction of a fastapi.security scheme used as a
// dependency and returns the local holding its value (None when auto_error=False and no
// credentials were sent).
func (h *handler) securityDep(d *ir.Dependant) (jen.Code, *ir.Type) {
	c := d.Call
	name := strings.TrimPrefix(c.Name, "fastapi.security.")
	inst := c.Instance
	autoError := true
	if v, ok := inst.Get("auto_error"); ok {
		b, isBool := v.(ir.Bool)
		if !isBool {
			h.refuse(d.Pos, "%s(auto_error=%s)", name, v.Repr())
			return nil, nil
		}
		autoError = bool(b)
	}
	str := func(key string) (string, bool) {
		v, ok := inst.Get(key)
		if !ok {
			return "", true
		}
		if _, isNone := v.(ir.None); isNone {
			return "", true
		}
		s, isStr := v.(ir.Str)
		if !isStr {
			h.refuse(d.Pos, "%s(%s=%s)", name, key, v.Repr())
			return "", false
		}
		return string(s), true
	}
	noAuto := jen.Dict{}
	if !autoError {
		noAuto[jen.Id("NoAutoError")] = jen.True()
	}
	authz := jen.Id("rq").Dot("Header").Call(jen.Lit("Authorization"))
	result := h.local.get("dep" + camel(lastDot(c.Name), true))
	var stmts []jen.Code
	typ := &ir.Type{Kind: ir.KindStr}
	model := func(m *ir.Model, a, b string) []jen.Code {
		mi, ok := h.g.models.get(m, d.Pos)
		if !ok {
			h.ok = false
			return nil
		}
		return []jen.Code{
			jen.Id("m").Op(":=").Op("&").Id(mi.goName).Values(jen.Dict{
				jen.Id(camel(m.Fields[0].Name, true)): jen.Id("cred").Dot(a),
				jen.Id(camel(m.Fields[1].Name, true)): jen.Id("cred").Dot(b),
			}),
			jen.Id("m").Dot("Set").Dot("Add").Call(jen.Lit(0)),
			jen.Id("m").Dot("Set").Dot("Add").Call(jen.Lit(1)),
			jen.Id(result).Op("=").Id("m"),
		}
	}
	extract := func(call jen.Code, onOK []jen.Code) []jen.Code {
		return []jen.Code{
			jen.List(jen.Id("cred"), jen.Id("ok"), jen.Err()).Op(":=").Add(call),
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
			jen.If(jen.Id("ok")).Block(onOK...).Else().Block(jen.Id(result).Op("=").Qual(pkgPyval, "None")),
		}
	}
	strResult := []jen.Code{jen.Id(result).Op("=").Qual(pkgPyval, "Str").Call(jen.Id("cred"))}
	switch name {
	case "HTTPBasic":
		realm, ok := str("realm")
		if !ok {
			return nil, nil
		}
		if realm != "" {
			noAuto[jen.Id("Realm")] = jen.Lit(realm)
		}
		typ = &ir.Type{Kind: ir.KindModel, Model: basicCredentials}
		onOK := model(basicCredentials, "Username", "Password")
		if onOK == nil {
			return nil, nil
		}
		stmts = extract(jen.Qual(pkgSecurity, "HTTPBasic").Values(noAuto).Dot("Credentials").Call(jen.Id("authz")), onOK)
	case "HTTPBearer", "HTTPDigest", "HTTPBase":
		if name == "HTTPBase" {
			scheme, ok := str("scheme")
			if !ok {
				return nil, nil
			}
			noAuto[jen.Id("Scheme")] = jen.Lit(scheme)
		}
		typ = &ir.Type{Kind: ir.KindModel, Model: authCredentials}
		onOK := model(authCredentials, "Scheme", "Credentials")
		if onOK == nil {
			return nil, nil
		}
		stmts = extract(jen.Qual(pkgSecurity, name).Values(noAuto).Dot("Credentials").Call(jen.Id("authz")), onOK)
	case "OAuth2PasswordBearer", "OAuth2AuthorizationCodeBearer":
		stmts = extract(jen.Qual(pkgSecurity, "OAuth2PasswordBearer").Values(noAuto).Dot("Token").Call(jen.Id("authz")), strResult)
	case "OAuth2", "OpenIdConnect":
		stmts = extract(jen.Qual(pkgSecurity, "OAuth2").Values(noAuto).Dot("Authorization").Call(jen.Id("authz")), strResult)
	case "APIKeyHeader", "APIKeyQuery", "APIKeyCookie":
		key, ok := str("name")
		if !ok {
			return nil, nil
		}
		var get jen.Code
		switch name {
		case "APIKeyHeader":
			get = jen.Id("rq").Dot("Header").Call(jen.Lit(request.CanonicalKey(key)))
		case "APIKeyQuery":
			get = jen.Id("rq").Dot("Query").Call().Dot("Get").Call(jen.Lit(key))
		default:
			get = jen.Id("rq").Dot("Cookie").Call(jen.Lit(key))
		}
		stmts = append([]jen.Code{jen.List(jen.Id("key"), jen.Id("_")).Op(":=").Add(get)},
			extract(jen.Qual(pkgSecurity, "APIKey").Values(noAuto).Dot("Check").Call(jen.Id("key")), strResult)...)
	default:
		h.refuse(d.Pos, "security scheme %s", c.Name)
		return nil, nil
	}
	if strings.HasPrefix(name, "HTTP") || strings.HasPrefix(name, "OAuth2") || name == "OpenIdConnect" {
		stmts = append([]jen.Code{jen.List(jen.Id("authz"), jen.Id("_")).Op(":=").Add(authz)}, stmts...)
	}
	h.add(jen.Commentf("%s (%s)", name, d.Pos))
	h.add(jen.Var().Id(result).Qual(pkgPyval, "Value"))
	h.cached(d, result, stmts)
	if d.Name == "" && h.keyCount[cacheKey(d)] < 2 {
		h.add(jen.Id("_").Op("=").Id(result).Comment("dependencies=[...]: the value is unused"))
	}
	if !autoError {
		typ = &ir.Type{Kind: ir.KindUnion, Args: []*ir.Type{typ, {Kind: ir.KindNone}}}
	}
	return jen.Id(result), typ
}

// cached wraps the statements computing a dependency's result (into result) with the
// per-request dependency cache.
func (h *handler) cached(d *ir.Dependant, result string, compute []jen.Code) {
	key := cacheKey(d)
	if h.keyCount[key] < 2 {
		// The only use of this dependency in the route: nothing to cache.
		h.add(jen.Block(compute...))
		return
	}
	cached, seen := h.cache[key]
	if !seen {
		cached = h.local.get("cached" + camel(lastDot(d.Call.Name), true))
		h.cache[key] = cached
		h.pre = append(h.pre, jen.Var().Id(cached).Qual(pkgPyval, "Value").Comment("per-request cache of "+d.Call.Name))
	}
	body := compute
	if d.UseCache {
		body = []jen.Code{jen.If(jen.Id(cached).Op("!=").Nil()).Block(jen.Id(result).Op("=").Id(cached)).Else().Block(compute...)}
	} else {
		body = []jen.Code{jen.Block(compute...)}
	}
	h.add(body...)
	h.add(jen.If(jen.Id(cached).Op("==").Nil()).Block(jen.Id(cached).Op("=").Id(result)))
}

func lastDot(s string) string {
	if i := strings.LastIndexByte(s, '.'); i >= 0 {
		return s[i+1:]
	}
	return s
}

// The SecurityScopes object, generated like a model: scopes and scope_str.
var securityScopesModel = &ir.Model{Kind: ir.BaseModel, Name: "SecurityScopes", Module: "fastapi.security.oauth2",
	QualName: "SecurityScopes", Fields: []*ir.Field{
		{Name: "scopes", Type: &ir.Type{Kind: ir.KindList, Args: []*ir.Type{{Kind: ir.KindStr}}}, Info: ir.FieldInfo{Required: true}},
		strField("scope_str"),
	}}

// securityScopes is a SecurityScopes parameter of d: the scopes of the Security()
// dependants leading to d, then d's own, without repeats.
func (h *handler) securityScopes(d *ir.Dependant) jen.Code {
	mi, ok := h.g.models.get(securityScopesModel, d.Pos)
	if !ok {
		h.ok = false
		return nil
	}
	var scopes []string
	seen := map[string]bool{}
	for _, s := range append(append([]string{}, d.ParentScopes...), d.OwnScopes...) {
		if !seen[s] {
			seen[s] = true
			scopes = append(scopes, s)
		}
	}
	lits := make([]jen.Code, len(scopes))
	for i, s := range scopes {
		lits[i] = jen.Lit(s)
	}
	return jen.Func().Params().Qual(pkgPyval, "Value").Block(
		jen.Id("m").Op(":=").Op("&").Id(mi.goName).Values(jen.Dict{
			jen.Id("Scopes"):   jen.Index().String().Values(lits...),
			jen.Id("ScopeStr"): jen.Lit(strings.Join(scopes, " ")),
		}),
		jen.Id("m").Dot("Set").Dot("Add").Call(jen.Lit(0)),
		jen.Id("m").Dot("Set").Dot("Add").Call(jen.Lit(1)),
		jen.Return(jen.Id("m")),
	).Call()
}
