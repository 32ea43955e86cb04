package translate

import (
	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
	"github.com/covetpy/covetgen/runtime/pyval"
)

// builtinFuncs are the builtin functions a body may call.
var builtinFuncs = map[string]bool{
	"len": true, "str": true, "repr": true, "ascii": true, "int": true, "float": true,
	"bool": true, "abs": true, "min": true, "max": true, "sum": true, "round": true,
	"isinstance": true, "list": true, "tuple": true, "dict": true, "divmod": true,
	"ord": true, "map": true, // builtin_mapord.go
}

// builtinTypes are the classes isinstance accepts, by their type name.
var builtinTypes = map[string]string{"int": "int", "float": "float", "str": "str", "bool": "bool",
	"list": "list", "dict": "dict", "tuple": "tuple", "bytes": "bytes", "object": "object"}

func isBuiltinExc(name string) bool {
	return pyval.IsBuiltinException(name) && name != "ValidationError" && name != "JSONDecodeError" &&
		name != "DivisionByZero" && name != "InvalidOperation" // decimal's (temporal.go)
}

// calleeGlobal resolves the callee of a call or raise to a module-level entity.
func (f *fn) calleeGlobal(e ast.Expr) global {
	g, ok := f.lookupGlobal(e)
	if !ok {
		return global{why: "call of " + exprName(e)}
	}
	return g
}

func (f *fn) callExpr(c *ast.Call, await bool) val {
	if v, ok := f.bareObjectCall(c, await); ok { // bareobject.go
		return v
	}
	if v, ok := f.genericModelCall(c, await); ok { // generic_call.go
		return v
	}
	if v, ok := f.callNextCall(c, await); ok { // callnext.go
		return v
	}
	if v, ok := f.instMethodCall(c, await); ok { // instances.go
		return v
	}
	if v, ok := f.typeOfInst(c); ok { // classattr_use.go
		return v
	}
	if v, ok := f.asyncioCall(c, await); ok { // asyncio_gather.go
		return v
	}
	if v, ok := f.taskResultCall(c); ok { // asyncio_taskgroup.go
		return v
	}
	if v, ok := f.asyncSleep(c, await); ok { // background_sleep.go
		return v
	}
	if v, ok := f.excSuperInit(c); ok { // exc_use.go
		return v
	}
	if v, ok := f.reqUploadCall(c, await); ok { // reqbody.go, upload.go
		return v
	}
	g, isGlobal := f.lookupGlobal(c.Func)
	if !isGlobal {
		if at, ok := c.Func.(*ast.Attribute); ok && !await {
			return f.methodCall(c, at)
		}
		if await {
			f.refuse(c, "await of %s", exprName(c))
		}
		f.refuse(c, "call of %s", exprName(c.Func))
	}
	if await && g.kind != gFunc {
		f.refuse(c, "await of %s", exprName(c))
	}
	if v, ok := f.sseEventCall(g, c); ok { // stream_sse.go
		return v
	}
	switch g.kind {
	case gBuiltin:
		return f.builtinCall(g.name, c)
	case gModel:
		return f.modelCall(g.model, c, false)
	case gTypedDict:
		return f.modelCall(g.model, c, true)
	case gFunc:
		return f.helperCall(g, c, await)
	case gConst:
		if at, ok := c.Func.(*ast.Attribute); ok {
			return f.methodCall(c, at)
		}
	case gNone, gStdlibModule:
		if v, ok := f.hasattrCall(c); ok { // reqform.go
			return v
		}
		if v, ok := f.temporalCall(c); ok { // temporal.go
			return v
		}
		if v, ok := f.stdlibCall(c); ok {
			return v
		}
		if g.why != "" {
			f.refuse(c, "%s", g.why)
		}
	case gFramework:
		if v, ok := f.bgCall(g.name, c); ok { // background.go
			return v
		}
		if v, ok := f.streamingRespCall(g.name, c); ok { // stream_resp.go
			return v
		}
		if v, ok := f.respCall(g.name, c); ok {
			return v
		}
	case gOtherClass:
		if info := f.excOf(g); info != nil { // exc_class.go
			return f.excConstruct(info, c)
		}
		if v, ok := f.instNew(g, c); ok { // instnew.go
			return v
		}
		if v, ok := f.customRespCall(g, c); ok { // respclass.go
			return v
		}
	case gHTTPExc:
		return f.callVal(q("HTTPExceptionValue").Call(f.httpExcArgs(c)...), kindValue, httpValueType) // exc_use.go
	case gBuiltinExc:
		return f.builtinExcValue(g.name, c) // exc_value.go
	}
	f.refuse(c, "call of %s", exprName(c.Func))
	return val{}
}

func (f *fn) noStar(c *ast.Call) {
	for _, a := range c.Args {
		if _, ok := a.(*ast.Starred); ok {
			f.refuse(a, "call with *arguments")
		}
	}
	for _, k := range c.Keywords {
		if k == nil || k.Arg == nil {
			f.refuse(c, "call with **arguments")
		}
	}
}

// args compiles positional arguments then the keyword arguments named in allowed (others
// refused), in source order.
func (f *fn) args(c *ast.Call, what string, allowed ...string) ([]val, map[string]val) {
	f.noStar(c)
	exprs := append([]ast.Expr{}, c.Args...)
	var names []string
	for _, k := range c.Keywords {
		ok := false
		for _, a := range allowed {
			ok = ok || a == *k.Arg || a == "*"
		}
		if !ok {
			f.refuse(k, "keyword argument %s of %s", *k.Arg, what)
		}
		exprs = append(exprs, k.Value)
		names = append(names, *k.Arg)
	}
	vs := f.seq(exprs, f.value)
	kw := map[string]val{}
	for i, n := range names {
		kw[n] = vs[len(c.Args)+i]
	}
	return vs[:len(c.Args)], kw
}

func (f *fn) builtinCall(name string, c *ast.Call) val {
	nargs := len(c.Args)
	want := func(lo, hi int) {
		if nargs < lo || nargs > hi {
			f.refuse(c, "call of %s with %d arguments", name, nargs)
		}
	}
	one := func(fname string, typ *ir.Type) val {
		want(1, 1)
		as, _ := f.args(c, name)
		return f.callVal(q(fname).Call(as[0].code), kindValue, typ)
	}
	if v, ok := f.mapOrdCall(name, c); ok { // builtin_mapord.go
		return v
	}
	if v, ok := f.iterBuiltin(name, c); ok {
		return v
	}
	if v, ok := f.reqLen(name, c); ok { // callnext_len.go
		return v
	}
	if v, ok := f.reqBuiltin(name, c); ok { // reqvalues.go
		return v
	}
	switch name {
	case "set", "frozenset":
		return f.setCall(name, c) // set.go
	case "getattr":
		return f.getattrCall(c) // getattr.go
	case "len":
		return one("Len", intType)
	case "abs":
		as, _ := f.args(c, name)
		want(1, 1)
		t := as[0].typ
		if !isNumberType(t) {
			t = nil
		} else if t.Kind == ir.KindBool {
			t = intType
		}
		return f.callVal(q("Abs").Call(as[0].code), kindValue, t)
	case "round":
		if nargs == 2 || len(c.Keywords) > 0 {
			want(1, 2)
			as, kw := f.args(c, name, "ndigits")
			nd, ok := kw["ndigits"]
			if nargs == 2 {
				if ok {
					f.refuse(c, "round with ndigits given twice")
				}
				nd, ok = as[1], true
			}
			if !ok {
				nd = val{code: q("None")}
			}
			t := as[0].typ
			if !isNumberType(t) || t.Kind == ir.KindFloat { // round(x, None) is an int
				t = nil
			} else if t.Kind == ir.KindBool {
				t = intType
			}
			return f.callVal(q("RoundN").Call(as[0].code, nd.code), kindValue, t)
		}
		return one("Round", intType)
	case "str", "repr", "ascii":
		want(0, 1)
		if nargs == 0 && name == "str" {
			f.args(c, name)
			return val{code: q("Str").Call(jen.Lit("")), atomic: true, typ: strType}
		}
		want(1, 1)
		fname := map[string]string{"str": "StrOf", "repr": "Repr", "ascii": "Ascii"}[name]
		return one(fname, strType)
	case "int", "float":
		want(0, 1)
		if nargs == 0 {
			f.args(c, name)
			if name == "int" {
				return f.constVal(pyval.IntOf(0))
			}
			return f.constVal(pyval.Float(0))
		}
		if name == "int" {
			return one("ToInt", intType)
		}
		return one("ToFloat", floatType)
	case "bool":
		want(0, 1)
		if nargs == 0 {
			f.args(c, name)
			return f.constVal(pyval.False)
		}
		as, _ := f.args(c, name)
		return val{code: q("Truthy").Call(as[0].code), kind: kindBool, typ: boolType}
	case "list", "tuple":
		want(0, 1)
		as, _ := f.consumerArgs(c, name)
		arg := jen.Nil()
		if nargs == 1 {
			arg = as[0].code
		}
		if name == "list" {
			lt := listType
			if nargs == 1 {
				if it := iterItemType(as[0].typ); it != nil {
					lt = listOf(it) // a new list of the same items
				}
			}
			return f.callVal(q("ToList").Call(arg), kindValue, lt)
		}
		return f.callVal(q("ToTuple").Call(arg), kindValue, tupleType)
	case "dict":
		if nargs > 0 {
			if nargs > 1 || len(c.Keywords) > 0 {
				f.refuse(c, "dict() with a positional argument and keywords")
			}
			as, _ := f.consumerArgs(c, "dict()")
			return f.callVal(q("DictFrom").Call(as[0].code), kindValue, dictType)
		}
		return f.kwDict(c, "dict()")
	case "divmod":
		want(2, 2)
		as, _ := f.args(c, name)
		return f.callVal(q("DivMod").Call(as[0].code, as[1].code), kindValue, nil)
	case "min", "max":
		if nargs == 0 {
			f.refuse(c, "call of %s with 0 arguments", name)
		}
		var as []val
		var kw map[string]val
		if nargs == 1 {
			as, kw = f.consumerArgs(c, name, "default")
		} else {
			as, kw = f.args(c, name, "default")
		}
		items := make([]jen.Code, len(as))
		for i, a := range as {
			items[i] = a.code
		}
		def := jen.Nil()
		if d, ok := kw["default"]; ok {
			def = d.code
		}
		fname := map[string]string{"min": "Min", "max": "Max"}[name]
		return f.callVal(q(fname).Call(jen.Index().Qual(pyvalPkg, "Value").Values(items...), def), kindValue, minMaxType(as, kw))
	case "sum":
		want(1, 2)
		as, kw := f.consumerArgs(c, name, "start")
		start := jen.Nil()
		if nargs == 2 {
			start = as[1].code
		} else if s, ok := kw["start"]; ok {
			start = s.code
		}
		return f.callVal(q("Sum").Call(as[0].code, start), kindValue, nil)
	case "isinstance":
		want(2, 2)
		if v, ok := f.excIsinstance(c); ok { // exc_use.go
			return v
		}
		if v, ok := f.modelIsinstance(c); ok { // isinstance_model.go
			return v
		}
		types := f.isinstanceTypes(c.Args[1])
		as := f.seq(c.Args[:1], f.value)
		if len(c.Keywords) > 0 {
			f.refuse(c, "keyword arguments to isinstance")
		}
		args := []jen.Code{as[0].code}
		for _, t := range types {
			args = append(args, jen.Lit(t))
		}
		return val{code: q("IsInstance").Call(args...), kind: kindBool, typ: boolType}
	}
	f.refuse(c, "call of %s", name)
	return val{}
}

// isinstanceTypes reads isinstance's second argument: builtin classes only.
func (f *fn) isinstanceTypes(e ast.Expr) []string {
	switch x := e.(type) {
	case *ast.Tuple:
		var out []string
		for _, el := range x.Elts {
			out = append(out, f.isinstanceTypes(el)...)
		}
		return out
	case *ast.Call:
		if n, ok := x.Func.(*ast.Name); ok && n.Id == "type" && f.locals["type"] == nil && len(x.Args) == 1 && len(x.Keywords) == 0 {
			if c, ok := x.Args[0].(*ast.Constant); ok {
				if _, none := c.Value.(ast.NoneValue); none {
					return []string{"NoneType"}
				}
			}
		}
	case *ast.Name:
		if g, ok := f.lookupGlobal(x); ok && g.kind == gBuiltin && builtinTypes[g.name] != "" {
			return []string{builtinTypes[g.name]}
		}
	}
	f.refuse(e, "isinstance with %s", exprName(e))
	return nil
}

// kwDict builds the dict of a call's keyword arguments (** merged, duplicates a
// TypeError).
func (f *fn) kwDict(c *ast.Call, what string) val {
	unpack := false
	for _, k := range c.Keywords {
		if k == nil {
			f.refuse(c, "malformed keyword argument")
		}
		unpack = unpack || k.Arg == nil
	}
	if !unpack {
		exprs := make([]ast.Expr, len(c.Keywords))
		for i, k := range c.Keywords {
			exprs[i] = k.Value
		}
		vs := f.seq(exprs, f.value)
		var items []jen.Code
		for i, k := range c.Keywords {
			items = append(items, q("Str").Call(jen.Lit(*k.Arg)), vs[i].code)
		}
		return val{code: q("DictOf").Call(items...), typ: dictType}
	}
	t := f.newTmp()
	f.emit(jen.Id(t).Op(":=").Add(q("DictOf").Call()))
	for _, k := range c.Keywords {
		v := f.value(k.Value)
		if k.Arg == nil {
			f.errOnly(q("KwUpdate").Call(jen.Id(t), v.code))
			continue
		}
		f.errOnly(q("KwUpdate").Call(jen.Id(t), q("DictOf").Call(q("Str").Call(jen.Lit(*k.Arg)), v.code)))
	}
	return val{code: jen.Id(t), atomic: true, typ: dictType}
}

// modelCall is Model(field=..., **kw): pydantic validation in the generated constructor.
func (f *fn) modelCall(m *ir.Model, c *ast.Call, typedDict bool) val {
	if m.Kind == ir.Dataclass && !typedDict {
		return f.dataclassCall(m, c) // unvalidated_dataclass.go
	}
	if len(c.Args) > 0 {
		f.refuse(c, "positional arguments to %s", m.Name)
	}
	if typedDict {
		return f.kwDict(c, m.Name)
	}
	switch {
	case m.Kind != ir.BaseModel:
		f.refuse(c, "construction of %s (a dataclass)", m.Name)
	case m.Root:
		f.refuse(c, "construction of %s (a RootModel)", m.Name)
	case m.Unresolved:
		f.refuse(c, "construction of %s (a model not fully resolved)", m.Name)
	case len(m.Validators) > 0 && !f.u.validatorsNative(m):
		f.refuse(c, "construction of %s (a model with validators)", m.Name)
	case len(m.TypeParams) > 0:
		f.refuse(c, "construction of %s (a generic model)", m.Name)
	}
	kw := f.kwDict(f.decimalLiterals(m, c), m.Name) // decimalarg.go
	f.u.useModel(m)
	ctor := jen.Add(f.u.names.ModelNew(m))
	return f.callVal(jen.Add(f.keepNulls(c, m, kw.code, ctor)), kindValue, &ir.Type{Kind: ir.KindModel, Name: m.Name, Model: m})
}

// Methods a body may call, with the keyword arguments they take.
var strMethods = map[string][]string{"upper": nil, "lower": nil, "title": nil, "strip": nil, "lstrip": nil,
	"rstrip": nil, "startswith": nil, "endswith": nil, "replace": nil, "split": {"sep", "maxsplit"},
	"join": nil, "format": {"*"}}

// Methods that mutate their receiver (a list or dict the function owns).
var ownedMethods = map[string]bool{"append": true, "extend": true, "insert": true, "pop": true,
	"remove": true, "reverse": true, "clear": true, "sort": true, "setdefault": true,
	"update": true, "popitem": true}

// More read-only methods of str, list, tuple and bytes.
var moreMethods = map[string]*ir.Type{"find": intType, "rfind": intType, "index": intType,
	"rindex": intType, "count": intType, "removeprefix": strType, "removesuffix": strType,
	"partition": nil, "rpartition": nil, "zfill": strType, "ljust": strType, "rjust": strType,
	"center": strType, "isdecimal": boolType, "isascii": boolType, "hex": strType}

var methodResult = map[string]*ir.Type{"upper": strType, "lower": strType, "title": strType, "strip": strType,
	"lstrip": strType, "rstrip": strType, "replace": strType, "join": strType, "format": strType,
	"split": {Kind: ir.KindList, Args: []*ir.Type{strType}}, "model_dump": dictType, "dict": dictType,
	"find": intType, "rfind": intType, "rindex": intType, "removeprefix": strType,
	"removesuffix": strType, "zfill": strType, "ljust": strType, "rjust": strType,
	"center": strType, "isdecimal": boolType, "isascii": boolType, "hex": strType}

func (f *fn) methodCall(c *ast.Call, at *ast.Attribute) val {
	if v, ok := f.downstreamMethod(c, at); ok { // callnext.go
		return v
	}
	if v, ok := f.respMethod(c, at); ok {
		return v
	}
	if v, ok := f.bgMethod(c, at); ok { // background.go
		return v
	}
	if v, ok := f.hashCall(c, at); ok {
		return v
	}
	if v, ok := f.reMethod(c, at); ok { // recall.go
		return v
	}
	if v, ok := f.hashExtCall(c, at); ok { // hashext.go
		return v
	}
	if v, ok := f.dumpJSONCall(c, at); ok { // dumpjson.go
		return v
	}
	if v, ok := f.modelCopy(c, at); ok { // modelcopy.go
		return v
	}
	if v, ok := f.temporalMethodCall(c, at); ok { // temporal.go
		return v
	}
	name := at.Attr
	var recv val
	var kwAllowed []string
	switch {
	case name == "sort":
		return f.listSort(c, at)
	case ownedMethods[name]:
		recv = f.ownedBase(at.Value)
		if name == "update" {
			kwAllowed = []string{"*"}
		}
	case name == "decode":
		kwAllowed = f.checkDecodeArgs(c) // decode.go
		recv = f.value(at.Value)
	case name == "encode":
		for i, a := range c.Args {
			if s, ok := constStr(a); !ok || i == 0 && !knownEncoding(s) || i == 1 && s != "strict" {
				f.refuse(a, "%s() argument %s (only \"utf-8\", \"ascii\" and \"strict\")", name, exprName(a))
			}
		}
		if len(c.Keywords) > 0 {
			f.refuse(c, "%s() with keyword arguments", name)
		}
		recv = f.value(at.Value)
	case moreMethods[name] != nil || name == "partition" || name == "rpartition":
		recv = f.value(at.Value)
	case name == "model_dump" || name == "dict":
		recv = f.value(at.Value)
		m := modelOf(recv.typ)
		if m == nil {
			f.refuse(c, "call of method %s() on a value of unknown type", name)
		}
		if len(c.Args) > 0 {
			f.refuse(c, "%s() with positional arguments", name)
		}
		f.checkDumpable(c, m)
		f.checkDumpUse(c, m)
		if len(c.Keywords) > 0 {
			return f.dumpWith(c, name, recv, m) // dumpext.go
		}
	case name == "get" || name == "copy":
		recv = f.value(at.Value)
	default:
		kws, ok := strMethods[name]
		if !ok {
			f.refuse(c, "call of method %s()", name)
		}
		recv = f.value(at.Value)
		kwAllowed = kws
	}
	if !recv.atomic {
		recv = f.hoist(recv)
	}
	var as []val
	var kw map[string]val
	if name == "join" && len(c.Args) == 1 {
		as, kw = f.consumerArgs(c, name+"()", kwAllowed...)
	} else {
		as, kw = f.args(c, name+"()", kwAllowed...)
	}
	if ownedMethods[name] {
		f.checkTypedMethod(c, at, name, recv, as, kw) // statetype.go
	}
	args := []jen.Code{recv.code, jen.Lit(name)}
	if len(kw) == 0 {
		for _, a := range as {
			args = append(args, a.code)
		}
		rt := methodResult[name]
		if m := modelOf(recv.typ); m != nil && (name == "model_dump" || name == "dict") {
			rt = dumpType(m)
		}
		if name == "get" && len(as) == 2 && recv.typ != nil && recv.typ.Kind == ir.KindDict && len(recv.typ.Args) == 2 &&
			sameType(as[1].typ, recv.typ.Args[1]) && f.isStateExpr(at.Value) {
			// STATE.get(k, default) of module state typed by its annotation (statetype.go):
			// an item or the default, of one static type
			rt = recv.typ.Args[1]
		}
		if gt := f.stateGetType(at, recv, len(as)); gt != nil {
			rt = gt // STATE.get(k): Optional of the item type (narrow.go)
		}
		if lt := f.literalStrMethod(c, name, recv.typ); lt != nil {
			rt = lt // getattr.go
		}
		return f.callVal(q("CallMethod").Call(args...), kindValue, rt)
	}
	items := make([]jen.Code, len(as))
	for i, a := range as {
		items[i] = a.code
	}
	args = append(args, jen.Index().Qual(pyvalPkg, "Value").Values(items...))
	for _, k := range c.Keywords {
		args = append(args, q("KW").Values(jen.Dict{jen.Id("Name"): jen.Lit(*k.Arg), jen.Id("Value"): kw[*k.Arg].code}))
	}
	return f.callVal(q("CallMethodKw").Call(args...), kindValue, methodResult[name])
}

// checkDumpable refuses model_dump() of models whose dump needs Python code or data the
// Model contract does not carry.
func (f *fn) checkDumpable(c *ast.Call, m *ir.Model) {
	switch {
	case m.Kind != ir.BaseModel:
		f.refuse(c, "model_dump() of %s (a dataclass has no such method)", m.Name)
	case len(m.Computed) > 0:
		f.refuse(c, "model_dump() of %s (computed fields)", m.Name)
	case len(m.Validators) > 0 && !f.u.validatorsNative(m):
		f.refuse(c, "model_dump() of %s (validators or serializers)", m.Name)
	case m.Root:
		f.refuse(c, "model_dump() of %s (a RootModel)", m.Name)
	case m.Config.Extra == "allow":
		f.refuse(c, "model_dump() of %s (extra fields allowed)", m.Name)
	case m.Kind != ir.BaseModel:
		f.refuse(c, "model_dump() of %s (not a BaseModel)", m.Name)
	}
	for _, fd := range m.Fields {
		if !f.u.dumpHoldable(fd.Type) {
			f.refuse(c, "model_dump() of %s (field %s of type %s)", m.Name, fd.Name, fd.Type)
		}
		for _, sub := range nestedModels(fd.Type) {
			if sub != m {
				f.checkDumpable(c, sub)
			}
		}
	}
}

// nestedModels lists the models a field type contains.
func nestedModels(t *ir.Type) []*ir.Model {
	if t == nil {
		return nil
	}
	var out []*ir.Model
	if t.Kind == ir.KindModel && t.Model != nil {
		out = append(out, t.Model)
	}
	for _, a := range t.Args {
		out = append(out, nestedModels(a)...)
	}
	return out
}

// minMaxType is the static type of min / max of as (without key=): one of the items of
// the one iterable argument, or one of the arguments, all of one type (nil: unknown,
// or a default= that may be returned instead).
func minMaxType(as []val, kw map[string]val) *ir.Type {
	if len(kw) > 0 || len(as) == 0 {
		return nil
	}
	if len(as) == 1 {
		return iterItemType(as[0].typ)
	}
	for _, a := range as[1:] {
		if !sameType(a.typ, as[0].typ) {
			return nil
		}
	}
	return as[0].typ
}
