package pyval

import (
	"math"
	"math/big"
	"strings"
)

// cmpIntFloat compares an int with a non-NaN float exactly.
func cmpIntFloat(i Int, f float64) int {
	if math.IsInf(f, 1) {
		return -1
	}
	if math.IsInf(f, -1) {
		return 1
	}
	if i.big == nil && i.small >= -1<<53 && i.small <= 1<<53 {
		x := float64(i.small)
		switch {
		case x < f:
			return -1
		case x > f:
			return 1
		}
		return 0
	}
	return new(big.Float).SetInt(i.bigRO()).Cmp(new(big.Float).SetFloat64(f))
}

// numCmp compares two numbers; ok is false when either is NaN (every comparison is false
// but !=).
func numCmp(ai Int, af float64, aInt bool, bi Int, bf float64, bInt bool) (c int, ok bool) {
	switch {
	case aInt && bInt:
		return ai.Cmp(bi), true
	case aInt:
		if math.IsNaN(bf) {
			return 0, false
		}
		return cmpIntFloat(ai, bf), true
	case bInt:
		if math.IsNaN(af) {
			return 0, false
		}
		return -cmpIntFloat(bi, af), true
	}
	switch {
	case math.IsNaN(af) || math.IsNaN(bf):
		return 0, false
	case af < bf:
		return -1, true
	case af > bf:
		return 1, true
	}
	return 0, true
}

// Eq is a == b.
func Eq(a, b Value) bool {
	if r, ok := eqSame(a, b); ok { // compare_fast.go
		return r
	}
	if y, ok := b.(Enum); ok {
		return enumEq(y, a)
	}
	if y, ok := b.(extValue); ok {
		return y.eq(a)
	}
	if ai, af, aInt, ok := numeric(a); ok {
		bi, bf, bInt, ok := numeric(b)
		if !ok {
			return false
		}
		c, ok := numCmp(ai, af, aInt, bi, bf, bInt)
		return ok && c == 0
	}
	switch x := a.(type) {
	case Str:
		y, ok := b.(Str)
		return ok && x == y
	case NoneType:
		_, ok := b.(NoneType)
		return ok
	case Bytes:
		y, ok := b.(Bytes)
		return ok && x == y
	case *List:
		y, ok := b.(*List)
		return ok && (x == y || seqEq(x.Items, y.Items))
	case Tuple:
		y, ok := b.(Tuple)
		return ok && seqEq(x, y)
	case *Dict:
		y, ok := b.(*Dict)
		if !ok || x.Len() != y.Len() {
			return false
		}
		if x == y {
			return true
		}
		for i, k := range x.hk {
			j := y.find(k)
			if j < 0 || !Eq(x.vals[i], y.vals[j]) {
				return false
			}
		}
		return true
	case Model:
		y, ok := b.(Model)
		return ok && modelEq(x, y)
	case Enum:
		return enumEq(x, b)
	case UUID:
		y, ok := b.(UUID)
		return ok && x == y
	case Date:
		y, ok := b.(Date)
		return ok && x == y
	case extValue:
		return x.eq(b)
	}
	return false
}

// Ne is a != b.
func Ne(a, b Value) bool { return !Eq(a, b) }

func seqEq(x, y []Value) bool {
	if len(x) != len(y) {
		return false
	}
	for i := range x {
		if !Eq(x[i], y[i]) {
			return false
		}
	}
	return true
}

// Is is `a is b` for None, True and False (the only operands translated code compares by
// identity).
func Is(a, b Value) bool {
	switch x := a.(type) {
	case NoneType:
		_, ok := b.(NoneType)
		return ok
	case Bool:
		y, ok := b.(Bool)
		return ok && x == y
	case *List:
		y, ok := b.(*List)
		return ok && x == y
	case *Dict:
		y, ok := b.(*Dict)
		return ok && x == y
	case Enum:
		y, ok := b.(Enum)
		return ok && x.same(y)
	}
	return false
}

type cmpOp uint8

const (
	opLt cmpOp = iota
	opLe
	opGt
	opGe
)

var cmpOpNames = [...]string{"<", "<=", ">", ">="}

func (op cmpOp) holds(c int) bool {
	switch op {
	case opLt:
		return c < 0
	case opLe:
		return c <= 0
	case opGt:
		return c > 0
	}
	return c >= 0
}

// Lt is a < b; Le a <= b; Gt a > b; Ge a >= b.
func Lt(a, b Value) (bool, error) { return order(a, b, opLt) }

// Le is a <= b.
func Le(a, b Value) (bool, error) { return order(a, b, opLe) }

// Gt is a > b.
func Gt(a, b Value) (bool, error) { return order(a, b, opGt) }

// Ge is a >= b.
func Ge(a, b Value) (bool, error) { return order(a, b, opGe) }

func order(a, b Value, op cmpOp) (bool, error) {
	if ai, af, aInt, ok := numeric(a); ok {
		if bi, bf, bInt, ok := numeric(b); ok {
			c, ok := numCmp(ai, af, aInt, bi, bf, bInt)
			return ok && op.holds(c), nil
		}
	}
	switch x := a.(type) {
	case Str:
		if y, ok := b.(Str); ok {
			return op.holds(strings.Compare(string(x), string(y))), nil
		}
	case Bytes:
		if y, ok := b.(Bytes); ok {
			return op.holds(strings.Compare(string(x), string(y))), nil
		}
	case *List:
		if y, ok := b.(*List); ok {
			return seqOrder(x.Items, y.Items, op)
		}
	case Tuple:
		if y, ok := b.(Tuple); ok {
			return seqOrder(x, y, op)
		}
	}
	// The pairs above are never temporal or Decimal: those are checked after them.
	if r, ok, err := extOrder(a, b, op); ok { // temporal_hooks.go
		return r, err
	}
	return false, typeError("'%s' not supported between instances of '%s' and '%s'", cmpOpNames[op], a.TypeName(), b.TypeName())
}

func seqOrder(x, y []Value, op cmpOp) (bool, error) {
	for i := 0; i < len(x) && i < len(y); i++ {
		if !Eq(x[i], y[i]) {
			return order(x[i], y[i], op)
		}
	}
	c := 0
	switch {
	case len(x) < len(y):
		c = -1
	case len(x) > len(y):
		c = 1
	}
	return op.holds(c), nil
}

// Contains is `item in container`.
func Contains(container, item Value) (bool, error) {
	switch c := container.(type) {
	case *Dict:
		k, err := hashKey(item)
		if err != nil {
			return false, err
		}
		return c.find(k) >= 0, nil
	case Str:
		s, ok := item.(Str)
		if !ok {
			return false, typeError("'in <string>' requires string as left operand, not %s", item.TypeName())
		}
		return strings.Contains(string(c), string(s)), nil
	case Bytes:
		switch x := item.(type) {
		case Bytes:
			return strings.Contains(string(c), string(x)), nil
		case Int, Bool:
			i, _ := asInt(x)
			if i.big != nil || i.small < 0 || i.small > 255 {
				return false, valueError("byte must be in range(0, 256)")
			}
			return strings.IndexByte(string(c), byte(i.small)) >= 0, nil
		}
		return false, typeError("a bytes-like object is required, not '%s'", item.TypeName())
	case *List:
		return seqContains(c.Items, item), nil
	case Tuple:
		return seqContains(c, item), nil
	case Model:
		if c.Class().Dataclass {
			break // not iterable
		}
		items, _ := Iterate(c)
		return seqContains(items, item), nil
	case Set:
		return setContains(c, item) // set_ops.go
	case IP:
		return ipContains(c, item) // ip_contains.go
	}
	return false, typeError("argument of type '%s' is not iterable", container.TypeName())
}

func seqContains(items []Value, item Value) bool {
	for _, it := range items {
		if Is(it, item) || Eq(it, item) {
			return true
		}
	}
	return false
}
