package codegen

import (
	"os"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/ir/load"
	"github.com/covetpy/covetgen/parser/ast"
	"github.com/covetpy/covetgen/runtime/pyjson"
	jen "github.com/dave/jennifer/jen"
)

// workerResponds reports a bridged route whose response model is opaque (opaque.go):
// the worker validates and serializes the endpoint's result as FastAPI's
// serialize_response does (bridge.ResponseField) and Go sends the body it returns.
func (h *handler) workerResponds() bool {
	r := h.r
	if !h.py || r.ResponseModel == nil || r.ResponseClass == nil {
		return false
	}
	switch r.ResponseClass.Name {
	case "fastapi.responses.JSONResponse", "starlette.responses.JSONResponse":
	default:
		return false
	}
	if h.g.opaqueWhy(r.ResponseModel) != "" {
		return true
	}
	// Any other response model too, when the worker can find it: the endpoint's return
	// annotation, or a response_model= given to a decorator of a module-level function
	// (evaluated in the module's namespace). pydantic's serialization in the worker is
	// both exact and faster than sending the result's values to Go and serializing them.
	src, _, top, ok := h.g.responseModelSource(r)
	return ok && (top || src == "")
}

// responseField is the bridge.ResponseField literal of the route (workerResponds).
func (h *handler) responseField() (jen.Code, bool) {
	r := h.r
	src, module, _, ok := h.g.responseModelSource(r)
	if !ok {
		h.refuse(r.Pos, "response model %s: the route's response_model= was not found", r.ResponseModel)
		return nil, false
	}
	lit := jen.Dict{jen.Id("Module"): jen.Lit(module)}
	if src != "" {
		lit[jen.Id("Model")] = jen.Lit(src)
	}
	for _, x := range []struct {
		key string
		v   ir.Value
	}{{"Include", r.ResponseModelInclude}, {"Exclude", r.ResponseModelExclude}} {
		if x.v == nil {
			continue
		}
		if _, isNone := x.v.(ir.None); isNone {
			continue
		}
		b, ok := appendFilterTag(nil, x.v)
		if !ok {
			h.refuse(r.Pos, "response_model_%s=%s", strings.ToLower(x.key), x.v.Repr())
			return nil, false
		}
		lit[jen.Id(x.key)] = jen.Lit(string(b))
	}
	for key, on := range map[string]bool{"ByAlias": r.ResponseModelByAlias, "ExcludeUnset": r.ResponseModelExcludeUnset,
		"ExcludeDefaults": r.ResponseModelExcludeDefaults, "ExcludeNone": r.ResponseModelExcludeNone, "DumpJSON": r.ResponseClassDefault} {
		if on {
			lit[jen.Id(key)] = jen.True()
		}
	}
	return jen.Op("&").Qual(pkgBridge, "ResponseField").Values(lit), true
}

// appendFilterTag writes an include/exclude value as the bridge's tagged JSON: a set
// (or list, tuple) of names or indexes as a set, a dict of them to True, ... or a nested
// filter.
func appendFilterTag(b []byte, v ir.Value) ([]byte, bool) {
	key := func(b []byte, k ir.Value) ([]byte, bool) {
		switch x := k.(type) {
		case ir.Str:
			return pyjson.AppendStringASCII(b, string(x)), true
		case ir.Int:
			if !x.V.IsInt64() {
				return nil, false
			}
			return strconv.AppendInt(b, x.V.Int64(), 10), true
		}
		return nil, false
	}
	var items []ir.Value
	switch x := v.(type) {
	case ir.Set:
		items = x.Items
	case ir.List:
		items = x
	case ir.Tuple:
		items = x
	case *ir.Dict:
		b = append(b, `{"$t":"dict","v":[`...)
		for i, k := range x.Keys {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, '[')
			var ok bool
			if b, ok = key(b, k); !ok {
				return nil, false
			}
			b = append(b, ',')
			switch y := x.Values[i].(type) {
			case ir.Bool:
				if !y {
					return nil, false
				}
				b = append(b, "true"...)
			case ir.Ellipsis:
				b = append(b, "true"...)
			default:
				if b, ok = appendFilterTag(b, y); !ok {
					return nil, false
				}
			}
			b = append(b, ']')
		}
		return append(b, "]}"...), true
	default:
		return nil, false
	}
	b = append(b, `{"$t":"set","v":[`...)
	for i, k := range items {
		if i > 0 {
			b = append(b, ',')
		}
		var ok bool
		if b, ok = key(b, k); !ok {
			return nil, false
		}
	}
	return append(b, "]}"...), true
}

// responseModelSource finds the call registering r (its decorator, or an add_api_route
// call) and returns the source of its response_model= argument ("" when the response
// model is the endpoint's return annotation) and the module it is evaluated in; top
// reports a decorator of a module-level function, whose response_model= names
// module-level objects.
func (g *gen) responseModelSource(r *ir.Route) (src, module string, top, ok bool) {
	key := "\x00respond.model\x00" + r.Pos.String()
	if v, done := g.consts[key]; done {
		parts := strings.SplitN(v, "\x00", 4)
		return parts[3], parts[2], parts[1] == "1", parts[0] == "1"
	}
	src, module, top, ok = g.findResponseModel(r)
	flag := func(b bool) string {
		if b {
			return "1"
		}
		return "0"
	}
	g.consts[key] = flag(ok) + "\x00" + flag(top) + "\x00" + module + "\x00" + src
	return src, module, top, ok
}

func (g *gen) findResponseModel(r *ir.Route) (src, module string, top, ok bool) {
	if g.in.Prog == nil {
		return "", "", false, false
	}
	var mod *load.Module
	names := make([]string, 0, len(g.in.Prog.Modules))
	for name := range g.in.Prog.Modules {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if m := g.in.Prog.Modules[name]; m.Rel == r.Pos.File && m.File != nil && m.File.Module != nil {
			mod = m
			break
		}
	}
	if mod == nil {
		return "", "", false, false
	}
	var call *ast.Call
	match := func(n ast.Node) bool {
		c, isCall := n.(*ast.Call)
		if isCall && mod.Pos(c) == r.Pos {
			call = c
			return true
		}
		return false
	}
	for _, st := range mod.File.Module.Body {
		var decos []ast.Expr
		switch d := st.(type) {
		case *ast.FunctionDef:
			decos = d.DecoratorList
		case *ast.AsyncFunctionDef:
			decos = d.DecoratorList
		}
		for _, e := range decos {
			if match(e) {
				top = true
			}
		}
	}
	if call == nil {
		findNode(reflect.ValueOf(mod.File.Module), match)
	}
	if call == nil {
		return "", "", false, false
	}
	for _, kw := range call.Keywords {
		if kw.Arg != nil && *kw.Arg == "response_model" {
			text, ok := sourceOf(mod.Path, kw.Value)
			if !ok {
				return "", "", false, false
			}
			return "(" + text + ")", mod.Name, top, true
		}
	}
	return "", mod.Name, top, true
}

// findNode walks the AST under v depth first until f reports true.
func findNode(v reflect.Value, f func(ast.Node) bool) bool {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return false
		}
		if n, ok := v.Interface().(ast.Node); ok && v.Kind() == reflect.Pointer && f(n) {
			return true
		}
		return findNode(v.Elem(), f)
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() && findNode(v.Field(i), f) {
				return true
			}
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			if findNode(v.Index(i), f) {
				return true
			}
		}
	}
	return false
}

// sourceOf is the source text of an expression (its span in the file; columns are
// UTF-8 byte offsets, as CPython's).
func sourceOf(path string, e ast.Expr) (string, bool) {
	s, ok := e.(ast.Spanned)
	if !ok {
		return "", false
	}
	sp := s.GetSpan()
	data, err := os.ReadFile(path)
	if err != nil {
		return "", false
	}
	lines := strings.SplitAfter(string(data), "\n")
	if sp.Lineno < 1 || sp.EndLineno > len(lines) || sp.EndLineno < sp.Lineno {
		return "", false
	}
	first, last := lines[sp.Lineno-1], lines[sp.EndLineno-1]
	if sp.ColOffset > len(first) || sp.EndColOffset > len(last) {
		return "", false
	}
	if sp.Lineno == sp.EndLineno {
		return first[sp.ColOffset:sp.EndColOffset], true
	}
	var b strings.Builder
	b.WriteString(first[sp.ColOffset:])
	for _, l := range lines[sp.Lineno : sp.EndLineno-1] {
		b.WriteString(l)
	}
	b.WriteString(last[:sp.EndColOffset])
	return b.String(), true
}
