package pyval

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/covetpy/covetgen/runtime/pyjson"
)

// DumpsOptions are json.dumps' keyword arguments (nil: absent, the default).
type DumpsOptions struct {
	Indent, SortKeys, EnsureASCII, Separators, AllowNaN Value
}

// jsonEnc is one json.dumps call.
type jsonEnc struct {
	b               strings.Builder
	indent          *string // nil: no indentation
	itemSep, keySep string
	sortKeys, ascii bool
	allowNaN        bool
	path            []any // the lists and dicts being encoded (circular references)
	indentLevel     int
}

// JSONDumps is json.dumps(v, indent=, sort_keys=, ensure_ascii=, separators=,
// allow_nan=) with CPython's exact output.
func JSONDumps(v Value, o DumpsOptions) (Value, error) {
	e := &jsonEnc{ascii: true, allowNaN: true}
	if o.Indent != nil && !IsNone(o.Indent) {
		switch x := o.Indent.(type) {
		case Str:
			s := string(x)
			e.indent = &s
		case Int, Bool:
			n, err := asIndex(x)
			if err != nil {
				return nil, err
			}
			s := ""
			if n > 0 {
				s = strings.Repeat(" ", int(n))
			}
			e.indent = &s
		default:
			return nil, typeError("can't multiply sequence by non-int of type '%s'", o.Indent.TypeName())
		}
	}
	e.itemSep, e.keySep = ", ", ": "
	if e.indent != nil {
		e.itemSep = ","
	}
	if o.Separators != nil && !IsNone(o.Separators) {
		items, err := Unpack(o.Separators, 2)
		if err != nil {
			return nil, err
		}
		s1, ok1 := items[0].(Str)
		s2, ok2 := items[1].(Str)
		if !ok1 || !ok2 {
			return nil, typeError("make_encoder() argument 6 must be str, not %s", items[0].TypeName())
		}
		e.itemSep, e.keySep = string(s1), string(s2)
	}
	if o.SortKeys != nil {
		e.sortKeys = Truthy(o.SortKeys)
	}
	if o.EnsureASCII != nil {
		e.ascii = Truthy(o.EnsureASCII)
	}
	if o.AllowNaN != nil {
		e.allowNaN = Truthy(o.AllowNaN)
	}
	if err := e.value(v); err != nil {
		return nil, err
	}
	return Str(e.b.String()), nil
}

func (e *jsonEnc) str(s string) {
	b := &e.b
	b.WriteByte('"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"':
				b.WriteString(`\"`)
			case c == '\\':
				b.WriteString(`\\`)
			case c == '\n':
				b.WriteString(`\n`)
			case c == '\r':
				b.WriteString(`\r`)
			case c == '\t':
				b.WriteString(`\t`)
			case c == '\b':
				b.WriteString(`\b`)
			case c == '\f':
				b.WriteString(`\f`)
			case c < 0x20 || c == 0x7f && e.ascii:
				b.WriteString(`\u00`)
				writeHex(b, uint32(c), 2)
			default:
				b.WriteByte(c)
			}
			i++
			continue
		}
		r, n := decodeWTF8(s[i:])
		if !e.ascii {
			b.WriteString(s[i : i+n])
		} else if r >= 0x10000 {
			r -= 0x10000
			b.WriteString(`\u`)
			writeHex(b, uint32(0xD800+(r>>10)), 4)
			b.WriteString(`\u`)
			writeHex(b, uint32(0xDC00+(r&0x3FF)), 4)
		} else {
			b.WriteString(`\u`)
			writeHex(b, uint32(r), 4)
		}
		i += n
	}
	b.WriteByte('"')
}

// decodeWTF8 decodes one code point of a WTF-8 string (a lone surrogate is its 3-byte
// generalized UTF-8 form).
func decodeWTF8(s string) (rune, int) {
	if len(s) >= 3 && s[0] == 0xED && s[1] >= 0xA0 {
		return rune(s[0]&0x0F)<<12 | rune(s[1]&0x3F)<<6 | rune(s[2]&0x3F), 3
	}
	return utf8.DecodeRuneInString(s)
}

func (e *jsonEnc) float(f float64) error {
	switch {
	case math.IsNaN(f) || math.IsInf(f, 0):
		if !e.allowNaN {
			return valueError("Out of range float values are not JSON compliant")
		}
		switch {
		case math.IsNaN(f):
			e.b.WriteString("NaN")
		case f > 0:
			e.b.WriteString("Infinity")
		default:
			e.b.WriteString("-Infinity")
		}
	default:
		e.b.Write(pyjson.AppendFloatRepr(nil, f))
	}
	return nil
}

func (e *jsonEnc) newline() {
	if e.indent != nil {
		e.b.WriteByte('\n')
		e.b.WriteString(strings.Repeat(*e.indent, e.indentLevel))
	}
}

func (e *jsonEnc) enter(c any) error {
	for _, p := range e.path {
		if p == c {
			return valueError("Circular reference detected")
		}
	}
	if len(e.path) >= maxDepth {
		return recursion()
	}
	e.path = append(e.path, c)
	return nil
}

func (e *jsonEnc) value(v Value) error {
	switch x := v.(type) {
	case Str:
		e.str(string(x))
	case NoneType:
		e.b.WriteString("null")
	case Bool:
		if x {
			e.b.WriteString("true")
		} else {
			e.b.WriteString("false")
		}
	case Int:
		s, err := intStr(x)
		if err != nil {
			return err
		}
		e.b.WriteString(s)
	case Float:
		return e.float(float64(x))
	case *List:
		return e.list(x, x.Items)
	case Tuple:
		return e.list(nil, x)
	case *Dict:
		return e.dict(x)
	default:
		return typeError("Object of type %s is not JSON serializable", v.TypeName())
	}
	return nil
}

func (e *jsonEnc) list(id any, items []Value) error {
	if len(items) == 0 {
		e.b.WriteString("[]")
		return nil
	}
	if id != nil {
		if err := e.enter(id); err != nil {
			return err
		}
		defer func() { e.path = e.path[:len(e.path)-1] }()
	}
	e.b.WriteByte('[')
	e.indentLevel++
	e.newline()
	for i, it := range items {
		if i > 0 {
			e.b.WriteString(e.itemSep)
			e.newline()
		}
		if err := e.value(it); err != nil {
			return err
		}
	}
	e.indentLevel--
	e.newline()
	e.b.WriteByte(']')
	return nil
}

func (e *jsonEnc) key(k Value) error {
	switch x := k.(type) {
	case Str:
		e.str(string(x))
		return nil
	case Float:
		e.b.WriteByte('"')
		if err := e.float(float64(x)); err != nil {
			return err
		}
		e.b.WriteByte('"')
		return nil
	case Bool, NoneType, Int:
		e.b.WriteByte('"')
		if err := e.value(x); err != nil {
			return err
		}
		e.b.WriteByte('"')
		return nil
	}
	return typeError("keys must be str, int, float, bool or None, not %s", k.TypeName())
}

func (e *jsonEnc) dict(d *Dict) error {
	if d.Len() == 0 {
		e.b.WriteString("{}")
		return nil
	}
	if err := e.enter(d); err != nil {
		return err
	}
	defer func() { e.path = e.path[:len(e.path)-1] }()
	keys, vals := d.keys, d.vals
	if e.sortKeys {
		pairs := make([]Value, len(keys))
		for i, k := range keys {
			pairs[i] = Tuple{k, vals[i]}
		}
		if err := SortValues(pairs, nil, nil); err != nil {
			return err
		}
		keys, vals = make([]Value, len(pairs)), make([]Value, len(pairs))
		for i, p := range pairs {
			keys[i], vals[i] = p.(Tuple)[0], p.(Tuple)[1]
		}
	}
	e.b.WriteByte('{')
	e.indentLevel++
	e.newline()
	for i, k := range keys {
		if i > 0 {
			e.b.WriteString(e.itemSep)
			e.newline()
		}
		if err := e.key(k); err != nil {
			return err
		}
		e.b.WriteString(e.keySep)
		if err := e.value(vals[i]); err != nil {
			return err
		}
	}
	e.indentLevel--
	e.newline()
	e.b.WriteByte('}')
	return nil
}

// JSONLoads is json.loads(s) for a str or bytes (decoded as json.detect_encoding picks
// the encoding). A syntax error is JSONDecodeError (a ValueError) with CPython's message.
func JSONLoads(v Value) (Value, error) {
	var data []byte
	var text func() []rune // the decoded document, for the error message
	switch x := v.(type) {
	case Str:
		s := string(x)
		if strings.HasPrefix(s, "\ufeff") {
			return nil, jsonDecodeError([]rune(s), "Unexpected UTF-8 BOM (decode using utf-8-sig)", 0)
		}
		data = []byte(s)
		// pyjson detects the encoding of bytes from NULs in the first two: a str is
		// never transcoded, and a NUL (invalid anywhere in JSON) errs as \x01 does.
		for i := 0; i < 2 && i < len(data); i++ {
			if data[i] == 0 {
				data[i] = 1
			}
		}
		text = func() []rune { return wtf8Runes(s) }
	case Bytes:
		data = []byte(x)
		text = func() []rune { return detectDecode([]byte(x)) }
	default:
		return nil, typeError("the JSON object must be str, bytes or bytearray, not %s", v.TypeName())
	}
	doc, err := pyjson.Parse(data)
	if err != nil {
		switch x := err.(type) {
		case *pyjson.SyntaxError:
			return nil, jsonDecodeError(text(), x.Msg, x.Pos)
		case *pyjson.InputError:
			switch x.Kind {
			case pyjson.TooDeep:
				return nil, recursion()
			case pyjson.IntTooLong:
				return nil, valueError("Exceeds the limit (4300 digits) for integer string conversion: value has more than 4300 digits; use sys.set_int_max_str_digits() to increase the limit")
			case pyjson.InvalidEncoding:
				return nil, raise("UnicodeDecodeError", "invalid bytes for the detected encoding")
			}
		}
		return nil, raise("MemoryError", err.Error())
	}
	return FromJSON(doc.Root()), nil
}

// wtf8Runes are the code points of a WTF-8 string.
func wtf8Runes(s string) []rune {
	var out []rune
	for i := 0; i < len(s); {
		r, n := decodeWTF8(s[i:])
		out = append(out, r)
		i += n
	}
	return out
}

// detectDecode decodes JSON bytes as json.detect_encoding and "surrogatepass" do, for
// error messages (invalid sequences become U+FFFD: the parse failed on them already).
func detectDecode(b []byte) []rune {
	has := func(p string) bool { return strings.HasPrefix(string(b), p) }
	enc := "utf-8"
	switch {
	case has("\x00\x00\xfe\xff"):
		enc, b = "utf-32-be", b[4:]
	case has("\xff\xfe\x00\x00"):
		enc, b = "utf-32-le", b[4:]
	case has("\xfe\xff"):
		enc, b = "utf-16-be", b[2:]
	case has("\xff\xfe"):
		enc, b = "utf-16-le", b[2:]
	case has("\xef\xbb\xbf"):
		b = b[3:]
	case len(b) >= 4 && b[0] == 0:
		enc = map[bool]string{true: "utf-16-be", false: "utf-32-be"}[b[1] != 0]
	case len(b) >= 4 && b[1] == 0:
		enc = map[bool]string{true: "utf-16-le", false: "utf-32-le"}[b[2] != 0 || b[3] != 0]
	case len(b) == 2 && b[0] == 0:
		enc = "utf-16-be"
	case len(b) == 2 && b[1] == 0:
		enc = "utf-16-le"
	}
	var out []rune
	switch enc {
	case "utf-8":
		return wtf8Runes(string(b))
	case "utf-32-be", "utf-32-le":
		for i := 0; i+4 <= len(b); i += 4 {
			if enc == "utf-32-be" {
				out = append(out, rune(b[i])<<24|rune(b[i+1])<<16|rune(b[i+2])<<8|rune(b[i+3]))
			} else {
				out = append(out, rune(b[i+3])<<24|rune(b[i+2])<<16|rune(b[i+1])<<8|rune(b[i]))
			}
		}
		return out
	}
	var units []uint16
	for i := 0; i+2 <= len(b); i += 2 {
		if enc == "utf-16-be" {
			units = append(units, uint16(b[i])<<8|uint16(b[i+1]))
		} else {
			units = append(units, uint16(b[i+1])<<8|uint16(b[i]))
		}
	}
	for i := 0; i < len(units); i++ {
		u := rune(units[i])
		if u >= 0xD800 && u < 0xDC00 && i+1 < len(units) && units[i+1] >= 0xDC00 && units[i+1] < 0xE000 {
			u = 0x10000 + (u-0xD800)<<10 + rune(units[i+1]) - 0xDC00
			i++
		}
		out = append(out, u)
	}
	return out
}

// jsonDecodeError is json.JSONDecodeError(msg, doc, pos): "msg: line L column C (char P)".
func jsonDecodeError(doc []rune, msg string, pos int) error {
	if pos > len(doc) {
		pos = len(doc)
	}
	line, col := 1, pos+1
	for i := 0; i < pos; i++ {
		if doc[i] == '\n' {
			line++
			col = pos - i
		}
	}
	full := msg + ": line " + strconv.Itoa(line) + " column " + strconv.Itoa(col) + " (char " + strconv.Itoa(pos) + ")"
	return &Exception{Class: "JSONDecodeError", Args: []Value{Str(full)}, Msg: full}
}
