package lift

import (
	"math/big"
	"sort"
	"strings"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
)

// callFunc calls a function of the app at import time (an app factory, a settings getter,
// a generate_unique_id_function): its body runs in a fresh local scope, statement by
// statement, with the same abstract semantics as module code. Generators, coroutines and
// bodies that do not reach a known return give an unknown object.
func (in *interp) callFunc(f *funcObj, args []obj, kw []kwArg, pos ir.Pos) obj {
	if f.async || containsYield(f.body) {
		return unknownObj{why: "call of " + f.name + " returns a coroutine or generator", pos: pos}
	}
	in.calls++
	saved := in.running
	in.running = f.qualName()
	defer func() { in.calls--; in.running = saved }()
	if in.calls > 16 {
		return unknownObj{why: "calls nested too deeply", pos: pos}
	}
	// The body sees its enclosing function's locals (a closure), not a class body's names.
	parent := f.ms.globals
	if f.scope != nil && f.cls == nil {
		parent = f.scope
	}
	sc := newScope(parent)
	params := funcParamNames(f)
	if f.self != nil {
		args = append([]obj{f.self}, args...)
	}
	for i, name := range params {
		switch {
		case i < len(args):
			sc.set(name, args[i])
		default:
			if v, ok := kwGet(kw, name); ok {
				sc.set(name, v)
			} else if d, ok := f.defaults[name]; ok {
				sc.set(name, d)
			} else {
				sc.set(name, unknownObj{why: "argument " + name + " not given", pos: pos})
			}
		}
	}
	if f.args.Vararg != nil {
		var rest []obj
		if len(args) > len(params) {
			rest = args[len(params):]
		}
		sc.set(f.args.Vararg.Arg, seqObj{kind: "tuple", items: rest})
	}
	if f.args.Kwarg != nil {
		d := dictObj{}
		for _, k := range kw {
			if !contains(params, k.name) {
				d = d.with(valObj{ir.Str(k.name)}, k.val)
			}
		}
		sc.set(f.args.Kwarg.Arg, d)
	}
	ret, returned := f.ms.runBody(f.body, sc, 0)
	if !returned {
		return valObj{ir.None{}}
	}
	if ret == nil {
		return unknownObj{why: "result of " + f.name + "() not known statically", pos: pos}
	}
	return ret
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func funcParamNames(f *funcObj) []string {
	var out []string
	for _, a := range f.args.Posonlyargs {
		out = append(out, a.Arg)
	}
	for _, a := range f.args.Args {
		out = append(out, a.Arg)
	}
	for _, a := range f.args.Kwonlyargs {
		out = append(out, a.Arg)
	}
	return out
}

// runBody runs a function body. returned reports whether a return statement was reached;
// ret is nil when the path taken depends on something unknown.
func (ms *modState) runBody(body []ast.Stmt, sc *scope, depth int) (ret obj, returned bool) {
	if depth > 20 {
		return nil, true
	}
	for _, st := range body {
		switch s := st.(type) {
		case *ast.Return:
			if s.Value == nil {
				return valObj{ir.None{}}, true
			}
			v := ms.eval(s.Value, sc)
			if isUnknown(v) {
				return nil, true
			}
			return v, true
		case *ast.If:
			var branch []ast.Stmt
			switch ms.truth(s.Test, sc) {
			case 1:
				branch = s.Body
			case 0:
				branch = s.Orelse
			default:
				if hasReturn(s.Body) || hasReturn(s.Orelse) {
					return nil, true
				}
				branch = s.Body
			}
			if r, ok := ms.runBody(branch, sc, depth+1); ok {
				return r, true
			}
		case *ast.Try:
			if r, ok := ms.runBody(s.Body, sc, depth+1); ok {
				return r, true
			}
			if r, ok := ms.runBody(s.Finalbody, sc, depth+1); ok {
				return r, true
			}
		case *ast.With:
			if r, ok := ms.runBody(s.Body, sc, depth+1); ok {
				return r, true
			}
		case *ast.For, *ast.While, *ast.AsyncFor, *ast.AsyncWith:
			if hasReturn([]ast.Stmt{st}) {
				return nil, true
			}
			ms.exec(st, sc)
		case *ast.Raise:
			return nil, true
		default:
			ms.exec(st, sc)
		}
	}
	return nil, false
}

// hasReturn reports whether statements contain a return (nested functions excluded).
func hasReturn(body []ast.Stmt) bool {
	for _, st := range body {
		switch s := st.(type) {
		case *ast.Return:
			return true
		case *ast.If:
			if hasReturn(s.Body) || hasReturn(s.Orelse) {
				return true
			}
		case *ast.For:
			if hasReturn(s.Body) || hasReturn(s.Orelse) {
				return true
			}
		case *ast.While:
			if hasReturn(s.Body) || hasReturn(s.Orelse) {
				return true
			}
		case *ast.With:
			if hasReturn(s.Body) {
				return true
			}
		case *ast.Try:
			if hasReturn(s.Body) || hasReturn(s.Orelse) || hasReturn(s.Finalbody) {
				return true
			}
			for _, h := range s.Handlers {
				if hasReturn(h.Body) {
					return true
				}
			}
		}
	}
	return false
}

// compare evaluates a comparison chain on known values.
func (ms *modState) compare(c *ast.Compare, sc *scope) obj {
	left := ms.eval(c.Left, sc)
	for i, op := range c.Ops {
		right := ms.eval(c.Comparators[i], sc)
		r, ok := compareOne(left, op, right)
		if !ok {
			return unknownObj{why: "comparison of values not known statically", pos: ms.pos(c)}
		}
		if !r {
			return valObj{ir.Bool(false)}
		}
		left = right
	}
	return valObj{ir.Bool(true)}
}

func compareOne(l obj, op ast.CmpOp, r obj) (bool, bool) {
	switch op {
	case ast.In, ast.NotIn:
		found, ok := containsObj(r, l)
		if !ok {
			return false, false
		}
		return found == (op == ast.In), true
	case ast.Is, ast.IsNot:
		lv, lok := l.(valObj)
		rv, rok := r.(valObj)
		if lok && rok {
			_, ln := lv.v.(ir.None)
			_, rn := rv.v.(ir.None)
			if ln || rn {
				return (ln && rn) == (op == ast.Is), true
			}
		}
		if rok {
			if _, rn := rv.v.(ir.None); rn && !isUnknown(l) {
				if _, isVal := l.(valObj); !isVal {
					return op == ast.IsNot, true
				}
			}
		}
		return false, false
	}
	lv, ok1 := toValue(l)
	rv, ok2 := toValue(r)
	if !ok1 || !ok2 {
		return false, false
	}
	switch op {
	case ast.Eq:
		return ir.ValueEqual(lv, rv), true
	case ast.NotEq:
		return !ir.ValueEqual(lv, rv), true
	}
	a, aok := numberOf(lv)
	b, bok := numberOf(rv)
	if aok && bok {
		c := a.Cmp(b)
		switch op {
		case ast.Lt:
			return c < 0, true
		case ast.LtE:
			return c <= 0, true
		case ast.Gt:
			return c > 0, true
		case ast.GtE:
			return c >= 0, true
		}
	}
	if as, ok := lv.(ir.Str); ok {
		if bs, ok := rv.(ir.Str); ok {
			c := strings.Compare(string(as), string(bs))
			switch op {
			case ast.Lt:
				return c < 0, true
			case ast.LtE:
				return c <= 0, true
			case ast.Gt:
				return c > 0, true
			case ast.GtE:
				return c >= 0, true
			}
		}
	}
	return false, false
}

func numberOf(v ir.Value) (*big.Float, bool) {
	switch x := v.(type) {
	case ir.Int:
		return new(big.Float).SetInt(x.V), true
	case ir.Float:
		f := float64(x)
		if f != f {
			return nil, false
		}
		return big.NewFloat(f), true
	case ir.Bool:
		if x {
			return big.NewFloat(1), true
		}
		return big.NewFloat(0), true
	}
	return nil, false
}

// containsObj is `item in container` for known containers.
func containsObj(container, item obj) (bool, bool) {
	iv, ok := toValue(item)
	if !ok {
		return false, false
	}
	var items []obj
	switch c := container.(type) {
	case dictObj:
		items = c.keys
	case seqObj:
		items = c.items
	case valObj:
		if s, ok := c.v.(ir.Str); ok {
			if is, ok := iv.(ir.Str); ok {
				return strings.Contains(string(s), string(is)), true
			}
		}
		return false, false
	default:
		return false, false
	}
	for _, it := range items {
		v, ok := toValue(it)
		if !ok {
			return false, false
		}
		if ir.ValueEqual(v, iv) {
			return true, true
		}
	}
	return false, true
}

// iterItems returns what iterating a known object yields.
func iterItems(o obj) ([]obj, bool) {
	switch x := o.(type) {
	case seqObj:
		return x.items, true
	case dictObj:
		return x.keys, true
	case valObj:
		if s, ok := x.v.(ir.Str); ok {
			var out []obj
			for _, r := range string(s) {
				out = append(out, valObj{ir.Str(string(r))})
			}
			return out, true
		}
	}
	return nil, false
}

// comprehension evaluates a list/set/dict comprehension or generator over known values.
func (ms *modState) comprehension(gens []*ast.Comprehension, sc *scope, emit func(*scope)) bool {
	if len(gens) == 0 {
		emit(sc)
		return true
	}
	g := gens[0]
	items, ok := iterItems(ms.eval(g.Iter, sc))
	if !ok || len(items) > 10000 {
		return false
	}
	for _, it := range items {
		inner := newScope(sc)
		ms.assign(g.Target, it, inner)
		keep := true
		for _, cond := range g.Ifs {
			b, ok := truthValue(ms.eval(cond, inner))
			if !ok {
				return false
			}
			if !b {
				keep = false
				break
			}
		}
		if keep && !ms.comprehension(gens[1:], inner, emit) {
			return false
		}
	}
	return true
}

// dictMethod calls a method of a known dict.
func (ms *modState) dictMethod(d dictObj, name string, args []obj, pos ir.Pos) obj {
	switch name {
	case "get":
		if len(args) > 0 {
			if k, ok := toValue(args[0]); ok {
				for i, key := range d.keys {
					if kv, ok := toValue(key); ok && ir.ValueEqual(kv, k) {
						return d.vals[i]
					}
				}
				if len(args) > 1 {
					return args[1]
				}
				return valObj{ir.None{}}
			}
		}
	case "items":
		var items []obj
		for i := range d.keys {
			items = append(items, seqObj{kind: "tuple", items: []obj{d.keys[i], d.vals[i]}})
		}
		return seqObj{kind: "list", items: items}
	case "keys":
		return seqObj{kind: "list", items: d.keys}
	case "values":
		return seqObj{kind: "list", items: d.vals}
	case "copy":
		return d
	}
	return unknownObj{why: "dict method ." + name, pos: pos}
}

// environ is os.environ as the app is read: the environment given to Lift.
func (in *interp) environ() dictObj {
	keys := make([]string, 0, len(in.env))
	for k := range in.env {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	d := dictObj{}
	for _, k := range keys {
		d = d.with(valObj{ir.Str(k)}, valObj{ir.Str(in.env[k])})
	}
	return d
}

// instanceAttr reads an attribute of a model instance built with known arguments.
func (in *interp) instanceAttr(x *instanceObj, name string) (obj, bool) {
	if !x.cls.isModel() {
		return nil, false
	}
	m := in.liftModel(x.cls)
	f := m.Field(name)
	if f == nil {
		return nil, false
	}
	keys := []string{f.Name}
	if f.Info.Alias != nil {
		keys = append([]string{*f.Info.Alias}, keys...)
	}
	for _, k := range keys {
		if v, ok := kwGet(x.kw, k); ok {
			return v, true
		}
	}
	if !f.Info.Required && f.Info.Default != nil {
		return valueObj(f.Info.Default), true
	}
	return nil, false
}

// valueObj turns an IR value back into an object.
func valueObj(v ir.Value) obj {
	switch x := v.(type) {
	case ir.List:
		items := make([]obj, len(x))
		for i, e := range x {
			items[i] = valueObj(e)
		}
		return seqObj{kind: "list", items: items}
	case ir.Tuple:
		items := make([]obj, len(x))
		for i, e := range x {
			items[i] = valueObj(e)
		}
		return seqObj{kind: "tuple", items: items}
	case *ir.Dict:
		d := dictObj{}
		for i := range x.Keys {
			d = d.with(valueObj(x.Keys[i]), valueObj(x.Values[i]))
		}
		return d
	}
	return valObj{v}
}
