package codegen

import (
	"os"
	"strings"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/ir/load"
	"github.com/covetpy/covetgen/parser/ast"
)

// appKeywords are the FastAPI() arguments the service reproduces (through the IR) or that
// only shape the OpenAPI document, which is generated from the IR as FastAPI builds it.
var appKeywords = map[string]bool{
	"title": true, "version": true, "summary": true, "description": true, "terms_of_service": true,
	"contact": true, "license_info": true, "openapi_tags": true, "servers": true, "root_path": true,
	"openapi_url": true, "docs_url": true, "redoc_url": true, "swagger_ui_oauth2_redirect_url": true,
	"swagger_ui_parameters": true, "separate_input_output_schemas": true, "redirect_slashes": true,
	"lifespan": true, "on_startup": true, "on_shutdown": true, "exception_handlers": true,
	"middleware": true, "dependencies": true, "default_response_class": true, "openapi_version": true,
	"openapi_external_docs": true, "generate_unique_id_function": true, "responses": true,
	"callbacks": true, "webhooks": true, "deprecated": true, "include_in_schema": true,
}

// checkAppCall refuses FastAPI() arguments the IR does not carry (debug=True's traceback
// pages, root_path_in_servers, swagger_ui_init_oauth, strict_content_type...): looked up
// on the call the app was created by.
func (g *gen) checkAppCall(a *ir.App) {
	call, m := g.findCall(a.Pos)
	if call == nil {
		g.refuse.add(a.Pos, "app not created by a FastAPI(...) call at module level")
		return
	}
	if len(call.Args) > 0 {
		g.refuse.add(a.Pos, "positional arguments of FastAPI()")
	}
	for _, k := range call.Keywords {
		switch {
		case k.Arg == nil:
			g.refuse.add(m.Pos(k), "FastAPI(**kwargs)")
		case !appKeywords[*k.Arg]:
			g.refuse.add(m.Pos(k), "FastAPI(%s=...)", *k.Arg)
		}
	}
}

// findCall returns the call expression at pos among the module-level assignments of the
// module holding pos (app = FastAPI(...)), with that module.
func (g *gen) findCall(pos ir.Pos) (*ast.Call, *load.Module) {
	if g.in.Prog == nil {
		return nil, nil
	}
	var m *load.Module
	for _, mod := range g.in.Prog.Modules {
		if mod.Rel == pos.File {
			m = mod
		}
	}
	if m == nil || m.File == nil || m.File.Module == nil {
		return nil, nil
	}
	var found *ast.Call
	var walk func([]ast.Stmt)
	walk = func(body []ast.Stmt) {
		for _, s := range body {
			var v ast.Expr
			switch x := s.(type) {
			case *ast.Assign:
				v = x.Value
			case *ast.AnnAssign:
				v = x.Value
			case *ast.If:
				walk(x.Body)
				walk(x.Orelse)
			case *ast.Try:
				walk(x.Body)
			}
			if c, ok := v.(*ast.Call); ok && c != nil && m.Pos(c) == pos {
				found = c
			}
		}
	}
	walk(m.File.Module.Body)
	return found, m
}

// riskyNames are attributes that change how FastAPI serves requests in ways the IR does not
// record: a use anywhere in the app's sources is refused (comments included: refusing too
// much is safe, serving differently is not).
var riskyNames = []string{"dependency_overrides", "route_class"}

// checkSources refuses the app's uses of riskyNames.
func (g *gen) checkSources() {
	if g.in.Prog == nil {
		return
	}
	for _, name := range g.in.Prog.Order {
		m := g.in.Prog.Modules[name]
		if m == nil || m.Path == "" {
			continue
		}
		src, err := os.ReadFile(m.Path)
		if err != nil {
			continue
		}
		for i, line := range strings.Split(string(src), "\n") {
			for _, risky := range riskyNames {
				if col := strings.Index(line, risky); col >= 0 {
					g.refuse.add(ir.Pos{File: m.Rel, Line: i + 1, Col: col + 1}, "use of %s", risky)
				}
			}
		}
	}
}
