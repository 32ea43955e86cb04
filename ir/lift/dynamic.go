package lift

import (
	"fmt"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
)

// dynLoop is a loop whose iterations are not known statically (a for over a runtime list,
// a while loop), being probed: its body runs once with unknown loop variables, and what it
// would register (routes, included routers, mounts) is not registered but reported.
type dynLoop struct {
	pos ir.Pos
	why string
}

// probeLoop runs body once as the body of a loop that is not known statically.
func (ms *modState) probeLoop(pos ir.Pos, why string, body func()) {
	ms.in.dynLoops = append(ms.in.dynLoops, dynLoop{pos: pos, why: why})
	defer func() { ms.in.dynLoops = ms.in.dynLoops[:len(ms.in.dynLoops)-1] }()
	body()
}

// inDynamicLoop returns the diagnostic for a registration made inside a loop that is not
// known statically (what names what is missing), and whether there is such a loop.
func (in *interp) inDynamicLoop(what string) (ir.Diagnostic, bool) {
	if len(in.dynLoops) == 0 {
		return ir.Diagnostic{}, false
	}
	l := in.dynLoops[0]
	return ir.Diagnostic{Pos: l.pos, Msg: fmt.Sprintf("%s registered in the %s are missing: its iterations are not known statically", what, l.why)}, true
}

// addMissing records on a router that some of its routes are missing.
func (r *routerObj) addMissing(d ir.Diagnostic) {
	for _, old := range r.missing {
		if old == d {
			return
		}
	}
	r.missing = append(r.missing, d)
}

// probeComprehension evaluates the element of a comprehension over values not known
// statically once, when it calls something (a registration: [app.include_router(r) for r in
// load()]).
func (ms *modState) probeComprehension(gens []*ast.Comprehension, elt ast.Expr, sc *scope, pos ir.Pos) {
	if !hasCall(elt) {
		return
	}
	ms.probeLoop(pos, "comprehension over values not known statically", func() {
		inner := newScope(sc)
		for _, g := range gens {
			ms.assign(g.Target, unknownObj{why: "loop variable", pos: ms.pos(g.Target)}, inner)
		}
		ms.eval(elt, inner)
	})
}

// hasCall reports whether an expression is or holds a call.
func hasCall(e ast.Expr) bool {
	switch x := e.(type) {
	case *ast.Call:
		return true
	case *ast.Tuple:
		for _, el := range x.Elts {
			if hasCall(el) {
				return true
			}
		}
	case *ast.List:
		for _, el := range x.Elts {
			if hasCall(el) {
				return true
			}
		}
	case *ast.BoolOp:
		for _, v := range x.Values {
			if hasCall(v) {
				return true
			}
		}
	}
	return false
}
