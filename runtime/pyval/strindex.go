package pyval

import "github.com/covetpy/covetgen/runtime/pyjson"

// strItem is s[key] for an index key: the one-character str at that code point position.
// An index whose prefix is ASCII, and any index of an ASCII string, is a byte index;
// others are walked code point by code point (WTF-8 aware, as chars splits them) without
// building the list of characters. Characters below U+0100 come pre-boxed, as CPython
// shares them.
func strItem(s string, key Value) (Value, error) {
	k, ok := asInt(key)
	if !ok {
		return nil, typeError("string indices must be integers, not '%s'", key.TypeName())
	}
	if k.big == nil && k.small >= 0 && k.small < int64(len(s)) && isASCII(s[:k.small+1]) {
		return latin1Strs[s[k.small]], nil // the code points before it are single bytes
	}
	if isASCII(s) {
		i, err := index(key, len(s), "string")
		if err != nil {
			return nil, err
		}
		return latin1Strs[s[i]], nil
	}
	n := 0
	for p := 0; p < len(s); n++ {
		_, w := pyjson.DecodeRune(s, p)
		p += w
	}
	i, err := index(key, n, "string")
	if err != nil {
		return nil, err
	}
	p := 0
	for ; i > 0; i-- {
		_, w := pyjson.DecodeRune(s, p)
		p += w
	}
	_, w := pyjson.DecodeRune(s, p)
	return oneChar(s, p, w), nil
}
