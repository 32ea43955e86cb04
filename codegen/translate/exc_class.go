package translate

import (
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
	"github.com/covetpy/covetgen/runtime/pyval"
)

// App exception classes: a module-level `class X(Base)` whose single base is a builtin
// exception with BaseException's own __init__ (excRootOK) or another such app class, and
// whose body holds only a docstring, pass, class attributes bound to scalar constants and
// an undecorated def __init__(self, ...) that returns nothing. Its instances are
// *pyval.Caught values wrapping a *pyval.Exception of Type the class's *pyval.ExcClass
// (declared once, as a package variable pyx_<module>_<Class>); __init__ is translated as a
// helper taking self, in which `self.attr = v` stores an instance attribute and
// `super().__init__(...)` calls the base's __init__ (BaseException's sets args).

// excRootOK are the builtin bases an app exception class may have: their __init__ is
// BaseException's (args only) and their instances have no other attribute.
var excRootOK = map[string]bool{
	"Exception": true, "ValueError": true, "TypeError": true, "KeyError": true, "LookupError": true,
	"IndexError": true, "RuntimeError": true, "ArithmeticError": true, "ZeroDivisionError": true,
	"NotImplementedError": true, "AssertionError": true, "OverflowError": true,
}

// excInfo is an app exception class.
type excInfo struct {
	qual, name, module string
	base               *excInfo // nil: builtin is the direct base
	builtin            string
	mi                 *modInfo
	attrNames          []string
	attrVals           []pyval.Value
	init               *funcDef // its own __init__ (nil: inherited)
	goVar              string
	why                string // why it is not one ("" when it is)
	notExc             bool   // not an exception class at all (its bases lead elsewhere)
	busy               bool
}

// excTypePrefix marks the static type of an app exception instance.
const excTypePrefix = "exception "

// excType is the static type of an instance of the app exception class info (nil: of
// any app exception class).
func excType(info *excInfo) *ir.Type {
	if info == nil {
		return &ir.Type{Kind: ir.KindClass, Name: excTypePrefix}
	}
	return &ir.Type{Kind: ir.KindClass, Name: excTypePrefix + info.qual}
}

// isExcType reports the static type of an app exception instance.
func isExcType(t *ir.Type) bool {
	return t != nil && t.Kind == ir.KindClass && t.Class == nil && strings.HasPrefix(t.Name, excTypePrefix)
}

// ExceptionType is the static type the code generator gives the exc parameter of an
// exception handler registered for the app class module.qual (nil, why: not an app
// exception class this package translates).
func (u *Unit) ExceptionType(module, qual string) (*ir.Type, string) {
	mi := u.module(module)
	if mi == nil {
		return nil, "module " + module + " not found"
	}
	info := u.excClass(mi, qual, 0)
	if info.why != "" {
		return nil, info.why
	}
	u.excDecl(info)
	return excType(info), ""
}

// excOf resolves g (a global of kind gOtherClass) to an app exception class.
func (f *fn) excOf(g global) *excInfo {
	if g.kind != gOtherClass || g.module == "" {
		return nil
	}
	mi := f.u.module(g.module)
	if mi == nil {
		return nil
	}
	b := mi.binds[g.name]
	if b == nil || b.kind != bClass || b.class == nil || len(b.class.Bases) == 0 {
		return nil
	}
	if info := f.u.excClass(mi, g.name, 0); !info.notExc {
		return info
	}
	return nil
}

// excClass analyses the module-level class name of mi (info.why says why it is not an app
// exception class).
func (u *Unit) excClass(mi *modInfo, name string, depth int) *excInfo {
	key := mi.name + "." + name
	if u.excs == nil {
		u.excs = map[string]*excInfo{}
	}
	if info := u.excs[key]; info != nil {
		if info.busy {
			info.why = "class " + name + " (cyclic bases)"
		}
		return info
	}
	info := &excInfo{qual: key, name: name, module: mi.name, mi: mi, busy: true}
	u.excs[key] = info
	info.why = u.analyseExc(info, depth)
	info.busy = false
	return info
}

func (u *Unit) analyseExc(info *excInfo, depth int) string {
	b := info.mi.binds[info.name]
	if b == nil || b.kind != bClass || b.class == nil {
		return "class " + info.name + " (its definition is not a single module-level class statement)"
	}
	cd := b.class
	if len(cd.Keywords) > 0 || len(cd.DecoratorList) > 0 || len(cd.TypeParams) > 0 || len(cd.Bases) != 1 {
		return "class " + info.name + " (decorated, generic, with a metaclass or not exactly one base)"
	}
	n, ok := cd.Bases[0].(*ast.Name)
	if !ok {
		return "class " + info.name + " (its base is not a name)"
	}
	if depth > 20 {
		return "class " + info.name + " (too deep a hierarchy)"
	}
	g := u.resolveGlobal(info.mi, n.Id, nil, 0)
	switch g.kind {
	case gBuiltinExc:
		if !excRootOK[g.name] {
			return "class " + info.name + " (a subclass of " + g.name + ")"
		}
		info.builtin = g.name
	case gOtherClass:
		bmi := u.module(g.module)
		if bmi == nil {
			return "class " + info.name + " (base " + n.Id + " not found)"
		}
		base := u.excClass(bmi, g.name, depth+1)
		if base.notExc {
			info.notExc = true
		}
		if base.why != "" {
			return "class " + info.name + " (base " + base.why + ")"
		}
		info.base, info.builtin = base, base.builtin
	default:
		info.notExc = true
		return "class " + info.name + " (its base " + n.Id + " is not an exception class)"
	}
	for i, st := range cd.Body {
		switch s := st.(type) {
		case *ast.Pass:
			continue
		case *ast.ExprStmt:
			if k, isConst := s.Value.(*ast.Constant); isConst && i == 0 {
				if _, isStr := k.Value.(ast.Str); isStr {
					continue
				}
			}
		case *ast.Assign:
			if len(s.Targets) == 1 {
				if t, isName := s.Targets[0].(*ast.Name); isName && u.excAttr(info, t.Id, s.Value) {
					continue
				}
			}
		case *ast.AnnAssign:
			if t, isName := s.Target.(*ast.Name); isName && s.Value != nil && s.Simple != 0 && u.excAttr(info, t.Id, s.Value) {
				continue
			}
		}
		d := asDef(st)
		if d == nil || d.name != "__init__" || len(d.decos) > 0 || info.init != nil {
			return "class " + info.name + " (a statement other than class constants and __init__ in its body)"
		}
		if d.args.Vararg != nil || d.args.Kwarg != nil || len(d.args.Posonlyargs)+len(d.args.Args) == 0 || d.isAsync {
			return "class " + info.name + " (its __init__ is async, has *args, **kwargs or no self)"
		}
		bad := false
		walkStmts(d.body, func(st ast.Stmt) {
			if r, isRet := st.(*ast.Return); isRet && r.Value != nil {
				bad = true
			}
		})
		if bad {
			return "class " + info.name + " (its __init__ returns a value)"
		}
		info.init = d
	}
	return ""
}

// excAttr records a class attribute bound to a scalar constant.
func (u *Unit) excAttr(info *excInfo, name string, e ast.Expr) bool {
	if strings.HasPrefix(name, "__") || name == "args" {
		return false
	}
	k, isConst := e.(*ast.Constant) // a name would be looked up in the class body first
	if !isConst {
		return false
	}
	v, ok := literal(k.Value)
	if !ok {
		return false
	}
	switch v.(type) {
	case pyval.Str, pyval.Int, pyval.Float, pyval.Bool, pyval.NoneType:
	default:
		return false
	}
	for i, n := range info.attrNames {
		if n == name {
			info.attrVals[i] = v
			return true
		}
	}
	info.attrNames = append(info.attrNames, name)
	info.attrVals = append(info.attrVals, v)
	return true
}

// excDecl declares the class's *pyval.ExcClass (and its bases') once.
func (u *Unit) excDecl(info *excInfo) string {
	if info.goVar != "" {
		return info.goVar
	}
	base := jen.Nil()
	if info.base != nil {
		base = jen.Id(u.excDecl(info.base))
	}
	info.goVar = u.goIdent("pyx_"+identPart(info.module)+"_"+identPart(info.name), "exc:"+info.qual)
	var kv []jen.Code
	for i, n := range info.attrNames {
		kv = append(kv, jen.Qual(pyvalPkg, "Str").Call(jen.Lit(n)), constCode(info.attrVals[i]))
	}
	attrs := jen.Qual(pyvalPkg, "DictOf").Call(kv...)
	u.decls = append(u.decls, jen.Commentf("%s is the exception class %s.", info.goVar, info.qual),
		jen.Var().Id(info.goVar).Op("=").Op("&").Qual(pyvalPkg, "ExcClass").Values(jen.Dict{
			jen.Id("Name"):    jen.Lit(info.name),
			jen.Id("Qual"):    jen.Lit(info.qual),
			jen.Id("Base"):    base,
			jen.Id("Builtin"): jen.Lit(info.builtin),
			jen.Id("Attrs"):   attrs,
		}))
	return info.goVar
}

// effectiveInit is the __init__ instances of info run: its own or its nearest app base's
// (nil: BaseException's), with the class defining it.
func (info *excInfo) effectiveInit() (*funcDef, *excInfo) {
	for k := info; k != nil; k = k.base {
		if k.init != nil {
			return k.init, k
		}
	}
	return nil, nil
}

// initGlobal names the __init__ of class k as a helper whose self has k's type.
func (k *excInfo) initGlobal() global {
	m := *k.init
	m.name = k.name + ".__init__"
	return global{kind: gFunc, module: k.module, name: m.name, def: &m, mi: k.mi, self: excType(k)}
}
