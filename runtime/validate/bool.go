package validate

import (
	"strings"

	"github.com/covetpy/covetgen/runtime/pyjson"
)

const (
	msgBoolType    = "Input should be a valid boolean"
	msgBoolParsing = "Input should be a valid boolean, unable to interpret input"
)

// BoolFromString is pydantic's str_as_bool (no trimming, case-insensitive).
func BoolFromString(s string) (bool, *Error) {
	b, err := boolFromStr(s, nil)
	return withStr(b, err, s)
}

func boolFromStr(s string, input any) (bool, *Error) {
	switch {
	case s == "0" || strings.EqualFold(s, "f") || strings.EqualFold(s, "n") || strings.EqualFold(s, "no") ||
		strings.EqualFold(s, "off") || strings.EqualFold(s, "false"):
		return false, nil
	case s == "1" || strings.EqualFold(s, "t") || strings.EqualFold(s, "y") || strings.EqualFold(s, "on") ||
		strings.EqualFold(s, "yes") || strings.EqualFold(s, "true"):
		return true, nil
	}
	return false, newErr("bool_parsing", msgBoolParsing, input)
}

// BoolFromJSON coerces a decoded JSON value (0/1 ints and floats accepted).
func BoolFromJSON(v pyjson.Value) (bool, *Error) {
	switch v.Kind() {
	case pyjson.KindTrue:
		return true, nil
	case pyjson.KindFalse:
		return false, nil
	case pyjson.KindString:
		b, err := boolFromStr(v.Str(), nil)
		return withValue(b, err, v)
	case pyjson.KindInt:
		if i, ok := v.Int64(); ok {
			if i == 0 || i == 1 {
				return i == 1, nil
			}
			return false, newErr("bool_parsing", msgBoolParsing, v)
		}
	case pyjson.KindFloat:
		f, _ := v.Float64()
		if n, err := floatAsInt(f, v); err == nil {
			if i, _ := n.Int64(); i == 0 || i == 1 {
				return i == 1, nil
			}
			return false, newErr("bool_parsing", msgBoolParsing, v)
		}
	}
	return false, newErr("bool_type", msgBoolType, v)
}
