package pyval

import (
	"strings"
	"unicode/utf8"
)

// bytes.decode(encoding="utf-8", errors="strict") for the UTF-8, ASCII and Latin-1
// codecs and the strict, replace and ignore error handlers, as CPython decodes.

// bytesDecode is b.decode(*args, **kw).
func bytesDecode(b string, args []Value, kw []KW) (Value, error) {
	if err := argCount("decode", args, 0, 2); err != nil {
		return nil, err
	}
	slots := [2]Value{}
	copy(slots[:], args)
	for _, k := range kw {
		i := -1
		switch k.Name {
		case "encoding":
			i = 0
		case "errors":
			i = 1
		default:
			return nil, typeError("'%s' is an invalid keyword argument for decode()", k.Name)
		}
		if i < len(args) {
			return nil, typeError("argument for decode() given by name ('%s') and position (%s)", k.Name, map[int]string{0: "1", 1: "2"}[i])
		}
		slots[i] = k.Value
	}
	enc, errs := "utf-8", "strict"
	if slots[0] != nil {
		e, ok := slots[0].(Str)
		if !ok {
			return nil, typeError("decode() argument 'encoding' must be str, not %s", slots[0].TypeName())
		}
		enc = codecName(string(e))
		if enc == "" {
			return nil, raise("LookupError", "unknown encoding: "+string(e))
		}
	}
	if slots[1] != nil {
		e, ok := slots[1].(Str)
		if !ok {
			return nil, typeError("decode() argument 'errors' must be str, not %s", slots[1].TypeName())
		}
		errs = string(e)
	}
	switch enc {
	case "latin-1":
		var sb strings.Builder
		for i := 0; i < len(b); i++ {
			sb.WriteRune(rune(b[i]))
		}
		return Str(sb.String()), nil
	case "ascii":
		if isASCII(b) {
			return Str(b), nil
		}
		var sb strings.Builder
		for i := 0; i < len(b); i++ {
			if b[i] < 0x80 {
				sb.WriteByte(b[i])
				continue
			}
			switch errs {
			case "strict":
				return nil, raise("UnicodeDecodeError", "'ascii' codec can't decode bytes")
			case "replace":
				sb.WriteRune(utf8.RuneError)
			case "ignore":
			default:
				return nil, raise("LookupError", "unknown error handler name '"+errs+"'")
			}
		}
		return Str(sb.String()), nil
	}
	if utf8.ValidString(b) && !hasSurrogate(b) {
		return Str(b), nil
	}
	var sb strings.Builder
	for i := 0; i < len(b); {
		n, ok := utf8Prefix(b[i:])
		if ok {
			sb.WriteString(b[i : i+n])
			i += n
			continue
		}
		switch errs {
		case "strict":
			return nil, raise("UnicodeDecodeError", "'utf-8' codec can't decode bytes")
		case "replace":
			sb.WriteRune(utf8.RuneError)
		case "ignore":
		default:
			return nil, raise("LookupError", "unknown error handler name '"+errs+"'")
		}
		i += n
	}
	return Str(sb.String()), nil
}

// utf8Prefix reads the UTF-8 sequence at the start of b: its length and true when it
// is valid (surrogates are not), else the length of the maximal invalid prefix CPython
// replaces by one U+FFFD (at least 1).
func utf8Prefix(b string) (int, bool) {
	c := b[0]
	var need int
	lo, hi := byte(0x80), byte(0xBF)
	switch {
	case c < 0x80:
		return 1, true
	case c >= 0xC2 && c <= 0xDF:
		need = 1
	case c >= 0xE0 && c <= 0xEF:
		need = 2
		if c == 0xE0 {
			lo = 0xA0
		} else if c == 0xED {
			hi = 0x9F
		}
	case c >= 0xF0 && c <= 0xF4:
		need = 3
		if c == 0xF0 {
			lo = 0x90
		} else if c == 0xF4 {
			hi = 0x8F
		}
	default:
		return 1, false
	}
	for k := 1; k <= need; k++ {
		if k >= len(b) || b[k] < lo || b[k] > hi {
			return k, false
		}
		lo, hi = 0x80, 0xBF
	}
	return need + 1, true
}

// codecName is the codec an encoding name designates among utf-8, ascii and latin-1
// ("" for others), after Python's normalization (lower case, runs of punctuation as _).
func codecName(name string) string {
	switch normEncoding(name) {
	case "utf_8", "utf8", "u8", "utf", "utf8_ucs2", "utf8_ucs4", "cp65001":
		return "utf-8"
	case "ascii", "us_ascii", "646", "ansi_x3.4_1968", "ansi_x3_4_1968", "ansi_x3.4_1986", "cp367", "csascii", "ibm367",
		"iso646_us", "iso_646.irv_1991", "iso_ir_6", "us":
		return "ascii"
	case "latin_1", "latin1", "latin", "l1", "iso8859_1", "iso_8859_1", "iso8859", "8859", "cp819", "ibm819",
		"csisolatin1", "iso_8859_1_1987", "iso_ir_100":
		return "latin-1"
	}
	return ""
}

// normEncoding is encodings.normalize_encoding lower-cased, with spaces and hyphens as _.
func normEncoding(name string) string {
	var sb strings.Builder
	punct := false
	for _, r := range strings.ToLower(name) {
		if r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '.') {
			if punct && sb.Len() > 0 {
				sb.WriteByte('_')
			}
			punct = false
			sb.WriteRune(r)
			continue
		}
		punct = true
	}
	return sb.String()
}

// KnownCodec reports whether bytes.decode knows the encoding name (UTF-8, ASCII or
// Latin-1, under any of Python's names for them).
func KnownCodec(name string) bool { return codecName(name) != "" }
