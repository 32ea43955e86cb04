package codegen

import (
	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/runtime/middleware"
	jen "github.com/dave/jennifer/jen"
)

// middlewareStack returns the router's Middleware option for the app's middleware: the
// Starlette classes with constant options, outermost (declared last) first, or false with
// refusals.
func (g *gen) middlewareStack(a *ir.App) []jen.Code {
	var stmts, mws []jen.Code
	for _, m := range a.Middleware {
		c, good := g.middleware(a, m)
		if !good {
			continue
		}
		if call, isCall := c.(mwCall); isCall {
			v := g.pkgLocal("mw" + lastDot(m.Class))
			stmts = append(stmts,
				jen.Commentf("%s: app.add_middleware(%s, ...)", m.Pos, lastDot(m.Class)),
				jen.List(jen.Id(v), jen.Err()).Op(":=").Add(call.call),
				jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())))
			c = jen.Id(v)
		}
		mws = append([]jen.Code{c}, mws...)
	}
	if len(mws) == 0 {
		return stmts
	}
	return append(stmts, jen.Comment("Middleware, the last declared outermost."),
		jen.Id("opt").Dot("Middleware").Op("=").Index().Func().Params(jen.Qual("net/http", "Handler")).Qual("net/http", "Handler").Values(mws...))
}

// mwCall is a middleware constructor call returning (middleware, error).
type mwCall struct {
	jen.Code
	call jen.Code
}

// mwOptions reads the keyword arguments of add_middleware.
type mwOptions struct {
	g    *gen
	m    *ir.Middleware
	seen map[string]bool
	ok   bool
}

func (o *mwOptions) get(key string) (ir.Value, bool) {
	o.seen[key] = true
	if o.m.Options == nil {
		return nil, false
	}
	return o.m.Options.Get(key)
}

func (o *mwOptions) bad(key string, v ir.Value) {
	o.g.refuse.add(o.m.Pos, "%s option %s=%s", lastDot(o.m.Class), key, v.Repr())
	o.ok = false
}

func (o *mwOptions) int(key string, def int) int {
	v, ok := o.get(key)
	if !ok {
		return def
	}
	i, isInt := v.(ir.Int)
	if !isInt || !i.V.IsInt64() {
		o.bad(key, v)
		return def
	}
	return int(i.V.Int64())
}

func (o *mwOptions) bool(key string, def bool) bool {
	v, ok := o.get(key)
	if !ok {
		return def
	}
	b, isBool := v.(ir.Bool)
	if !isBool {
		o.bad(key, v)
		return def
	}
	return bool(b)
}

func (o *mwOptions) str(key string) string {
	v, ok := o.get(key)
	if !ok {
		return ""
	}
	if _, isNone := v.(ir.None); isNone {
		return ""
	}
	s, isStr := v.(ir.Str)
	if !isStr {
		o.bad(key, v)
		return ""
	}
	return string(s)
}

// strs reads a sequence of str; present is false when the option is not given.
func (o *mwOptions) strs(key string) (list []string, present bool) {
	v, ok := o.get(key)
	if !ok {
		return nil, false
	}
	var items []ir.Value
	switch x := v.(type) {
	case ir.List:
		items = x
	case ir.Tuple:
		items = x
	default:
		o.bad(key, v)
		return nil, true
	}
	list = []string{}
	for _, it := range items {
		s, isStr := it.(ir.Str)
		if !isStr {
			o.bad(key, v)
			return nil, true
		}
		list = append(list, string(s))
	}
	return list, true
}

// done refuses options the generator did not read.
func (o *mwOptions) done() bool {
	if o.m.Options != nil {
		for _, k := range o.m.Options.Keys {
			ks, isStr := k.(ir.Str)
			if !isStr || !o.seen[string(ks)] {
				o.g.refuse.add(o.m.Pos, "%s option %s", lastDot(o.m.Class), k.Repr())
				o.ok = false
			}
		}
	}
	return o.ok
}

func strsLit(list []string) jen.Code {
	if list == nil {
		return jen.Nil()
	}
	items := make([]jen.Code, len(list))
	for i, s := range list {
		items[i] = jen.Lit(s)
	}
	return jen.Index().String().Values(items...)
}

// middleware is one add_middleware (or @app.middleware("http") function) of app a as a
// func(http.Handler) http.Handler expression.
func (g *gen) middleware(a *ir.App, m *ir.Middleware) (jen.Code, bool) {
	o := &mwOptions{g: g, m: m, seen: map[string]bool{}, ok: true}
	must := func(call jen.Code) jen.Code { return mwCall{call: call} }
	switch m.Class {
	case "starlette.middleware.gzip.GZipMiddleware", "fastapi.middleware.gzip.GZipMiddleware":
		size, level := o.int("minimum_size", 500), o.int("compresslevel", 9)
		if !o.done() {
			return nil, false
		}
		if _, err := middleware.GZip(size, level); err != nil {
			g.refuse.add(m.Pos, "GZipMiddleware: %v", err)
			return nil, false
		}
		return must(jen.Qual(pkgMiddleware, "GZip").Call(jen.Lit(size), jen.Lit(level))), true
	case "starlette.middleware.cors.CORSMiddleware", "fastapi.middleware.cors.CORSMiddleware":
		var opts middleware.CORSOptions
		d := jen.Dict{}
		if l, ok := o.strs("allow_origins"); ok {
			opts.AllowOrigins = l
			d[jen.Id("AllowOrigins")] = strsLit(l)
		}
		if l, ok := o.strs("allow_methods"); ok {
			opts.AllowMethods = l
			d[jen.Id("AllowMethods")] = strsLit(l)
		}
		if l, ok := o.strs("allow_headers"); ok {
			opts.AllowHeaders = l
			d[jen.Id("AllowHeaders")] = strsLit(l)
		}
		if l, ok := o.strs("expose_headers"); ok {
			opts.ExposeHeaders = l
			d[jen.Id("ExposeHeaders")] = strsLit(l)
		}
		if opts.AllowCredentials = o.bool("allow_credentials", false); opts.AllowCredentials {
			d[jen.Id("AllowCredentials")] = jen.True()
		}
		if opts.AllowOriginRegex = o.str("allow_origin_regex"); opts.AllowOriginRegex != "" {
			d[jen.Id("AllowOriginRegex")] = jen.Lit(opts.AllowOriginRegex)
		}
		if _, given := o.m.Options.Get("max_age"); given {
			n := o.int("max_age", 600)
			opts.MaxAge = &n
			g.helpers["ptr"] = true
			d[jen.Id("MaxAge")] = jen.Id("ptr").Call(jen.Lit(n))
		}
		o.seen["max_age"] = true
		if !o.done() {
			return nil, false
		}
		if _, err := middleware.CORS(opts); err != nil {
			g.refuse.add(m.Pos, "CORSMiddleware: %v", err)
			return nil, false
		}
		return must(jen.Qual(pkgMiddleware, "CORS").Call(jen.Qual(pkgMiddleware, "CORSOptions").Values(d))), true
	case "starlette.middleware.trustedhost.TrustedHostMiddleware", "fastapi.middleware.trustedhost.TrustedHostMiddleware":
		hosts, _ := o.strs("allowed_hosts")
		www := o.bool("www_redirect", true)
		if !o.done() {
			return nil, false
		}
		if _, err := middleware.TrustedHost(hosts, www); err != nil {
			g.refuse.add(m.Pos, "TrustedHostMiddleware: %v", err)
			return nil, false
		}
		return must(jen.Qual(pkgMiddleware, "TrustedHost").Call(strsLit(hosts), jen.Lit(www))), true
	case "starlette.middleware.httpsredirect.HTTPSRedirectMiddleware", "fastapi.middleware.httpsredirect.HTTPSRedirectMiddleware":
		if !o.done() {
			return nil, false
		}
		return jen.Qual(pkgMiddleware, "HTTPSRedirect"), true
	case "http":
		return g.httpMiddleware(a, m)
	}
	g.refuse.add(m.Pos, "middleware %s", m.Class)
	return nil, false
}
