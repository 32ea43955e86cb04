package codegen

import (
	"reflect"
	"strings"

	"github.com/covetpy/covetgen/codegen/translate"
	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
	jen "github.com/dave/jennifer/jen"
)

// A lifespan function run natively: `@asynccontextmanager async def lifespan(app): ...;
// yield; ...` whose one yield is a top-level statement yielding nothing (a yielded dict
// would be the requests' state, which is not supported). Its statements before the yield
// are translated as the startup, the ones after as the shutdown: two Go funcs, each a
// function of its own for the translator, under the lifespan's def (same DefKey), so the
// module state it touches is planned as for any function run natively. What the two
// parts would share is refused: a name bound before the yield and used after it, the
// app parameter (app.state...), a global statement not at the top of the body.

// lifespanSplit translates the lifespan function c into its startup and shutdown Go funcs
// (refusals recorded; ok false then).
func (g *gen) lifespanSplit(c *ir.Callable) (startup, shutdown string, ok bool) {
	def, isAsync := findDef(g.in.Prog, c).(*ast.AsyncFunctionDef)
	if !isAsync || def == nil {
		g.refuse.add(c.Pos, "lifespan %s (only an @asynccontextmanager async def)", c.Name)
		return "", "", false
	}
	if !asyncCM(def.DecoratorList) {
		g.refuse.add(c.Pos, "lifespan %s (only an @asynccontextmanager async def)", c.Name)
		return "", "", false
	}
	pre, post, why := splitAtYield(def)
	if why != "" {
		g.refuse.add(c.Pos, "lifespan %s (%s)", c.Name, why)
		return "", "", false
	}
	up, okUp := g.lifespanPart(c, def, pre, "Startup")
	down, okDown := g.lifespanPart(c, def, post, "Shutdown")
	return up, down, okUp && okDown
}

// asyncCM reports the decorators to be exactly @asynccontextmanager (or
// @contextlib.asynccontextmanager).
func asyncCM(decos []ast.Expr) bool {
	if len(decos) != 1 {
		return false
	}
	switch d := decos[0].(type) {
	case *ast.Name:
		return d.Id == "asynccontextmanager"
	case *ast.Attribute:
		n, ok := d.Value.(*ast.Name)
		return ok && n.Id == "contextlib" && d.Attr == "asynccontextmanager"
	}
	return false
}

// splitAtYield returns the statements before and after the lifespan's one yield, or why
// it cannot be split.
func splitAtYield(def *ast.AsyncFunctionDef) (pre, post []ast.Stmt, why string) {
	yields, at := 0, -1
	for _, st := range def.Body {
		walkNodes(st, func(x ast.Node) {
			switch x.(type) {
			case *ast.Yield, *ast.YieldFrom:
				yields++
			}
		})
	}
	for i, st := range def.Body {
		if e, ok := st.(*ast.ExprStmt); ok {
			if y, ok := e.Value.(*ast.Yield); ok {
				if y.Value != nil && !isNoneConst(y.Value) {
					return nil, nil, "a yielded value: the requests' state"
				}
				at = i
			}
		}
	}
	if yields != 1 || at < 0 {
		return nil, nil, "only one yield, a statement of the function's body"
	}
	pre, post = def.Body[:at], def.Body[at+1:]
	bound := map[string]bool{}
	for _, st := range pre {
		walkNodes(st, func(x ast.Node) {
			if n, ok := x.(*ast.Name); ok && n.Ctx != ast.Load {
				bound[n.Id] = true
			}
		})
	}
	var params []string
	if a := def.Args; a != nil {
		for _, group := range [][]*ast.Arg{a.Posonlyargs, a.Args, a.Kwonlyargs} {
			for _, p := range group {
				params = append(params, p.Arg)
			}
		}
	}
	for i, part := range [][]ast.Stmt{pre, post} {
		for _, st := range part {
			if _, isGlobal := st.(*ast.Global); isGlobal {
				return nil, nil, "global statement"
			}
			var bad string
			walkNodes(st, func(x ast.Node) {
				n, ok := x.(*ast.Name)
				if !ok || bad != "" {
					return
				}
				for _, p := range params {
					if n.Id == p {
						bad = "use of its parameter " + p
					}
				}
				if i == 1 && bound[n.Id] {
					bad = "local " + n.Id + " bound before the yield and used after it"
				}
			})
			if bad != "" {
				return nil, nil, bad
			}
		}
	}
	return pre, post, ""
}

// isNoneConst reports the literal None.
func isNoneConst(e ast.Expr) bool {
	c, ok := e.(*ast.Constant)
	if !ok {
		return false
	}
	_, none := c.Value.(ast.NoneValue)
	return none
}

// lifespanPart translates body, a part of the lifespan def, as a function of no parameter
// and writes it; ok false when it is refused (recorded).
func (g *gen) lifespanPart(c *ir.Callable, def *ast.AsyncFunctionDef, body []ast.Stmt, part string) (string, bool) {
	fn := &ast.AsyncFunctionDef{Name: def.Name, Args: &ast.Arguments{}, Body: body, Span: def.Span}
	if len(body) == 0 {
		fn.Body = []ast.Stmt{&ast.Pass{Span: def.Span}}
	}
	scope := &translate.Scope{Vars: map[string]translate.Var{}, App: g.in.App, Module: c.Module, Unit: g.unit}
	code, diags := translate.Func(fn, scope)
	if g.refuseTranslation(code, diags, c.Pos, "lifespan %s", c.Name) {
		return "", false
	}
	name := g.pkg.get("py_" + c.Name + part)
	f := g.file(moduleFile(c.Module))
	f.Commentf("%s is the %s of the lifespan %s (%s): its statements %s the yield, translated.", name,
		strings.ToLower(part), c.Name, c.Pos, map[string]string{"Startup": "before", "Shutdown": "after"}[part])
	f.Func().Id(name).Params().Params(jen.Qual(pkgPyval, "Value"), jen.Error()).Block(code...)
	return name, true
}

// walkNodes calls fn for every node under n, n included (nested function bodies too).
func walkNodes(n ast.Node, fn func(ast.Node)) {
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Interface, reflect.Pointer:
			if v.IsNil() {
				return
			}
			if v.Kind() == reflect.Pointer && v.CanInterface() {
				if x, ok := v.Interface().(ast.Node); ok {
					fn(x)
				}
			}
			walk(v.Elem())
		case reflect.Struct:
			for i := 0; i < v.NumField(); i++ {
				if v.Type().Field(i).IsExported() {
					walk(v.Field(i))
				}
			}
		case reflect.Slice:
			for i := 0; i < v.Len(); i++ {
				walk(v.Index(i))
			}
		}
	}
	walk(reflect.ValueOf(n))
}
