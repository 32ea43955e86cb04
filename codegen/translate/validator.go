package translate

import (
	"fmt"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
	jen "github.com/dave/jennifer/jen"
)

// Field validators of str fields. StrFieldValidator translates the body of a pydantic
// @field_validator(mode="after") method of a str field into a Go function over the
// validated string, run by the generated decoder (runtime/validate RunAfter). The subset
// is what validators that only check their value are made of:
//
//	"""docstring"""
//	assert <cond>[, "message"]                       -> assertion_error
//	if <cond>: raise ValueError("message")            -> value_error
//	if <cond>: raise AssertionError("message")        -> assertion_error
//	return v                                          (the last statement)
//	return v.lower()  (a chain of str methods with str literal arguments: lower, upper,
//	                  strip, lstrip, rstrip, replace, removeprefix, removesuffix, run by
//	                  runtime/pyval with Python's semantics)
//
// where <cond> is `"lit" in v`, `"lit" not in v`, `v == "lit"`, `v != "lit"`,
// `v.startswith("lit")`, `v.endswith("lit")`, `v` (truthiness), and not/and/or of
// those. Anything else (another transform of v, a use of cls or of info, a call) is
// refused with its position, and the model stays validated by pydantic.

// StrFieldValidator returns the statements of the body of a Go
// func(v string) (string, *validate.Error) equivalent to fn, an after field validator
// whose second parameter is the field's value; pos locates nodes of fn's module. The
// error is "file:line:col: cannot translate <construct>" at the first construct outside
// the subset.
func StrFieldValidator(fn *ast.FunctionDef, pos func(ast.Node) ir.Pos) ([]jen.Code, error) {
	vt := &valTr{pos: pos}
	a := fn.Args
	if a == nil || len(a.Posonlyargs) > 0 || len(a.Args) != 2 || a.Vararg != nil || a.Kwarg != nil || len(a.Kwonlyargs) > 0 || len(a.Defaults) > 0 {
		return nil, vt.refuse(fn, "validator %s: parameters other than (cls, value)", fn.Name)
	}
	vt.param = a.Args[1].Arg
	body := fn.Body
	if len(body) > 0 {
		if e, ok := body[0].(*ast.ExprStmt); ok {
			if c, ok := e.Value.(*ast.Constant); ok {
				if _, ok := c.Value.(ast.Str); ok {
					body = body[1:]
				}
			}
		}
	}
	if len(body) == 0 {
		return nil, vt.refuse(fn, "validator %s without a return", fn.Name)
	}
	var code []jen.Code
	for i, st := range body {
		if i == len(body)-1 {
			r, ok := st.(*ast.Return)
			if !ok || r.Value == nil {
				return nil, vt.refuse(st, "validator statement (only `return %s` ends a translated validator)", vt.param)
			}
			tr, err := vt.transform(r.Value)
			if err != nil {
				return nil, err
			}
			code = append(code, tr...)
			code = append(code, jen.Return(jen.Id("v"), jen.Nil()))
			break
		}
		c, err := vt.stmt(st)
		if err != nil {
			return nil, err
		}
		code = append(code, c)
	}
	return code, nil
}

// strTransforms are the str methods a returned value may apply, with their number of
// str literal arguments (min, max). None of them raises with such arguments.
var strTransforms = map[string][2]int{
	"lower": {0, 0}, "upper": {0, 0}, "strip": {0, 1}, "lstrip": {0, 1}, "rstrip": {0, 1},
	"replace": {2, 2}, "removeprefix": {1, 1}, "removesuffix": {1, 1},
}

// transform is the statements that set v to the returned expression: v itself or a
// chain of strTransforms calls on it.
func (vt *valTr) transform(e ast.Expr) ([]jen.Code, error) {
	if vt.isParam(e) {
		return nil, nil
	}
	c, ok := e.(*ast.Call)
	if !ok {
		return nil, vt.refuse(e, "validator result (only %s or str methods of it)", vt.param)
	}
	at, ok := c.Func.(*ast.Attribute)
	n, known := strTransforms[at.Attr]
	if !ok || !known || len(c.Keywords) > 0 || len(c.Args) < n[0] || len(c.Args) > n[1] {
		return nil, vt.refuse(e, "validator result (only %s or str methods of it)", vt.param)
	}
	args := []jen.Code{jen.Qual(pyvalPkg, "Str").Call(jen.Id("v")), jen.Lit(at.Attr)}
	for _, a := range c.Args {
		lit, ok := strLit(a)
		if !ok {
			return nil, vt.refuse(a, "argument of %s other than a string literal", at.Attr)
		}
		args = append(args, jen.Qual(pyvalPkg, "Str").Call(jen.Lit(lit)))
	}
	inner, err := vt.transform(at.Value)
	if err != nil {
		return nil, err
	}
	// The methods cannot fail with str literal arguments; r is always a Str.
	return append(inner, jen.If(jen.List(jen.Id("r"), jen.Err()).Op(":=").Qual(pyvalPkg, "CallMethod").Call(args...), jen.Err().Op("==").Nil()).Block(
		jen.If(jen.List(jen.Id("s"), jen.Id("ok")).Op(":=").Id("r").Assert(jen.Qual(pyvalPkg, "Str")), jen.Id("ok")).Block(
			jen.Id("v").Op("=").String().Call(jen.Id("s")),
		),
	)), nil
}

// valTr translates one validator body.
type valTr struct {
	pos   func(ast.Node) ir.Pos
	param string
}

func (vt *valTr) refuse(n ast.Node, format string, args ...any) error {
	return fmt.Errorf("%s: cannot translate %s", vt.pos(n), fmt.Sprintf(format, args...))
}

func (vt *valTr) isParam(e ast.Expr) bool {
	n, ok := e.(*ast.Name)
	return ok && n.Id == vt.param
}

// stmt translates an assert or an if raising.
func (vt *valTr) stmt(st ast.Stmt) (jen.Code, error) {
	switch s := st.(type) {
	case *ast.Assert:
		cond, err := vt.cond(s.Test)
		if err != nil {
			return nil, err
		}
		msg := ""
		if s.Msg != nil {
			m, ok := strLit(s.Msg)
			if !ok {
				return nil, vt.refuse(s.Msg, "assert message other than a string literal")
			}
			msg = m
		}
		return jen.If(jen.Op("!").Parens(cond)).Block(jen.Return(jen.Id("v"), jen.Qual(pkgValidateRT, "AssertionError").Call(jen.Lit(msg)))), nil
	case *ast.If:
		if len(s.Orelse) > 0 || len(s.Body) != 1 {
			return nil, vt.refuse(s, "validator if statement (only `if cond: raise ValueError(\"...\")`)")
		}
		r, ok := s.Body[0].(*ast.Raise)
		if !ok || r.Cause != nil {
			return nil, vt.refuse(s.Body[0], "validator statement inside if (only a raise)")
		}
		ctor, err := vt.raised(r)
		if err != nil {
			return nil, err
		}
		cond, err := vt.cond(s.Test)
		if err != nil {
			return nil, err
		}
		return jen.If(cond).Block(jen.Return(jen.Id("v"), ctor)), nil
	}
	return nil, vt.refuse(st, "validator statement")
}

// raised is the runtime error of `raise ValueError("...")` / AssertionError.
func (vt *valTr) raised(r *ast.Raise) (jen.Code, error) {
	call, ok := r.Exc.(*ast.Call)
	if !ok || len(call.Keywords) > 0 || len(call.Args) > 1 {
		return nil, vt.refuse(r, "raise in a validator (only ValueError(\"...\") or AssertionError(\"...\"))")
	}
	name, ok := call.Func.(*ast.Name)
	if !ok || (name.Id != "ValueError" && name.Id != "AssertionError") {
		return nil, vt.refuse(r, "raise in a validator (only ValueError(\"...\") or AssertionError(\"...\"))")
	}
	msg := ""
	if len(call.Args) == 1 {
		m, ok := strLit(call.Args[0])
		if !ok {
			return nil, vt.refuse(call.Args[0], "exception message other than a string literal")
		}
		msg = m
	}
	return jen.Qual(pkgValidateRT, name.Id).Call(jen.Lit(msg)), nil
}

// cond translates a boolean condition over the value.
func (vt *valTr) cond(e ast.Expr) (jen.Code, error) {
	switch x := e.(type) {
	case *ast.Name:
		if vt.isParam(x) {
			return jen.Id("v").Op("!=").Lit(""), nil
		}
	case *ast.UnaryOp:
		if x.Op == ast.Not {
			c, err := vt.cond(x.Operand)
			if err != nil {
				return nil, err
			}
			return jen.Op("!").Parens(c), nil
		}
	case *ast.BoolOp:
		op := "&&"
		if x.Op == ast.Or {
			op = "||"
		}
		var out *jen.Statement
		for i, v := range x.Values {
			c, err := vt.cond(v)
			if err != nil {
				return nil, err
			}
			if i == 0 {
				out = jen.Parens(c)
			} else {
				out = out.Op(op).Parens(c)
			}
		}
		return out, nil
	case *ast.Compare:
		if len(x.Ops) != 1 {
			break
		}
		l, r := x.Left, x.Comparators[0]
		switch x.Ops[0] {
		case ast.In, ast.NotIn:
			lit, ok := strLit(l)
			if !ok || !vt.isParam(r) {
				break
			}
			c := jen.Qual("strings", "Contains").Call(jen.Id("v"), jen.Lit(lit))
			if x.Ops[0] == ast.NotIn {
				return jen.Op("!").Add(c), nil
			}
			return c, nil
		case ast.Eq, ast.NotEq:
			lit, ok := strLit(r)
			p := l
			if !ok {
				lit, ok = strLit(l)
				p = r
			}
			if !ok || !vt.isParam(p) {
				break
			}
			op := "=="
			if x.Ops[0] == ast.NotEq {
				op = "!="
			}
			return jen.Id("v").Op(op).Lit(lit), nil
		}
	case *ast.Call:
		at, ok := x.Func.(*ast.Attribute)
		if !ok || !vt.isParam(at.Value) || len(x.Args) != 1 || len(x.Keywords) > 0 {
			break
		}
		lit, ok := strLit(x.Args[0])
		if !ok {
			break
		}
		switch at.Attr {
		case "startswith":
			return jen.Qual("strings", "HasPrefix").Call(jen.Id("v"), jen.Lit(lit)), nil
		case "endswith":
			return jen.Qual("strings", "HasSuffix").Call(jen.Id("v"), jen.Lit(lit)), nil
		}
	}
	return vt.condMore(e)
}

// strLit is the value of a str literal.
func strLit(e ast.Expr) (string, bool) {
	c, ok := e.(*ast.Constant)
	if !ok {
		return "", false
	}
	s, ok := c.Value.(ast.Str)
	return string(s), ok
}

// pkgValidateRT is runtime/validate, whose errors translated validators return.
const pkgValidateRT = "github.com/covetpy/covetgen/runtime/validate"

// validatorsNative reports whether m's validators run in its generated decoder.
func (u *Unit) validatorsNative(m *ir.Model) bool {
	return u.names.ValidatorsNative != nil && u.names.ValidatorsNative(m)
}
