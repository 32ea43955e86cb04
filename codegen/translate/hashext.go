package translate

import (
	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/parser/ast"
	"github.com/covetpy/covetgen/runtime/pyval"
)

// hashExtCall compiles hmac.new(key, msg, digestmod).hexdigest() / .digest() (digestmod
// hashlib.<algo> or a constant name) and hashlib.blake2b(data, digest_size=, key=)
// .hexdigest() / .digest(); ok false when c is neither.
func (f *fn) hashExtCall(c *ast.Call, at *ast.Attribute) (val, bool) {
	if at.Attr != "hexdigest" && at.Attr != "digest" {
		return val{}, false
	}
	inner, ok := at.Value.(*ast.Call)
	if !ok {
		return val{}, false
	}
	ctor, ok := inner.Func.(*ast.Attribute)
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
