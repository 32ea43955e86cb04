package lift

import (
	"fmt"
	"slices"

	"github.com/covetpy/covetgen/ir"
)

// securitySchemes lists FastAPI's security classes with their parameters (FastAPI
// 0.141.1); securityPositional says how many of them may be given positionally (the others
// are keyword-only).
var securitySchemes = map[string][]string{
	"fastapi.security.OAuth2PasswordBearer":          {"tokenUrl", "scheme_name", "scopes", "description", "auto_error", "refreshUrl"},
	"fastapi.security.OAuth2AuthorizationCodeBearer": {"authorizationUrl", "tokenUrl", "refreshUrl", "scheme_name", "scopes", "description", "auto_error"},
	"fastapi.security.OAuth2":                        {"flows", "scheme_name", "description", "auto_error"},
	"fastapi.security.HTTPBasic":                     {"scheme_name", "realm", "description", "auto_error"},
	"fastapi.security.HTTPBearer":                    {"bearerFormat", "scheme_name", "description", "auto_error"},
	"fastapi.security.HTTPDigest":                    {"scheme_name", "description", "auto_error"},
	"fastapi.security.HTTPBase":                      {"scheme", "scheme_name", "description", "auto_error"},
	"fastapi.security.APIKeyHeader":                  {"name", "scheme_name", "description", "auto_error"},
	"fastapi.security.APIKeyQuery":                   {"name", "scheme_name", "description", "auto_error"},
	"fastapi.security.APIKeyCookie":                  {"name", "scheme_name", "description", "auto_error"},
	"fastapi.security.OpenIdConnect":                 {"openIdConnectUrl", "scheme_name", "description", "auto_error"},
}

var securityPositional = map[string]int{
	"fastapi.security.OAuth2PasswordBearer":          6,
	"fastapi.security.OAuth2AuthorizationCodeBearer": 7,
}

// securityScheme builds the OpenAPI security scheme of a FastAPI security class instance,
// as jsonable_encoder(instance.model, by_alias=True, exclude_none=True) gives it. problems
// lists the arguments it could not take exactly (values not known statically, arguments
// outside the signature): the scheme is then not the one FastAPI would build.
func securityScheme(class string, args []obj, kw []kwArg) (s *ir.SecurityScheme, problems []string, ok bool) {
	params, ok := securitySchemes[class]
	if !ok {
		return nil, nil, false
	}
	short := class[len("fastapi.security."):]
	nPos := securityPositional[class]
	if len(args) > nPos {
		problems = append(problems, fmt.Sprintf("%s() takes %d positional arguments but %d were given (TypeError when the module is imported)", short, nPos, len(args)))
	}
	byName := map[string]obj{}
	for i, a := range args {
		if i < nPos {
			byName[params[i]] = a
		}
	}
	for _, k := range kw {
		if !slices.Contains(params, k.name) {
			problems = append(problems, fmt.Sprintf("%s(%s=...) is not an argument of %s (TypeError when the module is imported)", short, k.name, short))
			continue
		}
		byName[k.name] = k.val
	}
	for _, p := range params {
		if o, ok := byName[p]; ok {
			if _, known := toValue(o); !known {
				problems = append(problems, fmt.Sprintf("%s(%s=...) not known statically%s", short, p, whyUnknown(o)))
			}
		}
	}
	get := func(name string) (ir.Value, bool) {
		o, ok := byName[name]
		if !ok {
			return nil, false
		}
		val, _ := toValue(o)
		if _, none := val.(ir.None); none {
			return nil, false
		}
		return val, true
	}
	s = &ir.SecurityScheme{Class: short, Name: short, AutoError: true, Model: &ir.Dict{}}
	if v, ok := get("scheme_name"); ok {
		if str, ok := v.(ir.Str); ok {
			s.Name = string(str)
		}
	}
	if v, ok := get("auto_error"); ok {
		if b, ok := v.(ir.Bool); ok {
			s.AutoError = bool(b)
		}
	}
	m := s.Model
	set := func(key string, name string) {
		if v, ok := get(name); ok {
			m.Set(ir.Str(key), v)
		}
	}
	switch short {
	case "OAuth2PasswordBearer", "OAuth2AuthorizationCodeBearer", "OAuth2":
		m.Set(ir.Str("type"), ir.Str("oauth2"))
		set("description", "description")
		flows := &ir.Dict{}
		flow := &ir.Dict{}
		set2 := func(d *ir.Dict, key string) {
			if v, ok := get(key); ok {
				d.Set(ir.Str(key), v)
			}
		}
		scopes, ok := get("scopes")
		if !ok {
			scopes = &ir.Dict{}
		}
		switch short {
		case "OAuth2PasswordBearer":
			set2(flow, "refreshUrl")
			flow.Set(ir.Str("scopes"), scopes)
			set2(flow, "tokenUrl")
			flows.Set(ir.Str("password"), flow)
		case "OAuth2AuthorizationCodeBearer":
			set2(flow, "refreshUrl")
			flow.Set(ir.Str("scopes"), scopes)
			set2(flow, "authorizationUrl")
			set2(flow, "tokenUrl")
			flows.Set(ir.Str("authorizationCode"), flow)
		case "OAuth2":
			if v, ok := get("flows"); ok {
				if d, ok := v.(*ir.Dict); ok {
					flows = d
				}
			}
		}
		m.Set(ir.Str("flows"), flows)
	case "HTTPBasic", "HTTPDigest", "HTTPBase", "HTTPBearer":
		m.Set(ir.Str("type"), ir.Str("http"))
		set("description", "description")
		switch short {
		case "HTTPBasic":
			m.Set(ir.Str("scheme"), ir.Str("basic"))
		case "HTTPDigest":
			m.Set(ir.Str("scheme"), ir.Str("digest"))
		case "HTTPBearer":
			m.Set(ir.Str("scheme"), ir.Str("bearer"))
			set("bearerFormat", "bearerFormat")
		default:
			set("scheme", "scheme")
		}
	case "APIKeyHeader", "APIKeyQuery", "APIKeyCookie":
		m.Set(ir.Str("type"), ir.Str("apiKey"))
		set("description", "description")
		in := map[string]string{"APIKeyHeader": "header", "APIKeyQuery": "query", "APIKeyCookie": "cookie"}[short]
		m.Set(ir.Str("in"), ir.Str(in))
		set("name", "name")
	case "OpenIdConnect":
		m.Set(ir.Str("type"), ir.Str("openIdConnect"))
		set("description", "description")
		set("openIdConnectUrl", "openIdConnectUrl")
	}
	return s, problems, true
}

// frameworkStubs declares, in Python, the signatures of FastAPI classes apps use as
// dependencies (fastapi/security/oauth2.py).
const frameworkStubs = `
from typing import Annotated, Union
from fastapi import Form, Request

class OAuth2PasswordRequestForm:
    def __init__(
        self,
        *,
        grant_type: Annotated[Union[str, None], Form(pattern="^password$")] = None,
        username: Annotated[str, Form()],
        password: Annotated[str, Form(json_schema_extra={"format": "password"})],
        scope: Annotated[str, Form()] = "",
        client_id: Annotated[Union[str, None], Form()] = None,
        client_secret: Annotated[Union[str, None], Form(json_schema_extra={"format": "password"})] = None,
    ):
        pass

class OAuth2PasswordRequestFormStrict(OAuth2PasswordRequestForm):
    def __init__(
        self,
        grant_type: Annotated[str, Form(pattern="^password$")],
        username: Annotated[str, Form()],
        password: Annotated[str, Form()],
        scope: Annotated[str, Form()] = "",
        client_id: Annotated[Union[str, None], Form()] = None,
        client_secret: Annotated[Union[str, None], Form()] = None,
    ):
        pass

class SecurityCall:
    async def __call__(self, request: Request):
        pass
`
