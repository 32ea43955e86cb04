package validate

import (
	"math/big"
	"strconv"
	"strings"

	"github.com/covetpy/covetgen/runtime/pyjson"
)

// Decimal is a decimal.Decimal: (-1)^neg × coef × 10^exp, or a special.
type Decimal struct {
	neg     bool
	coef    string // decimal digits without leading zeros ("0" for zero); NaN payload
	exp     int64
	special decSpecial
}

type decSpecial uint8

const (
	decFinite decSpecial = iota
	decInf
	decNaN
	decSNaN
)

const (
	msgDecimalType    = "Decimal input should be an integer, float, string or Decimal object"
	msgDecimalParsing = "Input should be a valid decimal"
)

// ParseDecimal is Decimal(str): surrounding whitespace stripped, underscores
// between digits allowed, Inf/Infinity/NaN/sNaN in any case.
func ParseDecimal(s string) (Decimal, bool) {
	if d, ok := parseDecimalPlain(s); ok {
		return d, true
	}
	s = pyStrip(s)
	var d Decimal
	if s != "" && (s[0] == '+' || s[0] == '-') {
		d.neg = s[0] == '-'
		s = s[1:]
	}
	low := strings.ToLower(s)
	switch {
	case low == "inf" || low == "infinity":
		d.special = decInf
		return d, true
	case strings.HasPrefix(low, "nan") || strings.HasPrefix(low, "snan"):
		d.special = decNaN
		payload := s[3:]
		if low[0] == 's' {
			d.special = decSNaN
			payload = s[4:]
		}
		for i := 0; i < len(payload); i++ {
			if payload[i] < '0' || payload[i] > '9' {
				return Decimal{}, false
			}
		}
		d.coef = strings.TrimLeft(payload, "0")
		return d, true
	}
	// CPython's C decimal drops every underscore ("_1", "1__0", "1e_2").
	s = strings.ReplaceAll(s, "_", "")
	i := 0
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	intPart := s[:i]
	frac := ""
	if i < len(s) && s[i] == '.' {
		j := i + 1
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		frac = s[i+1 : j]
		i = j
	}
	if intPart == "" && frac == "" {
		return Decimal{}, false
	}
	var exp int64
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		e, err := strconv.ParseInt(s[i+1:], 10, 64)
		if err != nil || s[i+1:] == "" || e > 999999999999999999 || e < -999999999999999999 {
			return Decimal{}, false
		}
		exp = e
		i = len(s)
	}
	if i != len(s) {
		return Decimal{}, false
	}
	d.coef = strings.TrimLeft(intPart+frac, "0")
	if d.coef == "" {
		d.coef = "0"
	}
	d.exp = exp - int64(len(frac))
	return d, true
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// parseDecimalPlain is ParseDecimal's fast path for the common
// "[-]digits[.digits]" form (no spaces, underscores, exponent or
// specials); ok is false for anything else.
func parseDecimalPlain(s string) (Decimal, bool) {
	var d Decimal
	if s != "" && s[0] == '-' {
		d.neg, s = true, s[1:]
	}
	dot := -1
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case isDigit(c):
		case c == '.' && dot < 0:
			dot = i
		default:
			return Decimal{}, false
		}
	}
	if s == "" || s == "." {
		return Decimal{}, false
	}
	digits := s
	if dot >= 0 {
		digits = s[:dot] + s[dot+1:]
		d.exp = -int64(len(s) - dot - 1)
	}
	d.coef = strings.TrimLeft(digits, "0")
	if d.coef == "" {
		d.coef = "0"
	}
	return d, true
}

// DecimalFromString coerces a parameter string.
func DecimalFromString(s string) (Decimal, *Error) {
	if d, ok := ParseDecimal(s); ok {
		return d, nil
	}
	return Decimal{}, newErr("decimal_parsing", msgDecimalParsing, s)
}

// DecimalFromJSON coerces a decoded value: ints exactly, floats via their
// repr (Decimal(str(f))), strings parsed; bools and others are decimal_type.
func DecimalFromJSON(v pyjson.Value) (Decimal, *Error) {
	var s string
	switch v.Kind() {
	case pyjson.KindInt:
		n, _ := IntFromJSON(v)
		s = n.String()
	case pyjson.KindFloat:
		f, _ := v.Float64()
		s = string(pyjson.AppendFloatRepr(nil, f))
	case pyjson.KindString:
		s = v.Str()
	default:
		return Decimal{}, newErr("decimal_type", msgDecimalType, v)
	}
	if d, ok := ParseDecimal(s); ok {
		return d, nil
	}
	return Decimal{}, newErr("decimal_parsing", msgDecimalParsing, v)
}

// IsFinite is Decimal.is_finite().
func (d Decimal) IsFinite() bool { return d.special == decFinite }

// String is str(Decimal) (to-scientific-string).
func (d Decimal) String() string {
	sign := ""
	if d.neg {
		sign = "-"
	}
	switch d.special {
	case decInf:
		return sign + "Infinity"
	case decNaN:
		return sign + "NaN" + d.coef
	case decSNaN:
		return sign + "sNaN" + d.coef
	}
	c := d.coef
	adjusted := d.exp + int64(len(c)) - 1
	if d.exp <= 0 && adjusted >= -6 {
		if d.exp == 0 {
			return sign + c
		}
		point := int64(len(c)) + d.exp
		if point > 0 {
			return sign + c[:point] + "." + c[point:]
		}
		return sign + "0." + strings.Repeat("0", int(-point)) + c
	}
	out := sign + c[:1]
	if len(c) > 1 {
		out += "." + c[1:]
	}
	out += "E"
	if adjusted >= 0 {
		out += "+"
	}
	return out + strconv.FormatInt(adjusted, 10)
}

// AppendJSON writes the Decimal as pydantic does: a JSON string of str(d).
func (d Decimal) AppendJSON(dst []byte) []byte {
	dst = append(dst, '"')
	dst = append(dst, d.String()...)
	return append(dst, '"')
}

// AppendInputJSON writes what FastAPI's jsonable_encoder makes of a
// Decimal: int when the exponent is >= 0, else float.
func (d Decimal) AppendInputJSON(dst []byte) ([]byte, error) {
	if d.special == decFinite && d.exp >= 0 {
		if d.coef != "0" && d.exp+int64(len(d.coef)) > 4300 {
			return dst, &pyjson.EncodeError{Msg: "Exceeds the limit (4300 digits) for integer string conversion"}
		}
		n, _ := new(big.Int).SetString(d.coef, 10)
		n.Mul(n, new(big.Int).Exp(big.NewInt(10), big.NewInt(d.exp), nil))
		if d.neg {
			n.Neg(n)
		}
		return pyjson.AppendBigInt(dst, n)
	}
	f, _ := strconv.ParseFloat(strings.Replace(strings.Replace(d.String(), "Infinity", "Inf", 1), "sNaN", "NaN", 1), 64)
	return pyjson.AppendFloat(dst, f)
}

// cmp compares finite or infinite decimals (not NaN).
func (d Decimal) cmp(o Decimal) int {
	inf := func(x Decimal) int {
		if x.special != decInf {
			return 0
		}
		if x.neg {
			return -1
		}
		return 1
	}
	a, b := inf(d), inf(o)
	if a != 0 || b != 0 {
		switch {
		case a < b:
			return -1
		case a > b:
			return 1
		}
		return 0
	}
	return cmpFinite(d, o)
}

// cmpFinite compares finite decimals without materialising huge powers of
// ten: signs, then adjusted exponents, then aligned coefficients.
func cmpFinite(d, o Decimal) int {
	sd, so := d.sign(), o.sign()
	if sd != so {
		if sd < so {
			return -1
		}
		return 1
	}
	if sd == 0 {
		return 0
	}
	ad, ao := d.exp+int64(len(d.coef)), o.exp+int64(len(o.coef))
	r := 0
	switch {
	case ad < ao:
		r = -1
	case ad > ao:
		r = 1
	default: // same magnitude: pad the shorter coefficient with zeros
		a, b := d.coef, o.coef
		if len(a) < len(b) {
			a += strings.Repeat("0", len(b)-len(a))
		} else {
			b += strings.Repeat("0", len(a)-len(b))
		}
		r = strings.Compare(a, b)
	}
	return r * sd
}

func (d Decimal) sign() int {
	switch {
	case d.coef == "0":
		return 0
	case d.neg:
		return -1
	}
	return 1
}

// isMultiple reports whether d/m is an integer, exactly.
func isMultiple(d, m Decimal) bool {
	if d.coef == "0" {
		return true
	}
	cd, _ := new(big.Int).SetString(d.coef, 10)
	cm, _ := new(big.Int).SetString(m.coef, 10)
	k := d.exp - m.exp
	if k >= 0 {
		// Divisibility of cd*10^k by cm is settled once 10^k holds every
		// factor 2 and 5 of cm.
		k = min(k, int64(4*len(m.coef)+8))
		cd.Mul(cd, new(big.Int).Exp(big.NewInt(10), big.NewInt(k), nil))
		return new(big.Int).Rem(cd, cm).Sign() == 0
	}
	if -k > int64(len(d.coef)+1) {
		return false // cm*10^-k exceeds cd
	}
	cm.Mul(cm, new(big.Int).Exp(big.NewInt(10), big.NewInt(-k), nil))
	return new(big.Int).Rem(cd, cm).Sign() == 0
}

// digitsInfo is pydantic-core's extract_decimal_digits_info.
func (d Decimal) digitsInfo() (decimals, digits int64) {
	digits = int64(len(d.coef))
	if d.exp >= 0 {
		return 0, digits + d.exp
	}
	decimals = -d.exp
	return decimals, max(digits, decimals)
}

// normalize is Decimal.normalize() in the default context (28 digits).
func (d Decimal) normalize() Decimal {
	if d.special != decFinite {
		return d
	}
	if d.coef == "0" {
		return Decimal{neg: d.neg, coef: "0"}
	}
	c, e := d.coef, d.exp
	if len(c) > 28 { // round half even to 28 digits
		drop := len(c) - 28
		n, _ := new(big.Int).SetString(c, 10)
		p := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(drop)), nil)
		q, r := new(big.Int).QuoRem(n, p, new(big.Int))
		half := new(big.Int).Rsh(p, 1)
		if cmp := r.Cmp(half); cmp > 0 || cmp == 0 && q.Bit(0) == 1 {
			q.Add(q, big.NewInt(1))
		}
		c, e = q.String(), e+int64(drop)
	}
	t := strings.TrimRight(c, "0")
	e += int64(len(c) - len(t))
	return Decimal{neg: d.neg, coef: t, exp: e}
}

// DecimalConstraints are the Decimal field options.
type DecimalConstraints struct {
	MaxDigits, DecimalPlaces   *int
	Gt, Ge, Lt, Le, MultipleOf *Decimal
	AllowInfNan                bool
}

// Check validates d in pydantic-core's order.
func (c *DecimalConstraints) Check(d Decimal, input any) *Error {
	checkDigits := c.MaxDigits != nil || c.DecimalPlaces != nil
	if !c.AllowInfNan || checkDigits {
		if !d.IsFinite() {
			return newErr("finite_number", msgFiniteNumber, input)
		}
	}
	if checkDigits {
		nDec, nDig := d.normalize().digitsInfo()
		dec, dig := d.digitsInfo()
		if m := c.MaxDigits; m != nil && dig > int64(*m) && nDig > int64(*m) {
			return newErr("decimal_max_digits", "Decimal input should have no more than "+strconv.Itoa(*m)+" digit"+plural(*m)+" in total",
				input, CtxItem{"max_digits", *m})
		}
		if p := c.DecimalPlaces; p != nil {
			if dec > int64(*p) && nDec > int64(*p) {
				return newErr("decimal_max_places", "Decimal input should have no more than "+strconv.Itoa(*p)+" decimal place"+plural(*p),
					input, CtxItem{"decimal_places", *p})
			}
			if m := c.MaxDigits; m != nil {
				w := max(int64(*m)-int64(*p), 0)
				if max(dig-dec, 0) > w && max(nDig-nDec, 0) > w {
					return newErr("decimal_whole_digits", "Decimal input should have no more than "+strconv.FormatInt(w, 10)+" digit"+plural(int(w))+" before the decimal point",
						input, CtxItem{"whole_digits", w})
				}
			}
		}
	}
	isNaN := d.special == decNaN || d.special == decSNaN
	if m := c.MultipleOf; m != nil {
		ok := false
		if d.IsFinite() && m.IsFinite() && m.coef != "0" {
			ok = isMultiple(d, *m)
		}
		if !ok {
			return newErr("multiple_of", "Input should be a multiple of "+m.String(), input, CtxItem{"multiple_of", *m})
		}
	}
	if b := c.Le; b != nil && (isNaN || d.cmp(*b) > 0) {
		return newErr("less_than_equal", "Input should be less than or equal to "+b.String(), input, CtxItem{"le", *b})
	}
	if b := c.Lt; b != nil && (isNaN || d.cmp(*b) >= 0) {
		return newErr("less_than", "Input should be less than "+b.String(), input, CtxItem{"lt", *b})
	}
	if b := c.Ge; b != nil && (isNaN || d.cmp(*b) < 0) {
		return newErr("greater_than_equal", "Input should be greater than or equal to "+b.String(), input, CtxItem{"ge", *b})
	}
	if b := c.Gt; b != nil && (isNaN || d.cmp(*b) <= 0) {
		return newErr("greater_than", "Input should be greater than "+b.String(), input, CtxItem{"gt", *b})
	}
	return nil
}
