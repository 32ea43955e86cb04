package translate

import (
	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
)

// Generator endpoints. FastAPI streams what a generator endpoint yields (JSON Lines,
// server-sent events, or the chunks of a StreamingResponse given the generator):
// StreamFunc translates its body in continuation-passing style, each `yield v` calling
// the Go callback that encodes and writes v (runtime/pyval's Stream):
//
//	if err := yield(v); err != nil { <raise err here> }
//
// The callback fails when the stream stops (the client went away, an item could not be
// encoded): it then returns an error that is not a Python exception, so no except clause
// catches it and the finally clauses run, as when CPython closes the abandoned
// generator (GeneratorExit thrown in at the yield). A yield may be anywhere a statement
// may, any number of times; the try statements around it may not catch what
// GeneratorExit is an instance of (a bare except, BaseException, GeneratorExit).

// StreamFunc translates the generator function fn, a generator endpoint, to the
// statements of a Go function returning (pyval.Value, error), as Func does; yield is
// the Go expression, of type func(pyval.Value) error, each yield statement calls.
func StreamFunc(fn ast.Stmt, scope *Scope, yield jen.Code) ([]jen.Code, []ir.Diagnostic) {
	info := &genInfo{yield: yield, stream: true}
	if def := asDef(fn); def != nil {
		info.scanStream(def.body, nil)
	}
	code, _, diags := translateDef(fn, scope, info)
	return code, diags
}

// scanStream records the yield statements of body with the try statements enclosing
// them (whose handlers would see what is thrown in at the yield).
func (g *genInfo) scanStream(body []ast.Stmt, trys []*ast.Try) {
	for _, st := range body {
		switch s := st.(type) {
		case *ast.ExprStmt:
			if _, ok := s.Value.(*ast.Yield); ok {
				g.sites = append(g.sites, yieldSite{stmt: s, trys: trys})
			}
		case *ast.Try:
			inner := append(append([]*ast.Try(nil), trys...), s)
			g.scanStream(s.Body, inner)
			for _, h := range s.Handlers {
				if h != nil {
					g.scanStream(h.Body, trys)
				}
			}
			g.scanStream(s.Orelse, trys)
			g.scanStream(s.Finalbody, trys)
		case *ast.If:
			g.scanStream(s.Body, trys)
			g.scanStream(s.Orelse, trys)
		case *ast.For:
			g.scanStream(s.Body, trys)
			g.scanStream(s.Orelse, trys)
		case *ast.AsyncFor:
			g.scanStream(s.Body, trys)
			g.scanStream(s.Orelse, trys)
		case *ast.While:
			g.scanStream(s.Body, trys)
			g.scanStream(s.Orelse, trys)
		}
	}
}

// checkStream refuses a try statement around a yield of a generator endpoint that
// catches GeneratorExit (see above).
func (f *fn) checkStream() {
	for _, y := range f.gen.sites {
		for _, t := range y.trys {
			for _, h := range t.Handlers {
				if h == nil {
					continue
				}
				for _, c := range f.handlerClasses(h.Type) {
					if c == "BaseException" || c == "GeneratorExit" {
						f.refuse(h, "except clause catching %s around a yield of a generator endpoint (it would catch the GeneratorExit closing the generator when the stream stops)", c)
					}
				}
			}
		}
	}
}
