package translate

import (
	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
	jen "github.com/dave/jennifer/jen"
)

// Field validators of mode "before". BeforeFieldValidator translates the body of a
// pydantic @field_validator(mode="before") method into a Go function over the raw input
// as a pyval value (from JSON: None, bool, int, float, str, list, dict), whose result the
// generated decoder then validates as the field (runtime/pyval RunBefore). The subset
// keeps results of JSON kinds, so that validating them in JSON mode is what pydantic's
// python mode does for the field types allowed (codegen/validators.go):
//
//	"""docstring"""
//	if <cond>:                      (a body of the statements below)
//	    return <result>
//	if <cond>: raise ValueError("message") / AssertionError("message")
//	assert <cond>[, "message"]
//	return <result>                 (the last statement)
//
// where <cond> is isinstance(v, C) with C among str, int, float, bool, list, dict,
// type(None) (or a tuple of them), `v is None`, `v is not None`, and not/and/or of those;
// and <result> is v, a str, int, bool or None literal, a list display of str literals, or, where isinstance(v, str) holds,
// v.split() / v.split("lit"), a chain of strTransforms calls on v, or
// [<s of p> for p in <s of v>.split(["lit"]) if <cond of p>] (the str expressions and
// conditions of StrFieldValidator, over p; the if clause is optional).

// BeforeFieldValidator returns the statements of the body of a Go
// func(v pyval.Value) (pyval.Value, *validate.Error) equivalent to fn; pos locates nodes
// of fn's module. The error is "file:line:col: cannot translate <construct>".
func BeforeFieldValidator(fn *ast.FunctionDef, pos func(ast.Node) ir.Pos) ([]jen.Code, error) {
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
	bt := &beforeTr{valTr: vt}
	code, err := bt.block(body, false)
	if err != nil {
		return nil, err
	}
	if len(body) == 0 {
		return nil, vt.refuse(fn, "validator %s without a return", fn.Name)
	}
	if r, ok := body[len(body)-1].(*ast.Return); !ok || r.Value == nil {
		return nil, vt.refuse(body[len(body)-1], "validator statement (only `return` ends a translated validator)")
	}
	return code, nil
}

// beforeTr translates a before validator's statements.
type beforeTr struct {
	*valTr
}

// block translates statements; isStr tells that isinstance(v, str) holds there.
func (bt *beforeTr) block(body []ast.Stmt, isStr bool) ([]jen.Code, error) {
	var code []jen.Code
	for _, st := range body {
		switch s := st.(type) {
		case *ast.Return:
			if s.Value == nil {
				return nil, bt.refuse(s, "bare return in a validator")
			}
			r, err := bt.result(s.Value, isStr)
			if err != nil {
				return nil, err
			}
			code = append(code, jen.Return(r, jen.Nil()))
		case *ast.Assert:
			cond, err := bt.cond(s.Test)
			if err != nil {
				return nil, err
			}
			msg := ""
			if s.Msg != nil {
				m, ok := strLit(s.Msg)
				if !ok {
					return nil, bt.refuse(s.Msg, "assert message other than a string literal")
				}
				msg = m
			}
			code = append(code, jen.If(jen.Op("!").Parens(cond)).Block(jen.Return(jen.Id("v"), jen.Qual(pkgValidateRT, "AssertionError").Call(jen.Lit(msg)))))
		case *ast.If:
			if len(s.Orelse) > 0 {
				return nil, bt.refuse(s, "validator if statement with else")
			}
			cond, err := bt.cond(s.Test)
			if err != nil {
				return nil, err
			}
			if len(s.Body) == 1 {
				if r, ok := s.Body[0].(*ast.Raise); ok && r.Cause == nil {
					ctor, err := bt.raised(r)
					if err != nil {
						return nil, err
					}
					code = append(code, jen.If(cond).Block(jen.Return(jen.Id("v"), ctor)))
					continue
				}
			}
			inner, err := bt.block(s.Body, isStr || bt.isStrTest(s.Test))
			if err != nil {
				return nil, err
			}
			code = append(code, jen.If(cond).Block(inner...))
		default:
			return nil, bt.refuse(st, "validator statement")
		}
	}
	return code, nil
}

// beforeClasses are the classes isinstance may test, with their pyval type names.
var beforeClasses = map[string][]string{
	"str": {"str"}, "int": {"int"}, "float": {"float"}, "bool": {"bool"}, "list": {"list"}, "dict": {"dict"},
}

// isStrTest reports whether test is isinstance(v, str).
func (bt *beforeTr) isStrTest(test ast.Expr) bool {
	c, ok := test.(*ast.Call)
	if !ok || len(c.Args) != 2 || len(c.Keywords) > 0 || !bt.isParam(c.Args[0]) {
		return false
	}
	f, ok := c.Func.(*ast.Name)
	n, ok2 := c.Args[1].(*ast.Name)
	return ok && ok2 && f.Id == "isinstance" && n.Id == "str"
}

// cond translates a condition over the raw value.
func (bt *beforeTr) cond(e ast.Expr) (jen.Code, error) {
	switch x := e.(type) {
	case *ast.UnaryOp:
		if x.Op == ast.Not {
			c, err := bt.cond(x.Operand)
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
			c, err := bt.cond(v)
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
		if len(x.Ops) == 1 && bt.isParam(x.Left) && (x.Ops[0] == ast.Is || x.Ops[0] == ast.IsNot) {
			if c, ok := x.Comparators[0].(*ast.Constant); ok {
				if _, none := c.Value.(ast.NoneValue); none {
					op := "=="
					if x.Ops[0] == ast.IsNot {
						op = "!="
					}
					return jen.Id("v").Op(op).Qual(pyvalPkg, "None"), nil
				}
			}
		}
	case *ast.Call:
		f, ok := x.Func.(*ast.Name)
		if !ok || f.Id != "isinstance" || len(x.Args) != 2 || len(x.Keywords) > 0 || !bt.isParam(x.Args[0]) {
			break
		}
		var names []ast.Expr
		if t, ok := x.Args[1].(*ast.Tuple); ok {
			names = t.Elts
		} else {
			names = []ast.Expr{x.Args[1]}
		}
		args := []jen.Code{jen.Id("v")}
		for _, n := range names {
			switch c := n.(type) {
			case *ast.Name:
				tn, ok := beforeClasses[c.Id]
				if !ok {
					return nil, bt.refuse(n, "isinstance with %s in a validator", c.Id)
				}
				for _, t := range tn {
					args = append(args, jen.Lit(t))
				}
			case *ast.Call:
				if tf, ok := c.Func.(*ast.Name); ok && tf.Id == "type" && len(c.Args) == 1 {
					if k, ok := c.Args[0].(*ast.Constant); ok {
						if _, none := k.Value.(ast.NoneValue); none {
							args = append(args, jen.Lit("NoneType"))
							continue
						}
					}
				}
				return nil, bt.refuse(n, "isinstance class in a validator")
			default:
				return nil, bt.refuse(n, "isinstance class in a validator")
			}
		}
		return jen.Qual(pyvalPkg, "IsInstance").Call(args...), nil
	}
	return nil, bt.refuse(e, "validator condition")
}

// result translates a returned value.
func (bt *beforeTr) result(e ast.Expr, isStr bool) (jen.Code, error) {
	if bt.isParam(e) {
		return jen.Id("v"), nil
	}
	if c, ok := e.(*ast.Constant); ok {
		switch x := c.Value.(type) {
		case ast.Str:
			return jen.Qual(pyvalPkg, "Str").Call(jen.Lit(string(x))), nil
		case ast.NoneValue:
			return jen.Qual(pyvalPkg, "None"), nil
		case ast.Bool:
			return jen.Qual(pyvalPkg, "Bool").Call(jen.Lit(bool(x))), nil
		}
		if n, ok := intLitValue(e); ok {
			return jen.Qual(pyvalPkg, "IntOf").Call(jen.Lit(n)), nil
		}
	}
	if l, ok := e.(*ast.List); ok {
		var items []jen.Code
		for _, el := range l.Elts {
			lit, ok := strLit(el)
			if !ok {
				return nil, bt.refuse(el, "list item in a validator result other than a string literal")
			}
			items = append(items, jen.Qual(pyvalPkg, "Str").Call(jen.Lit(lit)))
		}
		return jen.Op("&").Qual(pyvalPkg, "List").Values(jen.Dict{jen.Id("Items"): jen.Index().Qual(pyvalPkg, "Value").Values(items...)}), nil
	}
	if !isStr {
		return nil, bt.refuse(e, "validator result (only %s, a literal, or str methods of %s where isinstance(%s, str) holds)", bt.param, bt.param, bt.param)
	}
	if lc, ok := e.(*ast.ListComp); ok {
		return bt.splitComp(lc)
	}
	if c, ok := e.(*ast.Call); ok {
		if at, ok := c.Func.(*ast.Attribute); ok && at.Attr == "split" && len(c.Keywords) == 0 && len(c.Args) <= 1 {
			s, err := bt.strExpr(at.Value)
			if err != nil {
				return nil, err
			}
			args := []jen.Code{s, jen.Lit("split")}
			if len(c.Args) == 1 {
				lit, ok := strLit(c.Args[0])
				if !ok || lit == "" {
					return nil, bt.refuse(c.Args[0], "argument of split other than a non-empty string literal")
				}
				args = append(args, jen.Qual(pyvalPkg, "Str").Call(jen.Lit(lit)))
			}
			return jen.Qual(pyvalPkg, "StrMethodValue").Call(args...), nil
		}
	}
	s, err := bt.strExpr(e)
	if err != nil {
		return nil, err
	}
	return jen.Qual(pyvalPkg, "Str").Call(s), nil
}

// strExpr is a str expression of the value where it is a str (valTr.strExpr over
// string(v.(pyval.Str))).
func (bt *beforeTr) strExpr(e ast.Expr) (jen.Code, error) {
	code, err := bt.valTr.strExpr(e)
	if err != nil {
		return nil, err
	}
	return jen.Func().Params().String().Block(
		jen.Id("v").Op(":=").String().Call(jen.Id("v").Assert(jen.Qual(pyvalPkg, "Str"))),
		jen.Return(code),
	).Call(), nil
}

// splitComp translates [E for p in S.split(sep) if C] where isinstance(v, str) holds: E
// and C are str expressions and conditions of p, S one of v.
func (bt *beforeTr) splitComp(lc *ast.ListComp) (jen.Code, error) {
	if len(lc.Generators) != 1 || lc.Generators[0].IsAsync != 0 || len(lc.Generators[0].Ifs) > 1 {
		return nil, bt.refuse(lc, "comprehension in a validator (only one for clause and at most one if)")
	}
	g := lc.Generators[0]
	p, ok := g.Target.(*ast.Name)
	if !ok || p.Id == bt.param {
		return nil, bt.refuse(g.Target, "comprehension target in a validator")
	}
	call, ok := g.Iter.(*ast.Call)
	var at *ast.Attribute
	if ok {
		at, _ = call.Func.(*ast.Attribute)
	}
	if at == nil || at.Attr != "split" || len(call.Keywords) > 0 || len(call.Args) > 1 {
		return nil, bt.refuse(g.Iter, "comprehension iterable in a validator (only a split of %s)", bt.param)
	}
	src, err := bt.strExpr(at.Value)
	if err != nil {
		return nil, err
	}
	args := []jen.Code{src, jen.Lit("split")}
	if len(call.Args) == 1 {
		lit, ok := strLit(call.Args[0])
		if !ok || lit == "" {
			return nil, bt.refuse(call.Args[0], "argument of split other than a non-empty string literal")
		}
		args = append(args, jen.Qual(pyvalPkg, "Str").Call(jen.Lit(lit)))
	}
	inner := &valTr{pos: bt.pos, param: p.Id}
	elt, err := inner.strExpr(lc.Elt)
	if err != nil {
		return nil, err
	}
	add := jen.Id("out").Op("=").Append(jen.Id("out"), jen.Qual(pyvalPkg, "Str").Call(elt))
	if len(g.Ifs) == 1 {
		cond, err := inner.cond(g.Ifs[0])
		if err != nil {
			return nil, err
		}
		add = jen.If(cond).Block(add)
	}
	// The items of str.split are str: the loop variable shadows v as the Go string of p.
	return jen.Func().Params().Qual(pyvalPkg, "Value").Block(
		jen.Id("parts").Op(":=").Qual(pyvalPkg, "StrSplitItems").Call(jen.Qual(pyvalPkg, "StrMethodValue").Call(args...)),
		jen.Id("out").Op(":=").Make(jen.Index().Qual(pyvalPkg, "Value"), jen.Lit(0), jen.Len(jen.Id("parts"))),
		jen.For(jen.List(jen.Id("_"), jen.Id("v")).Op(":=").Range().Id("parts")).Block(add),
		jen.Return(jen.Op("&").Qual(pyvalPkg, "List").Values(jen.Dict{jen.Id("Items"): jen.Id("out")})),
	).Call(), nil
}
