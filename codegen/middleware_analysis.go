package codegen

import (
	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
)

// MiddlewareAnalysis is one middleware of the app (add_middleware call or
// @app.middleware("http") function): served in Go when Refusals is empty, else what
// keeps it, and so the app, from being served.
type MiddlewareAnalysis struct {
	Middleware *ir.Middleware
	// Name is the class's name ("CORSMiddleware") or the function's ("add_served_by").
	Name string
	// Function marks an @app.middleware("http") function, translated into Go.
	Function bool
	// Prefix is the concatenated path of the mounts leading to the middleware's app (""
	// for the top app's).
	Prefix   string
	Refusals []Refusal
}

// Middleware lists the middleware of in.App and of its mounted FastAPI sub-apps (depth
// first, each app's in declaration order) with the app-level refusals of an that come
// from each: those at its declaration, and for a function those inside its definition
// (its translation's). in is the Input an was made from.
func (an *Analysis) Middleware(in Input) []MiddlewareAnalysis {
	var out []MiddlewareAnalysis
	var walk func(a *ir.App, prefix string)
	walk = func(a *ir.App, prefix string) {
		for _, m := range a.Middleware {
			ma := MiddlewareAnalysis{Middleware: m, Name: lastDot(m.Class), Prefix: prefix}
			var span *ast.Span
			file := m.Pos.File
			if m.Class == "http" {
				ma.Function = true
				if m.Func != nil {
					ma.Name = m.Func.Name
					file = m.Func.Pos.File
					switch def := findDef(in.Prog, m.Func).(type) {
					case *ast.AsyncFunctionDef:
						if def != nil {
							span = &def.Span
						}
					case *ast.FunctionDef:
						if def != nil {
							span = &def.Span
						}
					}
				}
			}
			for _, r := range an.App {
				if r.Pos == m.Pos || span != nil && r.Pos.File == file && inSpan(r.Pos, span) {
					ma.Refusals = append(ma.Refusals, r)
				}
			}
			out = append(out, ma)
		}
		for _, mt := range a.Mounts {
			if mt.Sub != nil {
				walk(mt.Sub, prefix+mt.Path)
			}
		}
	}
	walk(in.App, "")
	return out
}

// inSpan reports whether p (1-based column) lies within s (0-based column offsets).
func inSpan(p ir.Pos, s *ast.Span) bool {
	after := p.Line > s.Lineno || p.Line == s.Lineno && p.Col-1 >= s.ColOffset
	before := p.Line < s.EndLineno || p.Line == s.EndLineno && p.Col-1 <= s.EndColOffset
	return after && before
}
