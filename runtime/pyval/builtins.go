package pyval

import (
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode"
)

// ToInt is int(v).
func ToInt(v Value) (Value, error) {
	switch x := v.(type) {
	case Int:
		return x, nil
	case Bool:
		i, _ := asInt(x)
		return i, nil
	case Float:
		return truncFloat(float64(x))
	case Str:
		return parseIntLiteral(string(x), v)
	case Bytes:
		return parseIntLiteral(string(x), v)
	}
	if r, ok, err := extNumber('i', v); ok {
		return r, err
	}
	return nil, typeError("int() argument must be a string, a bytes-like object or a real number, not '%s'", v.TypeName())
}

// digitValue returns the decimal value of a Unicode decimal digit (category Nd).
func digitValue(r rune) (int, bool) {
	if r >= '0' && r <= '9' {
		return int(r - '0'), true
	}
	if r < 0x80 || !unicode.IsDigit(r) {
		return 0, false
	}
	start := r
	for unicode.IsDigit(start - 1) {
		start--
	}
	return int(r-start) % 10, true
}

// stripSpace strips Python whitespace from both ends.
func stripSpace(s string) string {
	v, _ := strStrip(s, nil, true, true, "strip")
	return string(v.(Str))
}

// normalizeDigits maps Unicode decimal digits to ASCII, keeping other characters.
func normalizeDigits(s string) string {
	if isASCII(s) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if d, ok := digitValue(r); ok {
			b.WriteByte(byte('0' + d))
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// cleanDigits checks "d(_?d)*" and returns the digits without underscores.
func cleanDigits(s string) (string, bool) {
	if s == "" || s[0] == '_' || s[len(s)-1] == '_' {
		return "", false
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			b.WriteByte(c)
		case c == '_' && s[i+1] != '_':
		default:
			return "", false
		}
	}
	return b.String(), true
}

func parseIntLiteral(raw string, orig Value) (Value, error) {
	s := normalizeDigits(stripSpace(raw))
	bad := func() error {
		return valueError("invalid literal for int() with base 10: " + reprString(orig))
	}
	neg := false
	if s != "" && (s[0] == '+' || s[0] == '-') {
		neg = s[0] == '-'
		s = s[1:]
	}
	d, ok := cleanDigits(s)
	if !ok {
		return nil, bad()
	}
	if len(d) > maxStrDigits {
		return nil, valueError("Exceeds the limit (4300 digits) for integer string conversion: value has " + strconv.Itoa(len(d)) + " digits; use sys.set_int_max_str_digits() to increase the limit")
	}
	if len(d) <= 18 {
		n, _ := strconv.ParseInt(d, 10, 64)
		if neg {
			n = -n
		}
		return Int{small: n}, nil
	}
	b, _ := new(big.Int).SetString(d, 10)
	if neg {
		b.Neg(b)
	}
	return bigInt(b), nil
}

// ToFloat is float(v).
func ToFloat(v Value) (Value, error) {
	switch x := v.(type) {
	case Float:
		return x, nil
	case Int:
		f, err := intToFloat(x)
		if err != nil {
			return nil, err
		}
		return Float(f), nil
	case Bool:
		if x {
			return Float(1), nil
		}
		return Float(0), nil
	case Str, Bytes:
		var raw string
		if s, ok := x.(Str); ok {
			raw = string(s)
		} else {
			raw = string(x.(Bytes))
		}
		f, ok := parseFloatLiteral(raw)
		if !ok {
			return nil, valueError("could not convert string to float: " + reprString(v))
		}
		return Float(f), nil
	}
	if r, ok, err := extNumber('f', v); ok {
		return r, err
	}
	return nil, typeError("float() argument must be a string or a real number, not '%s'", v.TypeName())
}

func parseFloatLiteral(raw string) (float64, bool) {
	s := normalizeDigits(stripSpace(raw))
	if !isASCII(s) || s == "" {
		return 0, false
	}
	sign := 1.0
	body := s
	if body[0] == '+' || body[0] == '-' {
		if body[0] == '-' {
			sign = -1
		}
		body = body[1:]
	}
	switch strings.ToLower(body) {
	case "inf", "infinity":
		return math.Inf(int(sign)), true
	case "nan":
		return math.Copysign(math.NaN(), sign), true
	}
	// digitpart [. [digitpart]] [exp] | . digitpart [exp]
	mant, exp := body, ""
	if k := strings.IndexAny(body, "eE"); k >= 0 {
		mant, exp = body[:k], body[k+1:]
		if exp == "" {
			return 0, false
		}
		if exp[0] == '+' || exp[0] == '-' {
			d, ok := cleanDigits(exp[1:])
			if !ok {
				return 0, false
			}
			exp = exp[:1] + d
		} else {
			d, ok := cleanDigits(exp)
			if !ok {
				return 0, false
			}
			exp = d
		}
	}
	ip, fp, hasDot := strings.Cut(mant, ".")
	if ip == "" && fp == "" {
		return 0, false
	}
	var ok bool
	if ip != "" {
		if ip, ok = cleanDigits(ip); !ok {
			return 0, false
		}
	}
	if fp != "" {
		if fp, ok = cleanDigits(fp); !ok {
			return 0, false
		}
	}
	lit := ip
	if hasDot {
		lit += "." + fp
	}
	if exp != "" {
		lit += "e" + exp
	}
	f, err := strconv.ParseFloat(lit, 64)
	if err != nil {
		if ne, isNum := err.(*strconv.NumError); !isNum || ne.Err != strconv.ErrRange {
			return 0, false
		}
	}
	return sign * f, true
}

// ToBool is bool(v).
func ToBool(v Value) Bool { return Bool(Truthy(v)) }

// Abs is abs(v).
func Abs(v Value) (Value, error) {
	switch x := v.(type) {
	case Int:
		if x.Sign() < 0 {
			return intNeg(x), nil
		}
		return x, nil
	case Bool:
		i, _ := asInt(x)
		return i, nil
	case Float:
		return Float(math.Abs(float64(x))), nil
	}
	if r, ok, err := extUnary('a', v); ok {
		return r, err
	}
	return nil, typeError("bad operand type for abs(): '%s'", tpName(v))
}

// Min is min(*args) (one argument: min(iterable)); def is default= (nil: none).
func Min(args []Value, def Value) (Value, error) { return minMax(args, def, opLt, "min") }

// Max is max(*args); def is default= (nil: none).
func Max(args []Value, def Value) (Value, error) { return minMax(args, def, opGt, "max") }

func minMax(args []Value, def Value, op cmpOp, name string) (Value, error) {
	items := args
	switch len(args) {
	case 0:
		return nil, typeError(name + " expected at least 1 argument, got 0")
	case 1:
		var err error
		if items, err = Iterate(args[0]); err != nil {
			return nil, err
		}
	default:
		if def != nil {
			return nil, typeError("Cannot specify a default for " + name + "() with multiple positional arguments")
		}
	}
	if len(items) == 0 {
		if def != nil {
			return def, nil
		}
		return nil, valueError(name + "() arg is an empty sequence")
	}
	best := items[0]
	for _, it := range items[1:] {
		better, err := order(it, best, op)
		if err != nil {
			return nil, err
		}
		if better {
			best = it
		}
	}
	return best, nil
}

// Sum is sum(iterable, start) (start nil: 0), adding left to right as CPython 3.11 does.
func Sum(iterable, start Value) (Value, error) {
	if start == nil {
		start = Int{}
	}
	switch start.(type) {
	case Str:
		return nil, typeError("sum() can't sum strings [use ''.join(seq) instead]")
	case Bytes:
		return nil, typeError("sum() can't sum bytes [use b''.join(seq) instead]")
	}
	items, err := Iterate(iterable)
	if err != nil {
		return nil, err
	}
	acc := start
	for _, it := range items {
		if acc, err = Add(acc, it); err != nil {
			return nil, err
		}
	}
	return acc, nil
}

// Round is round(v) (no ndigits).
func Round(v Value) (Value, error) {
	switch x := v.(type) {
	case Int:
		return x, nil
	case Bool:
		i, _ := asInt(x)
		return i, nil
	case Float:
		return floatRound(float64(x))
	}
	if r, ok, err := extRound(v, nil); ok {
		return r, err
	}
	return nil, typeError("type %s doesn't define __round__ method", tpName(v))
}

// IsInstance is isinstance(v, types): types are builtin type names ("int", "str",
// "NoneType"...); int includes bool.
func IsInstance(v Value, types ...string) bool {
	tn := v.TypeName()
	if _, ok := v.(Model); ok {
		tn = ""
	}
	for _, t := range types {
		if t == tn || t == "int" && tn == "bool" || t == "object" {
			return true
		}
	}
	return false
}
