package translate

import (
	"os"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/ir/load"
	"github.com/covetpy/covetgen/parser/ast"
)

// Names names the generated Go entities translated code refers to but does not emit.
type Names struct {
	// ValidatorsNative, when set, reports whether the validators of model m run in its Go
	// decoder (codegen/validators.go): its construction and model_dump are then translated
	// like those of a model without validators. Nil: no validators run in Go.
	ValidatorsNative func(m *ir.Model) bool
	// ModelNew returns the Go expression of the constructor of model m, a
	// func(kw *pyval.Dict) (pyval.Value, error) validating m(**kw) in python mode.
	ModelNew func(m *ir.Model) jen.Code
	// ResponseClass, when set, resolves an app-defined class a body calls (its qualified
	// name): ok is false for a class that is not a response class; otherwise base is the
	// Starlette class it subclasses and code the *pyval.ResponseClass expression that
	// renders it, or why names what keeps it from Go (the call is then refused).
	ResponseClass func(name string) (code jen.Code, base, why string, ok bool)
}

// DefaultNames names a model's constructor "New" + its class name.
func DefaultNames() Names {
	return Names{ModelNew: func(m *ir.Model) jen.Code { return jen.Id("New" + m.Name) }}
}

// Helper is an app function translated for the bodies that call it.
type Helper struct {
	// Module and Name locate the Python function; GoName is the Go func emitted in Decls.
	Module, Name, GoName string
}

// Unit is shared by every translated body of one generated package: it resolves
// module-level names through the loaded program and collects the package-level
// declarations the bodies need (module constants, constant results, helper functions).
type Unit struct {
	prog  *load.Program
	names Names

	mods     map[string]*modInfo
	mutated  map[string]bool // names whose value may be mutated somewhere in the app
	rebound  map[string]bool // names rebound somewhere in the app
	lines    map[string][]string
	usedGo   map[string]string // Go name -> key it was given to
	consts   map[string]*constInfo
	kconsts  map[string]string // rendered code -> var name
	decls    []jen.Code
	appPaths []appPathDecl // paths computed from __file__ (fspath.go)
	helpers  map[string]*helperInfo
	hOrder   []*helperInfo
	models   []*ir.Model
	modelSet map[*ir.Model]bool
	kCount   int
	inline   bool      // constant results are built in place (no Decls will be emitted)
	st       stateUnit // module state living in Go (state.go)

	respBuilt bool // a body built a response object (reqresp.go)

	excs       map[string]*excInfo      // app exception classes by module.QualName (exc_class.go)
	excGate    *excGate                 // the app's exception handlers (exc_handlers.go)
	rePatterns map[string]*rePattern    // compiled patterns by Go name (recall.go)
	nullScans  map[*ir.App]*nullScan    // model_copy(update=<dump>) calls per app (unvalidated_model.go)
	cattr      map[string]*classAttrUse // attribute stores by class (classattr.go)
	specs      map[string]string        // specializations of helpers by key (litspec.go)
	specTypes  map[string][]*ir.Type    // their parameter types by module.name
	attrTypes  map[string]*ir.Type      // instance attribute types by module.Class.attr (litspec.go)
	modelFree  map[string]bool          // defs whose results hold no model, by DefKey (rettype_free.go)

	extSanctioned map[extKey]map[ast.Expr]bool   // positions where Enum/UUID values may be used, per def (extvals.go)
	extOrdered    map[extKey]map[ast.Expr]bool   // operands of <, <=, >, >= (dates only) (extvals.go)
	extLenArgs    map[*funcDef]map[ast.Expr]bool // sole arguments of len() per def (extcontainer.go)
}

type constInfo struct {
	goName string
	val    valueConst
	typ    *ir.Type // static type when val is nil (computed at init)
	err    string   // why the name is not a constant ("" when it is)
	busy   bool
	set    bool    // a set display of constants, held as a frozen dict: only `in` may use it
	state  bool    // module state living in Go (state.go): goName is its package variable
	path   *fsPath // a path computed from __file__ (fspath.go): goName is its package variable
}

type helperInfo struct {
	Helper
	busy bool
	diag *ir.Diagnostic
	def  *funcDef
	mod  *modInfo
	// state: the helper (or one it calls) touches module state living in Go.
	state bool
	// result is the static type of its result (rettype.go; nil: unknown).
	result *ir.Type
}

// NewUnit returns a Unit over prog (nil: no module-level names but models). Zero-valued
// names fields take DefaultNames.
func NewUnit(prog *load.Program, names Names) *Unit {
	if names.ModelNew == nil {
		names.ModelNew = DefaultNames().ModelNew
	}
	return &Unit{
		prog: prog, names: names,
		mods: map[string]*modInfo{}, lines: map[string][]string{}, usedGo: map[string]string{},
		consts: map[string]*constInfo{}, kconsts: map[string]string{}, helpers: map[string]*helperInfo{},
		modelSet: map[*ir.Model]bool{},
	}
}

// Decls returns the package-level declarations the translated bodies need, in the order
// they were first needed: module constants, constant results and helper functions.
func (u *Unit) Decls() []jen.Code { return append([]jen.Code(nil), u.decls...) }

// Models returns the models whose constructor (Names.ModelNew) the bodies call.
func (u *Unit) Models() []*ir.Model { return append([]*ir.Model(nil), u.models...) }

// Helpers returns the app functions translated as Go funcs, in order.
func (u *Unit) Helpers() []Helper {
	var out []Helper
	for _, h := range u.hOrder {
		if h.diag == nil && h.GoName != "" {
			out = append(out, h.Helper)
		}
	}
	return out
}

func (u *Unit) useModel(m *ir.Model) {
	if !u.modelSet[m] {
		u.modelSet[m] = true
		u.models = append(u.models, m)
	}
}

// goIdent returns a unique Go identifier for key, based on base.
func (u *Unit) goIdent(base, key string) string {
	name := base
	for n := 2; ; n++ {
		if k, ok := u.usedGo[name]; !ok || k == key {
			u.usedGo[name] = key
			return name
		}
		name = base + "_" + itoa(n)
	}
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	neg := n < 0
	if neg {
		n = -n
	}
	for n > 0 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	if neg {
		return "-" + string(b)
	}
	return string(b)
}

func identPart(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		} else {
			b.WriteByte('_')
		}
	}
	return b.String()
}

func (u *Unit) loadModule(name string) *load.Module {
	if u.prog == nil {
		return nil
	}
	return u.prog.Modules[name]
}

func (u *Unit) fileOf(module string) string {
	if m := u.loadModule(module); m != nil {
		return m.Rel
	}
	if module == "" {
		return "<unknown>"
	}
	return strings.ReplaceAll(module, ".", "/") + ".py"
}

// sourceLine returns line n (1-based) of a module's source, trimmed.
func (u *Unit) sourceLine(module string, n int) string {
	ls, ok := u.lines[module]
	if !ok {
		if m := u.loadModule(module); m != nil && m.Path != "" {
			if b, err := os.ReadFile(m.Path); err == nil {
				ls = strings.Split(strings.ReplaceAll(string(b), "\r\n", "\n"), "\n")
			}
		}
		u.lines[module] = ls
	}
	if n < 1 || n > len(ls) {
		return ""
	}
	return strings.TrimSpace(ls[n-1])
}

// pos converts a node's position in module m.
func (mi *modInfo) pos(n ast.Node) ir.Pos {
	p := ir.Pos{File: mi.file}
	if s, ok := n.(ast.Spanned); ok && s != nil {
		if sp := s.GetSpan(); sp != nil {
			p.Line, p.Col = sp.Lineno, sp.ColOffset+1
		}
	}
	return p
}
