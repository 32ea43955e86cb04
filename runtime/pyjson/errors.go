package pyjson

import "strconv"

// Messages of CPython's json.JSONDecodeError, as FastAPI puts them in
// ctx.error of a json_invalid item.
const (
	MsgExpectingValue    = "Expecting value"
	MsgExpectingProperty = "Expecting property name enclosed in double quotes"
	MsgExpectingComma    = "Expecting ',' delimiter"
	MsgExpectingColon    = "Expecting ':' delimiter"
	MsgExtraData         = "Extra data"
	MsgUnterminated      = "Unterminated string starting at"
	MsgControlChar       = "Invalid control character at"
	MsgInvalidEscape     = "Invalid \\escape"
	MsgInvalidUEscape    = "Invalid \\uXXXX escape"
)

// SyntaxError is CPython's json.JSONDecodeError: Msg is e.msg and Pos is
// e.pos, an index in code points into the decoded text (after the BOM).
type SyntaxError struct {
	Msg string
	Pos int
}

func (e *SyntaxError) Error() string {
	return e.Msg + ": char " + strconv.Itoa(e.Pos)
}

// InputErrorKind tells which non-JSONDecodeError exception CPython raises.
type InputErrorKind uint8

const (
	// InvalidEncoding is a UnicodeDecodeError: the bytes are not valid in the
	// encoding json.detect_encoding chose.
	InvalidEncoding InputErrorKind = iota + 1
	// TooDeep is a RecursionError: arrays/objects nested deeper than the
	// limit.
	TooDeep
	// IntTooLong is the ValueError of CPython's int max-str-digits limit
	// (an integer literal of more than 4300 digits).
	IntTooLong
	// TooLarge: the input is larger than this decoder can index (4 GiB).
	TooLarge
)

// InputError is a decode failure that FastAPI answers with 400
// {"detail":"There was an error parsing the body"} instead of a 422.
// Offset is a byte offset into the (transcoded) text, for diagnostics only.
type InputError struct {
	Kind   InputErrorKind
	Offset int
}

func (e *InputError) Error() string {
	switch e.Kind {
	case InvalidEncoding:
		return "pyjson: invalid encoding at byte " + strconv.Itoa(e.Offset)
	case TooDeep:
		return "pyjson: maximum nesting depth exceeded at byte " + strconv.Itoa(e.Offset)
	case IntTooLong:
		return "pyjson: integer literal exceeds the limit (4300 digits) at byte " + strconv.Itoa(e.Offset)
	default:
		return "pyjson: input too large"
	}
}
