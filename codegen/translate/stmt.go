package translate

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
)

// stmtNames names the statements the subset refuses.
func stmtName(st ast.Stmt) string {
	switch st.(type) {
	case *ast.For:
		return "for loop"
	case *ast.AsyncFor:
		return "async for loop"
	case *ast.While:
		return "while loop"
	case *ast.Try, *ast.TryStar:
		return "try statement"
	case *ast.With:
		return "with statement"
	case *ast.AsyncWith:
		return "async with statement"
	case *ast.Import, *ast.ImportFrom:
		return "import statement"
	case *ast.Global:
		return "global statement"
	case *ast.Nonlocal:
		return "nonlocal statement"
	case *ast.FunctionDef, *ast.AsyncFunctionDef:
		return "nested function definition"
	case *ast.ClassDef:
		return "class definition"
	case *ast.Delete:
		return "del statement"
	case *ast.Match:
		return "match statement"
	case *ast.TypeAlias:
		return "type alias"
	case *ast.Break:
		return "break statement"
	case *ast.Continue:
		return "continue statement"
	}
	return fmt.Sprintf("statement %T", st)
}

func (f *fn) comment(st ast.Stmt) {
	p := f.mi.pos(st)
	src := f.u.sourceLine(f.mi.name, p.Line)
	if src == "" {
		f.emit(jen.Commentf("%s:%d", p.File, p.Line))
		return
	}
	f.emit(jen.Commentf("%s:%d: %s", p.File, p.Line, src))
}

// stmts translates a block; statements after a return or raise are not (they never run).
func (f *fn) stmts(body []ast.Stmt) {
	for _, st := range body {
		if f.dead {
			return
		}
		if st == nil {
			continue
		}
		f.stmt(st)
	}
}

func isDocOrConst(st ast.Stmt) bool {
	if e, ok := st.(*ast.ExprStmt); ok {
		_, c := e.Value.(*ast.Constant)
		return c
	}
	return false
}

func (f *fn) stmt(st ast.Stmt) {
	if isDocOrConst(st) {
		return // a docstring, `...`: no effect
	}
	f.comment(st)
	switch s := st.(type) {
	case *ast.Pass:
	case *ast.Return:
		f.ret(s)
	case *ast.ExprStmt:
		if !f.yieldStmt(s) { // yield.go
			f.exprStmt(s)
		}
	case *ast.Assign:
		f.assign(s)
	case *ast.AnnAssign:
		if s.Value != nil {
			f.assign(&ast.Assign{Targets: []ast.Expr{s.Target}, Value: s.Value, Span: s.Span})
		} else if _, ok := s.Target.(*ast.Name); !ok {
			f.refuse(s, "annotation of %s", exprName(s.Target))
		}
	case *ast.AugAssign:
		f.augAssign(s)
	case *ast.If:
		f.ifStmt(s)
	case *ast.Raise:
		f.raise(s)
	case *ast.Assert:
		f.assert(s)
	case *ast.For:
		f.forStmt(s)
	case *ast.While:
		f.whileStmt(s)
	case *ast.Try:
		f.tryStmt(s)
	case *ast.Delete:
		f.delStmt(s)
	case *ast.Break:
		f.jump(s, true)
	case *ast.Continue:
		f.jump(s, false)
	case *ast.Global:
		f.globalStmt(s)
	case *ast.ImportFrom:
		f.localImportStmt(s) // localimport.go
	case *ast.AsyncWith:
		f.taskGroup(s) // asyncio_taskgroup.go
	default:
		f.refuse(st, "%s", stmtName(st))
	}
}

func (f *fn) ret(s *ast.Return) {
	if s.Value == nil {
		f.emit(jen.Return(jen.Qual(pyvalPkg, "None"), jen.Nil()))
		f.dead = true
		f.retMixed = true
		return
	}
	v := f.value(s.Value)
	f.retType = v.typ
	f.noteReturn(v.typ)
	f.noteReturnFree(s.Value) // rettype_free.go
	if lc := f.blk.last; lc != nil && len(f.excStack) == 0 && v.kind == kindValue && v.tmp != "" && lc.tmp == v.tmp && lc.idx == len(f.blk.stmts) {
		f.blk.stmts = f.blk.stmts[:lc.idx-2]
		f.emit(jen.Return(lc.call))
	} else {
		f.emit(jen.Return(v.code, jen.Nil()))
	}
	f.dead = true
}

// discard drops an expression statement's value, keeping its effects.
func (f *fn) exprStmt(s *ast.ExprStmt) {
	v := f.anyExpr(s.Value)
	if lc := f.blk.last; lc != nil && v.tmp != "" && lc.tmp == v.tmp && lc.idx == len(f.blk.stmts) {
		op := ":="
		if lc.errDeclPrev {
			op = "="
		}
		f.blk.stmts[lc.idx-2] = jen.List(jen.Id("_"), jen.Err()).Op(op).Add(lc.call)
		f.blk.last = nil
		return
	}
	f.emit(jen.Id("_").Op("=").Add(v.code))
}

func (f *fn) assign(s *ast.Assign) {
	// A constant display bound to a local that the body mutates must be fresh.
	saved := f.noFreeze
	for _, t := range s.Targets {
		for _, n := range boundNames(t) {
			if l := f.locals[n]; l != nil && l.mutated {
				f.noFreeze = true
			}
		}
	}
	v := f.value(s.Value)
	f.noFreeze = saved
	if len(s.Targets) > 1 && !v.atomic {
		v = f.hoist(v)
	}
	if len(s.Targets) == 1 {
		f.freshValue = s.Value // itemmut.go
	}
	for _, t := range s.Targets {
		f.store(t, v)
	}
	f.freshValue = nil
}

// hoist evaluates v into a temporary.
func (f *fn) hoist(v val) val {
	t := f.newTmp()
	f.emit(jen.Id(t).Op(":=").Add(v.code))
	v.code, v.atomic, v.tmp = jen.Id(t), true, ""
	return v
}

// store assigns v to a target.
func (f *fn) store(t ast.Expr, v val) {
	if f.downstreamStore(t, v) { // callnext.go
		return
	}
	switch x := t.(type) {
	case *ast.Name:
		if f.globals[x.Id] {
			f.storeGlobal(x, v)
			return
		}
		l := f.locals[x.Id]
		if l.read {
			f.emit(jen.Id(l.goName).Op("=").Add(v.code))
		} else {
			f.emit(jen.Id("_").Op("=").Add(v.code))
		}
		f.assigned[x.Id] = true
		f.types[x.Id] = v.typ
	case *ast.Tuple, *ast.List:
		var elts []ast.Expr
		if tu, ok := x.(*ast.Tuple); ok {
			elts = tu.Elts
		} else {
			elts = x.(*ast.List).Elts
		}
		star := -1
		for i, e := range elts {
			if _, ok := e.(*ast.Starred); ok {
				if star >= 0 {
					f.refuse(e, "multiple starred expressions in assignment")
				}
				star = i
			}
		}
		var items val
		if star >= 0 {
			items = f.callVal(jen.Qual(pyvalPkg, "UnpackStar").Call(v.code, jen.Lit(star), jen.Lit(len(elts)-star-1)), kindItems, nil)
		} else {
			items = f.callVal(jen.Qual(pyvalPkg, "Unpack").Call(v.code, jen.Lit(len(elts))), kindItems, nil)
		}
		for i, e := range elts {
			var t *ir.Type
			if i == star {
				e, t = e.(*ast.Starred).Value, listType
			} else if star < 0 {
				t = fixedTupleItem(v.typ, i, len(elts)) // reqform.go
			}
			f.store(e, val{code: jen.Id(items.tmp).Index(jen.Lit(i)), atomic: true, typ: t})
		}
	case *ast.Subscript:
		if f.respStore(x, v) {
			return
		}
		if _, isSlice := x.Slice.(*ast.Slice); isSlice {
			f.refuse(x, "slice assignment")
		}
		base := f.ownedBase(x.Value)
		vals := f.seq([]ast.Expr{x.Slice}, f.value)
		fresh := f.freshItem(base.typ, v) // itemmut.go
		f.freshValue = nil
		f.checkStateStore(x.Value, base.typ, &vals[0], &fresh) // statetype.go
		if !v.atomic {
			v = f.hoist(v)
		}
		f.errOnly(jen.Qual(pyvalPkg, "SetItem").Call(base.code, vals[0].code, v.code))
	case *ast.Attribute:
		if f.respStore(x, v) {
			return
		}
		if f.instStore(x, v) { // instances.go
			return
		}
		if f.excStore(x, v) { // exc_use.go
			return
		}
		f.refuse(x, "assignment to attribute %s", x.Attr)
	default:
		f.refuse(t, "assignment to %s", exprName(t))
	}
}

// ownedBase compiles the Name a mutation applies to, refusing values the call does not
// own.
func (f *fn) ownedBase(e ast.Expr) val {
	if v, ok := f.stateBase(e); ok {
		return v // module state living in Go, or a value reached from it (state.go)
	}
	if v, ok := f.freshItemsBase(e); ok {
		return v // an item of a local dict of fresh containers (reqform.go)
	}
	n, ok := e.(*ast.Name)
	if !ok {
		f.refuse(e, "mutation of %s (only local names can be mutated)", exprName(e))
	}
	l := f.locals[n.Id]
	if l == nil || !l.owned && !l.stateAlias {
		f.refuse(e, "mutation of %s (not owned by the function)", n.Id)
	}
	return f.name(n)
}

func (f *fn) errOnly(call *jen.Statement) {
	f.emit(jen.If(jen.Err().Op(":=").Add(call), jen.Err().Op("!=").Nil()).Block(f.retErr()...))
}

func (f *fn) augAssign(s *ast.AugAssign) {
	op, ok := binOps[s.Op]
	if !ok {
		f.refuse(s, "%s operator", opSymbol(s.Op))
	}
	switch t := s.Target.(type) {
	case *ast.Name:
		l := f.locals[t.Id]
		cur := f.name(t)
		if l == nil {
			cur = f.hoist(cur) // module state declared global (state.go): read before the operand
		}
		fname := op.name
		if s.Op == ast.Add || s.Op == ast.Mult {
			if l != nil && !l.owned && !l.stateAlias && mayBeList(cur.typ) {
				f.refuse(s, "augmented assignment to %s (may mutate a list the function does not own)", t.Id)
			}
			fname = "I" + op.name
		}
		vs := f.seq([]ast.Expr{s.Value}, f.value)
		r := f.callVal(jen.Qual(pyvalPkg, fname).Call(cur.code, vs[0].code), kindValue, nil)
		r.typ = arithType(s.Op, cur.typ, vs[0].typ)
		if cur.typ != nil && cur.typ.Kind == ir.KindList && (s.Op == ast.Add || s.Op == ast.Mult) {
			r.typ = cur.typ // list += / *= keep the list
		}
		f.store(t, r)
	case *ast.Subscript:
		if _, isSlice := t.Slice.(*ast.Slice); isSlice {
			f.refuse(t, "slice assignment")
		}
		base := f.ownedBase(t.Value)
		key := f.seq([]ast.Expr{t.Slice}, f.value)[0]
		if !key.atomic {
			key = f.hoist(key)
		}
		cur := f.callVal(jen.Qual(pyvalPkg, "GetItem").Call(base.code, key.code), kindValue, nil)
		rhs := f.seq([]ast.Expr{s.Value}, f.value)[0]
		if (s.Op == ast.Add || s.Op == ast.Mult) && !isNumberType(rhs.typ) {
			f.refuse(s, "augmented assignment %s= to an item (in-place on a possibly shared value)", opSymbol(s.Op))
		}
		r := f.callVal(jen.Qual(pyvalPkg, op.name).Call(cur.code, rhs.code), kindValue, nil)
		r.typ = arithType(s.Op, itemType(base.typ), rhs.typ)
		f.checkStateStore(t.Value, base.typ, &key, &r) // statetype.go
		f.errOnly(jen.Qual(pyvalPkg, "SetItem").Call(base.code, key.code, r.code))
	default:
		if f.instAugAssign(s) { // instances_aug.go
			return
		}
		f.refuse(s.Target, "augmented assignment to %s", exprName(s.Target))
	}
}

func mayBeList(t *ir.Type) bool {
	if t == nil {
		return true
	}
	switch t.Kind {
	case ir.KindList, ir.KindAny, ir.KindUnknown, ir.KindSet, ir.KindFrozenSet:
		return true
	case ir.KindUnion:
		for _, a := range t.Args {
			if mayBeList(a) {
				return true
			}
		}
	}
	return false
}

func isNumberType(t *ir.Type) bool {
	return t != nil && (t.Kind == ir.KindInt || t.Kind == ir.KindFloat || t.Kind == ir.KindBool)
}

type branchState struct {
	dead     bool
	assigned map[string]bool
	types    map[string]*ir.Type
}

// ifStmt translates if / elif / else; an elif whose condition needs no statements
// becomes `else if`, with its source line as the first comment of its block.
func (f *fn) ifStmt(s *ast.If) {
	assigned0, types0 := copySet(f.assigned), copyTypes(f.types)
	typesT, typesF := f.narrowTypes(s.Test, types0) // narrow.go: x is None / x is not None
	var branches []branchState
	first := true
	var narrow ast.Expr // the test of the branch, which may narrow a local's type (isinstance_model.go)
	branch := func(body []ast.Stmt, head ast.Stmt) []jen.Code {
		f.assigned, f.types, f.dead = copySet(assigned0), copyTypes(typesF), false
		if first {
			f.types, first = copyTypes(typesT), false
		}
		if narrow != nil {
			f.narrowIsinstance(narrow)
		}
		f.push()
		if head != nil {
			f.comment(head)
		}
		f.stmts(body)
		code := f.pop()
		branches = append(branches, branchState{f.dead, f.assigned, f.types})
		return code
	}
	narrow = s.Test
	stmt := jen.If(f.cond(s.Test)).Block(branch(s.Body, nil)...)
	orelse := s.Orelse
	for len(orelse) == 1 {
		elif, ok := orelse[0].(*ast.If)
		if !ok {
			break
		}
		f.assigned, f.types = copySet(assigned0), copyTypes(typesF)
		f.push()
		c := f.cond(elif.Test)
		if pre := f.pop(); len(pre) > 0 {
			break
		}
		narrow = elif.Test
		stmt.Else().If(c).Block(branch(elif.Body, elif)...)
		orelse = elif.Orelse
	}
	narrow = nil
	if len(orelse) > 0 {
		stmt.Else().Block(branch(orelse, nil)...)
	} else {
		branches = append(branches, branchState{false, copySet(assigned0), copyTypes(typesF)})
	}
	f.emit(stmt)
	f.merge(branches)
}

// merge joins the states of the branches of an if: definitely assigned where every live
// branch assigned, types kept where they agree.
func (f *fn) merge(bs []branchState) {
	var live []branchState
	for _, b := range bs {
		if !b.dead {
			live = append(live, b)
		}
	}
	if len(live) == 0 {
		f.dead = true
		return
	}
	f.dead = false
	f.assigned, f.types = copySet(live[0].assigned), copyTypes(live[0].types)
	for _, b := range live[1:] {
		for k := range f.assigned {
			if !b.assigned[k] {
				delete(f.assigned, k)
			}
		}
		for k, t := range f.types {
			if tb, ok := b.types[k]; !ok || !sameType(t, tb) {
				f.types[k] = nil
			}
		}
		for k := range b.types {
			if _, ok := f.types[k]; !ok {
				f.types[k] = nil
			}
		}
	}
}

func sameType(a, b *ir.Type) bool {
	if a == nil || b == nil {
		return a == b
	}
	if a == b {
		return true
	}
	return a.Kind == b.Kind && a.Model == b.Model && a.String() == b.String()
}

func copySet(m map[string]bool) map[string]bool {
	c := make(map[string]bool, len(m))
	for k, v := range m {
		c[k] = v
	}
	return c
}

func copyTypes(m map[string]*ir.Type) map[string]*ir.Type {
	c := make(map[string]*ir.Type, len(m))
	for k, v := range m {
		c[k] = v
	}
	return c
}

func (f *fn) assert(s *ast.Assert) {
	cond := f.cond(s.Test)
	f.push()
	var args []jen.Code
	if s.Msg != nil {
		args = append(args, f.value(s.Msg).code)
	}
	f.emit(f.raiseTo(jen.Qual(pyvalPkg, "AssertionFailed").Call(args...))...)
	body := f.pop()
	f.emit(jen.If(jen.Op("!").Parens(cond)).Block(body...))
}

func (f *fn) raise(s *ast.Raise) {
	if s.Exc == nil {
		if len(f.handling) == 0 {
			f.refuse(s, "bare raise outside an except clause")
		}
		f.emit(f.raiseTo(jen.Id(f.handling[len(f.handling)-1]))...)
		f.dead = true
		return
	}
	if s.Cause != nil && !f.inertCause(s.Cause) {
		f.refuse(s.Cause, "raise ... from %s", exprName(s.Cause))
	}
	if n, ok := s.Exc.(*ast.Name); ok && f.locals[n.Id] != nil {
		v := f.name(n)
		f.emit(f.raiseTo(q("RaiseValue").Call(v.code))...)
		f.dead = true
		return
	}
	var callee ast.Expr = s.Exc
	var call *ast.Call
	if c, ok := s.Exc.(*ast.Call); ok {
		callee, call = c.Func, c
	}
	g := f.calleeGlobal(callee)
	switch g.kind {
	case gHTTPExc:
		if call == nil {
			f.refuse(s.Exc, "raise of the HTTPException class")
		}
		f.raiseHTTP(call)
	case gBuiltinExc:
		var args []jen.Code
		if call != nil {
			if len(call.Keywords) > 0 {
				f.refuse(call, "keyword arguments to %s", g.name)
			}
			for _, v := range f.seq(call.Args, f.value) {
				args = append(args, v.code)
			}
		}
		f.emit(f.raiseTo(jen.Qual(pyvalPkg, "NewException").Call(append([]jen.Code{jen.Lit(g.name)}, args...)...))...)
	default:
		if info := f.excOf(g); info != nil { // exc_class.go
			if call == nil {
				call = &ast.Call{Func: s.Exc, Span: *s.Exc.(ast.Spanned).GetSpan()}
			}
			v := f.excConstruct(info, call)
			f.emit(f.raiseTo(q("RaiseValue").Call(v.code))...)
			break
		}
		f.refuse(s.Exc, "raise of %s", exprName(s.Exc))
	}
	f.dead = true
}

// raiseHTTP is raise HTTPException(status_code, detail=None, headers=None).
func (f *fn) raiseHTTP(c *ast.Call) {
	f.emit(f.raiseTo(jen.Qual(pyvalPkg, "HTTPException").Call(f.httpExcArgs(c)...))...)
}

// httpExcArgs compiles the arguments of HTTPException(status_code, detail=None,
// headers=None): status_code, detail and headers, nil when not given.
func (f *fn) httpExcArgs(c *ast.Call) []jen.Code {
	names := []string{"status_code", "detail", "headers"}
	var exprs []ast.Expr
	slot := make([]int, 0, 3) // slot of each evaluated expression
	for i, a := range c.Args {
		if _, star := a.(*ast.Starred); star || i >= 3 {
			f.refuse(a, "HTTPException argument")
		}
		exprs, slot = append(exprs, a), append(slot, i)
	}
	for _, k := range c.Keywords {
		if k == nil || k.Arg == nil {
			f.refuse(c, "HTTPException(**kwargs)")
		}
		idx := -1
		for i, n := range names {
			if n == *k.Arg {
				idx = i
			}
		}
		if idx < 0 {
			f.refuse(k, "HTTPException keyword %s", *k.Arg)
		}
		for _, s := range slot {
			if s == idx {
				f.refuse(k, "HTTPException argument %s given twice", *k.Arg)
			}
		}
		exprs, slot = append(exprs, k.Value), append(slot, idx)
	}
	args := []jen.Code{jen.Nil(), jen.Nil(), jen.Nil()}
	has := [3]bool{}
	for i, v := range f.seqDetail(exprs, slot) {
		args[slot[i]] = v.code
		has[slot[i]] = true
	}
	if !has[0] {
		f.refuse(c, "HTTPException without status_code")
	}
	return args
}

// seqDetail compiles HTTPException arguments (a constant detail needs no freezing care).
func (f *fn) seqDetail(exprs []ast.Expr, slot []int) []val {
	return f.seq(exprs, f.value)
}
