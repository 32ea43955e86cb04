package codegen

import (
	"github.com/covetpy/covetgen/ir"
	jen "github.com/dave/jennifer/jen"
)

// Files. A route with response_class=FileResponse sends the file its endpoint's result
// names (FastAPI builds FileResponse(result, status_code=...)); a body building
// FileResponse(...) is translated (translate/fileresp.go). Both are served by
// runtime/static with Starlette's headers and Range answers.
//
// Paths an app computes from __file__ (translate/fspath.go) are relative to the app's
// root directory: by default covetgen migrate's ROOT (absolute, as the bridge's workers
// find the app's sources), else --app-dir or $COVETGEN_APP_DIR (the bridge's own flag
// when the service has bridged routes), a relative one resolved against the working
// directory the service starts in. main sets them once before serving.

// fileClass reports FileResponse as a route's response class.
func fileClass(name string) bool {
	return name == "fastapi.responses.FileResponse" || name == "starlette.responses.FileResponse"
}

// fileResponse writes response_class=FileResponse: the result is the file's path.
func (h *handler) fileResponse() {
	r := h.r
	if r.ResponseModel != nil {
		h.refuse(r.Pos, "response model %s with response_class FileResponse", r.ResponseModel)
		return
	}
	if st := h.status(); st < 200 || st == 204 || st == 304 {
		// Starlette still sends the file's length and bytes, which no server may send.
		h.refuse(r.Pos, "response_class FileResponse with status %d (no body allowed)", st)
		return
	}
	if usesResponseParam(r.Dependant) {
		// FastAPI adds its headers to the FileResponse's before the stat headers.
		h.refuse(r.Pos, "Response parameter with response_class FileResponse")
		return
	}
	h.add(
		jen.List(jen.Id("fr"), jen.Err()).Op(":=").Qual(pkgPyfile, "RouteFileResponse").Call(jen.Id("res"), jen.Lit(h.status())),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
		jen.Return(jen.Id("out").Dot("Send").Call(jen.Id("fr"))),
	)
}

// usesResponseParam reports a Response parameter in d or its dependencies.
func usesResponseParam(d *ir.Dependant) bool {
	found := false
	if d == nil {
		return false
	}
	d.Walk(func(x *ir.Dependant) {
		for _, p := range x.Params {
			if p.In == ir.InResponse {
				found = true
			}
		}
	})
	return found
}

// appPathInit is main's statements setting the paths computed from __file__ (none when
// the translated code uses none): py is the bridge's configuration when the service has
// one (its --app-dir), else appDir the flag registered by appDirFlag.
func (g *gen) appPathInit(bridged bool) []jen.Code {
	var dir jen.Code = jen.Op("*").Id("appDir")
	if bridged {
		dir = jen.Id("py").Dot("AppDir")
	}
	root := jen.Id("cfg").Dot("Resolve").Call(dir)
	init := g.unit.AppPathInit(jen.Id("root"))
	if len(init) == 0 {
		return nil
	}
	out := []jen.Code{
		jen.Comment("The app's root, from which it computes paths with __file__."),
		jen.Id("root").Op(":=").Qual("path/filepath", "Clean").Call(root),
	}
	return append(out, init...)
}

// appDirFlag is MustConfig's argument registering --app-dir for a service without the
// bridge whose translated code uses paths computed from __file__ (nil otherwise).
func (g *gen) appDirFlag() (decl jen.Code, arg jen.Code) {
	if len(g.unit.AppPathInit(jen.Lit(""))) == 0 {
		return nil, nil
	}
	decl = jen.Var().Id("appDir").Op("*").String()
	arg = jen.Func().Params(jen.Id("fs").Op("*").Qual("flag", "FlagSet")).Block(
		jen.Id("appDir").Op("=").Qual(pkgServer, "AppDirFlag").Call(jen.Id("fs"), jen.Lit(g.in.AppDir)),
	)
	return decl, arg
}
