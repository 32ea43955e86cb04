package security_test

import (
	"encoding/base64"
	"encoding/json"
	"testing"

	"github.com/covetpy/covetgen/runtime/internal/oracletest"
	"github.com/covetpy/covetgen/runtime/internal/pyoracle"
	"github.com/covetpy/covetgen/runtime/request"
	"github.com/covetpy/covetgen/runtime/response"
	"github.com/covetpy/covetgen/runtime/router"
	"github.com/covetpy/covetgen/runtime/security"
)

const fastapiScript = `
from typing import Optional
from fastapi import FastAPI, Depends
from fastapi.security import *
from fastapi.security.http import HTTPBase

def build(kind, p):
    app = FastAPI(openapi_url=None)
    auto = not p.get("optional", False)
    schemes = {
        "basic": HTTPBasic(realm=p.get("realm"), auto_error=auto),
        "bearer": HTTPBearer(auto_error=auto),
        "digest": HTTPDigest(auto_error=auto),
        "base": HTTPBase(scheme=p.get("scheme", "custom-Scheme"), auto_error=auto),
        "oauth2": OAuth2PasswordBearer(tokenUrl="t", auto_error=auto),
        "oidc": OpenIdConnect(openIdConnectUrl="/x", auto_error=auto),
        "header": APIKeyHeader(name="X-Key", auto_error=auto),
        "query": APIKeyQuery(name="key", auto_error=auto),
        "cookie": APIKeyCookie(name="key", auto_error=auto),
    }
    dep = schemes[kind]
    @app.get("/")
    def endpoint(v=Depends(dep)):
        if v is None:
            return {"none": True}
        if hasattr(v, "model_dump"):
            return v.model_dump()
        return {"value": v}
    return app
`

type schemeParams struct {
	Optional bool   `json:"optional,omitempty"`
	Realm    string `json:"realm,omitempty"`
	Scheme   string `json:"scheme,omitempty"`
}

func schemeApp(t *testing.T, kind string, p schemeParams) *router.Router {
	rt := router.New(router.Options{})
	h := func(rq *request.Request, out *response.Out) error {
		auth, _ := rq.Header("Authorization")
		var v any
		var ok bool
		var err error
		switch kind {
		case "basic":
			var c security.BasicCredentials
			c, ok, err = security.HTTPBasic{Realm: p.Realm, NoAutoError: p.Optional}.Credentials(auth)
			v = []any{"username", c.Username, "password", c.Password}
		case "bearer", "digest", "base":
			var c security.AuthorizationCredentials
			switch kind {
			case "bearer":
				c, ok, err = security.HTTPBearer{NoAutoError: p.Optional}.Credentials(auth)
			case "digest":
				c, ok, err = security.HTTPDigest{NoAutoError: p.Optional}.Credentials(auth)
			default:
				scheme := p.Scheme
				if scheme == "" {
					scheme = "custom-Scheme"
				}
				c, ok, err = security.HTTPBase{Scheme: scheme, NoAutoError: p.Optional}.Credentials(auth)
			}
			v = []any{"scheme", c.Scheme, "credentials", c.Credentials}
		case "oauth2":
			var s string
			s, ok, err = security.OAuth2PasswordBearer{NoAutoError: p.Optional}.Token(auth)
			v = []any{"value", s}
		case "oidc":
			var s string
			s, ok, err = security.OpenIdConnect{NoAutoError: p.Optional}.Authorization(auth)
			v = []any{"value", s}
		case "header", "query", "cookie":
			var in string
			switch kind {
			case "header":
				in, _ = rq.Header("X-Key")
			case "query":
				in, _ = rq.Query().Get("key")
			default:
				in, _ = rq.Cookie("key")
			}
			var s string
			s, ok, err = security.APIKey{NoAutoError: p.Optional}.Check(in)
			v = []any{"value", s}
		}
		if err != nil {
			return err
		}
		if !ok {
			return obj(out, "none", true)
		}
		return obj(out, v.([]any)...)
	}
	if err := rt.API("/", []string{"GET"}, h); err != nil {
		t.Fatal(err)
	}
	return rt
}

func TestSchemesAgainstFastAPI(t *testing.T) {
	b64 := func(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }
	auth := func(v string) [][2]string { return [][2]string{{"authorization", v}} }
	type tc struct {
		kind    string
		p       schemeParams
		headers [][2]string
		path    string
	}
	var tcs []tc
	// Header values as they arrive through a server: h11 and net/http strip
	// leading and trailing whitespace (TestClient would not).
	authValues := []string{
		"", "Basic " + b64("u:p"), "basic " + b64("u:p:q"), "BASIC  " + b64("u:"), "Basic " + b64(":"),
		"Basic " + b64("nocolon"), "Basic " + b64("u\xe9:p"), "Basic !!" + b64("ab:cd") + "!!", "Basic YQ", "Basic YWI",
		"Basic YQ==x", "Basic YWJj=ZA==", "Basic =", "Basic", "Basic\t" + b64("u:p"),
		"Bearer tok", "bearer  tok", "Bearer", "Bearer a b", "Token x", "Digest username=\"u\"",
		"digest x", "custom-scheme abc", "Bearertok",
	}
	for _, kind := range []string{"basic", "bearer", "digest", "base", "oauth2", "oidc"} {
		for _, opt := range []bool{false, true} {
			for _, a := range authValues {
				h := auth(a)
				if a == "" {
					h = nil
				}
				tcs = append(tcs, tc{kind, schemeParams{Optional: opt}, h, "/"})
			}
		}
	}
	tcs = append(tcs, tc{"basic", schemeParams{Realm: `a "b"`}, nil, "/"}, tc{"base", schemeParams{Scheme: "my-SCHEME x"}, nil, "/"})
	for _, kind := range []string{"header", "query", "cookie"} {
		for _, opt := range []bool{false, true} {
			tcs = append(tcs,
				tc{kind, schemeParams{Optional: opt}, nil, "/"},
				tc{kind, schemeParams{Optional: opt}, [][2]string{{"x-key", "k1"}, {"x-key", "k2"}}, "/?key=q1&key=q2"},
				tc{kind, schemeParams{Optional: opt}, [][2]string{{"x-key", ""}, {"cookie", "key=; other=1"}}, "/?key="},
				tc{kind, schemeParams{Optional: opt}, [][2]string{{"cookie", `key="quoted\054v"; key=last`}}, "/?key=%C3%A9+x"},
			)
		}
	}
	var cases []oracletest.Case
	for i, c := range tcs {
		p, _ := json.Marshal(c.p)
		cases = append(cases, oracletest.Case{Name: c.kind + "-" + string(rune('A'+i%26)) + "-" + itoa(i), Kind: c.kind, Params: p,
			Request: oracletest.Request{Method: "GET", Path: c.path, Headers: c.headers}})
	}
	cases = oracletest.Cases(t, "testdata/oracle.json", fastapiScript, cases)
	for i, c := range cases {
		c := c
		app := schemeApp(t, c.Kind, tcs[i].p)
		t.Run(c.Name, func(t *testing.T) { oracletest.Check(t, c, app) })
	}
}

func itoa(i int) string {
	b, _ := json.Marshal(i)
	return string(b)
}

// b64decode against binascii (base64.b64decode, validate=False).
func TestB64DecodeAgainstPython(t *testing.T) {
	inputs := []string{"", "YQ==", "YQ=", "YQ", "Y", "YWI=", "YWI", "YWJj", "Y Q = =", "!!YQ==!!", "YQ==YQ==",
		"YQ=x=", "Y===", "=YQ==", "YW=Jj", "YWJ=j", "YR==", "YWJjZA", "YWJjZ", "====", "a-_b", "YWJj\nZGVm"}
	var cases []any
	for _, s := range inputs {
		cases = append(cases, map[string]string{"s": s})
	}
	const script = `
import base64, binascii
def handle(c):
    try:
        return {"ok": True, "b": base64.b64encode(base64.b64decode(c["s"])).decode()}
    except binascii.Error:
        return {"ok": False}
`
	for i, raw := range pyoracle.Run(t, script, cases) {
		var py struct {
			OK bool
			B  string
		}
		_ = json.Unmarshal(raw, &py)
		got, ok := security.B64Decode(inputs[i])
		if ok != py.OK || ok && base64.StdEncoding.EncodeToString(got) != py.B {
			t.Errorf("b64decode(%q) = %q %v, Python %q %v", inputs[i], got, ok, py.B, py.OK)
		}
	}
}
