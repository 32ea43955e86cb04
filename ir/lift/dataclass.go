package lift

import (
	"fmt"
	"strings"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
)

// plainDataclassWhy says why the standard-library dataclass c (lifted as m) is not plain
// (ir.Model.DataclassWhy), or "".
func (ms *modState) plainDataclassWhy(c *classObj, m *ir.Model) string {
	d := c.def
	if len(c.decorators) != 1 || len(d.DecoratorList) != 1 {
		return "other decorators than @dataclass"
	}
	if call, ok := c.decorators[0].(fwCall); ok && (len(call.args) > 0 || len(call.kw) > 0) {
		return "@dataclass(...) options"
	}
	if len(d.Bases) > 0 || len(d.Keywords) > 0 || len(d.TypeParams) > 0 {
		return "base classes"
	}
	for i, st := range d.Body {
		switch s := st.(type) {
		case *ast.Pass:
			continue
		case *ast.ExprStmt:
			if k, ok := s.Value.(*ast.Constant); ok && i == 0 {
				if _, isStr := k.Value.(ast.Str); isStr {
					continue
				}
			}
		case *ast.AnnAssign:
			if why := ms.plainField(c, s); why != "" {
				return why
			}
			continue
		}
		return fmt.Sprintf("a statement other than a field in its body (line %d)", ms.pos(st).Line)
	}
	for _, f := range m.Fields {
		if f.Info.Alias != nil || f.Info.ValidationAlias != nil || f.Info.SerializationAlias != nil || len(f.Info.ValidationAliasPaths) > 0 {
			return "field " + f.Name + " has an alias"
		}
	}
	return ""
}

// plainField says why an annotated assignment in a dataclass body is not a plain field.
func (ms *modState) plainField(c *classObj, s *ast.AnnAssign) string {
	n, ok := s.Target.(*ast.Name)
	if !ok {
		return "a field that is not a name"
	}
	if isClassVar(ms.resolveForward(ms.eval(s.Annotation, c.attrs), 0)) {
		return "" // not a field, for dataclasses as for pydantic
	}
	if strings.HasPrefix(n.Id, "_") {
		return "field " + n.Id + " (a name with a leading underscore)"
	}
	bad := ""
	walkAnn(s.Annotation, func(id string) {
		if id == "InitVar" || id == "KW_ONLY" || id == "ClassVar" {
			bad = id
		}
	})
	if bad != "" {
		return "field " + n.Id + " annotated with " + bad
	}
	switch v := s.Value.(type) {
	case nil, *ast.Constant:
		return ""
	case *ast.Call:
		call, ok := ms.eval(v, c.attrs).(fwCall)
		if !ok || call.name != "dataclasses.field" || len(call.args) > 0 {
			return "field " + n.Id + " with a default that is not a constant or field(...)"
		}
		for _, k := range call.kw {
			if k.name != "default" && k.name != "default_factory" {
				return "field " + n.Id + " with field(" + k.name + "=...)"
			}
		}
		if dv, ok := kwGet(call.kw, "default"); ok {
			if _, ok := toValue(dv); !ok {
				return "field " + n.Id + " with a default that is not a constant"
			}
		}
		return ""
	}
	return "field " + n.Id + " with a default that is not a constant or field(...)"
}

// walkAnn calls fn with every name and attribute name in an annotation expression.
func walkAnn(e ast.Expr, fn func(string)) {
	switch x := e.(type) {
	case *ast.Name:
		fn(x.Id)
	case *ast.Attribute:
		fn(x.Attr)
		walkAnn(x.Value, fn)
	case *ast.Subscript:
		walkAnn(x.Value, fn)
		walkAnn(x.Slice, fn)
	case *ast.Tuple:
		for _, a := range x.Elts {
			walkAnn(a, fn)
		}
	case *ast.BinOp:
		walkAnn(x.Left, fn)
		walkAnn(x.Right, fn)
	case *ast.Constant:
		if s, ok := x.Value.(ast.Str); ok {
			for _, id := range []string{"InitVar", "KW_ONLY", "ClassVar"} {
				if strings.Contains(string(s), id) {
					fn(id)
				}
			}
		}
	}
}
