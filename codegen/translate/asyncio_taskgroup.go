package translate

// `async with asyncio.TaskGroup() as group:` whose block only creates tasks of app
// coroutines — `t = group.create_task(h(a, b))`, `ts = [group.create_task(h(x, a)) for x
// in xs]` (xs a local list or tuple, no condition), `group.create_task(h(...))` — with
// arguments that are names or constants (so building the block cannot raise), and later
// `t.result()` on those tasks. The block makes no await, so no task starts before the
// block ends; then the tasks run as asyncio.gather's coroutines do (asyncio_gather.go:
// every coroutine function with the same simple suspension profile), in creation order.
// A task that raises makes asyncio cancel the others and raise an ExceptionGroup (a 500);
// the coroutines must then not touch module state, so whether the cancelled ones ran
// cannot show; for the same reason the statement is refused inside a try statement and
// in an app with exception handlers (one for Exception would see the group's
// sub-exception count). `group` may be used for nothing else.

import (
	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
)

// taskType is the static type of an asyncio.Task made in a TaskGroup block.
var taskType = &ir.Type{Kind: ir.KindClass, Name: "asyncio.Task"}

func isTaskType(t *ir.Type) bool {
	return t != nil && t.Kind == ir.KindClass && t.Name == taskType.Name
}

// taskGroup compiles an async with statement over asyncio.TaskGroup().
func (f *fn) taskGroup(s *ast.AsyncWith) {
	if len(s.Items) != 1 || s.Items[0] == nil {
		f.refuse(s, "async with statement")
	}
	it := s.Items[0]
	ctor, ok := it.ContextExpr.(*ast.Call)
	if !ok {
		f.refuse(s, "async with statement (only asyncio.TaskGroup())")
	}
	at, isAttr := ctor.Func.(*ast.Attribute)
	if !isAttr || at.Attr != "TaskGroup" || f.stdlibModuleOf(at.Value) != "asyncio" || len(ctor.Args)+len(ctor.Keywords) > 0 {
		f.refuse(s, "async with statement (only asyncio.TaskGroup())")
	}
	group, ok := it.OptionalVars.(*ast.Name)
	if !ok {
		f.refuse(s, "async with asyncio.TaskGroup() without `as name`")
	}
	if len(f.excStack) > 0 {
		f.refuse(s, "async with asyncio.TaskGroup() inside a try statement")
	}
	if f.app != nil && len(f.app.ExceptionHandlers) > 0 {
		f.refuse(s, "async with asyncio.TaskGroup() in an app with exception handlers")
	}
	creates := 0
	for _, st := range s.Body {
		creates += f.taskGroupStmtShape(st, group.Id)
	}
	uses := 0
	for _, st := range f.def.body {
		eachNode(st, func(n any) bool {
			if x, ok := n.(*ast.Name); ok && x.Id == group.Id {
				uses++
			}
			return true
		})
	}
	if uses != creates+1 { // the `as` target, then one use per create_task
		f.refuse(group, "use of %s other than group.create_task() in its block", group.Id)
	}
	f.store(group, val{code: q("None"), atomic: true, typ: noneType})
	tg := f.newTmp()
	f.emit(jen.Id(tg).Op(":=").Add(q("NewTaskGroup").Call()))
	first, sleeps0, delay0 := true, false, 0.0
	create := func(c *ast.Call) jen.Code {
		call := c.Args[0].(*ast.Call)
		g, d, sleeps := f.asyncHelper(call, "group.create_task()")
		if first {
			first, sleeps0, delay0 = false, sleeps, d
		} else if sleeps != sleeps0 || d != delay0 {
			f.refuse(call, "tasks of coroutines that suspend differently (their interleaving would show)")
		}
		name, args := f.helperArgs(g, call, true)
		if f.u.helpers[g.module+"."+g.def.name].state {
			f.refuse(call, "group.create_task() of %s (it touches module state)", g.name)
		}
		ids := make([]jen.Code, len(args))
		for i, a := range args {
			t := f.newTmp()
			f.emit(jen.Id(t).Op(":=").Add(a))
			ids[i] = jen.Id(t)
		}
		return jen.Id(tg).Dot("Add").Call(jen.Func().Params().Params(q("Value"), jen.Error()).Block(
			jen.Return(jen.Id(name).Call(ids...))))
	}
	for _, st := range s.Body {
		switch x := st.(type) {
		case *ast.ExprStmt:
			f.emit(jen.Id("_").Op("=").Add(create(x.Value.(*ast.Call))))
		case *ast.Assign:
			switch v := x.Value.(type) {
			case *ast.Call:
				t := f.newTmp()
				f.emit(jen.Id(t).Op(":=").Add(create(v)))
				f.store(x.Targets[0], val{code: jen.Id(t), atomic: true, typ: taskType})
			case *ast.ListComp:
				lst := f.newTmp()
				f.emit(jen.Id(lst).Op(":=").Add(q("NewList").Call()))
				f.compLoops(v.Generators, func(string) {
					f.emit(jen.Id(lst).Dot("Items").Op("=").Append(jen.Id(lst).Dot("Items"), create(v.Elt.(*ast.Call))))
				})
				f.store(x.Targets[0], val{code: jen.Id(lst), atomic: true, typ: listOf(taskType)})
			}
		}
	}
	f.errOnly(jen.Id(tg).Dot("Wait").Call())
}

// taskGroupStmtShape checks st is one of the statements a TaskGroup block may hold and
// returns how many group.create_task calls it makes.
func (f *fn) taskGroupStmtShape(st ast.Stmt, group string) int {
	isCreate := func(e ast.Expr) bool {
		c, ok := e.(*ast.Call)
		if !ok || len(c.Args) != 1 || len(c.Keywords) != 0 {
			return false
		}
		at, ok := c.Func.(*ast.Attribute)
		if !ok || at.Attr != "create_task" {
			return false
		}
		if n, ok := at.Value.(*ast.Name); !ok || n.Id != group {
			return false
		}
		inner, ok := c.Args[0].(*ast.Call)
		if !ok {
			return false
		}
		for _, a := range inner.Args {
			if !simpleArg(a) {
				return false
			}
		}
		for _, k := range inner.Keywords {
			if k == nil || k.Arg == nil || !simpleArg(k.Value) {
				return false
			}
		}
		return true
	}
	switch x := st.(type) {
	case *ast.ExprStmt:
		if isCreate(x.Value) {
			return 1
		}
	case *ast.Assign:
		if len(x.Targets) != 1 {
			break
		}
		if _, ok := x.Targets[0].(*ast.Name); !ok {
			break
		}
		if isCreate(x.Value) {
			return 1
		}
		lc, ok := x.Value.(*ast.ListComp)
		if !ok || len(lc.Generators) != 1 || lc.Generators[0] == nil || !isCreate(lc.Elt) {
			break
		}
		g := lc.Generators[0]
		if _, ok := g.Target.(*ast.Name); !ok || len(g.Ifs) > 0 || g.IsAsync != 0 {
			break
		}
		if n, ok := g.Iter.(*ast.Name); ok && f.locals[n.Id] != nil {
			if t := f.types[n.Id]; t != nil && (t.Kind == ir.KindList || t.Kind == ir.KindTuple) {
				return 1
			}
		}
	}
	f.refuse(st, "statement in an asyncio.TaskGroup block (only group.create_task(f(names or constants)), alone, assigned to a name, or in a list comprehension over a local list)")
	return 0
}

// simpleArg reports a name or a constant: evaluating it cannot raise (a bound local).
func simpleArg(e ast.Expr) bool {
	switch e.(type) {
	case *ast.Name, *ast.Constant:
		return true
	}
	return false
}

// taskResultCall compiles t.result() on a task of a TaskGroup block; ok false otherwise.
func (f *fn) taskResultCall(c *ast.Call) (val, bool) {
	at, ok := c.Func.(*ast.Attribute)
	if !ok || at.Attr != "result" {
		return val{}, false
	}
	n, ok := at.Value.(*ast.Name)
	if !ok {
		return val{}, false
	}
	if _, comp := f.compVars[n.Id]; !comp && f.locals[n.Id] == nil {
		return val{}, false
	}
	v := f.name(n)
	if !isTaskType(v.typ) {
		return val{}, false
	}
	if len(c.Args)+len(c.Keywords) > 0 {
		f.refuse(c, "task.result() with arguments")
	}
	return f.callVal(q("TaskResult").Call(v.code), kindValue, nil), true
}
