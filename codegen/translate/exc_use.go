package translate

import (
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
)

// Uses of app exception classes (exc_class.go) and exception values: X(...) and raise
// X(...), except X, isinstance(v, X), attributes of exception instances, and in an
// exception's __init__, self.attr = v and super().__init__(...). HTTPException(...) and
// builtin exceptions may be built as values too (bound to a name and raised later).

// excConstruct compiles X(args) for the app exception class info: the arguments
// evaluated once, BaseException.__new__'s args (the positional ones), then __init__.
func (f *fn) excConstruct(info *excInfo, c *ast.Call) val {
	if info.why != "" {
		f.refuse(c, "call of %s", info.why)
	}
	if why := f.excHandlerCheck(info); why != "" { // exc_handlers.go
		f.refuse(c, "call of %s (%s)", info.name, why)
	}
	f.noStar(c)
	d, k := info.effectiveInit()
	if d == nil && len(c.Keywords) > 0 {
		f.refuse(c, "keyword arguments to %s (BaseException.__init__ takes none)", info.name)
	}
	exprs := append([]ast.Expr{}, c.Args...)
	for _, kw := range c.Keywords {
		exprs = append(exprs, kw.Value)
	}
	vs := f.seq(exprs, f.value)
	for i := range vs {
		if !vs[i].atomic {
			vs[i] = f.hoist(vs[i])
		}
	}
	goVar := f.u.excDecl(info)
	newArgs := []jen.Code{jen.Id(goVar)}
	for _, v := range vs[:len(c.Args)] {
		newArgs = append(newArgs, v.code)
	}
	self := f.hoist(val{code: q("NewAppException").Call(newArgs...), typ: excType(info)})
	if d != nil {
		call := f.excInitCall(k, self.code, c, vs)
		f.emit(jen.If(jen.List(jen.Id("_"), jen.Err()).Op(":=").Add(call), jen.Err().Op("!=").Nil()).Block(f.retErr()...))
	}
	return self
}

// excInitCall is the call of the __init__ of class k on self with the call's arguments,
// already compiled (positional ones, then keyword ones, in vs).
func (f *fn) excInitCall(k *excInfo, self jen.Code, c *ast.Call, vs []val) *jen.Statement {
	g := k.initGlobal()
	d := g.def
	ps := params(d)[1:]
	nPos := len(d.args.Posonlyargs) + len(d.args.Args) - 1
	if len(c.Args) > nPos {
		f.refuse(c, "call of %s (too many positional arguments)", g.name)
	}
	args := make([]jen.Code, len(ps))
	for i := range c.Args {
		args[i] = vs[i].code
	}
	for j, kw := range c.Keywords {
		idx := -1
		for i, p := range ps {
			if p.Arg == *kw.Arg && i+1 >= len(d.args.Posonlyargs) {
				idx = i
			}
		}
		if idx < 0 {
			f.refuse(kw, "call of %s (no parameter %s)", g.name, *kw.Arg)
		}
		if args[idx] != nil {
			f.refuse(kw, "call of %s (parameter %s given twice)", g.name, *kw.Arg)
		}
		args[idx] = vs[len(c.Args)+j].code
	}
	f.fillDefaults(g, c, ps, args, 1)
	goName := f.u.helper(g, f.app, c, f)
	if f.u.helpers[g.module+"."+g.def.name].state {
		f.useState()
	}
	return jen.Id(goName).Call(append([]jen.Code{self}, args...)...)
}

// excInitSelf returns, in the translated __init__ of an app exception class, the class
// and the name of self (nil: f is not one).
func (f *fn) excInitSelf() (*excInfo, string) {
	if f.def == nil || !strings.HasSuffix(f.def.name, ".__init__") {
		return nil, ""
	}
	ps := params(f.def)
	if len(ps) == 0 {
		return nil, ""
	}
	t := f.vars[ps[0].Arg].Type
	if !isExcType(t) || f.u.excs == nil {
		return nil, ""
	}
	return f.u.excs[strings.TrimPrefix(t.Name, excTypePrefix)], ps[0].Arg
}

// excSuperInit compiles super().__init__(args) in an app exception's __init__.
func (f *fn) excSuperInit(c *ast.Call) (val, bool) {
	at, ok := c.Func.(*ast.Attribute)
	if !ok || at.Attr != "__init__" {
		return val{}, false
	}
	sc, ok := at.Value.(*ast.Call)
	if !ok || !isName(sc.Func, "super") || f.locals["super"] != nil || len(sc.Args) > 0 || len(sc.Keywords) > 0 {
		return val{}, false
	}
	k, selfName := f.excInitSelf()
	if k == nil {
		f.refuse(c, "super().__init__ outside the __init__ of an exception class")
	}
	if f.types[selfName] == nil || !isExcType(f.types[selfName]) {
		f.refuse(c, "super().__init__ after %s was rebound", selfName)
	}
	f.noStar(c)
	self := f.name(&ast.Name{Id: selfName, Span: c.Span})
	if d, base := k.base.effectiveInitOrNil(); d != nil {
		exprs := append([]ast.Expr{}, c.Args...)
		for _, kw := range c.Keywords {
			exprs = append(exprs, kw.Value)
		}
		vs := f.seq(exprs, f.value)
		return f.callVal(f.excInitCall(base, self.code, c, vs), kindValue, nil), true
	}
	if len(c.Keywords) > 0 {
		f.refuse(c, "keyword arguments to BaseException.__init__")
	}
	args := []jen.Code{self.code}
	for _, v := range f.seq(c.Args, f.value) {
		args = append(args, v.code)
	}
	return f.callVal(q("ExcInit").Call(args...), kindValue, nil), true
}

func (info *excInfo) effectiveInitOrNil() (*funcDef, *excInfo) {
	if info == nil {
		return nil, nil
	}
	return info.effectiveInit()
}

// excAttrOK refuses attributes of exception instances translated code cannot answer
// exactly (dunders, the methods every exception has).
func (f *fn) excAttrOK(x *ast.Attribute) {
	if strings.HasPrefix(x.Attr, "__") || x.Attr == "with_traceback" || x.Attr == "add_note" {
		f.refuse(x, "attribute %s of an exception", x.Attr)
	}
}

// excAttribute compiles e.attr for a name holding an app exception instance.
func (f *fn) excAttribute(x *ast.Attribute) (val, bool) {
	n, ok := x.Value.(*ast.Name)
	if !ok || f.locals[n.Id] == nil || !isExcType(f.types[n.Id]) {
		return val{}, false
	}
	if _, comp := f.compVars[n.Id]; comp {
		return val{}, false
	}
	f.excAttrOK(x)
	switch t := f.types[n.Id]; {
	case t.Name == httpCaughtType.Name && x.Attr != "status_code" && x.Attr != "detail",
		t.Name == httpValueType.Name && x.Attr != "status_code" && x.Attr != "detail" && x.Attr != "headers":
		f.refuse(x, "attribute %s of an HTTPException", x.Attr)
	}
	var typ *ir.Type
	if f.types[n.Id].Name == httpCaughtType.Name && x.Attr == "status_code" {
		typ = intType // a raised HTTPException's status is an int (pyval.HTTPException checks it)
	}
	base := f.name(n)
	return f.callVal(q("ExcGetAttr").Call(base.code, jen.Lit(x.Attr)), kindValue, typ), true
}

// HTTPExceptionType is the static type the code generator gives the exc parameter of a
// handler of HTTPException or of a status code: its status_code (an int) and detail can be
// read.
func HTTPExceptionType() *ir.Type { return httpCaughtType }

// excStore compiles self.attr = v in an app exception's __init__.
func (f *fn) excStore(x *ast.Attribute, v val) bool {
	n, ok := x.Value.(*ast.Name)
	if !ok || f.locals[n.Id] == nil || !isExcType(f.types[n.Id]) {
		return false
	}
	if k, selfName := f.excInitSelf(); k == nil || selfName != n.Id {
		f.refuse(x, "assignment to attribute %s of an exception outside its __init__", x.Attr)
	}
	f.excAttrOK(x)
	if x.Attr == "args" {
		f.refuse(x, "assignment to args of an exception")
	}
	if !v.atomic {
		v = f.hoist(v)
	}
	base := f.name(n)
	f.errOnly(q("ExcSetAttr").Call(base.code, jen.Lit(x.Attr), v.code))
	return true
}

// excClassName resolves an expression naming an exception class: an app class (its
// Qual), a builtin one or HTTPException (its name); ok false for anything else.
func (f *fn) excClassName(e ast.Expr) (string, bool) {
	g, ok := f.lookupGlobal(e)
	if !ok {
		return "", false
	}
	switch g.kind {
	case gHTTPExc:
		return "HTTPException", true
	case gBuiltinExc:
		return g.name, true
	case gOtherClass:
		if info := f.excOf(g); info != nil {
			if info.why != "" {
				f.refuse(e, "use of %s", info.why)
			}
			return info.qual, true
		}
	}
	return "", false
}

// excIsinstance compiles isinstance(v, C) and isinstance(v, (C, D...)) when every class
// named is an exception class.
func (f *fn) excIsinstance(c *ast.Call) (val, bool) {
	if len(c.Args) != 2 || len(c.Keywords) > 0 {
		return val{}, false
	}
	elts := []ast.Expr{c.Args[1]}
	if t, ok := c.Args[1].(*ast.Tuple); ok {
		elts = t.Elts
	}
	var classes []jen.Code
	for _, el := range elts {
		name, ok := f.excClassName(el)
		if !ok {
			return val{}, false
		}
		classes = append(classes, jen.Lit(name))
	}
	v := f.value(c.Args[0])
	return val{code: q("ExcIsInstance").Call(append([]jen.Code{v.code}, classes...)...), kind: kindBool, typ: boolType}, true
}

// Static types of HTTPException values: one caught (its status_code and detail can be
// read: its headers were already turned into the response's) and one built as a value
// (which keeps the very objects it was given, headers included).
var (
	httpCaughtType = &ir.Type{Kind: ir.KindClass, Name: excTypePrefix + "HTTPException"}
	httpValueType  = &ir.Type{Kind: ir.KindClass, Name: excTypePrefix + "HTTPException value"}
)

// excBindType is the static type of `except ... as e` for the classes the clause names:
// an app exception instance when every class is an app class, a caught HTTPException for
// HTTPException alone.
func excBindType(classes []string) *ir.Type {
	if len(classes) == 1 && classes[0] == "HTTPException" {
		return httpCaughtType
	}
	if len(classes) == 0 {
		return nil
	}
	for _, c := range classes {
		if !strings.Contains(c, ".") {
			return nil
		}
	}
	return excType(nil)
}
