package translate

import (
	"strings"
	"testing"

	"github.com/covetpy/covetgen/ir"
)

// TestURLForPath resolves route names as Starlette's url_path_for does, refusing what is
// not known statically.
func TestURLForPath(t *testing.T) {
	sub := &ir.App{Routes: []*ir.Route{{Name: "ping", Path: "/ping"}}}
	app := &ir.App{
		Routes: []*ir.Route{{Name: "home", Path: "/app"}, {Name: "item", Path: "/items/{id}"},
			{Name: "dup", Path: "/a"}, {Name: "dup", Path: "/b"}, {Name: "chat", Path: "/ws", Kind: ir.WebSocketRoute}},
		Mounts: []*ir.Mount{{Path: "/sub/", Sub: sub}, {Path: "/static", Name: "static", Static: &ir.StaticFiles{}}},
	}
	tests := []struct{ name, path, why string }{
		{"home", "/app", ""},
		{"ping", "/sub/ping", ""},
		{"item", "", "path parameters"},
		{"dup", "", "several routes"},
		{"chat", "", "websocket"},
		{"static", "", "mount's name"},
		{"static:x", "", "mounted route"},
		{"openapi", "", "documentation"},
		{"nope", "", "no route"},
	}
	for _, tt := range tests {
		path, why := urlForPath(app, tt.name)
		if path != tt.path || (tt.why == "") != (why == "") || !strings.Contains(why, tt.why) {
			t.Errorf("%s: got %q, %q; want %q, %q", tt.name, path, why, tt.path, tt.why)
		}
	}
	other := &ir.App{Routes: app.Routes[:1], Mounts: []*ir.Mount{{Path: "/x", Other: "thing"}}}
	if _, why := urlForPath(other, "home"); !strings.Contains(why, "not known") {
		t.Errorf("unknown mounted app: %q", why)
	}
}

// TestConvertedParams allows request.path_params only when every path parameter is a str.
func TestConvertedParams(t *testing.T) {
	tests := []struct {
		app *ir.App
		why string
	}{
		{&ir.App{Routes: []*ir.Route{{Template: "/a/{x}"}, {Template: "/f/{p:path}"}, {Template: "/s/{s:str}"}}}, ""},
		{&ir.App{Routes: []*ir.Route{{Template: "/a/{x}/{n:int}"}}}, "int"},
		{&ir.App{Mounts: []*ir.Mount{{Path: "/t/{u:uuid}", Static: &ir.StaticFiles{}}}}, "mount"},
		{&ir.App{Mounts: []*ir.Mount{{Path: "/m", Sub: &ir.App{Routes: []*ir.Route{{Template: "/{f:float}"}}}}}}, "float"},
		{&ir.App{RoutesUnresolved: true}, "not known"},
	}
	for i, tt := range tests {
		why := convertedParams(tt.app)
		if (tt.why == "") != (why == "") || !strings.Contains(why, tt.why) {
			t.Errorf("case %d: got %q, want %q", i, why, tt.why)
		}
	}
}

// TestReqValues translates the request's body, URLs, mappings and client.
func TestReqValues(t *testing.T) {
	const imports = "from fastapi import Request, Response\n"
	tests := []struct {
		name, body string
		want       []string
		refuse     string
	}{
		{"body", "raw = await request.body()\n    return raw.decode('latin-1')", []string{"pyreq.Body(request)"}, ""},
		{"json", "return await request.json()", []string{"pyreq.JSON(request)"}, ""},
		{"body without await", "return request.body()", nil, "without await"},
		{"url", "return str(request.url)", []string{`pyreq.URL(request, "")`}, ""},
		{"base_url", "return str(request.base_url)", []string{"pyreq.BaseURL(request)"}, ""},
		{"url_for without app", "return str(request.url_for('x'))", nil, "url_for"},
		{"url_for with params", "return str(request.url_for('x', id=1))", nil, "path parameters"},
		{"cookies", "return request.cookies", []string{`pyreq.Dict(request, "cookies")`}, ""},
		{"dict query", "return dict(request.query_params)", []string{`pyreq.Dict(request, "query_params")`}, ""},
		{"query value", "return request.query_params", nil, "query_params"},
		{"client", "return request.client is not None and request.client.port", []string{"pyreq.Client(request)", `pyreq.ClientPart(request, "port")`}, ""},
		{"client attr", "return request.client.addr", nil, "client"},
		{"getlist", "return request.headers.getlist('x')", []string{"pyreq.HeaderList(request"}, ""},
		{"decode handler", "return (await request.body()).decode('utf-8', errors='surrogateescape')", nil, "decode() argument"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, diags := translateReqResp(t, imports+"async def f(request: Request, response: Response, n: int, s: str):\n    "+tt.body+"\n")
			if tt.refuse != "" {
				if len(diags) == 0 || !strings.Contains(diags[0].Msg, tt.refuse) {
					t.Fatalf("diags = %v, want %q", diags, tt.refuse)
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
