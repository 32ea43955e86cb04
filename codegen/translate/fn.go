package translate

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
)

// fn translates one function body.
type fn struct {
	u        *Unit
	mi       *modInfo
	app      *ir.App
	def      *funcDef
	vars     map[string]Var
	endpoint bool // parameters are owned by the call (unless Var.Shared)

	locals         map[string]*local
	order          []string // locals in first-binding order
	tmp            int
	blk            *block
	assigned       map[string]bool     // definitely assigned here
	types          map[string]*ir.Type // static types of locals here
	noFreeze       bool                // constant displays must be fresh (their owner mutates them)
	freshValue     ast.Expr            // the value of the single-target assignment being stored (itemmut.go)
	aliasBusy      map[string]bool     // locals whose bindings aliasChainType is following (itemmut.go)
	setPos         map[ast.Expr]bool   // set.go: positions where a set's order cannot show
	dead           bool                // the current block has terminated
	loops          []string            // labels of the enclosing loops, innermost last
	compVars       map[string]string   // comprehension and lambda variables: Go locals
	compTypes      map[string]*ir.Type // static types of those Go locals
	usedLabels     map[string]bool
	brokenLabels   map[string]bool
	loopDead       bool
	firstIter      *val                // compLoops' first iterable, already evaluated
	retType        *ir.Type            // static type of the last return's value
	retModel       *ir.Model           // the model every return yields an instance of (rettype.go)
	retMixed       bool                // a return yields something else (or the end is reachable)
	retNone        bool                // a return yields None or an Optional of retModel (narrow.go)
	retHolds       bool                // a return's value may hold a model instance (rettype_free.go)
	excStack       []*tryCtx           // where a raised exception goes, innermost last (try.go)
	handling       []string            // Go variables of the exceptions being handled (bare raise)
	memberOperands map[ast.Expr]bool   // right operands of in / not in (where a constant set may be used)
	globals        map[string]bool     // names declared global (module state living in Go: state.go)
	localImports   map[string]*binding // names bound by function-local imports (localimport.go)
	usesState      bool                // the body touches module state living in Go
	spreadDumps    map[ast.Expr]bool   // x.model_dump() calls spread by ** into a call (dumpext.go)
	gen            *genInfo            // a generator translated as a yield dependency (yield.go)
	returnModel    *ir.Model           // an endpoint's Scope.ReturnModel (unvalidated_dataclass.go)
	response       bool                // an endpoint's Scope.Response (extvals.go)
}

// local is a Python local (parameters included).
type local struct {
	name, goName string
	isParam      bool
	hasVar       bool // a parameter the scope provides
	read         bool
	owned        bool // every binding yields a value the call owns
	mutated      bool // target of a mutation (subscript store, append, +=)
	used         bool // read by the code generated (reachable reads)
	stateAlias   bool // every binding yields module state or a value reached from it (state.go)
}

// block is a Go block being built.
type block struct {
	parent  *block
	stmts   []jen.Code
	errDecl bool // err is declared in this very block
	last    *lastCall
}

// lastCall records the last fallible call emitted as `_tN, err := call; if err...`.
type lastCall struct {
	tmp         string
	call        *jen.Statement
	idx         int // index just past the two statements
	errDeclPrev bool
}

func newFn(u *Unit, mi *modInfo, app *ir.App, def *funcDef, vars map[string]Var, endpoint bool) *fn {
	return &fn{u: u, mi: mi, app: app, def: def, vars: vars, endpoint: endpoint,
		locals: map[string]*local{}, compTypes: map[string]*ir.Type{}, usedLabels: map[string]bool{}, brokenLabels: map[string]bool{}, assigned: map[string]bool{}, types: map[string]*ir.Type{}}
}

func (f *fn) refuse(n ast.Node, format string, args ...any) {
	panic(refusal{pos: f.mi.pos(n), what: fmt.Sprintf(format, args...)})
}

func (f *fn) emit(c ...jen.Code) { f.blk.stmts = append(f.blk.stmts, c...) }

func (f *fn) push() { f.blk = &block{parent: f.blk} }

func (f *fn) pop() []jen.Code {
	b := f.blk
	f.blk = b.parent
	return b.stmts
}

func (f *fn) newTmp() string {
	f.tmp++
	return "_t" + itoa(f.tmp)
}

// retErr propagates err: returned, or handed to the innermost enclosing try statement.
func (f *fn) retErr() []jen.Code { return f.raiseTo(jen.Err()) }

func (f *fn) errCheck() jen.Code { return jen.If(jen.Err().Op("!=").Nil()).Block(f.retErr()...) }

// translate produces the body. A local read only by unreachable code is then treated as
// never read (Go rejects variables that are assigned and not used).
func (f *fn) translate() []jen.Code {
	f.analyze()
	assigned0, types0 := copySet(f.assigned), copyTypes(f.types)
	for {
		f.assigned, f.types = copySet(assigned0), copyTypes(types0)
		f.tmp, f.dead, f.noFreeze = 0, false, false
		f.retModel, f.retMixed, f.retNone, f.retHolds = nil, false, false, false
		f.usedLabels, f.brokenLabels, f.compTypes, f.compVars, f.loops = map[string]bool{}, map[string]bool{}, map[string]*ir.Type{}, nil, nil
		for _, l := range f.locals {
			l.used = false
		}
		code := f.generate()
		again := false
		for _, l := range f.locals {
			if l.read && !l.used {
				l.read, again = false, true
			}
		}
		if !again {
			return code
		}
	}
}

func (f *fn) generate() []jen.Code {
	f.blk = &block{}
	f.stmts(f.def.body)
	body := f.blk.stmts
	if !f.dead {
		body = append(body, jen.Return(jen.Qual(pyvalPkg, "None"), jen.Nil()))
		f.retMixed = true
	}
	var pro []jen.Code
	for _, name := range f.order {
		l := f.locals[name]
		if l.isParam && l.hasVar && (l.read || l.mutated) {
			g := f.vars[name].Go
			if g == nil || fmt.Sprintf("%#v", g) != l.goName {
				if g == nil {
					f.refuse(nodeOfDef(f.def), "parameter %s (no Go expression)", name)
				}
				pro = append(pro, jen.Id(l.goName).Op(":=").Add(g))
			}
		}
	}
	var decl []jen.Code
	for _, name := range f.order {
		if l := f.locals[name]; !l.isParam && l.read {
			decl = append(decl, jen.Id(l.goName))
		}
	}
	if len(decl) > 0 {
		pro = append(pro, jen.Var().List(decl...).Qual(pyvalPkg, "Value"))
	}
	return append(pro, body...)
}

// analyze finds the parameters and locals, what is read, owned and mutated.
func (f *fn) analyze() {
	a := f.def.args
	if a == nil {
		a = &ast.Arguments{}
	}
	if a.Vararg != nil || a.Kwarg != nil {
		f.refuse(nodeOfDef(f.def), "variadic parameters (*args, **kwargs)")
	}
	f.scanGlobals()
	f.scanLocalImports()
	for _, group := range [][]*ast.Arg{a.Posonlyargs, a.Args, a.Kwonlyargs} {
		for _, p := range group {
			if p == nil {
				continue
			}
			v, has := f.vars[p.Arg]
			l := &local{name: p.Arg, goName: GoName(p.Arg), isParam: true, hasVar: has, owned: f.endpoint && has && !v.Shared}
			f.locals[p.Arg] = l
			f.order = append(f.order, p.Arg)
			f.assigned[p.Arg] = true
			if has {
				f.types[p.Arg] = v.Type
			}
		}
	}
	bind := func(name string, n ast.Node, fresh bool) {
		if f.globals[name] || f.localImports[name] != nil {
			return // module state living in Go (state.go), a local import (localimport.go)
		}
		l, ok := f.locals[name]
		if !ok {
			l = &local{name: name, goName: GoName(name), owned: true}
			f.locals[name] = l
			f.order = append(f.order, name)
		}
		if !fresh {
			l.owned = false
		}
	}
	var targets func(t ast.Expr, value ast.Expr)
	targets = func(t ast.Expr, value ast.Expr) {
		switch x := t.(type) {
		case *ast.Name:
			bind(x.Id, x, value != nil && isFresh(value))
		case *ast.Tuple, *ast.List:
			var elts []ast.Expr
			if tu, ok := x.(*ast.Tuple); ok {
				elts = tu.Elts
			} else {
				elts = x.(*ast.List).Elts
			}
			vals := displayElts(value) // a, b = [], {}: each name gets its display
			for i, e := range elts {
				if len(vals) == len(elts) {
					targets(e, vals[i])
				} else {
					targets(e, nil)
				}
			}
		case *ast.Starred:
			targets(x.Value, nil)
		}
	}
	walkStmts(f.def.body, func(st ast.Stmt) {
		switch s := st.(type) {
		case *ast.Assign:
			for _, t := range s.Targets {
				targets(t, s.Value)
			}
		case *ast.AnnAssign:
			if s.Value != nil {
				targets(s.Target, s.Value)
			} else if n, ok := s.Target.(*ast.Name); ok {
				bind(n.Id, n, true)
			}
		case *ast.AugAssign:
			if n, ok := s.Target.(*ast.Name); ok {
				bind(n.Id, n, true)
			}
		case *ast.For:
			for _, n := range boundNames(s.Target) {
				bind(n, s, false)
			}
		case *ast.While, *ast.If:
			// their blocks' statements are walked on their own
		case *ast.Try:
			for _, h := range s.Handlers {
				if h != nil && h.Name != nil {
					bind(*h.Name, s, false)
				}
			}
		default:
			for _, n := range StmtBoundNames(st) {
				bind(n, st, false)
			}
		}
	})
	// Reads and mutations.
	walkStmts(f.def.body, func(st ast.Stmt) {
		for _, e := range stmtExprs(st) {
			walkExpr(e, func(x ast.Expr) {
				switch n := x.(type) {
				case *ast.Name:
					if l := f.locals[n.Id]; l != nil && (n.Ctx == ast.Load || n.Ctx == ast.Del) {
						l.read = true
					}
				case *ast.Call:
					if at, ok := n.Func.(*ast.Attribute); ok && mutatingMethods[at.Attr] {
						if nm, ok := at.Value.(*ast.Name); ok {
							if l := f.locals[nm.Id]; l != nil {
								l.mutated = true
							}
						}
					}
				}
			})
		}
		switch s := st.(type) {
		case *ast.Assign:
			for _, t := range s.Targets {
				f.markMutated(t)
			}
		case *ast.Delete:
			for _, t := range s.Targets {
				f.markMutated(t)
			}
		case *ast.AugAssign:
			f.markMutated(s.Target)
			if n, ok := s.Target.(*ast.Name); ok {
				if l := f.locals[n.Id]; l != nil {
					l.read = true
					if s.Op == ast.Add || s.Op == ast.Mult {
						l.mutated = true
					}
				}
			}
		}
	})
	f.stateAliases()
}

// mutatingMethods mark their receiver local as mutated.
var mutatingMethods = ownedMethods

func (f *fn) markMutated(t ast.Expr) {
	if s, ok := t.(*ast.Subscript); ok {
		if n, ok := s.Value.(*ast.Name); ok {
			if l := f.locals[n.Id]; l != nil {
				l.mutated = true
			}
		}
	}
}

// isFresh reports whether an expression yields a value no one else refers to.
func isFresh(e ast.Expr) bool {
	switch x := e.(type) {
	case *ast.List, *ast.Dict, *ast.Tuple, *ast.Constant, *ast.JoinedStr, *ast.ListComp, *ast.DictComp, *ast.BinOp, *ast.UnaryOp, *ast.Compare:
		return true
	case *ast.IfExp:
		return isFresh(x.Body) && isFresh(x.Orelse)
	case *ast.BoolOp:
		for _, v := range x.Values {
			if !isFresh(v) {
				return false
			}
		}
		return true
	case *ast.Call:
		if at, ok := x.Func.(*ast.Attribute); ok {
			switch at.Attr {
			case "model_dump", "dict", "copy", "split", "upper", "lower", "strip", "replace", "format", "join":
				return true
			}
		}
		if n, ok := x.Func.(*ast.Name); ok {
			switch n.Id {
			case "list", "dict", "len", "str", "int", "float", "bool", "repr", "abs", "round", "sum", "tuple", "isinstance", "sorted":
				return true
			}
		}
	}
	return false
}

// stmtExprs lists a statement's own expressions (not those of nested blocks).
func stmtExprs(st ast.Stmt) []ast.Expr {
	switch s := st.(type) {
	case *ast.Return:
		return []ast.Expr{s.Value}
	case *ast.Assign:
		return append([]ast.Expr{s.Value}, s.Targets...)
	case *ast.AugAssign:
		return []ast.Expr{s.Target, s.Value}
	case *ast.AnnAssign:
		return []ast.Expr{s.Target, s.Value}
	case *ast.ExprStmt:
		return []ast.Expr{s.Value}
	case *ast.If:
		return []ast.Expr{s.Test}
	case *ast.While:
		return []ast.Expr{s.Test}
	case *ast.For:
		return []ast.Expr{s.Target, s.Iter}
	case *ast.Raise:
		return []ast.Expr{s.Exc, s.Cause}
	case *ast.Assert:
		return []ast.Expr{s.Test, s.Msg}
	case *ast.Delete:
		return s.Targets
	}
	return nil
}

// displayElts returns the items of a tuple or list display without starred items.
func displayElts(e ast.Expr) []ast.Expr {
	var elts []ast.Expr
	switch x := e.(type) {
	case *ast.Tuple:
		elts = x.Elts
	case *ast.List:
		elts = x.Elts
	default:
		return nil
	}
	for _, el := range elts {
		if _, star := el.(*ast.Starred); star {
			return nil
		}
	}
	return elts
}
