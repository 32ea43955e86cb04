package pyval

import (
	"crypto/subtle"
	"encoding/base64"
	"math"
)

// B64Encode is base64.b64encode(data) (urlsafe: base64.urlsafe_b64encode).
func B64Encode(data Value, urlsafe bool) (Value, error) {
	b, ok := data.(Bytes)
	if !ok {
		return nil, typeError("a bytes-like object is required, not '%s'", data.TypeName())
	}
	if urlsafe {
		return Bytes(base64.URLEncoding.EncodeToString([]byte(b))), nil
	}
	return Bytes(base64.StdEncoding.EncodeToString([]byte(b))), nil
}

// realFloat reads a math function's argument: an int, bool or float (ints too large for a
// float are the OverflowError CPython raises).
func realFloat(v Value) (float64, error) {
	switch v.(type) {
	case Int, Bool, Float:
		f, err := ToFloat(v)
		if err != nil {
			return 0, err
		}
		return float64(f.(Float)), nil
	}
	return 0, typeError("must be real number, not %s", v.TypeName())
}

// MathFloor is math.floor(v); MathCeil math.ceil(v).
func MathFloor(v Value) (Value, error) { return floorCeil(v, math.Floor) }

// MathCeil is math.ceil(v).
func MathCeil(v Value) (Value, error) { return floorCeil(v, math.Ceil) }

func floorCeil(v Value, op func(float64) float64) (Value, error) {
	switch x := v.(type) {
	case Int:
		return x, nil
	case Bool:
		i, _ := asInt(x)
		return i, nil
	case Float:
		return ToInt(Float(op(float64(x))))
	}
	return nil, typeError("must be real number, not %s", v.TypeName())
}

// MathSqrt is math.sqrt(v).
func MathSqrt(v Value) (Value, error) {
	f, err := realFloat(v)
	if err != nil {
		return nil, err
	}
	if f < 0 {
		return nil, valueError("math domain error")
	}
	return Float(math.Sqrt(f)), nil
}

// MathFabs is math.fabs(v).
func MathFabs(v Value) (Value, error) {
	f, err := realFloat(v)
	if err != nil {
		return nil, err
	}
	return Float(math.Abs(f)), nil
}

// MathIsclose is math.isclose(a, b, rel_tol=relTol, abs_tol=absTol) (nil: the defaults).
func MathIsclose(a, b, relTol, absTol Value) (Value, error) {
	x, err := realFloat(a)
	if err != nil {
		return nil, err
	}
	y, err := realFloat(b)
	if err != nil {
		return nil, err
	}
	rt, at := 1e-09, 0.0
	if relTol != nil {
		if rt, err = realFloat(relTol); err != nil {
			return nil, err
		}
	}
	if absTol != nil {
		if at, err = realFloat(absTol); err != nil {
			return nil, err
		}
	}
	if rt < 0 || at < 0 {
		return nil, valueError("tolerances must be non-negative")
	}
	if x == y {
		return True, nil
	}
	if math.IsInf(x, 0) || math.IsInf(y, 0) {
		return False, nil
	}
	diff := math.Abs(y - x)
	return Bool(diff <= math.Abs(rt*y) || diff <= math.Abs(rt*x) || diff <= at), nil
}

// MathConst is the float constant math.<name> (pi, e, tau, inf, nan); ok false otherwise.
func MathConst(name string) (Value, bool) {
	switch name {
	case "pi":
		return Float(math.Pi), true
	case "e":
		return Float(math.E), true
	case "tau":
		return Float(2 * math.Pi), true
	case "inf":
		return Float(math.Inf(1)), true
	case "nan":
		return Float(math.NaN()), true
	}
	return nil, false
}

// MathIsnan is math.isnan(v); MathIsinf and MathIsfinite likewise.
func MathIsnan(v Value) (Value, error) { return floatTest(v, math.IsNaN) }

// MathIsinf is math.isinf(v).
func MathIsinf(v Value) (Value, error) {
	return floatTest(v, func(f float64) bool { return math.IsInf(f, 0) })
}

// MathIsfinite is math.isfinite(v).
func MathIsfinite(v Value) (Value, error) {
	return floatTest(v, func(f float64) bool { return !math.IsInf(f, 0) && !math.IsNaN(f) })
}

func floatTest(v Value, test func(float64) bool) (Value, error) {
	f, err := realFloat(v)
	if err != nil {
		return nil, err
	}
	return Bool(test(f)), nil
}

// CompareDigest is secrets.compare_digest(a, b) / hmac.compare_digest(a, b): two ASCII
// strs or two bytes, compared in constant time.
func CompareDigest(a, b Value) (Value, error) {
	switch x := a.(type) {
	case Str:
		if y, ok := b.(Str); ok {
			if !isASCII(string(x)) || !isASCII(string(y)) {
				return nil, typeError("comparing strings with non-ASCII characters is not supported")
			}
			return Bool(subtle.ConstantTimeCompare([]byte(x), []byte(y)) == 1), nil
		}
	case Bytes:
		if y, ok := b.(Bytes); ok {
			return Bool(subtle.ConstantTimeCompare([]byte(x), []byte(y)) == 1), nil
		}
	}
	return nil, typeError("unsupported operand types(s) or combination of types: '%s' and '%s'", a.TypeName(), b.TypeName())
}
