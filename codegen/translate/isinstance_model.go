package translate

import (
	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
	jen "github.com/dave/jennifer/jen"
)

// isinstance(x, M) with pydantic model classes of the app (a class, or a tuple of them).
//
// A model value carries its class (pyval.Model Class().Qual, or an Object's Class), so the
// test is whether that class is M. It is translated only when no class of the program
// names M (by its name) among its bases: an instance of a subclass would be an instance of
// M, and the lifter knows only the models the app uses. Tuples mixing builtin classes and
// models are refused.

// modelIsinstance compiles isinstance(x, M) when the second argument names models; ok is
// false when it names none (the builtin classes path).
func (f *fn) modelIsinstance(c *ast.Call) (val, bool) {
	if len(c.Args) != 2 || len(c.Keywords) > 0 {
		return val{}, false
	}
	var elts []ast.Expr
	if t, ok := c.Args[1].(*ast.Tuple); ok {
		elts = t.Elts
	} else {
		elts = []ast.Expr{c.Args[1]}
	}
	var models []*ir.Model
	for _, e := range elts {
		if g, ok := f.lookupGlobal(e); ok && g.kind == gModel && g.model != nil {
			models = append(models, g.model)
		}
	}
	if len(models) == 0 {
		return val{}, false
	}
	if len(models) != len(elts) {
		f.refuse(c.Args[1], "isinstance with models and other classes together")
	}
	args := []jen.Code{f.value(c.Args[0]).code}
	for i, m := range models {
		if m.Module == "" || m.QualName == "" || m.Kind != ir.BaseModel {
			f.refuse(elts[i], "isinstance with %s (not a pydantic model of the app)", m.Name)
		}
		if sub := f.u.subclassNaming(m.Name); sub != "" {
			f.refuse(elts[i], "isinstance with %s (class %s subclasses a class of that name)", m.Name, sub)
		}
		args = append(args, jen.Lit(m.Module+":"+m.QualName))
	}
	return val{code: q("IsModelInstance").Call(args...), kind: kindBool, typ: boolType}, true
}

// subclassNaming is a class of the loaded program with a base named name (a Name or the
// last part of an attribute), or "".
func (u *Unit) subclassNaming(name string) string {
	if u.prog == nil {
		return "?" // unknown program: assume there may be one
	}
	found := ""
	for _, mod := range u.prog.Modules {
		if mod == nil || mod.File == nil || mod.File.Module == nil {
			continue
		}
		ast.Inspect(mod.File.Module, func(n ast.Node) bool {
			cd, ok := n.(*ast.ClassDef)
			if !ok || found != "" {
				return found == ""
			}
			for _, b := range cd.Bases {
				if baseNamed(b, name) {
					found = cd.Name
				}
			}
			return true
		})
	}
	return found
}

// baseNamed reports whether a base class expression names name, possibly subscripted
// (Generic[T]-like bases) or through a module attribute.
func baseNamed(e ast.Expr, name string) bool {
	switch x := e.(type) {
	case *ast.Name:
		return x.Id == name
	case *ast.Attribute:
		return x.Attr == name
	case *ast.Subscript:
		return baseNamed(x.Value, name)
	}
	return false
}

// narrowIsinstance gives a local its model type in the branch run when test, of the form
// isinstance(name, M) with one model class M, is true: the value is then an instance of M
// exactly (modelIsinstance refuses classes with subclasses), and its fields are read as
// M's.
func (f *fn) narrowIsinstance(test ast.Expr) {
	c, ok := test.(*ast.Call)
	if !ok || len(c.Args) != 2 || len(c.Keywords) > 0 {
		return
	}
	if g, ok := f.lookupGlobal(c.Func); !ok || g.kind != gBuiltin || g.name != "isinstance" {
		return
	}
	n, ok := c.Args[0].(*ast.Name)
	if !ok || f.locals[n.Id] == nil || f.compVars[n.Id] != "" {
		return
	}
	g, ok := f.lookupGlobal(c.Args[1])
	if !ok || g.kind != gModel || g.model == nil || g.model.Kind != ir.BaseModel {
		return
	}
	f.types[n.Id] = &ir.Type{Kind: ir.KindModel, Model: g.model}
}
