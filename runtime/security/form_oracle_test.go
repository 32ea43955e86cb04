package security_test

import (
	"encoding/base64"
	"strings"
	"testing"

	"github.com/covetpy/covetgen/runtime/internal/oracletest"
	"github.com/covetpy/covetgen/runtime/request"
	"github.com/covetpy/covetgen/runtime/response"
	"github.com/covetpy/covetgen/runtime/router"
	"github.com/covetpy/covetgen/runtime/security"
)

const formScript = `
from typing import Annotated
from fastapi import FastAPI, Depends
from fastapi.security import OAuth2PasswordRequestForm, OAuth2PasswordRequestFormStrict

def build(kind, p):
    app = FastAPI(openapi_url=None)
    cls = OAuth2PasswordRequestFormStrict if kind == "strict" else OAuth2PasswordRequestForm
    @app.post("/")
    def endpoint(f: Annotated[cls, Depends()]):
        return {"grant_type": f.grant_type, "username": f.username, "password": f.password,
                "scopes": f.scopes, "client_id": f.client_id, "client_secret": f.client_secret}
    return app
`

func formApp(t *testing.T, strict bool) *router.Router {
	rt := router.New(router.Options{})
	err := rt.API("/", []string{"POST"}, func(rq *request.Request, out *response.Out) error {
		form, err := rq.Form()
		if err != nil {
			return err
		}
		f, verrs := security.ParsePasswordForm(form, strict)
		if len(verrs) > 0 {
			return &response.RequestValidationError{Errors: verrs}
		}
		opt := func(p *string) any {
			if p == nil {
				return nil
			}
			return *p
		}
		scopes := make([]any, len(f.Scopes))
		for i, s := range f.Scopes {
			scopes[i] = s
		}
		return obj(out, "grant_type", opt(f.GrantType), "username", f.Username, "password", f.Password,
			"scopes", scopes, "client_id", opt(f.ClientID), "client_secret", opt(f.ClientSecret))
	})
	if err != nil {
		t.Fatal(err)
	}
	return rt
}

func TestPasswordFormAgainstFastAPI(t *testing.T) {
	urlenc := [2]string{"content-type", "application/x-www-form-urlencoded"}
	post := func(body string, h ...[2]string) oracletest.Request {
		return oracletest.Request{Method: "POST", Path: "/", Headers: h, BodyB64: base64.StdEncoding.EncodeToString([]byte(body))}
	}
	mp := "--b\r\nContent-Disposition: form-data; name=\"username\"\r\n\r\nu\r\n" +
		"--b\r\nContent-Disposition: form-data; name=\"password\"\r\n\r\np w\r\n" +
		"--b\r\nContent-Disposition: form-data; name=\"scope\"\r\n\r\na  b\r\n--b--\r\n"
	bodies := []oracletest.Request{
		post("username=u&password=p", urlenc),
		post("username=u&password=p&scope=a+b%20%20c&client_id=id&client_secret=", urlenc),
		post("username=&password=", urlenc),
		post("", urlenc),
		post("grant_type=password&username=u&password=p", urlenc),
		post("grant_type=client_credentials&username=u&password=p", urlenc),
		post("grant_type=&username=u&password=p", urlenc),
		post("grant_type=PASSWORD&username=u&password=p", urlenc),
		post("username=a&username=b&password=p&scope=x&scope=y", urlenc),
		post("username=%C3%A9&password=%E2%9C%93&scope=%E3%80%80x%C2%A0y", urlenc),
		post(`{"username":"u","password":"p"}`, [2]string{"content-type", "application/json"}),
		post(mp, [2]string{"content-type", "multipart/form-data; boundary=b"}),
	}
	var cases []oracletest.Case
	for _, kind := range []string{"form", "strict"} {
		for i, b := range bodies {
			cases = append(cases, oracletest.Case{Name: kind + "-" + itoa(i), Kind: kind, Params: []byte("{}"), Request: b})
		}
	}
	cases = oracletest.Cases(t, "testdata/form_oracle.json", formScript, cases)
	apps := map[string]*router.Router{"form": formApp(t, false), "strict": formApp(t, true)}
	for _, c := range cases {
		t.Run(strings.ReplaceAll(c.Name, "/", "_"), func(t *testing.T) { oracletest.Check(t, c, apps[c.Kind]) })
	}
}
