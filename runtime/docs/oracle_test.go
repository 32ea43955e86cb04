package docs

import (
	"encoding/json"
	"math"
	"math/big"
	"net/http"
	"strings"
	"testing"

	"github.com/covetpy/covetgen/runtime/internal/oracletest"
	"github.com/covetpy/covetgen/runtime/internal/pyoracle"
)

// json.dumps with defaults, then FastAPI's _html_safe_json, against Python.
func TestHTMLSafeJSONAgainstPython(t *testing.T) {
	values := []struct {
		v    any
		expr string // the Python value
	}{
		{nil, "None"}, {true, "True"}, {false, "False"}, {-1, "-1"}, {int64(1) << 62, "1<<62"},
		{new(big.Int).Lsh(big.NewInt(1), 80), "1<<80"},
		{1.0, "1.0"}, {1e-7, "1e-7"}, {1e16, "1e16"}, {0.1, "0.1"}, {math.Copysign(0, -1), "-0.0"},
		{math.NaN(), "float('nan')"}, {math.Inf(1), "float('inf')"}, {math.Inf(-1), "float('-inf')"},
		{"plain", "'plain'"}, {"é\u2028😀\x00\x1f\x7f\"\\/</script>&amp;", `'é\u2028😀\x00\x1f\x7f"\\/</script>&amp;'`},
		{"\xed\xa0\x80", `'\ud800'`},
		{[]any{}, "[]"}, {[]any{1, "a", []any{nil}}, "[1, 'a', [None]]"},
		{[]Param{}, "{}"}, {[]Param{{Key: "b", Value: 1}, {Key: "a", Value: []Param{{Key: "<k>", Value: "v&"}}}}, "{'b': 1, 'a': {'<k>': 'v&'}}"},
	}
	var cases []any
	for _, v := range values {
		cases = append(cases, map[string]string{"expr": v.expr})
	}
	const script = `
import json
def handle(c):
    v = eval(c["expr"])
    return json.dumps(v).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
`
	for i, raw := range pyoracle.Run(t, script, cases) {
		var py string
		if err := json.Unmarshal(raw, &py); err != nil {
			t.Fatal(err)
		}
		got, err := htmlSafeJSON(values[i].v)
		if err != nil || got != py {
			t.Errorf("htmlSafeJSON(%s) = %q, %v; Python %q", values[i].expr, got, err, py)
		}
	}
}

const fastapiScript = `
from fastapi import FastAPI
def build(kind, p):
    return FastAPI(**p)
`

type appCase struct {
	name   string
	params map[string]any // FastAPI(**params)
	app    App            // the same, for the Go side
	doc    string         // app.openapi() for those params
	paths  []string
}

func TestDocsRoutesAgainstFastAPI(t *testing.T) {
	doc := func(title string, servers string) string {
		s := `{"openapi":"3.1.0","info":{"title":"` + title + `","version":"0.1.0"},`
		if servers != "" {
			s += `"servers":` + servers + `,`
		}
		return s + `"paths":{}}`
	}
	defaults := func(a App) App {
		if a.OpenAPIURL == "" {
			a.OpenAPIURL = "/openapi.json"
		}
		return a
	}
	apps := []appCase{
		{
			name:   "defaults",
			params: map[string]any{},
			app:    defaults(App{Title: "FastAPI", DocsURL: "/docs", RedocURL: "/redoc", OAuth2RedirectURL: "/docs/oauth2-redirect"}),
			doc:    doc("FastAPI", ""),
			paths:  []string{"/openapi.json", "/docs", "/redoc", "/docs/oauth2-redirect"},
		},
		{
			name: "init-oauth-params-no-redirect",
			params: map[string]any{
				"title": "Tïtle <b>&amp;</b>", "swagger_ui_oauth2_redirect_url": nil,
				"swagger_ui_init_oauth": map[string]any{"clientId": "id</script>", "usePkceWithAuthorizationCodeGrant": true},
				"swagger_ui_parameters": map[string]any{"deepLinking": false, "filter": "é", "tryItOutEnabled": nil},
				"redoc_url":             nil,
			},
			app: defaults(App{Title: "Tïtle <b>&amp;</b>", DocsURL: "/docs",
				InitOAuth:           []Param{{Key: "clientId", Value: "id</script>"}, {Key: "usePkceWithAuthorizationCodeGrant", Value: true}},
				SwaggerUIParameters: []Param{{Key: "deepLinking", Value: false}, {Key: "filter", Value: "é"}, {Key: "tryItOutEnabled", Value: nil}}}),
			doc:   doc("Tïtle <b>&amp;</b>", ""),
			paths: []string{"/docs", "/redoc", "/docs/oauth2-redirect"},
		},
		{
			name:   "root-path-servers-prepended",
			params: map[string]any{"root_path": "/api/v1/", "servers": []map[string]any{{"url": "https://x.example"}}},
			app: defaults(App{Title: "FastAPI", DocsURL: "/docs", RedocURL: "/redoc", OAuth2RedirectURL: "/docs/oauth2-redirect",
				RootPath: func(*http.Request) string { return "/api/v1/" }}),
			doc:   doc("FastAPI", `[{"url":"https://x.example"}]`),
			paths: []string{"/openapi.json", "/docs", "/redoc"},
		},
		{
			name:   "root-path-already-a-server",
			params: map[string]any{"root_path": "/api", "servers": []map[string]any{{"url": "/api", "description": "d"}}},
			app: defaults(App{Title: "FastAPI", DocsURL: "/docs", OAuth2RedirectURL: "/docs/oauth2-redirect",
				RootPath: func(*http.Request) string { return "/api" }}),
			doc:   doc("FastAPI", `[{"url":"/api","description":"d"}]`),
			paths: []string{"/openapi.json"},
		},
		{
			name:   "root-path-not-in-servers",
			params: map[string]any{"root_path": "/api", "root_path_in_servers": false},
			app: defaults(App{Title: "FastAPI", DocsURL: "/docs", NoRootPathInServers: true,
				RootPath: func(*http.Request) string { return "/api" }}),
			doc:   doc("FastAPI", ""),
			paths: []string{"/openapi.json"},
		},
		{
			name:   "custom-urls",
			params: map[string]any{"openapi_url": "/spec.json", "docs_url": "/d", "redoc_url": "/r", "swagger_ui_oauth2_redirect_url": "/cb"},
			app:    App{Title: "FastAPI", OpenAPIURL: "/spec.json", DocsURL: "/d", RedocURL: "/r", OAuth2RedirectURL: "/cb"},
			doc:    doc("FastAPI", ""),
			paths:  []string{"/spec.json", "/d", "/r", "/cb"},
		},
	}
	var cases []oracletest.Case
	for _, a := range apps {
		p, _ := json.Marshal(a.params)
		for _, path := range a.paths {
			cases = append(cases, oracletest.Case{Name: a.name + path, Kind: "app", Params: p,
				Request: oracletest.Request{Method: "GET", Path: path}})
		}
	}
	cases = oracletest.Cases(t, "testdata/oracle.json", fastapiScript, cases)
	i := 0
	for _, a := range apps {
		routes, err := Routes(a.app, []byte(a.doc))
		if err != nil {
			t.Fatal(err)
		}
		mux := http.NewServeMux()
		for _, rt := range routes {
			mux.Handle("GET "+rt.Path, rt.Handler)
		}
		mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			w.Header().Set("Content-Length", "22")
			w.WriteHeader(404)
			_, _ = w.Write([]byte(`{"detail":"Not Found"}`))
		})
		for range a.paths {
			c := cases[i]
			i++
			t.Run(strings.ReplaceAll(c.Name, "/", "_"), func(t *testing.T) { oracletest.Check(t, c, mux) })
		}
	}
}

func TestServersRule(t *testing.T) {
	tests := []struct{ doc, root, want string }{
		{`{}`, "/x", `{"servers":[{"url":"/x"}]}`},
		{`{"a":1}`, "/x", `{"a":1,"servers":[{"url":"/x"}]}`},
		{`{"servers":[],"paths":{}}`, "/x", `{"servers":[{"url":"/x"}],"paths":{}}`},
		{`{"servers":[{"url":"/y"}],"paths":{}}`, "/x", `{"servers":[{"url":"/x"},{"url":"/y"}],"paths":{}}`},
		{`{"servers":[{"url":"/x"}]}`, "/x", `{"servers":[{"url":"/x"}]}`},
		{"{\n  \"info\": {\"servers\": 1},\n  \"x\": \"é\"\n}", "/é\"", `{"info":{"servers":1},"x":"é","servers":[{"url":"/é\""}]}`},
	}
	for _, tt := range tests {
		d, err := newDocument([]byte(tt.doc))
		if err != nil {
			t.Fatal(err)
		}
		if got := string(d.withServer(tt.root)); got != tt.want {
			t.Errorf("withServer(%s, %q) = %s, want %s", tt.doc, tt.root, got, tt.want)
		}
	}
	for _, bad := range []string{"", "[]", "{", `{"servers":{"url":1}}`} {
		if _, err := newDocument([]byte(bad)); err == nil {
			t.Errorf("newDocument(%q) accepted", bad)
		}
	}
}

func TestRedocWithoutFonts(t *testing.T) {
	html := Redoc{OpenAPIURL: "/o.json", Title: "T", NoGoogleFonts: true, JSURL: "/r.js", FaviconURL: "/f.png"}.HTML()
	want := "\n    <!DOCTYPE html>\n    <html>\n    <head>\n    <title>T</title>\n    <!-- needed for adaptive design -->\n" +
		"    <meta charset=\"utf-8\"/>\n    <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n    \n" +
		"    <link rel=\"shortcut icon\" href=\"/f.png\">\n"
	if !strings.HasPrefix(html, want) || !strings.Contains(html, `<script src="/r.js"> </script>`) {
		t.Errorf("page:\n%s", html)
	}
}
