package codegen

import (
	"bytes"
	"fmt"
	"go/format"
	"sort"
	"strings"

	"github.com/covetpy/covetgen/codegen/translate"
	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/ir/load"
	jen "github.com/dave/jennifer/jen"
)

// Input is what Generate works from.
type Input struct {
	App  *ir.App
	Prog *load.Program
	// OpenAPI is the app's document as /openapi.json serves it (compact JSON, FastAPI's
	// key order); SubOpenAPI the documents of mounted sub-apps, by mount.
	OpenAPI    []byte
	SubOpenAPI map[*ir.Mount][]byte
	// Command is the name of the service binary (the Go module's last element).
	Command string
	// BridgeAll runs every route's functions through the bridge (--bridge-all); Pragmas
	// are the functions with a `# covetgen: bridge` pragma (def position -> pragma
	// position), whose routes are bridged.
	BridgeAll bool
	Pragmas   map[ir.Pos]ir.Pos
	// Forward serves the routes that can be served neither natively nor through handler
	// calls by request forwarding: the whole request runs in the app's own FastAPI route
	// in a worker (the service then needs FastAPI importable by its Python).
	Forward bool
	// AppDir is the app's root as migrate was given it (absolute): the bridge workers'
	// default --app-dir.
	AppDir string
	// state are the keys of the module state living in Go (planState decides; state.go).
	state []string
	// stateKept says why the other module state stays in Python ("module.NAME" -> the
	// first refusal of the function keeping it there; state.go).
	stateKept map[string]string
	// lifespanPy: the startup and shutdown handlers run in the bridge workers (lifespan.go).
	lifespanPy bool
}

// Output is the generated service.
type Output struct {
	// Files maps file names to gofmt'd sources (and openapi.json to its bytes).
	Files map[string][]byte
	// Imports are the runtime packages the files import.
	Imports []string
	// Routes counts the routes served natively, Bridged those whose Python functions run
	// through the bridge; Models the model types written.
	Routes, Bridged, Models int
	// Forwarded counts the routes served by request forwarding.
	Forwarded int
}

// Generate writes the service of in.App. When anything cannot be generated exactly it
// returns the refusals (and no output).
func Generate(in Input) (*Output, []Refusal) { return generatePlanned(in, planBridge(in, false)) }

// generatePlanned is Generate with the bridge plan already made.
func generatePlanned(in Input, plan *bridgePlan) (*Output, []Refusal) {
	if plan != nil {
		in.state, in.stateKept = plan.state.goOwned, plan.state.kept
	}
	g := newGen(in)
	g.plan = plan
	g.app()
	for _, m := range g.unit.Models() {
		g.models.get(m, m.Pos)
	}
	if g.refuse.len() > 0 {
		return nil, g.refuse.sorted()
	}
	out, err := g.render()
	if err != nil {
		// A rendering failure is a bug of the generator: report it at the app.
		var rs refusals
		rs.add(in.App.Pos, "app: generated code does not format: %v", err)
		return nil, rs.list
	}
	return out, nil
}

// gen is the state of one generation.
type gen struct {
	in     Input
	app0   *ir.App
	refuse refusals
	// pkg hands out package-level Go names.
	pkg *names
	// files are the Go files being written, by name; order their creation order.
	files map[string]*jen.File
	order []string
	// helpers are the helper declarations used, by name.
	helpers map[string]bool
	// imports are the runtime packages used (filled when rendering).
	imports   map[string]bool
	routes    int
	bridged   int
	forwarded int
	models    *modelSet
	// funcs are the translated Python functions; unit is translate's package-level state.
	funcs map[*ir.Callable]*pyFunc
	// respFuncs are the endpoints translated with translate.Scope.Response.
	respFuncs map[*ir.Callable]*pyFunc
	// retFuncs are the endpoints translated with translate.Scope.ReturnModel, per model.
	retFuncs map[*ir.Model]map[*ir.Callable]*pyFunc
	// streamFuncs are the generator endpoints translated by translate.StreamFunc (stream.go).
	streamFuncs map[*ir.Callable]*pyFunc
	unit        *translate.Unit
	// consts maps a constraints value's rendering to its package variable.
	consts map[string]string
	// plan is which routes are bridged (nil: none); exc the exception handlers Go calls
	// through the bridge.
	plan *bridgePlan
	exc  excHandlers
	// lifespan: the app has a lifespan or startup/shutdown handlers (run by the bridge).
	lifespan bool
	// appExc are the handlers of the app's own exception classes (exchandler.go).
	appExc *appExcHandlers
	// modelVals are the models' validators as Go runs them (validators.go).
	modelVals map[*ir.Model]*modelValidators
}

func newGen(in Input) *gen {
	reserved := append([]string{"main", "newApp", "openapiJSON", "init", "pyPool", "pyModels", "appExceptions", "appExceptionHandlers"}, goPkgNames...)
	g := &gen{in: in, app0: in.App, pkg: newNames(reserved...), files: map[string]*jen.File{},
		helpers: map[string]bool{}, imports: map[string]bool{}, funcs: map[*ir.Callable]*pyFunc{}, respFuncs: map[*ir.Callable]*pyFunc{}, streamFuncs: map[*ir.Callable]*pyFunc{}, consts: map[string]string{}}
	g.unit = translate.NewUnit(in.Prog, translate.Names{ModelNew: func(m *ir.Model) jen.Code {
		mi, _ := g.models.get(m, m.Pos)
		return jen.Id(mi.newName)
	}, ResponseClass: func(name string) (jen.Code, string, string, bool) { return g.bodyResponseClass(name) },
		ValidatorsNative: func(m *ir.Model) bool { return g.validatorsOf(m).why == "" && !g.validatorsOf(m).hasBefore() }})
	g.models = newModelSet(g)
	g.refuse.at = in.App.Pos
	if len(in.state) > 0 {
		g.unit.SetState(in.state)
	}
	if len(in.stateKept) > 0 {
		g.unit.SetStateKept(in.stateKept)
	}
	g.setupAppExceptions() // exchandler.go
	return g
}

// file returns the Go file called name, creating it.
func (g *gen) file(name string) *jen.File {
	if f, ok := g.files[name]; ok {
		return f
	}
	f := jen.NewFile("main")
	f.ImportName(pkgValidate, "validate")
	f.ImportName(pkgPyjson, "pyjson")
	f.ImportName(pkgRequest, "request")
	f.ImportName(pkgResponse, "response")
	f.ImportName(pkgRouter, "router")
	f.ImportName(pkgServer, "server")
	f.ImportName(pkgDocs, "docs")
	f.ImportName(pkgStatic, "static")
	f.ImportName(pkgSecurity, "security")
	f.ImportName(pkgMiddleware, "middleware")
	g.files[name] = f
	g.order = append(g.order, name)
	return f
}

// render formats every file.
func (g *gen) render() (*Output, error) {
	g.writeHelpers()
	g.writeBridge()
	if decls := g.unit.Decls(); len(decls) > 0 {
		f := g.file("pyconsts.go")
		f.HeaderComment("Module-level values and helper functions of the app, translated for the handlers.")
		for _, d := range decls {
			f.Add(d)
			f.Line()
		}
	}
	out := &Output{Files: map[string][]byte{}, Routes: g.routes, Bridged: g.bridged, Forwarded: g.forwarded, Models: g.models.count()}
	for _, name := range g.order {
		var buf bytes.Buffer
		if err := g.files[name].Render(&buf); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		src, err := format.Source(buf.Bytes())
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		out.Files[name] = src
		for _, imp := range importsOf(src) {
			if strings.HasPrefix(imp, "github.com/covetpy/covetgen/runtime/") {
				g.imports[imp] = true
			}
		}
	}
	out.Files["openapi.json"] = g.in.OpenAPI
	for imp := range g.imports {
		out.Imports = append(out.Imports, imp)
	}
	sort.Strings(out.Imports)
	return out, nil
}

// importsOf lists the import paths of a formatted Go source.
func importsOf(src []byte) []string {
	var out []string
	in := false
	for _, line := range strings.Split(string(src), "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "import (":
			in = true
		case in && line == ")":
			return out
		case in || strings.HasPrefix(line, "import "):
			line = strings.TrimPrefix(line, "import ")
			if i := strings.IndexByte(line, '"'); i >= 0 {
				if j := strings.LastIndexByte(line, '"'); j > i {
					out = append(out, line[i+1:j])
				}
			}
		}
	}
	return out
}
