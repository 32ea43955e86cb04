package translate

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
)

// StreamingResponse objects in translated bodies (runtime/pyval's NewStreamingResponse):
//
//	StreamingResponse(gen(args), status_code=, headers=, media_type=)
//	StreamingResponse(iter(iterable), ...)
//	StreamingResponse(iterable, ...)
//
// The content is a call of an app generator function (def or async def with yield),
// translated once as a Go func taking the yield callback first (stream.go's
// continuation-passing style):
//
//	pyfn_gen_<module>_<name>(yield func(pyval.Value) error, params pyval.Value) (pyval.Value, error)
//
// its arguments evaluated when the response is built (as creating the generator binds
// them) and its body run when the response is sent, each chunk written as Starlette
// writes it; or any other value, iterated when the response is sent (iter(...), a list).
// A generator touching module state is refused: it runs after the handler released the
// state's lock.

// streamingRespCall compiles a call of StreamingResponse (name is the callee's qualified
// name); ok is false for other callees.
func (f *fn) streamingRespCall(name string, c *ast.Call) (val, bool) {
	if name != "fastapi.responses.StreamingResponse" && name != "starlette.responses.StreamingResponse" {
		return val{}, false
	}
	f.u.respBuilt = true
	if len(c.Args) == 0 {
		f.refuse(c, "StreamingResponse without a positional content")
	}
	if len(c.Args) > 4 {
		f.refuse(c, "StreamingResponse with %d positional arguments", len(c.Args))
	}
	f.noStar(c)
	var body jen.Code
	if gc, ok := c.Args[0].(*ast.Call); ok && f.isGeneratorCall(gc) {
		body = f.generatorBody(gc)
	} else if ic, ok := c.Args[0].(*ast.Call); ok && f.isIterCall(ic) {
		// iter(x) runs now: a TypeError for x not iterable is raised here.
		x := f.value(ic.Args[0])
		v := f.hoist(f.callVal(q("StreamIter").Call(x.code), kindValue, nil))
		body = q("StreamIterable").Call(v.code)
	} else {
		v := f.hoist(f.value(c.Args[0]))
		body = q("StreamIterable").Call(v.code)
	}
	rest := *c
	rest.Args = c.Args[1:]
	params := []string{"status_code", "headers", "media_type"}
	pos, kw := f.args(&rest, "StreamingResponse()", params...)
	slots := make([]jen.Code, len(params))
	var status *val
	for i := range params {
		slots[i] = jen.Nil()
		if i < len(pos) {
			slots[i] = pos[i].code
			if i == 0 {
				status = &pos[i]
			}
		}
		if v, given := kw[params[i]]; given {
			if i < len(pos) {
				f.refuse(c, "StreamingResponse argument %s given twice", params[i])
			}
			slots[i] = v.code
			if i == 0 {
				status = &v
			}
		}
	}
	if status != nil && !isIntType(status.typ) {
		f.refuse(c, "StreamingResponse status_code that may not be an int")
	}
	return f.callVal(q("NewStreamingResponse").Call(append([]jen.Code{body}, slots...)...), kindValue, builtRespTypes["StreamingResponse"]), true
}

// isGeneratorCall reports a call of an app function whose body yields.
func (f *fn) isGeneratorCall(c *ast.Call) bool {
	g, ok := f.lookupGlobal(c.Func)
	return ok && g.kind == gFunc && g.def != nil && g.self == nil && g.ctor == nil && isGenerator(g.def)
}

// isIterCall reports a call iter(x) of the builtin.
func (f *fn) isIterCall(c *ast.Call) bool {
	n, ok := c.Func.(*ast.Name)
	if !ok || n.Id != "iter" || len(c.Args) != 1 || len(c.Keywords) != 0 || f.locals[n.Id] != nil {
		return false
	}
	_, isStar := c.Args[0].(*ast.Starred)
	g, isGlobal := f.lookupGlobal(c.Func)
	return !isStar && (!isGlobal || g.kind == gBuiltin || g.kind == gNone)
}

// isGenerator reports a def whose own body has a yield expression.
func isGenerator(d *funcDef) bool {
	found := false
	walkStmts(d.body, func(st ast.Stmt) {
		for _, e := range stmtExprs(st) {
			walkExpr(e, func(x ast.Expr) {
				switch x.(type) {
				case *ast.Yield, *ast.YieldFrom:
					found = true
				}
			})
		}
	})
	return found
}

// generatorBody compiles the generator call c: its arguments now (hoisted), its body as a
// pyval.StreamBody calling the translated generator.
func (f *fn) generatorBody(c *ast.Call) jen.Code {
	g := f.calleeGlobal(c.Func)
	goName, args := f.helperArgsVia(g, c, g.def.isAsync, func() (string, bool) {
		return f.u.genHelper(g, f.app, c, f), false
	})
	captured := []jen.Code{jen.Id("yield")}
	for _, a := range args {
		captured = append(captured, f.hoist(val{code: jen.Add(a)}).code)
	}
	return jen.Func().Params(jen.Id("yield").Func().Params(jen.Qual(pyvalPkg, "Value")).Error()).Error().Block(
		jen.List(jen.Id("_"), jen.Err()).Op(":=").Id(goName).Call(captured...),
		jen.Return(jen.Err()),
	)
}

// genHelper translates the app generator function g once (StreamFunc's style) and
// returns its Go func's name; a refusal in it becomes the caller's.
func (u *Unit) genHelper(g global, app *ir.App, c *ast.Call, caller *fn) string {
	key := "gen:" + g.module + "." + g.def.name
	if h, ok := u.helpers[key]; ok {
		if h.busy {
			caller.refuse(c, "recursive call of %s", g.def.name)
		}
		if h.diag != nil {
			caller.refuse(c, "call of %s (%s)", g.def.name, h.diag)
		}
		return h.GoName
	}
	h := &helperInfo{Helper: Helper{Module: g.module, Name: g.def.name}, busy: true, def: g.def, mod: g.mi}
	u.helpers[key] = h
	vars := map[string]Var{}
	ps := params(g.def)
	for _, p := range ps {
		vars[p.Arg] = Var{Go: jen.Id(GoName(p.Arg))}
	}
	code, diag, state := u.translateGenHelper(g, app, vars)
	h.busy, h.state = false, state
	if diag == nil && state {
		diag = &ir.Diagnostic{Pos: g.mi.pos(nodeOfDef(g.def)), Msg: "cannot translate generator " + g.def.name + " touching module state (it runs while the response is sent)"}
	}
	if diag != nil {
		h.diag = diag
		caller.refuse(c, "call of %s (%s)", g.def.name, diag)
	}
	h.GoName = u.goIdent("pyfn_gen_"+identPart(g.module)+"_"+identPart(g.def.name), key)
	plist := []jen.Code{jen.Id("yield").Func().Params(jen.Qual(pyvalPkg, "Value")).Error()}
	for _, p := range ps {
		plist = append(plist, jen.Id(GoName(p.Arg)).Qual(pyvalPkg, "Value"))
	}
	pos := g.mi.pos(nodeOfDef(g.def))
	u.decls = append(u.decls, jen.Commentf("%s is the generator %s.%s (%s): yield(v) streams v.", h.GoName, g.module, g.def.name, pos),
		jen.Func().Id(h.GoName).Params(plist...).Params(jen.Qual(pyvalPkg, "Value"), jen.Error()).Block(code...))
	return h.GoName
}

// translateGenHelper translates the generator g's body (translateHelper for generators).
func (u *Unit) translateGenHelper(g global, app *ir.App, vars map[string]Var) (code []jen.Code, diag *ir.Diagnostic, state bool) {
	defer func() {
		if r := recover(); r != nil {
			code = nil
			if rf, ok := r.(refusal); ok {
				diag = &ir.Diagnostic{Pos: rf.pos, Msg: "cannot translate " + rf.what}
				return
			}
			diag = &ir.Diagnostic{Pos: g.mi.pos(nodeOfDef(g.def)), Msg: fmt.Sprintf("cannot translate function: internal error: %v", r)}
		}
	}()
	hf := newFn(u, g.mi, app, g.def, vars, false)
	info := &genInfo{yield: jen.Id("yield"), stream: true}
	info.scanStream(g.def.body, nil)
	hf.gen = info
	hf.checkGen()
	code = hf.translate()
	return code, nil, hf.usesState
}
