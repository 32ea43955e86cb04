package translate

import (
	"fmt"
	"go/token"
	"strings"
	"unicode"

	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
)

const pyvalPkg = "github.com/covetpy/covetgen/runtime/pyval"

// Var is a name visible in the body: the Go expression that yields it as a pyval.Value, and
// its IR type (nil: unknown). Shared marks a value the call does not own (a dependency
// result cached across requests): the body may not mutate it.
type Var struct {
	Go     jen.Code
	Type   *ir.Type
	Shared bool
}

// Scope is what a body may refer to: its parameters, the lifted app (models), the module
// the function is in, and the Unit shared by the bodies of one generated package.
type Scope struct {
	Vars   map[string]Var
	App    *ir.App
	Module string
	Unit   *Unit
	// Response marks an endpoint whose result goes straight to FastAPI's path-B encoding
	// (no response model): only then may it return Enum members and UUIDs in displays.
	Response bool
	// ReturnModel is set for an endpoint whose result goes straight to FastAPI's path A
	// with this response model (a plain dataclass) and the default response_model_*
	// options: a return statement constructing it may give its float fields the int 0
	// (unvalidated_dataclass.go).
	ReturnModel *ir.Model
}

// Func translates fn's body (fn is an *ast.FunctionDef or *ast.AsyncFunctionDef) to the
// statements of a Go function returning (pyval.Value, error). On refusal code is nil and
// diags holds one diagnostic at the first construct that cannot be translated.
func Func(fn ast.Stmt, scope *Scope) (code []jen.Code, diags []ir.Diagnostic) {
	code, _, diags = translateDef(fn, scope, nil)
	return code, diags
}

// translateDef is Func; gen is set for a generator translated as a yield dependency
// (yield.go).
// result is the static type of what the function returns (rettype.go; nil: unknown).
func translateDef(fn ast.Stmt, scope *Scope, gen *genInfo) (code []jen.Code, result *ir.Type, diags []ir.Diagnostic) {
	if scope == nil {
		scope = &Scope{}
	}
	u := scope.Unit
	if u == nil {
		u = NewUnit(nil, Names{})
		u.inline = true // nobody will emit its declarations
	}
	defer func() {
		if r := recover(); r != nil {
			code = nil
			if d := refusalDiag(r); d != nil {
				diags = []ir.Diagnostic{*d}
				return
			}
			diags = []ir.Diagnostic{{Pos: ir.Pos{File: u.fileOf(scope.Module)}, Msg: fmt.Sprintf("cannot translate function: internal error: %v", r)}}
		}
	}()
	def := asDef(fn)
	if def == nil {
		return nil, nil, []ir.Diagnostic{{Pos: ir.Pos{File: u.fileOf(scope.Module)}, Msg: "cannot translate statement: not a function definition"}}
	}
	mi := u.module(scope.Module)
	vars := map[string]Var{}
	for k, v := range scope.Vars {
		vars[k] = v
	}
	f := newFn(u, mi, scope.App, def, vars, true)
	f.gen = gen
	f.checkGen()                      // yield.go
	f.returnModel = scope.ReturnModel // unvalidated_dataclass.go
	f.response = scope.Response       // extvals.go
	code = f.translate()
	if gen == nil && scope.ReturnModel == nil {
		code = append(fastPath(mi, def, vars), code...) // the typed fast path (fast.go)
	}
	u.translatedDef(DefKey(scope.Module, fn), f.usesState) // module state (state.go)
	u.noteModelFree(DefKey(scope.Module, fn), !f.retHolds) // rettype_free.go
	return code, f.resultType(), nil
}

// refusal is raised (panicked) inside the translator and turned into a diagnostic.
type refusal struct {
	pos  ir.Pos
	what string
}

// refusalDiag is the diagnostic of r, a value recovered from a panic, when it is a
// refusal (nil otherwise).
func refusalDiag(r any) *ir.Diagnostic {
	rf, ok := r.(refusal)
	if !ok {
		return nil
	}
	return &ir.Diagnostic{Pos: rf.pos, Msg: "cannot translate " + rf.what}
}

// funcDef is the common view of def / async def.
type funcDef struct {
	name    string
	args    *ast.Arguments
	body    []ast.Stmt
	decos   []ast.Expr
	isAsync bool
	span    *ast.Span
}

func asDef(st ast.Stmt) *funcDef {
	switch d := st.(type) {
	case *ast.FunctionDef:
		if d == nil {
			return nil
		}
		return &funcDef{d.Name, d.Args, d.Body, d.DecoratorList, false, &d.Span}
	case *ast.AsyncFunctionDef:
		if d == nil {
			return nil
		}
		return &funcDef{d.Name, d.Args, d.Body, d.DecoratorList, true, &d.Span}
	}
	return nil
}

// goReserved are identifiers translated code uses itself.
var goReserved = map[string]bool{"err": true, "pyval": true, "response": true, "math": true}

// GoName is the Go identifier of a Python parameter or local in translated code: the
// Python name, with "_" appended when it is a Go keyword, a predeclared identifier or a
// name the translation uses itself, and characters Go does not accept spelled _uXXXX.
func GoName(py string) string {
	var b strings.Builder
	for i, r := range py {
		switch {
		case r == '_' || unicode.IsLetter(r) || i > 0 && unicode.IsDigit(r):
			b.WriteRune(r)
		default:
			fmt.Fprintf(&b, "_u%04X", r)
		}
	}
	s := b.String()
	if s == "" || token.IsKeyword(s) || goPredeclared[s] || goReserved[s] || isTempName(s) ||
		strings.HasPrefix(s, "pyc_") || strings.HasPrefix(s, "pyfn_") || strings.HasPrefix(s, "pyk_") {
		s += "_"
	}
	return s
}

func isTempName(s string) bool {
	if !strings.HasPrefix(s, "_t") || len(s) == 2 {
		return false
	}
	for _, c := range s[2:] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

var goPredeclared = map[string]bool{
	"any": true, "bool": true, "byte": true, "comparable": true, "complex64": true, "complex128": true,
	"error": true, "float32": true, "float64": true, "int": true, "int8": true, "int16": true,
	"int32": true, "int64": true, "rune": true, "string": true, "uint": true, "uint8": true,
	"uint16": true, "uint32": true, "uint64": true, "uintptr": true, "true": true, "false": true,
	"iota": true, "nil": true, "append": true, "cap": true, "clear": true, "close": true,
	"complex": true, "copy": true, "delete": true, "imag": true, "len": true, "make": true,
	"max": true, "min": true, "new": true, "panic": true, "print": true, "println": true,
	"real": true, "recover": true,
}
