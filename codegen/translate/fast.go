package translate

import (
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
)

// The typed fast path of a translated function (issue 6: translated computations within
// 10% of hand-written Go).
//
// When a function is pure — it reads only its parameters (int, float, bool or str) and
// its locals, calls only a few builtins, writes nothing but lists it built itself, and
// awaits nothing — fastPath infers one static kind per local (a flow-insensitive fixpoint
// over int, float, bool, str, one-character str and lists of int, float or bool) and
// compiles the body a second time over int64, float64, bool, []rune and slices. That code
// is a closure put in front of the generic body:
//
//	if _fr, _fok := func() (pyval.Value, bool) { ...typed body... }(); _fok {
//		return _fr, nil
//	}
//	...generic body...
//
// The typed body follows CPython only on the happy path: every case it does not handle
// plainly — an int64 overflow, an index out of range, a zero divisor, a parameter holding
// another kind of value, a str with lone surrogates — returns (nil, false), and the
// generic translation, the reference, reruns the call from the start. Purity makes the
// rerun invisible. A function outside the subset gets no fast path (never a refusal).

// pyfastPkg is the runtime package of the fast path.
const pyfastPkg = "github.com/covetpy/covetgen/runtime/pyfast"

// fkind is the static kind of a fast-path value.
type fkind int

const (
	fkUnknown fkind = iota
	fkInt
	fkFloat
	fkBool
	fkStr      // a str parameter, as []rune (boxed back from the parameter itself)
	fkStrConst // a str literal (compared with one-character strs, dict keys)
	fkChar     // a one-character str, as a rune (s[i])
	fkListInt
	fkListFloat
	fkListBool
)

// elem is the kind of a list's (or str's) items.
func (k fkind) elem() fkind {
	switch k {
	case fkListInt:
		return fkInt
	case fkListFloat:
		return fkFloat
	case fkListBool:
		return fkBool
	case fkStr:
		return fkChar
	}
	return fkUnknown
}

// fastListOf is the list kind of items of kind k.
func fastListOf(k fkind) fkind {
	switch k {
	case fkInt:
		return fkListInt
	case fkFloat:
		return fkListFloat
	case fkBool:
		return fkListBool
	}
	return fkUnknown
}

func (k fkind) isList() bool { return k == fkListInt || k == fkListFloat || k == fkListBool }

// goType is the Go type of a kind.
func (k fkind) goType() jen.Code {
	switch k {
	case fkInt:
		return jen.Int64()
	case fkFloat:
		return jen.Float64()
	case fkBool:
		return jen.Bool()
	case fkChar:
		return jen.Rune()
	case fkStr:
		return jen.Index().Rune()
	case fkListInt:
		return jen.Index().Int64()
	case fkListFloat:
		return jen.Index().Float64()
	case fkListBool:
		return jen.Index().Bool()
	}
	panic(fastOut{"no Go type"})
}

// fastOut is panicked when the function leaves the fast path's subset.
type fastOut struct{ why string }

// fastUnknown is panicked, while inferring, at a read of a local whose kind is not known yet.
type fastUnknown struct{}

// fastFn compiles one function's fast path.
type fastFn struct {
	mi     *modInfo
	def    *funcDef
	locals map[string]bool  // names bound in the body, parameters included
	kinds  map[string]fkind // their kinds
	params map[string]bool
	comp   map[string]fastVar // comprehension variables in scope
	infer  bool               // inferring kinds: code is thrown away
	tmp    int
	blk    *[]jen.Code
	pools  map[fkind]bool // list kinds whose arrays a pyfast.Pool recycles
	seqs   []fastVar      // lists being iterated by enclosing for loops
	// counters are the int locals known, in the loop body being compiled, to be a
	// counter of range(c, stop) with a constant c >= 0 and a positive constant step, not
	// rebound in the body, with their c: c <= v < stop <= MaxInt64, so v - k (0 <= k) and
	// v + 1 cannot overflow, and v - k (k <= c) is a non-negative index.
	counters map[string]int64
	// direct is set when an index known to be non-negative indexes a slice directly: an
	// index out of range then panics, and the closure recovers into the generic path.
	direct bool
	dead   bool // the current block has terminated
	// unfilled is the `[h] + [c] * n` of the statement being compiled whose repeated
	// items the next loop overwrites before reading them (fast_fill.go), else nil.
	unfilled ast.Expr
	assign   map[string]bool // locals definitely assigned here
}

// fastVar is a comprehension variable: its Go name and kind.
type fastVar struct {
	goName  string
	kind    fkind
	counter bool  // a counter of range(start, ...) (fastFn.counters)
	start   int64 // its start
}

// counterOf is the start of local or comprehension variable name when it is a counter
// (fastFn.counters) where it is read.
func (x *fastFn) counterOf(name string) (int64, bool) {
	if v, isComp := x.comp[name]; isComp {
		return v.start, v.counter
	}
	start, ok := x.counters[name]
	return start, ok
}

// fastPath is the typed fast path of def (the statements to put before the generic body),
// nil when the function is outside the subset.
func fastPath(mi *modInfo, def *funcDef, vars map[string]Var) (code []jen.Code) {
	defer func() {
		if r := recover(); r != nil {
			code = nil
		}
	}()
	if !hasLoop(def.body) {
		return nil // straight-line code: unboxing and boxing again would cost more than it saves
	}
	x := &fastFn{mi: mi, def: def, locals: map[string]bool{}, kinds: map[string]fkind{}, params: map[string]bool{}}
	pre := x.paramKinds(vars)
	if pre == nil {
		return nil
	}
	for p := range x.params {
		x.locals[p] = true
	}
	for _, st := range def.body {
		for _, n := range StmtBoundNames(st) {
			x.locals[n] = true
		}
	}
	for range 20 {
		before := fmt.Sprint(x.kinds)
		x.run(true)
		if fmt.Sprint(x.kinds) == before {
			break
		}
	}
	inferred := fmt.Sprint(x.kinds)
	body := x.run(false)
	if fmt.Sprint(x.kinds) != inferred {
		return nil // the aliasing checks of Pool.Put need every list local up front
	}
	var decls []jen.Code
	for _, k := range []fkind{fkListInt, fkListFloat, fkListBool} {
		if x.pools[k] {
			decls = append(decls, jen.Var().Id(fastPool(k)).Qual(pyfastPkg, "Pool").Types(k.elem().goType()))
		}
	}
	for _, name := range sortedKeys(x.kinds) {
		if x.params[name] {
			continue
		}
		decls = append(decls, jen.Var().Id(fastName(name)).Add(x.kinds[name].goType()), jen.Id("_").Op("=").Id(fastName(name)))
	}
	closure := append(append(pre, decls...), body...)
	results := jen.Params(jen.Qual(pyvalPkg, "Value"), jen.Bool())
	if x.direct {
		// an index out of range (a Go runtime error) abandons the fast path
		results = jen.Params(jen.Id("_fr").Qual(pyvalPkg, "Value"), jen.Id("_fok").Bool())
		closure = append([]jen.Code{jen.Defer().Func().Params().Block(
			jen.If(jen.Id("r").Op(":=").Recover(), jen.Id("r").Op("!=").Nil()).Block(
				jen.If(jen.List(jen.Id("_"), jen.Id("isRT")).Op(":=").Id("r").Assert(jen.Qual("runtime", "Error")), jen.Op("!").Id("isRT")).Block(jen.Panic(jen.Id("r"))),
				jen.List(jen.Id("_fr"), jen.Id("_fok")).Op("=").List(jen.Nil(), jen.False()),
			)).Call()}, closure...)
	}
	return []jen.Code{
		jen.If(
			jen.List(jen.Id("_fr"), jen.Id("_fok")).Op(":=").Func().Params().Add(results).Block(closure...).Call(),
			jen.Id("_fok"),
		).Block(jen.Return(jen.Id("_fr"), jen.Nil())),
	}
}

// paramKinds reads the parameters' kinds from their static types and returns the
// statements unboxing them (nil: a parameter outside the subset).
func (x *fastFn) paramKinds(vars map[string]Var) []jen.Code {
	a := x.def.args
	if a == nil {
		a = &ast.Arguments{}
	}
	if a.Vararg != nil || a.Kwarg != nil || x.def.isAsync && containsAwait(x.def.body) {
		return nil
	}
	pre := []jen.Code{}
	for _, group := range [][]*ast.Arg{a.Posonlyargs, a.Args, a.Kwonlyargs} {
		for _, p := range group {
			if p == nil {
				return nil
			}
			v, ok := vars[p.Arg]
			goName := GoName(p.Arg)
			if !ok || v.Type == nil || v.Go == nil || fmt.Sprintf("%#v", v.Go) != goName ||
				strings.HasPrefix(goName, "fp") || fastPkgNames[goName] || strings.HasPrefix(goName, "fq") || strings.HasPrefix(goName, "_f") {
				return nil
			}
			var k fkind
			var conv string
			switch v.Type.Kind {
			case ir.KindInt:
				k, conv = fkInt, "Int"
			case ir.KindFloat:
				k, conv = fkFloat, "Float"
			case ir.KindBool:
				k, conv = fkBool, "Bool"
			case ir.KindStr:
				k, conv = fkStr, "Runes"
			default:
				return nil
			}
			x.kinds[p.Arg], x.params[p.Arg] = k, true
			ok2 := "_fok_" + fastName(p.Arg)
			pre = append(pre,
				jen.List(jen.Id(fastName(p.Arg)), jen.Id(ok2)).Op(":=").Qual(pyfastPkg, conv).Call(jen.Id(goName)),
				jen.If(jen.Op("!").Id(ok2)).Block(fastDeopt()),
				jen.Id("_").Op("=").Id(fastName(p.Arg)))
		}
	}
	return pre
}

// fastPkgNames are the packages the fast path refers to: a parameter of that name would
// hide one.
var fastPkgNames = map[string]bool{"pyval": true, "pyfast": true, "slices": true, "runtime": true, "math": true}

// containsAwait reports whether a body awaits (the fast path would skip the await).
func containsAwait(body []ast.Stmt) bool {
	found := false
	walkStmts(body, func(st ast.Stmt) {
		for _, e := range stmtExprs(st) {
			walkExpr(e, func(x ast.Expr) {
				if _, ok := x.(*ast.Await); ok {
					found = true
				}
			})
		}
	})
	return found
}

// run compiles the body once (infer: only to learn the locals' kinds).
func (x *fastFn) run(infer bool) []jen.Code {
	x.infer, x.tmp, x.dead, x.comp = infer, 0, false, map[string]fastVar{}
	x.pools, x.seqs, x.counters, x.direct = map[fkind]bool{}, nil, map[string]int64{}, false
	x.assign = map[string]bool{}
	for p := range x.params {
		x.assign[p] = true
	}
	var out []jen.Code
	x.blk = &out
	x.stmts(x.def.body)
	if !x.dead {
		x.emit(jen.Return(jen.Qual(pyvalPkg, "None"), jen.True()))
	}
	return out
}

// fastName is the Go name of a Python local in the fast path.
func fastName(py string) string { return "fp_" + py }

// fastDeopt abandons the fast path.
func fastDeopt() jen.Code { return jen.Return(jen.Nil(), jen.False()) }

func (x *fastFn) out(format string, args ...any) { panic(fastOut{fmt.Sprintf(format, args...)}) }

func (x *fastFn) emit(c ...jen.Code) { *x.blk = append(*x.blk, c...) }

func (x *fastFn) newTmp() string {
	x.tmp++
	return fmt.Sprintf("fq%d", x.tmp)
}

// block compiles stmts into a new Go block; the assignments it makes do not count after it
// unless keep; it reports whether the block terminated.
func (x *fastFn) block(stmts []ast.Stmt) (code []jen.Code, assigned map[string]bool, dead bool) {
	saveBlk, saveDead, saveAssign := x.blk, x.dead, x.assign
	x.blk, x.dead, x.assign = &code, false, copySet(saveAssign)
	x.stmts(stmts)
	code, assigned, dead = *x.blk, x.assign, x.dead
	x.blk, x.dead, x.assign = saveBlk, saveDead, saveAssign
	return code, assigned, dead
}

// checked emits `t, ok := pyfast.fn(args...); if !ok { deopt }` and returns t.
func (x *fastFn) checked(fn string, args ...jen.Code) jen.Code {
	t := x.newTmp()
	x.emit(jen.List(jen.Id(t), jen.Id(t+"ok")).Op(":=").Qual(pyfastPkg, fn).Call(args...),
		jen.If(jen.Op("!").Id(t+"ok")).Block(fastDeopt()))
	return jen.Id(t)
}

// temp emits `t := code` and returns t.
func (x *fastFn) temp(code jen.Code) jen.Code {
	t := x.newTmp()
	x.emit(jen.Id(t).Op(":=").Add(code))
	return jen.Id(t)
}

// bind records a binding of local name to a value of kind k.
func (x *fastFn) bind(name string, k fkind) {
	if _, isComp := x.comp[name]; isComp {
		x.out("assignment to a comprehension variable")
	}
	old, ok := x.kinds[name]
	switch {
	case k == fkStr || k == fkStrConst || k == fkUnknown:
		x.out("binding of %s to a str", name)
	case !ok || old == fkUnknown:
		if x.params[name] {
			x.out("rebinding of parameter %s", name)
		}
		x.kinds[name] = k
	case old != k:
		x.out("local %s of two kinds", name)
	}
	x.assign[name] = true
}

// sortedKeys lists a map's keys in order.
func sortedKeys(m map[string]fkind) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	for i := 1; i < len(keys); i++ {
		for j := i; j > 0 && keys[j] < keys[j-1]; j-- {
			keys[j], keys[j-1] = keys[j-1], keys[j]
		}
	}
	return keys
}

// fastPool is the Go name of the pyfast.Pool of a list kind.
func fastPool(k fkind) string { return fmt.Sprintf("fpool%d", int(k)) }

// rebind emits `name = code` for a local of list kind k, handing the array name held
// before to its pool when no local (nor a loop over it) refers to it any more.
func (x *fastFn) rebind(name string, k fkind, code jen.Code) {
	old := x.temp(jen.Id(fastName(name)))
	x.emit(jen.Id(fastName(name)).Op("=").Add(code))
	live := []jen.Code{old}
	for _, n := range sortedKeys(x.kinds) {
		if x.kinds[n] == k {
			live = append(live, jen.Id(fastName(n)))
		}
	}
	for _, s := range x.seqs {
		if s.kind == k {
			live = append(live, jen.Id(s.goName))
		}
	}
	x.pools[k] = true
	x.emit(jen.If(jen.Qual(pyfastPkg, "Dead").Call(live...)).Block(jen.Id(fastPool(k)).Dot("Put").Call(old)))
}

// hasLoop reports whether a body has a loop or a comprehension.
func hasLoop(body []ast.Stmt) bool {
	found := false
	walkStmts(body, func(st ast.Stmt) {
		switch st.(type) {
		case *ast.For, *ast.While:
			found = true
		}
		for _, e := range stmtExprs(st) {
			walkExpr(e, func(x ast.Expr) {
				switch x.(type) {
				case *ast.ListComp, *ast.SetComp, *ast.DictComp, *ast.GeneratorExp:
					found = true
				}
			})
		}
	})
	return found
}
