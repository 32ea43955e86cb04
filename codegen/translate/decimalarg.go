package translate

// Decimal("120.50") given to a Decimal field of a model construction.
//
// pydantic validates a Decimal field (lax mode) from a str by parsing it as Decimal does:
// Model(total=Decimal("120.50")) and Model(total="120.50") build equal instances (the
// same digits and exponent, serialized alike). The translation passes the string to
// the generated constructor instead of building a Decimal, when the literal is plain
// ([+-]digits[.digits]) and certain to satisfy the field's constraints (only max_digits
// and decimal_places, checked here on the literal): the construction then never fails
// either way (a failure would report the input, a str instead of a Decimal). Module
// state built at init from such constructions (INVOICES = {"inv-1": Invoice(...,
// total=Decimal("120.50"))}) then lives in Go.

import (
	"regexp"
	"strings"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
)

// plainDecimal is a literal both Decimal() and pydantic's str validation read alike.
var plainDecimal = regexp.MustCompile(`^[+-]?[0-9]+(\.[0-9]+)?$`)

// decimalLiterals returns c, or a copy of it whose keyword arguments Decimal("literal")
// given to a Decimal field of m are the string literals (see above).
func (f *fn) decimalLiterals(m *ir.Model, c *ast.Call) *ast.Call {
	var kws []*ast.Keyword
	for i, k := range c.Keywords {
		lit, ok := f.decimalLiteralArg(m, k)
		if !ok {
			continue
		}
		if kws == nil {
			kws = append([]*ast.Keyword(nil), c.Keywords...)
		}
		nk := *k
		nk.Value = lit
		kws[i] = &nk
	}
	if kws == nil {
		return c
	}
	nc := *c
	nc.Keywords = kws
	return &nc
}

// decimalLiteralArg is the string constant standing for k's value, when k gives
// Decimal("literal") to a Decimal field of m the literal certainly satisfies.
func (f *fn) decimalLiteralArg(m *ir.Model, k *ast.Keyword) (ast.Expr, bool) {
	if k == nil || k.Arg == nil || m.Config.Strict {
		return nil, false
	}
	call, ok := k.Value.(*ast.Call)
	if !ok || len(call.Args) != 1 || len(call.Keywords) != 0 || !f.isDecimalClass(call.Func) {
		return nil, false
	}
	s, ok := constStr(call.Args[0])
	if !ok || !plainDecimal.MatchString(s) {
		return nil, false
	}
	fd := m.Field(*k.Arg)
	if fd == nil || !decimalFieldType(fd.Type) || !decimalWithin(s, fd.Info.Constraints) {
		return nil, false
	}
	return call.Args[0], true
}

// isDecimalClass reports a name bound to decimal.Decimal (from decimal import Decimal).
func (f *fn) isDecimalClass(e ast.Expr) bool {
	n, ok := e.(*ast.Name)
	if !ok {
		return false
	}
	if _, comp := f.compVars[n.Id]; comp {
		return false
	}
	b := f.localImports[n.Id]
	if b == nil {
		if f.locals[n.Id] != nil {
			return false
		}
		b = f.mi.binds[n.Id]
	}
	return b != nil && b.kind == bImportFrom && b.target == "decimal" && b.attr == "Decimal"
}

// decimalFieldType reports Decimal or Optional[Decimal] (a str validates as the Decimal).
func decimalFieldType(t *ir.Type) bool {
	if t == nil {
		return false
	}
	if t.Kind == ir.KindDecimal {
		return true
	}
	if !t.IsOptional() {
		return false
	}
	for _, a := range t.Args {
		if a.Kind != ir.KindNone && a.Kind != ir.KindDecimal {
			return false
		}
	}
	return true
}

// decimalWithin reports whether the plain literal s satisfies the constraints c, which
// may only be max_digits and decimal_places (counted on the literal as written: at
// least as many as pydantic counts).
func decimalWithin(s string, c ir.Constraints) bool {
	rest := c
	rest.MaxDigits, rest.DecimalPlaces = nil, nil
	if !rest.IsZero() {
		return false
	}
	s = strings.TrimLeft(s, "+-")
	whole, frac, _ := strings.Cut(s, ".")
	digits := len(strings.TrimLeft(whole, "0")) + len(frac)
	if digits == 0 {
		digits = 1
	}
	if c.MaxDigits != nil && digits > *c.MaxDigits {
		return false
	}
	if c.DecimalPlaces != nil && len(frac) > *c.DecimalPlaces {
		return false
	}
	return true
}
