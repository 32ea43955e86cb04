package codegen

import (
	"strings"

	"github.com/covetpy/covetgen/codegen/translate"
	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/ir/load"
	"github.com/covetpy/covetgen/parser/ast"
)

// Pass-through functools.wraps wrappers. An endpoint or dependency decorated by
//
//	def audited(func):
//	    @functools.wraps(func)
//	    async def wrapper(*args, **kwargs):
//	        return await func(*args, **kwargs)
//	    return wrapper
//
// is the wrapper for FastAPI (ir/lift names it "audited.<locals>.wrapper"), which reads
// the decorated function's signature through __wrapped__ and calls wrapper(**values):
// the wrapper calls the function with those very arguments and returns what it returns
// (an exception goes through unchanged). When the decorator is exactly that (a docstring
// at most besides, the wrapper async if and only if the function is: an async wrapper
// awaiting a plain function's result, or a plain one returning a coroutine, would not
// be a pass-through; the function no generator) and it is the decorator nearest the def, the route runs the
// decorated function itself: seeThrough names it, and the code generator translates it
// in place of the wrapper.

// seeThrough returns the Callable of the function a pass-through wrapper c calls (nil:
// c is not one).
func seeThrough(prog *load.Program, c *ir.Callable) *ir.Callable {
	if prog == nil || c == nil || !strings.Contains(c.QualName, ".<locals>.") {
		return nil
	}
	outerName, inner, _ := strings.Cut(c.QualName, ".<locals>.")
	if inner != c.Name && c.Name != c.QualName || inner == "" || strings.Contains(outerName, ".") || strings.Contains(inner, ".") {
		return nil
	}
	dm := prog.Modules[c.Module]
	if dm == nil || dm.File == nil || dm.File.Module == nil {
		return nil
	}
	outer, ok := moduleDef(dm, outerName).(*ast.FunctionDef)
	if !ok || !passThroughDecorator(dm, outer, inner) {
		return nil
	}
	um := moduleOfFile(prog, c.Pos.File)
	if um == nil {
		return nil
	}
	for _, st := range um.File.Module.Body {
		var decos []ast.Expr
		var name string
		var isAsync bool
		switch d := st.(type) {
		case *ast.FunctionDef:
			decos, name = d.DecoratorList, d.Name
		case *ast.AsyncFunctionDef:
			decos, name, isAsync = d.DecoratorList, d.Name, true
		default:
			continue
		}
		if len(decos) == 0 || um.Pos(decos[len(decos)-1]) != c.Pos {
			continue
		}
		last, ok := decos[len(decos)-1].(*ast.Name)
		if !ok || !namesDef(prog, um, last.Id, c.Module, outerName) || isAsync != wrapperAsync(outer, inner) ||
			translate.IsGeneratorDef(st) {
			return nil // FastAPI would see a generator through __wrapped__, run the wrapper's result
		}
		return &ir.Callable{Kind: c.Kind, Name: name, Module: um.Name, QualName: name, IsAsync: isAsync,
			Doc: c.Doc, Key: c.Key, Pos: um.Pos(st)}
	}
	return nil
}

// moduleDef is the def of m named name, when it is the only binding of the name in the
// module (nil otherwise).
func moduleDef(m *load.Module, name string) ast.Stmt {
	if b := soleBinder(m, name); b != nil {
		if d, ok := b.(*ast.FunctionDef); ok && d.Name == name {
			return b
		}
	}
	return nil
}

// soleBinder is the one statement binding name at the top level of m, in the module's
// own blocks (if, try, for, while, with) included; nil when there is none, more than
// one, or a function declares the name global.
func soleBinder(m *load.Module, name string) ast.Stmt {
	var bound ast.Stmt
	n, global := 0, false
	var walk func(body []ast.Stmt, top bool)
	walk = func(body []ast.Stmt, top bool) {
		for _, st := range body {
			if top {
				for _, b := range topLevelNames(st) {
					if b == name || b == "*" {
						bound = st
						n++
					}
				}
			}
			switch x := st.(type) {
			case *ast.Global:
				for _, g := range x.Names {
					global = global || g == name
				}
			case *ast.FunctionDef:
				walk(x.Body, false)
			case *ast.AsyncFunctionDef:
				walk(x.Body, false)
			case *ast.ClassDef:
				walk(x.Body, false)
			case *ast.If:
				walk(x.Body, top)
				walk(x.Orelse, top)
			case *ast.For:
				if top && targetBinds(x.Target, name) {
					bound = st
					n++
				}
				walk(x.Body, top)
				walk(x.Orelse, top)
			case *ast.While:
				walk(x.Body, top)
				walk(x.Orelse, top)
			case *ast.With:
				for _, it := range x.Items {
					if top && it != nil && it.OptionalVars != nil && targetBinds(it.OptionalVars, name) {
						bound = st
						n++
					}
				}
				walk(x.Body, top)
			case *ast.Try:
				walk(x.Body, top)
				for _, h := range x.Handlers {
					if h != nil {
						walk(h.Body, top)
					}
				}
				walk(x.Orelse, top)
				walk(x.Finalbody, top)
			}
		}
	}
	walk(m.File.Module.Body, true)
	if n != 1 || global {
		return nil
	}
	return bound
}

// targetBinds reports whether an assignment target binds name (an attribute or item
// target binds none).
func targetBinds(t ast.Expr, name string) bool {
	switch x := t.(type) {
	case *ast.Name:
		return x.Id == name
	case *ast.Starred:
		return targetBinds(x.Value, name)
	case *ast.Tuple:
		for _, e := range x.Elts {
			if targetBinds(e, name) {
				return true
			}
		}
	case *ast.List:
		for _, e := range x.Elts {
			if targetBinds(e, name) {
				return true
			}
		}
	}
	return false
}

// moduleOfFile is the loaded module read from file rel.
func moduleOfFile(prog *load.Program, rel string) *load.Module {
	for _, name := range prog.Order {
		if m := prog.Modules[name]; m != nil && m.Rel == rel && m.File != nil && m.File.Module != nil {
			return m
		}
	}
	return nil
}

// namesDef reports whether name, in module m, is the module-level def module.def: the
// def itself or a from-import of it.
func namesDef(prog *load.Program, m *load.Module, name, module, def string) bool {
	if m.Name == module {
		return moduleDef(m, name) != nil && name == def
	}
	bound := soleBinder(m, name)
	imp, ok := bound.(*ast.ImportFrom)
	if !ok {
		return false
	}
	base, ok := prog.ResolveFrom(m, imp)
	if !ok || base != module {
		return false
	}
	for _, a := range imp.Names {
		as := a.Name
		if a.Asname != nil {
			as = *a.Asname
		}
		if as == name {
			return a.Name == def
		}
	}
	return false
}

// topLevelNames are the names a module-level statement binds (imports, defs, classes,
// assignments to names).
func topLevelNames(st ast.Stmt) []string {
	switch s := st.(type) {
	case *ast.FunctionDef:
		return []string{s.Name}
	case *ast.AsyncFunctionDef:
		return []string{s.Name}
	case *ast.ClassDef:
		return []string{s.Name}
	case *ast.Import:
		var out []string
		for _, a := range s.Names {
			if a.Asname != nil {
				out = append(out, *a.Asname)
			} else {
				top, _, _ := strings.Cut(a.Name, ".")
				out = append(out, top)
			}
		}
		return out
	case *ast.ImportFrom:
		var out []string
		for _, a := range s.Names {
			if a.Asname != nil {
				out = append(out, *a.Asname)
			} else {
				out = append(out, a.Name)
			}
		}
		return out
	case *ast.Assign:
		var out []string
		for _, t := range s.Targets {
			out = append(out, targetNames(t)...)
		}
		return out
	case *ast.AugAssign:
		return targetNames(s.Target)
	case *ast.AnnAssign:
		return targetNames(s.Target)
	}
	return nil
}

// targetNames are the names an assignment target binds.
func targetNames(t ast.Expr) []string {
	switch x := t.(type) {
	case *ast.Name:
		return []string{x.Id}
	case *ast.Starred:
		return targetNames(x.Value)
	case *ast.Tuple:
		var out []string
		for _, e := range x.Elts {
			out = append(out, targetNames(e)...)
		}
		return out
	case *ast.List:
		var out []string
		for _, e := range x.Elts {
			out = append(out, targetNames(e)...)
		}
		return out
	}
	return nil
}

// passThroughDecorator reports whether outer is `def outer(func): @functools.wraps(func)
// [async] def wrapper(*args, **kwargs): return [await] func(*args, **kwargs); return
// wrapper` (a docstring allowed), in module m.
func passThroughDecorator(m *load.Module, outer *ast.FunctionDef, wrapper string) bool {
	a := outer.Args
	if len(outer.DecoratorList) > 0 || a == nil || len(a.Posonlyargs) != 0 || len(a.Args) != 1 || a.Vararg != nil ||
		a.Kwarg != nil || len(a.Kwonlyargs) != 0 || len(a.Defaults) != 0 {
		return false
	}
	param := a.Args[0].Arg
	body := skipDoc(outer.Body)
	if len(body) != 2 {
		return false
	}
	ret, ok := body[1].(*ast.Return)
	if !ok {
		return false
	}
	if n, ok := ret.Value.(*ast.Name); !ok || n.Id != wrapper {
		return false
	}
	var decos []ast.Expr
	var wargs *ast.Arguments
	var wbody []ast.Stmt
	isAsync := false
	switch w := body[0].(type) {
	case *ast.FunctionDef:
		if w.Name != wrapper {
			return false
		}
		decos, wargs, wbody = w.DecoratorList, w.Args, w.Body
	case *ast.AsyncFunctionDef:
		if w.Name != wrapper {
			return false
		}
		decos, wargs, wbody, isAsync = w.DecoratorList, w.Args, w.Body, true
	default:
		return false
	}
	if len(decos) != 1 || !isWrapsOf(m, decos[0], param) {
		return false
	}
	if wargs == nil || len(wargs.Posonlyargs) != 0 || len(wargs.Args) != 0 || len(wargs.Kwonlyargs) != 0 ||
		wargs.Vararg == nil || wargs.Kwarg == nil {
		return false
	}
	wbody = skipDoc(wbody)
	if len(wbody) != 1 {
		return false
	}
	r, ok := wbody[0].(*ast.Return)
	if !ok {
		return false
	}
	e := r.Value
	if isAsync {
		aw, ok := e.(*ast.Await)
		if !ok {
			return false
		}
		e = aw.Value
	}
	call, ok := e.(*ast.Call)
	if !ok || len(call.Args) != 1 || len(call.Keywords) != 1 {
		return false
	}
	if fn, ok := call.Func.(*ast.Name); !ok || fn.Id != param || param == wargs.Vararg.Arg || param == wargs.Kwarg.Arg {
		return false
	}
	st, ok := call.Args[0].(*ast.Starred)
	if !ok {
		return false
	}
	if n, ok := st.Value.(*ast.Name); !ok || n.Id != wargs.Vararg.Arg {
		return false
	}
	kw := call.Keywords[0]
	if kw == nil || kw.Arg != nil {
		return false
	}
	n, ok := kw.Value.(*ast.Name)
	return ok && n.Id == wargs.Kwarg.Arg
}

// wrapperAsync reports whether the wrapper def of outer is async.
func wrapperAsync(outer *ast.FunctionDef, wrapper string) bool {
	for _, st := range outer.Body {
		if d, ok := st.(*ast.AsyncFunctionDef); ok && d.Name == wrapper {
			return true
		}
	}
	return false
}

// skipDoc drops a leading docstring.
func skipDoc(body []ast.Stmt) []ast.Stmt {
	if len(body) > 0 {
		if e, ok := body[0].(*ast.ExprStmt); ok {
			if c, ok := e.Value.(*ast.Constant); ok {
				if _, ok := c.Value.(ast.Str); ok {
					return body[1:]
				}
			}
		}
	}
	return body
}

// isWrapsOf reports whether e is functools.wraps(param) (import functools) or
// wraps(param) (from functools import wraps), in module m.
func isWrapsOf(m *load.Module, e ast.Expr, param string) bool {
	c, ok := e.(*ast.Call)
	if !ok || len(c.Args) != 1 || len(c.Keywords) != 0 {
		return false
	}
	if n, ok := c.Args[0].(*ast.Name); !ok || n.Id != param {
		return false
	}
	switch f := c.Func.(type) {
	case *ast.Attribute:
		base, ok := f.Value.(*ast.Name)
		return ok && f.Attr == "wraps" && onlyImport(m, base.Id, func(st ast.Stmt) bool {
			imp, ok := st.(*ast.Import)
			if !ok {
				return false
			}
			for _, a := range imp.Names {
				if a.Name == "functools" && (a.Asname == nil && base.Id == "functools" || a.Asname != nil && *a.Asname == base.Id) {
					return true
				}
			}
			return false
		})
	case *ast.Name:
		return onlyImport(m, f.Id, func(st ast.Stmt) bool {
			imp, ok := st.(*ast.ImportFrom)
			if !ok || imp.Level != 0 || imp.Module == nil || *imp.Module != "functools" {
				return false
			}
			for _, a := range imp.Names {
				if a.Name == "wraps" && (a.Asname == nil && f.Id == "wraps" || a.Asname != nil && *a.Asname == f.Id) {
					return true
				}
			}
			return false
		})
	}
	return false
}

// onlyImport reports whether name is bound at the top level of m by one statement only,
// and that statement satisfies is.
func onlyImport(m *load.Module, name string, is func(ast.Stmt) bool) bool {
	bound := soleBinder(m, name)
	return bound != nil && is(bound)
}
