package lift

import (
	"github.com/covetpy/covetgen/ir"
)

// securitySchemes lists FastAPI's security classes with their positional parameters.
var securitySchemes = map[string][]string{
	"fastapi.security.OAuth2PasswordBearer":          {"tokenUrl", "scheme_name", "scopes", "description", "auto_error", "refreshUrl"},
	"fastapi.security.OAuth2AuthorizationCodeBearer": {"authorizationUrl", "tokenUrl", "refreshUrl", "scheme_name", "scopes", "description", "auto_error"},
	"fastapi.security.OAuth2":                        nil,
	"fastapi.security.HTTPBasic":                     nil,
	"fastapi.security.HTTPBearer":                    nil,
	"fastapi.security.HTTPDigest":                    nil,
	"fastapi.security.HTTPBase":                      {"scheme", "scheme_name", "description", "auto_error"},
	"fastapi.security.APIKeyHeader":                  nil,
	"fastapi.security.APIKeyQuery":                   nil,
	"fastapi.security.APIKeyCookie":                  nil,
	"fastapi.security.OpenIdConnect":                 nil,
}

// securityScheme builds the OpenAPI security scheme of a FastAPI security class instance,
// as jsonable_encoder(instance.model, by_alias=True, exclude_none=True) gives it.
func securityScheme(class string, args []obj, kw []kwArg) (*ir.SecurityScheme, bool) {
	positional, ok := securitySchemes[class]
	if !ok {
		return nil, false
	}
	get := func(name string) (ir.Value, bool) {
		if v, ok := kwGet(kw, name); ok {
			val, _ := toValue(v)
			if _, none := val.(ir.None); none {
				return nil, false
			}
			return val, true
		}
		for i, p := range positional {
			if p == name && i < len(args) {
				val, _ := toValue(args[i])
				if _, none := val.(ir.None); none {
					return nil, false
				}
				return val, true
			}
		}
		return nil, false
	}
	short := class[len("fastapi.security."):]
	s := &ir.SecurityScheme{Class: short, Name: short, AutoError: true, Model: &ir.Dict{}}
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
	return s, true
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
