package translate

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/ir/load"
	"github.com/covetpy/covetgen/parser"
)

// translateReqResp translates function f(request, response, n, s) of a module holding
// src: request is FastAPI's Request parameter, response its Response parameter, n an
// int and s a str.
func translateReqResp(t *testing.T, src string) (string, []ir.Diagnostic) {
	t.Helper()
	return translateWith(t, src, map[string]Var{
		"request":  {Go: jen.Id("request"), Type: &ir.Type{Kind: ir.KindClass, Name: "fastapi.Request"}},
		"response": {Go: jen.Id("response"), Type: &ir.Type{Kind: ir.KindClass, Name: "fastapi.Response"}},
		"n":        {Go: jen.Id("n"), Type: intType},
		"s":        {Go: jen.Id("s"), Type: strType},
	})
}

// translateWith translates function f of a module holding src, its parameters given by
// vars.
func translateWith(t *testing.T, src string, vars map[string]Var) (string, []ir.Diagnostic) {
	t.Helper()
	code, _, diags := translateNamed(t, src, "f", vars)
	return code, diags
}

// translateNamed translates function name of a module m holding src (beside an app
// module app:app), its parameters given by vars: the body's code, the package-level
// declarations the translation added, and the diagnostics.
func translateNamed(t *testing.T, src, name string, vars map[string]Var) (code, decls string, diags []ir.Diagnostic) {
	t.Helper()
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "app.py"), []byte("from fastapi import FastAPI\napp = FastAPI()\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "m.py"), []byte(src), 0o644)
	prog, err := load.Load(dir, load.Options{Parse: parser.ParseFile, App: "app:app"})
	if err != nil {
		t.Fatal(err)
	}
	prog.Import("m")
	m := prog.Modules["m"]
	if m == nil || m.File == nil {
		t.Fatalf("m.py not parsed: %v", m)
	}
	for _, st := range m.File.Module.Body {
		if d := asDef(st); d != nil && d.name == name {
			u := NewUnit(prog, Names{})
			body, diags := Func(st, &Scope{Vars: vars, Module: "m", Unit: u})
			for _, d := range u.Decls() {
				decls += fmt.Sprintf("\n%#v", d)
			}
			return fmt.Sprintf("%#v", jen.Block(body...)), decls, diags
		}
	}
	t.Fatalf("no %s", name)
	return "", "", nil
}

func TestReqResp(t *testing.T) {
	const imports = "from fastapi import Request, Response\nfrom fastapi.responses import JSONResponse, RedirectResponse, PlainTextResponse, HTMLResponse\n"
	tests := []struct {
		name, body string
		want       []string // substrings of the code
		refuse     string   // substring of the diagnostic ("" when it translates)
	}{
		{"json", "return JSONResponse({'a': n}, status_code=401, headers={'X': s})",
			[]string{`pyval.NewResponse("JSONResponse", `}, ""},
		{"json-positional", "return JSONResponse(content=[n], status_code=n)", []string{`NewResponse("JSONResponse"`}, ""},
		{"redirect", "return RedirectResponse(url='/x', status_code=301)", []string{"pyval.NewRedirectResponse("}, ""},
		{"redirect-ifexp", "return RedirectResponse(s, status_code=307 if n else 302)", []string{"NewRedirectResponse("}, ""},
		{"plain", "return PlainTextResponse(f'no {s}', status_code=404)", []string{`NewResponse("PlainTextResponse"`}, ""},
		{"bare-response", "return Response(content=s, media_type='application/xml')", []string{`NewResponse("Response"`}, ""},
		{"local-cookie", "r = JSONResponse({'ok': True})\n    r.set_cookie('k', 'v', httponly=True)\n    r.headers.append('X-T', 'a')\n    return r",
			[]string{"pyval.RespSetCookie(r, pyval.CookieArgs{", "HTTPOnly: pyval.True", "pyval.RespAppendHeader(r, "}, ""},
		{"param", "response.status_code = 201\n    response.headers['X-A'] = s\n    response.delete_cookie('session', path='/p')\n    return {'n': n}",
			[]string{"pyval.RespSetStatus(response_, ", "pyval.RespSetHeader(response_, ", "pyval.RespDeleteCookie(response_, "}, ""},
		{"param-status-read", "return {'s': response.status_code}", []string{"pyval.RespStatus(response_)"}, ""},
		{"request", "return {'m': request.method, 'p': request.url.path, 'ua': request.headers.get('user-agent'),\n" +
			"        't': request.headers.get('x-tenant', 'public'), 'q': sorted(request.query_params.multi_items()),\n" +
			"        'k': request.query_params.get('keep'), 'c': request.cookies['sid'], 'r': request.scope.get('root_path')}",
			[]string{`pyreq.Method(request)`, `pyreq.URL(request, "path")`, `pyreq.Get(request, "headers", `, `pyreq.MultiItems(request)`,
				`pyreq.Item(request, "cookies", `, `pyreq.Get(request, "scope", `}, ""},
		{"request-getlist", "return request.query_params.getlist('tag')", []string{"pyreq.GetList(request, "}, ""},

		{"status-str", "return JSONResponse({}, status_code=s)", nil, "status_code that may not be an int"},
		{"background", "return JSONResponse({}, background=s)", nil, "background= of a value that may not be a BackgroundTasks"},
		{"resp-in-list", "r = JSONResponse({})\n    return [r]", nil, "use of response object r"},
		{"resp-attr", "r = JSONResponse({})\n    return r.body", nil, "attribute body of a response object"},
		{"param-returned", "return response", nil, "use of response object response"},
		{"param-headers-value", "h = response.headers\n    return 1", nil, "attribute headers of a response object"},
		{"param-status-str", "response.status_code = s\n    return 1", nil, "status_code of a value that may not be an int"},
		{"cookie-datetime", "response.set_cookie('k', 'v', expires=[n])\n    return 1", nil, "expires that may not be"},
		{"cookie-twice", "response.set_cookie('k', key='v')\n    return 1", nil, "given twice"},
		{"request-passed", "return len(request)", nil, "use of request object request"},
		{"request-client", "return request.client.host", []string{`pyreq.ClientPart(request, "host")`}, ""},
		{"request-client-attr", "return request.client.addr", nil, "attribute addr of a request's client"},
		{"request-state", "return request.state", nil, "attribute state of a request"},
		{"request-scope-key", "return request.scope.get('headers')", nil, "request.scope key"},
		{"request-body", "return request.headers.items()", nil, "method items of a request's headers"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := imports + "\ndef f(request: Request, response: Response, n: int, s: str):\n    " + tt.body + "\n"
			code, diags := translateReqResp(t, src)
			if tt.refuse != "" {
				if len(diags) != 1 || !strings.Contains(diags[0].Msg, tt.refuse) {
					t.Fatalf("diags %v, want %q", diags, tt.refuse)
				}
				return
			}
			if len(diags) > 0 {
				t.Fatalf("refused: %v", diags)
			}
			for _, w := range tt.want {
				if !strings.Contains(code, w) {
					t.Errorf("code lacks %q:\n%s", w, code)
				}
			}
		})
	}
}
