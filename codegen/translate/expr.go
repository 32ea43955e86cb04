package translate

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
	"github.com/covetpy/covetgen/runtime/pyval"
)

// goKind is the Go type of a compiled expression.
type goKind int

const (
	kindValue  goKind = iota // pyval.Value
	kindBool                 // bool
	kindString               // string
	kindItems                // []pyval.Value
)

// val is a compiled expression: Go code with no pending effects (its statements were
// emitted). atomic code reads the same value whenever evaluated (a variable, a constant,
// a temporary); tmp is set when code is the temporary of the last fallible call.
type val struct {
	code   *jen.Statement
	kind   goKind
	atomic bool
	typ    *ir.Type
	tmp    string
}

func q(name string) *jen.Statement { return jen.Qual(pyvalPkg, name) }

// callVal emits `_tN, err := call` and the error check.
func (f *fn) callVal(call *jen.Statement, kind goKind, typ *ir.Type) val {
	t := f.newTmp()
	prev := f.blk.errDecl
	f.emit(jen.List(jen.Id(t), jen.Err()).Op(":=").Add(call), f.errCheck())
	f.blk.errDecl = true
	f.blk.last = &lastCall{tmp: t, call: call, idx: len(f.blk.stmts), errDeclPrev: prev}
	return val{code: jen.Id(t), kind: kind, atomic: true, typ: typ, tmp: t}
}

// seq compiles expressions in order; a non-atomic result is evaluated into a temporary
// when a later expression needs statements (Python evaluates operands left to right).
func (f *fn) seq(exprs []ast.Expr, compile func(ast.Expr) val) []val {
	vals := make([]val, len(exprs))
	segs := make([][]jen.Code, len(exprs))
	lasts := make([]*lastCall, len(exprs))
	for i, e := range exprs {
		saved := f.blk.stmts
		f.blk.stmts, f.blk.last = nil, nil
		vals[i] = compile(e)
		segs[i], lasts[i] = f.blk.stmts, f.blk.last
		f.blk.stmts = saved
	}
	for i := range exprs {
		base := len(f.blk.stmts)
		f.emit(segs[i]...)
		f.blk.last = nil
		if lc := lasts[i]; lc != nil {
			f.blk.last = &lastCall{tmp: lc.tmp, call: lc.call, idx: base + lc.idx, errDeclPrev: lc.errDeclPrev}
		}
		later := false
		for _, s := range segs[i+1:] {
			later = later || len(s) > 0
		}
		if later && !vals[i].atomic {
			vals[i] = f.hoist(vals[i])
		}
	}
	return vals
}

// value compiles e to a pyval.Value.
func (f *fn) value(e ast.Expr) val {
	v := f.anyExpr(e)
	switch v.kind {
	case kindBool:
		return val{code: q("Bool").Call(v.code), atomic: v.atomic, typ: boolType}
	case kindString:
		return val{code: q("Str").Call(v.code), atomic: v.atomic, typ: strType}
	}
	return v
}

var (
	boolType  = &ir.Type{Kind: ir.KindBool}
	strType   = &ir.Type{Kind: ir.KindStr}
	intType   = &ir.Type{Kind: ir.KindInt}
	floatType = &ir.Type{Kind: ir.KindFloat}
	listType  = &ir.Type{Kind: ir.KindList}
	dictType  = &ir.Type{Kind: ir.KindDict}
	tupleType = &ir.Type{Kind: ir.KindTuple}
	noneType  = &ir.Type{Kind: ir.KindNone}
	bytesType = &ir.Type{Kind: ir.KindBytes}
)

func constType(v pyval.Value) *ir.Type {
	switch v.(type) {
	case pyval.Bool:
		return boolType
	case pyval.Int:
		return intType
	case pyval.Float:
		return floatType
	case pyval.Str:
		return strType
	case pyval.Bytes:
		return bytesType
	case *pyval.List:
		return listType
	case *pyval.Dict:
		return dictType
	case pyval.Tuple:
		return tupleType
	case pyval.NoneType:
		return noneType
	}
	return nil
}

// cond compiles e to a Go bool (its truth value).
func (f *fn) cond(e ast.Expr) *jen.Statement {
	switch x := e.(type) {
	case *ast.BoolOp:
		return f.boolOpCond(x)
	case *ast.UnaryOp:
		if x.Op == ast.Not {
			return jen.Op("!").Parens(f.cond(x.Operand))
		}
	}
	v := f.anyExpr(e)
	switch v.kind {
	case kindBool:
		return v.code
	case kindString:
		return jen.Parens(v.code.Clone().Op("!=").Lit(""))
	}
	return q("Truthy").Call(v.code)
}

// constLookup resolves module constants for constant folding (locals are never constant).
func (f *fn) constLookup(e ast.Expr) (pyval.Value, bool) {
	g, ok := f.lookupGlobal(e)
	if ok && (g.kind == gConst || g.kind == gStatus) && g.value != nil {
		return g.value, true
	}
	if ok && g.kind == gBuiltin {
		return builtinMarker{}, true
	}
	return nil, false
}

// lookupGlobal resolves a Name or dotted Attribute that refers to a module-level entity;
// ok is false for expressions rooted at a local (values).
func (f *fn) lookupGlobal(e ast.Expr) (global, bool) {
	switch x := e.(type) {
	case *ast.Name:
		if f.locals[x.Id] != nil {
			return global{}, false
		}
		if _, ok := f.compVars[x.Id]; ok {
			return global{}, false
		}
		if g, ok := f.localImportGlobal(x.Id); ok {
			return g, true // localimport.go
		}
		return f.u.resolveGlobal(f.mi, x.Id, f.app, 0), true
	case *ast.Attribute:
		if g, ok := f.classAttrGlobal(x); ok { // classattr_use.go
			return g, true
		}
		base, ok := f.lookupGlobal(x.Value)
		if !ok {
			return global{}, false
		}
		switch base.kind {
		case gModule, gFramework, gStdlibModule, gNone:
			return f.u.attrOf(base, x.Attr, f.app), true
		}
	}
	return global{}, false
}

func (f *fn) anyExpr(e ast.Expr) val {
	switch e.(type) {
	case *ast.Constant, *ast.Name:
	default:
		if v, ok := constEval(e, f.constLookup); ok {
			return f.constVal(v)
		}
	}
	if v, ok := f.fsPathValue(e); ok { // fspath.go
		return v
	}
	switch x := e.(type) {
	case nil:
		panic(refusal{pos: ir.Pos{File: f.mi.file}, what: "missing expression"})
	case *ast.Constant:
		v, ok := literal(x.Value)
		if !ok {
			f.refuse(x, "%s", constName(x.Value))
		}
		return f.constVal(v)
	case *ast.Name:
		return f.name(x)
	case *ast.Attribute:
		return f.attribute(x)
	case *ast.Subscript:
		return f.subscript(x)
	case *ast.BinOp:
		op, ok := binOps[x.Op]
		if !ok {
			f.refuse(x, "%s operator", opSymbol(x.Op))
		}
		vs := f.seq([]ast.Expr{x.Left, x.Right}, f.value)
		f.checkTemporalOp(x, vs[0].typ, vs[1].typ) // temporal.go
		return f.callVal(q(op.name).Call(vs[0].code, vs[1].code), kindValue, arithType(x.Op, vs[0].typ, vs[1].typ))
	case *ast.UnaryOp:
		if x.Op == ast.Not {
			return val{code: jen.Op("!").Parens(f.cond(x.Operand)), kind: kindBool, typ: boolType}
		}
		v := f.value(x.Operand)
		name := map[ast.UnaryOpKind]string{ast.USub: "Neg", ast.UAdd: "Pos", ast.Invert: "Invert"}[x.Op]
		t := v.typ
		if t != nil && t.Kind == ir.KindBool {
			t = intType
		}
		if !isNumberType(t) {
			t = nil
		}
		return f.callVal(q(name).Call(v.code), kindValue, t)
	case *ast.Compare:
		return f.compare(x)
	case *ast.BoolOp:
		return f.boolOp(x)
	case *ast.IfExp:
		return f.ifExp(x)
	case *ast.List:
		return f.listDisplay(x.Elts, false)
	case *ast.Tuple:
		return f.listDisplay(x.Elts, true)
	case *ast.Dict:
		return f.dictDisplay(x)
	case *ast.JoinedStr:
		return val{code: f.fstring(x), kind: kindString, typ: strType}
	case *ast.Call:
		return f.callExpr(x, false)
	case *ast.ListComp:
		return f.listComp(x.Elt, x.Generators)
	case *ast.DictComp:
		return f.dictComp(x)
	case *ast.Set:
		return f.setDisplay(x) // set.go
	case *ast.SetComp:
		return f.setComp(x) // set.go
	case *ast.GeneratorExp:
		f.refuse(x, "generator expression (outside list(), sorted(), sum(), any()... or str.join())")
	case *ast.Lambda:
		f.refuse(x, "lambda (outside a key= argument)")
	case *ast.Await:
		c, ok := x.Value.(*ast.Call)
		if !ok {
			f.refuse(x, "await of %s", exprName(x.Value))
		}
		return f.callExpr(c, true)
	}
	f.refuse(e, "%s", exprName(e))
	return val{}
}

// constVal is a value known at generation time: scalars inline, containers as frozen
// package variables (fresh ones when the owner mutates them).
func (f *fn) constVal(v pyval.Value) val {
	switch v.(type) {
	case *pyval.List, *pyval.Dict, pyval.Tuple:
		if f.u.hasState() {
			return val{code: freshDeep(v), typ: constType(v)} // nothing is frozen (state.go)
		}
		if f.noFreeze {
			return val{code: freshCode(v), typ: constType(v)}
		}
		if _, isTuple := v.(pyval.Tuple); isTuple || f.u.inline {
			return val{code: constCode(v), atomic: true, typ: constType(v)}
		}
		return val{code: jen.Id(f.u.kconst(v, f.mi.name)), atomic: true, typ: constType(v)}
	}
	return val{code: constCode(v), atomic: true, typ: constType(v)}
}

// freshCode builds a container anew each time (its items may be frozen constants).
func freshCode(v pyval.Value) *jen.Statement {
	switch x := v.(type) {
	case *pyval.List:
		items := make([]jen.Code, len(x.Items))
		for i, it := range x.Items {
			items[i] = constCode(it)
		}
		return q("NewList").Call(items...)
	case *pyval.Dict:
		var items []jen.Code
		for i, k := range x.Keys() {
			items = append(items, constCode(k), constCode(x.Values()[i]))
		}
		return q("DictOf").Call(items...)
	case pyval.Tuple: // a, b = [], {}: the items are bound to names
		items := make([]jen.Code, len(x))
		for i, it := range x {
			items[i] = freshCode(it)
		}
		return q("Tuple").Values(items...)
	}
	return constCode(v)
}

// kconst returns the package variable holding a constant result.
func (u *Unit) kconst(v pyval.Value, module string) string {
	code := constCode(v)
	key := fmt.Sprintf("%#v", code)
	if name, ok := u.kconsts[key]; ok {
		return name
	}
	u.kCount++
	name := u.goIdent("pyk_"+itoa(u.kCount), key)
	u.kconsts[key] = name
	u.decls = append(u.decls, jen.Commentf("%s is a constant of %s (frozen, pre-encoded).", name, module),
		jen.Var().Id(name).Qual(pyvalPkg, "Value").Op("=").Add(code))
	return name
}

func (f *fn) name(n *ast.Name) val {
	if g, ok := f.compVars[n.Id]; ok {
		f.checkExtUse(n, f.compTypes[g]) // members of an Enum class iterated (enumiter.go)
		f.checkReUse(n, f.compTypes[g])  // match objects of finditer (recall.go)
		return val{code: jen.Id(g), atomic: true, typ: f.compTypes[g]}
	}
	if l := f.locals[n.Id]; l != nil {
		if l.isParam && !l.hasVar {
			f.refuse(n, "use of parameter %s (no value is given for it)", n.Id)
		}
		l.used = true
		if !f.assigned[n.Id] {
			f.emit(jen.If(jen.Id(l.goName).Op("==").Nil()).Block(f.raiseTo(q("Unbound").Call(jen.Lit(n.Id)))...))
		}
		f.checkExtUse(n, f.types[n.Id])
		f.checkRespUse(n, f.types[n.Id])
		f.checkCallNextUse(n, f.types[n.Id]) // callnext.go
		f.checkInstUse(n, f.types[n.Id])     // instances.go
		f.checkClassObjUse(n, f.types[n.Id]) // classattr_use.go
		f.checkReUse(n, f.types[n.Id])       // recall.go
		return val{code: jen.Id(l.goName), atomic: true, typ: f.types[n.Id]}
	}
	g, _ := f.lookupGlobal(n)
	return f.globalValue(g, n)
}

// globalValue is a module-level entity used as a value.
func (f *fn) globalValue(g global, at ast.Expr) val {
	switch g.kind {
	case gConst:
		if g.set {
			if !f.memberOperands[at] {
				f.refuse(at, "use of the set %s other than as the right operand of in / not in", exprName(at))
			}
			return val{code: jen.Id(g.name), atomic: true}
		}
		if isRePattern(g.typ) {
			f.refuse(at, "use of the pattern %s other than calling its methods", exprName(at))
		}
		if g.value == nil {
			return val{code: jen.Id(g.name), atomic: true, typ: g.typ}
		}
		return val{code: jen.Id(g.name), atomic: true, typ: constType(g.value)}
	case gStatus:
		return val{code: constCode(g.value), atomic: true, typ: intType}
	case gState:
		// Not atomic: a call evaluated later may rebind it.
		f.useState()
		return val{code: jen.Id(g.name), typ: g.typ}
	case gNone, gStdlibModule:
		f.refuse(at, "%s", g.why)
	}
	f.refuse(at, "use of %s as a value", exprName(at))
	return val{}
}

func (f *fn) attribute(x *ast.Attribute) val {
	if v, ok := f.instAttribute(x); ok { // instances.go
		return v
	}
	if v, ok := f.excAttribute(x); ok { // exc_use.go
		return v
	}
	if v, ok := f.downstreamAttribute(x); ok { // callnext.go
		return v
	}
	if f.bgAttribute(x) { // background.go
		return val{}
	}
	if v, ok := f.respAttribute(x); ok {
		return v
	}
	if v, ok := f.temporalAttribute(x); ok { // temporal.go
		return v
	}
	if v, ok := f.extAttribute(x); ok {
		return v
	}
	if v, ok := f.stdlibConst(x); ok {
		return v
	}
	if g, ok := f.lookupGlobal(x); ok {
		return f.globalValue(g, x)
	}
	base := f.value(x.Value)
	if isValueKind(base.typ) {
		return f.temporalAttrOf(x, base) // temporal.go
	}
	m := modelOf(base.typ)
	if v, ok := f.unionAttribute(x, base); ok && m == nil { // unionattr.go
		return v
	}
	if m == nil {
		f.refuse(x, "attribute %s of a value of unknown type", x.Attr)
	}
	fd := m.Field(x.Attr)
	if fd == nil {
		f.refuse(x, "attribute %s (not a field of %s)", x.Attr, m.Name)
	}
	if !Holdable(fd.Type) {
		f.refuse(x, "attribute %s of type %s", x.Attr, fd.Type)
	}
	return f.callVal(q("GetAttr").Call(base.code, jen.Lit(x.Attr)), kindValue, f.fieldType(m, fd))
}

// modelOf returns the model a static type designates (Optional[Model] included).
func modelOf(t *ir.Type) *ir.Model {
	if t == nil {
		return nil
	}
	if t.Kind == ir.KindModel && t.Model != nil && t.Model.Kind != ir.TypedDict {
		return t.Model
	}
	if t.Kind == ir.KindUnion {
		nn := t.NonNone()
		if len(nn) == 1 {
			return modelOf(nn[0])
		}
	}
	return nil
}

// Holdable reports whether pyval can hold a value of type t exactly (Vars should only
// hold parameters of such types; model fields of other types are refused).
func Holdable(t *ir.Type) bool {
	if t == nil {
		return false
	}
	switch t.Kind {
	case ir.KindAny, ir.KindNone, ir.KindStr, ir.KindInt, ir.KindFloat, ir.KindBool, ir.KindBytes:
		return true
	case ir.KindList, ir.KindTuple, ir.KindUnion:
		for _, a := range t.Args {
			if !Holdable(a) {
				return false
			}
		}
		return true
	case ir.KindDict:
		if len(t.Args) == 2 {
			k := t.Args[0]
			return (k.Kind == ir.KindStr || k.Kind == ir.KindInt || k.Kind == ir.KindAny) && Holdable(t.Args[1])
		}
		return true
	case ir.KindLiteral:
		return plainLiteral(t)
	case ir.KindModel:
		return t.Model != nil && t.Model.Kind != ir.TypedDict
	}
	return isValueKind(t) // temporal.go
}

func (f *fn) subscript(x *ast.Subscript) val {
	if v, ok := f.downstreamSubscript(x); ok { // callnext.go
		return v
	}
	if v, ok := f.reqSubscript(x); ok {
		return v
	}
	if v, ok := f.reSubscript(x); ok { // recall.go
		return v
	}
	if sl, ok := x.Slice.(*ast.Slice); ok {
		exprs := []ast.Expr{x.Value}
		for _, b := range []ast.Expr{sl.Lower, sl.Upper, sl.Step} {
			if b != nil {
				exprs = append(exprs, b)
			}
		}
		vs := f.seq(exprs, f.value)
		args := []jen.Code{vs[0].code}
		k := 1
		for _, b := range []ast.Expr{sl.Lower, sl.Upper, sl.Step} {
			if b != nil {
				args = append(args, vs[k].code)
				k++
			} else {
				args = append(args, jen.Nil())
			}
		}
		t := vs[0].typ
		if t != nil && t.Kind != ir.KindList && t.Kind != ir.KindStr && t.Kind != ir.KindTuple && t.Kind != ir.KindBytes {
			t = nil
		}
		return f.callVal(q("Slice").Call(args...), kindValue, t)
	}
	vs := f.seq([]ast.Expr{x.Value, x.Slice}, f.value)
	return f.callVal(q("GetItem").Call(vs[0].code, vs[1].code), kindValue, itemType(vs[0].typ))
}

func itemType(t *ir.Type) *ir.Type {
	if t == nil {
		return nil
	}
	switch t.Kind {
	case ir.KindList:
		if len(t.Args) == 1 {
			return t.Args[0]
		}
	case ir.KindDict:
		if len(t.Args) == 2 {
			return t.Args[1]
		}
	case ir.KindTuple:
		if t.Variadic && len(t.Args) == 1 {
			return t.Args[0]
		}
	case ir.KindStr:
		return strType
	case ir.KindBytes:
		return intType
	}
	return nil
}

func arithType(op ast.Operator, a, b *ir.Type) *ir.Type {
	num := func(t *ir.Type) int {
		if t == nil {
			return 0
		}
		switch t.Kind {
		case ir.KindInt, ir.KindBool:
			return 1
		case ir.KindFloat:
			return 2
		}
		return 0
	}
	if t := temporalArithType(op, a, b); t != nil {
		return t
	}
	na, nb := num(a), num(b)
	if na > 0 && nb > 0 {
		switch op {
		case ast.Div:
			return floatType
		case ast.Pow:
			return nil
		case ast.BitAnd, ast.BitOr, ast.BitXor:
			if a.Kind == ir.KindBool && b.Kind == ir.KindBool {
				return boolType
			}
		}
		if na == 2 || nb == 2 {
			return floatType
		}
		return intType
	}
	if op == ast.Add && a != nil && b != nil && a.Kind == ir.KindStr && b.Kind == ir.KindStr {
		return strType
	}
	return nil
}

type binOp struct {
	name string
	fn   func(a, b pyval.Value) (pyval.Value, error)
}

var binOps = map[ast.Operator]binOp{
	ast.Add: {"Add", pyval.Add}, ast.Sub: {"Sub", pyval.Sub}, ast.Mult: {"Mul", pyval.Mul},
	ast.Div: {"TrueDiv", pyval.TrueDiv}, ast.FloorDiv: {"FloorDiv", pyval.FloorDiv},
	ast.Mod: {"Mod", pyval.Mod}, ast.Pow: {"Pow", pyval.Pow}, ast.LShift: {"LShift", pyval.LShift},
	ast.RShift: {"RShift", pyval.RShift}, ast.BitAnd: {"BitAnd", pyval.BitAnd},
	ast.BitOr: {"BitOr", pyval.BitOr}, ast.BitXor: {"BitXor", pyval.BitXor},
}

func opSymbol(op ast.Operator) string {
	return map[ast.Operator]string{ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.MatMult: "@",
		ast.Div: "/", ast.Mod: "%", ast.Pow: "**", ast.LShift: "<<", ast.RShift: ">>",
		ast.BitOr: "|", ast.BitXor: "^", ast.BitAnd: "&", ast.FloorDiv: "//"}[op]
}

// plainLiteral reports whether every value of the Literal type t is a str, int, bool or
// None (pyval holds them as plain values).
func plainLiteral(t *ir.Type) bool {
	for _, v := range t.Values {
		switch v.(type) {
		case ir.Str, ir.Int, ir.Bool, ir.None:
		default:
			return false
		}
	}
	return true
}
