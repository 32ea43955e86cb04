package translate

import (
	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
)

func isSingleton(e ast.Expr) bool {
	c, ok := e.(*ast.Constant)
	if !ok {
		return false
	}
	switch c.Value.(type) {
	case ast.NoneValue, ast.Bool:
		return true
	}
	return false
}

// cmp compiles one comparison of two compiled operands to a Go bool.
func (f *fn) cmp(op ast.CmpOp, a, b val, left, right ast.Expr, at ast.Node) val {
	switch op {
	case ast.Eq:
		return val{code: q("Eq").Call(a.code, b.code), kind: kindBool}
	case ast.NotEq:
		return val{code: q("Ne").Call(a.code, b.code), kind: kindBool}
	case ast.Is, ast.IsNot:
		if !isSingleton(left) && !isSingleton(right) && !(isContainerType(a.typ) && isContainerType(b.typ)) &&
			!(isEnumType(a.typ) && isEnumType(b.typ)) {
			f.refuse(at, "is comparison (only with None, True or False)")
		}
		c := q("Is").Call(a.code, b.code)
		if op == ast.IsNot {
			c = jen.Op("!").Add(c)
		}
		return val{code: c, kind: kindBool}
	case ast.In, ast.NotIn:
		r := f.callVal(q("Contains").Call(b.code, a.code), kindBool, boolType)
		if op == ast.NotIn {
			return val{code: jen.Op("!").Add(r.code), kind: kindBool, atomic: true, tmp: r.tmp}
		}
		return r
	}
	name := map[ast.CmpOp]string{ast.Lt: "Lt", ast.LtE: "Le", ast.Gt: "Gt", ast.GtE: "Ge"}[op]
	return f.callVal(q(name).Call(a.code, b.code), kindBool, boolType)
}

func (f *fn) compare(x *ast.Compare) val {
	if len(x.Ops) == 0 || len(x.Ops) != len(x.Comparators) {
		f.refuse(x, "malformed comparison")
	}
	for i, op := range x.Ops {
		if op == ast.In || op == ast.NotIn {
			if f.memberOperands == nil {
				f.memberOperands = map[ast.Expr]bool{}
			}
			f.memberOperands[x.Comparators[i]] = true
		}
	}
	if v, ok := f.lowerFused(x); ok { // lowerfused.go
		return v
	}
	vs := f.seq([]ast.Expr{x.Left, x.Comparators[0]}, f.value)
	r := f.cmp(x.Ops[0], vs[0], vs[1], x.Left, x.Comparators[0], x)
	r.typ = boolType
	if len(x.Ops) == 1 {
		return r
	}
	// a < b < c: b is evaluated once, c only when a < b.
	t := f.newTmp()
	f.emit(jen.Id(t).Op(":=").Add(r.code))
	prev, prevExpr := vs[1], x.Comparators[0]
	if !prev.atomic {
		prev = f.hoist(prev)
	}
	var nest func(i int) []jen.Code
	nest = func(i int) []jen.Code {
		f.push()
		next := f.value(x.Comparators[i])
		if !next.atomic {
			next = f.hoist(next)
		}
		c := f.cmp(x.Ops[i], prev, next, prevExpr, x.Comparators[i], x)
		f.emit(jen.Id(t).Op("=").Add(c.code))
		prev, prevExpr = next, x.Comparators[i]
		if i+1 < len(x.Ops) {
			inner := nest(i + 1)
			f.emit(jen.If(jen.Id(t)).Block(inner...))
		}
		return f.pop()
	}
	f.emit(jen.If(jen.Id(t)).Block(nest(1)...))
	return val{code: jen.Id(t), kind: kindBool, atomic: true, typ: boolType}
}

// boolOp is `a and b` / `a or b` as a value: the deciding operand.
func (f *fn) boolOp(x *ast.BoolOp) val {
	if len(x.Values) == 0 {
		f.refuse(x, "empty boolean operation")
	}
	first := f.value(x.Values[0])
	t := f.newTmp()
	f.emit(jen.Var().Id(t).Qual(pyvalPkg, "Value").Op("=").Add(first.code))
	typ := first.typ
	var nest func(i int) []jen.Code
	nest = func(i int) []jen.Code {
		f.push()
		v := f.value(x.Values[i])
		if x.Op == ast.Or && len(x.Values) == 2 && orDefaultType(typ, v.typ) {
			typ = v.typ // Optional[T] or T: a T either way (unvalidated_dataclass.go)
		}
		if !sameType(typ, v.typ) {
			typ = nil
		}
		f.emit(jen.Id(t).Op("=").Add(v.code))
		if i+1 < len(x.Values) {
			inner := nest(i + 1)
			f.emit(jen.If(boolTest(x.Op, jen.Id(t))).Block(inner...))
		}
		return f.pop()
	}
	if len(x.Values) > 1 {
		body := nest(1)
		f.emit(jen.If(boolTest(x.Op, jen.Id(t))).Block(body...))
	}
	return val{code: jen.Id(t), atomic: true, typ: typ}
}

// boolTest is the condition under which `and`/`or` goes on to the next operand.
func boolTest(op ast.BoolOpKind, v *jen.Statement) *jen.Statement {
	if op == ast.And {
		return q("Truthy").Call(v)
	}
	return jen.Op("!").Add(q("Truthy").Call(v))
}

// boolOpCond is `a and b` / `a or b` as a Go condition: && / || when the later operands
// need no statements.
func (f *fn) boolOpCond(x *ast.BoolOp) *jen.Statement {
	if len(x.Values) == 0 {
		f.refuse(x, "empty boolean operation")
	}
	first := f.cond(x.Values[0])
	conds := []*jen.Statement{first}
	pres := [][]jen.Code{nil}
	simple := true
	for _, v := range x.Values[1:] {
		f.push()
		c := f.cond(v)
		pre := f.pop()
		conds, pres = append(conds, c), append(pres, pre)
		simple = simple && len(pre) == 0
	}
	gop := "&&"
	if x.Op == ast.Or {
		gop = "||"
	}
	if simple {
		out := jen.Parens(conds[0])
		for _, c := range conds[1:] {
			out = out.Op(gop).Parens(c)
		}
		return jen.Parens(out)
	}
	t := f.newTmp()
	f.emit(jen.Id(t).Op(":=").Add(conds[0]))
	var nest func(i int) []jen.Code
	nest = func(i int) []jen.Code {
		body := append([]jen.Code{}, pres[i]...)
		body = append(body, jen.Id(t).Op("=").Add(conds[i]))
		if i+1 < len(conds) {
			body = append(body, jen.If(condTest(x.Op, t)).Block(nest(i+1)...))
		}
		return body
	}
	f.emit(jen.If(condTest(x.Op, t)).Block(nest(1)...))
	return jen.Id(t)
}

func condTest(op ast.BoolOpKind, t string) *jen.Statement {
	if op == ast.And {
		return jen.Id(t)
	}
	return jen.Op("!").Id(t)
}

func (f *fn) ifExp(x *ast.IfExp) val {
	c := f.cond(x.Test)
	t := f.newTmp()
	f.emit(jen.Var().Id(t).Qual(pyvalPkg, "Value"))
	f.push()
	a := f.value(x.Body)
	f.emit(jen.Id(t).Op("=").Add(a.code))
	body := f.pop()
	f.push()
	b := f.value(x.Orelse)
	f.emit(jen.Id(t).Op("=").Add(b.code))
	els := f.pop()
	f.emit(jen.If(c).Block(body...).Else().Block(els...))
	typ := a.typ
	if !sameType(a.typ, b.typ) {
		typ = nil
	}
	return val{code: jen.Id(t), atomic: true, typ: typ}
}

// listDisplay is [a, *b] or (a, *b).
func (f *fn) listDisplay(elts []ast.Expr, tuple bool) val {
	starred := false
	for _, e := range elts {
		if _, ok := e.(*ast.Starred); ok {
			starred = true
		}
	}
	typ := listType
	if tuple {
		typ = tupleType
	}
	if !starred {
		vs := f.seq(elts, f.value)
		items := make([]jen.Code, len(vs))
		for i, v := range vs {
			items[i] = v.code
		}
		if tuple {
			return val{code: q("Tuple").Values(items...), typ: typ}
		}
		if mt := commonModelType(vs); mt != nil {
			typ = listOf(mt) // a list of instances of one model: its items' fields are read
		}
		return val{code: q("NewList").Call(items...), typ: typ}
	}
	t := f.newTmp()
	f.emit(jen.Id(t).Op(":=").Add(q("NewList").Call()))
	for _, e := range elts {
		if s, ok := e.(*ast.Starred); ok {
			v := f.value(s.Value)
			f.errOnly(q("ListExtend").Call(jen.Id(t), v.code))
			continue
		}
		v := f.value(e)
		f.emit(jen.Id(t).Dot("Items").Op("=").Append(jen.Id(t).Dot("Items"), v.code))
	}
	if tuple {
		return val{code: q("Tuple").Call(jen.Id(t).Dot("Items")), atomic: true, typ: typ}
	}
	return val{code: jen.Id(t), atomic: true, typ: typ}
}

func isHashableLiteral(e ast.Expr) bool {
	c, ok := e.(*ast.Constant)
	if !ok {
		return false
	}
	switch c.Value.(type) {
	case ast.Str, *ast.Int, ast.Bool, ast.NoneValue, ast.Bytes, ast.Float:
		return true
	}
	return false
}

func (f *fn) dictDisplay(x *ast.Dict) val {
	unpack := false
	literalKeys := true
	for _, k := range x.Keys {
		if k == nil {
			unpack = true
		} else if !isHashableLiteral(k) {
			literalKeys = false
		}
	}
	if len(x.Keys) != len(x.Values) {
		f.refuse(x, "malformed dict display")
	}
	if !unpack {
		var exprs []ast.Expr
		for i, k := range x.Keys {
			exprs = append(exprs, k, x.Values[i])
		}
		vs := f.seq(exprs, f.value)
		items := make([]jen.Code, len(vs))
		for i, v := range vs {
			items[i] = v.code
		}
		if literalKeys {
			return val{code: q("DictOf").Call(items...), typ: dictType}
		}
		return f.callVal(q("NewDict").Call(items...), kindValue, dictType)
	}
	t := f.newTmp()
	f.emit(jen.Id(t).Op(":=").Add(q("DictOf").Call()))
	for i, k := range x.Keys {
		if k == nil {
			m := f.value(x.Values[i])
			f.errOnly(q("DictUpdate").Call(jen.Id(t), m.code))
			continue
		}
		vs := f.seq([]ast.Expr{k, x.Values[i]}, f.value)
		f.errOnly(jen.Id(t).Dot("Set").Call(vs[0].code, vs[1].code))
	}
	return val{code: jen.Id(t), atomic: true, typ: dictType}
}

// fstring compiles an f-string to a Go string expression.
func (f *fn) fstring(x *ast.JoinedStr) *jen.Statement {
	var parts []*jen.Statement
	for _, p := range x.Values {
		switch v := p.(type) {
		case *ast.Constant:
			s, ok := v.Value.(ast.Str)
			if !ok {
				f.refuse(v, "f-string part")
			}
			parts = append(parts, jen.Lit(string(s)))
		case *ast.FormattedValue:
			val := f.value(v.Value)
			spec := jen.Lit("")
			if v.FormatSpec != nil {
				js, ok := v.FormatSpec.(*ast.JoinedStr)
				if !ok {
					f.refuse(v.FormatSpec, "format specification")
				}
				if convByte(v.Conversion) == 0 && len(js.Values) > 0 {
					f.checkTemporalFormat(v, val.typ) // temporal.go
				}
				spec = f.fstring(js)
			}
			conv := jen.Lit(0)
			if c := convByte(v.Conversion); c != 0 {
				conv = jen.LitRune(rune(c))
			}
			r := f.callVal(q("FormatValue").Call(val.code, conv, spec), kindString, strType)
			parts = append(parts, r.code)
		default:
			f.refuse(p, "f-string part")
		}
	}
	if len(parts) == 0 {
		return jen.Lit("")
	}
	out := parts[0]
	for _, p := range parts[1:] {
		out = out.Clone().Op("+").Add(p)
	}
	return out
}

// isContainerType reports a list or dict static type (identity is exact for them).
func isContainerType(t *ir.Type) bool {
	return t != nil && (t.Kind == ir.KindList || t.Kind == ir.KindDict)
}
