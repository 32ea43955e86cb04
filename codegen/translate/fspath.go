package translate

// Paths the app computes from its module's __file__: HERE = Path(__file__).resolve().parent,
// REPORT = HERE / "report.csv". Their value depends on where the app is installed, so
// they are neither constants nor state: each is a package variable the generated main
// sets once, before serving, from the app's root directory (SetAppPaths; the root is
// covetgen migrate's ROOT unless --app-dir says otherwise, as for the bridge's workers),
// applying pathlib's own lexical operations (runtime pyval.AppPath).
//
// A body may use such a path only where its value cannot tell a pathlib.Path from its
// str: as FileResponse's path (fileresp.go), as the argument of str(), or as the left
// operand of `/` (a str constant on the right) or the base of .parent whose result is
// itself used so. Any other use (returning it, comparing it, its other attributes) is
// refused: the translated value is the path's str.

import (
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
	"github.com/covetpy/covetgen/runtime/pyval"
)

// fsPathType is the static type of a path computed from __file__.
var fsPathType = &ir.Type{Kind: ir.KindClass, Name: "pathlib.PosixPath"}

// fsPath is a path computed from a module's __file__: the module's file relative to the
// app root, then pathlib operations ("resolve", "parent", "join:PART") in order. isStr
// marks __file__ itself (a str, not yet a Path).
type fsPath struct {
	file  string
	ops   []string
	isStr bool
}

// with is p with one more operation.
func (p fsPath) with(op string) fsPath {
	p.ops = append(append([]string(nil), p.ops...), op)
	return p
}

// appPathDecl is one package variable holding a path computed from __file__.
type appPathDecl struct {
	goName string
	path   fsPath
}

// AppPathInit is the statements setting the package variables of the paths computed
// from __file__ the translated code uses, from root (a Go string expression: the app's
// root directory, absolute and clean); nil when there are none. The generated main runs
// them before serving.
func (u *Unit) AppPathInit(root jen.Code) []jen.Code {
	var out []jen.Code
	for _, d := range u.appPaths {
		args := []jen.Code{root, jen.Lit(d.path.file)}
		for _, op := range d.path.ops {
			args = append(args, jen.Lit(op))
		}
		out = append(out, jen.Id(d.goName).Op("=").Qual(pyvalPkg, "AppPath").Call(args...))
	}
	return out
}

// fsPathConstant handles NAME = <a path computed from __file__> at module level: false for
// other expressions; otherwise c is the package variable (or c.err why it is refused).
func (u *Unit) fsPathConstant(mi *modInfo, name, key string, b *binding, app *ir.App, c *constInfo) bool {
	p, ok, why := u.fsPathOf(mi, b.expr, app, nil)
	if !ok || p.isStr || u.isMutated(name, false) {
		return false // not a path, or rebound by a function
	}
	if why != "" {
		c.err = "use of " + name + " (" + why + ")"
		return true
	}
	if u.inline {
		c.err = "use of " + name + " (a path computed from __file__: this unit declares no package variables)"
		return true
	}
	c.goName, c.typ, c.path = u.goIdent("pyp_"+identPart(mi.name)+"_"+identPart(name), key), fsPathType, &p
	u.appPaths = append(u.appPaths, appPathDecl{goName: c.goName, path: p})
	u.decls = append(u.decls,
		jen.Commentf("%s is %s.%s, a path computed from __file__: %s under the app's root, then %s (set by main).",
			c.goName, mi.name, name, p.file, strings.Join(append([]string{"Path"}, p.ops...), ", ")),
		jen.Var().Id(c.goName).Qual(pyvalPkg, "Value"))
	return true
}

// isFsPathExpr reports an expression computing a path from __file__ (an immutable value,
// whatever calls it is given to).
func (u *Unit) isFsPathExpr(mi *modInfo, e ast.Expr, app *ir.App) bool {
	p, ok, why := u.fsPathOf(mi, e, app, nil)
	return ok && why == "" && !p.isStr
}

// fsPathOf evaluates e as a path computed from __file__: ok false when it is not one,
// why set when it is one covetgen cannot compute. local reports the function's own names
// (nil at module level): they are never paths.
func (u *Unit) fsPathOf(mi *modInfo, e ast.Expr, app *ir.App, local func(string) bool) (p fsPath, ok bool, why string) {
	switch x := e.(type) {
	case *ast.Name:
		if local != nil && local(x.Id) {
			return fsPath{}, false, ""
		}
		if x.Id == "__file__" {
			if _, bound := mi.binds[x.Id]; !bound && mi.mod != nil {
				return fsPath{file: strings.ReplaceAll(mi.mod.Rel, "\\", "/"), isStr: true}, true, ""
			}
			return fsPath{}, false, ""
		}
		b, bound := mi.binds[x.Id]
		if !bound || b.kind != bAssign && b.kind != bImportFrom {
			return fsPath{}, false, ""
		}
		g := u.resolveGlobal(mi, x.Id, app, 0)
		if g.kind == gConst && g.path != nil {
			return *g.path, true, ""
		}
		return fsPath{}, false, ""
	case *ast.Call:
		if u.isPathClass(mi, x.Func) {
			if len(x.Args) != 1 || len(x.Keywords) > 0 {
				return fsPath{}, false, ""
			}
			q, ok, why := u.fsPathOf(mi, x.Args[0], app, local)
			q.isStr = false
			return q, ok, why
		}
		at, isAttr := x.Func.(*ast.Attribute)
		if !isAttr {
			return fsPath{}, false, ""
		}
		q, ok, why := u.fsPathOf(mi, at.Value, app, local)
		if !ok || why != "" {
			return q, ok, why
		}
		if q.isStr {
			return q, true, "method " + at.Attr + " of __file__"
		}
		switch {
		case at.Attr == "resolve" && len(x.Args) == 0 && len(x.Keywords) == 0:
			return q.with("resolve"), true, ""
		case at.Attr == "joinpath" && len(x.Keywords) == 0:
			for _, a := range x.Args {
				var why string
				if q, why = u.fsJoin(mi, q, a, app); why != "" {
					return q, true, why
				}
			}
			return q, true, ""
		}
		return q, true, "method " + at.Attr + " of a path computed from __file__"
	case *ast.Attribute:
		q, ok, why := u.fsPathOf(mi, x.Value, app, local)
		if !ok || why != "" {
			return q, ok, why
		}
		if x.Attr != "parent" || q.isStr {
			return q, true, "attribute " + x.Attr + " of a path computed from __file__"
		}
		return q.with("parent"), true, ""
	case *ast.BinOp:
		if x.Op != ast.Div {
			return fsPath{}, false, ""
		}
		q, ok, why := u.fsPathOf(mi, x.Left, app, local)
		if !ok || why != "" {
			return q, ok, why
		}
		if q.isStr {
			return q, true, "/ applied to __file__"
		}
		q, why = u.fsJoin(mi, q, x.Right, app)
		return q, true, why
	}
	return fsPath{}, false, ""
}

// fsJoin is q / a for a str constant a (relative).
func (u *Unit) fsJoin(mi *modInfo, q fsPath, a ast.Expr, app *ir.App) (fsPath, string) {
	v, ok := constEval(a, u.constLookup(mi, app))
	s, isStr := v.(pyval.Str)
	if !ok || !isStr {
		return q, "a path part that is not a str constant"
	}
	if strings.HasPrefix(string(s), "/") {
		return q, "an absolute path joined to a path computed from __file__"
	}
	if strings.ContainsRune(string(s), 0) {
		return q, "a path part holding NUL"
	}
	return q.with("join:" + string(s)), ""
}

// isPathClass reports e to be pathlib.Path (or PosixPath) as the module imports it.
func (u *Unit) isPathClass(mi *modInfo, e ast.Expr) bool {
	switch x := e.(type) {
	case *ast.Name:
		b, ok := mi.binds[x.Id]
		return ok && b.kind == bImportFrom && b.target == "pathlib" && (b.attr == "Path" || b.attr == "PosixPath")
	case *ast.Attribute:
		n, ok := x.Value.(*ast.Name)
		if !ok || x.Attr != "Path" && x.Attr != "PosixPath" {
			return false
		}
		b, bound := mi.binds[n.Id]
		return bound && b.kind == bImport && b.target == "pathlib"
	}
	return false
}

// fsPathValue compiles a use of a path computed from __file__ in a body (false for other
// expressions): its str, computed from the package variable it starts from.
func (f *fn) fsPathValue(e ast.Expr) (val, bool) {
	switch x := e.(type) {
	case *ast.Name:
	case *ast.Attribute:
		if x.Attr != "parent" {
			return val{}, false
		}
	case *ast.BinOp:
		if x.Op != ast.Div {
			return val{}, false
		}
	default:
		return val{}, false
	}
	if !f.u.mentionsAppPath(e) {
		return val{}, false
	}
	local := func(n string) bool {
		_, comp := f.compVars[n]
		return comp || f.locals[n] != nil
	}
	p, ok, why := f.u.fsPathOf(f.mi, e, f.app, local)
	if !ok {
		return val{}, false
	}
	if why != "" {
		f.refuse(e, "%s", why)
	}
	if !f.fsPathUseOK(e) {
		f.refuse(e, "use of a path computed from __file__ (only as FileResponse's path, in str(), or joined with / to one)")
	}
	base, extra := f.fsPathBase(e, p)
	if base == "" {
		f.refuse(e, "path computed from __file__ in a body (only from a module-level name)")
	}
	if len(extra) == 0 {
		return val{code: jen.Id(base), atomic: true, typ: fsPathType}, true
	}
	args := []jen.Code{jen.Id(base)}
	for _, op := range extra {
		if op == "resolve" {
			f.refuse(e, "resolve() of a path in a body")
		}
		args = append(args, jen.Lit(op))
	}
	return f.callVal(q("PathOps").Call(args...), kindValue, fsPathType), true
}

// mentionsAppPath reports whether e (a name, attribute or / chain) starts from a name;
// a cheap filter before fsPathOf.
func (u *Unit) mentionsAppPath(e ast.Expr) bool {
	for {
		switch x := e.(type) {
		case *ast.Name:
			return true
		case *ast.Attribute:
			e = x.Value
		case *ast.BinOp:
			e = x.Left
		default:
			return false
		}
	}
}

// fsPathBase finds the module-level path variable e starts from and the operations e
// applies to it.
func (f *fn) fsPathBase(e ast.Expr, p fsPath) (string, []string) {
	root := e
	for {
		switch x := root.(type) {
		case *ast.Attribute:
			root = x.Value
			continue
		case *ast.BinOp:
			root = x.Left
			continue
		}
		break
	}
	n, ok := root.(*ast.Name)
	if !ok {
		return "", nil
	}
	g, _ := f.lookupGlobal(n)
	if g.kind != gConst || g.path == nil || len(g.path.ops) > len(p.ops) {
		return "", nil
	}
	return g.name, p.ops[len(g.path.ops):]
}

// fsPathUseOK reports e to be used where a path and its str behave alike.
func (f *fn) fsPathUseOK(e ast.Expr) bool {
	parent := f.parentExpr(e)
	switch x := parent.(type) {
	case *ast.Call:
		if len(x.Args) == 1 && x.Args[0] == e && len(x.Keywords) == 0 {
			if n, ok := x.Func.(*ast.Name); ok && n.Id == "str" {
				g, _ := f.lookupGlobal(n)
				return g.kind == gBuiltin
			}
		}
		return f.isFileRespCall(x) && (len(x.Args) > 0 && x.Args[0] == e || fileRespPathKw(x) == e)
	case *ast.BinOp:
		return x.Op == ast.Div && x.Left == e && f.fsPathUseOK(x)
	case *ast.Attribute:
		return x.Attr == "parent" && f.fsPathUseOK(x)
	}
	return false
}

// parentExpr is the call, binary operation or attribute of the body having e as a direct
// operand (nil: none).
func (f *fn) parentExpr(e ast.Expr) ast.Expr {
	var found ast.Expr
	walkStmts(f.def.body, func(st ast.Stmt) {
		for _, top := range stmtExprs(st) {
			walkExpr(top, func(x ast.Expr) {
				if found != nil {
					return
				}
				switch y := x.(type) {
				case *ast.Call:
					if y.Func == e {
						found = y
					}
					for _, a := range y.Args {
						if a == e {
							found = y
						}
					}
					for _, k := range y.Keywords {
						if k.Value == e {
							found = y
						}
					}
				case *ast.BinOp:
					if y.Left == e || y.Right == e {
						found = y
					}
				case *ast.Attribute:
					if y.Value == e {
						found = y
					}
				}
			})
		}
	})
	return found
}
