package pyval

import (
	"math"
	"math/big"
	"strconv"
	"strings"

	"github.com/covetpy/covetgen/runtime/validate"
)

// Decimal arithmetic under Python's default decimal context: 28 significant digits,
// ROUND_HALF_EVEN, Emax 999999, Emin -999999. Operations on finite decimals are exact
// CPython; an operand that is an infinity or a NaN raises "UnsupportedOperation" (a
// translated body never builds one from a constant; one parsed from a request string
// would need the special-value rules, which are not modelled), as does a result whose
// exponent leaves the context's range.

// decPrec is the default context's precision.
const decPrec = 28

// decNum is a finite decimal: (-1)**neg * coef * 10**exp.
type decNum struct {
	neg  bool
	coef *big.Int // >= 0
	exp  int64
}

var (
	bigTen  = big.NewInt(10)
	bigFive = big.NewInt(5)
)

// pow10 is 10**n (n >= 0).
func pow10(n int64) *big.Int { return new(big.Int).Exp(bigTen, big.NewInt(n), nil) }

// decOf decomposes a finite Decimal; ok is false for an infinity or a NaN.
func decOf(d Decimal) (decNum, bool) {
	if !validate.Decimal(d).IsFinite() {
		return decNum{}, false
	}
	s := validate.Decimal(d).String()
	var n decNum
	if strings.HasPrefix(s, "-") {
		n.neg, s = true, s[1:]
	}
	var e int64
	if i := strings.IndexByte(s, 'E'); i >= 0 {
		e, _ = strconv.ParseInt(s[i+1:], 10, 64)
		s = s[:i]
	}
	if i := strings.IndexByte(s, '.'); i >= 0 {
		e -= int64(len(s) - i - 1)
		s = s[:i] + s[i+1:]
	}
	n.coef, _ = new(big.Int).SetString(s, 10)
	n.exp = e
	return n, true
}

// decimal builds the Decimal of n (no rounding).
func (n decNum) decimal() Decimal {
	s := n.coef.String() + "E" + strconv.FormatInt(n.exp, 10)
	if n.neg {
		s = "-" + s
	}
	d, _ := validate.ParseDecimal(s)
	return Decimal(d)
}

// decFromInt is Decimal(i), exact.
func decFromInt(i Int) decNum {
	b := new(big.Int).Set(i.Big())
	n := decNum{neg: b.Sign() < 0, exp: 0}
	n.coef = b.Abs(b)
	return n
}

// decFromFloat is Decimal(f): the exact binary value.
func decFromFloat(f float64) (decNum, bool) {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return decNum{}, false
	}
	neg := math.Signbit(f)
	f = math.Abs(f)
	mant, e := math.Frexp(f) // f = mant * 2**e, 0.5 <= mant < 1
	m := int64(mant * (1 << 53))
	e -= 53
	for m != 0 && m%2 == 0 {
		m /= 2
		e++
	}
	c := big.NewInt(m)
	if e >= 0 {
		return decNum{neg: neg, coef: c.Lsh(c, uint(e)), exp: 0}, true
	}
	// m / 2**-e = m * 5**-e / 10**-e
	c.Mul(c, new(big.Int).Exp(bigFive, big.NewInt(int64(-e)), nil))
	return decNum{neg: neg, coef: c, exp: int64(e)}, true
}

// digits is the number of decimal digits of c (1 for 0).
func digits(c *big.Int) int64 {
	if c.Sign() == 0 {
		return 1
	}
	return int64(len(c.String()))
}

// roundMode names decimal's rounding modes.
type roundMode string

const (
	decHalfEven roundMode = "ROUND_HALF_EVEN"
	decHalfUp   roundMode = "ROUND_HALF_UP"
	decHalfDown roundMode = "ROUND_HALF_DOWN"
	decDown     roundMode = "ROUND_DOWN"
	decUp       roundMode = "ROUND_UP"
	decFloor    roundMode = "ROUND_FLOOR"
	decCeiling  roundMode = "ROUND_CEILING"
	dec05Up     roundMode = "ROUND_05UP"
)

// IsRoundingMode reports whether name is one of the decimal module's ROUND_* constants.
func IsRoundingMode(name string) bool {
	switch roundMode(name) {
	case decHalfEven, decHalfUp, decHalfDown, decDown, decUp, decFloor, decCeiling, dec05Up:
		return true
	}
	return false
}

// shiftRound drops k > 0 low digits of n's coefficient, rounding by mode.
func (n decNum) shiftRound(k int64, mode roundMode) decNum {
	div := pow10(k)
	q, r := new(big.Int).QuoRem(n.coef, div, new(big.Int))
	up := false
	if r.Sign() != 0 {
		half := new(big.Int).Mul(r, big.NewInt(2)).Cmp(div) // sign of r - div/2
		switch mode {
		case decHalfEven:
			up = half > 0 || half == 0 && q.Bit(0) == 1
		case decHalfUp:
			up = half >= 0
		case decHalfDown:
			up = half > 0
		case decDown:
		case decUp:
			up = true
		case decFloor:
			up = n.neg
		case decCeiling:
			up = !n.neg
		case dec05Up:
			last := new(big.Int).Mod(q, bigTen).Int64()
			up = last == 0 || last == 5
		}
	}
	if up {
		q.Add(q, big.NewInt(1))
	}
	return decNum{neg: n.neg, coef: q, exp: n.exp + k}
}

// fix rounds n to the context's precision (ROUND_HALF_EVEN) and checks its exponent.
func (n decNum) fix() (decNum, error) {
	if d := digits(n.coef); d > decPrec {
		n = n.shiftRound(d-decPrec, decHalfEven)
		if digits(n.coef) > decPrec { // 999...9 rounded up
			n = n.shiftRound(1, decHalfEven)
		}
	}
	adj := n.exp + digits(n.coef) - 1
	if n.coef.Sign() != 0 && (adj > 999999 || adj < -999999) {
		return decNum{}, raise("UnsupportedOperation", "decimal result out of the default context's exponent range")
	}
	if n.coef.Sign() == 0 && (n.exp > 999999-decPrec+1 || n.exp < -999999-decPrec+1) {
		return decNum{}, raise("UnsupportedOperation", "decimal result out of the default context's exponent range")
	}
	return n, nil
}

func unsupportedDecimal() error {
	return raise("UnsupportedOperation", "arithmetic on a Decimal infinity or NaN")
}

// decOperand converts an arithmetic operand: Decimal, int or bool; ok false otherwise.
func decOperand(v Value) (decNum, bool, error) {
	switch x := v.(type) {
	case Decimal:
		n, finite := decOf(x)
		if !finite {
			return decNum{}, true, unsupportedDecimal()
		}
		return n, true, nil
	case Int:
		return decFromInt(x), true, nil
	case Bool:
		if x {
			return decFromInt(IntOf(1)), true, nil
		}
		return decFromInt(IntOf(0)), true, nil
	}
	return decNum{}, false, nil
}

// align brings two decimals to the smaller exponent.
func align(a, b decNum) (*big.Int, *big.Int, int64) {
	x, y := signed(a), signed(b)
	switch {
	case a.exp > b.exp:
		x.Mul(x, pow10(a.exp-b.exp))
		return x, y, b.exp
	case b.exp > a.exp:
		y.Mul(y, pow10(b.exp-a.exp))
	}
	return x, y, min(a.exp, b.exp)
}

func signed(n decNum) *big.Int {
	x := new(big.Int).Set(n.coef)
	if n.neg {
		x.Neg(x)
	}
	return x
}

func fromSigned(x *big.Int, exp int64, negZero bool) decNum {
	n := decNum{neg: x.Sign() < 0 || x.Sign() == 0 && negZero, exp: exp}
	n.coef = new(big.Int).Abs(x)
	return n
}

func decAdd(a, b decNum) (decNum, error) {
	x, y, e := align(a, b)
	// a zero sum is negative only when both operands are (ROUND_FLOOR aside).
	return fromSigned(x.Add(x, y), e, a.neg && b.neg).fix()
}

func decMul(a, b decNum) (decNum, error) {
	return decNum{neg: a.neg != b.neg, coef: new(big.Int).Mul(a.coef, b.coef), exp: a.exp + b.exp}.fix()
}

func decDivByZero(a decNum) error {
	if a.coef.Sign() == 0 {
		return raise("InvalidOperation", "[<class 'decimal.DivisionUndefined'>]")
	}
	return raise("DivisionByZero", "[<class 'decimal.DivisionByZero'>]")
}

// decTrueDiv is a / b as CPython's decimal computes it: correctly rounded, with the
// ideal exponent when exact.
func decTrueDiv(a, b decNum) (decNum, error) {
	if b.coef.Sign() == 0 {
		return decNum{}, decDivByZero(a)
	}
	neg := a.neg != b.neg
	if a.coef.Sign() == 0 {
		return decNum{neg: neg, coef: new(big.Int), exp: a.exp - b.exp}.fix()
	}
	shift := digits(b.coef) - digits(a.coef) + decPrec + 1
	exp := a.exp - b.exp - shift
	var q, r *big.Int
	if shift >= 0 {
		q, r = new(big.Int).QuoRem(new(big.Int).Mul(a.coef, pow10(shift)), b.coef, new(big.Int))
	} else {
		q, r = new(big.Int).QuoRem(a.coef, new(big.Int).Mul(b.coef, pow10(-shift)), new(big.Int))
	}
	if r.Sign() != 0 {
		if new(big.Int).Mod(q, bigFive).Sign() == 0 {
			q.Add(q, big.NewInt(1))
		}
	} else {
		ideal := a.exp - b.exp
		for exp < ideal && new(big.Int).Mod(q, bigTen).Sign() == 0 {
			q.Quo(q, bigTen)
			exp++
		}
	}
	return decNum{neg: neg, coef: q, exp: exp}.fix()
}

// decDivMod is a // b and a % b as decimal defines them: the quotient truncated toward
// zero, the remainder with the sign of a.
func decDivMod(a, b decNum) (decNum, decNum, error) {
	if b.coef.Sign() == 0 {
		return decNum{}, decNum{}, decDivByZero(a)
	}
	x, y, e := align(decNum{coef: a.coef, exp: a.exp}, decNum{coef: b.coef, exp: b.exp})
	q, r := new(big.Int).QuoRem(x, y, new(big.Int))
	if digits(q) > decPrec {
		return decNum{}, decNum{}, raise("InvalidOperation", "[<class 'decimal.DivisionImpossible'>]")
	}
	quot := decNum{neg: a.neg != b.neg, coef: q, exp: 0}
	rem, err := decNum{neg: a.neg, coef: r, exp: e}.fix()
	return quot, rem, err
}

// decArith is a op b when an operand is a Decimal (ok false: neither is).
func decArith(op byte, a, b Value) (Value, bool, error) {
	_, ad := a.(Decimal)
	_, bd := b.(Decimal)
	if !ad && !bd {
		return nil, false, nil
	}
	x, okA, err := decOperand(a)
	if err != nil {
		return nil, true, err
	}
	y, okB, err := decOperand(b)
	if err != nil {
		return nil, true, err
	}
	if !okA || !okB {
		return nil, true, typeError("unsupported operand type(s) for %s: '%s' and '%s'", opSym(op), tpName(a), tpName(b))
	}
	var r decNum
	switch op {
	case '+':
		r, err = decAdd(x, y)
	case '-':
		y.neg = !y.neg
		r, err = decAdd(x, y)
	case '*':
		r, err = decMul(x, y)
	case '/':
		r, err = decTrueDiv(x, y)
	case 'f':
		r, _, err = decDivMod(x, y)
	case '%':
		if y.coef.Sign() == 0 {
			return nil, true, raise("InvalidOperation", "[<class 'decimal.InvalidOperation'>]")
		}
		_, r, err = decDivMod(x, y)
	case 'p':
		return nil, true, raise("UnsupportedOperation", "Decimal ** (the decimal module's power rounding is not modelled)")
	default:
		return nil, true, typeError("unsupported operand type(s) for %s: '%s' and '%s'", opSym(op), tpName(a), tpName(b))
	}
	if err != nil {
		return nil, true, err
	}
	return r.decimal(), true, nil
}

// opSym is the Python spelling of an arithmetic operator code of this package.
func opSym(op byte) string {
	switch op {
	case 'f':
		return "//"
	case 'p':
		return "** or pow()"
	}
	return string(op)
}

// decUnary is -d, +d and abs(d): the result rounded to the context.
func decUnary(op byte, d Decimal) (Value, error) {
	n, ok := decOf(d)
	if !ok {
		return nil, unsupportedDecimal()
	}
	switch op {
	case '-':
		n.neg = !n.neg
	case 'a':
		n.neg = false
	}
	if n.coef.Sign() == 0 {
		n.neg = false // -Decimal('0') and +Decimal('-0') are Decimal('0')
	}
	r, err := n.fix()
	if err != nil {
		return nil, err
	}
	return r.decimal(), nil
}

// decCmp compares a Decimal with a Decimal, an int, a bool or a float (exactly); ok false
// when b is none of those.
func decCmp(a Decimal, b Value) (int, bool, error) {
	x, finite := decOf(a)
	if !finite {
		return 0, true, unsupportedDecimal()
	}
	var y decNum
	switch v := b.(type) {
	case Float:
		n, ok := decFromFloat(float64(v))
		if !ok {
			if math.IsNaN(float64(v)) {
				return 0, true, raise("InvalidOperation", "[<class 'decimal.InvalidOperation'>]")
			}
			if math.IsInf(float64(v), 1) {
				return -1, true, nil
			}
			return 1, true, nil
		}
		y = n
	default:
		n, ok, err := decOperand(b)
		if !ok || err != nil {
			return 0, ok, err
		}
		y = n
	}
	p, q, _ := align(x, y)
	return p.Cmp(q), true, nil
}

// DecimalOf is Decimal(v) for v a str (parsed as the decimal module parses it), an int,
// a bool, a float (its exact binary value) or a Decimal; no argument is Decimal('0').
func DecimalOf(v Value) (Value, error) {
	switch x := v.(type) {
	case nil:
		return Decimal(mustDec("0")), nil
	case Decimal:
		return x, nil
	case Str:
		d, ok := validate.ParseDecimal(string(x))
		if !ok {
			return nil, raise("InvalidOperation", "[<class 'decimal.ConversionSyntax'>]")
		}
		return Decimal(d), nil
	case Int, Bool:
		n, _, _ := decOperand(x)
		return n.decimal(), nil
	case Float:
		n, ok := decFromFloat(float64(x))
		if !ok {
			d, _ := validate.ParseDecimal(strconv.FormatFloat(float64(x), 'g', -1, 64))
			return Decimal(d), nil
		}
		return n.decimal(), nil
	}
	if _, ok := v.(Tuple); ok {
		return nil, raise("UnsupportedOperation", "Decimal() of a tuple")
	}
	return nil, typeError("conversion from %s to Decimal is not supported", v.TypeName())
}

func mustDec(s string) validate.Decimal {
	d, _ := validate.ParseDecimal(s)
	return d
}

// Quantize is d.quantize(exp, rounding=mode): d rounded to exp's exponent.
func Quantize(d, exp Value, mode string) (Value, error) {
	x, ok := d.(Decimal)
	if !ok {
		return nil, typeError("descriptor 'quantize' requires a 'decimal.Decimal' object but received '%s'", d.TypeName())
	}
	if mode == "" {
		mode = string(decHalfEven)
	}
	if !IsRoundingMode(mode) {
		return nil, typeError("valid values for rounding are:\n  [ROUND_CEILING, ROUND_FLOOR, ROUND_UP, ROUND_DOWN,\n   ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN,\n   ROUND_05UP]")
	}
	a, ok, err := decOperand(x)
	if err != nil {
		return nil, err
	}
	b, ok2, err := decOperand(exp)
	if err != nil {
		return nil, err
	}
	if !ok || !ok2 {
		return nil, typeError("conversion from %s to Decimal is not supported", exp.TypeName())
	}
	r := a
	switch {
	case b.exp > a.exp:
		r = a.shiftRound(b.exp-a.exp, roundMode(mode))
	case b.exp < a.exp:
		r = decNum{neg: a.neg, coef: new(big.Int).Mul(a.coef, pow10(a.exp-b.exp)), exp: b.exp}
	}
	if digits(r.coef) > decPrec {
		return nil, raise("InvalidOperation", "[<class 'decimal.InvalidOperation'>]")
	}
	if r.exp > 999999 || r.exp < -999999-decPrec+1 {
		return nil, raise("InvalidOperation", "[<class 'decimal.InvalidOperation'>]")
	}
	return r.decimal(), nil
}

// decToInt is int(d): truncated toward zero.
func decToInt(d Decimal) (Value, error) {
	n, ok := decOf(d)
	if !ok {
		if strings.Contains(validate.Decimal(d).String(), "NaN") {
			return nil, valueError("cannot convert NaN to integer")
		}
		return nil, overflowError("cannot convert Infinity to integer")
	}
	v := new(big.Int).Set(n.coef)
	if n.exp >= 0 {
		v.Mul(v, pow10(n.exp))
	} else {
		v.Quo(v, pow10(-n.exp))
	}
	if n.neg {
		v.Neg(v)
	}
	return boxInt(IntFromBig(v)), nil
}

// decToFloat is float(d): correctly rounded.
func decToFloat(d Decimal) Value {
	s := validate.Decimal(d).String()
	switch {
	case strings.Contains(s, "NaN"):
		return Float(math.NaN())
	case s == "Infinity":
		return Float(math.Inf(1))
	case s == "-Infinity":
		return Float(math.Inf(-1))
	}
	f, _ := strconv.ParseFloat(s, 64) // correctly rounded; out of range gives ±Inf or ±0 as CPython
	return Float(f)
}

// decRound is round(d) (an int, half to even) and round(d, n) (a Decimal quantized to
// 10**-n, half to even).
func decRound(d Decimal, ndigits Value) (Value, error) {
	if ndigits == nil {
		n, ok := decOf(d)
		if !ok {
			if strings.Contains(validate.Decimal(d).String(), "NaN") {
				return nil, valueError("cannot round a NaN")
			}
			return nil, overflowError("cannot round an infinity")
		}
		if n.exp < 0 {
			n = n.shiftRound(-n.exp, decHalfEven)
		}
		return decToInt(n.decimal())
	}
	k, ok := ndigits.(Int)
	if !ok {
		return nil, typeError("optional arg must be an integer")
	}
	if !k.Big().IsInt64() {
		return nil, raise("InvalidOperation", "[<class 'decimal.InvalidOperation'>]")
	}
	e := decNum{coef: big.NewInt(1), exp: -k.Big().Int64()}
	return Quantize(d, e.decimal(), "")
}
