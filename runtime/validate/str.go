package validate

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/covetpy/covetgen/runtime/pyjson"
)

const (
	msgStringType    = "Input should be a valid string"
	msgStringUnicode = "Input should be a valid string, unable to parse raw data as a unicode string"
)

// upperSpecial are Unicode SpecialCasing upper-case expansions that Rust's
// str::to_uppercase applies and Go's strings.ToUpper does not.
var upperSpecial = map[rune]string{
	'ß': "SS", 'ŉ': "ʼN", 'ǰ': "J̌", 'ΐ': "Ϊ́", 'ΰ': "Ϋ́", 'և': "ԵՒ", 'ẖ': "H̱", 'ẗ': "T̈", 'ẘ': "W̊", 'ẙ': "Y̊",
	'ẚ': "Aʾ", 'ﬀ': "FF", 'ﬁ': "FI", 'ﬂ': "FL", 'ﬃ': "FFI", 'ﬄ': "FFL", 'ﬅ': "ST", 'ﬆ': "ST",
}

// rustUpper is Rust's str::to_uppercase (full case mapping for the
// SpecialCasing entries above).
func rustUpper(s string) string {
	var b strings.Builder
	for _, r := range s {
		if x, ok := upperSpecial[r]; ok {
			b.WriteString(x)
			continue
		}
		b.WriteString(strings.ToUpper(string(r)))
	}
	return b.String()
}

// StrFromJSON accepts only JSON strings (numbers are string_type in lax mode).
func StrFromJSON(v pyjson.Value) (string, *Error) {
	if v.Kind() == pyjson.KindString {
		if v.HasSurrogate() {
			return "", newErr("string_unicode", msgStringUnicode, v)
		}
		return v.Str(), nil
	}
	return "", newErr("string_type", msgStringType, v)
}

// Pattern is a compiled `pattern=` constraint. pydantic uses Rust's regex
// crate with is_match (a search, not anchored); Go's RE2 syntax is close but
// \d, \w, \s and \b are ASCII-only in Go and Unicode-aware in Rust.
type Pattern struct {
	src string
	re  *regexp.Regexp
}

// CompilePattern compiles a pattern constraint.
func CompilePattern(src string) (*Pattern, error) {
	re, err := regexp.Compile(src)
	if err != nil {
		return nil, err
	}
	return &Pattern{src: src, re: re}, nil
}

// StrConstraints are pydantic's constr / StringConstraints / Field options
// for str. A negative or zero-value MinLength/MaxLength pointer nil = unset.
type StrConstraints struct {
	StripWhitespace bool
	ToLower         bool
	ToUpper         bool
	MinLength       *int
	MaxLength       *int
	Pattern         *Pattern
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// Apply checks s (already coerced) in pydantic's order: strip, min_length,
// max_length, pattern, then lower/upper. input is what the error reports.
func (c *StrConstraints) Apply(s string, input any) (string, *Error) {
	if c.StripWhitespace {
		s = rustTrim(s)
	}
	if c.MinLength != nil || c.MaxLength != nil {
		n := charLen(s)
		if c.MinLength != nil && n < *c.MinLength {
			m := *c.MinLength
			return "", newErr("string_too_short", "String should have at least "+strconv.Itoa(m)+" character"+plural(m),
				input, CtxItem{"min_length", m})
		}
		if c.MaxLength != nil && n > *c.MaxLength {
			m := *c.MaxLength
			return "", newErr("string_too_long", "String should have at most "+strconv.Itoa(m)+" character"+plural(m),
				input, CtxItem{"max_length", m})
		}
	}
	if c.Pattern != nil && !c.Pattern.re.MatchString(s) {
		return "", newErr("string_pattern_mismatch", "String should match pattern '"+c.Pattern.src+"'",
			input, CtxItem{"pattern", c.Pattern.src})
	}
	switch {
	case c.ToLower:
		s = strings.ToLower(s)
	case c.ToUpper:
		s = rustUpper(s)
	}
	return s, nil
}

// AppendStrJSON writes a str as pydantic does (UTF-8, minimal escaping).
func AppendStrJSON(dst []byte, s string) ([]byte, error) { return pyjson.AppendString(dst, s) }
