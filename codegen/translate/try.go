package translate

import (
	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/parser/ast"
)

// tryCtx is where an exception raised inside a try statement goes: the error is stored
// in errVar and control jumps to label (Go's goto leaves the enclosing blocks).
type tryCtx struct {
	errVar, label string
	used          bool
}

// raiseTo propagates the error e: a return when no try statement encloses the code in
// this Go function, else a jump to the innermost one's handlers.
func (f *fn) raiseTo(e jen.Code) []jen.Code {
	n := len(f.excStack)
	if n == 0 {
		return []jen.Code{jen.Return(jen.Nil(), e)}
	}
	t := f.excStack[n-1]
	t.used = true
	if id, ok := e.(*jen.Statement); ok && fmtCode(id) == t.errVar {
		return []jen.Code{jen.Goto().Id(t.label)}
	}
	return []jen.Code{jen.Id(t.errVar).Op("=").Add(e), jen.Goto().Id(t.label)}
}

func fmtCode(c jen.Code) string {
	defer func() { _ = recover() }() // jen renders only complete code; a fragment is not a name
	return jen.Add(c).GoString()
}

// inertCause reports whether the cause of `raise ... from cause` can be ignored: None, or
// a local bound on every path (the cause changes neither the response nor the status).
func (f *fn) inertCause(e ast.Expr) bool {
	switch x := e.(type) {
	case *ast.Constant:
		return x.Value == nil || isNoneLit(x)
	case *ast.Name:
		return f.locals[x.Id] != nil && f.assigned[x.Id]
	}
	return false
}

func isNoneLit(c *ast.Constant) bool {
	v, ok := literal(c.Value)
	return ok && v != nil && v.TypeName() == "NoneType"
}

// handlerClasses resolves an except clause's type to the class names it catches. A bare
// except, Exception and BaseException catch every Python exception (the runtime's own
// Unsupported* errors, which stand for values Python computes, are not caught).
func (f *fn) handlerClasses(e ast.Expr) []string {
	if e == nil {
		return []string{"BaseException"}
	}
	if t, ok := e.(*ast.Tuple); ok {
		var classes []string
		for _, el := range t.Elts {
			classes = append(classes, f.handlerClasses(el)...)
		}
		return classes
	}
	if at, ok := e.(*ast.Attribute); ok && at.Attr == "JSONDecodeError" && f.stdlibModuleOf(at.Value) == "json" {
		return []string{"JSONDecodeError"}
	}
	if at, ok := e.(*ast.Attribute); ok && at.Attr == "Error" && f.stdlibModuleOf(at.Value) == "binascii" {
		return []string{"binascii.Error"} // base64's decoding errors (runtime/pyval/b64.go)
	}
	if n, ok := e.(*ast.Name); ok && f.locals[n.Id] != nil {
		f.refuse(e, "except clause naming the local %s", n.Id)
	}
	g := f.calleeGlobal(e)
	switch g.kind {
	case gHTTPExc:
		return []string{"HTTPException"}
	case gBuiltinExc:
		return []string{g.name}
	case gFramework:
		switch g.name {
		case "pydantic.ValidationError", "pydantic_core.ValidationError":
			return []string{"ValidationError"}
		}
	case gOtherClass:
		if name, ok := f.excClassName(e); ok { // exc_use.go
			return []string{name}
		}
	}
	f.refuse(e, "except clause for %s", exprName(e))
	return nil
}

// checkExcUses refuses uses of an `except ... as name` binding other than str(name),
// repr(name), f"{name}" / f"{name!r}" and `raise name`.
func (f *fn) checkExcUses(name string, body []ast.Stmt) {
	ok := map[ast.Expr]bool{}
	mark := func(e ast.Expr) {
		if n, isName := e.(*ast.Name); isName && n.Id == name {
			ok[n] = true
		}
	}
	walkStmts(body, func(st ast.Stmt) {
		if r, isRaise := st.(*ast.Raise); isRaise {
			mark(r.Exc)
			mark(r.Cause)
		}
		for _, e := range stmtExprs(st) {
			walkExpr(e, func(x ast.Expr) {
				switch c := x.(type) {
				case *ast.Call:
					if fn, isName := c.Func.(*ast.Name); isName && (fn.Id == "str" || fn.Id == "repr") && len(c.Args) == 1 && len(c.Keywords) == 0 {
						mark(c.Args[0])
					}
					if fn, isName := c.Func.(*ast.Name); isName && fn.Id == "isinstance" && len(c.Args) == 2 {
						mark(c.Args[0]) // exc_use.go
					}
				case *ast.Attribute:
					mark(c.Value) // exc_use.go: an attribute of an app exception
				case *ast.FormattedValue:
					if c.FormatSpec == nil && c.Conversion != 'a' {
						mark(c.Value)
					}
				}
			})
		}
	})
	walkStmts(body, func(st ast.Stmt) {
		for _, e := range stmtExprs(st) {
			walkExpr(e, func(x ast.Expr) {
				if n, isName := x.(*ast.Name); isName && n.Id == name && !ok[n] {
					f.refuse(n, "use of exception %s other than str(), repr(), an f-string or raise", name)
				}
			})
		}
	})
}

// exits reports whether a block contains return, break or continue (which would leave
// the try statement through its finally clause).
func exits(body []ast.Stmt) ast.Stmt {
	var found ast.Stmt
	walkStmts(body, func(st ast.Stmt) {
		switch st.(type) {
		case *ast.Return, *ast.Break, *ast.Continue:
			if found == nil {
				found = st
			}
		}
	})
	return found
}

// tryStmt translates try / except / else / finally:
//
//	var _eN error
//	{ body }                      // a raise stores the error in _eN and jumps to _xN
//	_xN:
//	if _eN != nil {
//		if pyval.ExcMatch(_eN, "KeyError") { handler } else { re-raise }
//	} else { else-clause }
//	_yN:                          // with a finally clause: handlers jump here too
//	finally-clause
//	if _eN != nil { re-raise }
func (f *fn) tryStmt(s *ast.Try) {
	fin := len(s.Finalbody) > 0
	if fin {
		for _, blk := range [][]ast.Stmt{s.Body, s.Orelse, s.Finalbody} {
			if st := exits(blk); st != nil {
				f.refuse(st, "%s inside a try statement with a finally clause", stmtKind(st))
			}
		}
		for _, h := range s.Handlers {
			if st := exits(h.Body); st != nil {
				f.refuse(st, "%s inside a try statement with a finally clause", stmtKind(st))
			}
		}
	}
	type handler struct {
		h       *ast.ExceptHandler
		classes []string
	}
	var hs []handler
	for _, h := range s.Handlers {
		if h == nil {
			continue
		}
		cs := f.handlerClasses(h.Type)
		if h.Name != nil {
			f.checkExcUses(*h.Name, h.Body)
		}
		hs = append(hs, handler{h, cs})
	}

	n := f.newTmp()[2:]
	ctx := &tryCtx{errVar: "_e" + n, label: "_x" + n}
	assigned0, types0 := copySet(f.assigned), copyTypes(f.types)
	// In a handler, anything the body binds may or may not be bound, with any type.
	hAssigned, hTypes := copySet(assigned0), copyTypes(types0)
	for _, st := range s.Body {
		for _, name := range StmtBoundNames(st) {
			delete(hAssigned, name)
			hTypes[name] = nil
		}
	}

	// The body.
	f.excStack = append(f.excStack, ctx)
	f.push()
	f.stmts(s.Body)
	body := f.pop()
	f.excStack = f.excStack[:len(f.excStack)-1]
	bodyDead := f.dead
	bodyAssigned, bodyTypes := f.assigned, f.types

	var fctx *tryCtx
	if fin {
		fctx = &tryCtx{errVar: ctx.errVar, label: "_y" + n}
		f.excStack = append(f.excStack, fctx)
	}
	var branches []branchState
	// The else clause runs when the body completes.
	var elseCode []jen.Code
	if !bodyDead {
		f.push()
		f.stmts(s.Orelse)
		elseCode = f.pop()
		branches = append(branches, branchState{f.dead, f.assigned, f.types})
	}
	var chain *jen.Statement
	if ctx.used {
		for i, h := range hs {
			f.assigned, f.types, f.dead = copySet(hAssigned), copyTypes(hTypes), false
			f.push()
			f.handling = append(f.handling, ctx.errVar)
			if h.h.Name != nil {
				l := f.locals[*h.h.Name]
				if l.read {
					f.emit(jen.Id(l.goName).Op("=").Qual(pyvalPkg, "CaughtOf").Call(jen.Id(ctx.errVar)))
				}
				f.assigned[*h.h.Name] = true
				f.types[*h.h.Name] = excBindType(h.classes) // exc_use.go
			}
			f.stmts(h.h.Body)
			f.handling = f.handling[:len(f.handling)-1]
			if !f.dead {
				if h.h.Name != nil { // the name is deleted when the handler ends
					if l := f.locals[*h.h.Name]; l.read {
						f.emit(jen.Id(l.goName).Op("=").Nil())
					}
					delete(f.assigned, *h.h.Name)
				}
				if fin {
					f.emit(jen.Id(ctx.errVar).Op("=").Nil())
				}
			}
			code := f.pop()
			branches = append(branches, branchState{f.dead, f.assigned, f.types})
			cond := jen.Qual(pyvalPkg, "ExcMatch").Call(append([]jen.Code{jen.Id(ctx.errVar)}, lits(h.classes)...)...)
			if i == 0 {
				chain = jen.If(cond).Block(code...)
			} else {
				chain.Else().If(cond).Block(code...)
			}
		}
		switch {
		case fin:
			// Unmatched, the error stays in errVar: through the finally clause, re-raised.
			branches = append(branches, branchState{true, hAssigned, hTypes})
		case chain == nil:
			chain = jen.Block(f.raiseTo(jen.Id(ctx.errVar))...)
		default:
			chain.Else().Block(f.raiseTo(jen.Id(ctx.errVar))...)
		}
	}
	if fin {
		f.excStack = f.excStack[:len(f.excStack)-1]
	}

	if ctx.used || fin && fctx.used {
		f.emit(jen.Var().Id(ctx.errVar).Error())
	}
	f.emit(jen.Block(body...))
	var elseBlock jen.Code
	if len(elseCode) > 0 {
		elseBlock = jen.Block(elseCode...)
	}
	switch {
	case !ctx.used:
		if elseBlock != nil {
			f.emit(elseBlock)
		}
	case bodyDead:
		f.emit(jen.Id(ctx.label).Op(":"))
		if chain != nil {
			f.emit(chain)
		}
	case chain == nil:
		f.emit(jen.Id(ctx.label).Op(":"))
		if elseBlock != nil {
			f.emit(jen.If(jen.Id(ctx.errVar).Op("==").Nil()).Block(elseBlock))
		}
	default:
		f.emit(jen.Id(ctx.label).Op(":"))
		st := jen.If(jen.Id(ctx.errVar).Op("!=").Nil()).Block(chain)
		if elseBlock != nil {
			st.Else().Add(elseBlock)
		}
		f.emit(st)
	}
	if !ctx.used && bodyDead {
		branches = append(branches, branchState{true, bodyAssigned, bodyTypes})
	}
	if !fin {
		f.merge(branches)
		return
	}
	// The finally clause runs after every path, exceptional ones included.
	live := false
	for _, b := range branches {
		live = live || !b.dead
	}
	var finIn []branchState
	for _, b := range branches {
		b.dead = false
		finIn = append(finIn, b)
	}
	finIn = append(finIn, branchState{false, hAssigned, hTypes})
	f.merge(finIn)
	if fctx.used {
		f.emit(jen.Id(fctx.label).Op(":"))
	}
	at := len(f.blk.stmts)
	f.stmts(s.Finalbody)
	if f.dead {
		if ctx.used || fctx.used { // the finally clause raised or returned: the error is dropped
			rest := append([]jen.Code{jen.Id("_").Op("=").Id(ctx.errVar)}, f.blk.stmts[at:]...)
			f.blk.stmts = append(f.blk.stmts[:at], rest...)
		}
		return
	}
	if !live {
		f.emit(f.raiseTo(jen.Id(ctx.errVar))...)
		f.dead = true
		return
	}
	if ctx.used || fctx.used {
		f.emit(jen.If(jen.Id(ctx.errVar).Op("!=").Nil()).Block(f.raiseTo(jen.Id(ctx.errVar))...))
	}
}

func lits(ss []string) []jen.Code {
	out := make([]jen.Code, len(ss))
	for i, s := range ss {
		out[i] = jen.Lit(s)
	}
	return out
}

func stmtKind(st ast.Stmt) string {
	switch st.(type) {
	case *ast.Return:
		return "return"
	case *ast.Break:
		return "break"
	}
	return "continue"
}
