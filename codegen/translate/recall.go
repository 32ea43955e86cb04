package translate

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
	"github.com/covetpy/covetgen/runtime/pyval"
)

// Static types of the re module's objects: a compiled pattern (a module constant only)
// and a match object (or None: the runtime checks).
var (
	rePatternType = &ir.Type{Kind: ir.KindClass, Name: "re.Pattern"}
	reMatchType   = &ir.Type{Kind: ir.KindClass, Name: "re.Match"}
)

func isRePattern(t *ir.Type) bool { return isClassType(t, rePatternType.Name) }
func isReMatch(t *ir.Type) bool   { return isClassType(t, reMatchType.Name) }

// reFlagNames are the re module's flag constants.
var reFlagNames = map[string]int{
	"I": pyval.ReIgnoreCase, "IGNORECASE": pyval.ReIgnoreCase, "L": pyval.ReLocale, "LOCALE": pyval.ReLocale,
	"M": pyval.ReMultiline, "MULTILINE": pyval.ReMultiline, "S": pyval.ReDotAll, "DOTALL": pyval.ReDotAll,
	"U": pyval.ReUnicode, "UNICODE": pyval.ReUnicode, "X": pyval.ReVerbose, "VERBOSE": pyval.ReVerbose,
	"A": pyval.ReASCII, "ASCII": pyval.ReASCII, "NOFLAG": 0,
}

// reFlags evaluates a flags argument: re.X constants, ints, and | of them.
func reFlags(e ast.Expr, resolve func(ast.Expr) global) (int, bool) {
	switch x := e.(type) {
	case nil:
		return 0, true
	case *ast.Attribute:
		if g := resolve(x.Value); g.kind == gStdlibModule && g.name == "re" {
			v, ok := reFlagNames[x.Attr]
			return v, ok
		}
	case *ast.BinOp:
		if x.Op == ast.BitOr {
			a, ok1 := reFlags(x.Left, resolve)
			b, ok2 := reFlags(x.Right, resolve)
			return a | b, ok1 && ok2
		}
	case *ast.Constant:
		if v, ok := literal(x.Value); ok {
			if i, isInt := v.(pyval.Int); isInt {
				n, small := i.Int64()
				return int(n), small && n >= 0 && n < 1<<16
			}
		}
	}
	return 0, false
}

// reParams binds a call's arguments to the parameter names of a re function (no * or **
// arguments); the names not given are absent.
func reParams(c *ast.Call, names []string, what string, refuse func(ast.Node, string, ...any)) map[string]ast.Expr {
	out := map[string]ast.Expr{}
	if len(c.Args) > len(names) {
		refuse(c, "call of %s with %d positional arguments", what, len(c.Args))
	}
	for i, a := range c.Args {
		if _, star := a.(*ast.Starred); star {
			refuse(a, "call with *arguments")
		}
		out[names[i]] = a
	}
	for _, k := range c.Keywords {
		if k == nil || k.Arg == nil {
			refuse(c, "call with **arguments")
		}
		known := false
		for _, n := range names {
			known = known || n == *k.Arg
		}
		if _, dup := out[*k.Arg]; !known || dup {
			refuse(k, "keyword argument %s of %s", *k.Arg, what)
		}
		out[*k.Arg] = k.Value
	}
	return out
}

// rePattern is a pattern known at generation time.
type rePattern struct {
	src    string
	flags  int
	groups int
	index  map[string]int
}

// reCompileArgs reads the constant pattern and flags of re.compile(...) or of a re
// function; why says what is refused.
func reCompileArgs(pat, flags ast.Expr, lookup func(ast.Expr) (pyval.Value, bool), resolve func(ast.Expr) global) (*rePattern, string) {
	if pat == nil {
		return nil, "re call without a pattern"
	}
	v, ok := constEval(pat, lookup)
	s, isStr := v.(pyval.Str)
	if !ok || !isStr {
		return nil, "regular expression pattern that is not a constant str"
	}
	fl, ok := reFlags(flags, resolve)
	if !ok {
		return nil, "regular expression flags that are not re constants"
	}
	groups, index, err := pyval.ReGroupCount(string(s), fl)
	if err != nil {
		return nil, err.Error()
	}
	return &rePattern{src: string(s), flags: fl, groups: groups, index: index}, ""
}

// reCompileCode is the Go expression of a compiled pattern: a package variable (one per
// pattern and flags), or the compilation in place when the Unit emits no declarations.
func (u *Unit) reCompileCode(p *rePattern) jen.Code {
	call := q("MustCompileRe").Call(jen.Lit(p.src), jen.Lit(p.flags))
	if u.inline {
		return call
	}
	key := fmt.Sprintf("re %d %q", p.flags, p.src)
	if name, ok := u.kconsts[key]; ok {
		return jen.Id(name)
	}
	if u.rePatterns == nil {
		u.rePatterns = map[string]*rePattern{}
	}
	name := u.goIdent("pyre_"+itoa(len(u.rePatterns)+1), key)
	u.kconsts[key] = name
	u.rePatterns[name] = p
	u.decls = append(u.decls, jen.Commentf("%s is re.compile(%q, %d).", name, p.src, p.flags),
		jen.Var().Id(name).Op("=").Add(call))
	return jen.Id(name)
}

// isReCompile reports whether a module-level expression is re.compile(...): a pattern
// object, immutable whatever the app calls on it.
func (u *Unit) isReCompile(mi *modInfo, e ast.Expr, app *ir.App) bool {
	c, ok := e.(*ast.Call)
	if !ok {
		return false
	}
	at, ok := c.Func.(*ast.Attribute)
	if !ok || at.Attr != "compile" {
		return false
	}
	g := u.resolveExpr(mi, at.Value, app)
	return g.kind == gStdlibModule && g.name == "re"
}

// reConstant handles NAME = re.compile(pattern, flags) at module level: isRe false for
// other expressions; otherwise the package variable goName holds the compiled pattern,
// or why says why it is refused.
func (u *Unit) reConstant(mi *modInfo, e ast.Expr, app *ir.App, goName string) (isRe bool, why string) {
	if !u.isReCompile(mi, e, app) {
		return false, ""
	}
	if u.inline {
		return true, "module-level pattern (this unit declares no package variables)"
	}
	c := e.(*ast.Call)
	resolve := func(x ast.Expr) global { return u.resolveExpr(mi, x, app) }
	var ps map[string]ast.Expr
	func() {
		defer func() {
			if r := recover(); r != nil {
				ref, ok := r.(refusal)
				if !ok {
					panic(r)
				}
				why = ref.what
			}
		}()
		ps = reParams(c, []string{"pattern", "flags"}, "re.compile()", func(n ast.Node, format string, args ...any) {
			panic(refusal{what: fmt.Sprintf(format, args...)})
		})
	}()
	if why != "" {
		return true, why
	}
	p, why := reCompileArgs(ps["pattern"], ps["flags"], u.constLookup(mi, app), resolve)
	if why != "" {
		return true, why
	}
	if u.rePatterns == nil {
		u.rePatterns = map[string]*rePattern{}
	}
	u.rePatterns[goName] = p
	u.decls = append(u.decls, jen.Commentf("%s is re.compile(%q, %d), a module constant.", goName, p.src, p.flags),
		jen.Var().Id(goName).Qual(pyvalPkg, "Value").Op("=").Add(q("MustCompileRe").Call(jen.Lit(p.src), jen.Lit(p.flags))))
	return true, ""
}

// rePatternOf returns the pattern a module constant bound by re.compile holds (e names
// it, in this module or imported), or nil.
func (f *fn) rePatternOf(e ast.Expr) *rePattern {
	g, ok := f.lookupGlobal(e)
	if !ok || g.kind != gConst || !isRePattern(g.typ) {
		return nil
	}
	return f.u.rePatterns[g.name]
}

// reModuleFuncs are the re functions a body may call: their parameters (pattern first,
// flags last).
var reModuleFuncs = map[string][]string{
	"search": {"pattern", "string", "flags"}, "match": {"pattern", "string", "flags"},
	"fullmatch": {"pattern", "string", "flags"}, "findall": {"pattern", "string", "flags"},
	"finditer": {"pattern", "string", "flags"},
	"sub":      {"pattern", "repl", "string", "count", "flags"}, "subn": {"pattern", "repl", "string", "count", "flags"},
	"split": {"pattern", "string", "maxsplit", "flags"},
}

// reModuleCall compiles re.<name>(...) in a body.
func (f *fn) reModuleCall(c *ast.Call, name string) val {
	what := "re." + name + "()"
	names, ok := reModuleFuncs[name]
	if !ok {
		if name == "compile" {
			f.refuse(c, "re.compile() inside a function (only a module-level pattern)")
		}
		f.refuse(c, "call of %s", what)
	}
	ps := reParams(c, names, what, f.refuse)
	p, why := reCompileArgs(ps["pattern"], ps["flags"], f.constLookup, f.resolveOrNone)
	if why != "" {
		f.refuse(c, "%s", why)
	}
	return f.reApply(c, name, f.u.reCompileCode(p), p, ps)
}

func (f *fn) resolveOrNone(e ast.Expr) global {
	g, _ := f.lookupGlobal(e)
	return g
}

// reMethod compiles a call of a pattern constant's or a match object's method; ok false
// when the receiver is neither.
func (f *fn) reMethod(c *ast.Call, at *ast.Attribute) (val, bool) {
	if p := f.rePatternOf(at.Value); p != nil {
		what := "Pattern." + at.Attr + "()"
		var names []string
		if ns, ok := reModuleFuncs[at.Attr]; ok {
			names = ns[1 : len(ns)-1]
		} else {
			f.refuse(c, "call of %s", what)
		}
		ps := reParams(c, names, what, f.refuse)
		g, _ := f.lookupGlobal(at.Value)
		return f.reApply(c, at.Attr, jen.Id(g.name), p, ps), true
	}
	if !isReMatch(f.staticType(at.Value)) && !f.isReMatchCall(at.Value) {
		return val{}, false
	}
	recv := f.value(at.Value)
	switch at.Attr {
	case "group":
		if len(c.Keywords) > 0 {
			f.refuse(c, "Match.group() with keyword arguments")
		}
		as, _ := f.args(c, "group()")
		args := []jen.Code{recv.code}
		for _, a := range as {
			args = append(args, a.code)
		}
		var t *ir.Type
		if len(as) > 1 {
			t = tupleType
		}
		return f.callVal(q("ReGroup").Call(args...), kindValue, t), true
	case "groups", "groupdict":
		ps := reParams(c, []string{"default"}, "Match."+at.Attr+"()", f.refuse)
		def := jen.Code(q("None"))
		if d, ok := ps["default"]; ok {
			def = f.value(d).code
		}
		fn, t := "ReGroups", tupleType
		if at.Attr == "groupdict" {
			fn, t = "ReGroupdict", dictType
		}
		return f.callVal(q(fn).Call(recv.code, def), kindValue, t), true
	case "start", "end", "span":
		ps := reParams(c, []string{"group"}, "Match."+at.Attr+"()", f.refuse)
		g := jen.Code(jen.Nil())
		if e, ok := ps["group"]; ok {
			g = f.value(e).code
		}
		which, t := map[string]int{"start": 0, "end": 1, "span": 2}[at.Attr], intType
		if which == 2 {
			t = tupleType
		}
		return f.callVal(q("ReSpan").Call(recv.code, g, jen.Lit(which)), kindValue, t), true
	}
	f.refuse(c, "call of Match.%s()", at.Attr)
	return val{}, false
}

// isReMatchCall reports whether e is a call yielding a match object (or None):
// P.search / match / fullmatch(...) of a pattern constant, or re.search / match /
// fullmatch(...).
func (f *fn) isReMatchCall(e ast.Expr) bool {
	c, ok := e.(*ast.Call)
	if !ok {
		return false
	}
	at, ok := c.Func.(*ast.Attribute)
	if !ok || at.Attr != "search" && at.Attr != "match" && at.Attr != "fullmatch" {
		return false
	}
	return f.stdlibModuleOf(at.Value) == "re" || f.rePatternOf(at.Value) != nil
}

// reApply compiles a pattern operation on pat (Go code of the compiled pattern) with the
// arguments ps.
func (f *fn) reApply(c *ast.Call, name string, pat jen.Code, p *rePattern, ps map[string]ast.Expr) val {
	var replFunc jen.Code // a lambda replacement, called with each match object
	if lam, ok := ps["repl"].(*ast.Lambda); ok {
		replFunc = f.keyFunc(lam, reMatchType)
		delete(ps, "repl")
	} else if repl, ok := ps["repl"]; ok {
		v, isConst := constEval(repl, f.constLookup)
		s, isStr := v.(pyval.Str)
		if !isConst || !isStr {
			f.refuse(repl, "replacement of %s() that is not a constant str or a lambda", name)
		}
		if _, err := pyval.ParseReTemplate(string(s), p.groups, p.index); err != nil {
			f.refuse(repl, "replacement template of %s() (%s: %s)", name, err.(*pyval.Exception).Class, err.(*pyval.Exception).Msg)
		}
	}
	order := []string{"repl", "string", "count", "maxsplit"}
	var exprs []ast.Expr
	var keys []string
	for _, k := range order {
		if e, ok := ps[k]; ok {
			exprs, keys = append(exprs, e), append(keys, k)
		}
	}
	if _, ok := ps["string"]; !ok {
		f.refuse(c, "call of %s() without its string", name)
	}
	vs := f.seq(exprs, f.value)
	arg := map[string]jen.Code{"count": q("IntOf").Call(jen.Lit(0)), "maxsplit": q("IntOf").Call(jen.Lit(0))}
	for i, k := range keys {
		arg[k] = vs[i].code
	}
	switch name {
	case "search", "match", "fullmatch":
		f.checkReResult(c)
		mode := map[string]int{"search": 0, "match": 1, "fullmatch": 2}[name]
		return f.callVal(q("ReSearch").Call(pat, arg["string"], jen.Lit(mode)), kindValue, reMatchType)
	case "findall":
		return f.callVal(q("ReFindall").Call(pat, arg["string"]), kindValue, listType)
	case "finditer":
		if !f.isLoopIterable(c) {
			f.refuse(c, "finditer() other than as the iterable of a for loop or a comprehension")
		}
		return f.callVal(q("ReFinditer").Call(pat, arg["string"]), kindValue, listOf(reMatchType))
	case "sub", "subn":
		t := strType
		if name == "subn" {
			t = tupleType
		}
		if replFunc != nil {
			return f.callVal(q("ReSubFunc").Call(pat, replFunc, arg["string"], arg["count"], jen.Lit(name == "subn")), kindValue, t)
		}
		return f.callVal(q("ReSub").Call(pat, arg["repl"], arg["string"], arg["count"], jen.Lit(name == "subn")), kindValue, t)
	}
	return f.callVal(q("ReSplit").Call(pat, arg["string"], arg["maxsplit"]), kindValue, listType)
}

// isLoopIterable reports whether e is the iterable of a for loop or of a comprehension's
// generator in the function's body.
func (f *fn) isLoopIterable(e ast.Expr) bool {
	ok := false
	walkStmts(f.def.body, func(st ast.Stmt) {
		if fo, isFor := st.(*ast.For); isFor && fo.Iter == e {
			ok = true
		}
		for _, x := range stmtExprs(st) {
			walkExpr(x, func(p ast.Expr) {
				var gens []*ast.Comprehension
				switch y := p.(type) {
				case *ast.ListComp:
					gens = y.Generators
				case *ast.SetComp:
					gens = y.Generators
				case *ast.DictComp:
					gens = y.Generators
				case *ast.GeneratorExp:
					gens = y.Generators
				}
				for _, g := range gens {
					ok = ok || g != nil && g.Iter == e
				}
			})
		}
	})
	return ok
}

// reSubscript compiles m[g] of a match object; ok false otherwise.
func (f *fn) reSubscript(x *ast.Subscript) (val, bool) {
	if !isReMatch(f.staticType(x.Value)) {
		return val{}, false
	}
	if _, isSlice := x.Slice.(*ast.Slice); isSlice {
		f.refuse(x, "slice of a match object")
	}
	vs := f.seq([]ast.Expr{x.Value, x.Slice}, f.value)
	return f.callVal(q("ReItem").Call(vs[0].code, vs[1].code), kindValue, nil), true
}

// checkReResult refuses a match object (the call e yields it) used other than bound to a
// name, tested for truth or against None, or as the receiver of a method or subscript.
func (f *fn) checkReResult(e ast.Expr) {
	if !f.reUseOK(e) {
		f.refuse(e, "use of a match object other than its methods, m[g], a truth test or a comparison with None")
	}
}

// checkReUse refuses a use of a name holding a match object outside the positions
// checkReResult allows.
func (f *fn) checkReUse(n *ast.Name, t *ir.Type) {
	if isReMatch(t) {
		f.checkReResult(n)
	}
	if isHashObj(t) && !f.reUseOK(n) { // hashext.go
		f.refuse(n, "use of hash object %s other than calling its update(), hexdigest() or digest()", n.Id)
	}
}

// reUseOK reports whether e (a match object) appears only in an allowed position.
func (f *fn) reUseOK(e ast.Expr) bool {
	ok := false
	isNone := func(x ast.Expr) bool {
		c, isConst := x.(*ast.Constant)
		return isConst && isNoneLit(c)
	}
	walkStmts(f.def.body, func(st ast.Stmt) {
		switch s := st.(type) {
		case *ast.If:
			ok = ok || s.Test == e
		case *ast.While:
			ok = ok || s.Test == e
		case *ast.Assert:
			ok = ok || s.Test == e
		case *ast.Assign:
			if s.Value == e && len(s.Targets) == 1 {
				_, isName := s.Targets[0].(*ast.Name)
				ok = ok || isName
			}
		case *ast.AnnAssign:
			_, isName := s.Target.(*ast.Name)
			ok = ok || s.Value == e && isName
		}
		for _, x := range stmtExprs(st) {
			walkExpr(x, func(p ast.Expr) {
				switch y := p.(type) {
				case *ast.Call:
					if at, isAttr := y.Func.(*ast.Attribute); isAttr && at.Value == e {
						ok = true
					}
					if n, isName := y.Func.(*ast.Name); isName && n.Id == "bool" && len(y.Args) == 1 && y.Args[0] == e {
						ok = true
					}
				case *ast.Subscript:
					ok = ok || y.Value == e
				case *ast.UnaryOp:
					ok = ok || y.Op == ast.Not && y.Operand == e
				case *ast.IfExp:
					ok = ok || y.Test == e
				case *ast.Compare:
					if len(y.Ops) == 1 && (y.Ops[0] == ast.Is || y.Ops[0] == ast.IsNot) {
						ok = ok || y.Left == e && isNone(y.Comparators[0]) || y.Comparators[0] == e && isNone(y.Left)
					}
				}
			})
		}
	})
	return ok
}
