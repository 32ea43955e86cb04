package translate

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/parser/ast"
)

// Statements of the typed fast path (fast.go).

func (x *fastFn) stmts(body []ast.Stmt) {
	for i, st := range body {
		if x.dead {
			return // unreachable Python code: Go would reject it (vet)
		}
		if i+1 < len(body) {
			x.unfilled = x.unfilledRow(st, body[i+1]) // fast_fill.go
		}
		x.stmt(st)
		x.unfilled = nil
	}
}

// tryExpr is expr, except that while inferring a read of a local of a still unknown
// kind gives ok == false instead of leaving the subset.
func (x *fastFn) tryExpr(e ast.Expr) (code jen.Code, k fkind, ok bool) {
	if x.infer {
		blk, comp := x.blk, copyFastVars(x.comp)
		defer func() {
			if r := recover(); r != nil {
				if _, unknown := r.(fastUnknown); !unknown {
					panic(r)
				}
				code, k, ok = nil, fkUnknown, false
				x.blk, x.comp = blk, comp
			}
		}()
	}
	code, k = x.expr(e)
	return code, k, true
}

// copyFastVars copies the comprehension variables in scope.
func copyFastVars(m map[string]fastVar) map[string]fastVar {
	c := make(map[string]fastVar, len(m))
	for k, v := range m {
		c[k] = v
	}
	return c
}

func (x *fastFn) stmt(st ast.Stmt) {
	if x.infer { // a statement reading a local of a still unknown kind is skipped
		blk, comp, dead, assign := x.blk, copyFastVars(x.comp), x.dead, x.assign
		defer func() {
			if r := recover(); r != nil {
				if _, unknown := r.(fastUnknown); !unknown {
					panic(r)
				}
				x.blk, x.comp, x.dead, x.assign = blk, comp, dead, assign
			}
		}()
	}
	switch s := st.(type) {
	case *ast.Pass:
	case *ast.ExprStmt:
		if c, ok := s.Value.(*ast.Constant); !ok || func() bool { _, isStr := c.Value.(ast.Str); return !isStr }() {
			x.out("expression statement")
		}
	case *ast.Assign:
		x.assignStmt(s.Targets, s.Value, false)
	case *ast.AnnAssign:
		if s.Value == nil {
			x.out("annotation without value")
		}
		x.assignStmt([]ast.Expr{s.Target}, s.Value, false)
	case *ast.AugAssign:
		n, ok := s.Target.(*ast.Name)
		if !ok {
			x.out("augmented assignment to a non-name")
		}
		x.assignStmt([]ast.Expr{n}, &ast.BinOp{Left: &ast.Name{Id: n.Id, Ctx: ast.Load}, Op: s.Op, Right: s.Value}, true)
	case *ast.If:
		x.ifStmt(s)
	case *ast.While:
		x.whileStmt(s)
	case *ast.For:
		x.forStmt(s)
	case *ast.Break:
		x.emit(jen.Break())
		x.dead = true
	case *ast.Continue:
		x.emit(jen.Continue())
		x.dead = true
	case *ast.Return:
		x.returnStmt(s)
	default:
		x.out("statement %T", st)
	}
}

// assignStmt is targets[0] = targets[1] = ... = value (aug: an augmented assignment,
// which extends a list in place: left to the generic path).
func (x *fastFn) assignStmt(targets []ast.Expr, value ast.Expr, aug bool) {
	code, k, ok := x.tryExpr(value)
	if !ok {
		return
	}
	if aug && k.isList() {
		x.out("augmented assignment of a list")
	}
	if _, single := targets[0].(*ast.Name); len(targets) > 1 || !single {
		code = x.temp(code)
	}
	for _, t := range targets {
		switch tg := t.(type) {
		case *ast.Name:
			x.bind(tg.Id, k)
			if k.isList() {
				x.rebind(tg.Id, k, code)
				continue
			}
			x.emit(jen.Id(fastName(tg.Id)).Op("=").Add(code))
		case *ast.Subscript:
			if _, isSlice := tg.Slice.(*ast.Slice); isSlice {
				x.out("slice assignment")
			}
			lst, lk, ok := x.tryExpr(tg.Value)
			if !ok {
				return
			}
			if !lk.isList() || lk.elem() != k {
				x.out("item assignment of a %v into a %v", k, lk)
			}
			lst = x.temp(lst)
			idx, ik := x.expr(tg.Slice)
			if ik != fkInt {
				x.out("list index of kind %v", ik)
			}
			x.emit(jen.Add(lst).Index(x.index(tg.Slice, idx, lst)).Op("=").Add(code))
		default:
			x.out("assignment target %T", t)
		}
	}
}

func (x *fastFn) ifStmt(s *ast.If) {
	test := x.truth(s.Test)
	body, a1, d1 := x.block(s.Body)
	orelse, a2, d2 := x.block(s.Orelse)
	st := jen.If(test).Block(body...)
	if len(orelse) > 0 {
		st.Else().Block(orelse...)
	}
	x.emit(st)
	switch {
	case d1 && d2:
		x.dead = true
	case d1:
		x.assign = a2
	case d2:
		x.assign = a1
	default:
		for n := range x.assign {
			delete(x.assign, n)
		}
		for n := range a1 {
			if a2[n] {
				x.assign[n] = true
			}
		}
	}
}

func (x *fastFn) whileStmt(s *ast.While) {
	if len(s.Orelse) > 0 {
		x.out("while/else")
	}
	var head []jen.Code
	save := x.blk
	x.blk = &head
	test := x.truth(s.Test)
	x.blk = save
	body, _, _ := x.block(s.Body)
	x.emit(jen.For().Block(append(append(head, jen.If(jen.Op("!").Parens(test)).Block(jen.Break())), body...)...))
}

// forStmt compiles a for loop over range(...), a list local or a str parameter.
func (x *fastFn) forStmt(s *ast.For) {
	if len(s.Orelse) > 0 {
		x.out("for/else")
	}
	tg, ok := s.Target.(*ast.Name)
	if !ok {
		x.out("for target %T", s.Target)
	}
	if args, isRange := x.rangeArgs(s.Iter); isRange {
		start, stop, step := x.rangeBounds(args)
		if start == nil {
			return
		}
		n := x.checked("RangeLen", start, stop, step)
		saved := copySet(x.assign)
		x.bind(tg.Id, fkInt)
		k, c := x.newTmp(), x.newTmp()
		if c, ok := x.counterStart(tg.Id, args, s.Body); ok {
			x.counters[tg.Id] = c
		} else if len(args) >= 2 && x.nonNegExpr(args[0]) && !boundIn(tg.Id, s.Body) {
			// a start known to be >= 0 (as i * i): a counter from 0 when the step is
			// positive; a dynamic step that is not leaves the fast path
			if len(args) == 3 && !isPositiveConst(args[2]) {
				x.emit(jen.If(jen.Add(step).Op("<=").Lit(0)).Block(fastDeopt()))
			}
			x.counters[tg.Id] = 0
		}
		body, _, _ := x.block(s.Body)
		delete(x.counters, tg.Id)
		x.assign = saved
		x.emit(jen.For(
			jen.List(jen.Id(k), jen.Id(c)).Op(":=").List(start, n),
			jen.Id(c).Op(">").Lit(0),
			jen.List(jen.Id(k), jen.Id(c)).Op("=").List(jen.Id(k).Op("+").Add(step), jen.Id(c).Op("-").Lit(1)),
		).Block(append([]jen.Code{jen.Id(fastName(tg.Id)).Op("=").Id(k)}, body...)...))
		return
	}
	seq, sk, ok := x.tryExpr(s.Iter)
	if !ok {
		return
	}
	if sk.elem() == fkUnknown {
		x.out("for over a %v", sk)
	}
	seq = x.temp(seq)
	saved := copySet(x.assign)
	x.bind(tg.Id, sk.elem())
	i := x.newTmp()
	x.seqs = append(x.seqs, fastVar{goName: fmt.Sprintf("%#v", seq), kind: sk})
	body, _, _ := x.block(s.Body)
	x.seqs = x.seqs[:len(x.seqs)-1]
	x.assign = saved
	x.emit(jen.For(jen.Id(i).Op(":=").Lit(0), jen.Id(i).Op("<").Len(seq), jen.Id(i).Op("++")).
		Block(append([]jen.Code{jen.Id(fastName(tg.Id)).Op("=").Add(seq).Index(jen.Id(i))}, body...)...))
}

// rangeArgs returns the arguments of a call of the builtin range.
func (x *fastFn) rangeArgs(e ast.Expr) ([]ast.Expr, bool) {
	c, ok := e.(*ast.Call)
	if !ok || !x.isBuiltin(c.Func, "range") || len(c.Keywords) > 0 || len(c.Args) < 1 || len(c.Args) > 3 {
		return nil, false
	}
	return c.Args, true
}

// rangeBounds evaluates range's arguments (in order) to start, stop and step; nil while
// inferring when an argument's kind is unknown.
func (x *fastFn) rangeBounds(args []ast.Expr) (start, stop, step jen.Code) {
	var vals []jen.Code
	for _, a := range args {
		c, k, ok := x.tryExpr(a)
		if !ok {
			return nil, nil, nil
		}
		if k != fkInt {
			x.out("range argument of kind %v", k)
		}
		vals = append(vals, x.temp(c))
	}
	switch len(vals) {
	case 1:
		return jen.Lit(int64(0)), vals[0], jen.Lit(int64(1))
	case 2:
		return vals[0], vals[1], jen.Lit(int64(1))
	}
	return vals[0], vals[1], vals[2]
}

// returnStmt boxes the value: a dict display with str keys, or one value.
func (x *fastFn) returnStmt(s *ast.Return) {
	defer func() { x.dead = true }()
	if s.Value == nil {
		x.emit(jen.Return(jen.Qual(pyvalPkg, "None"), jen.True()))
		return
	}
	boxed := map[string]jen.Code{} // one box per local: the same object twice stays one
	box := func(e ast.Expr) (jen.Code, bool) {
		if n, ok := e.(*ast.Name); ok {
			if b := boxed[n.Id]; b != nil {
				return b, true
			}
		}
		c, k, ok := x.tryExpr(e)
		if !ok {
			return nil, false
		}
		b := x.temp(x.box(e, c, k))
		if n, ok := e.(*ast.Name); ok {
			boxed[n.Id] = b
		}
		return b, true
	}
	d, isDict := s.Value.(*ast.Dict)
	if !isDict {
		b, ok := box(s.Value)
		if ok {
			x.emit(jen.Return(b, jen.True()))
		}
		return
	}
	var kv []jen.Code
	for i, k := range d.Keys {
		key, isStr := constStr(k)
		if k == nil || !isStr {
			x.out("dict key")
		}
		b, ok := box(d.Values[i])
		if !ok {
			return
		}
		kv = append(kv, jen.Qual(pyvalPkg, "Str").Call(jen.Lit(key)), b)
	}
	x.emit(jen.Return(jen.Qual(pyvalPkg, "DictOf").Call(kv...), jen.True()))
}

// box is the pyval.Value of a value of kind k.
func (x *fastFn) box(e ast.Expr, c jen.Code, k fkind) jen.Code {
	switch k {
	case fkInt:
		return jen.Qual(pyvalPkg, "IntValue").Call(c)
	case fkFloat:
		return jen.Qual(pyvalPkg, "Value").Call(jen.Qual(pyvalPkg, "Float").Call(c))
	case fkBool:
		return jen.Qual(pyvalPkg, "Value").Call(jen.Qual(pyvalPkg, "Bool").Call(c))
	case fkChar:
		return jen.Qual(pyfastPkg, "Char").Call(c)
	case fkListInt:
		return jen.Qual(pyfastPkg, "Ints").Call(c)
	case fkListFloat:
		return jen.Qual(pyfastPkg, "Floats").Call(c)
	case fkListBool:
		return jen.Qual(pyfastPkg, "Bools").Call(c)
	case fkStr:
		if n, ok := e.(*ast.Name); ok && x.params[n.Id] {
			return jen.Qual(pyvalPkg, "Value").Call(jen.Id(GoName(n.Id))) // the parameter itself
		}
	case fkStrConst:
		s, _ := constStr(e)
		return jen.Qual(pyvalPkg, "Value").Call(jen.Qual(pyvalPkg, "Str").Call(jen.Lit(s)))
	}
	x.out("result of kind %v", k)
	return nil
}

// counterStart is the start of the target name of for name in range(args...): body when
// name is a counter there (fastFn.counters).
func (x *fastFn) counterStart(name string, args []ast.Expr, body []ast.Stmt) (int64, bool) {
	nonNegConst := func(e ast.Expr, positive bool) (int64, bool) {
		c, ok := e.(*ast.Constant)
		if !ok {
			return 0, false
		}
		i, ok := c.Value.(*ast.Int)
		if !ok || !i.IsInt64() || i.Sign() < 0 || positive && i.Sign() == 0 {
			return 0, false
		}
		return i.Int64(), true
	}
	var start int64
	switch len(args) {
	case 2, 3:
		c, ok := nonNegConst(args[0], false)
		if !ok {
			return 0, false
		}
		if len(args) == 3 {
			if _, ok := nonNegConst(args[2], true); !ok {
				return 0, false
			}
		}
		start = c
	}
	if boundIn(name, body) {
		return 0, false
	}
	return start, true
}

// boundIn reports whether a body binds name.
func boundIn(name string, body []ast.Stmt) bool {
	for _, st := range body {
		for _, n := range StmtBoundNames(st) {
			if n == name {
				return true
			}
		}
	}
	return false
}

// isPositiveConst reports whether e is an int literal > 0.
func isPositiveConst(e ast.Expr) bool {
	c, ok := e.(*ast.Constant)
	if !ok {
		return false
	}
	i, ok := c.Value.(*ast.Int)
	return ok && i.Sign() > 0
}

// nonNegExpr reports whether an int expression (whose overflow leaves the fast path) is
// known to be >= 0: a literal, a counter, len(...), the square v * v of a name, a sum or
// product of such.
func (x *fastFn) nonNegExpr(e ast.Expr) bool {
	switch n := e.(type) {
	case *ast.Constant:
		i, ok := n.Value.(*ast.Int)
		return ok && i.Sign() >= 0
	case *ast.Name:
		_, ok := x.counterOf(n.Id)
		return ok
	case *ast.Call:
		return x.isBuiltin(n.Func, "len")
	case *ast.BinOp:
		if n.Op == ast.Mult {
			l, lok := n.Left.(*ast.Name)
			r, rok := n.Right.(*ast.Name)
			if lok && rok && l.Id == r.Id {
				return true
			}
		}
		return (n.Op == ast.Add || n.Op == ast.Mult) && x.nonNegExpr(n.Left) && x.nonNegExpr(n.Right)
	}
	return false
}
