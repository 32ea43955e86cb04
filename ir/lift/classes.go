package lift

import (
	"strings"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
)

// classKind is what a class of the app is, judged by its bases and decorators.
type classKind int

const (
	plainClass classKind = iota
	modelClass
	enumClass
	dataclassClass
	pydanticDataclassClass
	typedDictClass
	exceptionClass
)

func (c *classObj) kind() classKind {
	return c.kindDepth(0)
}

func (c *classObj) kindDepth(depth int) classKind {
	if depth > 30 {
		return plainClass
	}
	for _, d := range c.decorators {
		switch decoratorName(d) {
		case "dataclasses.dataclass":
			return dataclassClass
		case "pydantic.dataclasses.dataclass":
			return pydanticDataclassClass
		}
	}
	for _, b := range c.bases {
		if a, ok := b.(aliasObj); ok {
			b = a.origin
		}
		switch x := b.(type) {
		case fwObj:
			switch x.name {
			case "pydantic.BaseModel", "pydantic.RootModel", "pydantic_settings.BaseSettings":
				return modelClass
			case "enum.Enum", "enum.IntEnum", "enum.StrEnum", "enum.Flag", "enum.IntFlag":
				return enumClass
			case "typing.TypedDict":
				return typedDictClass
			case "builtins.Exception", "builtins.BaseException", "builtins.ValueError", "builtins.RuntimeError",
				"builtins.KeyError", "builtins.LookupError", "builtins.TypeError", "fastapi.HTTPException",
				"starlette.exceptions.HTTPException":
				return exceptionClass
			}
		case *classObj:
			if k := x.kindDepth(depth + 1); k != plainClass && k != dataclassClass && k != pydanticDataclassClass {
				return k
			}
		}
	}
	return plainClass
}

func decoratorName(d obj) string {
	switch x := d.(type) {
	case fwObj:
		return x.name
	case fwCall:
		return x.name
	}
	return ""
}

func (c *classObj) isEnum() bool { return c.kind() == enumClass }
func (c *classObj) isModel() bool {
	k := c.kind()
	return k == modelClass || c.isDataclassLike() || k == typedDictClass
}
func (c *classObj) isDataclassLike() bool {
	k := c.kind()
	return k == dataclassClass || k == pydanticDataclassClass
}

func (c *classObj) qualName() string { return c.def.Name }

// docstring returns the docstring of a body.
func docstring(body []ast.Stmt) *string {
	if len(body) == 0 {
		return nil
	}
	es, ok := body[0].(*ast.ExprStmt)
	if !ok {
		return nil
	}
	k, ok := es.Value.(*ast.Constant)
	if !ok {
		return nil
	}
	s, ok := k.Value.(ast.Str)
	if !ok {
		return nil
	}
	str := string(s)
	return &str
}

// liftEnum returns the IR of an Enum class.
func (in *interp) liftEnum(c *classObj) *ir.Enum {
	if c.enum != nil {
		return c.enum
	}
	e := &ir.Enum{Name: c.def.Name, Module: c.ms.mod.Name, QualName: c.qualName(), Doc: docstring(c.def.Body), Pos: c.pos}
	c.enum = e
	in.enums = append(in.enums, e)
	e.Base = enumBase(c, 0)
	autoN := int64(0)
	for _, st := range c.def.Body {
		var targets []ast.Expr
		var value ast.Expr
		switch s := st.(type) {
		case *ast.Assign:
			targets, value = s.Targets, s.Value
		case *ast.AnnAssign:
			if s.Value == nil {
				continue
			}
			targets, value = []ast.Expr{s.Target}, s.Value
		default:
			continue
		}
		for _, t := range targets {
			n, ok := t.(*ast.Name)
			if !ok || strings.HasPrefix(n.Id, "_") {
				continue
			}
			v := c.ms.eval(value, c.attrs.parent)
			var val ir.Value
			if call, ok := v.(fwCall); ok && call.name == "enum.auto" {
				autoN++
				if e.Base == "str" {
					val = ir.Str(strings.ToLower(n.Id))
				} else {
					val = ir.NewInt(autoN)
				}
			} else {
				var ok bool
				val, ok = toValue(v)
				if !ok {
					in.report(c.ms.pos(st), "enum member %s.%s has a value not known statically", e.Name, n.Id)
				}
				if iv, ok := val.(ir.Int); ok && iv.V.IsInt64() {
					autoN = iv.V.Int64()
				}
				if seq, ok := val.(ir.Tuple); ok && e.Base != "" && len(seq) > 0 {
					val = seq[0]
				}
			}
			// Aliases (a second name for an existing value) are not members of their own.
			dup := false
			for _, m := range e.Members {
				if ir.ValueEqual(m.Value, val) {
					dup = true
				}
			}
			if !dup {
				e.Members = append(e.Members, &ir.EnumMemberDef{Name: n.Id, Value: val, Pos: c.ms.pos(t)})
			}
		}
	}
	return e
}

func enumBase(c *classObj, depth int) string {
	if depth > 30 {
		return ""
	}
	for _, b := range c.bases {
		switch x := b.(type) {
		case fwObj:
			switch x.name {
			case "builtins.str", "enum.StrEnum":
				return "str"
			case "builtins.int", "enum.IntEnum", "enum.IntFlag":
				return "int"
			case "builtins.float":
				return "float"
			}
		case *classObj:
			if s := enumBase(x, depth+1); s != "" {
				return s
			}
		}
	}
	return ""
}

// liftClass returns the IR of a plain class (a dependency class).
func (in *interp) liftClass(c *classObj) *ir.Class {
	if c.class != nil {
		return c.class
	}
	cl := &ir.Class{Name: c.def.Name, Module: c.ms.mod.Name, QualName: c.qualName(), Pos: c.pos}
	c.class = cl
	if f, ok := c.method("__init__"); ok {
		cl.Init = in.callableOf(f)
	}
	if f, ok := c.method("__call__"); ok {
		cl.Call = in.callableOf(f)
	}
	return cl
}

// method finds a method in the class or its bases.
func (c *classObj) method(name string) (*funcObj, bool) {
	return c.methodDepth(name, 0)
}

func (c *classObj) methodDepth(name string, depth int) (*funcObj, bool) {
	if depth > 30 {
		return nil, false
	}
	if f, ok := c.attrs.names[name].(*funcObj); ok {
		return f, true
	}
	for _, b := range c.bases {
		if bc, ok := b.(*classObj); ok {
			if f, ok := bc.methodDepth(name, depth+1); ok {
				return f, true
			}
		}
	}
	return nil, false
}

// callableOf describes a function, class or instance as an ir.Callable.
func (in *interp) callableOf(o obj) *ir.Callable {
	switch x := o.(type) {
	case *funcObj:
		if x.callable != nil {
			return x.callable
		}
		if x.wrapper != nil {
			// functools.wraps: FastAPI calls the wrapper; its docstring is the wrapped one's.
			// The wrapper calls the wrapped function through the decorator's local (a
			// closure) that no translation can bind: named by its qualified name and placed
			// where the decorator is applied, its def is not found for translating, and the
			// bridge calls it.
			c := *in.callableOf(x.wrapper)
			c.Doc = docstring(x.body)
			c.Name = x.wrapper.qualName()
			c.QualName, c.Pos = c.Name, x.wrapPos
			x.callable = &c
			return x.callable
		}
		qual, name := x.name, x.name
		if x.cls != nil {
			qual = x.cls.def.Name + "." + x.name
		}
		if x.usesEnclosing() {
			// Not translatable alone (closures.go): named so that no def is found for it.
			qual, name = x.qualName(), x.qualName()
		}
		c := &ir.Callable{Kind: ir.FunctionCallable, Name: name, Module: x.ms.mod.Name, QualName: qual,
			IsAsync: x.async, IsGenerator: containsYield(x.body), Doc: docstring(x.body), Pos: x.pos}
		x.callable = c
		return c
	case *classObj:
		return &ir.Callable{Kind: ir.ClassCallable, Name: x.def.Name, Module: x.ms.mod.Name, QualName: x.qualName(),
			Doc: docstring(x.def.Body), Class: in.liftClass(x), Pos: x.pos}
	case *instanceObj:
		c := &ir.Callable{Kind: ir.InstanceCallable, Name: x.cls.def.Name, Module: x.cls.ms.mod.Name,
			QualName: x.cls.qualName(), Class: in.liftClass(x.cls), Instance: argsDict(x.args, x.kw), Pos: x.pos}
		if f, ok := x.cls.method("__call__"); ok {
			fc := in.callableOf(f)
			c.IsAsync, c.IsGenerator = fc.IsAsync, fc.IsGenerator
		}
		return c
	case fwCall:
		return &ir.Callable{Kind: ir.FrameworkCallable, Name: x.name, Instance: argsDict(x.args, x.kw), Pos: x.pos, IsAsync: true}
	case fwObj:
		return &ir.Callable{Kind: ir.FrameworkCallable, Name: x.name}
	case *lambdaObj:
		return &ir.Callable{Kind: ir.FunctionCallable, Name: "<lambda>", Module: x.ms.mod.Name, QualName: "<lambda>", Pos: x.pos}
	}
	return &ir.Callable{Kind: ir.FunctionCallable, Name: "?"}
}

func argsDict(args []obj, kw []kwArg) *ir.Dict {
	d := &ir.Dict{}
	for i, a := range args {
		v, _ := toValue(a)
		d.Set(ir.Str(itoa(i)), v)
	}
	for _, k := range kw {
		v, _ := toValue(k.val)
		d.Set(ir.Str(k.name), v)
	}
	return d
}

func itoa(i int) string {
	const digits = "0123456789"
	if i < 10 {
		return digits[i : i+1]
	}
	return itoa(i/10) + digits[i%10:i%10+1]
}

// containsYield reports whether a function body yields (nested functions excluded).
func containsYield(body []ast.Stmt) bool {
	found := false
	var expr func(e ast.Expr)
	expr = func(e ast.Expr) {
		if found || e == nil {
			return
		}
		switch x := e.(type) {
		case *ast.Yield, *ast.YieldFrom:
			found = true
		case *ast.Await:
			expr(x.Value)
		case *ast.Call:
			expr(x.Func)
			for _, a := range x.Args {
				expr(a)
			}
		case *ast.NamedExpr:
			expr(x.Value)
		}
	}
	var stmts func(b []ast.Stmt)
	stmts = func(b []ast.Stmt) {
		for _, st := range b {
			if found {
				return
			}
			switch s := st.(type) {
			case *ast.ExprStmt:
				expr(s.Value)
			case *ast.Assign:
				expr(s.Value)
			case *ast.AnnAssign:
				expr(s.Value)
			case *ast.Return:
				expr(s.Value)
			case *ast.If:
				stmts(s.Body)
				stmts(s.Orelse)
			case *ast.For:
				stmts(s.Body)
				stmts(s.Orelse)
			case *ast.AsyncFor:
				stmts(s.Body)
				stmts(s.Orelse)
			case *ast.While:
				stmts(s.Body)
				stmts(s.Orelse)
			case *ast.With:
				stmts(s.Body)
			case *ast.AsyncWith:
				stmts(s.Body)
			case *ast.Try:
				stmts(s.Body)
				for _, h := range s.Handlers {
					stmts(h.Body)
				}
				stmts(s.Orelse)
				stmts(s.Finalbody)
			case *ast.TryStar:
				stmts(s.Body)
				for _, h := range s.Handlers {
					stmts(h.Body)
				}
				stmts(s.Orelse)
				stmts(s.Finalbody)
			case *ast.Match:
				for _, c := range s.Cases {
					stmts(c.Body)
				}
			}
		}
	}
	stmts(body)
	return found
}
