package lift

import (
	"fmt"
	"strings"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/ir/load"
	"github.com/covetpy/covetgen/parser/ast"
)

// interp interprets the modules of one program.
type interp struct {
	prog  *load.Program
	mods  map[string]*modState
	diags ir.Diagnostics
	// models and enums lifted, in the order they were first used.
	models []*ir.Model
	enums  []*ir.Enum
	// depth guards recursion through pathological programs; calls counts nested calls of
	// app functions.
	depth, calls int
	// env is the environment os.environ reads.
	env map[string]string
	// sink receives diagnostics while a route or a model is lifted (nil: the app's).
	sink *ir.Diagnostics
	// broken are the errors of the modules executed that do not parse.
	broken []error
	// dynLoops are the loops not known statically being probed, outermost first.
	dynLoops []dynLoop
	// annotations caches the parsed string annotations (nil: does not parse).
	annotations map[string]ast.Expr
	// closures counts the def statements run inside function calls (funcObj.serial);
	// running is the qualified name of the app function whose body runs.
	closures int
	running  string
}

// report records a diagnostic against what is being lifted.
func (in *interp) report(pos ir.Pos, format string, args ...any) {
	if in.sink != nil {
		in.sink.Add(pos, format, args...)
		return
	}
	in.diags.Add(pos, format, args...)
}

// reportTo makes diagnostics go to d until the returned function is called.
func (in *interp) reportTo(d *ir.Diagnostics) func() {
	prev := in.sink
	in.sink = d
	return func() { in.sink = prev }
}

// modState is one module being (or having been) executed.
type modState struct {
	in      *interp
	mod     *load.Module
	globals *scope
	// running is true while the body executes, done afterwards.
	running, done bool
	// futureAnnotations is set by `from __future__ import annotations`.
	futureAnnotations bool
}

// scope is a namespace: a module's globals or a class body.
type scope struct {
	names  map[string]obj
	order  []string
	parent *scope
}

func newScope(parent *scope) *scope { return &scope{names: map[string]obj{}, parent: parent} }

func (s *scope) set(name string, o obj) {
	if _, ok := s.names[name]; !ok {
		s.order = append(s.order, name)
	}
	s.names[name] = o
}

func (s *scope) lookup(name string) (obj, bool) {
	for sc := s; sc != nil; sc = sc.parent {
		if o, ok := sc.names[name]; ok {
			return o, true
		}
	}
	return nil, false
}

func newInterp(prog *load.Program, env map[string]string) *interp {
	return &interp{prog: prog, mods: map[string]*modState{}, env: env, annotations: map[string]ast.Expr{}}
}

// module returns the executed state of an app module, executing it on first use. It
// returns nil for names that are not modules of the app.
func (in *interp) module(name string) *modState {
	if ms, ok := in.mods[name]; ok {
		return ms
	}
	m := in.prog.Import(name)
	if m == nil {
		if in.prog.IsNamespacePackage(name) {
			ms := &modState{in: in, mod: &load.Module{Name: name, Rel: name}, globals: newScope(nil), done: true}
			in.mods[name] = ms
			return ms
		}
		return nil
	}
	ms := &modState{in: in, mod: m, globals: newScope(nil)}
	in.mods[name] = ms
	ms.globals.set("__name__", valObj{ir.Str(name)})
	if i := strings.LastIndexByte(name, '.'); i > 0 {
		// A package's submodule is bound in the package once imported.
		defer func() {
			if parent := in.module(name[:i]); parent != nil {
				if _, ok := parent.globals.names[name[i+1:]]; !ok {
					parent.globals.set(name[i+1:], moduleObj{ms})
				}
			}
		}()
	}
	if m.File == nil || m.File.Module == nil {
		if m.Err != nil {
			in.broken = append(in.broken, m.Err)
		}
		ms.done = true
		return ms
	}
	ms.running = true
	ms.execBody(m.File.Module.Body, ms.globals)
	ms.running, ms.done = false, true
	return ms
}

// pos returns the position of a node of this module.
func (ms *modState) pos(n ast.Node) ir.Pos { return ms.mod.Pos(n) }

func (ms *modState) diag(n ast.Node, format string, args ...any) {
	ms.in.diags.Add(ms.pos(n), format, args...)
}

// execBody executes statements at module (or class body) level.
func (ms *modState) execBody(body []ast.Stmt, sc *scope) {
	for _, st := range body {
		ms.exec(st, sc)
	}
}

func (ms *modState) exec(st ast.Stmt, sc *scope) {
	switch s := st.(type) {
	case *ast.Import:
		for _, a := range s.Names {
			ms.execImport(a, sc)
		}
	case *ast.ImportFrom:
		ms.execImportFrom(s, sc)
	case *ast.ClassDef:
		ms.execClassDef(s, sc)
	case *ast.FunctionDef:
		ms.execFuncDef(s, s.Name, s.Args, s.Returns, s.Body, s.DecoratorList, false, sc)
	case *ast.AsyncFunctionDef:
		ms.execFuncDef(s, s.Name, s.Args, s.Returns, s.Body, s.DecoratorList, true, sc)
	case *ast.Assign:
		v := ms.eval(s.Value, sc)
		for _, t := range s.Targets {
			ms.assign(t, v, sc)
		}
	case *ast.AnnAssign:
		if s.Value != nil {
			ms.assign(s.Target, ms.eval(s.Value, sc), sc)
		}
	case *ast.AugAssign:
		switch t := s.Target.(type) {
		case *ast.Name:
			old := ms.evalName(t, sc)
			sc.set(t.Id, ms.binop(old, s.Op, ms.eval(s.Value, sc), ms.pos(s)))
		case *ast.Subscript:
			ms.assignItem(t, unknownObj{why: "augmented item assignment", pos: ms.pos(s)}, sc)
		}
	case *ast.ExprStmt:
		if !ms.mutationCall(s.Value, sc) {
			ms.eval(s.Value, sc)
		}
	case *ast.Delete:
		for _, t := range s.Targets {
			if sub, ok := t.(*ast.Subscript); ok {
				ms.deleteItem(sub, sc)
			}
		}
	case *ast.If:
		switch ms.truth(s.Test, sc) {
		case 1:
			ms.execBody(s.Body, sc)
		case 0:
			ms.execBody(s.Orelse, sc)
		default:
			ms.execBody(s.Body, sc)
		}
	case *ast.Try:
		ms.execBody(s.Body, sc)
		ms.execBody(s.Orelse, sc)
		ms.execBody(s.Finalbody, sc)
	case *ast.TryStar:
		ms.execBody(s.Body, sc)
		ms.execBody(s.Orelse, sc)
		ms.execBody(s.Finalbody, sc)
	case *ast.With:
		ms.execBody(s.Body, sc)
	case *ast.For:
		ms.execFor(s, sc)
	case *ast.AsyncFor:
		ms.probeLoop(ms.pos(s), "async for loop", func() {
			ms.assign(s.Target, unknownObj{why: "loop variable", pos: ms.pos(s.Target)}, sc)
			ms.execBody(s.Body, sc)
		})
	case *ast.While:
		if ms.truth(s.Test, sc) != 0 {
			ms.probeLoop(ms.pos(s), "while loop", func() { ms.execBody(s.Body, sc) })
		}
	case *ast.TypeAlias:
		if n, ok := s.Name.(*ast.Name); ok {
			sc.set(n.Id, unknownObj{why: "PEP 695 type alias " + n.Id + " (a type statement) is not supported", pos: ms.pos(s)})
		}
	}
}

// truth evaluates an if test: 1 true, 0 false, -1 unknown.
func (ms *modState) truth(test ast.Expr, sc *scope) int {
	if c, ok := test.(*ast.Compare); ok && len(c.Ops) == 1 {
		if n, ok := c.Left.(*ast.Name); ok && n.Id == "__name__" {
			if k, ok := c.Comparators[0].(*ast.Constant); ok {
				if s, ok := k.Value.(ast.Str); ok && string(s) == "__main__" {
					if c.Ops[0] == ast.Eq {
						return 0
					}
					return 1
				}
			}
		}
	}
	v := ms.eval(test, sc)
	if fw, ok := v.(fwObj); ok && fw.name == "typing.TYPE_CHECKING" {
		return 0
	}
	if b, ok := truthValue(v); ok {
		if b {
			return 1
		}
		return 0
	}
	return -1
}

func (ms *modState) execFor(s *ast.For, sc *scope) {
	it := ms.eval(s.Iter, sc)
	items, ok := iterItems(it)
	if !ok {
		why := "for loop over " + exprText(s.Iter)
		ms.probeLoop(ms.pos(s), why, func() {
			ms.assign(s.Target, unknownObj{why: "loop variable", pos: ms.pos(s.Target)}, sc)
			ms.execBody(s.Body, sc)
		})
		return
	}
	for _, item := range items {
		ms.assign(s.Target, item, sc)
		ms.execBody(s.Body, sc)
	}
}

// assign binds a target to a value; unpacking works on known sequences.
func (ms *modState) assign(t ast.Expr, v obj, sc *scope) {
	switch x := t.(type) {
	case *ast.Name:
		if a, ok := v.(*appObj); ok && a.name == "" {
			a.name = x.Id
		}
		sc.set(x.Id, v)
	case *ast.Tuple:
		ms.unpack(x.Elts, v, sc)
	case *ast.List:
		ms.unpack(x.Elts, v, sc)
	case *ast.Subscript:
		ms.assignItem(x, v, sc)
	case *ast.Attribute:
		// app.openapi = custom_openapi / app.openapi_schema = {...} replace the document.
		if a, ok := ms.eval(x.Value, sc).(*appObj); ok && (x.Attr == "openapi" || x.Attr == "openapi_schema") {
			a.openapiOverride = append(a.openapiOverride, ms.pos(x))
		}
	}
}

func (ms *modState) unpack(targets []ast.Expr, v obj, sc *scope) {
	seq, ok := v.(seqObj)
	for i, t := range targets {
		var item obj = unknownObj{why: "unpacked value", pos: ms.pos(t)}
		if ok && i < len(seq.items) && len(seq.items) == len(targets) {
			item = seq.items[i]
		}
		ms.assign(t, item, sc)
	}
}

func (ms *modState) execImport(a *ast.Alias, sc *scope) {
	if load.IsFramework(a.Name) {
		if a.Asname != nil {
			sc.set(*a.Asname, fwObj{canon(a.Name)})
		} else {
			top, _, _ := strings.Cut(a.Name, ".")
			sc.set(top, fwObj{top})
		}
		return
	}
	target := ms.in.module(a.Name)
	if target == nil {
		name := a.Name
		if a.Asname == nil {
			name, _, _ = strings.Cut(a.Name, ".")
		}
		sc.set(bindName(a), unknownObj{why: "module " + name + " is not part of the app nor of the framework", pos: ms.pos(a)})
		return
	}
	if a.Asname != nil {
		sc.set(*a.Asname, moduleObj{target})
		return
	}
	top, _, _ := strings.Cut(a.Name, ".")
	if t := ms.in.module(top); t != nil {
		sc.set(top, moduleObj{t})
	}
}

func bindName(a *ast.Alias) string {
	if a.Asname != nil {
		return *a.Asname
	}
	n, _, _ := strings.Cut(a.Name, ".")
	return n
}

func (ms *modState) execImportFrom(s *ast.ImportFrom, sc *scope) {
	base, ok := ms.in.prog.ResolveFrom(ms.mod, s)
	if !ok {
		ms.diag(s, "relative import beyond the app root")
		for _, a := range s.Names {
			sc.set(bindName(a), unknownObj{why: "unresolved relative import", pos: ms.pos(a)})
		}
		return
	}
	if base == "__future__" {
		for _, a := range s.Names {
			if a.Name == "annotations" {
				ms.futureAnnotations = true
			}
		}
		return
	}
	if load.IsFramework(base) {
		for _, a := range s.Names {
			if a.Name == "*" {
				continue
			}
			sc.set(bindName(a), fwObj{canon(base + "." + a.Name)})
		}
		return
	}
	src := ms.in.module(base)
	for _, a := range s.Names {
		if a.Name == "*" {
			if src != nil {
				ms.importStar(src, sc)
			}
			continue
		}
		var v obj
		if src != nil {
			if o, ok := src.globals.names[a.Name]; ok {
				v = o
			} else if sub := ms.in.module(base + "." + a.Name); sub != nil {
				v = moduleObj{sub}
			}
		}
		if v == nil {
			why := fmt.Sprintf("cannot import %s from %s", a.Name, base)
			if src == nil {
				why = "module " + base + " is not part of the app nor of the framework"
			}
			v = unknownObj{why: why, pos: ms.pos(a)}
		}
		sc.set(bindName(a), v)
	}
}

func (ms *modState) importStar(src *modState, sc *scope) {
	names := src.globals.order
	if all, ok := src.globals.names["__all__"].(seqObj); ok {
		names = nil
		for _, it := range all.items {
			if v, ok := it.(valObj); ok {
				if s, ok := v.v.(ir.Str); ok {
					names = append(names, string(s))
				}
			}
		}
	}
	for _, n := range names {
		if strings.HasPrefix(n, "_") {
			continue
		}
		if o, ok := src.globals.names[n]; ok {
			sc.set(n, o)
		}
	}
}

func (ms *modState) execClassDef(s *ast.ClassDef, sc *scope) {
	c := &classObj{ms: ms, def: s, pos: ms.pos(s)}
	for _, b := range s.Bases {
		c.bases = append(c.bases, ms.eval(b, sc))
	}
	for _, k := range s.Keywords {
		name := ""
		if k.Arg != nil {
			name = *k.Arg
		}
		c.kw = append(c.kw, kwArg{name: name, val: ms.eval(k.Value, sc), pos: ms.pos(k)})
	}
	for _, d := range s.DecoratorList {
		c.decorators = append(c.decorators, ms.eval(d, sc))
	}
	c.attrs = newScope(sc)
	ms.in.depth++
	if ms.in.depth < 50 {
		for _, st := range s.Body {
			switch b := st.(type) {
			case *ast.Assign, *ast.AnnAssign, *ast.ClassDef, *ast.FunctionDef, *ast.AsyncFunctionDef, *ast.If, *ast.Try,
				*ast.Import, *ast.ImportFrom:
				ms.exec(b, c.attrs)
			}
		}
	}
	ms.in.depth--
	// Methods know their class.
	for _, n := range c.attrs.order {
		if f, ok := c.attrs.names[n].(*funcObj); ok && f.cls == nil {
			f.cls = c
		}
	}
	// Class decorators (dataclass, ...) are read by classObj.kind; the class stays bound.
	sc.set(s.Name, c)
}

func (ms *modState) execFuncDef(st ast.Stmt, name string, args *ast.Arguments, ret ast.Expr, body []ast.Stmt,
	decos []ast.Expr, async bool, sc *scope) {
	f := &funcObj{ms: ms, def: st, name: name, args: args, ret: ret, body: body, async: async, pos: ms.pos(st),
		defaults: map[string]obj{}, scope: sc}
	if ms.in.calls > 0 {
		// Each call of the enclosing function makes a new function object.
		ms.in.closures++
		f.serial = ms.in.closures
		f.qual = ms.in.running + ".<locals>." + name
	}
	// Default values are evaluated when the def runs.
	pos := append(append([]*ast.Arg{}, args.Posonlyargs...), args.Args...)
	for i, d := range args.Defaults {
		j := len(pos) - len(args.Defaults) + i
		if j >= 0 && d != nil {
			f.defaults[pos[j].Arg] = ms.eval(d, sc)
		}
	}
	for i, d := range args.KwDefaults {
		if d != nil && i < len(args.Kwonlyargs) {
			f.defaults[args.Kwonlyargs[i].Arg] = ms.eval(d, sc)
		}
	}
	for _, d := range decos {
		f.decorators = append(f.decorators, ms.eval(d, sc))
	}
	var v obj = f
	for i := len(f.decorators) - 1; i >= 0; i-- {
		v = ms.applyDecorator(f.decorators[i], v, ms.pos(decos[i]), exprText(decos[i]))
	}
	sc.set(name, v)
}
