package translate

import (
	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
	"github.com/covetpy/covetgen/runtime/pyval"
)

// CheckClass reports why instances of the app class c cannot live in translated code ("":
// they can; see instances.go for what a plain class is).
func (u *Unit) CheckClass(c *ir.Class) string {
	_, why := u.plainClass(c)
	return why
}

// ConstInstance evaluates at generation time the instance that `c(*args)` builds at module
// level (args as ir.Callable.Instance holds them: positional ones under "0", "1"...), for a
// plain class whose __init__ only stores its parameters or literals into attributes of
// self, every value a None, bool, int, float or str. It returns the Go expression of a
// *pyval.Instance holding those attributes, to be built anew where it is used: the Var
// holding it must be Shared (in Python it is one object shared by every request, so a
// body may not assign its attributes). why says what stands in the way ("" when none).
func (u *Unit) ConstInstance(c *ir.Class, args *ir.Dict) (code jen.Code, why string) {
	info, why := u.plainClass(c)
	if info == nil {
		return nil, why
	}
	bound := map[string]pyval.Value{}
	var order []string
	if d := info.init; d != nil {
		if d.args.Vararg != nil || d.args.Kwarg != nil || len(d.args.Posonlyargs)+len(d.args.Args) == 0 {
			return nil, "__init__ of " + c.Name + " (variadic parameters or no self)"
		}
		ps := params(d)
		used := 0
		for i, p := range ps[1:] {
			var given ir.Value
			if args != nil {
				if v, ok := args.Get(itoa(i)); ok && i+1 < len(d.args.Posonlyargs)+len(d.args.Args) {
					given = v
					used++
				} else if v, ok := args.Get(p.Arg); ok && i+1 >= len(d.args.Posonlyargs) {
					given = v
					used++
				}
			}
			var v pyval.Value
			if given != nil {
				pv, ok := scalarOf(given)
				if !ok {
					return nil, "argument " + p.Arg + " of " + c.Name + "(...) (not a None, bool, int, float or str constant)"
				}
				v = pv
			} else {
				def := defaultOf(d, i+1)
				k, isConst := def.(*ast.Constant)
				if def == nil || !isConst {
					return nil, "argument " + p.Arg + " of " + c.Name + "(...) (missing, or its default is not a literal)"
				}
				pv, ok := literal(k.Value)
				if !ok {
					return nil, "default of " + p.Arg + " in " + c.Name + ".__init__"
				}
				v = pv
			}
			bound[p.Arg] = v
		}
		if args != nil && used != len(args.Keys) {
			return nil, c.Name + "(...) (arguments that __init__ does not take)"
		}
		self := ps[0].Arg
		attrs := map[string]pyval.Value{}
		for i, st := range d.body {
			if e, ok := st.(*ast.ExprStmt); ok && i == 0 {
				if k, isConst := e.Value.(*ast.Constant); isConst {
					if _, isStr := k.Value.(ast.Str); isStr {
						continue
					}
				}
			}
			a, ok := st.(*ast.Assign)
			if !ok || len(a.Targets) != 1 {
				return nil, c.Name + ".__init__ (it does more than store values into attributes of " + self + ")"
			}
			at, ok := a.Targets[0].(*ast.Attribute)
			if !ok || !isName(at.Value, self) || info.props[at.Attr] != nil || info.methods[at.Attr] != nil {
				return nil, c.Name + ".__init__ (it does more than store values into attributes of " + self + ")"
			}
			var v pyval.Value
			switch x := a.Value.(type) {
			case *ast.Name:
				pv, isParam := bound[x.Id]
				if !isParam {
					return nil, c.Name + ".__init__ (it stores " + x.Id + ", not a parameter)"
				}
				v = pv
			case *ast.Constant:
				pv, isLit := literal(x.Value)
				if !isLit {
					return nil, c.Name + ".__init__ (it stores a constant of another type)"
				}
				v = pv
			default:
				return nil, c.Name + ".__init__ (it stores an expression: only parameters and literals are evaluated at generation time)"
			}
			if _, seen := attrs[at.Attr]; !seen {
				order = append(order, at.Attr)
			}
			attrs[at.Attr] = v
		}
		for k, v := range attrs {
			bound["\x00"+k] = v
		}
	} else if args != nil && len(args.Keys) > 0 {
		return nil, c.Name + "(...) (arguments, without __init__)"
	}
	var kv []jen.Code
	for _, k := range order {
		v := bound["\x00"+k]
		switch v.(type) {
		case pyval.NoneType, pyval.Bool, pyval.Int, pyval.Float, pyval.Str:
		default:
			return nil, "attribute " + k + " of " + c.Name + " (not a None, bool, int, float or str)"
		}
		kv = append(kv, jen.Qual(pyvalPkg, "Str").Call(jen.Lit(k)), constCode(v))
	}
	return jen.Op("&").Qual(pyvalPkg, "Instance").Values(jen.Dict{
		jen.Id("Class"): jen.Lit(c.Name),
		jen.Id("Attrs"): jen.Qual(pyvalPkg, "DictOf").Call(kv...),
	}), ""
}

// scalarOf converts a None, bool, int (int64), float or str constant of the IR.
func scalarOf(v ir.Value) (pyval.Value, bool) {
	switch x := v.(type) {
	case ir.None:
		return pyval.None, true
	case ir.Bool:
		return pyval.Bool(x), true
	case ir.Int:
		if x.V == nil || !x.V.IsInt64() {
			return nil, false
		}
		return pyval.IntOf(x.V.Int64()), true
	case ir.Float:
		return pyval.Float(x), true
	case ir.Str:
		return pyval.Str(x), true
	}
	return nil, false
}
