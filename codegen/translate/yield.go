package translate

import (
	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
)

// Yield dependencies. FastAPI enters a generator dependency with contextlib's
// (async)contextmanager: next() runs the body to its yield, whose value is the
// dependency's; at the end of the request the generator is resumed, or, when the
// request failed, the exception is thrown into it at the yield (gen.throw), where the
// body's try statements see it as raised by the yield expression.
//
// GenFunc translates such a body with the yield statement calling a Go callback (the
// rest of the request, as runtime/pyval/pygen drives it): `yield v` becomes
//
//	if err := yield(v); err != nil { <raise err here> }
//
// the raise going, like any other, to the enclosing try statement's handlers and finally
// clause. The body yields exactly once on every path that does not raise or return
// first (a return before the yield is contextlib's "generator didn't yield", which the
// runtime reports): the one yield is an expression statement at the top level of the
// body or, recursively, of the body of a try statement there. The try statements around
// it may not have a handler catching Exception or BaseException (or a bare except):
// FastAPI also throws request validation errors and server errors in, which translated
// code does not classify as Python exceptions.

// genInfo is what the translation of a generator knows about its yield.
type genInfo struct {
	// yield is the Go expression of the callback (func(pyval.Value) error).
	yield jen.Code
	// sites are the yield statements, in source order.
	sites []yieldSite
	// count is the number of yield expressions of the body.
	count int
	// typ is the static type of the value yielded (nil: unknown).
	typ *ir.Type
	// stream marks a generator endpoint (stream.go): yields anywhere, any number.
	stream bool
}

// GenFunc translates the generator function fn (a def or async def containing one
// yield), used as a yield dependency, to the statements of a Go function returning
// (pyval.Value, error), as Func does; yield is the Go expression, of type
// func(pyval.Value) error, the yield statement calls (see above). yielded is the static
// type of the value yielded (nil: unknown).
func GenFunc(fn ast.Stmt, scope *Scope, yield jen.Code) (code []jen.Code, yielded *ir.Type, diags []ir.Diagnostic) {
	info := &genInfo{yield: yield}
	if def := asDef(fn); def != nil {
		info.scan(def.body, "", nil)
		walkStmts(def.body, func(st ast.Stmt) {
			for _, e := range stmtExprs(st) {
				walkExpr(e, func(x ast.Expr) {
					switch x.(type) {
					case *ast.Yield, *ast.YieldFrom:
						info.count++
					}
				})
			}
		})
	}
	code, _, diags = translateDef(fn, scope, info)
	if len(diags) > 0 {
		return nil, nil, diags
	}
	return code, info.typ, nil
}

// yieldSite is a yield statement: where names the construct enclosing it when it is
// misplaced ("" when allowed), trys are the try statements enclosing it.
type yieldSite struct {
	stmt  *ast.ExprStmt
	where string
	trys  []*ast.Try
}

// scan records where the yield statements of body are: where is "" at the allowed
// positions, else the construct enclosing them; trys are the enclosing try statements.
func (g *genInfo) scan(body []ast.Stmt, where string, trys []*ast.Try) {
	for _, st := range body {
		switch s := st.(type) {
		case *ast.ExprStmt:
			if _, ok := s.Value.(*ast.Yield); ok {
				g.sites = append(g.sites, yieldSite{s, where, trys})
			}
		case *ast.Try:
			inner := append(append([]*ast.Try(nil), trys...), s)
			g.scan(s.Body, where, inner)
			for _, h := range s.Handlers {
				if h != nil {
					g.scan(h.Body, or(where, "an except clause"), nil)
				}
			}
			g.scan(s.Orelse, or(where, "the else clause of a try statement"), nil)
			g.scan(s.Finalbody, or(where, "a finally clause"), nil)
		case *ast.If:
			g.scan(s.Body, or(where, "an if statement"), nil)
			g.scan(s.Orelse, or(where, "an if statement"), nil)
		case *ast.For:
			g.scan(s.Body, or(where, "a loop"), nil)
			g.scan(s.Orelse, or(where, "a loop"), nil)
		case *ast.While:
			g.scan(s.Body, or(where, "a loop"), nil)
			g.scan(s.Orelse, or(where, "a loop"), nil)
		}
	}
}

// or is where, or else when where is "".
func or(where, other string) string {
	if where != "" {
		return where
	}
	return other
}

// checkGen refuses, before the translation, a generator whose yield is not where
// GenFunc accepts it (see above); nothing for other functions.
func (f *fn) checkGen() {
	if f.gen == nil {
		return
	}
	if f.gen.stream {
		f.checkStream() // stream.go
		return
	}
	for _, y := range f.gen.sites {
		if y.where != "" {
			f.refuse(y.stmt, "yield inside %s (a yield dependency yields once: at the top level of its body or of a try statement's body)", y.where)
		}
	}
	for _, y := range f.gen.sites {
		if f.gen.count > 1 {
			f.refuse(y.stmt, "generator with %d yield expressions (a yield dependency yields once)", f.gen.count)
		}
		for _, t := range y.trys {
			for _, h := range t.Handlers {
				if h == nil {
					continue
				}
				for _, c := range f.handlerClasses(h.Type) {
					if c == "Exception" || c == "BaseException" {
						f.refuse(h, "except clause catching %s around a yield (FastAPI throws request validation and server errors there, which translated code does not classify)", c)
					}
				}
			}
		}
	}
}

// yieldStmt translates `yield v` (`yield`: None) in a generator translated by GenFunc
// (checkGen accepted it); it reports false for any other statement (and for a yield
// elsewhere, which the expression translation refuses).
func (f *fn) yieldStmt(s *ast.ExprStmt) bool {
	y, ok := s.Value.(*ast.Yield)
	if !ok || f.gen == nil {
		return false
	}
	v := val{code: jen.Qual(pyvalPkg, "None"), typ: &ir.Type{Kind: ir.KindNone}}
	if inst, ok := f.yieldedInstance(y.Value); ok {
		v = inst
	} else if y.Value != nil {
		v = f.value(y.Value)
	}
	f.gen.typ = v.typ
	f.emit(jen.If(jen.Err().Op(":=").Add(f.gen.yield).Call(v.code), jen.Err().Op("!=").Nil()).Block(f.raiseTo(jen.Err())...))
	f.blk.last = nil
	return true
}

// yieldedInstance is the value of `yield name` for a local holding an instance of a plain
// app class (instances.go), which may be yielded: the dependency's value then has the
// instance's static type, and its users only read and assign its attributes (ok false:
// another expression).
func (f *fn) yieldedInstance(e ast.Expr) (val, bool) {
	n, ok := e.(*ast.Name)
	if !ok || f.instClass(n) == nil {
		return val{}, false
	}
	l := f.locals[n.Id]
	if l.isParam && !l.hasVar {
		f.refuse(n, "use of parameter %s (no value is given for it)", n.Id)
	}
	l.used = true
	if !f.assigned[n.Id] {
		f.emit(jen.If(jen.Id(l.goName).Op("==").Nil()).Block(f.raiseTo(q("Unbound").Call(jen.Lit(n.Id)))...))
	}
	return val{code: jen.Id(l.goName), atomic: true, typ: f.types[n.Id]}, true
}
