// Package literal turns the text of string, bytes, f-string and number tokens into values,
// exactly as CPython 3.13 does (Parser/string_parser.c, Parser/action_helpers.c,
// Objects/unicodeobject.c _PyUnicode_DecodeUnicodeEscapeInternal2, Objects/bytesobject.c
// _PyBytes_DecodeEscape2, Parser/pegen.c parsenumber).
//
// Invalid escapes such as "\d" are not errors: CPython emits a SyntaxWarning and keeps the
// backslash, and so does this package (without the warning).
package literal

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/covetpy/covetgen/parser/ast"
	"github.com/covetpy/covetgen/parser/scanner"
)

// Error is a literal error at a byte offset inside the literal text, with CPython's message.
// CPython reports these errors at the whole token (string errors) or at its line (the
// integer digit limit), so the parser should place the SyntaxError there; Offset only says
// where in the literal text the offending escape or character starts.
type Error struct {
	Offset int
	Msg    string
}

func (e *Error) Error() string { return e.Msg }

// String decodes one complete string or bytes literal token text: prefix (any case and
// order of r, u, b), quotes and body. It returns an ast.Str or ast.Bytes and whether the
// prefix had a 'u' (CPython sets Constant.kind to "u" then: only for a lower-case u, the
// token's first character; "U'x'" gets no kind).
func String(lit string) (v ast.Value, uPrefix bool, err *Error) {
	var bytesMode, raw bool
	i := 0
	for ; i < len(lit); i++ {
		switch lit[i] {
		case 'b', 'B':
			bytesMode = true
		case 'r', 'R':
			raw = true
		case 'u', 'U':
		case 'f', 'F':
			return nil, false, &Error{i, "f-string given to literal.String"}
		default:
			goto prefixDone
		}
	}
prefixDone:
	if i >= len(lit) || (lit[i] != '\'' && lit[i] != '"') {
		return nil, false, &Error{i, "malformed string literal"}
	}
	// CPython sets kind "u" when the token's first character is a lower-case u.
	uPrefix = lit[0] == 'u'
	quote := lit[i]
	start, end := i+1, len(lit)-1
	if end < start || lit[end] != quote {
		return nil, false, &Error{len(lit), "malformed string literal"}
	}
	if end-start >= 4 && lit[start] == quote && lit[start+1] == quote {
		start += 2
		end -= 2
		if lit[end] != quote || lit[end+1] != quote {
			return nil, false, &Error{len(lit), "malformed string literal"}
		}
	}
	body := lit[start:end]
	tb := translateNewlines(body)
	hasBackslash := strings.IndexByte(tb, '\\') >= 0
	if bytesMode {
		for j := 0; j < len(tb); j++ {
			if tb[j] >= 0x80 {
				return nil, uPrefix, &Error{start + origOffset(body, j), "bytes can only contain ASCII literal characters"}
			}
		}
		if raw || !hasBackslash {
			return ast.Bytes(tb), uPrefix, nil
		}
		b, e := decodeBytesEscapes(tb)
		if e != nil {
			e.Offset = start + origOffset(body, e.Offset)
			return nil, uPrefix, e
		}
		return ast.Bytes(b), uPrefix, nil
	}
	s, e := decodeString(tb, raw || !hasBackslash)
	if e != nil {
		e.Offset = start + origOffset(body, e.Offset)
		return nil, uPrefix, e
	}
	return ast.Str(s), uPrefix, nil
}

// FStringMiddle decodes the literal text of an f-string chunk (an FSTRING_MIDDLE token's
// text, with "{{" and "}}" still doubled) of a raw (rf) or non-raw f-string. The result is
// WTF-8. Like CPython's tokenizer, it cuts the text after the first brace of each doubled
// pair (and, when not raw, after each \N{...} escape) and decodes the pieces one by one, so
// error positions are those CPython reports.
func FStringMiddle(text string, raw bool) (string, *Error) {
	t := translateNewlines(text)
	var out []byte
	simple := true
	chunkStart := 0
	unicodeEscape := false
	flush := func(end, next int) *Error {
		chunk := t[chunkStart:end]
		var e *Error
		if raw || strings.IndexByte(chunk, '\\') < 0 {
			if i := invalidUTF8(chunk); i >= 0 {
				e = utf8Error(chunk, i)
			}
			out = append(out, chunk...)
		} else {
			out, e = appendUnicodeEscapes(out, chunk)
		}
		if e != nil {
			e.Offset = origOffset(text, chunkStart+e.Offset)
			return e
		}
		chunkStart = next
		unicodeEscape = false
		return nil
	}
	for i := 0; i < len(t); {
		c := t[i]
		i++
		switch c {
		case '{', '}':
			if c == '}' && unicodeEscape {
				simple = false
				if e := flush(i, i); e != nil {
					return "", e
				}
			} else if i < len(t) && t[i] == c {
				simple = false
				if e := flush(i, i+1); e != nil {
					return "", e
				}
				i++
			}
		case '\\':
			if i >= len(t) {
				break
			}
			p := t[i]
			if p == '{' || p == '}' {
				break
			}
			i++
			if !raw && p == 'N' && i < len(t) && t[i] == '{' {
				unicodeEscape = true
				i++
			}
		}
	}
	if simple {
		s, e := decodeString(t, raw || strings.IndexByte(t, '\\') < 0)
		if e != nil {
			e.Offset = origOffset(text, e.Offset)
		}
		return s, e
	}
	if e := flush(len(t), len(t)); e != nil {
		return "", e
	}
	return string(out), nil
}

// translateNewlines turns "\r\n" and lone "\r" into "\n", as CPython's tokenizer does to the
// source before it cuts tokens.
func translateNewlines(s string) string {
	if strings.IndexByte(s, '\r') < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\r' {
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
			c = '\n'
		}
		b.WriteByte(c)
	}
	return b.String()
}

// origOffset maps an offset in translateNewlines(s) back to an offset in s.
func origOffset(s string, off int) int {
	if strings.IndexByte(s, '\r') < 0 {
		return off
	}
	j := 0
	for i := 0; i < len(s); i++ {
		if j >= off {
			return i
		}
		if s[i] == '\r' && i+1 < len(s) && s[i+1] == '\n' {
			i++
		}
		j++
	}
	return len(s)
}

// decodeString decodes a (newline-translated) string body: UTF-8 as is when raw, else with
// escapes as CPython's decode_unicode_with_escapes. Error offsets are in s.
func decodeString(s string, raw bool) (string, *Error) {
	if raw {
		if i := invalidUTF8(s); i >= 0 {
			return "", utf8Error(s, i)
		}
		return s, nil
	}
	out, e := appendUnicodeEscapes(make([]byte, 0, len(s)), s)
	if e != nil {
		return "", e
	}
	return string(out), nil
}

// invalidUTF8 returns the offset of the first byte of s that is not valid UTF-8, or -1.
func invalidUTF8(s string) int {
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}

// utf8Error is CPython's UnicodeDecodeError for invalid UTF-8 in a literal's text s, which
// holds an undecodable byte at or after i; the scanner's UTF8Error words it as Python's
// strict UTF-8 decoder does.
func utf8Error(s string, i int) *Error {
	pos, msg := scanner.UTF8Error([]byte(s))
	if pos < 0 {
		pos, msg = i, "'utf-8' codec can't decode byte 0x"+strconv.FormatUint(uint64(s[i]), 16)+" in position "+strconv.Itoa(i)+": invalid start byte"
	}
	return &Error{pos, "(unicode error) " + msg}
}

// appendUnicodeEscapes appends the decoded s to out. It emulates decode_unicode_with_escapes: CPython first rewrites the body
// into an ASCII buffer (each non-ASCII character becomes "\U%08x", a backslash that is last
// or precedes a non-ASCII character becomes "\u005c") and runs the unicode-escape codec over
// it. Decoding the original text gives the same characters; error positions are mapped to
// the rewritten buffer, since CPython's messages count in it.
func appendUnicodeEscapes(out []byte, s string) ([]byte, *Error) {
	if i := invalidUTF8(s); i >= 0 {
		return out, utf8Error(s, i)
	}
	i := 0
	for i < len(s) {
		c := s[i]
		if c != '\\' {
			j := strings.IndexByte(s[i:], '\\')
			if j < 0 {
				j = len(s) - i
			}
			out = append(out, s[i:i+j]...)
			i += j
			continue
		}
		start := i
		i++
		if i >= len(s) || s[i] >= utf8.RuneSelf {
			// "\u005c": a backslash, the character after it read as usual.
			out = append(out, '\\')
			continue
		}
		c = s[i]
		i++
		switch c {
		case '\n':
		case '\\', '\'', '"', 'b', 'f', 't', 'n', 'r', 'v', 'a':
			out = append(out, simpleEscapes[c])
		case '0', '1', '2', '3', '4', '5', '6', '7':
			var ch int
			ch, i = octalEscape(s, i, c)
			out = appendWTF8(out, rune(ch))
		case 'x', 'u', 'U':
			count, msg := 2, `truncated \xXX escape`
			if c == 'u' {
				count, msg = 4, `truncated \uXXXX escape`
			} else if c == 'U' {
				count, msg = 8, `truncated \UXXXXXXXX escape`
			}
			ch := uint32(0)
			for ; count > 0; count-- {
				if i >= len(s) {
					return out, escapeError(s, start, i, msg)
				}
				d, ok := hexDigit(s[i])
				if !ok {
					return out, escapeError(s, start, i, msg)
				}
				ch = ch<<4 + uint32(d)
				i++
			}
			if ch > utf8.MaxRune {
				return out, escapeError(s, start, i, "illegal Unicode character")
			}
			out = appendWTF8(out, rune(ch))
		case 'N':
			msg := `malformed \N character escape`
			if i >= len(s) {
				return out, escapeError(s, start, i, msg)
			}
			if s[i] == '{' {
				i++
				nameStart := i
				j := strings.IndexByte(s[i:], '}')
				if j < 0 {
					return out, escapeError(s, start, len(s), msg)
				}
				i += j
				if j > 0 {
					i++
					if ch, ok := lookupName(s[nameStart : i-1]); ok {
						out = appendWTF8(out, ch)
						continue
					}
					msg = "unknown Unicode character name"
				}
			}
			return out, escapeError(s, start, i, msg)
		default:
			out = append(out, '\\', c)
		}
	}
	return out, nil
}

func hexDigit(c byte) (byte, bool) {
	switch {
	case '0' <= c && c <= '9':
		return c - '0', true
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10, true
	case 'A' <= c && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// appendWTF8 appends the generalized UTF-8 encoding of r: surrogates get their three-byte
// encodings instead of U+FFFD.
func appendWTF8(b []byte, r rune) []byte {
	if 0xD800 <= r && r <= 0xDFFF {
		return append(b, 0xED, byte(0xA0|(r>>6)&0x1F), byte(0x80|r&0x3F))
	}
	return utf8.AppendRune(b, r)
}

// escapeError builds the UnicodeDecodeError message CPython's parser wraps in "(unicode
// error) ...": the escape spans s[start:end], reported in positions of the rewritten buffer.
func escapeError(s string, start, end int, msg string) *Error {
	vs, ve := rewrittenPos(s, start), rewrittenPos(s, end)
	var m string
	if ve == vs+1 {
		m = "(unicode error) 'unicodeescape' codec can't decode byte 0x5c in position " + strconv.Itoa(vs) + ": " + msg
	} else {
		m = "(unicode error) 'unicodeescape' codec can't decode bytes in position " +
			strconv.Itoa(vs) + "-" + strconv.Itoa(ve-1) + ": " + msg
	}
	return &Error{start, m}
}

// rewrittenPos returns the offset in decode_unicode_with_escapes's rewritten buffer that
// corresponds to offset off of s (off at a character boundary).
func rewrittenPos(s string, off int) int {
	n := 0
	i := 0
	for i < off {
		if s[i] == '\\' {
			n++
			i++
			if i >= len(s) || s[i] >= utf8.RuneSelf {
				n += 5 // "u005c"
				if i >= len(s) {
					break
				}
			}
			if i >= off {
				break
			}
		}
		if s[i] >= utf8.RuneSelf {
			_, size := utf8.DecodeRuneInString(s[i:])
			n += 10 // "\U%08x"
			i += size
		} else {
			n++
			i++
		}
	}
	return n
}

// decodeBytesEscapes emulates _PyBytes_DecodeEscape2 on a (newline-translated, ASCII)
// bytes body. Octal escapes above 0o377 wrap to a byte.
func decodeBytesEscapes(s string) (string, *Error) {
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		c := s[i]
		if c != '\\' {
			out = append(out, c)
			i++
			continue
		}
		i++
		if i >= len(s) {
			return "", &Error{i - 1, `(value error) Trailing \ in string`}
		}
		c = s[i]
		i++
		switch c {
		case '\n':
		case '\\', '\'', '"', 'b', 'f', 't', 'n', 'r', 'v', 'a':
			out = append(out, simpleEscapes[c])
		case '0', '1', '2', '3', '4', '5', '6', '7':
			var ch int
			ch, i = octalEscape(s, i, c)
			out = append(out, byte(ch)) // bytes wrap past \377, as CPython's do
		case 'x':
			if i+1 < len(s) {
				d1, ok1 := hexDigit(s[i])
				d2, ok2 := hexDigit(s[i+1])
				if ok1 && ok2 {
					out = append(out, d1<<4|d2)
					i += 2
					continue
				}
			}
			return "", &Error{i - 2, `(value error) invalid \x escape at position ` + strconv.Itoa(i-2)}
		default:
			out = append(out, '\\')
			i-- // the character after the backslash is read as usual
		}
	}
	return string(out), nil
}

// simpleEscapes maps the letter of a one-character escape (\n, \t, \\, ...) to the byte it
// stands for, in str and bytes literals alike.
var simpleEscapes = [256]byte{
	'\\': '\\', '\'': '\'', '"': '"', 'b': '\b', 'f': '\f', 't': '\t', 'n': '\n', 'r': '\r', 'v': '\v', 'a': '\a',
}

// octalEscape reads an octal escape whose first digit c has been consumed: up to two more
// digits from s[i:]. It returns the value and the index after the escape.
func octalEscape(s string, i int, c byte) (int, int) {
	v := int(c - '0')
	for n := 0; n < 2 && i < len(s) && '0' <= s[i] && s[i] <= '7'; n++ {
		v = v<<3 + int(s[i]-'0')
		i++
	}
	return v, i
}
