package translate

import (
	"sort"

	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
	"github.com/covetpy/covetgen/runtime/pyval"
)

// Module state living in Go. A module-level name the app mutates or rebinds (a dict of
// records, a counter bumped under `global`) is refused unless the code generator hands its
// key to SetState, after checking that every function touching it translates (StateVars
// lists them). Such a name becomes one package variable holding a pyval.Value, built at
// init as the module's assignment builds it (never frozen). Whoever calls a translated
// body touching state, itself or through the helpers it calls (TouchesState), holds one
// package-wide mutex (StateMutex) from that call until it is done with the results (a
// translated body has no await point: the bodies run one at a time, as in one event
// loop). A Unit with state freezes nothing (module constants, constant results): a value
// stored into state may later be mutated through it, as the same Python object is.

// stateUnit is a Unit's view of module state.
type stateUnit struct {
	keys       map[string]bool   // "module.NAME" of the names living in Go
	mu         string            // Go name of the package-wide mutex ("" until first needed)
	translated []string          // DefKey of every def translated successfully
	touching   map[string]bool   // DefKey of the translated defs touching state
	kept       map[string]string // "module.NAME" -> why it stays in Python (SetStateKept)
	startup    map[string]bool   // modules imported with the app (localimport.go)
}

// SetState makes the module-level names keys ("module.NAME", as StateVar.Key) live in Go.
// Call it right after NewUnit, before any Func.
func (u *Unit) SetState(keys []string) {
	u.st.keys = map[string]bool{}
	for _, k := range keys {
		u.st.keys[k] = true
	}
}

// SetStateKept records why module-level names stay in Python (key "module.NAME", as
// StateVar.Key; the reason is a refusal "file:line:col: cannot translate ..."): a body
// using one of them is refused with "use of NAME (module state kept in Python because
// REASON)". Call it right after NewUnit, before any Func.
func (u *Unit) SetStateKept(why map[string]string) {
	u.st.kept = map[string]string{}
	for k, v := range why {
		u.st.kept[k] = v
	}
}

// keptWhy is the refusal text of a use of module state living in Python.
func (u *Unit) keptWhy(key, name string) string {
	if why, ok := u.st.kept[key]; ok && why != "" {
		return "use of " + name + " (module state kept in Python because " + why + ")"
	}
	return "use of " + name + " (module state: mutated or rebound)"
}

// hasState reports a Unit with state living in Go: it then freezes nothing.
func (u *Unit) hasState() bool { return len(u.st.keys) > 0 }

// Translated returns the DefKey of every function translated successfully so far: the
// bodies Func translated and the helpers they call.
func (u *Unit) Translated() []string { return append([]string(nil), u.st.translated...) }

// DefKey names a def statement of a module: "module:line:col" of its def keyword.
func DefKey(module string, def ast.Stmt) string {
	return funcKey(module, asDef(def))
}

func funcKey(module string, d *funcDef) string {
	if d == nil || d.span == nil {
		return module + ":?"
	}
	return module + ":" + itoa(d.span.Lineno) + ":" + itoa(d.span.ColOffset+1)
}

// translatedDef records a def translated successfully, touching state or not.
func (u *Unit) translatedDef(key string, state bool) {
	u.st.translated = append(u.st.translated, key)
	if state {
		if u.st.touching == nil {
			u.st.touching = map[string]bool{}
		}
		u.st.touching[key] = true
	}
}

// TouchesState reports whether the def translated as defKey (DefKey) touches module
// state living in Go, itself or through the helpers it calls: whoever calls it must hold
// the mutex StateMutex names, for as long as values it returns are used (they may be
// state itself: a response is encoded under it).
func (u *Unit) TouchesState(defKey string) bool { return u.st.touching[defKey] }

// StateMutex returns the Go name of the package-wide sync.Mutex guarding module state,
// declared among Decls.
func (u *Unit) StateMutex() string { return u.stateMutex() }

// stateMutex returns the Go name of the package-wide mutex, declaring it once.
func (u *Unit) stateMutex() string {
	if u.st.mu == "" {
		u.st.mu = u.goIdent("pyc_state_mu", "<state mutex>")
		u.decls = append(u.decls, jen.Commentf("%s serializes the bodies that touch module state.", u.st.mu),
			jen.Var().Id(u.st.mu).Qual("sync", "Mutex"))
	}
	return u.st.mu
}

// stateConstant fills c for a name living in Go: its package variable, built at init from
// v, or (ok false) by the translated expression of its assignment (refused when that does
// not translate either).
func (u *Unit) stateConstant(mi *modInfo, name, key string, b *binding, app *ir.App, v pyval.Value, ok bool, c *constInfo) {
	if !ok {
		goName := u.goIdent("pyc_"+identPart(mi.name)+"_"+identPart(name), key)
		done, typ := u.initConstant(mi, name, b, app, goName)
		if !done {
			c.err = "use of " + name + " (module state whose value is not computable at generation time)"
			return
		}
		c.state, c.goName = true, goName
		if !u.rebound[name] {
			c.typ = u.initStateType(mi, b, app, typ) // statetype.go
		}
		return
	}
	c.state = true
	c.goName = u.goIdent("pyc_"+identPart(mi.name)+"_"+identPart(name), key)
	if !u.rebound[name] {
		c.typ = constType(v)
		if at := u.stateAnnotation(mi, b, app, v); at != nil {
			c.typ = at // statetype.go: every store is checked against it
		}
	}
	u.decls = append(u.decls, jen.Commentf("%s is %s.%s, module state (guarded by the state mutex).", c.goName, mi.name, name),
		jen.Var().Id(c.goName).Qual(pyvalPkg, "Value").Op("=").Add(freshDeep(v)))
}

// freshDeep builds v anew, containers at every depth unfrozen.
func freshDeep(v pyval.Value) *jen.Statement {
	switch x := v.(type) {
	case *pyval.List:
		items := make([]jen.Code, len(x.Items))
		for i, it := range x.Items {
			items[i] = freshDeep(it)
		}
		return q("NewList").Call(items...)
	case *pyval.Dict:
		var items []jen.Code
		for i, k := range x.Keys() {
			items = append(items, freshDeep(k), freshDeep(x.Values()[i]))
		}
		return q("DictOf").Call(items...)
	case pyval.Tuple:
		items := make([]jen.Code, len(x))
		for i, it := range x {
			items[i] = freshDeep(it)
		}
		return q("Tuple").Values(items...)
	}
	return constCode(v)
}

// useState marks the body as touching module state.
func (f *fn) useState() { f.usesState = true }

// stateGlobal resolves a name declared global: it must be module state living in Go.
func (f *fn) stateGlobal(n ast.Node, name string) global {
	g := f.u.resolveGlobal(f.mi, name, f.app, 0)
	if g.kind != gState || g.module != f.mi.name {
		if why, kept := f.u.st.kept[f.mi.name+"."+name]; kept && why != "" {
			f.refuse(n, "global statement (%s: module state kept in Python because %s)", name, why)
		}
		f.refuse(n, "global statement")
	}
	return g
}

// globalStmt checks `global X, Y`: each name is module state of this module living in Go.
func (f *fn) globalStmt(s *ast.Global) {
	for _, n := range s.Names {
		f.stateGlobal(s, n)
	}
}

// storeGlobal rebinds a module state variable declared global.
func (f *fn) storeGlobal(n *ast.Name, v val) {
	g := f.stateGlobal(n, n.Id)
	f.useState()
	f.emit(jen.Id(g.name).Op("=").Add(v.code))
}

// scanGlobals records the names the body declares global.
func (f *fn) scanGlobals() {
	walkStmts(f.def.body, func(st ast.Stmt) {
		if g, ok := st.(*ast.Global); ok {
			if f.globals == nil {
				f.globals = map[string]bool{}
			}
			for _, n := range g.Names {
				f.globals[n] = true
			}
		}
	})
}

// stateBase compiles the base of a mutation that is module state or a value reached from
// it (ok false: it is neither).
func (f *fn) stateBase(e ast.Expr) (val, bool) {
	if !f.u.hasState() || !f.isStateExpr(e) {
		return val{}, false
	}
	f.useState()
	return f.value(e), true
}

// isStateExpr reports an expression yielding module state living in Go or a value reached
// from it without a copy: the name, a local aliasing it, x[k], x.get(k), x.setdefault(k),
// x.pop(k) (containers in state are never frozen, so mutating them is as in Python).
func (f *fn) isStateExpr(e ast.Expr) bool {
	switch x := e.(type) {
	case *ast.Name:
		if _, comp := f.compVars[x.Id]; comp {
			return false
		}
		if l := f.locals[x.Id]; l != nil {
			return l.stateAlias
		}
		g, ok := f.lookupGlobal(x)
		return ok && g.kind == gState
	case *ast.Attribute:
		g, ok := f.lookupGlobal(x)
		return ok && g.kind == gState
	case *ast.Subscript:
		if _, slice := x.Slice.(*ast.Slice); slice {
			return false
		}
		return f.isStateExpr(x.Value)
	case *ast.Call:
		if at, ok := x.Func.(*ast.Attribute); ok {
			switch at.Attr {
			case "get", "setdefault", "pop":
				return f.isStateExpr(at.Value)
			}
		}
	}
	return false
}

// stateAliases finds the locals every binding of which yields state (items = DB; row =
// items[k]; for row in DB.values()): mutating them mutates the state, as in Python.
func (f *fn) stateAliases() {
	if !f.u.hasState() {
		return
	}
	binds := map[string][]func() bool{}
	add := func(name string, test func() bool) { binds[name] = append(binds[name], test) }
	never := func() bool { return false }
	var targets func(t ast.Expr, test func() bool)
	targets = func(t ast.Expr, test func() bool) {
		switch x := t.(type) {
		case *ast.Name:
			add(x.Id, test)
		default:
			for _, n := range boundNames(t) {
				add(n, never)
			}
		}
	}
	walkStmts(f.def.body, func(st ast.Stmt) {
		switch s := st.(type) {
		case *ast.Assign:
			for _, t := range s.Targets {
				v := s.Value
				targets(t, func() bool { return f.isStateExpr(v) })
			}
		case *ast.AnnAssign:
			if s.Value != nil {
				v := s.Value
				targets(s.Target, func() bool { return f.isStateExpr(v) })
			}
		case *ast.For:
			f.forStateTargets(s, targets, never)
		default:
			for _, n := range StmtBoundNames(st) {
				add(n, never)
			}
		}
	})
	for name, l := range f.locals {
		l.stateAlias = !l.isParam && len(binds[name]) > 0
	}
	for changed := true; changed; {
		changed = false
		for name, l := range f.locals {
			if !l.stateAlias {
				continue
			}
			for _, test := range binds[name] {
				if !test() {
					l.stateAlias, changed = false, true
					break
				}
			}
		}
	}
}

// forStateTargets records a for loop's bindings: items of state (for x in S, for x in
// S.values(), for k, x in S.items()) alias it.
func (f *fn) forStateTargets(s *ast.For, targets func(ast.Expr, func() bool), never func() bool) {
	iter := s.Iter
	items := false
	if c, ok := iter.(*ast.Call); ok && len(c.Args) == 0 && len(c.Keywords) == 0 {
		if at, ok := c.Func.(*ast.Attribute); ok && (at.Attr == "values" || at.Attr == "items") {
			iter, items = at.Value, at.Attr == "items"
		}
	}
	yes := func() bool { return f.isStateExpr(iter) }
	if tu, ok := s.Target.(*ast.Tuple); ok && items && len(tu.Elts) == 2 {
		targets(tu.Elts[0], never) // a key: hashable, never mutated
		targets(tu.Elts[1], yes)
		return
	}
	if items {
		targets(s.Target, never)
		return
	}
	targets(s.Target, yes)
}

// StateVar is a module-level name the app mutates or rebinds.
type StateVar struct {
	// Key is "module.NAME" (what SetState takes); Pos is its assignment.
	Key string
	Pos ir.Pos
	// Why it cannot live in Go whatever the functions touching it ("": it can).
	Why string
	// Data: its value is computable at generation time (a dict, a list, a counter: not
	// an object built by a call, such as a connection or a compiled pattern).
	Data bool
	// Touchers are the DefKey of every def whose body refers to it (nested defs and
	// class methods included).
	Touchers []string
}

// StateVars lists the module-level names the app mutates or rebinds, each with the
// functions that refer to it, in module order then name order.
func (u *Unit) StateVars(app *ir.App) []StateVar {
	if u.prog == nil {
		return nil
	}
	vars := map[string]*StateVar{}
	var order []string
	for _, mname := range u.prog.Order {
		mi := u.module(mname)
		var names []string
		for n, b := range mi.binds {
			if b.kind == bAssign {
				names = append(names, n)
			}
		}
		sort.Strings(names)
		for _, n := range names {
			b := mi.binds[n]
			v, ok := constEval(b.expr, u.constLookup(mi, app))
			if !u.isMutated(n, !ok && !u.isReCompile(mi, b.expr, app) && !u.isFsPathExpr(mi, b.expr, app) || isMutable(v)) {
				continue
			}
			// A value not computable at generation time is computed at init by its
			// translated expression, or refused: its touchers then refuse.
			sv := &StateVar{Key: mname + "." + n, Pos: mi.pos(b.node), Data: ok}
			vars[sv.Key] = sv
			order = append(order, sv.Key)
		}
	}
	u.classAttrVars(app, vars, &order) // classattr.go
	if len(vars) == 0 {
		return nil
	}
	runs := newImportRuns(u)
	for _, mname := range u.prog.Order {
		u.scanTouchers(u.module(mname), vars, runs)
	}
	runs.keepTouched(vars) // state_import.go
	out := make([]StateVar, 0, len(order))
	for _, k := range order {
		out = append(out, *vars[k])
	}
	return out
}

// constInit is the Go expression initializing a module constant: frozen, unless the Unit
// has state (a constant may then be stored into state and mutated through it, as Python
// mutates the one object).
func (u *Unit) constInit(v pyval.Value) *jen.Statement {
	if u.hasState() {
		return freshDeep(v)
	}
	return constCode(v)
}

// freeze wraps the Go expression of a value computed at init: Frozen, unless the Unit has
// state (see constInit).
func (u *Unit) freeze(v *jen.Statement) *jen.Statement {
	if u.hasState() {
		return v
	}
	return jen.Qual(pyvalPkg, "Frozen").Call(v, jen.Lit(""))
}
