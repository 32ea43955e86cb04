package translate

import (
	"sort"
	"strings"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
)

// Class attributes of plain app classes (`class Repo: _table: dict[int, Row] = {};
// _next_id = 1`) are module state: one object shared by every instance and every request,
// living in Go when every function that may reach it translates (state.go), under the
// key "module.Class.attr". The functions that may reach it are those whose body names the
// class or reads, writes or deletes an attribute of that name on anything (the scan is
// syntactic: larger than the truth, never smaller). Its value must be a constant (a
// literal or a display of constants: a function or a descriptor would bind); it stays in
// Python when code run at import names the class (but as the first argument of
// Annotated[...]), when a route uses the class itself as a dependency (FastAPI builds the
// instances), or when a function touching it is run in CPython.
//
// Reads through the class (Class.attr, or cls.attr with cls = type(inst)) are the state.
// Reads through an instance are the state too, unless the app may store an attribute of
// that name on an instance (inst.attr = v anywhere whose base is not the class): they
// then look at the instance's attributes first and fall back to the state, as Python
// does (pyval.InstGetAttrOr). Stores through the class rebind the state; stores through
// an instance shadow it on that instance.

// classAttr is one class attribute: its assignment in the class body.
type classAttr struct {
	name string
	b    *binding // kind bAssign: expr is the value, node the statement
}

// classAttrStmt recognizes a class attribute statement of a class body: NAME = value or
// NAME: T = value. why is set for a statement of that shape that is refused.
func classAttrStmt(st ast.Stmt) (a *classAttr, why string) {
	var target, value ast.Expr
	switch s := st.(type) {
	case *ast.Assign:
		if len(s.Targets) != 1 {
			return nil, "a chained assignment in its body"
		}
		target, value = s.Targets[0], s.Value
	case *ast.AnnAssign:
		if s.Value == nil {
			return nil, "an annotation without a value in its body"
		}
		target, value = s.Target, s.Value
	default:
		return nil, ""
	}
	n, ok := target.(*ast.Name)
	if !ok {
		return nil, "an assignment to " + exprName(target) + " in its body"
	}
	if strings.HasPrefix(n.Id, "__") {
		return nil, "class attribute " + n.Id
	}
	return &classAttr{name: n.Id, b: &binding{kind: bAssign, expr: value, node: st}}, ""
}

// classAttrKey is the state key of attribute attr of the class module.cls.
func classAttrKey(module, cls, attr string) string { return module + "." + cls + "." + attr }

// classObjType is the static type of the class object of c (type(inst)).
func classObjType(c *ir.Class) *ir.Type {
	return &ir.Type{Kind: ir.KindClass, Name: "type[" + c.Module + "." + c.QualName + "]", Args: []*ir.Type{ClassType(c)}}
}

// classOfObj is the class a value of static type t is the class object of (nil: none).
func classOfObj(t *ir.Type) *ir.Class {
	if t == nil || t.Kind != ir.KindClass || t.Class != nil || len(t.Args) != 1 || !strings.HasPrefix(t.Name, "type[") {
		return nil
	}
	return t.Args[0].Class
}

// classAttrUse is what the app does with the attributes of one plain class.
type classAttrUse struct {
	stored map[string]bool // an attribute of that name is assigned or deleted somewhere
	shadow map[string]bool // ... on a base that may be an instance
}

// classAttrUses scans the app once per class (cached).
func (u *Unit) classAttrUses(mi *modInfo, cls string, info *classInfo) *classAttrUse {
	key := mi.name + "." + cls
	if u.cattr == nil {
		u.cattr = map[string]*classAttrUse{}
	}
	if cu, ok := u.cattr[key]; ok {
		return cu
	}
	cu := &classAttrUse{stored: map[string]bool{}, shadow: map[string]bool{}}
	u.cattr[key] = cu
	if u.prog == nil {
		return cu
	}
	for _, mname := range u.prog.Order {
		m := u.module(mname)
		if m.mod == nil || m.mod.File == nil || m.mod.File.Module == nil {
			continue
		}
		names := classNamesIn(m, mi.name, cls)
		for _, st := range m.mod.File.Module.Body {
			u.scanAttrStores(st, info, names, nil, cu)
		}
	}
	return cu
}

// classNamesIn are the names module m binds to the class module.cls at its top level.
func classNamesIn(m *modInfo, module, cls string) map[string]bool {
	out := map[string]bool{}
	for n, b := range m.binds {
		if b.kind == bClass && m.name == module && n == cls || b.kind == bImportFrom && b.target == module && b.attr == cls {
			out[n] = true
		}
	}
	if m.name == module {
		out[cls] = true
	}
	return out
}

// scanAttrStores records the stores of attributes of info's names under st; typeLocals
// are the names the enclosing function binds only to type(...) (nil at module level).
func (u *Unit) scanAttrStores(st ast.Stmt, info *classInfo, names map[string]bool, typeLocals map[string]bool, cu *classAttrUse) {
	eachNode(st, func(x any) bool {
		switch y := x.(type) {
		case *ast.FunctionDef, *ast.AsyncFunctionDef:
			d := asDef(y.(ast.Stmt))
			tl := typeOnlyLocals(d.body)
			for _, b := range d.body {
				u.scanAttrStores(b, info, names, tl, cu)
			}
			for _, e := range d.decos {
				u.scanAttrStores(&ast.ExprStmt{Value: e}, info, names, typeLocals, cu)
			}
			return false
		case *ast.Attribute:
			if y.Ctx != ast.Store && y.Ctx != ast.Del {
				return true
			}
			if _, ok := info.attrs[y.Attr]; !ok {
				return true
			}
			cu.stored[y.Attr] = true
			if n, ok := y.Value.(*ast.Name); !ok || !names[n.Id] && !typeLocals[n.Id] {
				cu.shadow[y.Attr] = true
			}
		}
		return true
	})
}

// typeOnlyLocals are the names a function body binds, every time, to a call type(x).
func typeOnlyLocals(body []ast.Stmt) map[string]bool {
	yes, no := map[string]bool{}, map[string]bool{}
	walkStmts(body, func(st ast.Stmt) {
		if a, ok := st.(*ast.Assign); ok && len(a.Targets) == 1 {
			if n, named := a.Targets[0].(*ast.Name); named {
				if c, isCall := a.Value.(*ast.Call); isCall && isName(c.Func, "type") && len(c.Args) == 1 && len(c.Keywords) == 0 {
					yes[n.Id] = true
					return
				}
			}
		}
		for _, n := range StmtBoundNames(st) {
			no[n] = true
		}
		eachNode(st, func(x any) bool {
			if n, ok := x.(*ast.Name); ok && n.Ctx == ast.Store {
				no[n.Id] = true
			}
			return true
		})
	})
	for n := range no {
		delete(yes, n)
	}
	return yes
}

// classAttrVars adds to vars (and order) the class attributes of the app's plain classes,
// each with the functions that may reach it and why it must stay in Python.
func (u *Unit) classAttrVars(app *ir.App, vars map[string]*StateVar, order *[]string) {
	for _, mname := range u.prog.Order {
		mi := u.module(mname)
		var classes []string
		for n, b := range mi.binds {
			if b.kind == bClass && b.class != nil && n == b.class.Name {
				classes = append(classes, n)
			}
		}
		sort.Strings(classes)
		for _, cls := range classes {
			info, _ := u.plainClass(&ir.Class{Name: cls, Module: mname, QualName: cls})
			if info == nil || len(info.attrOrder) == 0 {
				continue
			}
			cu := u.classAttrUses(mi, cls, info)
			why := u.classImportUse(mi, cls, info, app)
			touchers := u.classTouchers(mi, cls, info)
			for _, a := range info.attrOrder {
				b := info.attrs[a]
				v, ok := constEval(b.expr, u.constLookup(mi, app))
				sv := &StateVar{Key: classAttrKey(mname, cls, a), Pos: mi.pos(b.node), Data: ok && (isMutable(v) || cu.stored[a]),
					Why: why, Touchers: append([]string(nil), touchers...)}
				if (!ok || namesIn(b.expr)) && sv.Why == "" {
					sv.Why = "the value of class attribute " + cls + "." + a + " is not a constant"
				}
				vars[sv.Key] = sv
				*order = append(*order, sv.Key)
			}
		}
	}
}

// classImportUse says why the attributes of class cls must stay in Python whatever the
// functions touching them: code run at import names the class (other than as the first
// argument of Annotated[...]), or a route uses the class as a dependency.
func (u *Unit) classImportUse(mi *modInfo, cls string, info *classInfo, app *ir.App) string {
	for _, mname := range u.prog.Order {
		m := u.module(mname)
		if m.mod == nil || m.mod.File == nil || m.mod.File.Module == nil {
			continue
		}
		names := classNamesIn(m, mi.name, cls)
		for _, st := range m.mod.File.Module.Body {
			if why := importTimeRef(m, st, names, cls, st == ast.Stmt(info.def)); why != "" {
				return why
			}
		}
	}
	if app != nil && appUsesClassDep(app, mi.name, cls) {
		return "a route uses class " + cls + " as a dependency"
	}
	return ""
}

// importTimeRef finds a reference to the class (names, or an attribute of that name) in
// what st runs at import; own: st is the class statement itself (its methods' bodies run
// later).
func importTimeRef(m *modInfo, st ast.Stmt, names map[string]bool, cls string, own bool) string {
	var nodes []any
	switch s := st.(type) {
	case *ast.FunctionDef, *ast.AsyncFunctionDef:
		d := asDef(st)
		for _, e := range d.decos {
			nodes = append(nodes, e)
		}
		if d.args != nil {
			for _, e := range d.args.Defaults {
				nodes = append(nodes, e)
			}
			for _, e := range d.args.KwDefaults {
				nodes = append(nodes, e)
			}
		}
	case *ast.ClassDef:
		for _, e := range s.DecoratorList {
			nodes = append(nodes, e)
		}
		for _, e := range s.Bases {
			nodes = append(nodes, e)
		}
		for _, k := range s.Keywords {
			nodes = append(nodes, k)
		}
		for _, b := range s.Body {
			if asDef(b) != nil && own {
				d := asDef(b)
				for _, e := range d.decos {
					nodes = append(nodes, e)
				}
				continue
			}
			if why := importTimeRef(m, b, names, cls, false); why != "" {
				return why
			}
		}
	case *ast.Import, *ast.ImportFrom:
	default:
		nodes = append(nodes, st)
	}
	allowed := map[ast.Expr]bool{}
	for _, n := range nodes {
		eachNode(n, func(x any) bool {
			if sub, ok := x.(*ast.Subscript); ok && isAnnotated(sub.Value) {
				if tu, ok := sub.Slice.(*ast.Tuple); ok && len(tu.Elts) > 0 {
					allowed[tu.Elts[0]] = true
				}
			}
			return true
		})
	}
	why := ""
	for _, n := range nodes {
		eachNode(n, func(x any) bool {
			if why != "" {
				return false
			}
			switch y := x.(type) {
			case *ast.Name:
				if names[y.Id] && !allowed[y] {
					why = "code run at import (" + m.pos(st).String() + ") uses class " + cls
				}
			case *ast.Attribute:
				if y.Attr == cls {
					why = "code run at import (" + m.pos(st).String() + ") may use class " + cls
				}
			}
			return true
		})
	}
	return why
}

// isAnnotated reports Annotated or typing.Annotated (by spelling).
func isAnnotated(e ast.Expr) bool {
	switch x := e.(type) {
	case *ast.Name:
		return x.Id == "Annotated"
	case *ast.Attribute:
		return x.Attr == "Annotated"
	}
	return false
}

// appUsesClassDep reports a dependency (or a callable instance) of the class module.cls.
func appUsesClassDep(app *ir.App, module, cls string) bool {
	found := false
	var visit func(a *ir.App)
	visit = func(a *ir.App) {
		for _, r := range a.Routes {
			if r.Dependant == nil {
				continue
			}
			r.Dependant.Walk(func(d *ir.Dependant) {
				if d.Call != nil && d.Call.Class != nil && d.Call.Class.Module == module && d.Call.Class.QualName == cls {
					found = true
				}
			})
		}
		for _, m := range a.Mounts {
			if m.Sub != nil {
				visit(m.Sub)
			}
		}
	}
	visit(app)
	return found
}

// classTouchers are the DefKey of every def (nested and methods included) whose body
// names the class or an attribute of one of its attribute names (or of its name).
func (u *Unit) classTouchers(mi *modInfo, cls string, info *classInfo) []string {
	var out []string
	seen := map[string]bool{}
	for _, mname := range u.prog.Order {
		m := u.module(mname)
		if m.mod == nil || m.mod.File == nil || m.mod.File.Module == nil {
			continue
		}
		names := classNamesIn(m, mi.name, cls)
		var def func(st ast.Stmt)
		def = func(st ast.Stmt) {
			d := asDef(st)
			hit := false
			for _, b := range d.body {
				eachNode(b, func(x any) bool {
					switch y := x.(type) {
					case *ast.FunctionDef, *ast.AsyncFunctionDef:
						def(y.(ast.Stmt))
					case *ast.Name:
						hit = hit || names[y.Id]
					case *ast.Attribute:
						_, isAttr := info.attrs[y.Attr]
						hit = hit || isAttr || y.Attr == cls
					case *ast.ImportFrom:
						for _, a := range y.Names {
							hit = hit || a != nil && (a.Name == cls || a.Name == "*")
						}
					case *ast.Import:
						hit = true // a module imported in the body: anything may be reached
					}
					return true
				})
			}
			if k := DefKey(m.name, st); hit && !seen[k] {
				seen[k] = true
				out = append(out, k)
			}
		}
		eachNode(m.mod.File.Module, func(x any) bool {
			switch y := x.(type) {
			case *ast.FunctionDef, *ast.AsyncFunctionDef:
				def(y.(ast.Stmt))
				return false
			}
			return true
		})
	}
	sort.Strings(out)
	return out
}

// namesIn reports whether e refers to a name: a class attribute bound to a module-level
// object would be that very object in Python (mutated through either), not a copy.
func namesIn(e ast.Expr) bool {
	found := false
	walkExpr(e, func(x ast.Expr) {
		if _, ok := x.(*ast.Name); ok {
			found = true
		}
	})
	return found
}
