package pyval

import (
	"strconv"

	"github.com/covetpy/covetgen/runtime/pyjson"
)

// Ord is Python's ord(c): the code point of a str of one character (a lone surrogate
// included), or the value of a bytes of length one; a TypeError otherwise, with
// CPython's message.
func Ord(v Value) (Value, error) {
	switch x := v.(type) {
	case Str:
		s := string(x)
		if n := pyjson.CharLen(s); n != 1 {
			return nil, raise("TypeError", "ord() expected a character, but string of length "+strconv.Itoa(n)+" found")
		}
		r, _ := pyjson.DecodeRune(s, 0)
		return IntValue(int64(r)), nil
	case Bytes:
		if len(x) != 1 {
			return nil, raise("TypeError", "ord() expected a character, but string of length "+strconv.Itoa(len(x))+" found")
		}
		return IntValue(int64(x[0])), nil
	}
	return nil, typeError("ord() expected string of length 1, but %s found", v.TypeName())
}
