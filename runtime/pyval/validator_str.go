package pyval

import (
	"unicode"

	"github.com/covetpy/covetgen/runtime/pyjson"
)

// Helpers of translated str field validators (codegen/translate validator_str.go): they
// take and return Go strings so that a validator body stays over string values.

// StrSlice is s[lo:hi] with Python's semantics (code points, negative and clamped
// bounds); nil bounds are absent.
func StrSlice(s string, lo, hi Value) string {
	r, err := Slice(Str(s), lo, hi, nil)
	if err != nil {
		return "" // unreachable: a str slice with int or absent bounds cannot fail
	}
	if out, ok := r.(Str); ok {
		return string(out)
	}
	return ""
}

// StrIs is the str predicate method name ("isalpha", "isdecimal", "isascii") of s, as
// Python computes it: isalpha and isdecimal are false on "", isascii is true.
func StrIs(s, name string) bool {
	switch name {
	case "isascii":
		return isASCII(s)
	case "isalpha", "isdecimal":
		if s == "" {
			return false
		}
		for _, r := range s {
			// Python's alphabetic characters are those of categories Lm, Lt, Lu, Ll and Lo
			// (unicode.IsLetter); its decimal characters those of category Nd.
			if name == "isalpha" && !unicode.IsLetter(r) || name == "isdecimal" && !unicode.IsDigit(r) {
				return false
			}
		}
		return true
	}
	return false
}

// StrMethod is s.name(args...) for a str method returning a str that cannot fail with
// the arguments given (the transforms of translated validators: lower, strip, replace
// with str arguments...).
func StrMethod(s, name string, args ...Value) string {
	r, err := CallMethod(Str(s), name, args...)
	if err != nil {
		return s // unreachable for the methods and arguments translate emits
	}
	if out, ok := r.(Str); ok {
		return string(out)
	}
	return s
}

// StrLen is len(s): its number of code points (WTF-8 aware).
func StrLen(s string) int64 { return int64(pyjson.CharLen(s)) }
