package literal

import (
	"math"
	"strconv"
	"strings"

	"github.com/covetpy/covetgen/parser/ast"
)

// maxStrDigits is CPython's default sys.get_int_max_str_digits(): decimal literals with more
// digits fail to convert.
const maxStrDigits = 4300

// Number converts a NUMBER token text to *ast.Int, ast.Float or ast.Complex (an imaginary
// literal), as CPython's parsenumber does: underscores are dropped, integers are exact in any
// base, floats are correctly rounded and overflow to inf. A decimal integer of more than 4300
// digits gives CPython's SyntaxError message (Offset 0; CPython reports it at the token's line
// with no column).
func Number(lit string) (ast.Value, *Error) {
	if !validNumber(lit) {
		return nil, &Error{0, "invalid number literal " + strconv.Quote(lit)}
	}
	s := lit
	if strings.IndexByte(s, '_') >= 0 {
		s = strings.ReplaceAll(s, "_", "")
	}
	last := s[len(s)-1]
	if last == 'j' || last == 'J' {
		return ast.Complex(parseFloat(s[:len(s)-1])), nil
	}
	if len(s) > 1 && s[0] == '0' {
		base := 0
		switch s[1] {
		case 'x', 'X':
			base = 16
		case 'o', 'O':
			base = 8
		case 'b', 'B':
			base = 2
		}
		if base != 0 {
			v := new(ast.Int)
			v.SetString(s[2:], base)
			return v, nil
		}
	}
	if strings.IndexAny(s, ".eE") >= 0 {
		return ast.Float(parseFloat(s)), nil
	}
	// A decimal integer; "000" is zero whatever its length (CPython's strtoul path).
	if strings.Trim(s, "0") == "" {
		return new(ast.Int), nil
	}
	if len(s) > maxStrDigits {
		return nil, &Error{0, "Exceeds the limit (4300 digits) for integer string conversion: value has " +
			strconv.Itoa(len(s)) + " digits; use sys.set_int_max_str_digits() to increase the limit" +
			" - Consider hexadecimal for huge integer literals to avoid decimal conversion limits."}
	}
	v := new(ast.Int)
	if len(s) <= 18 {
		n, _ := strconv.ParseInt(s, 10, 64)
		v.SetInt64(n)
		return v, nil
	}
	v.SetString(s, 10)
	return v, nil
}

// parseFloat parses a validated decimal float literal without underscores, correctly
// rounded; out-of-range values become +inf or 0 as in CPython.
//
// strconv.ParseFloat is not used on the text as is: its exact fallback keeps 800 digits and
// loses track of the decimal point for longer digit strings without a '.' ("1" followed by
// 1000 zeros, "e-1000", parses as 1e-201). The digits are first reduced to at most 780
// significant ones (a final sticky 1 standing for any dropped non-zero digits, which keeps the
// rounding exact) and the exponent is clamped.
func parseFloat(s string) float64 {
	if len(s) <= 100 {
		// Short texts are safe from the long-digit-string bug.
		f, err := strconv.ParseFloat(s, 64)
		if err == nil || err.(*strconv.NumError).Err == strconv.ErrRange {
			return f
		}
	}
	mant, exp := s, ""
	if i := strings.IndexAny(s, "eE"); i >= 0 {
		mant, exp = s[:i], s[i+1:]
	}
	intPart, frac, _ := strings.Cut(mant, ".")
	// value = 0.digits × 10**point
	digits := intPart + frac
	point := int64(len(intPart))
	n := len(digits)
	digits = strings.TrimLeft(digits, "0")
	point -= int64(n - len(digits))
	digits = strings.TrimRight(digits, "0")
	if digits == "" {
		return 0
	}
	if exp != "" {
		neg := false
		switch exp[0] {
		case '+':
			exp = exp[1:]
		case '-':
			neg = true
			exp = exp[1:]
		}
		e := int64(0)
		for i := 0; i < len(exp); i++ {
			if e < 1e12 {
				e = e*10 + int64(exp[i]-'0')
			}
		}
		if neg {
			e = -e
		}
		point += e
	}
	switch {
	case point > 310: // at least 10**309
		return math.Inf(1)
	case point < -330: // below 10**-330, under half the smallest subnormal
		return 0
	}
	const maxDigits = 780
	if len(digits) > maxDigits {
		digits = digits[:maxDigits-1] + "1"
	}
	f, err := strconv.ParseFloat(digits+"e"+strconv.FormatInt(point-int64(len(digits)), 10), 64)
	if err != nil {
		if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
			return f // +Inf on overflow
		}
		return math.NaN() // unreachable for validated literals
	}
	return f
}

// validNumber reports whether s is a Python 3.13 NUMBER token.
func validNumber(s string) bool {
	if s == "" {
		return false
	}
	if s[len(s)-1] == 'j' || s[len(s)-1] == 'J' {
		return validDecimalFloat(s[:len(s)-1], true)
	}
	if len(s) > 1 && s[0] == '0' {
		var ok func(byte) bool
		switch s[1] {
		case 'x', 'X':
			ok = func(c byte) bool { _, h := hexDigit(c); return h }
		case 'o', 'O':
			ok = func(c byte) bool { return '0' <= c && c <= '7' }
		case 'b', 'B':
			ok = func(c byte) bool { return c == '0' || c == '1' }
		}
		if ok != nil {
			// 0x, then digits each optionally preceded by one underscore.
			d := s[2:]
			if d == "" {
				return false
			}
			for i := 0; i < len(d); i++ {
				if d[i] == '_' {
					i++
					if i >= len(d) {
						return false
					}
				}
				if !ok(d[i]) {
					return false
				}
			}
			return true
		}
	}
	if strings.IndexAny(s, ".eE") >= 0 {
		return validDecimalFloat(s, false)
	}
	if !digitPart(s) {
		return false
	}
	// Non-zero decimal integers may not start with 0.
	return s[0] != '0' || strings.Trim(s, "0_") == ""
}

// digitPart reports whether s is digit (["_"] digit)*.
func digitPart(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] == '_' {
			if i == 0 || i == len(s)-1 || s[i-1] == '_' {
				return false
			}
			continue
		}
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// validDecimalFloat reports whether s is a float literal (or, with intOK, also a digitpart,
// as before the j of an imaginary literal).
func validDecimalFloat(s string, intOK bool) bool {
	mant, exp := s, ""
	hasExp := false
	if i := strings.IndexAny(s, "eE"); i >= 0 {
		hasExp = true
		mant, exp = s[:i], s[i+1:]
		if exp != "" && (exp[0] == '+' || exp[0] == '-') {
			exp = exp[1:]
		}
		if !digitPart(exp) {
			return false
		}
	}
	ip, fp, dot := strings.Cut(mant, ".")
	if !dot {
		return digitPart(ip) && (intOK || hasExp)
	}
	if ip == "" && fp == "" {
		return false
	}
	return (ip == "" || digitPart(ip)) && (fp == "" || digitPart(fp))
}
