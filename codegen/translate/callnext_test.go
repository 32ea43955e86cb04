package translate

import (
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/ir"
)

// translateMiddleware translates `async def mw(request, call_next)` of a module holding
// src, with the parameters an @app.middleware("http") function gets from the code
// generator (codegen/middleware_http.go).
func translateMiddleware(t *testing.T, src string) (string, []ir.Diagnostic) {
	t.Helper()
	vars := map[string]Var{
		"request":   {Go: jen.Id("request"), Type: &ir.Type{Kind: ir.KindClass, Name: "starlette.requests.Request"}},
		"call_next": {Go: jen.Id("call_next"), Type: CallNextType()},
	}
	code, _, diags := translateNamed(t, src, "mw", vars)
	return code, diags
}

func TestCallNext(t *testing.T) {
	const head = "from fastapi import Request\nfrom fastapi.responses import JSONResponse\n\nasync def mw(request: Request, call_next):\n    "
	tests := []struct {
		name, body string
		want       []string // substrings of the code
		refuse     string   // substring of the diagnostic ("" when it translates)
	}{
		{"headers", "response = await call_next(request)\n    response.headers['X-A'] = request.url.path\n    return response",
			[]string{"pymw.Call(call_next)", `pymw.SetHeader(response_, pyval.Str("X-A"), `}, ""},
		{"early-return", "if request.url.path == '/x':\n        return JSONResponse({'d': 1}, status_code=451)\n    return await call_next(request)",
			[]string{`pyval.NewResponse("JSONResponse", `, "pymw.Call(call_next)"}, ""},
		{"status", "r = await call_next(request)\n    if r.status_code == 404:\n        r.status_code = 410\n    return r",
			[]string{"pymw.Status(r)", "pymw.SetStatus(r, pyval.IntValue(410))"}, ""},
		{"headers-read", "r = await call_next(request)\n    r.headers.append('x-ct', r.headers.get('content-type', ''))\n    r.headers['x-len'] = r.headers['content-length']\n    return r",
			[]string{"pymw.AppendHeader(r, ", `pymw.GetHeader(r, pyval.Str("content-type"), pyval.Str(""))`, `pymw.Header(r, pyval.Str("content-length"))`}, ""},
		{"cookies", "r = await call_next(request)\n    r.set_cookie('sid', request.url.path, httponly=True)\n    r.delete_cookie(key='old', path='/p')\n    return r",
			[]string{"pymw.SetCookie(r, pyval.CookieArgs{", "HTTPOnly: pyval.True", "pymw.DeleteCookie(r, pyval.CookieArgs{"}, ""},
		{"len-query", "r = await call_next(request)\n    r.headers['n'] = str(len(request.query_params)) + str(len(request.cookies))\n    return r",
			[]string{`pyreq.Len(request, "query_params")`, `pyreq.Len(request, "cookies")`}, ""},

		{"no-await", "return call_next(request)", nil, "call_next(...) without await"},
		{"other-request", "return await call_next(None)", nil, "call_next of None (only of the function's request parameter)"},
		{"two-args", "return await call_next(request, 1)", nil, "call_next with 2 arguments"},
		{"call-next-passed", "f = call_next\n    return await f(request)", nil, "use of call_next other than `await call_next(request)`"},
		{"in-try", "try:\n        return await call_next(request)\n    except Exception:\n        return JSONResponse({}, status_code=500)", nil, "call_next inside a try statement"},
		{"resp-in-list", "r = await call_next(request)\n    return [r]", nil, "use of the response call_next returned"},
		{"resp-body", "r = await call_next(request)\n    return r.body", nil, "attribute body of the response call_next returned"},
		{"resp-headers-value", "r = await call_next(request)\n    h = r.headers\n    return r", nil, "attribute headers of the response call_next returned"},
		{"resp-method", "r = await call_next(request)\n    r.render('a')\n    return r", nil, "method render of the response call_next returned"},
		{"resp-cookie-expires", "r = await call_next(request)\n    r.set_cookie('a', expires=[1])\n    return r", nil, "set_cookie argument expires that may not be an int, a str or None"},
		{"resp-headers-del", "r = await call_next(request)\n    r.headers.update({})\n    return r", nil, "method update of the headers"},
		{"status-str", "r = await call_next(request)\n    r.status_code = '201'\n    return r", nil, "status_code of a value that may not be an int"},
		{"len-headers", "r = await call_next(request)\n    r.headers['n'] = str(len(request.headers))\n    return r", nil, "len of a request's headers"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, diags := translateMiddleware(t, head+tt.body+"\n")
			if tt.refuse != "" {
				if len(diags) != 1 || !strings.Contains(diags[0].Msg, tt.refuse) {
					t.Fatalf("diags %v, want one containing %q", diags, tt.refuse)
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
