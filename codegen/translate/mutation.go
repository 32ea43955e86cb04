package translate

import "github.com/covetpy/covetgen/parser/ast"

// readOnlyMethods never mutate their receiver (nor their arguments).
var readOnlyMethods = map[string]bool{
	"get": true, "keys": true, "values": true, "items": true, "copy": true, "count": true,
	"index": true, "upper": true, "lower": true, "strip": true, "lstrip": true, "rstrip": true,
	"startswith": true, "endswith": true, "replace": true, "split": true, "rsplit": true,
	"join": true, "format": true, "model_dump": true, "dict": true, "model_dump_json": true,
	"json": true, "find": true, "rfind": true, "isdigit": true, "isalpha": true,
	"isalnum": true, "title": true, "capitalize": true, "encode": true, "decode": true,
	"__contains__": true, "__getitem__": true, "casefold": true, "splitlines": true,
}

// pureBuiltins may receive a module constant without mutating it.
var pureBuiltins = map[string]bool{
	"len": true, "str": true, "repr": true, "int": true, "float": true, "bool": true,
	"abs": true, "min": true, "max": true, "sum": true, "round": true, "isinstance": true,
	"sorted": true, "list": true, "tuple": true, "dict": true, "set": true, "frozenset": true,
	"any": true, "all": true, "enumerate": true, "zip": true, "reversed": true, "iter": true,
	"print": true, "hash": true, "id": true, "type": true, "format": true, "range": true,
	"ascii": true,
}

// isMutated reports whether a module-level name may be rebound, or (for a mutable value)
// mutated, anywhere in the app (by plain name, conservatively, across modules).
func (u *Unit) isMutated(name string, mutable bool) bool {
	if u.mutated == nil {
		u.mutated = map[string]bool{}
		u.rebound = map[string]bool{}
		if u.prog != nil {
			for _, mname := range u.prog.Order {
				m := u.prog.Modules[mname]
				if m == nil || m.File == nil || m.File.Module == nil {
					continue
				}
				s := &mutScan{u: u, alias: map[string]string{}, module: true}
				s.body(m.File.Module.Body)
			}
		}
	}
	return u.rebound[name] || mutable && u.mutated[name]
}

// mutScan walks one scope (a module body or a function body).
type mutScan struct {
	u      *Unit
	alias  map[string]string // local -> the global it may refer to
	module bool
}

func (s *mutScan) mark(name string) {
	s.u.mutated[name] = true
	if a, ok := s.alias[name]; ok {
		s.u.mutated[a] = true
	}
}

// root returns the name an expression chain (x, x[k], x.a, x.get(k)...) starts from.
func root(e ast.Expr) string {
	for {
		switch x := e.(type) {
		case *ast.Name:
			return x.Id
		case *ast.Subscript:
			e = x.Value
		case *ast.Attribute:
			e = x.Value
		case *ast.Call:
			a, ok := x.Func.(*ast.Attribute)
			if !ok {
				return ""
			}
			e = a.Value
		default:
			return ""
		}
	}
}

// aliasRoot returns the name a value expression may alias: x, x[k], x.a, x.get(k).
func aliasRoot(e ast.Expr) string {
	for {
		switch x := e.(type) {
		case *ast.Name:
			return x.Id
		case *ast.Subscript:
			e = x.Value
		case *ast.Attribute:
			e = x.Value
		case *ast.Call:
			a, ok := x.Func.(*ast.Attribute)
			if !ok || (a.Attr != "get" && a.Attr != "setdefault" && a.Attr != "pop") {
				return ""
			}
			e = a.Value
		default:
			return ""
		}
	}
}

func (s *mutScan) store(t ast.Expr) {
	switch x := t.(type) {
	case *ast.Name:
		if s.module {
			return // a module-level (re)binding is seen by the binding table
		}
	case *ast.Subscript, *ast.Attribute:
		if r := root(x); r != "" {
			s.mark(r)
		}
	case *ast.Tuple:
		for _, e := range x.Elts {
			s.store(e)
		}
	case *ast.List:
		for _, e := range x.Elts {
			s.store(e)
		}
	case *ast.Starred:
		s.store(x.Value)
	}
}

func (s *mutScan) body(body []ast.Stmt) {
	for _, st := range body {
		s.stmt(st)
	}
}

func (s *mutScan) stmt(st ast.Stmt) {
	switch x := st.(type) {
	case nil:
	case *ast.FunctionDef:
		s.exprs(x.DecoratorList...)
		s.fn(x.Body)
	case *ast.AsyncFunctionDef:
		s.exprs(x.DecoratorList...)
		s.fn(x.Body)
	case *ast.ClassDef:
		s.exprs(x.DecoratorList...)
		s.body(x.Body)
	case *ast.Assign:
		s.expr(x.Value)
		for _, t := range x.Targets {
			s.store(t)
			s.escape(t, x.Value)
			if n, ok := t.(*ast.Name); ok {
				if r := aliasRoot(x.Value); r != "" {
					s.alias[n.Id] = s.aliasOf(r)
				}
			}
		}
	case *ast.AnnAssign:
		if x.Value != nil {
			s.expr(x.Value)
			s.store(x.Target)
			if n, ok := x.Target.(*ast.Name); ok {
				if r := aliasRoot(x.Value); r != "" {
					s.alias[n.Id] = s.aliasOf(r)
				}
			}
		}
	case *ast.AugAssign:
		s.expr(x.Value)
		if n, ok := x.Target.(*ast.Name); ok {
			if s.module {
				s.u.rebound[n.Id] = true
			} else if a, ok := s.alias[n.Id]; ok {
				s.u.mutated[a] = true
			}
		} else {
			s.store(x.Target)
		}
	case *ast.Delete:
		for _, t := range x.Targets {
			if n, ok := t.(*ast.Name); ok {
				s.u.rebound[n.Id] = true
			} else {
				s.store(t)
			}
		}
	case *ast.Global:
		for _, n := range x.Names {
			s.u.rebound[n] = true
		}
	case *ast.Nonlocal:
	case *ast.ImportFrom:
		for _, a := range x.Names {
			if a.Asname != nil {
				s.alias[*a.Asname] = a.Name
			}
		}
	case *ast.Return:
		s.expr(x.Value)
	case *ast.ExprStmt:
		s.expr(x.Value)
	case *ast.If:
		s.expr(x.Test)
		s.body(x.Body)
		s.body(x.Orelse)
	case *ast.For:
		s.expr(x.Iter)
		s.store(x.Target)
		if r := aliasRoot(iterBase(x.Iter)); r != "" {
			for _, n := range boundNames(x.Target) {
				s.alias[n] = s.aliasOf(r) // the items of a constant stay its own
			}
		}
		s.body(x.Body)
		s.body(x.Orelse)
	case *ast.AsyncFor:
		s.expr(x.Iter)
		s.store(x.Target)
		s.body(x.Body)
		s.body(x.Orelse)
	case *ast.While:
		s.expr(x.Test)
		s.body(x.Body)
		s.body(x.Orelse)
	case *ast.With:
		for _, it := range x.Items {
			s.expr(it.ContextExpr)
			if it.OptionalVars != nil {
				s.store(it.OptionalVars)
			}
		}
		s.body(x.Body)
	case *ast.AsyncWith:
		for _, it := range x.Items {
			s.expr(it.ContextExpr)
			if it.OptionalVars != nil {
				s.store(it.OptionalVars)
			}
		}
		s.body(x.Body)
	case *ast.Try:
		s.body(x.Body)
		for _, h := range x.Handlers {
			if h != nil {
				s.body(h.Body)
			}
		}
		s.body(x.Orelse)
		s.body(x.Finalbody)
	case *ast.TryStar:
		s.body(x.Body)
		for _, h := range x.Handlers {
			if h != nil {
				s.body(h.Body)
			}
		}
		s.body(x.Orelse)
		s.body(x.Finalbody)
	case *ast.Raise:
		s.expr(x.Exc)
		s.expr(x.Cause)
	case *ast.Assert:
		s.expr(x.Test)
		s.expr(x.Msg)
	case *ast.Match:
		s.expr(x.Subject)
		for _, c := range x.Cases {
			if c != nil {
				s.body(c.Body)
			}
		}
	}
}

func (s *mutScan) aliasOf(r string) string {
	if a, ok := s.alias[r]; ok {
		return a
	}
	return r
}

func (s *mutScan) fn(body []ast.Stmt) {
	inner := &mutScan{u: s.u, alias: map[string]string{}}
	for k, v := range s.alias {
		inner.alias[k] = v
	}
	inner.body(body)
}

func (s *mutScan) exprs(es ...ast.Expr) {
	for _, e := range es {
		s.expr(e)
	}
}

// expr looks for mutating calls and for module values passed to unknown callables.
func (s *mutScan) expr(e ast.Expr) {
	walkExpr(e, func(n ast.Expr) {
		c, ok := n.(*ast.Call)
		if !ok {
			switch x := n.(type) {
			case *ast.NamedExpr:
				s.store(x.Target)
			case *ast.Lambda:
				s.fn([]ast.Stmt{&ast.Return{Value: x.Body}})
			}
			return
		}
		pure := false
		switch f := c.Func.(type) {
		case *ast.Attribute:
			if readOnlyMethods[f.Attr] {
				pure = true
			} else if r := root(f.Value); r != "" {
				s.mark(r)
			}
		case *ast.Name:
			pure = pureBuiltins[f.Id]
		}
		if pure {
			return
		}
		for _, a := range c.Args {
			if r := root(unstar(a)); r != "" {
				s.mark(r)
			}
			s.storing(c, a)
		}
		for _, k := range c.Keywords {
			if k != nil {
				if r := root(k.Value); r != "" {
					s.mark(r)
				}
				s.storing(c, k.Value)
			}
		}
	})
}

func unstar(e ast.Expr) ast.Expr {
	if s, ok := e.(*ast.Starred); ok {
		return s.Value
	}
	return e
}

// walkExpr calls fn for e and every sub-expression.
func walkExpr(e ast.Expr, fn func(ast.Expr)) {
	if e == nil {
		return
	}
	fn(e)
	w := func(xs ...ast.Expr) {
		for _, x := range xs {
			walkExpr(x, fn)
		}
	}
	switch x := e.(type) {
	case *ast.BoolOp:
		w(x.Values...)
	case *ast.NamedExpr:
		w(x.Value)
	case *ast.BinOp:
		w(x.Left, x.Right)
	case *ast.UnaryOp:
		w(x.Operand)
	case *ast.Lambda:
		w(x.Body)
	case *ast.IfExp:
		w(x.Test, x.Body, x.Orelse)
	case *ast.Dict:
		for _, k := range x.Keys {
			w(k)
		}
		w(x.Values...)
	case *ast.Set:
		w(x.Elts...)
	case *ast.ListComp:
		w(x.Elt)
		comps(x.Generators, w)
	case *ast.SetComp:
		w(x.Elt)
		comps(x.Generators, w)
	case *ast.DictComp:
		w(x.Key, x.Value)
		comps(x.Generators, w)
	case *ast.GeneratorExp:
		w(x.Elt)
		comps(x.Generators, w)
	case *ast.Await:
		w(x.Value)
	case *ast.Yield:
		w(x.Value)
	case *ast.YieldFrom:
		w(x.Value)
	case *ast.Compare:
		w(x.Left)
		w(x.Comparators...)
	case *ast.Call:
		w(x.Func)
		w(x.Args...)
		for _, k := range x.Keywords {
			if k != nil {
				w(k.Value)
			}
		}
	case *ast.FormattedValue:
		w(x.Value, x.FormatSpec)
	case *ast.JoinedStr:
		w(x.Values...)
	case *ast.Attribute:
		w(x.Value)
	case *ast.Subscript:
		w(x.Value, x.Slice)
	case *ast.Starred:
		w(x.Value)
	case *ast.List:
		w(x.Elts...)
	case *ast.Tuple:
		w(x.Elts...)
	case *ast.Slice:
		w(x.Lower, x.Upper, x.Step)
	}
}

func comps(gs []*ast.Comprehension, w func(...ast.Expr)) {
	for _, g := range gs {
		if g != nil {
			w(g.Iter, g.Target)
			w(g.Ifs...)
		}
	}
}
