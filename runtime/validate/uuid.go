package validate

import (
	"strconv"
	"unicode/utf8"

	"github.com/covetpy/covetgen/runtime/pyjson"
)

// UUID is a parsed uuid.UUID.
type UUID [16]byte

const msgUUIDType = "UUID input should be a string, bytes or UUID object"

// String is str(uuid): lower-case hyphenated.
func (u UUID) String() string {
	const hx = "0123456789abcdef"
	b := make([]byte, 0, 36)
	for i, c := range u {
		if i == 4 || i == 6 || i == 8 || i == 10 {
			b = append(b, '-')
		}
		b = append(b, hx[c>>4], hx[c&0xF])
	}
	return string(b)
}

// AppendJSON writes the UUID as pydantic does.
func (u UUID) AppendJSON(dst []byte) []byte {
	dst = append(dst, '"')
	dst = append(dst, u.String()...)
	return append(dst, '"')
}

// UUIDFromString parses as the Rust uuid crate's Uuid::parse_str: simple
// (32 hex), hyphenated, {braced} and urn:uuid: forms.
func UUIDFromString(s string) (UUID, *Error) {
	u, err := uuidFromStr(s, nil)
	return withStr(u, err, s)
}

// UUIDFromJSON accepts JSON strings only.
func UUIDFromJSON(v pyjson.Value) (UUID, *Error) {
	if v.Kind() != pyjson.KindString {
		return UUID{}, newErr("uuid_type", msgUUIDType, v)
	}
	u, err := uuidFromStr(v.Str(), nil)
	return withValue(u, err, v)
}

func uuidFromStr(s string, input any) (UUID, *Error) {
	if u, ok := uuidTryParse(s); ok {
		return u, nil
	}
	msg := uuidDiagnose(s)
	return UUID{}, newErr("uuid_parsing", "Input should be a valid UUID, "+msg, input, CtxItem{"error", msg})
}

func unhex(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

func uuidTryParse(s string) (UUID, bool) {
	switch {
	case len(s) == 32:
		return uuidHex(s, false)
	case len(s) == 36:
		return uuidHex(s, true)
	case len(s) == 38 && s[0] == '{' && s[37] == '}':
		return uuidHex(s[1:37], true)
	case len(s) == 45 && s[:9] == "urn:uuid:":
		return uuidHex(s[9:], true)
	}
	return UUID{}, false
}

func uuidHex(s string, hyphens bool) (UUID, bool) {
	var u UUID
	j := 0
	for i := 0; i < len(s); {
		if hyphens && (i == 8 || i == 13 || i == 18 || i == 23) {
			if s[i] != '-' {
				return u, false
			}
			i++
			continue
		}
		if i+1 >= len(s) {
			return u, false
		}
		h, ok1 := unhex(s[i])
		l, ok2 := unhex(s[i+1])
		if !ok1 || !ok2 || j >= 16 {
			return u, false
		}
		u[j] = h<<4 | l
		j++
		i += 2
	}
	return u, j == 16
}

// uuidDiagnose is the uuid crate's InvalidUuid::into_err message.
func uuidDiagnose(input string) string {
	if !utf8.ValidString(input) {
		return "non-UTF8 input"
	}
	s, offset, simple := input, 0, true
	switch {
	case len(s) >= 2 && s[0] == '{' && s[len(s)-1] == '}':
		s, offset, simple = s[1:len(s)-1], 1, false
	case len(s) >= 9 && s[:9] == "urn:uuid:":
		s, offset, simple = s[9:], 9, false
	}
	hyphens := 0
	var bounds [4]int
	for i, r := range s {
		switch {
		case r >= 0x80:
			return "invalid character: found `" + string(r) + "` at " + strconv.Itoa(i+offset+1)
		case r == '-':
			if hyphens < 4 {
				bounds[hyphens] = i
			}
			hyphens++
		default:
			if _, ok := unhex(byte(r)); !ok {
				return "invalid character: found `" + string(r) + "` at " + strconv.Itoa(i+offset+1)
			}
		}
	}
	if hyphens == 0 && simple {
		return "invalid length: expected length 32 for simple format, found " + strconv.Itoa(len(input))
	}
	if hyphens != 4 {
		return "invalid group count: expected 5, found " + strconv.Itoa(hyphens+1)
	}
	starts := [5]int{0, 9, 14, 19, 24}
	expected := [5]int{8, 4, 4, 4, 12}
	for i := 0; i < 4; i++ {
		if bounds[i] != starts[i+1]-1 {
			return "invalid group length in group " + strconv.Itoa(i) + ": expected " + strconv.Itoa(expected[i]) +
				", found " + strconv.Itoa(bounds[i]-starts[i])
		}
	}
	return "invalid group length in group 4: expected 12, found " + strconv.Itoa(len(input)-starts[4])
}
