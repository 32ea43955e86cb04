package codegen

import (
	"fmt"
	"strings"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/runtime/router"
	jen "github.com/dave/jennifer/jen"
)

// Websocket routes. Their endpoints are never translated (a websocket route is refused
// natively, which makes it a bridged route): Go routes the handshake and reads and
// validates the endpoint's path, query, header and cookie parameters as FastAPI does for
// a websocket (an invalid one ends in FastAPI's WebSocketRequestValidationError handler:
// a close before accept, HTTP 403 on uvicorn's wire), then runtime/pycall/websocket
// serves the connection while the endpoint runs in a bridge worker on a starlette
// WebSocket. The worker is always the pinned one: the endpoint's body is not analysed,
// so it may touch module state the app's HTTP handlers share.

const pkgPyWebSocket = "github.com/covetpy/covetgen/runtime/pycall/websocket"

// webSocketRoute writes the handler of a bridged websocket route; ok is false when it is
// refused.
func (g *gen) webSocketRoute(h *handler) (string, bool) {
	r := h.r
	tmpl, err := router.Compile(r.Template)
	if err != nil {
		h.refuse(r.Pos, "route path %q: %v", r.Template, err)
		return "", false
	}
	h.tmpl = tmpl
	d := r.Dependant
	if d == nil || r.Endpoint == nil {
		h.refuse(r.Pos, "websocket route %s without a resolved endpoint", r.Path)
		return "", false
	}
	for _, s := range d.Deps {
		h.refuse(s.Pos, "dependency %s of a websocket route", s.Call.Name)
	}
	h.keyCount = map[string]int{}
	h.bodyPlan = planBody(d)
	inv, wsNames, ok := h.webSocketInvocation(d)
	if !ok || !h.ok {
		return "", false
	}
	name := g.pkg.get("handle" + camel(r.Name, true))
	routeVar := g.pkg.get("pyRoute" + camel(r.Name, true))
	invalid := jen.Nil()
	var body []jen.Code
	if len(h.stmts) > 0 {
		body = append(body, jen.Var().Id("errs").Qual(pkgResponse, "Errors"))
		invalid = jen.Id("errs").Dot("Err").Call()
	}
	body = append(append(body, h.stmts...),
		jen.Id("py").Op(":=").Qual(pkgPycall, "Begin").Call(jen.Id("pyPool"), jen.Id(routeVar), jen.Id("rq")),
		jen.Return(jen.Qual(pkgPyWebSocket, "Serve").Call(jen.Id("py"), jen.Id("rq"), jen.Id("out"),
			jen.Qual(pkgPyWebSocket, "Endpoint").Values(jen.Dict{
				jen.Id("Invocation"):      inv,
				jen.Id("WebSocketParams"): jen.Index().String().Values(wsNames...),
			}), invalid)),
	)
	f := g.file(moduleFile(r.Endpoint.Module))
	f.Commentf("%s serves @websocket(%q) (%s), endpoint %s, whose body runs in CPython through", name, r.Path, r.Pos, r.Endpoint.Name)
	f.Comment("the bridge:")
	for _, x := range g.plan.reasons[r] {
		f.Comment("  " + x.String())
	}
	f.Func().Id(name).Params(jen.Id("rq").Op("*").Qual(pkgRequest, "Request"), jen.Id("out").Op("*").Qual(pkgResponse, "Out")).
		Error().Block(body...)
	f.Line()
	lit := jen.Dict{jen.Id("Pinned"): jen.True()}
	if len(tmpl.Names) > 0 {
		var names, convs []jen.Code
		for i, n := range tmpl.Names {
			names = append(names, jen.Lit(n))
			convs = append(convs, jen.Qual(pkgRouter, convName(tmpl.Convs[i])))
		}
		lit[jen.Id("Names")] = jen.Index().String().Values(names...)
		lit[jen.Id("Convs")] = jen.Index().Qual(pkgRouter, "Convertor").Values(convs...)
	}
	f.Commentf("%s tells the bridge how to run %s (pinned: see the websocket routes in codegen).", routeVar, r.Endpoint.Name)
	f.Var().Id(routeVar).Op("=").Op("&").Qual(pkgPycall, "Route").Values(lit)
	g.bridged++
	return name, true
}

// webSocketInvocation reads the endpoint's parameters (h.stmts) and returns the
// bridge.Invocation of the endpoint and the names of its WebSocket parameters.
func (h *handler) webSocketInvocation(d *ir.Dependant) (jen.Code, []jen.Code, bool) {
	fn, ok := h.pyFuncName(d.Call)
	if !ok {
		return nil, nil, false
	}
	vars := map[string]string{}
	for _, in := range []ir.ParamIn{ir.InPath, ir.InQuery, ir.InHeader, ir.InCookie} {
		for _, p := range d.Params {
			if p.In != in {
				continue
			}
			if hasClassType(p.Type) {
				h.refuse(p.Pos, "parameter %s of type %s of a websocket endpoint", p.Name, p.Type)
				continue
			}
			if v, ok := h.param(p); ok {
				vars[p.Name] = v
			}
		}
	}
	var args, wsNames []jen.Code
	for _, p := range d.Params {
		switch p.In {
		case ir.InWebSocket, ir.InHTTPConnection:
			wsNames = append(wsNames, jen.Lit(p.Name))
		case ir.InPath, ir.InQuery, ir.InHeader, ir.InCookie:
			if v, ok := vars[p.Name]; ok {
				args = append(args, jen.Qual(pkgBridge, "Kw").Call(jen.Lit(p.Name), jen.Id(v)))
			}
		default:
			h.refuse(p.Pos, "%s parameter %s of a websocket endpoint", strings.ToLower(p.In.String()), p.Name)
		}
	}
	lit := jen.Dict{jen.Id("Fn"): jen.Lit(fn)}
	if len(args) > 0 {
		lit[jen.Id("Args")] = jen.Index().Any().Custom(jen.Options{Open: "{", Close: "}", Multi: true, Separator: ","}, args...)
	}
	return jen.Qual(pkgBridge, "Invocation").Values(lit), wsNames, h.ok
}

// webSocketRegistration registers the websocket route r, served by the handler h, with
// router.WebSocket: only websocket handshakes match it, and they match no HTTP route.
// Websocket and HTTP routes never compete for a request, so registering the websocket
// routes after the HTTP ones keeps Starlette's order where it matters (among the
// websocket routes, and before the mounts).
func webSocketRegistration(r *ir.Route, h string) jen.Code {
	return jen.If(jen.Err().Op(":=").Id("rt").Dot("WebSocket").Call(jen.Lit(r.Template), jen.Id(h)), jen.Err().Op("!=").Nil()).Block(
		jen.Return(jen.Nil(), jen.Qual("fmt", "Errorf").Call(jen.Lit("websocket route %s: %w"), jen.Lit(r.Template), jen.Err())),
	).Comment(fmt.Sprintf("%s %s", r.Pos, r.Name))
}
