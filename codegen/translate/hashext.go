package translate

import (
	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
	"github.com/covetpy/covetgen/runtime/pyval"
)

// hashExtCall compiles hmac.new(key, msg, digestmod).hexdigest() / .digest() (digestmod
// hashlib.<algo> or a constant name) and hashlib.blake2b(data, digest_size=, key=)
// .hexdigest() / .digest(); ok false when c is neither.
func (f *fn) hashExtCall(c *ast.Call, at *ast.Attribute) (val, bool) {
	if v, ok := f.hashObjMethod(c, at); ok {
		return v, true
	}
	inner, ctor, ok := digestOf(at)
	if !ok {
		return val{}, false
	}
	mod := f.stdlibModuleOf(ctor.Value)
	hexOut := jen.Lit(at.Attr == "hexdigest")
	t := strType
	if at.Attr == "digest" {
		t = bytesType
	}
	switch {
	case mod == "hmac" && ctor.Attr == "new":
		if len(c.Args) > 0 || len(c.Keywords) > 0 {
			f.refuse(c, "%s() with arguments", at.Attr)
		}
		ps := reParams(inner, []string{"key", "msg", "digestmod"}, "hmac.new()", f.refuse)
		algo := f.digestmod(inner, ps["digestmod"])
		exprs := []ast.Expr{ps["key"]}
		if ps["key"] == nil {
			f.refuse(inner, "hmac.new() without a key")
		}
		if m, ok := ps["msg"]; ok {
			exprs = append(exprs, m)
		}
		vs := f.seq(exprs, f.value)
		msg := jen.Code(jen.Nil())
		if len(vs) > 1 {
			msg = vs[1].code
		}
		return f.callVal(q("HmacDigest").Call(jen.Lit(algo), vs[0].code, msg, hexOut), kindValue, t), true
	case mod == "hashlib" && ctor.Attr == "blake2b":
		if len(c.Args) > 0 || len(c.Keywords) > 0 {
			f.refuse(c, "%s() with arguments", at.Attr)
		}
		ps := reParams(inner, []string{"data", "digest_size", "key"}, "hashlib.blake2b()", f.refuse)
		for _, k := range inner.Keywords {
			if *k.Arg == "data" {
				f.refuse(k, "keyword argument data of hashlib.blake2b() (positional-only: a TypeError in Python)")
			}
		}
		if len(inner.Args) > 1 {
			f.refuse(inner, "hashlib.blake2b() with %d positional arguments", len(inner.Args))
		}
		var exprs []ast.Expr
		var names []string
		for _, a := range inner.Args {
			exprs, names = append(exprs, a), append(names, "data")
		}
		for _, k := range inner.Keywords {
			exprs, names = append(exprs, ps[*k.Arg]), append(names, *k.Arg)
		}
		vs := f.seq(exprs, f.value)
		arg := map[string]jen.Code{"data": jen.Nil(), "digest_size": jen.Nil(), "key": jen.Nil()}
		for i, n := range names {
			arg[n] = vs[i].code
		}
		return f.callVal(q("Blake2bDigest").Call(arg["data"], arg["digest_size"], arg["key"], hexOut), kindValue, t), true
	}
	return val{}, false
}

// digestmod resolves hmac.new's digestmod: hashlib.<algo> or a constant algorithm name.
func (f *fn) digestmod(c *ast.Call, e ast.Expr) string {
	if e == nil {
		f.refuse(c, "hmac.new() without digestmod (a TypeError in Python)")
	}
	if at, ok := e.(*ast.Attribute); ok && f.stdlibModuleOf(at.Value) == "hashlib" && pyval.IsHashAlgorithm(at.Attr) {
		return at.Attr
	}
	if s, ok := constStr(e); ok && pyval.IsHashAlgorithm(s) {
		return s
	}
	f.refuse(e, "digestmod %s of hmac.new() (only hashlib.md5, sha1, sha224, sha256, sha384, sha512 or their names)", exprName(e))
	return ""
}

// hashObjType is the static type of a hashlib or hmac object a body builds.
var hashObjType = &ir.Type{Kind: ir.KindClass, Name: "hashlib.HASH"}

func isHashObj(t *ir.Type) bool { return isClassType(t, hashObjType.Name) }

// hashObjCall compiles a hashlib / hmac constructor used as a value (then fed by
// update()): hashlib.<algo>(data), hashlib.new(name, data), hashlib.blake2b(data,
// digest_size=, key=), hmac.new(key, msg, digestmod); ok false for other functions.
func (f *fn) hashObjCall(c *ast.Call, mod, name string) (val, bool) {
	var code *jen.Statement
	switch {
	case mod == "hashlib" && (pyval.IsHashAlgorithm(name) || name == "new"):
		what := "hashlib." + name + "()"
		names := []string{"data"}
		algo := name
		if name == "new" {
			names = []string{"name", "data"}
		}
		ps := reParams(c, names, what, f.refuse)
		if name == "new" {
			s, ok := constStr(ps["name"])
			if !ok || !pyval.IsHashAlgorithm(s) {
				f.refuse(c, "hashlib.new() of other than a constant md5, sha1, sha224, sha256, sha384 or sha512")
			}
			algo = s
		}
		data := jen.Code(jen.Nil())
		if d, ok := ps["data"]; ok {
			data = f.value(d).code
		}
		code = q("HashNew").Call(jen.Lit(algo), data)
	case mod == "hashlib" && name == "blake2b":
		for _, k := range c.Keywords {
			if k != nil && k.Arg != nil && *k.Arg == "data" {
				f.refuse(k, "keyword argument data of hashlib.blake2b() (positional-only: a TypeError in Python)")
			}
		}
		ps := reParams(c, []string{"data", "digest_size", "key"}, "hashlib.blake2b()", f.refuse)
		if len(c.Args) > 1 {
			f.refuse(c, "hashlib.blake2b() with %d positional arguments", len(c.Args))
		}
		args := f.hashArgs(c, ps, []string{"data", "digest_size", "key"})
		code = q("Blake2bNew").Call(args...)
	case mod == "hmac" && name == "new":
		ps := reParams(c, []string{"key", "msg", "digestmod"}, "hmac.new()", f.refuse)
		algo := f.digestmod(c, ps["digestmod"])
		if ps["key"] == nil {
			f.refuse(c, "hmac.new() without a key")
		}
		args := f.hashArgs(c, ps, []string{"key", "msg"})
		code = q("HmacNew").Call(append([]jen.Code{jen.Lit(algo)}, args...)...)
	default:
		return val{}, false
	}
	if !f.reUseOK(c) {
		f.refuse(c, "use of a %s object other than binding it to a name or calling its update(), hexdigest() or digest()", mod)
	}
	return f.callVal(code, kindValue, hashObjType), true
}

// hashArgs compiles the arguments of c that ps binds to names, in source order, and
// returns them in the order of names (nil for the absent ones).
func (f *fn) hashArgs(c *ast.Call, ps map[string]ast.Expr, names []string) []jen.Code {
	wanted := map[ast.Expr]bool{}
	for _, n := range names {
		if e, ok := ps[n]; ok {
			wanted[e] = true
		}
	}
	var exprs []ast.Expr
	for _, a := range c.Args {
		if wanted[a] {
			exprs = append(exprs, a)
		}
	}
	for _, k := range c.Keywords {
		if wanted[k.Value] {
			exprs = append(exprs, k.Value)
		}
	}
	vs := f.seq(exprs, f.value)
	byExpr := map[ast.Expr]jen.Code{}
	for i, e := range exprs {
		byExpr[e] = vs[i].code
	}
	out := make([]jen.Code, len(names))
	for i, n := range names {
		out[i] = jen.Nil()
		if e, ok := ps[n]; ok {
			out[i] = byExpr[e]
		}
	}
	return out
}

// hashObjMethod compiles h.update(data), h.hexdigest() and h.digest() of a hash object;
// ok false when the receiver is not one.
func (f *fn) hashObjMethod(c *ast.Call, at *ast.Attribute) (val, bool) {
	if !isHashObj(f.staticType(at.Value)) {
		return val{}, false
	}
	switch at.Attr {
	case "update":
		ps := reParams(c, []string{"data"}, "update()", f.refuse)
		if ps["data"] == nil {
			f.refuse(c, "update() without data (a TypeError in Python)")
		}
		vs := f.seq([]ast.Expr{at.Value, ps["data"]}, f.value)
		return f.callVal(q("HashUpdate").Call(vs[0].code, vs[1].code), kindValue, noneType), true
	case "hexdigest", "digest":
		if len(c.Args) > 0 || len(c.Keywords) > 0 {
			f.refuse(c, "%s() with arguments", at.Attr)
		}
		t := strType
		if at.Attr == "digest" {
			t = bytesType
		}
		recv := f.value(at.Value)
		return f.callVal(q("HashObjDigest").Call(recv.code, jen.Lit(at.Attr == "hexdigest")), kindValue, t), true
	}
	f.refuse(c, "call of method %s() of a hash object", at.Attr)
	return val{}, false
}
