package translate

// FastAPI's BackgroundTasks parameter in translated bodies (runtime/pyval/background.go).
//
// A parameter annotated BackgroundTasks is used only as the receiver of add_task(fn,
// *args, **kwargs) (an expression statement or a value: it is None), where fn names an
// app function translated as a helper and the arguments are those of a call of fn
// (positional, keyword, defaults filled in). The arguments are evaluated when add_task
// runs, in order, and bound: the call runs after the response is sent, holding the
// module-state mutex when fn touches state living in Go (the handler released it).
// Any other use of the object (aliasing, passing it on, its other attributes) is refused.

import (
	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
)

// bgParamNames are the annotations of FastAPI's BackgroundTasks parameter.
var bgParamNames = map[string]bool{"fastapi.BackgroundTasks": true, "fastapi.background.BackgroundTasks": true,
	"starlette.background.BackgroundTasks": true}

// isBgType reports whether t is the BackgroundTasks parameter's type.
func isBgType(t *ir.Type) bool {
	return t != nil && t.Kind == ir.KindClass && bgParamNames[t.Name]
}

// checkBgUse refuses a use of a BackgroundTasks parameter other than as the receiver of an
// attribute (bgMethod checks which); it reports whether t is that type.
func (f *fn) checkBgUse(n *ast.Name, t *ir.Type) bool {
	if !isBgType(t) {
		return false
	}
	if !f.baseOrReturned(n, false) {
		f.refuse(n, "use of background tasks object %s (only its add_task method)", n.Id)
	}
	return true
}

// bgAttribute refuses an attribute of a BackgroundTasks parameter read outside a call of
// add_task (tasks.tasks, tasks.add_task as a value).
func (f *fn) bgAttribute(x *ast.Attribute) bool {
	if !isBgType(f.staticType(x.Value)) {
		return false
	}
	f.refuse(x, "attribute %s of a background tasks object", x.Attr)
	return true
}

// bgMethod compiles tasks.add_task(fn, *args, **kwargs) on a BackgroundTasks parameter.
func (f *fn) bgMethod(c *ast.Call, at *ast.Attribute) (val, bool) {
	if !isBgType(f.staticType(at.Value)) {
		return val{}, false
	}
	if at.Attr != "add_task" {
		f.refuse(c, "method %s of a background tasks object", at.Attr)
	}
	if len(c.Args) == 0 {
		f.refuse(c, "add_task() without a function")
	}
	if _, starred := c.Args[0].(*ast.Starred); starred {
		f.refuse(c.Args[0], "add_task() of *arguments")
	}
	base := f.value(at.Value)
	g, ok := f.lookupGlobal(c.Args[0])
	if !ok || g.kind != gFunc || g.self != nil {
		f.refuse(c.Args[0], "add_task() of %s (only the app's module-level functions)", exprName(c.Args[0]))
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
		mu := f.u.stateMutex()
		body = append(body, jen.Id(mu).Dot("Lock").Call(), jen.Defer().Id(mu).Dot("Unlock").Call())
	}
	body = append(body, jen.List(jen.Id("_"), jen.Err()).Op(":=").Id(goName).Call(bound...), jen.Return(jen.Err()))
	task := jen.Func().Params().Error().Block(body...)
	return f.callVal(q("AddTask").Call(base.code, task), kindValue, noneType), true
}
