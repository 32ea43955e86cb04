package validate

import (
	"math"
	"strconv"
	"strings"

	"github.com/covetpy/covetgen/runtime/pyjson"
)

const (
	msgFloatType    = "Input should be a valid number"
	msgFloatParsing = "Input should be a valid number, unable to parse string as a number"
)

// FloatFromString coerces a str as pydantic's str_as_float: Rust's f64
// grammar after trimming ("inf", "NaN", ".5", "5.", "1e3"), then with
// underscores removed when they are placed as Python allows.
func FloatFromString(s string) (float64, *Error) {
	f, err := floatFromStr(s, nil)
	return withStr(f, err, s)
}

func floatFromStr(s string, input any) (float64, *Error) {
	if f, ok := rustParseFloat(rustTrim(s)); ok {
		return f, nil
	}
	if st, ok := stripUnderscores(s); ok {
		if f, ok := rustParseFloat(st); ok {
			return f, nil
		}
	}
	return 0, newErr("float_parsing", msgFloatParsing, input)
}

// FloatFromJSON coerces a decoded JSON value (ints convert as float(int)).
func FloatFromJSON(v pyjson.Value) (float64, *Error) {
	switch v.Kind() {
	case pyjson.KindFloat:
		f, _ := v.Float64()
		return f, nil
	case pyjson.KindInt:
		f, err := strconv.ParseFloat(v.Literal(), 64)
		if err != nil {
			return 0, newErr("float_type", msgFloatType, v)
		}
		return f, nil
	case pyjson.KindTrue:
		return 1, nil
	case pyjson.KindFalse:
		return 0, nil
	case pyjson.KindString:
		f, err := floatFromStr(v.Str(), nil)
		return withValue(f, err, v)
	}
	return 0, newErr("float_type", msgFloatType, v)
}

// rustParseFloat is Rust's <f64 as FromStr>::from_str.
func rustParseFloat(s string) (float64, bool) {
	body := s
	if body != "" && (body[0] == '+' || body[0] == '-') {
		body = body[1:]
	}
	switch strings.ToLower(body) {
	case "inf", "infinity":
		if s[0] == '-' {
			return math.Inf(-1), true
		}
		return math.Inf(1), true
	case "nan":
		return math.NaN(), true
	}
	i, digits := 0, 0
	for i < len(body) && body[i] >= '0' && body[i] <= '9' {
		i++
		digits++
	}
	if i < len(body) && body[i] == '.' {
		i++
		for i < len(body) && body[i] >= '0' && body[i] <= '9' {
			i++
			digits++
		}
	}
	if digits == 0 {
		return 0, false
	}
	if i < len(body) && (body[i] == 'e' || body[i] == 'E') {
		i++
		if i < len(body) && (body[i] == '+' || body[i] == '-') {
			i++
		}
		e := i
		for i < len(body) && body[i] >= '0' && body[i] <= '9' {
			i++
		}
		if i == e {
			return 0, false
		}
	}
	if i != len(body) {
		return 0, false
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		if ne, ok := err.(*strconv.NumError); !ok || ne.Err != strconv.ErrRange {
			return 0, false
		}
	}
	return f, true
}

// rustFloat is Rust's Display of an f64, used in pydantic messages
// ("0", "0.5", "100000000000000000000").
func rustFloat(f float64) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// AppendFloatJSON writes a float as pydantic's JSON serializer does.
func AppendFloatJSON(dst []byte, f float64) []byte { return pyjson.AppendFloatPydantic(dst, f) }
