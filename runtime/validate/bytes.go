package validate

import (
	"strconv"

	"github.com/covetpy/covetgen/runtime/pyjson"
)

const msgBytesType = "Input should be a valid bytes"

// BytesFromString: a str becomes its UTF-8 bytes (ser/val_json_bytes utf8).
func BytesFromString(s string) ([]byte, *Error) { return []byte(s), nil }

// BytesFromJSON accepts JSON strings only.
func BytesFromJSON(v pyjson.Value) ([]byte, *Error) {
	if v.Kind() == pyjson.KindString {
		return []byte(v.Str()), nil
	}
	return nil, newErr("bytes_type", msgBytesType, v)
}

// CheckBytesLength is bytes min_length/max_length.
func CheckBytesLength(b []byte, minLen, maxLen *int, input any) *Error {
	if minLen != nil && len(b) < *minLen {
		m := *minLen
		return newErr("bytes_too_short", "Data should have at least "+strconv.Itoa(m)+" byte"+plural(m), input, CtxItem{"min_length", m})
	}
	if maxLen != nil && len(b) > *maxLen {
		m := *maxLen
		return newErr("bytes_too_long", "Data should have at most "+strconv.Itoa(m)+" byte"+plural(m), input, CtxItem{"max_length", m})
	}
	return nil
}

// AppendBytesJSON writes bytes as pydantic does by default (UTF-8 text).
func AppendBytesJSON(dst []byte, b []byte) ([]byte, error) {
	return pyjson.AppendString(dst, string(b))
}
