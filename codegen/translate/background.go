package translate

// FastAPI's BackgroundTasks parameter in translated bodies (runtime/pyval/background.go).
//
// A parameter annotated BackgroundTasks is used only as the receiver of add_task(fn,
// *args, **kwargs) (an expression statement or a value: it is None), where fn names an
// app function translated as a helper and the arguments are those of a call of fn
// (positional, keyword, defaults filled in). The arguments are evaluated when add_task
// runs, in order, and bound: the call runs after the response is sent, holding the
// module-state mutex when the service has state living in Go (the handler released it;
// fn, or a value an argument holds, may reach that state).
// A body may also build BackgroundTasks() (add_task on it likewise) and Starlette's
// BackgroundTask(fn, *args, **kwargs) (bound the same way), and give either, or the
// parameter, or None, as the background= argument of a response object it builds
// (Response, JSONResponse, HTMLResponse, PlainTextResponse, RedirectResponse): that
// background then runs after the response instead of the parameter's tasks, as FastAPI
// gives the parameter's tasks only to a returned response whose background is None.
// Any other use of those objects (aliasing, passing them on, their other attributes) is
// refused.

import (
	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
)

// bgParamNames are the annotations of FastAPI's BackgroundTasks parameter.
var bgParamNames = map[string]bool{"fastapi.BackgroundTasks": true, "fastapi.background.BackgroundTasks": true,
	"starlette.background.BackgroundTasks": true}

// bgTasksType is the static type of BackgroundTasks() built by a body; bgTaskType of
// BackgroundTask(...) (read-only after init).
var (
	bgTasksType = &ir.Type{Kind: ir.KindClass, Name: "fastapi.BackgroundTasks"}
	bgTaskType  = &ir.Type{Kind: ir.KindClass, Name: "starlette.background.BackgroundTask"}
)

// bgClassNames are the qualified names the two classes are imported as: true for
// BackgroundTasks, false for BackgroundTask.
var bgClassNames = map[string]bool{"fastapi.BackgroundTasks": true, "fastapi.background.BackgroundTasks": true,
	"starlette.background.BackgroundTasks": true, "starlette.background.BackgroundTask": false}

// isBgType reports whether t is the BackgroundTasks parameter's type (or that of one
// the body built).
func isBgType(t *ir.Type) bool {
	return t != nil && t.Kind == ir.KindClass && bgParamNames[t.Name]
}

// isBgTaskType reports a BackgroundTask the body built.
func isBgTaskType(t *ir.Type) bool { return t == bgTaskType }

// checkBgUse refuses a use of a BackgroundTasks or BackgroundTask object other than as
// the receiver of an attribute (bgMethod checks which) or the value of a background=
// keyword argument; it reports whether t is one of their types.
func (f *fn) checkBgUse(n *ast.Name, t *ir.Type) bool {
	if !isBgType(t) && !isBgTaskType(t) {
		return false
	}
	if !f.baseOrReturned(n, false) && !f.backgroundArg(n) {
		f.refuse(n, "use of background tasks object %s (only its add_task method, or background= of a response)", n.Id)
	}
	return true
}

// backgroundArg reports the use n to be the value of a background= keyword argument.
func (f *fn) backgroundArg(n *ast.Name) bool {
	ok := false
	walkStmts(f.def.body, func(st ast.Stmt) {
		for _, e := range stmtExprs(st) {
			walkExpr(e, func(x ast.Expr) {
				if c, isCall := x.(*ast.Call); isCall {
					for _, k := range c.Keywords {
						if k != nil && k.Arg != nil && *k.Arg == "background" && k.Value == ast.Expr(n) {
							ok = true
						}
					}
				}
			})
		}
	})
	return ok
}

// bgAttribute refuses an attribute of a BackgroundTasks object read outside a call of
// add_task (tasks.tasks, tasks.add_task as a value), and any of a BackgroundTask.
func (f *fn) bgAttribute(x *ast.Attribute) bool {
	t := f.staticType(x.Value)
	if !isBgType(t) && !isBgTaskType(t) {
		return false
	}
	f.refuse(x, "attribute %s of a background tasks object", x.Attr)
	return true
}

// bgCall compiles BackgroundTasks() and BackgroundTask(fn, *args, **kwargs).
func (f *fn) bgCall(name string, c *ast.Call) (val, bool) {
	tasks, ok := bgClassNames[name]
	if !ok {
		return val{}, false
	}
	if !f.bgPlace(c) {
		f.refuse(c, "%s(...) other than assigned to a name or given as background=", shortClass(name))
	}
	if tasks {
		if len(c.Args) > 0 || len(c.Keywords) > 0 {
			f.refuse(c, "BackgroundTasks() with arguments")
		}
		return val{code: q("NewBackgroundTasks").Call(), atomic: true, typ: bgTasksType}, true
	}
	if len(c.Args) == 0 {
		f.refuse(c, "BackgroundTask() without a function")
	}
	task := f.boundTask(c)
	return val{code: q("NewBackgroundTask").Call(task), atomic: true, typ: bgTaskType}, true
}

// bgPlace reports a construction c that is the value of an assignment to one name or of
// a background= keyword argument.
func (f *fn) bgPlace(c *ast.Call) bool {
	ok := false
	walkStmts(f.def.body, func(st ast.Stmt) {
		if a, isAssign := st.(*ast.Assign); isAssign && a.Value == ast.Expr(c) && len(a.Targets) == 1 {
			_, ok = a.Targets[0].(*ast.Name)
			return
		}
		for _, e := range stmtExprs(st) {
			walkExpr(e, func(x ast.Expr) {
				if call, isCall := x.(*ast.Call); isCall {
					for _, k := range call.Keywords {
						if k != nil && k.Arg != nil && *k.Arg == "background" && k.Value == ast.Expr(c) {
							ok = true
						}
					}
				}
			})
		}
	})
	return ok
}

// withBackground applies the background= argument, if given, to a response object built.
func (f *fn) withBackground(c *ast.Call, resp val, kw map[string]val) val {
	bg, given := kw["background"]
	if !given {
		return resp
	}
	if t := bg.typ; !isBgType(t) && !isBgTaskType(t) && (t == nil || t.Kind != ir.KindNone) {
		f.refuse(c, "background= of a value that may not be a BackgroundTasks, a BackgroundTask or None")
	}
	return f.callVal(q("WithBackground").Call(resp.code, bg.code), kindValue, resp.typ)
}

// bgMethod compiles tasks.add_task(fn, *args, **kwargs) on a BackgroundTasks object.
func (f *fn) bgMethod(c *ast.Call, at *ast.Attribute) (val, bool) {
	t := f.staticType(at.Value)
	if isBgTaskType(t) {
		f.refuse(c, "method %s of a background task", at.Attr)
	}
	if !isBgType(t) {
		return val{}, false
	}
	if at.Attr != "add_task" {
		f.refuse(c, "method %s of a background tasks object", at.Attr)
	}
	if len(c.Args) == 0 {
		f.refuse(c, "add_task() without a function")
	}
	base := f.value(at.Value)
	task := f.boundTask(c)
	return f.callVal(q("AddTask").Call(base.code, task), kindValue, noneType), true
}

// boundTask compiles the function and arguments of add_task(fn, ...) or
// BackgroundTask(fn, ...) into a Go func() error calling fn's translated func with the
// arguments evaluated now.
func (f *fn) boundTask(c *ast.Call) jen.Code {
	if _, starred := c.Args[0].(*ast.Starred); starred {
		f.refuse(c.Args[0], "background task of *arguments")
	}
	g, ok := f.lookupGlobal(c.Args[0])
	if !ok || g.kind != gFunc || g.self != nil {
		f.refuse(c.Args[0], "background task %s (only the app's module-level functions)", exprName(c.Args[0]))
	}
	call := &ast.Call{Func: c.Args[0], Args: c.Args[1:], Keywords: c.Keywords, Span: c.Span}
	goName, args := f.helperArgs(g, call, g.def.isAsync)
	// Bind each argument's value now: the closure must not see later rebindings.
	bound := make([]jen.Code, len(args))
	for i, a := range args {
		t := f.newTmp()
		f.emit(jen.Id(t).Op(":=").Add(a))
		bound[i] = jen.Id(t)
	}
	var body []jen.Code
	if f.u.helpers[g.module+"."+g.def.name].state {
		f.useState()
	}
	// The task runs after the handler released the state mutex: it takes it when fn
	// touches module state living in Go, or when any does (an argument may be state or a
	// value reached from it, which fn reads).
	if f.u.helpers[g.module+"."+g.def.name].state || len(f.u.st.keys) > 0 {
		mu := f.u.stateMutex()
		body = append(body, jen.Id(mu).Dot("Lock").Call(), jen.Defer().Id(mu).Dot("Unlock").Call())
	}
	body = append(body, jen.List(jen.Id("_"), jen.Err()).Op(":=").Id(goName).Call(bound...), jen.Return(jen.Err()))
	return jen.Func().Params().Error().Block(body...)
}
