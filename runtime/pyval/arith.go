package pyval

import (
	"strings"
)

// maxRepeat bounds the size of a repeated sequence (CPython raises MemoryError).
const maxRepeat = 1 << 31

func binTypeError(op string, a, b Value) error {
	return typeError("unsupported operand type(s) for %s: '%s' and '%s'", op, tpName(a), tpName(b))
}

// binFallback is a op b for operands the caller does not know: Decimal, date, datetime
// and timedelta arithmetic (temporal_hooks.go), else a TypeError.
func binFallback(op byte, a, b Value) (Value, error) {
	if r, ok, err := extArith(op, a, b); ok {
		return r, err
	}
	return nil, binTypeError(opSym(op), a, b)
}

// numeric classifies a number: its Int when int or bool, its float when float.
func numeric(v Value) (i Int, f float64, isInt, ok bool) {
	switch x := v.(type) {
	case Int:
		return x, 0, true, true
	case Bool:
		if x {
			return Int{small: 1}, 0, true, true
		}
		return Int{}, 0, true, true
	case Float:
		return Int{}, float64(x), false, true
	}
	return Int{}, 0, false, false
}

// floats converts two numbers (at least one float) to floats.
func floats(ai Int, af float64, aInt bool, bi Int, bf float64, bInt bool) (float64, float64, error) {
	var err error
	if aInt {
		if af, err = intToFloat(ai); err != nil {
			return 0, 0, err
		}
	}
	if bInt {
		if bf, err = intToFloat(bi); err != nil {
			return 0, 0, err
		}
	}
	return af, bf, nil
}

// Add is a + b.
func Add(a, b Value) (Value, error) {
	if ai, af, aInt, ok := numeric(a); ok {
		if bi, bf, bInt, ok := numeric(b); ok {
			if aInt && bInt {
				return boxInt(intAdd(ai, bi)), nil
			}
			x, y, err := floats(ai, af, aInt, bi, bf, bInt)
			if err != nil {
				return nil, err
			}
			return Float(x + y), nil
		}
		return binFallback('+', a, b)
	}
	switch x := a.(type) {
	case Str:
		if y, ok := b.(Str); ok {
			return x + y, nil
		}
		return nil, typeError(`can only concatenate str (not "%s") to str`, b.TypeName())
	case Bytes:
		if y, ok := b.(Bytes); ok {
			return x + y, nil
		}
		return nil, typeError("can't concat %s to bytes", b.TypeName())
	case *List:
		if y, ok := b.(*List); ok {
			items := make([]Value, 0, len(x.Items)+len(y.Items))
			return &List{Items: append(append(items, x.Items...), y.Items...)}, nil
		}
		return nil, typeError(`can only concatenate list (not "%s") to list`, b.TypeName())
	case Tuple:
		if y, ok := b.(Tuple); ok {
			items := make(Tuple, 0, len(x)+len(y))
			return append(append(items, x...), y...), nil
		}
		return nil, typeError(`can only concatenate tuple (not "%s") to tuple`, b.TypeName())
	}
	return binFallback('+', a, b)
}

// IAdd is a += b: a list is extended in place.
func IAdd(a, b Value) (Value, error) {
	if l, ok := a.(*List); ok {
		items, err := Iterate(b)
		if err != nil {
			return nil, err
		}
		l.mutate()
		l.Items = append(l.Items, items...)
		return l, nil
	}
	return Add(a, b)
}

// IMul is a *= b: a list is repeated in place.
func IMul(a, b Value) (Value, error) {
	if l, ok := a.(*List); ok {
		r, err := Mul(a, b)
		if err != nil {
			return nil, err
		}
		l.mutate()
		l.Items = r.(*List).Items
		return l, nil
	}
	return Mul(a, b)
}

func (l *List) mutate() {
	if l.isFrozen {
		panic("pyval: mutation of a frozen list")
	}
	l.enc = ""
}

// Sub is a - b.
func Sub(a, b Value) (Value, error) {
	ai, af, aInt, ok1 := numeric(a)
	bi, bf, bInt, ok2 := numeric(b)
	if !ok1 || !ok2 {
		return binFallback('-', a, b)
	}
	if aInt && bInt {
		return boxInt(intSub(ai, bi)), nil
	}
	x, y, err := floats(ai, af, aInt, bi, bf, bInt)
	if err != nil {
		return nil, err
	}
	return Float(x - y), nil
}

// repeatCount returns n for sequence * n.
func repeatCount(n Value, seqLen int) (int, bool, error) {
	i, ok := asInt(n)
	if !ok {
		return 0, false, nil
	}
	if i.Sign() <= 0 || seqLen == 0 {
		return 0, true, nil
	}
	if i.big != nil || i.small > maxRepeat/int64(seqLen) {
		return 0, true, raise("MemoryError", "")
	}
	return int(i.small), true, nil
}

func repeat(seq, n Value) (Value, bool, error) {
	switch x := seq.(type) {
	case Str:
		c, ok, err := repeatCount(n, len(x))
		if !ok || err != nil {
			return nil, ok, err
		}
		return Str(strings.Repeat(string(x), c)), true, nil
	case Bytes:
		c, ok, err := repeatCount(n, len(x))
		if !ok || err != nil {
			return nil, ok, err
		}
		return Bytes(strings.Repeat(string(x), c)), true, nil
	case *List:
		c, ok, err := repeatCount(n, len(x.Items))
		if !ok || err != nil {
			return nil, ok, err
		}
		items := make([]Value, 0, c*len(x.Items))
		for k := 0; k < c; k++ {
			items = append(items, x.Items...)
		}
		return &List{Items: items}, true, nil
	case Tuple:
		c, ok, err := repeatCount(n, len(x))
		if !ok || err != nil {
			return nil, ok, err
		}
		items := make(Tuple, 0, c*len(x))
		for k := 0; k < c; k++ {
			items = append(items, x...)
		}
		return items, true, nil
	}
	return nil, false, nil
}

func isSeq(v Value) bool {
	switch v.(type) {
	case Str, Bytes, *List, Tuple:
		return true
	}
	return false
}

// Mul is a * b.
func Mul(a, b Value) (Value, error) {
	ai, af, aInt, ok1 := numeric(a)
	bi, bf, bInt, ok2 := numeric(b)
	if ok1 && ok2 {
		if aInt && bInt {
			return boxInt(intMul(ai, bi)), nil
		}
		x, y, err := floats(ai, af, aInt, bi, bf, bInt)
		if err != nil {
			return nil, err
		}
		return Float(x * y), nil
	}
	seq, n := a, b
	if !isSeq(a) {
		seq, n = b, a
	}
	if isSeq(seq) {
		r, ok, err := repeat(seq, n)
		if ok {
			return r, err
		}
		if _, isNum := n.(Float); isNum || !isSeq(n) {
			return nil, typeError("can't multiply sequence by non-int of type '%s'", n.TypeName())
		}
	}
	return binFallback('*', a, b)
}

// TrueDiv is a / b.
func TrueDiv(a, b Value) (Value, error) {
	ai, af, aInt, ok1 := numeric(a)
	bi, bf, bInt, ok2 := numeric(b)
	if !ok1 || !ok2 {
		return binFallback('/', a, b)
	}
	if aInt && bInt {
		return intTrueDiv(ai, bi)
	}
	x, y, err := floats(ai, af, aInt, bi, bf, bInt)
	if err != nil {
		return nil, err
	}
	if y == 0 {
		return nil, zeroDivision("float division by zero")
	}
	return Float(x / y), nil
}

// FloorDiv is a // b.
func FloorDiv(a, b Value) (Value, error) {
	ai, af, aInt, ok1 := numeric(a)
	bi, bf, bInt, ok2 := numeric(b)
	if !ok1 || !ok2 {
		return binFallback('f', a, b)
	}
	if aInt && bInt {
		q, _, err := intDivMod(ai, bi)
		if err != nil {
			return nil, err
		}
		return boxInt(q), nil
	}
	x, y, err := floats(ai, af, aInt, bi, bf, bInt)
	if err != nil {
		return nil, err
	}
	q, _, err := floatDivMod(x, y, "float floor division by zero")
	if err != nil {
		return nil, err
	}
	return Float(q), nil
}

// Mod is a % b (numbers; str % args is old-style formatting, see PercentFormat).
func Mod(a, b Value) (Value, error) {
	switch a.(type) {
	case Str, Bytes:
		return PercentFormat(a, b)
	}
	ai, af, aInt, ok1 := numeric(a)
	bi, bf, bInt, ok2 := numeric(b)
	if !ok1 || !ok2 {
		return binFallback('%', a, b)
	}
	if aInt && bInt {
		if bi.Sign() == 0 {
			return nil, zeroDivision("integer modulo by zero")
		}
		_, r, err := intDivMod(ai, bi)
		if err != nil {
			return nil, err
		}
		return boxInt(r), nil
	}
	x, y, err := floats(ai, af, aInt, bi, bf, bInt)
	if err != nil {
		return nil, err
	}
	m, err := floatMod(x, y)
	if err != nil {
		return nil, err
	}
	return Float(m), nil
}

// Pow is a ** b.
func Pow(a, b Value) (Value, error) {
	ai, af, aInt, ok1 := numeric(a)
	bi, bf, bInt, ok2 := numeric(b)
	if !ok1 || !ok2 {
		if r, ok, err := extArith('p', a, b); ok {
			return r, err
		}
		return nil, typeError("unsupported operand type(s) for ** or pow(): '%s' and '%s'", tpName(a), tpName(b))
	}
	if aInt && bInt {
		return intPow(ai, bi)
	}
	x, y, err := floats(ai, af, aInt, bi, bf, bInt)
	if err != nil {
		return nil, err
	}
	return floatPow(x, y)
}

// LShift is a << b; RShift a >> b.
func LShift(a, b Value) (Value, error) { return shift(a, b, true, "<<") }

// RShift is a >> b.
func RShift(a, b Value) (Value, error) { return shift(a, b, false, ">>") }

func shift(a, b Value, left bool, op string) (Value, error) {
	ai, ok1 := asInt(a)
	bi, ok2 := asInt(b)
	if !ok1 || !ok2 {
		return nil, binTypeError(op, a, b)
	}
	return intShift(ai, bi, left)
}

// BitAnd is a & b; BitOr a | b; BitXor a ^ b.
func BitAnd(a, b Value) (Value, error) { return bitOp(a, b, '&', "&") }

// BitOr is a | b.
func BitOr(a, b Value) (Value, error) { return bitOp(a, b, '|', "|") }

// BitXor is a ^ b.
func BitXor(a, b Value) (Value, error) { return bitOp(a, b, '^', "^") }

func bitOp(a, b Value, op byte, name string) (Value, error) {
	if x, ok := a.(Bool); ok {
		if y, ok := b.(Bool); ok {
			switch op {
			case '&':
				return x && y, nil
			case '|':
				return x || y, nil
			}
			return Bool(x != y), nil
		}
	}
	ai, ok1 := asInt(a)
	bi, ok2 := asInt(b)
	if !ok1 || !ok2 {
		if d, ok := a.(*Dict); ok && op == '|' {
			if e, ok := b.(*Dict); ok {
				r := d.Copy()
				for i, k := range e.keys {
					r.setHashed(e.hk[i], k, e.vals[i])
				}
				return r, nil
			}
		}
		if r, ok, err := setBinOp(op, a, b); ok { // set_ops.go
			return r, err
		}
		return nil, binTypeError(name, a, b)
	}
	return boxInt(intBitOp(ai, bi, op)), nil
}

// Neg is -a.
func Neg(a Value) (Value, error) {
	switch x := a.(type) {
	case Int:
		return boxInt(intNeg(x)), nil
	case Bool:
		if x {
			return Int{small: -1}, nil
		}
		return Int{}, nil
	case Float:
		return -x, nil
	}
	if r, ok, err := extUnary('-', a); ok {
		return r, err
	}
	return nil, typeError("bad operand type for unary -: '%s'", tpName(a))
}

// Pos is +a.
func Pos(a Value) (Value, error) {
	switch x := a.(type) {
	case Int, Float:
		return x, nil
	case Bool:
		i, _ := asInt(x)
		return i, nil
	}
	if r, ok, err := extUnary('+', a); ok {
		return r, err
	}
	return nil, typeError("bad operand type for unary +: '%s'", tpName(a))
}

// Invert is ~a.
func Invert(a Value) (Value, error) {
	if i, ok := asInt(a); ok {
		return intSub(intNeg(i), Int{small: 1}), nil
	}
	return nil, typeError("bad operand type for unary ~: '%s'", a.TypeName())
}

// Not is `not a`.
func Not(a Value) Bool { return !Bool(Truthy(a)) }

// Truthy is bool(a).
func Truthy(a Value) bool {
	switch x := a.(type) {
	case Bool:
		return bool(x)
	case NoneType:
		return false
	case Int:
		return x.Sign() != 0
	case Float:
		return x != 0
	case Str:
		return x != ""
	case Bytes:
		return x != ""
	case *List:
		return len(x.Items) > 0
	case Tuple:
		return len(x) > 0
	case *Dict:
		return x.Len() > 0
	case extValue:
		return x.truthy()
	}
	return true
}
