package pyval

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/covetpy/covetgen/runtime/pyjson"
)

// strUpper is str.upper() (full case mapping, SpecialCasing included).
func strUpper(s string) string {
	if isASCII(s) {
		return strings.ToUpper(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, n := pyjson.DecodeRune(s, i)
		switch sp, ok := upperSpecial[r]; {
		case ok:
			b.WriteString(sp)
		case r == utf8.RuneError && n == 1 || r >= 0xD800 && r <= 0xDFFF:
			b.WriteString(s[i : i+n])
		default:
			b.WriteRune(unicode.ToUpper(r))
		}
		i += n
	}
	return b.String()
}

// strLower is str.lower() (full case mapping, final sigma).
func strLower(s string) string {
	if isASCII(s) {
		return asciiLower(s) // str_ascii.go
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, n := pyjson.DecodeRune(s, i)
		switch sp, ok := lowerSpecial[r]; {
		case ok:
			b.WriteString(sp)
		case r == 0x3A3:
			if finalSigma(s, i, i+n) {
				b.WriteRune(0x3C2)
			} else {
				b.WriteRune(0x3C3)
			}
		case r == utf8.RuneError && n == 1 || r >= 0xD800 && r <= 0xDFFF:
			b.WriteString(s[i : i+n])
		default:
			b.WriteRune(unicode.ToLower(r))
		}
		i += n
	}
	return b.String()
}

// caseIgnorableExtra are Word_Break MidLetter, MidNumLet and Single_Quote characters
// (Case_Ignorable beyond the general categories).
var caseIgnorableExtra = [...]rune{0x27, 0x2E, 0x3A, 0xB7, 0x387, 0x55F, 0x5F4, 0x2018, 0x2019,
	0x2024, 0x2027, 0xFE13, 0xFE52, 0xFE55, 0xFF07, 0xFF0E, 0xFF1A}

func isCaseIgnorable(r rune) bool {
	for _, m := range caseIgnorableExtra {
		if m == r {
			return true
		}
	}
	return unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf, unicode.Lm, unicode.Sk)
}

func isCased(r rune) bool {
	return unicode.In(r, unicode.Lu, unicode.Ll, unicode.Lt, unicode.Other_Lowercase, unicode.Other_Uppercase)
}

// finalSigma reports whether the capital sigma at s[start:end] lowers to 'ς': preceded by
// a cased letter and not followed by one (case-ignorable characters skipped).
func finalSigma(s string, start, end int) bool {
	j := start
	var c rune
	found := false
	for j > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:j])
		j -= n
		if !isCaseIgnorable(r) {
			c, found = r, true
			break
		}
	}
	if !found || !isCased(c) {
		return false
	}
	for k := end; k < len(s); {
		r, n := pyjson.DecodeRune(s, k)
		k += n
		if !isCaseIgnorable(r) {
			return !isCased(r)
		}
	}
	return true
}

// strStrip is str.strip/lstrip/rstrip(chars): chars nil or None strips whitespace.
func strStrip(s string, chars Value, left, right bool, name string) (Value, error) {
	in := isSpace
	if chars != nil && !IsNone(chars) {
		cs, ok := chars.(Str)
		if !ok {
			return nil, typeError(name + " arg must be None or str")
		}
		set := string(cs)
		in = func(r rune) bool { return strings.ContainsRune(set, r) }
	}
	i, j := 0, len(s)
	if left {
		for i < j {
			r, n := pyjson.DecodeRune(s, i)
			if !in(r) {
				break
			}
			i += n
		}
	}
	if right {
		for j > i {
			r, n := utf8.DecodeLastRuneInString(s[i:j])
			if !in(r) {
				break
			}
			j -= n
		}
	}
	return Str(s[i:j]), nil
}

// strSplit is str.split(sep, maxsplit).
func strSplit(s string, sep Value, maxsplit int64) (Value, error) {
	var parts []string
	if sep == nil || IsNone(sep) {
		parts = splitWhitespace(s, maxsplit)
	} else {
		sp, ok := sep.(Str)
		if !ok {
			return nil, typeError("must be str or None, not %s", sep.TypeName())
		}
		if sp == "" {
			return nil, valueError("empty separator")
		}
		if maxsplit < 0 || maxsplit >= int64(len(s)) {
			parts = strings.Split(s, string(sp))
		} else {
			parts = strings.SplitN(s, string(sp), int(maxsplit)+1)
		}
	}
	out := make([]Value, len(parts))
	for i, p := range parts {
		out[i] = Str(p)
	}
	return &List{Items: out}, nil
}

func splitWhitespace(s string, maxsplit int64) []string {
	var out []string
	i, n := 0, len(s)
	next := func(k int) (rune, int) { return pyjson.DecodeRune(s, k) }
	for maxsplit != 0 {
		for i < n {
			r, w := next(i)
			if !isSpace(r) {
				break
			}
			i += w
		}
		if i == n {
			return out
		}
		j := i
		for i < n {
			r, w := next(i)
			if isSpace(r) {
				break
			}
			i += w
		}
		out = append(out, s[j:i])
		if maxsplit > 0 {
			maxsplit--
		}
	}
	for i < n {
		r, w := next(i)
		if !isSpace(r) {
			break
		}
		i += w
	}
	if i < n {
		out = append(out, s[i:])
	}
	return out
}

// adjustRange is CPython's ADJUST_INDICES for start/end arguments (in code points).
func adjustRange(start, end Value, n int) (int, int, error) {
	st, en := 0, n
	conv := func(v Value, def int) (int, error) {
		b, ok, err := sliceIndex(v)
		if err != nil || !ok {
			return def, err
		}
		return int(clamp(b, -1<<40, 1<<40)), nil
	}
	var err error
	if st, err = conv(start, 0); err != nil {
		return 0, 0, err
	}
	if en, err = conv(end, n); err != nil {
		return 0, 0, err
	}
	if en > n {
		en = n
	} else if en < 0 {
		en += n
		if en < 0 {
			en = 0
		}
	}
	if st < 0 {
		st += n
		if st < 0 {
			st = 0
		}
	}
	return st, en, nil
}

// strAffix is str.startswith / str.endswith.
func strAffix(s string, arg, start, end Value, suffix bool, name string) (Value, error) {
	var cands []string
	switch x := arg.(type) {
	case Str:
		cands = []string{string(x)}
	case Tuple:
		for _, it := range x {
			c, ok := it.(Str)
			if !ok {
				return nil, typeError("tuple for "+name+" must only contain str, not %s", it.TypeName())
			}
			cands = append(cands, string(c))
		}
	default:
		return nil, typeError(name+" first arg must be str or a tuple of str, not %s", arg.TypeName())
	}
	cs := chars(s)
	st, en, err := adjustRange(start, end, len(cs))
	if err != nil {
		return nil, err
	}
	for _, c := range cands {
		subLen := pyjson.CharLen(c)
		if en-subLen < st {
			continue
		}
		if st > len(cs) {
			continue
		}
		window := strings.Join(cs[st:en], "")
		if suffix && strings.HasSuffix(window, c) || !suffix && strings.HasPrefix(window, c) {
			return True, nil
		}
	}
	return False, nil
}

// strJoin is sep.join(items).
func strJoin(sep string, iterable Value) (Value, error) {
	items, err := Iterate(iterable)
	if err != nil {
		return nil, typeError("can only join an iterable")
	}
	parts := make([]string, len(items))
	for i, it := range items {
		s, ok := it.(Str)
		if !ok {
			return nil, typeError("sequence item %s: expected str instance, %s found", Int{small: int64(i)}.String(), it.TypeName())
		}
		parts[i] = string(s)
	}
	return Str(strings.Join(parts, sep)), nil
}

// strReplace is s.replace(old, new, count).
func strReplace(s string, old, new Value, count Value) (Value, error) {
	o, ok1 := old.(Str)
	n, ok2 := new.(Str)
	if !ok1 {
		return nil, typeError("replace() argument 1 must be str, not %s", old.TypeName())
	}
	if !ok2 {
		return nil, typeError("replace() argument 2 must be str, not %s", new.TypeName())
	}
	c := -1
	if count != nil {
		ci, ok := asInt(count)
		if !ok {
			return nil, typeError("'%s' object cannot be interpreted as an integer", count.TypeName())
		}
		if ci.big == nil && ci.small >= 0 && ci.small < 1<<31 {
			c = int(ci.small)
		} else if ci.Sign() > 0 {
			c = -1
		}
	}
	return Str(strings.Replace(s, string(o), string(n), c)), nil
}
