package validate

import (
	"math"
	"math/big"
	"strconv"
	"strings"

	"github.com/covetpy/covetgen/runtime/pyjson"
)

// Int is a Python int: an int64 when it fits, else a *big.Int.
type Int struct {
	small int64
	big   *big.Int // nil when the value fits in small
}

// IntOf makes an Int from an int64.
func IntOf(i int64) Int { return Int{small: i} }

// IntFromBig makes an Int from a big.Int (copied).
func IntFromBig(b *big.Int) Int {
	if b.IsInt64() {
		return Int{small: b.Int64()}
	}
	return Int{big: new(big.Int).Set(b)}
}

// Int64 returns the value if it fits in an int64.
func (i Int) Int64() (int64, bool) { return i.small, i.big == nil }

// Big returns the value as a new big.Int.
func (i Int) Big() *big.Int {
	if i.big != nil {
		return new(big.Int).Set(i.big)
	}
	return big.NewInt(i.small)
}

// Cmp compares two Ints.
func (i Int) Cmp(j Int) int {
	if i.big == nil && j.big == nil {
		switch {
		case i.small < j.small:
			return -1
		case i.small > j.small:
			return 1
		}
		return 0
	}
	return i.Big().Cmp(j.Big())
}

// String is str(int).
func (i Int) String() string {
	if i.big != nil {
		return i.big.String()
	}
	return strconv.FormatInt(i.small, 10)
}

// AppendJSON writes the int (pydantic and json.dumps agree).
func (i Int) AppendJSON(dst []byte) ([]byte, error) {
	if i.big != nil {
		return pyjson.AppendBigInt(dst, i.big)
	}
	return strconv.AppendInt(dst, i.small, 10), nil
}

// AppendInputJSON lets an Int be an error input or ctx value.
func (i Int) AppendInputJSON(dst []byte) ([]byte, error) { return i.AppendJSON(dst) }

// float64 converts like Python's float(int); ok is false on overflow.
func (i Int) float64() (float64, bool) {
	if i.big == nil {
		return float64(i.small), true
	}
	f, err := strconv.ParseFloat(i.big.String(), 64)
	return f, err == nil
}

const (
	msgIntType        = "Input should be a valid integer"
	msgIntParsing     = "Input should be a valid integer, unable to parse string as an integer"
	msgIntFromFloat   = "Input should be a valid integer, got a number with a fractional part"
	msgIntParsingSize = "Unable to parse input string as an integer, exceeded maximum size"
	msgFiniteNumber   = "Input should be a finite number"
)

// IntFromString coerces a str as pydantic's lax int validator does
// (str_as_int: "+5", " 5 ", "05", "5_000", "5.0"; more than 4300 digits is
// int_parsing_size).
func IntFromString(s string) (Int, *Error) {
	n, err := intFromStr(s, nil)
	return withStr(n, err, s)
}

func intFromStr(s string, input any) (Int, *Error) {
	v, res := jiterInt(s)
	switch res {
	case intOK:
		return v, nil
	case intTooBig:
		return Int{}, newErr("int_parsing_size", msgIntParsingSize, input)
	}
	cleaned, ok := cleanIntStr(s)
	if !ok {
		return Int{}, newErr("int_parsing", msgIntParsing, input)
	}
	if v, res = jiterInt(cleaned); res == intOK {
		return v, nil
	}
	return Int{}, newErr("int_parsing", msgIntParsing, input)
}

// IntFromJSON coerces a decoded JSON value.
func IntFromJSON(v pyjson.Value) (Int, *Error) {
	switch v.Kind() {
	case pyjson.KindInt:
		if i, ok := v.Int64(); ok {
			return IntOf(i), nil
		}
		return IntFromBig(v.BigInt()), nil
	case pyjson.KindFloat:
		f, _ := v.Float64()
		return floatAsInt(f, v)
	case pyjson.KindTrue:
		return IntOf(1), nil
	case pyjson.KindFalse:
		return IntOf(0), nil
	case pyjson.KindString:
		n, err := intFromStr(v.Str(), nil)
		return withValue(n, err, v)
	}
	return Int{}, newErr("int_type", msgIntType, v)
}

// floatAsInt is pydantic-core's float_as_int.
func floatAsInt(f float64, input any) (Int, *Error) {
	switch {
	case math.IsInf(f, 0) || math.IsNaN(f):
		return Int{}, newErr("finite_number", msgFiniteNumber, input)
	case math.Mod(f, 1) != 0:
		return Int{}, newErr("int_from_float", msgIntFromFloat, input)
	case f > math.MinInt64 && f < math.MaxInt64:
		return IntOf(int64(f)), nil
	}
	return Int{}, newErr("int_parsing_size", msgIntParsingSize, input)
}

type intResult uint8

const (
	intOK intResult = iota
	intInvalid
	intTooBig
)

// jiterInt is jiter's NumberInt::try_from: a JSON integer, nothing else;
// a digit run longer than 4300 bytes (sign included) is out of range.
func jiterInt(s string) (Int, intResult) {
	if s == "" {
		return Int{}, intInvalid
	}
	i := 0
	if s[0] == '-' {
		i = 1
	}
	if i >= len(s) {
		return Int{}, intInvalid
	}
	switch c := s[i]; {
	case c == '0':
		if i+1 == len(s) {
			return IntOf(0), intOK
		}
		return Int{}, intInvalid
	case c < '1' || c > '9':
		return Int{}, intInvalid
	}
	j := i
	for j < len(s) && s[j] >= '0' && s[j] <= '9' {
		j++
	}
	if j-i > 18 && j > 4300 {
		return Int{}, intTooBig
	}
	if j != len(s) {
		return Int{}, intInvalid
	}
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		return IntOf(n), intOK
	}
	b, _ := new(big.Int).SetString(s, 10)
	return IntFromBig(b), intOK
}

// cleanIntStr is pydantic-core's clean_int_str.
func cleanIntStr(s string) (string, bool) {
	lenBefore := len(s)
	s = rustTrim(s)
	if rest, ok := strings.CutPrefix(s, "+"); ok {
		if strings.HasPrefix(rest, "-") {
			return "", false
		}
		s = rest
	}
	neg := false
	if rest, ok := strings.CutPrefix(s, "-"); ok {
		if strings.HasPrefix(rest, "-") || strings.HasPrefix(rest, "+") {
			return "", false
		}
		neg = true
		s = rest
	}
	s, ok := stripLeadingZeros(s)
	if !ok {
		return "", false
	}
	if i := strings.IndexByte(s, '.'); i >= 0 {
		dec := s[i+1:]
		if dec != "" && strings.Trim(dec, "0") == "" {
			s = s[:i]
		}
	}
	sign := ""
	if neg {
		sign = "-"
	}
	if stripped, ok := stripUnderscores(s); ok {
		return sign + stripped, true
	}
	if lenBefore == len(s) {
		return "", false
	}
	return sign + s, true
}

func stripLeadingZeros(s string) (string, bool) {
	if s == "" {
		return "", false
	}
	switch c := s[0]; {
	case c == '0':
	case c >= '1' && c <= '9' || c == '-':
		return s, true
	default:
		return "", false
	}
	for i := 1; i < len(s); i++ {
		switch c := s[i]; {
		case c == '0' || c == '_':
		case c >= '1' && c <= '9' || c == '-':
			return s[i:], true
		case c == '.':
			return s[i-1:], true
		default:
			return "", false
		}
	}
	return s[len(s)-1:], true
}

// stripUnderscores removes underscores placed as Python allows (not
// leading, trailing or doubled); ok is false when there is nothing to strip
// or they are misplaced.
func stripUnderscores(s string) (string, bool) {
	if strings.HasPrefix(s, "_") || strings.HasSuffix(s, "_") || !strings.Contains(s, "_") || strings.Contains(s, "__") {
		return "", false
	}
	return strings.ReplaceAll(s, "_", ""), true
}
