package pyval

import (
	"math/big"
)

// Dict keys and set items of the temporal kinds and Decimal, equal where Python's ==
// is: a Decimal equal to an int or a float is the same key as that number.

const (
	hDate      uint8 = 200 + iota // n: the ordinal
	hNaiveDT                      // s: local microseconds
	hAwareDT                      // s: UTC microseconds
	hTimedelta                    // s: microseconds
	hDecimal                      // s: the exact rational (a value no int or float equals)
)

// extHashKey is hashKey for date, datetime, timedelta and Decimal (ok false: none).
func extHashKey(v Value) (hkey, bool, error) {
	v, _ = unUTC(v)
	switch x := v.(type) {
	case Date:
		return hkey{kind: hDate, n: x.ordinal()}, true, nil
	case DateTime:
		if x.HasTZ {
			return hkey{kind: hAwareDT, s: x.utcMicrosOf().String()}, true, nil
		}
		return hkey{kind: hNaiveDT, s: x.localMicros().String()}, true, nil
	case Timedelta:
		return hkey{kind: hTimedelta, s: x.micros().String()}, true, nil
	case Decimal:
		r, ok := x.rat()
		if !ok {
			return hkey{}, true, raise("UnsupportedOperation", "a Decimal infinity or NaN as a dict key or set item")
		}
		if r.IsInt() {
			k, err := hashKey(boxInt(IntFromBig(new(big.Int).Set(r.Num()))))
			return k, true, err
		}
		if f, exact := r.Float64(); exact {
			k, err := hashKey(Float(f))
			return k, true, err
		}
		return hkey{kind: hDecimal, s: r.String()}, true, nil
	}
	return hkey{}, false, nil
}
