package codegen

import (
	"fmt"
	"strings"

	"github.com/covetpy/covetgen/codegen/translate"
	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/ir/load"
	"github.com/covetpy/covetgen/parser/ast"
	jen "github.com/dave/jennifer/jen"
)

// App-defined response classes Go renders itself: a subclass of Response, JSONResponse,
// HTMLResponse or PlainTextResponse whose class body holds only a docstring, media_type
// and charset string constants and optionally a `render(self, content)` method whose body
// translates. Starlette's Response.__init__ then renders the content with the class's
// render (the inherited one: JSON for JSONResponse, UTF-8 text for the others) and sets
// content-length and content-type (text/* with "; charset=utf-8") as for the built-in
// classes. Any other class stays with the worker (respclass.go), with the reason.

// customClass is an app-defined response class Go renders (customClassOf).
type customClass struct {
	// media is the class's media_type ("" for None).
	media string
	// json is set when the class inherits JSONResponse's render.
	json bool
	// render is the Go func of the translated render method ("" when inherited): it takes
	// the content as a pyval.Value and returns render's result.
	render string
}

// customKeyPrefix marks a response class's entry in gen.consts: the Go name of its
// translated render method, or "!" and the reason it has none; customVarPrefix its
// pyval.ResponseClass variable.
const (
	customKeyPrefix = "\x00respclass render "
	customVarPrefix = "\x00respclass var "
)

// customBases are the Starlette classes a native custom class may subclass, by the names
// they are imported from.
var customBases = map[string]bool{
	"fastapi.Response": true, "fastapi.responses.Response": true, "starlette.responses.Response": true,
	"fastapi.responses.JSONResponse": true, "starlette.responses.JSONResponse": true,
	"fastapi.responses.HTMLResponse": true, "starlette.responses.HTMLResponse": true,
	"fastapi.responses.PlainTextResponse": true, "starlette.responses.PlainTextResponse": true,
}

// customClassOf is the Go renderer of the app-defined response class rc, or the reason
// it stays bridged.
func (g *gen) customClassOf(rc *ir.ResponseClass) (*customClass, string) {
	info, why := g.analyzeCustomClass(rc.Name)
	if why != "" {
		return nil, why
	}
	render, why := g.classRender(rc.Name, rc.Pos, info)
	if why != "" {
		return nil, why
	}
	return &customClass{media: rc.MediaType, json: render == "" && info.base == "JSONResponse", render: render}, ""
}

// classRender is the Go func of the class's render method ("" when it inherits its
// base's), translated once per class, or why it cannot be.
func (g *gen) classRender(class string, pos ir.Pos, info *classInfo) (string, string) {
	if info.render == nil {
		return "", ""
	}
	key := customKeyPrefix + class
	if v, seen := g.consts[key]; seen {
		if strings.HasPrefix(v, "!") {
			return "", v[1:]
		}
		return v, ""
	}
	name, why := g.translateRender(class, pos, info.render)
	if why != "" {
		g.consts[key] = "!" + why
		return "", why
	}
	g.consts[key] = name
	return name, ""
}

// baseMedia is the media_type of the Starlette classes a custom class may subclass.
var baseMedia = map[string]string{"Response": "", "JSONResponse": "application/json",
	"HTMLResponse": "text/html", "PlainTextResponse": "text/plain"}

// bodyResponseClass is translate.Names.ResponseClass: the *pyval.ResponseClass of an
// app-defined response class a body builds (a package variable written once), or why
// it cannot be rendered in Go; ok is false for a class that is not a response class.
func (g *gen) bodyResponseClass(name string) (jen.Code, string, string, bool) {
	cls, m := g.findClass(name)
	if cls == nil {
		return nil, "", "", false
	}
	base := responseBase(cls, m)
	if base == "" {
		return nil, "", "", false
	}
	info, why := g.analyzeCustomClass(name)
	if why != "" {
		return nil, base, why, true
	}
	render, why := g.classRender(name, m.Pos(cls), info)
	if why != "" {
		return nil, base, why, true
	}
	key := customVarPrefix + name
	if v, seen := g.consts[key]; seen {
		return jen.Id(v), base, "", true
	}
	media := baseMedia[base]
	if info.media != nil {
		media = *info.media
	}
	i := strings.LastIndex(name, ".")
	v := g.pkg.get("respClass" + camel(name[i+1:], true))
	lit := jen.Dict{jen.Id("Name"): jen.Lit(name[i+1:]), jen.Id("Base"): jen.Lit(base), jen.Id("Media"): jen.Lit(media)}
	if render != "" {
		lit[jen.Id("Render")] = jen.Id(render)
	}
	f := g.file(moduleFile(name[:i]))
	f.Commentf("%s is the response class %s (%s), rendered in Go.", v, name, m.Pos(cls))
	f.Var().Id(v).Op("=").Op("&").Qual(pkgPyval, "ResponseClass").Values(lit)
	g.consts[key] = v
	return jen.Id(v), base, "", true
}

// classInfo is what analyzeCustomClass finds in an app-defined response class.
type classInfo struct {
	// base is the Starlette class it subclasses (Response, JSONResponse...); media its
	// media_type: its own, or nil for the base's.
	base  string
	media *string
	// render is its render method, if any.
	render *ast.FunctionDef
}

// findClass is the module-level class statement of the qualified name, and its module.
func (g *gen) findClass(name string) (*ast.ClassDef, *load.Module) {
	i := strings.LastIndex(name, ".")
	if i <= 0 || g.in.Prog == nil {
		return nil, nil
	}
	m := g.in.Prog.Modules[name[:i]]
	if m == nil || m.File == nil || m.File.Module == nil {
		return nil, nil
	}
	var cls *ast.ClassDef
	for _, s := range m.File.Module.Body {
		if c, ok := s.(*ast.ClassDef); ok && c.Name == name[i+1:] {
			cls = c
		}
	}
	return cls, m
}

// responseBase is the Starlette response class cls subclasses directly ("" when it is
// not one of Response, JSONResponse, HTMLResponse and PlainTextResponse).
func responseBase(cls *ast.ClassDef, m *load.Module) string {
	if len(cls.Bases) != 1 {
		return ""
	}
	base, ok := cls.Bases[0].(*ast.Name)
	if !ok {
		return ""
	}
	full := importedAs(m, base.Id)
	if !customBases[full] {
		return ""
	}
	return full[strings.LastIndex(full, ".")+1:]
}

// analyzeCustomClass finds the class statement of name and checks its body.
func (g *gen) analyzeCustomClass(name string) (*classInfo, string) {
	cls, m := g.findClass(name)
	if cls == nil {
		return nil, "its class statement was not found at module level"
	}
	info := &classInfo{base: responseBase(cls, m)}
	if info.base == "" {
		return nil, "a base other than Response, JSONResponse, HTMLResponse or PlainTextResponse"
	}
	if len(cls.DecoratorList) > 0 || len(cls.Keywords) > 0 {
		return nil, "a class statement with decorators or keywords"
	}
	for j, s := range cls.Body {
		var target, value ast.Expr
		switch x := s.(type) {
		case *ast.ExprStmt:
			if c, ok := x.Value.(*ast.Constant); ok && j == 0 {
				if _, isStr := c.Value.(ast.Str); isStr {
					continue
				}
			}
		case *ast.Pass:
			continue
		case *ast.Assign:
			if len(x.Targets) == 1 {
				target, value = x.Targets[0], x.Value
			}
		case *ast.AnnAssign:
			target, value = x.Target, x.Value
		case *ast.FunctionDef:
			if x.Name == "render" && info.render == nil && len(x.DecoratorList) == 0 && plainParams(x.Args, 2) {
				info.render = x
				continue
			}
			return nil, fmt.Sprintf("method %s", x.Name)
		}
		if target != nil && value != nil {
			if why := classConstant(target, value); why != "" {
				return nil, why
			}
			if n := target.(*ast.Name); n.Id == "media_type" {
				media := ""
				if str, isStr := value.(*ast.Constant).Value.(ast.Str); isStr {
					media = string(str)
				}
				info.media = &media
			}
			continue
		}
		return nil, fmt.Sprintf("the statement at %s of its class body", m.Pos(s))
	}
	return info, ""
}

// classConstant checks a class attribute assignment: media_type or charset bound to a
// string (media_type also to None); the values themselves come from the lifted class.
// Only charset "utf-8" is rendered (the content-type Go writes says utf-8).
func classConstant(target, value ast.Expr) string {
	n, ok := target.(*ast.Name)
	if !ok {
		return "an assignment to something other than a name"
	}
	c, ok := value.(*ast.Constant)
	if !ok {
		return fmt.Sprintf("class attribute %s bound to a non-constant", n.Id)
	}
	switch n.Id {
	case "media_type":
		if _, isStr := c.Value.(ast.Str); isStr || c.Value == ast.None {
			return ""
		}
	case "charset":
		if s, isStr := c.Value.(ast.Str); isStr {
			if strings.EqualFold(string(s), "utf-8") || strings.EqualFold(string(s), "utf8") {
				return ""
			}
			return fmt.Sprintf("charset %q", string(s))
		}
	default:
		return fmt.Sprintf("class attribute %s", n.Id)
	}
	return fmt.Sprintf("class attribute %s bound to %s", n.Id, c.Value.Repr())
}

// plainParams reports exactly n positional parameters without defaults, *args or **kw.
func plainParams(a *ast.Arguments, n int) bool {
	return a != nil && len(a.Posonlyargs) == 0 && len(a.Args) == n && a.Vararg == nil &&
		len(a.Kwonlyargs) == 0 && a.Kwarg == nil && len(a.Defaults) == 0
}

// importedAs is the qualified name a module-level `from X import name` binds name to
// ("" when it does not).
func importedAs(m *load.Module, name string) string {
	found := ""
	for _, s := range m.File.Module.Body {
		imp, ok := s.(*ast.ImportFrom)
		if !ok || imp.Module == nil || imp.Level != 0 {
			continue
		}
		for _, a := range imp.Names {
			bound := a.Name
			if a.Asname != nil {
				bound = *a.Asname
			}
			if bound == name {
				found = *imp.Module + "." + a.Name
			}
		}
	}
	return found
}

// translateRender translates the render method of rc into a package-level Go func
// render<Class>(content pyval.Value) (pyval.Value, error); self is not in scope, so a
// body reading it is refused.
func (g *gen) translateRender(class string, pos ir.Pos, def *ast.FunctionDef) (string, string) {
	i := strings.LastIndex(class, ".")
	module := class[:i]
	content := def.Args.Args[1].Arg
	goName := translate.GoName(content)
	scope := &translate.Scope{Vars: map[string]translate.Var{content: {Go: jen.Id(goName)}}, App: g.in.App, Module: module, Unit: g.unit}
	code, diags := translate.Func(def, scope)
	if len(diags) > 0 || code == nil {
		if len(diags) > 0 {
			return "", fmt.Sprintf("its render method (%s)", diags[0].Msg)
		}
		return "", "its render method"
	}
	name := g.pkg.get("render" + camel(class[i+1:], true))
	f := g.file(moduleFile(module))
	f.Commentf("%s is %s.render (%s), translated: self is not used.", name, class, pos)
	f.Func().Id(name).Params(jen.Id(goName).Qual(pkgPyval, "Value")).Params(jen.Qual(pkgPyval, "Value"), jen.Error()).Block(code...)
	return name, ""
}
