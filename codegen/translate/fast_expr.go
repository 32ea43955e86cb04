package translate

import (
	"fmt"
	"math"
	"strconv"
	"unicode/utf8"

	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/parser/ast"
)

// Expressions of the typed fast path (fast.go). expr returns Go code of the value's Go
// type (fkind.goType); the statements it needs first (checks that may abandon the fast
// path, temporaries) are emitted into the current block, in Python's evaluation order.

func (x *fastFn) expr(e ast.Expr) (jen.Code, fkind) {
	switch n := e.(type) {
	case *ast.Constant:
		return x.constant(n)
	case *ast.Name:
		return x.name(n)
	case *ast.BinOp:
		return x.binOp(n)
	case *ast.UnaryOp:
		return x.unaryOp(n)
	case *ast.Compare:
		return x.compare(n), fkBool
	case *ast.BoolOp:
		return x.boolOp(n), fkBool
	case *ast.IfExp:
		return x.ifExp(n)
	case *ast.Subscript:
		return x.subscript(n)
	case *ast.Call:
		return x.call(n)
	case *ast.List:
		return x.listDisplay(n)
	case *ast.ListComp:
		return x.listComp(n)
	}
	x.out("expression %T", e)
	return nil, fkUnknown
}

func (x *fastFn) constant(c *ast.Constant) (jen.Code, fkind) {
	switch v := c.Value.(type) {
	case *ast.Int:
		if !v.IsInt64() {
			x.out("big int literal")
		}
		return jen.Lit(v.Int64()), fkInt
	case ast.Float:
		if math.IsInf(float64(v), 0) || math.IsNaN(float64(v)) {
			x.out("float literal %v", v)
		}
		return jen.Lit(float64(v)), fkFloat
	case ast.Bool:
		return jen.Lit(bool(v)), fkBool
	case ast.Str:
		if !utf8.ValidString(string(v)) {
			x.out("str literal with lone surrogates")
		}
		return jen.Lit(string(v)), fkStrConst
	}
	x.out("constant %T", c.Value)
	return nil, fkUnknown
}

func (x *fastFn) name(n *ast.Name) (jen.Code, fkind) {
	if v, ok := x.comp[n.Id]; ok {
		return jen.Id(v.goName), v.kind
	}
	if !x.locals[n.Id] {
		x.out("name %s (not a local)", n.Id)
	}
	k := x.kinds[n.Id]
	if k == fkUnknown {
		if x.infer {
			panic(fastUnknown{})
		}
		x.out("local %s of unknown kind", n.Id)
	}
	if !x.infer && !x.assign[n.Id] {
		x.out("local %s read where it may be unbound", n.Id)
	}
	return jen.Id(fastName(n.Id)), k
}

// isBuiltin reports whether fn names the builtin name (not shadowed by a local or a
// module binding).
func (x *fastFn) isBuiltin(fn ast.Expr, name string) bool {
	n, ok := fn.(*ast.Name)
	if !ok || n.Id != name || x.locals[n.Id] {
		return false
	}
	if _, isComp := x.comp[n.Id]; isComp {
		return false
	}
	return x.mi == nil || x.mi.binds[name] == nil
}

// toFloat converts an int operand to float64 (Go rounds to nearest even, as CPython).
func toFloat(c jen.Code, k fkind) jen.Code {
	if k == fkInt {
		return jen.Float64().Call(c)
	}
	return c
}

func (x *fastFn) binOp(b *ast.BinOp) (jen.Code, fkind) {
	if c := x.counterStep(b); c != nil {
		return c, fkInt
	}
	l, lk := x.expr(b.Left)
	if rb, ok := b.Right.(*ast.BinOp); ok && b.Op == ast.Add && lk.isList() && rb.Op == ast.Mult {
		// head + items * n, as in [i] + [0] * n: one allocation
		rl, rlk := x.expr(rb.Left)
		rr, rrk := x.expr(rb.Right)
		if rlk == lk && rrk == fkInt {
			if x.unfilled == ast.Expr(b) {
				return x.pooled(lk, "ConcatUnfilled", l, rl, rr), lk
			}
			return x.pooled(lk, "ConcatRepeat", l, rl, rr), lk
		}
		if rlk == fkInt && rrk == lk {
			return x.pooled(lk, "ConcatRepeat", l, rr, rl), lk
		}
		r, rk := x.binCodes(rb.Op, rl, rlk, rr, rrk)
		return x.binCodes(b.Op, l, lk, r, rk)
	}
	r, rk := x.expr(b.Right)
	if c := x.addNonNeg(b, l, lk, r, rk); c != nil { // fast_addnonneg.go
		return c, fkInt
	}
	return x.binCodes(b.Op, l, lk, r, rk)
}

// binCodes is l op r of evaluated operands.
func (x *fastFn) binCodes(op ast.Operator, l jen.Code, lk fkind, r jen.Code, rk fkind) (jen.Code, fkind) {
	switch {
	case lk == fkInt && rk == fkInt:
		switch op {
		case ast.Add:
			return x.checked("Add", l, r), fkInt
		case ast.Sub:
			return x.checked("Sub", l, r), fkInt
		case ast.Mult:
			return x.checked("Mul", l, r), fkInt
		case ast.FloorDiv:
			return x.checked("FloorDiv", l, r), fkInt
		case ast.Mod:
			return x.checked("Mod", l, r), fkInt
		case ast.Div:
			return x.checked("TrueDiv", l, r), fkFloat
		}
	case (lk == fkInt || lk == fkFloat) && (rk == fkInt || rk == fkFloat):
		l, r = toFloat(l, lk), toFloat(r, rk)
		switch op {
		case ast.Add:
			return jen.Parens(jen.Add(l).Op("+").Add(r)), fkFloat
		case ast.Sub:
			return jen.Parens(jen.Add(l).Op("-").Add(r)), fkFloat
		case ast.Mult:
			return jen.Parens(jen.Add(l).Op("*").Add(r)), fkFloat
		case ast.Div:
			return x.checked("DivFloat", l, r), fkFloat
		}
	case lk.isList() && lk == rk && op == ast.Add:
		return jen.Qual(pyfastPkg, "Concat").Call(l, r), lk
	case lk.isList() && rk == fkInt && op == ast.Mult:
		return x.checked("Repeat", l, r), lk
	case lk == fkInt && rk.isList() && op == ast.Mult:
		return x.checked("Repeat", r, l), rk
	}
	x.out("operator %v on %v and %v", op, lk, rk)
	return nil, fkUnknown
}

func (x *fastFn) unaryOp(u *ast.UnaryOp) (jen.Code, fkind) {
	if u.Op == ast.Not {
		return jen.Op("!").Parens(x.truth(u.Operand)), fkBool
	}
	c, k := x.expr(u.Operand)
	switch {
	case u.Op == ast.UAdd && (k == fkInt || k == fkFloat):
		return c, k
	case u.Op == ast.USub && k == fkInt:
		return x.checked("Neg", c), fkInt
	case u.Op == ast.USub && k == fkFloat:
		return jen.Parens(jen.Op("-").Add(c)), fkFloat
	}
	x.out("unary operator %v on %v", u.Op, k)
	return nil, fkUnknown
}

// truth is Go code of bool(e).
func (x *fastFn) truth(e ast.Expr) jen.Code {
	c, k := x.expr(e)
	switch k {
	case fkBool:
		return c
	case fkInt, fkFloat:
		return jen.Add(c).Op("!=").Lit(0)
	case fkStr, fkListInt, fkListFloat, fkListBool:
		return jen.Len(c).Op(">").Lit(0)
	case fkChar:
		return jen.True()
	}
	x.out("truth of %v", k)
	return nil
}

// inBlock runs f with a fresh current block and returns that block's statements.
func (x *fastFn) inBlock(f func()) []jen.Code {
	var code []jen.Code
	save := x.blk
	x.blk = &code
	f()
	x.blk = save
	return code
}

var fastCmpOps = map[ast.CmpOp]string{ast.Eq: "==", ast.NotEq: "!=", ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">="}

// compare compiles a comparison chain (short-circuiting as Python's).
func (x *fastFn) compare(c *ast.Compare) jen.Code {
	left, lk := x.expr(c.Left)
	if len(c.Ops) == 1 {
		r, rk := x.expr(c.Comparators[0])
		return x.cmp(left, lk, c.Ops[0], r, rk)
	}
	res := x.newTmp()
	x.emit(jen.Var().Id(res).Bool())
	var chain func(i int, left jen.Code, lk fkind) []jen.Code
	chain = func(i int, left jen.Code, lk fkind) []jen.Code {
		return x.inBlock(func() {
			r, rk := x.expr(c.Comparators[i])
			if i+1 < len(c.Ops) {
				r = x.temp(r)
			}
			x.emit(jen.Id(res).Op("=").Add(x.cmp(left, lk, c.Ops[i], r, rk)))
			if i+1 < len(c.Ops) {
				x.emit(jen.If(jen.Id(res)).Block(chain(i+1, r, rk)...))
			}
		})
	}
	x.emit(chain(0, left, lk)...)
	return jen.Id(res)
}

// cmp is Go code of l op r.
func (x *fastFn) cmp(l jen.Code, lk fkind, op ast.CmpOp, r jen.Code, rk fkind) jen.Code {
	g, ok := fastCmpOps[op]
	if !ok {
		x.out("comparison %v", op)
	}
	eqOnly := op == ast.Eq || op == ast.NotEq
	switch {
	case lk == rk && (lk == fkInt || lk == fkFloat || lk == fkChar):
		return jen.Add(l).Op(g).Add(r)
	case lk == fkBool && rk == fkBool && eqOnly:
		return jen.Add(l).Op(g).Add(r)
	case lk == fkInt && rk == fkFloat:
		return jen.Add(x.checked("ToFloat", l)).Op(g).Add(r)
	case lk == fkFloat && rk == fkInt:
		return jen.Add(l).Op(g).Add(x.checked("ToFloat", r))
	case lk == fkChar && rk == fkStrConst, lk == fkStrConst && rk == fkChar:
		s, c, cOnLeft := r, l, true
		if lk == fkStrConst {
			s, c, cOnLeft = l, r, false
		}
		str := constOfCode(s)
		if utf8.RuneCountInString(str) == 1 {
			lit := jen.LitRune([]rune(str)[0])
			if cOnLeft {
				return jen.Add(c).Op(g).Add(lit)
			}
			return jen.Add(lit).Op(g).Add(c)
		}
		if eqOnly {
			return jen.Lit(op == ast.NotEq) // a one-character str never equals another length
		}
	}
	x.out("comparison of %v and %v", lk, rk)
	return nil
}

// constOfCode recovers the Go string of a str literal's code (jen.Lit).
func constOfCode(c jen.Code) string {
	if uq, err := strconv.Unquote(fmt.Sprintf("%#v", c)); err == nil {
		return uq
	}
	panic(fastOut{"str literal"})
}

func (x *fastFn) boolOp(b *ast.BoolOp) jen.Code {
	first, k := x.expr(b.Values[0])
	if k != fkBool {
		x.out("and/or of %v", k)
	}
	res := x.newTmp()
	x.emit(jen.Id(res).Op(":=").Add(first))
	var chain func(i int) []jen.Code
	chain = func(i int) []jen.Code {
		return x.inBlock(func() {
			c, k := x.expr(b.Values[i])
			if k != fkBool {
				x.out("and/or of %v", k)
			}
			x.emit(jen.Id(res).Op("=").Add(c))
			if i+1 < len(b.Values) {
				x.emitCond(b.Op, res, chain(i+1))
			}
		})
	}
	x.emitCond(b.Op, res, chain(1))
	return jen.Id(res)
}

// emitCond emits `if res { body }` (and) or `if !res { body }` (or).
func (x *fastFn) emitCond(op ast.BoolOpKind, res string, body []jen.Code) {
	if op == ast.And {
		x.emit(jen.If(jen.Id(res)).Block(body...))
	} else {
		x.emit(jen.If(jen.Op("!").Id(res)).Block(body...))
	}
}

func (x *fastFn) ifExp(e *ast.IfExp) (jen.Code, fkind) {
	test := x.truth(e.Test)
	var bc, oc jen.Code
	var bk, ok fkind
	body := x.inBlock(func() { bc, bk = x.expr(e.Body) })
	orelse := x.inBlock(func() { oc, ok = x.expr(e.Orelse) })
	bc, bk = x.asChar(bc, bk, ok)
	oc, ok = x.asChar(oc, ok, bk)
	if bk != ok {
		x.out("conditional expression of kinds %v and %v", bk, ok)
	}
	res := x.newTmp()
	x.emit(jen.Var().Id(res).Add(bk.goType()),
		jen.If(test).Block(append(body, jen.Id(res).Op("=").Add(bc))...).
			Else().Block(append(orelse, jen.Id(res).Op("=").Add(oc))...))
	return jen.Id(res), bk
}

func (x *fastFn) subscript(s *ast.Subscript) (jen.Code, fkind) {
	seq, k := x.expr(s.Value)
	if sl, ok := s.Slice.(*ast.Slice); ok {
		if !k.isList() || sl.Step != nil {
			x.out("slice of %v", k)
		}
		seq = x.temp(seq)
		bound := func(b ast.Expr) (jen.Code, jen.Code) {
			if b == nil {
				return jen.Lit(int64(0)), jen.False()
			}
			c, bk := x.expr(b)
			if bk != fkInt {
				x.out("slice bound of kind %v", bk)
			}
			return x.temp(c), jen.True()
		}
		lo, hasLo := bound(sl.Lower)
		hi, hasHi := bound(sl.Upper)
		l, h := x.newTmp(), x.newTmp()
		x.emit(jen.List(jen.Id(l), jen.Id(h)).Op(":=").Qual(pyfastPkg, "SliceBounds").Call(lo, hasLo, hi, hasHi, jen.Len(seq)))
		return jen.Qual("slices", "Clone").Call(jen.Add(seq).Index(jen.Id(l).Op(":").Id(h))), k
	}
	if k.elem() == fkUnknown {
		x.out("subscript of %v", k)
	}
	seq = x.temp(seq)
	idx, ik := x.expr(s.Slice)
	if ik != fkInt {
		x.out("index of kind %v", ik)
	}
	return jen.Add(seq).Index(x.index(s.Slice, idx, seq)), k.elem()
}

func (x *fastFn) listDisplay(l *ast.List) (jen.Code, fkind) {
	if len(l.Elts) == 0 {
		x.out("empty list display")
	}
	var items []jen.Code
	var ek fkind
	for i, e := range l.Elts {
		c, k := x.expr(e)
		if i > 0 && k != ek || fastListOf(k) == fkUnknown {
			x.out("list display of %v", k)
		}
		ek = k
		items = append(items, x.temp(c))
	}
	lk := fastListOf(ek)
	return jen.Add(lk.goType()).Values(items...), lk
}

// listComp compiles [elt for v in iter if cond...] (one generator).
func (x *fastFn) listComp(lc *ast.ListComp) (jen.Code, fkind) {
	if len(lc.Generators) != 1 || lc.Generators[0].IsAsync != 0 {
		x.out("comprehension with %d generators", len(lc.Generators))
	}
	g := lc.Generators[0]
	tg, ok := g.Target.(*ast.Name)
	if !ok {
		x.out("comprehension target %T", g.Target)
	}
	v := x.newTmp()
	var loop func(body []jen.Code) jen.Code
	var vk fkind
	var counterStart int64
	var isCounter bool
	if args, isRange := x.rangeArgs(g.Iter); isRange {
		start, stop, step := x.rangeBounds(args)
		if start == nil {
			panic(fastUnknown{})
		}
		n := x.checked("RangeLen", start, stop, step)
		c := x.newTmp()
		vk = fkInt
		counterStart, isCounter = x.counterStart("", args, nil) // a comprehension variable is never rebound
		loop = func(body []jen.Code) jen.Code {
			return jen.For(
				jen.List(jen.Id(v), jen.Id(c)).Op(":=").List(start, n),
				jen.Id(c).Op(">").Lit(0),
				jen.List(jen.Id(v), jen.Id(c)).Op("=").List(jen.Id(v).Op("+").Add(step), jen.Id(c).Op("-").Lit(1)),
			).Block(body...)
		}
	} else {
		seq, sk := x.expr(g.Iter)
		if sk.elem() == fkUnknown {
			x.out("comprehension over %v", sk)
		}
		seq = x.temp(seq)
		vk = sk.elem()
		loop = func(body []jen.Code) jen.Code {
			return jen.For(jen.List(jen.Id("_"), jen.Id(v)).Op(":=").Range().Add(seq)).Block(body...)
		}
	}
	res := x.newTmp()
	save, had := x.comp[tg.Id]
	x.comp[tg.Id] = fastVar{goName: v, kind: vk, counter: isCounter, start: counterStart}
	var ek fkind
	body := x.inBlock(func() {
		for _, cond := range g.Ifs {
			t := x.truth(cond)
			x.emit(jen.If(jen.Op("!").Parens(t)).Block(jen.Continue()))
		}
		var c jen.Code
		c, ek = x.expr(lc.Elt)
		x.emit(jen.Id(res).Op("=").Append(jen.Id(res), c))
	})
	if had {
		x.comp[tg.Id] = save
	} else {
		delete(x.comp, tg.Id)
	}
	lk := fastListOf(ek)
	if lk == fkUnknown {
		x.out("comprehension of %v", ek)
	}
	body = append([]jen.Code{jen.Id("_").Op("=").Id(v)}, body...)
	x.emit(jen.Id(res).Op(":=").Add(lk.goType()).Values(), loop(body))
	return jen.Id(res), lk
}

// asChar is a one-character str literal as a rune when the other side is a char.
func (x *fastFn) asChar(c jen.Code, k, other fkind) (jen.Code, fkind) {
	if k == fkStrConst && other == fkChar {
		if s := constOfCode(c); utf8.RuneCountInString(s) == 1 {
			return jen.LitRune([]rune(s)[0]), fkChar
		}
	}
	return c, k
}

// pooled is checked for a method of the pyfast.Pool of list kind k.
func (x *fastFn) pooled(k fkind, method string, args ...jen.Code) jen.Code {
	x.pools[k] = true
	t := x.newTmp()
	x.emit(jen.List(jen.Id(t), jen.Id(t+"ok")).Op(":=").Id(fastPool(k)).Dot(method).Call(args...),
		jen.If(jen.Op("!").Id(t+"ok")).Block(fastDeopt()))
	return jen.Id(t)
}

// counterStep is v - k (k >= 0) or v + 1 of a loop counter v (fastFn.counters), which
// cannot overflow: no check (nil: another expression).
func (x *fastFn) counterStep(b *ast.BinOp) jen.Code {
	n, ok := b.Left.(*ast.Name)
	if !ok {
		return nil
	}
	if _, isCounter := x.counterOf(n.Id); !isCounter {
		return nil
	}
	c, ok := b.Right.(*ast.Constant)
	if !ok {
		return nil
	}
	k, ok := c.Value.(*ast.Int)
	if !ok || !k.IsInt64() {
		return nil
	}
	switch v := k.Int64(); {
	case b.Op == ast.Sub && v >= 0:
		l, _ := x.name(n)
		return jen.Parens(jen.Add(l).Op("-").Lit(v))
	case b.Op == ast.Add && (v == 0 || v == 1):
		l, _ := x.name(n)
		return jen.Parens(jen.Add(l).Op("+").Lit(v))
	}
	return nil
}

// index is the Go index into seq of the Python index e (code idx): Go's own bounds check
// when e is known to be non-negative (fastFn.direct), else pyfast.Index.
func (x *fastFn) index(e ast.Expr, idx, seq jen.Code) jen.Code {
	if x.nonNeg(e) {
		x.direct = true
		return jen.Int().Call(idx)
	}
	return x.checked("Index", idx, jen.Len(seq))
}

// nonNeg reports whether an int expression is known to be non-negative: a constant, a
// loop counter, or counter - k with k at most the counter's start.
func (x *fastFn) nonNeg(e ast.Expr) bool {
	switch n := e.(type) {
	case *ast.Constant:
		i, ok := n.Value.(*ast.Int)
		return ok && i.IsInt64() && i.Sign() >= 0
	case *ast.Name:
		_, isCounter := x.counterOf(n.Id)
		return isCounter
	case *ast.BinOp:
		v, ok := n.Left.(*ast.Name)
		if !ok || !x.nonNeg(v) {
			return false
		}
		c, ok := n.Right.(*ast.Constant)
		if !ok {
			return false
		}
		k, ok := c.Value.(*ast.Int)
		if !ok || !k.IsInt64() {
			return false
		}
		switch {
		case n.Op == ast.Sub:
			start, _ := x.counterOf(v.Id)
			return k.Sign() >= 0 && k.Int64() <= start
		case n.Op == ast.Add:
			return k.Sign() >= 0 && k.Int64() <= 1
		}
	}
	return false
}
