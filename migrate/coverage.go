package migrate

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/covetpy/covetgen/codegen"
	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/ir/lift"
	"github.com/covetpy/covetgen/ir/load"
	"github.com/covetpy/covetgen/parser"
	"github.com/covetpy/covetgen/parser/ast"
)

// Route modes of a coverage report.
const (
	// ModeNative is a route the generator writes a Go handler for.
	ModeNative = "native"
	// ModeBridge is a route that cannot be generated natively: Go reads and validates
	// its parameters and writes its response, and its dependencies and endpoint run in
	// CPython through the bridge (a handler call).
	ModeBridge = "handler-call"
	// ModeForward is such a route served by request forwarding (with --forward): the
	// whole request runs in the app's own FastAPI route in a worker (Blockers say why).
	ModeForward = "request-forwarding"
	// ModeBlocked is a route that can be served neither natively nor through a handler
	// call (its Blockers say why): without --forward the app cannot be migrated while it
	// has one.
	ModeBlocked = "blocked"
)

// SingleWorkerNote explains Coverage.SingleWorker.
const SingleWorkerNote = "bridged functions use module state the app mutates: they all run on the first Python worker, which owns that state, even with --workers above 1 (the default is 1, as uvicorn's)"

// PragmaReason is the reason of a route forced to the bridge by a pragma comment.
const PragmaReason = "forced by # covetgen: bridge pragma"

// pragmaRE matches the bridge pragma comment.
var pragmaRE = regexp.MustCompile(`^#\s*covetgen:\s*bridge\s*$`)

// CoverageOptions configure CoverageOf.
type CoverageOptions struct {
	// Root, App, Env and Forward are as in Options.
	Root, App string
	Env       map[string]string
	Forward   bool
}

// Coverage is the coverage report of one app: which routes the generator serves natively.
// Its JSON form is documented in the package doc.
type Coverage struct {
	// App is module:attr of the app ("" when it could not be lifted).
	App string `json:"app"`
	// Routes are the app's routes in registration order, then the routes of mounted
	// FastAPI sub-apps.
	Routes []RouteCoverage `json:"routes"`
	// AppRefusals block the whole app, whatever the mode of its routes.
	AppRefusals []Reason `json:"app_refusals"`
	// SingleWorker: see SingleWorkerNote.
	SingleWorker bool   `json:"single_worker"`
	Totals       Totals `json:"totals"`
}

// RouteCoverage is one route of a coverage report.
type RouteCoverage struct {
	Methods []string `json:"methods"`
	// Path is the route's full path (mount prefixes included).
	Path string `json:"path"`
	// Kind is "api", "websocket" or "starlette".
	Kind string `json:"kind"`
	// Name is the route name; Endpoint the endpoint function as module.qualname.
	Name     string `json:"name"`
	Endpoint string `json:"endpoint"`
	// Pos is the route's registration position (file:line:col).
	Pos string `json:"pos"`
	// Mode is ModeNative, ModeBridge or ModeBlocked.
	Mode string `json:"mode"`
	// Lines counts the source lines of the endpoint function (def line to its last line;
	// 0 when its definition is not in the app's sources).
	Lines int `json:"lines"`
	// Reasons are why the route is not native (empty for a native route).
	Reasons []Reason `json:"reasons"`
	// Blockers are why a ModeBlocked route cannot run through the bridge either.
	Blockers []Reason `json:"blockers,omitempty"`
}

// Reason is one refusal: a construct at a Python position.
type Reason struct {
	File string `json:"file"`
	Line int    `json:"line"`
	Col  int    `json:"col"`
	// Message is "cannot translate <construct>", or PragmaReason.
	Message string `json:"message"`
}

// String formats the reason as file:line:col: message.
func (r Reason) String() string {
	return ir.Pos{File: r.File, Line: r.Line, Col: r.Col}.String() + ": " + r.Message
}

// Totals sums up a coverage report.
type Totals struct {
	Routes       int `json:"routes"`
	NativeRoutes int `json:"native_routes"`
	// BridgeRoutes counts the routes not native: handler calls and blocked ones.
	BridgeRoutes    int `json:"bridge_routes"`
	BlockedRoutes   int `json:"blocked_routes"`
	ForwardedRoutes int `json:"forwarded_routes"`
	// NativePercent is 100*NativeRoutes/Routes (100 for an app without routes).
	NativePercent float64 `json:"native_percent"`
	// Lines count the endpoint functions' source lines, each function once: a function
	// counts as native when every route it serves is native.
	Lines       int `json:"lines"`
	NativeLines int `json:"native_lines"`
	BridgeLines int `json:"bridge_lines"`
	// NativeLinesPercent is 100*NativeLines/Lines (100 when Lines is 0).
	NativeLinesPercent float64 `json:"native_lines_percent"`
	// AppRefusals counts the app-level refusals.
	AppRefusals int `json:"app_refusals"`
}

// CoverageOf reports, for the app under opts.Root, which routes the generator serves
// natively and why the others cannot be. It writes nothing. An error means the app could
// not be read at all.
func CoverageOf(opts CoverageOptions) (*Coverage, error) {
	prog, err := load.Load(opts.Root, load.Options{Parse: parser.ParseFile, App: opts.App})
	if err != nil {
		return nil, fmt.Errorf("load %s: %w", opts.Root, err)
	}
	base := opts.Root
	if fi, err := os.Stat(opts.Root); err == nil && !fi.IsDir() {
		base = filepath.Dir(opts.Root)
	}
	reason := func(pos ir.Pos, msg string) Reason {
		if pos.File != "" && !filepath.IsAbs(pos.File) && !strings.HasPrefix(pos.File, "<") {
			pos.File = filepath.Join(base, pos.File)
		}
		return Reason{File: pos.File, Line: pos.Line, Col: pos.Col, Message: msg}
	}
	refusal := func(r codegen.Refusal) Reason { return reason(r.Pos, "cannot translate "+r.What) }

	cov := &Coverage{Routes: []RouteCoverage{}, AppRefusals: []Reason{}}
	var early []codegen.Refusal
	for _, d := range prog.Diags {
		early = append(early, codegen.Refusal{Pos: d.Pos, What: "unresolved construct: " + d.Msg})
	}
	app, err := lift.Lift(prog, lift.Options{Env: opts.Env})
	if err != nil {
		if len(early) == 0 {
			return nil, fmt.Errorf("lift %s: %w", opts.Root, err)
		}
		for _, r := range early {
			cov.AppRefusals = append(cov.AppRefusals, refusal(r))
		}
		cov.total(nil)
		return cov, nil
	}
	cov.App = app.Module + ":" + app.Attr
	pragmas := bridgePragmas(prog)
	in := codegen.Input{App: app, Prog: prog, SubOpenAPI: map[*ir.Mount][]byte{}, Command: "service", Pragmas: pragmas, Forward: opts.Forward}
	doc, diags := openAPI(app)
	in.OpenAPI = doc
	var subs func(a *ir.App)
	subs = func(a *ir.App) {
		for _, m := range a.Mounts {
			if m.Sub != nil {
				sdoc, sdiags := openAPI(m.Sub)
				in.SubOpenAPI[m] = sdoc
				diags = append(diags, sdiags...)
				subs(m.Sub)
			}
		}
	}
	subs(app)
	for _, d := range diags {
		early = append(early, codegen.Refusal{Pos: d.Pos, What: "OpenAPI document: " + d.Msg})
	}
	an := codegen.Analyze(in)
	seen := map[codegen.Refusal]bool{}
	for _, r := range append(early, an.App...) {
		if !seen[r] {
			seen[r] = true
			cov.AppRefusals = append(cov.AppRefusals, refusal(r))
		}
	}
	sortReasons(cov.AppRefusals)

	cov.SingleWorker = an.Pinned
	defs := functionDefs(prog)
	var funcs []funcLines
	for _, ra := range an.Routes {
		r := ra.Route
		rc := RouteCoverage{Methods: append([]string{}, r.Methods...), Path: ra.Prefix + r.Path, Kind: routeKind(r.Kind),
			Name: r.Name, Pos: reason(r.Pos, "").posString(), Mode: ModeNative, Reasons: []Reason{}}
		if rc.Methods == nil {
			rc.Methods = []string{}
		}
		var def *funcSpan
		if r.Endpoint != nil {
			rc.Endpoint = r.Endpoint.Module + "." + r.Endpoint.QualName
			if r.Endpoint.QualName == "" {
				rc.Endpoint = r.Endpoint.Module + "." + r.Endpoint.Name
			}
			def = defs[r.Endpoint.Pos]
			if def != nil {
				rc.Lines = def.end - def.start + 1
			}
		}
		// The pragma on the endpoint or on any function of its dependencies.
		forced := map[ir.Pos]bool{}
		force := func(c *ir.Callable) {
			if c == nil {
				return
			}
			if p, ok := pragmas[c.Pos]; ok && !forced[p] {
				forced[p] = true
				rc.Reasons = append(rc.Reasons, reason(p, PragmaReason))
			}
		}
		force(r.Endpoint)
		if r.Dependant != nil {
			r.Dependant.Walk(func(d *ir.Dependant) { force(d.Call) })
		}
		for _, x := range ra.Refusals {
			rc.Reasons = append(rc.Reasons, refusal(x))
		}
		if ra.Bridged {
			rc.Mode = ModeBridge
			for _, x := range ra.Blockers {
				rc.Mode = ModeBlocked
				rc.Blockers = append(rc.Blockers, refusal(x))
			}
			if ra.Forwarded {
				rc.Mode = ModeForward
			}
		}
		cov.Routes = append(cov.Routes, rc)
		if def != nil {
			funcs = append(funcs, funcLines{def, rc.Mode == ModeNative})
		}
	}
	cov.total(funcs)
	return cov, nil
}

// funcLines is an endpoint function of one route and whether that route is native.
type funcLines struct {
	def    *funcSpan
	native bool
}

// total fills cov.Totals.
func (cov *Coverage) total(funcs []funcLines) {
	t := &cov.Totals
	for _, r := range cov.Routes {
		t.Routes++
		if r.Mode == ModeNative {
			t.NativeRoutes++
		} else {
			t.BridgeRoutes++
		}
		if r.Mode == ModeBlocked {
			t.BlockedRoutes++
		}
		if r.Mode == ModeForward {
			t.ForwardedRoutes++
		}
	}
	t.NativePercent = percent(t.NativeRoutes, t.Routes)
	native := map[*funcSpan]bool{}
	var order []*funcSpan
	for _, f := range funcs {
		prev, ok := native[f.def]
		if !ok {
			order = append(order, f.def)
			prev = true
		}
		native[f.def] = prev && f.native
	}
	for _, d := range order {
		n := d.end - d.start + 1
		t.Lines += n
		if native[d] {
			t.NativeLines += n
		} else {
			t.BridgeLines += n
		}
	}
	t.NativeLinesPercent = percent(t.NativeLines, t.Lines)
	t.AppRefusals = len(cov.AppRefusals)
}

// Below reports whether the native percentage by routes is below min.
func (cov *Coverage) Below(min float64) bool { return cov.Totals.NativePercent < min }

func percent(n, of int) float64 {
	if of == 0 {
		return 100
	}
	return 100 * float64(n) / float64(of)
}

func (r Reason) posString() string { return ir.Pos{File: r.File, Line: r.Line, Col: r.Col}.String() }

func routeKind(k ir.RouteKind) string {
	switch k {
	case ir.WebSocketRoute:
		return "websocket"
	case ir.StarletteRoute:
		return "starlette"
	}
	return "api"
}

func sortReasons(rs []Reason) {
	sort.SliceStable(rs, func(i, j int) bool {
		a, b := rs[i], rs[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
}

// funcSpan is the line span of a def: its def line to its last line.
type funcSpan struct{ start, end int }

// defSpan is a def statement's position, span and first decorator line.
type defSpan struct {
	pos        ir.Pos
	span       funcSpan
	firstDecor int
}

// walkDefs calls f for every def and async def of the module, nested ones included.
func walkDefs(m *load.Module, f func(defSpan)) {
	if m == nil || m.File == nil || m.File.Module == nil {
		return
	}
	var walk func([]ast.Stmt)
	walk = func(body []ast.Stmt) {
		for _, s := range body {
			var decos []ast.Expr
			var inner []ast.Stmt
			var sp *ast.Span
			switch x := s.(type) {
			case *ast.FunctionDef:
				decos, inner, sp = x.DecoratorList, x.Body, &x.Span
			case *ast.AsyncFunctionDef:
				decos, inner, sp = x.DecoratorList, x.Body, &x.Span
			case *ast.ClassDef:
				walk(x.Body)
				continue
			case *ast.If:
				walk(x.Body)
				walk(x.Orelse)
				continue
			case *ast.Try:
				walk(x.Body)
				for _, h := range x.Handlers {
					walk(h.Body)
				}
				walk(x.Orelse)
				walk(x.Finalbody)
				continue
			default:
				continue
			}
			d := defSpan{pos: m.Pos(s), span: funcSpan{sp.Lineno, sp.EndLineno}, firstDecor: sp.Lineno}
			if d.span.end < d.span.start {
				d.span.end = d.span.start
			}
			for _, e := range decos {
				if es, ok := e.(ast.Spanned); ok && es.GetSpan().Lineno > 0 && es.GetSpan().Lineno < d.firstDecor {
					d.firstDecor = es.GetSpan().Lineno
				}
			}
			f(d)
			walk(inner)
		}
	}
	walk(m.File.Module.Body)
}

// functionDefs maps the position of every def of the app's modules to its line span.
func functionDefs(prog *load.Program) map[ir.Pos]*funcSpan {
	out := map[ir.Pos]*funcSpan{}
	for _, name := range prog.Order {
		walkDefs(prog.Modules[name], func(d defSpan) {
			sp := d.span
			out[d.pos] = &sp
		})
	}
	return out
}

// bridgePragmas maps the position of every def marked with a "# covetgen: bridge"
// comment (on the def line, on a decorator line or on the line above the def or its first
// decorator) to the comment's position.
func bridgePragmas(prog *load.Program) map[ir.Pos]ir.Pos {
	out := map[ir.Pos]ir.Pos{}
	for _, name := range prog.Order {
		m := prog.Modules[name]
		if m == nil || m.File == nil {
			continue
		}
		lines := map[int]ir.Pos{}
		for _, c := range m.File.Comments {
			if pragmaRE.MatchString(strings.TrimSpace(c.Text)) {
				lines[c.Lineno] = ir.Pos{File: m.Rel, Line: c.Lineno, Col: c.Col + 1}
			}
		}
		if len(lines) == 0 {
			continue
		}
		walkDefs(m, func(d defSpan) {
			for l := d.firstDecor - 1; l <= d.span.start; l++ {
				if p, ok := lines[l]; ok {
					out[d.pos] = p
					return
				}
			}
		})
	}
	return out
}
