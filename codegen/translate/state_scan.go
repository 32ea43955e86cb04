package translate

import (
	"sort"
	"strings"

	"github.com/covetpy/covetgen/parser/ast"
)

// scanTouchers records, for the state variables vars, which defs of module mi refer to
// them. A reference from code run at import time (anything but the variable's own
// assignment, imports and def bodies) makes the variable stay in Python. Every node is
// visited: a reference missed would let Go own a variable Python code also uses.
func (u *Unit) scanTouchers(mi *modInfo, vars map[string]*StateVar, runs *importRuns) {
	if mi.mod == nil || mi.mod.File == nil || mi.mod.File.Module == nil {
		return
	}
	s := &touchScan{u: u, mi: mi, vars: vars, runs: runs}
	for _, st := range mi.mod.File.Module.Body {
		s.moduleStmt(st)
	}
}

// touchScan walks one module.
type touchScan struct {
	u    *Unit
	mi   *modInfo
	vars map[string]*StateVar
	runs *importRuns // the app functions code run at import calls (state_import.go)
}

// moduleStmt scans a statement run at import time.
func (s *touchScan) moduleStmt(st ast.Stmt) {
	switch x := st.(type) {
	case *ast.Import, *ast.ImportFrom:
	case *ast.FunctionDef, *ast.AsyncFunctionDef:
		s.def(st)
	case *ast.ClassDef:
		for _, e := range x.DecoratorList {
			s.moduleNode(e, st)
			if s.runs != nil {
				s.runs.call(s.mi, e, s.mi.pos(st)) // called with the class
			}
		}
		for _, e := range x.Bases {
			s.moduleNode(e, st)
		}
		for _, k := range x.Keywords {
			s.moduleNode(k, st)
		}
		for _, b := range x.Body {
			s.moduleStmt(b)
		}
	default:
		s.moduleNode(st, st)
	}
}

// moduleNode marks the state variables n refers to as used at import time; defs and
// classes nested in n are scanned as such.
func (s *touchScan) moduleNode(n any, at ast.Stmt) {
	eachNode(n, func(x any) bool {
		switch y := x.(type) {
		case *ast.FunctionDef, *ast.AsyncFunctionDef, *ast.ClassDef:
			s.moduleStmt(y.(ast.Stmt))
			return false
		}
		if k := s.refKey(x, nil); k != "" {
			if v := s.vars[k]; v != nil && v.Why == "" {
				v.Why = "code run at import (" + s.mi.pos(at).String() + ") uses it"
			}
		}
		if c, ok := x.(*ast.Call); ok && s.runs != nil {
			s.runs.call(s.mi, c.Func, s.mi.pos(at))
		}
		return true
	})
}

// def records the state variables a def's body refers to (its decorators and defaults
// run at import time). Nested defs and classes are recorded as touchers of their own too.
func (s *touchScan) def(st ast.Stmt) {
	d := asDef(st)
	if d == nil {
		return
	}
	for _, e := range d.decos {
		s.moduleNode(e, st)
		if s.runs != nil {
			s.runs.call(s.mi, e, s.mi.pos(st)) // a decorator is called with the function
		}
	}
	if d.args != nil {
		for _, e := range d.args.Defaults {
			s.moduleNode(e, st)
		}
		for _, e := range d.args.KwDefaults {
			s.moduleNode(e, st)
		}
	}
	locals := map[string]bool{}
	for _, p := range params(d) {
		locals[p.Arg] = true
	}
	if d.args != nil {
		for _, p := range []*ast.Arg{d.args.Vararg, d.args.Kwarg} {
			if p != nil {
				locals[p.Arg] = true
			}
		}
	}
	globals := map[string]bool{}
	walkStmts(d.body, func(b ast.Stmt) {
		if g, ok := b.(*ast.Global); ok {
			for _, n := range g.Names {
				globals[n] = true
			}
		}
	})
	walkStmts(d.body, func(b ast.Stmt) {
		for _, n := range StmtBoundNames(b) {
			if !globals[n] {
				locals[n] = true
			}
		}
	})
	key := DefKey(s.mi.name, st)
	touch := func(k string) {
		v := s.vars[k]
		if v == nil {
			return
		}
		for _, t := range v.Touchers {
			if t == key {
				return
			}
		}
		v.Touchers = append(v.Touchers, key)
	}
	for n := range globals {
		touch(s.keyOf(n))
	}
	walkStmts(d.body, func(b ast.Stmt) {
		for _, k := range s.importedKeys(b) {
			touch(k)
		}
	})
	for _, b := range d.body {
		eachNode(b, func(x any) bool {
			switch y := x.(type) {
			case *ast.FunctionDef, *ast.AsyncFunctionDef:
				s.def(y.(ast.Stmt))
			case *ast.ClassDef:
				for _, m := range y.Body {
					if asDef(m) != nil {
						s.def(m)
					}
				}
			}
			if k := s.refKey(x, locals); k != "" {
				touch(k)
			}
			return true
		})
	}
}

// refKey returns the key of the state variable a node refers to, when it is a Name read
// or deleted (not bound) or an attribute of an app module ("" otherwise); names in locals
// are the function's own.
func (s *touchScan) refKey(n any, locals map[string]bool) string {
	switch x := n.(type) {
	case *ast.Name:
		if locals[x.Id] || x.Ctx == ast.Store {
			return ""
		}
		return s.keyOf(x.Id)
	case *ast.Attribute:
		if nm, ok := x.Value.(*ast.Name); ok && !locals[nm.Id] {
			if b, ok := s.mi.binds[nm.Id]; ok && (b.kind == bImport || b.kind == bImportFrom) {
				g := s.u.resolveExpr(s.mi, x.Value, nil)
				if g.kind == gModule && g.mi != nil {
					return s.u.stateKeyIn(g.mi, x.Attr, 0)
				}
			}
		}
	}
	return ""
}

// importedKeys are the keys of the state variables a function-local import statement
// may bind or make reachable: a name imported from a module, or every variable of an
// imported module (of an imported package and its submodules, for `import X`).
func (s *touchScan) importedKeys(st ast.Stmt) []string {
	var out []string
	inModule := func(module string, sub bool) {
		for k := range s.vars {
			m := k[:strings.LastIndexByte(k, '.')]
			if m == module || sub && strings.HasPrefix(m, module+".") {
				out = append(out, k)
			}
		}
	}
	switch x := st.(type) {
	case *ast.Import:
		for _, a := range x.Names {
			top, _, _ := strings.Cut(a.Name, ".")
			inModule(top, true)
		}
	case *ast.ImportFrom:
		if s.u.prog == nil || s.mi.mod == nil {
			return nil
		}
		base, ok := s.u.prog.ResolveFrom(s.mi.mod, x)
		if !ok {
			return nil
		}
		for _, a := range x.Names {
			if a == nil {
				continue
			}
			if a.Name == "*" {
				inModule(base, false)
				continue
			}
			if s.u.loadModule(base) != nil {
				if k := s.u.stateKeyIn(s.u.module(base), a.Name, 0); k != "" {
					out = append(out, k)
				}
			}
			inModule(base+"."+a.Name, true)
		}
	}
	sort.Strings(out)
	return out
}

// keyOf is the key of the state variable a module-level name of the scanned module is.
func (s *touchScan) keyOf(name string) string { return s.u.stateKeyIn(s.mi, name, 0) }

// stateKeyIn follows imports to the module assignment a name of mi is bound by.
func (u *Unit) stateKeyIn(mi *modInfo, name string, depth int) string {
	b, ok := mi.binds[name]
	if !ok || depth > 20 {
		return ""
	}
	switch b.kind {
	case bAssign:
		return mi.name + "." + name
	case bImportFrom:
		if u.loadModule(b.target) != nil {
			return u.stateKeyIn(u.module(b.target), b.attr, depth+1)
		}
	}
	return ""
}

// eachNode calls fn for every AST node reachable from n (n included), depth first;
// fn returning false skips a node's children.
func eachNode(n any, fn func(any) bool) {
	ast.Inspect(n, func(x ast.Node) bool { return fn(x) })
}

// escape marks the values stored into a container (x[k] = v, x.a = v) as mutated: the
// container may be module state, through which the value can then be mutated.
func (s *mutScan) escape(target, value ast.Expr) {
	switch target.(type) {
	case *ast.Subscript, *ast.Attribute:
		s.markEscaping(value)
	}
}

// markEscaping marks the names whose values (or items) e may hand over without a copy:
// x, x[k], x.get(k), the items of displays, both sides of an operator, the branches of
// a conditional, the arguments of calls other than scalar builtins.
func (s *mutScan) markEscaping(e ast.Expr) {
	switch x := e.(type) {
	case *ast.Name, *ast.Subscript, *ast.Attribute:
		if r := aliasRoot(x); r != "" {
			s.mark(r)
		}
	case *ast.Starred:
		s.markEscaping(x.Value)
	case *ast.List:
		for _, el := range x.Elts {
			s.markEscaping(el)
		}
	case *ast.Tuple:
		for _, el := range x.Elts {
			s.markEscaping(el)
		}
	case *ast.Set:
		for _, el := range x.Elts {
			s.markEscaping(el)
		}
	case *ast.Dict:
		for _, v := range x.Values {
			s.markEscaping(v)
		}
	case *ast.BinOp:
		s.markEscaping(x.Left)
		s.markEscaping(x.Right)
	case *ast.BoolOp:
		for _, v := range x.Values {
			s.markEscaping(v)
		}
	case *ast.IfExp:
		s.markEscaping(x.Body)
		s.markEscaping(x.Orelse)
	case *ast.ListComp:
		s.markEscaping(x.Elt)
		s.markComps(x.Generators)
	case *ast.SetComp:
		s.markEscaping(x.Elt)
		s.markComps(x.Generators)
	case *ast.GeneratorExp:
		s.markEscaping(x.Elt)
		s.markComps(x.Generators)
	case *ast.DictComp:
		s.markEscaping(x.Value)
		s.markComps(x.Generators)
	case *ast.Call:
		if n, ok := x.Func.(*ast.Name); ok && scalarBuiltins[n.Id] {
			return
		}
		if at, ok := x.Func.(*ast.Attribute); ok {
			s.markEscaping(at.Value)
		}
		for _, a := range x.Args {
			s.markEscaping(a)
		}
		for _, k := range x.Keywords {
			if k != nil {
				s.markEscaping(k.Value)
			}
		}
	case *ast.Await:
		s.markEscaping(x.Value)
	}
}

func (s *mutScan) markComps(gs []*ast.Comprehension) {
	for _, g := range gs {
		if g != nil {
			s.markEscaping(g.Iter)
		}
	}
}

// scalarBuiltins return values that share nothing with their arguments.
var scalarBuiltins = map[string]bool{"len": true, "str": true, "repr": true, "int": true,
	"float": true, "bool": true, "abs": true, "round": true, "isinstance": true, "hash": true,
	"id": true, "format": true, "ascii": true, "any": true, "all": true}

// storing marks what a call of a mutating method (x.append(v), d.update(...)) stores
// into its receiver.
func (s *mutScan) storing(c *ast.Call, arg ast.Expr) {
	if at, ok := c.Func.(*ast.Attribute); ok && ownedMethods[at.Attr] {
		s.markEscaping(arg)
	}
}

// iterBase is the container a for loop's items come from: x for x.values() and
// x.items(), else the iterable itself.
func iterBase(e ast.Expr) ast.Expr {
	if c, ok := e.(*ast.Call); ok && len(c.Args) == 0 {
		if at, ok := c.Func.(*ast.Attribute); ok && (at.Attr == "values" || at.Attr == "items") {
			return at.Value
		}
	}
	return e
}
