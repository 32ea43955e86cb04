package translate

import (
	"math/big"

	"github.com/covetpy/covetgen/parser/ast"
	jen "github.com/dave/jennifer/jen"
)

// More conditions of translated str field validators (StrFieldValidator): predicates of
// str expressions derived from the value. A str expression is the value, a slice of one
// with int literal bounds (`v[:2]`, `v[-4:]`), or a chain of strTransforms calls on one;
// its predicates are
//
//	<s>.isalpha()  <s>.isdecimal()  <s>.isascii()  <s>.startswith("lit")  <s>.endswith("lit")
//	len(<s>) <op> <int literal>   (<, <=, >, >=, ==, !=)
//	<s>                           (truthiness: non-empty; a slice or a transform of the value)
//
// none of which can raise. Indexing (`v[0]`, which raises IndexError on "") is refused.

// strPredicates are the argumentless str predicates translated (runtime/pyval StrIs).
var strPredicates = map[string]bool{"isalpha": true, "isdecimal": true, "isascii": true}

// condMore translates the conditions of this file; e is refused when it is none of them.
func (vt *valTr) condMore(e ast.Expr) (jen.Code, error) {
	switch x := e.(type) {
	case *ast.Call:
		if at, ok := x.Func.(*ast.Attribute); ok && len(x.Keywords) == 0 {
			s, err := vt.strExpr(at.Value)
			if err != nil {
				return nil, err
			}
			switch {
			case strPredicates[at.Attr] && len(x.Args) == 0:
				return jen.Qual(pyvalPkg, "StrIs").Call(s, jen.Lit(at.Attr)), nil
			case (at.Attr == "startswith" || at.Attr == "endswith") && len(x.Args) == 1:
				lit, ok := strLit(x.Args[0])
				if !ok {
					return nil, vt.refuse(x.Args[0], "argument of %s other than a string literal", at.Attr)
				}
				fn := "HasPrefix"
				if at.Attr == "endswith" {
					fn = "HasSuffix"
				}
				return jen.Qual("strings", fn).Call(s, jen.Lit(lit)), nil
			}
		}
	case *ast.Compare:
		if len(x.Ops) != 1 {
			break
		}
		n, ok := intLitValue(x.Comparators[0])
		l, isLen := x.Left.(*ast.Call)
		if !ok || !isLen || len(l.Args) != 1 || len(l.Keywords) > 0 {
			break
		}
		if f, ok := l.Func.(*ast.Name); !ok || f.Id != "len" {
			break
		}
		ops := map[ast.CmpOp]string{ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=", ast.Eq: "==", ast.NotEq: "!="}
		op, ok := ops[x.Ops[0]]
		if !ok {
			break
		}
		s, err := vt.strExpr(l.Args[0])
		if err != nil {
			return nil, err
		}
		return jen.Qual(pyvalPkg, "StrLen").Call(s).Op(op).Lit(n), nil
	case *ast.Subscript:
		s, err := vt.strExpr(x)
		if err != nil {
			return nil, err
		}
		return jen.Add(s).Op("!=").Lit(""), nil
	}
	if c, ok := e.(*ast.Call); ok {
		if at, isAttr := c.Func.(*ast.Attribute); isAttr && isStrTransform(at.Attr) {
			// Truthiness of a transformed value: v.strip()
			if s, err := vt.strExpr(e); err == nil {
				return jen.Add(s).Op("!=").Lit(""), nil
			}
		}
	}
	return nil, vt.refuse(e, "validator condition")
}

// strExpr is the Go string expression of a str expression of the value.
func (vt *valTr) strExpr(e ast.Expr) (jen.Code, error) {
	switch x := e.(type) {
	case *ast.Name:
		if vt.isParam(x) {
			return jen.Id("v"), nil
		}
	case *ast.Subscript:
		sl, ok := x.Slice.(*ast.Slice)
		if !ok || sl.Step != nil {
			break
		}
		inner, err := vt.strExpr(x.Value)
		if err != nil {
			return nil, err
		}
		bound := func(b ast.Expr) (jen.Code, bool) {
			if b == nil {
				return jen.Nil(), true
			}
			n, ok := intLitValue(b)
			if !ok {
				return nil, false
			}
			return jen.Qual(pyvalPkg, "IntOf").Call(jen.Lit(n)), true
		}
		lo, ok1 := bound(sl.Lower)
		hi, ok2 := bound(sl.Upper)
		if !ok1 || !ok2 {
			return nil, vt.refuse(x, "slice bounds other than int literals")
		}
		return jen.Qual(pyvalPkg, "StrSlice").Call(inner, lo, hi), nil
	case *ast.Call:
		at, ok := x.Func.(*ast.Attribute)
		if !ok {
			break
		}
		n, known := strTransforms[at.Attr]
		if !known || len(x.Keywords) > 0 || len(x.Args) < n[0] || len(x.Args) > n[1] {
			break
		}
		inner, err := vt.strExpr(at.Value)
		if err != nil {
			return nil, err
		}
		args := []jen.Code{inner, jen.Lit(at.Attr)}
		for _, a := range x.Args {
			lit, ok := strLit(a)
			if !ok {
				return nil, vt.refuse(a, "argument of %s other than a string literal", at.Attr)
			}
			args = append(args, jen.Qual(pyvalPkg, "Str").Call(jen.Lit(lit)))
		}
		return jen.Qual(pyvalPkg, "StrMethod").Call(args...), nil
	}
	return nil, vt.refuse(e, "str expression in a validator (only %s, slices of it with int literal bounds, or str methods of it)", vt.param)
}

// intLitValue is the value of an int literal, possibly negated, that fits an int64.
func intLitValue(e ast.Expr) (int64, bool) {
	neg := false
	if u, ok := e.(*ast.UnaryOp); ok && u.Op == ast.USub {
		neg, e = true, u.Operand
	}
	c, ok := e.(*ast.Constant)
	if !ok {
		return 0, false
	}
	var b *big.Int
	switch v := c.Value.(type) {
	case *ast.Int:
		b = new(big.Int).Set(&v.Int)
	default:
		return 0, false
	}
	if neg {
		b.Neg(b)
	}
	if !b.IsInt64() {
		return 0, false
	}
	return b.Int64(), true
}

// isStrTransform reports a method of strTransforms.
func isStrTransform(name string) bool {
	_, ok := strTransforms[name]
	return ok
}
