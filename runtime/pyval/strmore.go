package pyval

import (
	"encoding/hex"
	"strings"
	"unicode"
	"unicode/utf8"
)

// strMethodMore is the str methods beyond those of strMethod: find / rfind / index /
// rindex / count, removeprefix / removesuffix, partition / rpartition, zfill, ljust /
// rjust / center, isdecimal, isascii and encode (UTF-8 and ASCII).
func strMethodMore(s, name string, args []Value) (Value, bool, error) {
	switch name {
	case "find", "rfind", "index", "rindex", "count":
		if err := argCount(name, args, 1, 3); err != nil {
			return nil, true, err
		}
		sub, ok := args[0].(Str)
		if !ok {
			return nil, true, typeError("must be str, not %s", args[0].TypeName())
		}
		v, err := strFind(s, string(sub), optArg(args, 1), optArg(args, 2), name)
		return v, true, err
	case "removeprefix", "removesuffix":
		if err := argCount("str."+name, args, 1, 1); err != nil {
			return nil, true, err
		}
		a, ok := args[0].(Str)
		if !ok {
			return nil, true, typeError(name+"() argument must be str, not %s", args[0].TypeName())
		}
		if name == "removeprefix" {
			return Str(strings.TrimPrefix(s, string(a))), true, nil
		}
		return Str(strings.TrimSuffix(s, string(a))), true, nil
	case "partition", "rpartition":
		if err := argCount("str."+name, args, 1, 1); err != nil {
			return nil, true, err
		}
		sep, ok := args[0].(Str)
		if !ok {
			return nil, true, typeError("must be str, not %s", args[0].TypeName())
		}
		if sep == "" {
			return nil, true, valueError("empty separator")
		}
		var i int
		if name == "partition" {
			i = strings.Index(s, string(sep))
		} else {
			i = strings.LastIndex(s, string(sep))
		}
		if i < 0 {
			if name == "partition" {
				return Tuple{Str(s), Str(""), Str("")}, true, nil
			}
			return Tuple{Str(""), Str(""), Str(s)}, true, nil
		}
		return Tuple{Str(s[:i]), sep, Str(s[i+len(sep):])}, true, nil
	case "zfill":
		if err := argCount("str.zfill", args, 1, 1); err != nil {
			return nil, true, err
		}
		w, err := asIndex(args[0])
		if err != nil {
			return nil, true, err
		}
		n := int64(utf8.RuneCountInString(s))
		if w <= n {
			return Str(s), true, nil
		}
		pad := strings.Repeat("0", int(w-n))
		if s != "" && (s[0] == '+' || s[0] == '-') {
			return Str(s[:1] + pad + s[1:]), true, nil
		}
		return Str(pad + s), true, nil
	case "ljust", "rjust", "center":
		if err := argCount(name, args, 1, 2); err != nil {
			return nil, true, err
		}
		w, err := asIndex(args[0])
		if err != nil {
			return nil, true, err
		}
		fill := " "
		if len(args) == 2 {
			fs, ok := args[1].(Str)
			if !ok {
				return nil, true, typeError("The fill character must be a unicode character, not %s", args[1].TypeName())
			}
			if utf8.RuneCountInString(string(fs)) != 1 {
				return nil, true, typeError("The fill character must be exactly one character long")
			}
			fill = string(fs)
		}
		n := int64(utf8.RuneCountInString(s))
		if w <= n {
			return Str(s), true, nil
		}
		marg := w - n
		var left int64
		switch name {
		case "ljust":
			left = 0
		case "rjust":
			left = marg
		default:
			left = marg/2 + (marg & w & 1)
		}
		return Str(strings.Repeat(fill, int(left)) + s + strings.Repeat(fill, int(marg-left))), true, nil
	case "isdecimal", "isascii":
		if err := argCount("str."+name, args, 0, 0); err != nil {
			return nil, true, err
		}
		if name == "isascii" {
			return Bool(isASCII(s)), true, nil
		}
		if s == "" {
			return False, true, nil
		}
		for _, r := range s {
			if !unicode.IsDigit(r) {
				return False, true, nil
			}
		}
		return True, true, nil
	case "encode":
		if err := argCount("encode", args, 0, 2); err != nil {
			return nil, true, err
		}
		enc, err := encodingArg(args)
		if err != nil {
			return nil, true, err
		}
		if enc == "ascii" {
			if !isASCII(s) {
				return nil, true, raise("UnicodeEncodeError", "'ascii' codec can't encode characters")
			}
			return Bytes(s), true, nil
		}
		if !utf8.ValidString(s) || hasSurrogate(s) {
			return nil, true, raise("UnicodeEncodeError", "'utf-8' codec can't encode characters: surrogates not allowed")
		}
		return Bytes(s), true, nil
	}
	return nil, false, nil
}

// encodingArg reads encode() / decode()'s (encoding, errors) arguments: "utf-8" or
// "ascii" (any spelling Python accepts for them), errors "strict".
func encodingArg(args []Value) (string, error) {
	enc := "utf-8"
	if len(args) > 0 {
		e, ok := args[0].(Str)
		if !ok {
			return "", typeError("encode() argument 'encoding' must be str, not %s", args[0].TypeName())
		}
		switch strings.NewReplacer("-", "_", " ", "_").Replace(strings.ToLower(string(e))) {
		case "utf_8", "utf8", "u8", "utf":
			enc = "utf-8"
		case "ascii", "us_ascii", "646":
			enc = "ascii"
		default:
			return "", raise("LookupError", "unknown encoding: "+string(e))
		}
	}
	if len(args) > 1 {
		if e, ok := args[1].(Str); !ok || e != "strict" {
			return "", raise("LookupError", "unsupported error handler")
		}
	}
	return enc, nil
}

// hasSurrogate reports whether a WTF-8 string holds an encoded lone surrogate.
func hasSurrogate(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		if s[i] == 0xED && s[i+1] >= 0xA0 {
			return true
		}
	}
	return false
}

// strFind is find / rfind / index / rindex / count over code points.
func strFind(s, sub string, start, end Value, name string) (Value, error) {
	var cs []string
	n := len(s)
	ascii := isASCII(s)
	if !ascii {
		cs = chars(s)
		n = len(cs)
	}
	lo, hi, err := sliceBounds(start, end, n)
	if err != nil {
		return nil, err
	}
	if hi > n {
		hi = n
	}
	subLen := utf8.RuneCountInString(sub)
	notFound := func() (Value, error) {
		if name == "index" || name == "rindex" {
			return nil, valueError("substring not found")
		}
		if name == "count" {
			return IntOf(0), nil
		}
		return IntOf(-1), nil
	}
	if hi-lo < subLen {
		return notFound()
	}
	if subLen == 0 {
		switch name {
		case "count":
			return IntOf(int64(hi - lo + 1)), nil
		case "rfind", "rindex":
			return IntOf(int64(hi)), nil
		}
		return IntOf(int64(lo)), nil
	}
	// Work on the byte slice of [lo, hi), mapping byte offsets back to code points.
	var seg string
	var offs []int
	if ascii {
		seg = s[lo:hi]
	} else {
		var b strings.Builder
		for i := lo; i < hi; i++ {
			offs = append(offs, b.Len())
			b.WriteString(cs[i])
		}
		seg = b.String()
	}
	toCP := func(byteOff int) int {
		if ascii {
			return lo + byteOff
		}
		for i, o := range offs {
			if o == byteOff {
				return lo + i
			}
		}
		return lo
	}
	switch name {
	case "count":
		return IntOf(int64(strings.Count(seg, sub))), nil
	case "find", "index":
		i := strings.Index(seg, sub)
		if i < 0 {
			return notFound()
		}
		return IntOf(int64(toCP(i))), nil
	}
	i := strings.LastIndex(seg, sub)
	if i < 0 {
		return notFound()
	}
	return IntOf(int64(toCP(i))), nil
}

// bytesMethod is bytes.decode (UTF-8, ASCII and Latin-1) and bytes.hex.
func bytesMethod(b, name string, args []Value, kw []KW) (Value, bool, error) {
	switch name {
	case "decode":
		v, err := bytesDecode(b, args, kw) // decode.go
		return v, true, err
	case "hex":
		if err := noKw(name, kw); err != nil {
			return nil, true, err
		}
		if err := argCount("hex", args, 0, 0); err != nil {
			return nil, true, err
		}
		return Str(hex.EncodeToString([]byte(b))), true, nil
	}
	return nil, false, nil
}
