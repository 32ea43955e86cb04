package translate

import (
	"fmt"
	"math/big"
	"testing"

	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
	"github.com/covetpy/covetgen/runtime/pyval"
)

// Differential snippets of instances.snip: a parameter annotated with a plain class of
// the snippet is an instance built (in Python by the oracle, in Go by the translated
// __init__) from the call's dict of __init__ arguments; a snippet whose f is
// `f = C(constants)` calls that callable instance (its __call__ translated with the
// instance ConstInstance rebuilds as a shared self).

// snippetClass is the static type of an annotation naming a class of the snippet module.
func snippetClass(u *Unit, mod string, ann ast.Expr) *ir.Type {
	n, ok := ann.(*ast.Name)
	if !ok {
		return nil
	}
	b := u.module(mod).binds[n.Id]
	if b == nil || b.kind != bClass {
		return nil
	}
	return ClassType(&ir.Class{Name: n.Id, Module: mod, QualName: n.Id})
}

// snippetInit emits the Go func building an instance of the class of typ from its
// __init__ arguments (all given, in declaration order) and returns its name.
func snippetInit(t *testing.T, u *Unit, gf *jen.File, snip int, typ *ir.Type) (string, []string) {
	info, why := u.plainClass(typ.Class)
	if info == nil {
		t.Fatalf("snippet %d: %s", snip, why)
	}
	name := fmt.Sprintf("snip_%d_new_%s", snip, typ.Class.Name)
	body := []jen.Code{jen.Id("self").Op(":=").Qual(pyvalPkg, "NewInstance").Call(jen.Lit(typ.Class.Name))}
	var names []string
	var ps []jen.Code
	if info.init != nil {
		ips := params(info.init)
		vars := map[string]Var{ips[0].Arg: {Go: jen.Id("self"), Type: typ}}
		args := []jen.Code{jen.Id("self")}
		iparams := []jen.Code{jen.Id("self")}
		for _, p := range ips[1:] {
			vars[p.Arg] = Var{Go: jen.Id(GoName(p.Arg))}
			names = append(names, p.Arg)
			ps = append(ps, jen.Id(GoName(p.Arg)))
			args = append(args, jen.Id(GoName(p.Arg)))
			iparams = append(iparams, jen.Id(GoName(p.Arg)))
		}
		initDef := &ast.FunctionDef{Name: info.init.name, Args: info.init.args, Body: info.init.body, Span: *info.init.span}
		code, diags := Func(initDef, &Scope{Vars: vars, Module: typ.Class.Module, Unit: u})
		if diags != nil {
			t.Fatalf("snippet %d: __init__ of %s: %v", snip, typ.Class.Name, diags)
		}
		gf.Func().Id(name+"_init").Params(jen.List(iparams...).Qual(pyvalPkg, "Value")).Params(jen.Qual(pyvalPkg, "Value"), jen.Error()).Block(code...)
		body = append(body, jen.If(jen.List(jen.Id("_"), jen.Err()).Op(":=").Id(name+"_init").Call(args...), jen.Err().Op("!=").Nil()).Block(jen.Panic(jen.Err())))
	}
	body = append(body, jen.Return(jen.Id("self")))
	sig := gf.Func().Id(name)
	if len(ps) > 0 {
		sig.Params(jen.List(ps...).Qual(pyvalPkg, "Value"))
	} else {
		sig.Params()
	}
	sig.Qual(pyvalPkg, "Value").Block(body...)
	return name, names
}

// snippetInstanceArg is the Go expression of an instance argument given as a dict of its
// __init__ arguments.
func snippetInstanceArg(t *testing.T, ctor string, names []string, v pyval.Value) *jen.Statement {
	d, ok := v.(*pyval.Dict)
	if !ok {
		t.Fatalf("instance argument %v: not a dict", v)
	}
	var args []jen.Code
	for _, n := range names {
		x, found := d.GetStr(n)
		if !found {
			t.Fatalf("instance argument: %s missing", n)
		}
		args = append(args, freshArg(x))
	}
	return jen.Id(ctor).Call(args...)
}

// snippetCallable finds `f = C(constants)` in a snippet module: its class's __call__ and
// the Var of its (shared) self.
func snippetCallable(t *testing.T, u *Unit, mod string, body []ast.Stmt) (ast.Stmt, Var) {
	for _, st := range body {
		a, ok := st.(*ast.Assign)
		if !ok || len(a.Targets) != 1 || !isName(a.Targets[0], "f") {
			continue
		}
		call, ok := a.Value.(*ast.Call)
		if !ok {
			t.Fatalf("%s: f is not a call", mod)
		}
		cn, _ := call.Func.(*ast.Name)
		cls := snippetClass(u, mod, cn)
		if cls == nil {
			t.Fatalf("%s: f is not an instance of a class of the snippet", mod)
		}
		args := &ir.Dict{}
		add := func(k string, e ast.Expr) {
			v, ok := constEval(e, func(ast.Expr) (pyval.Value, bool) { return nil, false })
			if !ok {
				t.Fatalf("%s: argument %s is not a constant", mod, k)
			}
			args.Set(ir.Str(k), irScalar(t, v))
		}
		for i, e := range call.Args {
			add(itoa(i), e)
		}
		for _, k := range call.Keywords {
			add(*k.Arg, k.Value)
		}
		code, why := u.ConstInstance(cls.Class, args)
		if why != "" {
			t.Fatalf("%s: ConstInstance: %s", mod, why)
		}
		info, _ := u.plainClass(cls.Class)
		if info.call == nil {
			t.Fatalf("%s: no __call__", mod)
		}
		def := &ast.FunctionDef{Name: info.call.name, Args: info.call.args, Body: info.call.body, Span: *info.call.span}
		if info.call.isAsync {
			return &ast.AsyncFunctionDef{Name: info.call.name, Args: info.call.args, Body: info.call.body, Span: *info.call.span}, Var{Go: code, Type: cls, Shared: true}
		}
		return def, Var{Go: code, Type: cls, Shared: true}
	}
	return nil, Var{}
}

// irScalar converts a scalar constant to the IR.
func irScalar(t *testing.T, v pyval.Value) ir.Value {
	switch x := v.(type) {
	case pyval.NoneType:
		return ir.None{}
	case pyval.Bool:
		return ir.Bool(x)
	case pyval.Int:
		s, _ := pyval.Repr(x)
		b, _ := new(big.Int).SetString(string(s), 10)
		return ir.Int{V: b}
	case pyval.Float:
		return ir.Float(x)
	case pyval.Str:
		return ir.Str(x)
	}
	t.Fatalf("argument %v: not a scalar", v)
	return nil
}

// TestConstInstanceRefusals checks what ConstInstance and plain classes refuse.
func TestConstInstanceRefusals(t *testing.T) {
	cases := []struct{ name, src, want string }{
		{"base class", "class C(dict):\n    pass\n", "class C (it has base classes)"},
		{"bare annotation", "class C:\n    x: int\n", "class C (an annotation without a value in its body)"},
		{"statement", "class C:\n    print(1)\n", "class C (a statement other than a method in its body)"},
		{"dunder", "class C:\n    def __eq__(self, o):\n        return True\n", "class C (defines __eq__)"},
		{"computed init", "class C:\n    def __init__(self, a):\n        self.a = a + 1\n", "C.__init__ (it stores an expression: only parameters and literals are evaluated at generation time)"},
		{"side effect", "class C:\n    def __init__(self, a):\n        print(a)\n", "C.__init__ (it does more than store values into attributes of self)"},
		{"staticmethod", "class C:\n    @staticmethod\n    def m():\n        return 1\n", "class C (method m has decorators other than @property)"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			u := unitOf(t, tc.src)
			args := &ir.Dict{}
			args.Set(ir.Str("0"), ir.Int{V: big.NewInt(1)})
			_, why := u.ConstInstance(&ir.Class{Name: "C", Module: "m", QualName: "C"}, args)
			if why != tc.want {
				t.Errorf("why = %q, want %q", why, tc.want)
			}
		})
	}
}

// unitOf is a Unit over module m holding src.
func unitOf(t *testing.T, src string) *Unit {
	prog, _ := loadStateModule(t, src)
	return NewUnit(prog, Names{})
}

// TestInstanceRefusals checks the uses of instances that are refused, with their
// diagnostics (a parameter named s is a shared instance, as a callable instance's self).
func TestInstanceRefusals(t *testing.T) {
	const cls = "class C:\n    def __init__(self, a):\n        self.a = a\n\n    @property\n    def p(self):\n        return self.a\n\n    def m(self):\n        return self.a\n\n"
	cases := []struct{ name, src, want string }{
		{"returned", "def f(c: C):\n    return c\n", "m.py:13:12: cannot translate use of c (an instance of C) other than reading or assigning its attributes"},
		{"aliased", "def f(c: C):\n    d = c\n    return d.a\n", "m.py:13:9: cannot translate use of c (an instance of C) other than reading or assigning its attributes"},
		{"shared store", "def f(s: C):\n    s.a = 2\n", "m.py:13:5: cannot translate assignment to attribute a of s (an instance the function does not own)"},
		{"property store", "def f(c: C):\n    c.p = 2\n", "m.py:13:5: cannot translate assignment to c.p (a method or property of C)"},
		{"method value", "def f(c: C):\n    return c.m\n", "m.py:13:12: cannot translate method m of C used other than called"},
		{"unknown method", "def f(c: C):\n    return c.a()\n", "m.py:13:12: cannot translate call of c.a (not a method of C)"},
		{"dunder", "def f(c: C):\n    return c.__dict__\n", "m.py:13:12: cannot translate attribute __dict__ of an instance of C"},
		{"helper store", "def g(c: C):\n    c.a = 1\n\ndef f(c: C):\n    return c.m(), g(c)\n", "m.py:16:19: cannot translate call of g (m.py:13:5: cannot translate assignment to attribute a of c (an instance the function does not own))"},
		{"builtin arg", "def f(c: C):\n    return len(c)\n", "m.py:13:16: cannot translate use of c (an instance of C) other than reading or assigning its attributes"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			prog, _ := loadStateModule(t, cls+tc.src)
			u := NewUnit(prog, Names{})
			for _, st := range prog.Modules["m"].File.Module.Body {
				d := asDef(st)
				if d == nil || d.name != "f" {
					continue
				}
				vars := map[string]Var{}
				for _, p := range params(d) {
					vars[p.Arg] = Var{Go: jen.Id(GoName(p.Arg)), Type: snippetClass(u, "m", p.Annotation), Shared: p.Arg == "s"}
				}
				_, diags := Func(st, &Scope{Vars: vars, Module: "m", Unit: u})
				got := ""
				if len(diags) > 0 {
					got = diags[0].Pos.String() + ": " + diags[0].Msg
				}
				if got != tc.want {
					t.Errorf("got  %q\nwant %q", got, tc.want)
				}
			}
		})
	}
}
