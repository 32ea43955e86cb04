package validate

import "github.com/covetpy/covetgen/runtime/pyjson"

// Decoder is the shape of every decoder a generated model or container
// uses: validate v, write the result to out and report success; on failure
// the errors are recorded in s at its current location.
type Decoder[T any] func(s *State, v pyjson.Value, out *T) bool

// The State methods below are the scalar decoders: the XxxFromJSON
// coercion, then the constraints (nil for none), then the exactness
// pydantic-core gives the match (python mode: a JSON int is an exact int, a
// strict float, a lax bool or str).

// Int validates an int.
func (s *State) Int(v pyjson.Value, c *IntConstraints, out *Int) bool {
	n, err := IntFromJSON(v)
	if err == nil && c != nil {
		err = located(c.Check(n, nil), v)
	}
	if err != nil {
		return s.fail(err)
	}
	if v.Kind() != pyjson.KindInt {
		s.Floor(Lax)
	}
	*out = n
	return true
}

// Float validates a float.
func (s *State) Float(v pyjson.Value, c *FloatConstraints, out *float64) bool {
	f, err := FloatFromJSON(v)
	if err == nil && c != nil {
		err = located(c.Check(f, nil), v)
	}
	if err != nil {
		return s.fail(err)
	}
	switch v.Kind() {
	case pyjson.KindFloat:
	case pyjson.KindInt:
		s.Floor(Strict)
	default:
		s.Floor(Lax)
	}
	*out = f
	return true
}

// Bool validates a bool.
func (s *State) Bool(v pyjson.Value, out *bool) bool {
	b, err := BoolFromJSON(v)
	if err != nil {
		return s.fail(err)
	}
	if _, isBool := v.Bool(); !isBool {
		s.Floor(Lax)
	}
	*out = b
	return true
}

// Str validates a str.
func (s *State) Str(v pyjson.Value, c *StrConstraints, out *string) bool {
	str, err := StrFromJSON(v)
	if err == nil && c != nil {
		str, err = c.Apply(str, nil)
		err = located(err, v)
	}
	if err != nil {
		return s.fail(err)
	}
	*out = str
	return true
}

// BytesConstraints are min_length/max_length of bytes.
type BytesConstraints struct{ MinLength, MaxLength *int }

// Bytes validates bytes (a JSON string's UTF-8).
func (s *State) Bytes(v pyjson.Value, c *BytesConstraints, out *[]byte) bool {
	b, err := BytesFromJSON(v)
	if err == nil && c != nil {
		err = located(CheckBytesLength(b, c.MinLength, c.MaxLength, nil), v)
	}
	if err != nil {
		return s.fail(err)
	}
	s.Floor(Lax)
	*out = b
	return true
}

// UUID validates a uuid.UUID.
func (s *State) UUID(v pyjson.Value, out *UUID) bool {
	u, err := UUIDFromJSON(v)
	if err != nil {
		return s.fail(err)
	}
	s.Floor(Lax)
	*out = u
	return true
}

// Decimal validates a decimal.Decimal.
func (s *State) Decimal(v pyjson.Value, c *DecimalConstraints, out *Decimal) bool {
	d, err := DecimalFromJSON(v)
	if err == nil {
		if c == nil {
			c = &DecimalConstraints{}
		}
		err = located(c.Check(d, nil), v)
	}
	if err != nil {
		return s.fail(err)
	}
	s.Floor(Lax)
	*out = d
	return true
}

// Date validates a datetime.date.
func (s *State) Date(v pyjson.Value, out *Date) bool {
	d, err := DateFromJSON(v)
	if err != nil {
		return s.fail(err)
	}
	s.Floor(Lax)
	*out = d
	return true
}

// Time validates a datetime.time.
func (s *State) Time(v pyjson.Value, out *Time) bool {
	t, err := TimeFromJSON(v)
	if err != nil {
		return s.fail(err)
	}
	s.Floor(Lax)
	*out = t
	return true
}

// DateTime validates a datetime.datetime.
func (s *State) DateTime(v pyjson.Value, out *DateTime) bool {
	t, err := DateTimeFromJSON(v)
	if err != nil {
		return s.fail(err)
	}
	s.Floor(Lax)
	*out = t
	return true
}

// Duration validates a datetime.timedelta.
func (s *State) Duration(v pyjson.Value, c *DurationConstraints, out *Duration) bool {
	d, err := decodeDuration(v, c)
	if err != nil {
		return s.fail(err)
	}
	s.Floor(Lax)
	*out = d
	return true
}

// Literal validates a typing.Literal; out is the index of the member.
// A match is exact (pydantic-core's literal validator keeps exactness).
func (s *State) Literal(v pyjson.Value, l *Literal, out *int) bool {
	i, err := l.FromJSON(v)
	if err != nil {
		return s.fail(err)
	}
	*out = i
	return true
}

// Enum validates an Enum; out is the index of the member. Enums are lax.
func (s *State) Enum(v pyjson.Value, e *Enum, out *int) bool {
	i, err := e.FromJSON(v)
	if err != nil {
		return s.fail(err)
	}
	s.Floor(Lax)
	*out = i
	return true
}

// None validates the None type (none_required).
func (s *State) None(v pyjson.Value) bool {
	if v.Kind() != pyjson.KindNull {
		return s.fail(newErr("none_required", "Input should be None", v))
	}
	return true
}

// Any accepts any value (typing.Any, object); pydantic floors it to strict.
func (s *State) Any(v pyjson.Value, out *pyjson.Value) bool {
	s.Floor(Strict)
	*out = v
	return true
}

// located sets the input of a constraint error checked with a nil input.
func located(err *Error, v pyjson.Value) *Error {
	if err != nil {
		err.Input = v
	}
	return err
}

// Unconstrained scalar decoders, for container items.

// DecodeInt is an int item.
func DecodeInt(s *State, v pyjson.Value, out *Int) bool { return s.Int(v, nil, out) }

// DecodeFloat is a float item.
func DecodeFloat(s *State, v pyjson.Value, out *float64) bool { return s.Float(v, nil, out) }

// DecodeBool is a bool item.
func DecodeBool(s *State, v pyjson.Value, out *bool) bool { return s.Bool(v, out) }

// DecodeStr is a str item.
func DecodeStr(s *State, v pyjson.Value, out *string) bool { return s.Str(v, nil, out) }

// DecodeBytes is a bytes item.
func DecodeBytes(s *State, v pyjson.Value, out *[]byte) bool { return s.Bytes(v, nil, out) }

// DecodeUUID is a UUID item.
func DecodeUUID(s *State, v pyjson.Value, out *UUID) bool { return s.UUID(v, out) }

// DecodeDecimal is a Decimal item.
func DecodeDecimal(s *State, v pyjson.Value, out *Decimal) bool { return s.Decimal(v, nil, out) }

// DecodeDate is a date item.
func DecodeDate(s *State, v pyjson.Value, out *Date) bool { return s.Date(v, out) }

// DecodeTime is a time item.
func DecodeTime(s *State, v pyjson.Value, out *Time) bool { return s.Time(v, out) }

// DecodeDateTime is a datetime item.
func DecodeDateTime(s *State, v pyjson.Value, out *DateTime) bool { return s.DateTime(v, out) }

// DecodeDuration is a timedelta item.
func DecodeDuration(s *State, v pyjson.Value, out *Duration) bool { return s.Duration(v, nil, out) }

// DecodeAny is an Any item.
func DecodeAny(s *State, v pyjson.Value, out *pyjson.Value) bool { return s.Any(v, out) }
