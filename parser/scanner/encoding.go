package scanner

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"
)

// New prepares to scan src, the raw bytes of a file, the way CPython's compile() prepares
// bytes: it strips a UTF-8 BOM, translates "\r\n" and "\r" to "\n", appends a final
// newline to a non-empty text that lacks one, and honours a PEP 263 coding cookie on
// line 1 or 2. A cookie naming UTF-8 (or no cookie) leaves the bytes as they are: like
// CPython, bytes that are not valid UTF-8 are only reported where they matter (in a name
// by Next; in a string literal by the literal decoder; never in a comment). Other codecs
// (latin-1 and the single-byte codecs of the generated tables, ascii, utf8 aliases)
// decode the whole text up front and New fails as CPython does ("unknown encoding: x",
// "encoding problem: x with BOM", "'ascii' codec can't decode byte 0xc3 in position 17:
// ordinal not in range(128)", ...). Such errors are *Error values with Line 0 (CPython
// reports them without a location).
func New(src []byte) (*Scanner, error) {
	text, err := decode(src)
	if err != nil {
		return nil, err
	}
	return newScanner(text), nil
}

// translateNewlines converts "\r\n" and lone "\r" to "\n" and appends a final newline
// if the (non-empty) text lacks one.
func translateNewlines(b []byte) []byte {
	if len(b) == 0 {
		return b
	}
	if bytes.IndexByte(b, '\r') < 0 {
		if b[len(b)-1] != '\n' {
			out := make([]byte, len(b)+1)
			copy(out, b)
			out[len(b)] = '\n'
			return out
		}
		return b
	}
	out := make([]byte, 0, len(b)+1)
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c == '\r' {
			out = append(out, '\n')
			if i+1 < len(b) && b[i+1] == '\n' {
				i++
			}
			continue
		}
		out = append(out, c)
	}
	if out[len(out)-1] != '\n' {
		out = append(out, '\n')
	}
	return out
}

func encodingError(msg string) *Error {
	return &Error{Msg: msg, Kind: "SyntaxError"}
}

func decode(src []byte) ([]byte, error) {
	bom := bytes.HasPrefix(src, []byte("\xef\xbb\xbf"))
	if bom {
		src = src[3:]
	}
	text := translateNewlines(src)

	// The coding spec is looked for on line 1, and on line 2 if line 1 holds only
	// whitespace and a comment; a line counts only if it ends with a newline.
	var spec string
	if nl := bytes.IndexByte(text, '\n'); nl >= 0 {
		var onlyComment bool
		spec, onlyComment = codingSpec(text[:nl])
		if spec == "" && onlyComment {
			rest := text[nl+1:]
			if nl2 := bytes.IndexByte(rest, '\n'); nl2 >= 0 {
				spec, _ = codingSpec(rest[:nl2+1])
			}
		}
	}
	if spec == "" {
		return text, nil
	}
	if bom {
		if spec != "utf-8" {
			return nil, encodingError(fmt.Sprintf("encoding problem: %s with BOM", spec))
		}
		return text, nil
	}
	if spec == "utf-8" {
		return text, nil
	}
	codec, ok := lookupCodec(spec)
	if !ok {
		return nil, encodingError("unknown encoding: " + spec)
	}
	switch codec {
	case "utf_8", "utf_8_sig":
		t := text
		if codec == "utf_8_sig" {
			t = bytes.TrimPrefix(t, []byte("\xef\xbb\xbf"))
		}
		if _, msg := UTF8Error(t); msg != "" {
			return nil, encodingError(msg)
		}
		return t, nil
	}
	table := charmaps[codec]
	name := "charmap"
	switch codec {
	case "ascii":
		name = "ascii"
	case "latin_1":
		name = "latin-1"
	}
	out := make([]byte, 0, len(text)+len(text)/8)
	for i, c := range text {
		if c < 0x80 {
			out = append(out, c)
			continue
		}
		r := table[c]
		if r < 0 {
			reason := "character maps to <undefined>"
			if codec == "ascii" {
				reason = "ordinal not in range(128)"
			}
			return nil, encodingError(fmt.Sprintf("'%s' codec can't decode byte 0x%02x in position %d: %s", name, c, i, reason))
		}
		out = utf8.AppendRune(out, r)
	}
	return out, nil
}

// codingSpec is CPython's get_coding_spec followed by get_normal_name. It also reports
// whether the line holds nothing but whitespace and (maybe) a comment.
func codingSpec(line []byte) (spec string, onlyComment bool) {
	onlyComment = true
	for _, c := range line {
		if c == '#' || c == '\n' {
			break
		}
		if c != ' ' && c != '\t' && c != '\f' {
			onlyComment = false
			break
		}
	}
	size := len(line)
	i := 0
	for ; i < size-6; i++ {
		if line[i] == '#' {
			break
		}
		if line[i] != ' ' && line[i] != '\t' && line[i] != '\f' {
			return "", onlyComment
		}
	}
	at := func(j int) byte {
		if j < len(line) {
			return line[j]
		}
		return 0
	}
	for ; i < size-6; i++ {
		if !bytes.Equal(line[i:i+6], []byte("coding")) {
			continue
		}
		t := i + 6
		if at(t) != ':' && at(t) != '=' {
			continue
		}
		t++
		for at(t) == ' ' || at(t) == '\t' {
			t++
		}
		begin := t
		for {
			c := at(t)
			if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.' {
				t++
				continue
			}
			break
		}
		if begin < t {
			return normalName(string(line[begin:t])), onlyComment
		}
	}
	return "", onlyComment
}

// normalName is CPython's get_normal_name.
func normalName(s string) string {
	b := []byte(s)
	if len(b) > 12 {
		b = b[:12]
	}
	for i, c := range b {
		if c == '_' {
			b[i] = '-'
		} else if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	buf := string(b)
	switch {
	case buf == "utf-8" || strings.HasPrefix(buf, "utf-8-"):
		return "utf-8"
	case buf == "latin-1" || buf == "iso-8859-1" || buf == "iso-latin-1" ||
		strings.HasPrefix(buf, "latin-1-") || strings.HasPrefix(buf, "iso-8859-1-") || strings.HasPrefix(buf, "iso-latin-1-"):
		return "iso-8859-1"
	}
	return s
}

// lookupCodec resolves an encoding name as Python's codec registry does
// (encodings.normalize_encoding and encodings.aliases).
func lookupCodec(name string) (string, bool) {
	lower := strings.ToLower(name)
	// normalize_encoding: runs of characters other than alphanumerics and '.' become
	// one '_', leading and trailing ones are dropped.
	var sb strings.Builder
	pending := false
	for i := 0; i < len(lower); i++ {
		c := lower[i]
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c >= 0x80 {
			if pending && sb.Len() > 0 {
				sb.WriteByte('_')
			}
			pending = false
			sb.WriteByte(c)
		} else {
			pending = true
		}
	}
	norm := sb.String()
	if c, ok := codecAliases[norm]; ok {
		return c, true
	}
	if c, ok := codecAliases[strings.ReplaceAll(norm, ".", "_")]; ok {
		return c, true
	}
	return "", false
}
