package pyval

// The hooks the generic operations (arith.go, compare.go, builtins.go, round.go) call
// first for Decimal, date, datetime and timedelta operands.

// extArith is a op b when an operand is a Decimal, date, datetime or timedelta (ok false
// otherwise).
func extArith(op byte, a, b Value) (Value, bool, error) {
	if r, ok, err := decArith(op, a, b); ok {
		return r, true, err
	}
	if op == '-' {
		if r, ok, err := setBinOp(op, a, b); ok { // set_ops.go
			return r, true, err
		}
	}
	return temporalArith(op, a, b)
}

// extUnary is -v, +v or abs(v) ('a') of a Decimal or timedelta (ok false: v is neither
// kind nor a date / datetime).
func extUnary(op byte, v Value) (Value, bool, error) {
	if d, ok := v.(Decimal); ok {
		r, err := decUnary(op, d)
		return r, true, err
	}
	return temporalUnary(op, v)
}

// extOrder compares a and b when either is a Decimal, date, datetime or timedelta.
func extOrder(a, b Value, op cmpOp) (bool, bool, error) {
	notSupported := func() error {
		return typeError("'%s' not supported between instances of '%s' and '%s'", cmpOpNames[op], tpName(a), tpName(b))
	}
	if x, ok := a.(Decimal); ok {
		c, ok, err := decCmp(x, b)
		if err != nil {
			return false, true, err
		}
		if !ok {
			return false, true, notSupported()
		}
		return op.holds(c), true, nil
	}
	if y, ok := b.(Decimal); ok {
		c, ok, err := decCmp(y, a)
		if err != nil {
			return false, true, err
		}
		if !ok {
			return false, true, notSupported()
		}
		return op.holds(-c), true, nil
	}
	if !isTemporal(a) && !isTemporal(b) {
		return false, false, nil
	}
	c, ok, err := temporalOrder(a, b)
	if !ok || err == errNotOrderable {
		return false, true, notSupported()
	}
	if err != nil {
		return false, true, err
	}
	return op.holds(c), true, nil
}

// extNumber is int(v), float(v) ('i', 'f') of a Decimal (ok false otherwise).
func extNumber(kind byte, v Value) (Value, bool, error) {
	d, ok := v.(Decimal)
	if !ok {
		return nil, false, nil
	}
	if kind == 'f' {
		return decToFloat(d), true, nil
	}
	r, err := decToInt(d)
	return r, true, err
}

// extRound is round(v) / round(v, ndigits) of a Decimal (ndigits nil: absent or None).
func extRound(v, ndigits Value) (Value, bool, error) {
	d, ok := v.(Decimal)
	if !ok {
		return nil, false, nil
	}
	r, err := decRound(d, ndigits)
	return r, true, err
}
