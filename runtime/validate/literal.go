package validate

import (
	"strings"

	"github.com/covetpy/covetgen/runtime/pyjson"
)

// Choice is one Literal member or Enum value: a str, int, bool or None.
type Choice struct {
	kind choiceKind
	s    string
	i    Int
	b    bool
}

type choiceKind uint8

const (
	choiceStr choiceKind = iota
	choiceInt
	choiceBool
	choiceNone
)

// StrChoice, IntChoice, BoolChoice and NoneChoice build choices.
func StrChoice(s string) Choice { return Choice{kind: choiceStr, s: s} }
func IntChoice(i int64) Choice  { return Choice{kind: choiceInt, i: IntOf(i)} }
func BoolChoice(b bool) Choice  { return Choice{kind: choiceBool, b: b} }
func NoneChoice() Choice        { return Choice{kind: choiceNone} }
func (c Choice) repr() string {
	switch c.kind {
	case choiceStr:
		return pyReprStr(c.s)
	case choiceInt:
		return c.i.String()
	case choiceBool:
		if c.b {
			return "True"
		}
		return "False"
	}
	return "None"
}

// AppendJSON writes the choice's value.
func (c Choice) AppendJSON(dst []byte) ([]byte, error) {
	switch c.kind {
	case choiceStr:
		return pyjson.AppendString(dst, c.s)
	case choiceInt:
		return c.i.AppendJSON(dst)
	case choiceBool:
		if c.b {
			return append(dst, "true"...), nil
		}
		return append(dst, "false"...), nil
	}
	return append(dst, "null"...), nil
}

// expectedText is pydantic's "'a', 'b' or 'c'".
func expectedText(cs []Choice) string {
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = c.repr()
	}
	if len(parts) <= 1 {
		return strings.Join(parts, "")
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " or " + parts[len(parts)-1]
}

// Literal is a typing.Literal[...] validator.
type Literal struct {
	Choices  []Choice
	expected string
}

// NewLiteral builds a Literal validator.
func NewLiteral(choices ...Choice) *Literal {
	return &Literal{Choices: choices, expected: expectedText(choices)}
}

func (l *Literal) fail(input any) *Error {
	return newErr("literal_error", "Input should be "+l.expected, input, CtxItem{"expected", l.expected})
}

// FromString matches a parameter string: only str members can match.
func (l *Literal) FromString(s string) (int, *Error) {
	for i, c := range l.Choices {
		if c.kind == choiceStr && c.s == s {
			return i, nil
		}
	}
	return -1, l.fail(s)
}

// FromJSON matches a decoded JSON value as pydantic-core's LiteralLookup
// does: a bool input finds a bool member, an int an int member, a str a
// str member; then Python equality against the bool and None members (so
// Literal[True, 1] maps 1.0 to True); then against the int and str
// members, where equal members (1 and True) share one dict entry holding
// the last of them. An int beyond 64 bits meeting int members fails with
// int_parsing_size.
func (l *Literal) FromJSON(v pyjson.Value) (int, *Error) {
	i := lookupLiteral(l.Choices, v)
	switch {
	case i >= 0:
		return i, nil
	case i == literalIntTooBig:
		return -1, newErr("int_parsing_size", msgIntParsingSize, v)
	}
	return -1, l.fail(v)
}

const literalIntTooBig = -2

func lookupLiteral(cs []Choice, v pyjson.Value) int {
	last := func(match func(c Choice) bool) int {
		found := -1
		for i, c := range cs {
			if match(c) {
				found = i
			}
		}
		return found
	}
	hasKind := func(k choiceKind) bool { return last(func(c Choice) bool { return c.kind == k }) >= 0 }
	var n Int // the input as a number, for the equality lookups
	numeric := true
	switch v.Kind() {
	case pyjson.KindTrue, pyjson.KindFalse:
		b, _ := v.Bool()
		if i := last(func(c Choice) bool { return c.kind == choiceBool && c.b == b }); i >= 0 {
			return i
		}
		n = IntOf(int64(HashBool(b)))
	case pyjson.KindInt:
		n, _ = IntFromJSON(v)
		if hasKind(choiceInt) {
			if _, ok := n.Int64(); !ok {
				return literalIntTooBig
			}
			if i := last(func(c Choice) bool { return c.kind == choiceInt && c.i.Cmp(n) == 0 }); i >= 0 {
				return i
			}
		}
	case pyjson.KindString:
		return last(func(c Choice) bool { return c.kind == choiceStr && c.s == v.Str() })
	case pyjson.KindNull:
		return last(func(c Choice) bool { return c.kind == choiceNone })
	case pyjson.KindFloat:
		f, _ := v.Float64()
		var err *Error
		if n, err = floatAsInt(f, nil); err != nil {
			numeric = false
		}
	default:
		numeric = false
	}
	if !numeric {
		return -1
	}
	isOne, isZero := n.Cmp(IntOf(1)) == 0, n.Cmp(IntOf(0)) == 0
	if i := last(func(c Choice) bool { return c.kind == choiceBool && (c.b && isOne || !c.b && isZero) }); i >= 0 {
		return i
	}
	return last(func(c Choice) bool {
		switch c.kind {
		case choiceInt:
			return c.i.Cmp(n) == 0
		case choiceBool:
			return c.b && isOne || !c.b && isZero
		}
		return false
	})
}

// matchChoice finds v among choices. Python equality makes True == 1 and
// 1.0 == 1; laxInt also coerces strings/floats the lax int way (IntEnum).
func matchChoice(cs []Choice, v pyjson.Value, laxInt bool) int {
	for i, c := range cs {
		switch c.kind {
		case choiceStr:
			if v.Kind() == pyjson.KindString && v.Str() == c.s {
				return i
			}
		case choiceNone:
			if v.Kind() == pyjson.KindNull {
				return i
			}
		case choiceBool:
			if b, ok := v.Bool(); ok && b == c.b {
				return i
			}
		case choiceInt:
			if v.Kind() == pyjson.KindInt {
				n, _ := IntFromJSON(v)
				if n.Cmp(c.i) == 0 {
					return i
				}
			}
		}
	}
	// Python equality: 1.0 == 1, True == 1, False == 0.
	for i, c := range cs {
		if c.kind != choiceInt {
			continue
		}
		switch v.Kind() {
		case pyjson.KindFloat:
			f, _ := v.Float64()
			if n, err := floatAsInt(f, nil); err == nil && n.Cmp(c.i) == 0 {
				return i
			}
		case pyjson.KindTrue, pyjson.KindFalse:
			if b, _ := v.Bool(); (b && c.i.Cmp(IntOf(1)) == 0) || (!b && c.i.Cmp(IntOf(0)) == 0) {
				return i
			}
		}
	}
	if !laxInt {
		return -1
	}
	n, err := IntFromJSON(v)
	if err != nil {
		return -1
	}
	for i, c := range cs {
		if c.kind == choiceInt && n.Cmp(c.i) == 0 {
			return i
		}
	}
	return -1
}

// Enum is an enum.Enum validator: its members' values in definition order.
// IntEnum-like enums (Lax) coerce the input as an int first, so the query
// string "1" finds the member 1.
type Enum struct {
	Values   []Choice
	Lax      bool
	expected string
}

// NewEnum builds an Enum validator; lax for IntEnum.
func NewEnum(lax bool, values ...Choice) *Enum {
	return &Enum{Values: values, Lax: lax, expected: expectedText(values)}
}

func (e *Enum) fail(input any) *Error {
	return newErr("enum", "Input should be "+e.expected, input, CtxItem{"expected", e.expected})
}

// FromString looks a parameter string up.
func (e *Enum) FromString(s string) (int, *Error) {
	for i, c := range e.Values {
		if c.kind == choiceStr && c.s == s {
			return i, nil
		}
	}
	if e.Lax {
		if n, err := IntFromString(s); err == nil {
			for i, c := range e.Values {
				if c.kind == choiceInt && n.Cmp(c.i) == 0 {
					return i, nil
				}
			}
		}
	}
	return -1, e.fail(s)
}

// FromJSON looks a decoded JSON value up.
func (e *Enum) FromJSON(v pyjson.Value) (int, *Error) {
	if i := matchChoice(e.Values, v, e.Lax); i >= 0 {
		return i, nil
	}
	return -1, e.fail(v)
}
