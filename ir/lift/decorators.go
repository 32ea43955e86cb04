package lift

import (
	"fmt"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
)

// applyDecorator applies a decorator to a function (or to what earlier decorators made of
// it), as the def statement does. Route and registration decorators register the function;
// framework decorators that return the function (lru_cache, staticmethod, validators) leave
// it as is; an app decorator is called. What comes back is followed when it is the function
// itself, a functools.wraps wrapper of it (FastAPI reads the wrapped signature) or another
// function of the app (FastAPI reads that one's signature); a wrapper of any kind leaves a
// note, for the call goes through code covetgen does not translate.
//
// text is the decorator as written, for messages.
func (ms *modState) applyDecorator(d obj, fn obj, pos ir.Pos, text string) obj {
	switch x := d.(type) {
	case *routeDecorator:
		ms.register(x, fn)
		return fn
	case *registerDecorator:
		ms.applyRegister(x, fn)
		return fn
	case fwObj:
		return fn
	case fwCall:
		if x.name == "functools.wraps" && len(x.args) > 0 {
			// @functools.wraps(inner) on a wrapper: the result has inner's name, docstring
			// and (through __wrapped__) signature, and runs the wrapper.
			if w, ok := fn.(*funcObj); ok {
				cp := *w
				cp.wraps, cp.callable = x.args[0], nil
				return &cp
			}
		}
		return fn
	case *funcObj:
		return ms.applyAppDecorator(x, fn, pos)
	}
	why := ""
	if u, ok := d.(unknownObj); ok {
		why = " (" + u.why + ")"
	}
	return withNote(fn, pos, fmt.Sprintf("%s is decorated by %s, which is not known statically%s", describe(fn), text, why))
}

// applyAppDecorator calls a decorator defined in the app.
func (ms *modState) applyAppDecorator(deco *funcObj, fn obj, pos ir.Pos) obj {
	res := ms.in.callFunc(deco, []obj{fn}, nil, pos)
	switch r := res.(type) {
	case *funcObj:
		if r == fn {
			return fn // a decorator that registers or marks the function and returns it
		}
		if inner, ok := fn.(*funcObj); ok && r.wraps == fn {
			// inspect.signature follows __wrapped__: FastAPI sees fn's parameters, and the
			// route's name, summary and docstring are fn's; it calls the wrapper, which
			// only the bridge can (its ir.Callable is the wrapper's def, in the decorator).
			cp := *inner
			cp.wrapper, cp.wrapPos, cp.callable = r, pos, nil
			return &cp
		}
		r = withNote(r, pos, fmt.Sprintf("%s is replaced by %s.%s, returned by decorator %s; FastAPI reads the wrapper's signature", describe(fn), deco.name, r.name, deco.name)).(*funcObj)
		return r
	case unknownObj:
		return withNote(fn, pos, fmt.Sprintf("%s is decorated by %s, whose result is not known statically", describe(fn), deco.name))
	}
	if res == fn {
		return fn
	}
	return withNote(fn, pos, fmt.Sprintf("%s is decorated by %s, which does not return a function", describe(fn), deco.name))
}

// withNote returns a copy of a function carrying one more note (other objects are returned
// as they are: their uses report them).
func withNote(fn obj, pos ir.Pos, msg string) obj {
	f, ok := fn.(*funcObj)
	if !ok {
		return fn
	}
	cp := *f
	cp.notes = append(append([]ir.Diagnostic{}, f.notes...), ir.Diagnostic{Pos: pos, Msg: msg})
	cp.callable = nil
	return &cp
}

// notesOf returns the notes of a function.
func notesOf(o obj) []ir.Diagnostic {
	if f, ok := o.(*funcObj); ok {
		return f.notes
	}
	return nil
}

// describe names a decorated object in messages.
func describe(o obj) string {
	if f, ok := o.(*funcObj); ok {
		return "function " + f.name
	}
	return "the object"
}

// exprText renders a decorator or callee expression briefly: dotted names, calls as f(...).
func exprText(e ast.Expr) string {
	switch x := e.(type) {
	case *ast.Name:
		return x.Id
	case *ast.Attribute:
		return exprText(x.Value) + "." + x.Attr
	case *ast.Call:
		return exprText(x.Func) + "(...)"
	case *ast.Subscript:
		return exprText(x.Value) + "[...]"
	}
	return "an expression"
}
