package translate

import (
	"github.com/covetpy/covetgen/parser/ast"
	"github.com/covetpy/covetgen/runtime/pyval"
)

// constCompLimit bounds the items a comprehension folded at generation time may visit.
const constCompLimit = 10000

// constComp folds a list or dict comprehension over constant iterables (range() calls
// included) whose parts are constant once its variables are bound.
func constComp(e ast.Expr, lookup func(ast.Expr) (pyval.Value, bool)) (pyval.Value, bool) {
	var gens []*ast.Comprehension
	var list *pyval.List
	var dict *pyval.Dict
	switch x := e.(type) {
	case *ast.ListComp:
		gens, list = x.Generators, pyval.NewList()
	case *ast.DictComp:
		gens, dict = x.Generators, pyval.DictOf()
	default:
		return nil, false
	}
	bound := map[string]pyval.Value{}
	inner := func(x ast.Expr) (pyval.Value, bool) {
		if n, ok := x.(*ast.Name); ok {
			if v, ok := bound[n.Id]; ok {
				return v, true
			}
		}
		if lookup == nil {
			return nil, false
		}
		return lookup(x)
	}
	visited := 0
	var rec func(i int) bool
	rec = func(i int) bool {
		if i == len(gens) {
			switch x := e.(type) {
			case *ast.ListComp:
				v, ok := constEval(x.Elt, inner)
				if !ok {
					return false
				}
				list.Items = append(list.Items, v)
			case *ast.DictComp:
				k, ok := constEval(x.Key, inner)
				if !ok {
					return false
				}
				v, ok := constEval(x.Value, inner)
				if !ok || dict.Set(k, v) != nil {
					return false
				}
			}
			return true
		}
		g := gens[i]
		if g == nil || g.IsAsync != 0 {
			return false
		}
		look := inner
		if i == 0 {
			look = lookup // the first iterable is evaluated outside
		}
		items, ok := constIterable(g.Iter, look)
		if !ok {
			return false
		}
		for _, it := range items {
			if visited++; visited > constCompLimit {
				return false
			}
			if !constBind(g.Target, it, bound) {
				return false
			}
			keep := true
			for _, c := range g.Ifs {
				cv, ok := constEval(c, inner)
				if !ok {
					return false
				}
				if !pyval.Truthy(cv) {
					keep = false
					break
				}
			}
			if keep && !rec(i+1) {
				return false
			}
		}
		return true
	}
	if !rec(0) {
		return nil, false
	}
	if list != nil {
		return list, true
	}
	return dict, true
}

// constIterable yields the items of a constant iterable: a constant, range(...),
// enumerate(...), zip(...), d.items() / keys() / values().
func constIterable(e ast.Expr, lookup func(ast.Expr) (pyval.Value, bool)) ([]pyval.Value, bool) {
	if c, ok := e.(*ast.Call); ok && len(c.Keywords) == 0 {
		var it pyval.Value
		var err error
		args := make([]pyval.Value, len(c.Args))
		for i, a := range c.Args {
			if _, star := a.(*ast.Starred); star {
				return nil, false
			}
			var ok bool
			if args[i], ok = constEval(a, lookup); !ok {
				return nil, false
			}
		}
		if at, ok := c.Func.(*ast.Attribute); ok {
			if len(args) != 0 {
				return nil, false
			}
			d, ok := constEval(at.Value, lookup)
			if !ok {
				return nil, false
			}
			switch at.Attr {
			case "items":
				it, err = pyval.DictItems(d)
			case "keys":
				it, err = pyval.DictKeys(d)
			case "values":
				it, err = pyval.DictValues(d)
			default:
				return nil, false
			}
		} else if n, ok := c.Func.(*ast.Name); ok && lookup != nil {
			if m, ok := lookup(n); !ok {
				return nil, false
			} else if _, isBuiltin := m.(builtinMarker); !isBuiltin {
				return nil, false
			}
			switch {
			case n.Id == "range" && len(args) >= 1 && len(args) <= 3:
				it, err = pyval.Range(args...)
			case n.Id == "enumerate" && len(args) >= 1 && len(args) <= 2:
				var start pyval.Value
				if len(args) == 2 {
					start = args[1]
				}
				it, err = pyval.Enumerate(args[0], start)
			case n.Id == "zip":
				it, err = pyval.Zip(args...)
			default:
				return nil, false
			}
		} else {
			return nil, false
		}
		if err != nil {
			return nil, false
		}
		return collectLimited(it.(*pyval.Iterator))
	}
	v, ok := constEval(e, lookup)
	if !ok {
		return nil, false
	}
	switch v.(type) {
	case *pyval.List, pyval.Tuple, pyval.Str, *pyval.Dict:
	default:
		return nil, false
	}
	items, err := pyval.Iterate(v)
	return items, err == nil
}

func collectLimited(it *pyval.Iterator) ([]pyval.Value, bool) {
	var out []pyval.Value
	for {
		v, ok, err := it.Next()
		if err != nil {
			return nil, false
		}
		if !ok {
			return out, true
		}
		if out = append(out, v); len(out) > constCompLimit {
			return nil, false
		}
	}
}

// constBind binds a comprehension target to an item.
func constBind(t ast.Expr, v pyval.Value, bound map[string]pyval.Value) bool {
	switch x := t.(type) {
	case *ast.Name:
		bound[x.Id] = v
		return true
	case *ast.Tuple, *ast.List:
		elts := displayElts(x)
		if elts == nil {
			return false
		}
		items, err := pyval.Unpack(v, len(elts))
		if err != nil {
			return false
		}
		for i, e := range elts {
			if !constBind(e, items[i], bound) {
				return false
			}
		}
		return true
	}
	return false
}

// constCompare folds a comparison of constants.
func constCompare(x *ast.Compare, lookup func(ast.Expr) (pyval.Value, bool)) (pyval.Value, bool) {
	left, ok := constEval(x.Left, lookup)
	if !ok || len(x.Ops) != len(x.Comparators) {
		return nil, false
	}
	for i, op := range x.Ops {
		right, ok := constEval(x.Comparators[i], lookup)
		if !ok {
			return nil, false
		}
		var r bool
		var err error
		switch op {
		case ast.Eq:
			r = pyval.Eq(left, right)
		case ast.NotEq:
			r = pyval.Ne(left, right)
		case ast.Lt:
			r, err = pyval.Lt(left, right)
		case ast.LtE:
			r, err = pyval.Le(left, right)
		case ast.Gt:
			r, err = pyval.Gt(left, right)
		case ast.GtE:
			r, err = pyval.Ge(left, right)
		case ast.In:
			r, err = pyval.Contains(right, left)
		case ast.NotIn:
			r, err = pyval.Contains(right, left)
			r = !r
		default:
			return nil, false
		}
		if err != nil {
			return nil, false
		}
		if !r {
			return pyval.False, true
		}
		left = right
	}
	return pyval.True, true
}
