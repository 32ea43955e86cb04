package translate

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/ir/load"
	"github.com/covetpy/covetgen/parser/ast"
)

// modInfo is what a module binds at its top level.
type modInfo struct {
	name  string
	file  string
	mod   *load.Module
	binds map[string]*binding
}

type bindKind int

const (
	bFunc bindKind = iota
	bClass
	bImport     // import X [as Y]: target is the module
	bImportFrom // from X import A [as Y]: target module X, attr A
	bAssign     // NAME = expr
	bAmbiguous  // bound more than once, or conditionally
)

type binding struct {
	kind   bindKind
	def    *funcDef
	class  *ast.ClassDef
	expr   ast.Expr
	target string
	attr   string
	node   ast.Node
}

func (u *Unit) module(name string) *modInfo {
	if mi, ok := u.mods[name]; ok {
		return mi
	}
	mi := &modInfo{name: name, file: u.fileOf(name), binds: map[string]*binding{}}
	u.mods[name] = mi
	m := u.loadModule(name)
	mi.mod = m
	if m == nil || m.File == nil || m.File.Module == nil {
		return mi
	}
	add := func(n string, b *binding) {
		if _, dup := mi.binds[n]; dup {
			b = &binding{kind: bAmbiguous, node: b.node}
		}
		mi.binds[n] = b
	}
	for _, st := range m.File.Module.Body {
		switch s := st.(type) {
		case *ast.FunctionDef, *ast.AsyncFunctionDef:
			d := asDef(s)
			add(d.name, &binding{kind: bFunc, def: d, node: s})
		case *ast.ClassDef:
			add(s.Name, &binding{kind: bClass, class: s, node: s})
		case *ast.Import:
			for _, a := range s.Names {
				if a.Asname != nil {
					add(*a.Asname, &binding{kind: bImport, target: a.Name, node: s})
				} else {
					top, _, _ := strings.Cut(a.Name, ".")
					add(top, &binding{kind: bImport, target: top, node: s})
				}
			}
		case *ast.ImportFrom:
			base, ok := "", false
			if u.prog != nil {
				base, ok = u.prog.ResolveFrom(m, s)
			}
			for _, a := range s.Names {
				n := a.Name
				if a.Asname != nil {
					n = *a.Asname
				}
				if !ok || a.Name == "*" {
					if a.Name != "*" {
						add(n, &binding{kind: bAmbiguous, node: s})
					}
					continue
				}
				add(n, &binding{kind: bImportFrom, target: base, attr: a.Name, node: s})
			}
		case *ast.Assign:
			for _, t := range s.Targets {
				if nm, ok := t.(*ast.Name); ok {
					add(nm.Id, &binding{kind: bAssign, expr: s.Value, node: s})
				} else {
					for _, n := range boundNames(t) {
						add(n, &binding{kind: bAmbiguous, node: s})
					}
				}
			}
		case *ast.AnnAssign:
			if nm, ok := s.Target.(*ast.Name); ok && s.Value != nil {
				add(nm.Id, &binding{kind: bAssign, expr: s.Value, node: s})
			}
		default:
			for _, n := range StmtBoundNames(st) {
				mi.binds[n] = &binding{kind: bAmbiguous, node: st}
			}
		}
	}
	return mi
}

// boundNames lists the names an assignment target binds.
func boundNames(t ast.Expr) []string {
	switch x := t.(type) {
	case *ast.Name:
		return []string{x.Id}
	case *ast.Tuple:
		var out []string
		for _, e := range x.Elts {
			out = append(out, boundNames(e)...)
		}
		return out
	case *ast.List:
		var out []string
		for _, e := range x.Elts {
			out = append(out, boundNames(e)...)
		}
		return out
	case *ast.Starred:
		return boundNames(x.Value)
	}
	return nil
}

// StmtBoundNames lists every name a (compound) statement may bind, nested blocks included
// (function bodies excluded); a star import gives "*".
func StmtBoundNames(st ast.Stmt) []string {
	var out []string
	walkStmts([]ast.Stmt{st}, func(s ast.Stmt) {
		switch x := s.(type) {
		case *ast.Assign:
			for _, t := range x.Targets {
				out = append(out, boundNames(t)...)
			}
		case *ast.AnnAssign:
			out = append(out, boundNames(x.Target)...)
		case *ast.AugAssign:
			out = append(out, boundNames(x.Target)...)
		case *ast.For:
			out = append(out, boundNames(x.Target)...)
		case *ast.AsyncFor:
			out = append(out, boundNames(x.Target)...)
		case *ast.With:
			for _, it := range x.Items {
				if it.OptionalVars != nil {
					out = append(out, boundNames(it.OptionalVars)...)
				}
			}
		case *ast.AsyncWith:
			for _, it := range x.Items {
				if it.OptionalVars != nil {
					out = append(out, boundNames(it.OptionalVars)...)
				}
			}
		case *ast.FunctionDef:
			out = append(out, x.Name)
		case *ast.AsyncFunctionDef:
			out = append(out, x.Name)
		case *ast.ClassDef:
			out = append(out, x.Name)
		case *ast.Import:
			for _, a := range x.Names {
				if a.Asname != nil {
					out = append(out, *a.Asname)
				} else {
					top, _, _ := strings.Cut(a.Name, ".")
					out = append(out, top)
				}
			}
		case *ast.ImportFrom:
			for _, a := range x.Names {
				if a.Asname != nil {
					out = append(out, *a.Asname)
				} else {
					out = append(out, a.Name)
				}
			}
		case *ast.Try:
			for _, h := range x.Handlers {
				if h != nil && h.Name != nil {
					out = append(out, *h.Name)
				}
			}
		case *ast.Delete:
			for _, t := range x.Targets {
				out = append(out, boundNames(t)...)
			}
		}
	})
	return out
}

// walkStmts calls fn for each statement and, recursively, the statements of its blocks
// (not of nested function or class bodies).
func walkStmts(body []ast.Stmt, fn func(ast.Stmt)) {
	for _, st := range body {
		if st == nil {
			continue
		}
		fn(st)
		switch s := st.(type) {
		case *ast.If:
			walkStmts(s.Body, fn)
			walkStmts(s.Orelse, fn)
		case *ast.For:
			walkStmts(s.Body, fn)
			walkStmts(s.Orelse, fn)
		case *ast.AsyncFor:
			walkStmts(s.Body, fn)
			walkStmts(s.Orelse, fn)
		case *ast.While:
			walkStmts(s.Body, fn)
			walkStmts(s.Orelse, fn)
		case *ast.With:
			walkStmts(s.Body, fn)
		case *ast.AsyncWith:
			walkStmts(s.Body, fn)
		case *ast.Try:
			walkStmts(s.Body, fn)
			for _, h := range s.Handlers {
				if h != nil {
					walkStmts(h.Body, fn)
				}
			}
			walkStmts(s.Orelse, fn)
			walkStmts(s.Finalbody, fn)
		case *ast.TryStar:
			walkStmts(s.Body, fn)
			for _, h := range s.Handlers {
				if h != nil {
					walkStmts(h.Body, fn)
				}
			}
			walkStmts(s.Orelse, fn)
			walkStmts(s.Finalbody, fn)
		case *ast.Match:
			for _, c := range s.Cases {
				if c != nil {
					walkStmts(c.Body, fn)
				}
			}
		}
	}
}

// global is what a module-level name (or an attribute of a module) resolves to.
type global struct {
	kind   globalKind
	module string // gFunc, gConst, gModule: the module
	name   string
	def    *funcDef
	mi     *modInfo
	model  *ir.Model
	value  valueConst // gConst, gStatus
	typ    *ir.Type   // gConst computed at init: its static type
	why    string     // gNone: why the name cannot be used
	set    bool       // gConst: a constant set, usable only as the right operand of in
	path   *fsPath    // gConst: a path computed from __file__ (fspath.go)
	self   *ir.Type   // gFunc of a method (instances.go): the static type of its first parameter
	ctor   *ir.Class  // gFunc of a class's __init__ called to construct it (instnew.go)
}

type globalKind int

const (
	gNone globalKind = iota
	gFunc
	gModel
	gTypedDict
	gConst
	gModule       // an app module
	gFramework    // a framework module (fastapi, fastapi.status...): name is its dotted name
	gHTTPExc      // fastapi.HTTPException / starlette.exceptions.HTTPException
	gStatus       // an int constant of fastapi.status / starlette.status
	gBuiltin      // a builtin function or type: name
	gBuiltinExc   // a builtin exception class: name
	gOtherClass   // a class that is not a lifted model
	gStdlibModule // name
	gState        // module state living in Go (state.go): name is its package variable
)

var statusRe = regexp.MustCompile(`^(?:HTTP|WS)_(\d{3,4})_[A-Z0-9_]+$`)

// frameworkAttr resolves module.attr for a framework module.
func frameworkAttr(module, attr string) global {
	full := module + "." + attr
	switch full {
	case "fastapi.HTTPException", "fastapi.exceptions.HTTPException", "starlette.exceptions.HTTPException":
		return global{kind: gHTTPExc}
	case "fastapi.status", "starlette.status":
		return global{kind: gFramework, name: full}
	}
	if module == "fastapi.status" || module == "starlette.status" {
		if m := statusRe.FindStringSubmatch(attr); m != nil {
			n, _ := strconv.Atoi(m[1])
			return global{kind: gStatus, value: intConst(int64(n))}
		}
	}
	if load.IsFramework(full) && !strings.Contains(attr, ".") && isFrameworkPackage(module) {
		return global{kind: gFramework, name: full}
	}
	return global{kind: gNone, why: "use of " + full}
}

func isFrameworkPackage(m string) bool {
	top, _, _ := strings.Cut(m, ".")
	switch top {
	case "fastapi", "starlette", "pydantic", "typing", "typing_extensions":
		return true
	}
	return false
}

// resolveModule resolves a dotted module name used as a value.
func (u *Unit) resolveModule(name string) global {
	if u.loadModule(name) != nil {
		return global{kind: gModule, module: name, mi: u.module(name)}
	}
	if isFrameworkPackage(name) {
		return global{kind: gFramework, name: name}
	}
	return global{kind: gStdlibModule, name: name, why: "use of module " + name}
}

// resolveGlobal resolves a module-level name of mi.
func (u *Unit) resolveGlobal(mi *modInfo, name string, app *ir.App, depth int) global {
	if depth > 20 {
		return global{why: "name " + name + " (import cycle)"}
	}
	b, ok := mi.binds[name]
	if !ok {
		if builtinFuncs[name] || builtinTypes[name] != "" {
			return global{kind: gBuiltin, name: name}
		}
		if isBuiltinExc(name) {
			return global{kind: gBuiltinExc, name: name}
		}
		return global{why: "name " + name + " (not defined)"}
	}
	return u.resolveBinding(mi, name, b, app, depth)
}

// resolveBinding resolves the binding b of name in mi (resolveGlobal; a function's
// import statement, localimport.go).
func (u *Unit) resolveBinding(mi *modInfo, name string, b *binding, app *ir.App, depth int) global {
	switch b.kind {
	case bFunc:
		return global{kind: gFunc, module: mi.name, name: name, def: b.def, mi: mi}
	case bClass:
		if m := findModel(app, mi.name, name); m != nil {
			if m.Kind == ir.TypedDict {
				return global{kind: gTypedDict, model: m, name: name}
			}
			return global{kind: gModel, model: m, name: name}
		}
		return global{kind: gOtherClass, module: mi.name, name: name, why: "use of class " + name + " (not a model of the app)"}
	case bImport:
		return u.resolveModule(b.target)
	case bImportFrom:
		if u.loadModule(b.target) != nil {
			sub := b.target + "." + b.attr
			tm := u.module(b.target)
			if _, bound := tm.binds[b.attr]; !bound && u.loadModule(sub) != nil {
				return u.resolveModule(sub)
			}
			return u.resolveGlobal(tm, b.attr, app, depth+1)
		}
		if isFrameworkPackage(b.target) {
			return frameworkAttr(b.target, b.attr)
		}
		if u.loadModule(b.target+"."+b.attr) != nil {
			return u.resolveModule(b.target + "." + b.attr)
		}
		return global{kind: gStdlibModule, name: b.target, why: "use of module " + b.target}
	case bAssign:
		c := u.constant(mi, name, b, app)
		if c.err != "" {
			return global{why: c.err}
		}
		if c.state {
			return global{kind: gState, module: mi.name, name: c.goName, typ: c.typ}
		}
		return global{kind: gConst, module: mi.name, name: c.goName, value: c.val, typ: c.typ, set: c.set, path: c.path}
	}
	return global{why: "name " + name + " (bound conditionally or more than once)"}
}

func findModel(app *ir.App, module, qual string) *ir.Model {
	if app == nil {
		return nil
	}
	for _, m := range app.Models {
		if m.Module == module && m.QualName == qual && m.GenericOrigin == nil {
			return m
		}
	}
	return nil
}
