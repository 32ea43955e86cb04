package validate

import (
	"strconv"

	"github.com/covetpy/covetgen/runtime/pyjson"
)

// Date is a datetime.date.
type Date struct{ Year, Month, Day int }

// Time is a datetime.time; HasTZ with Offset seconds east of UTC.
type Time struct {
	Hour, Minute, Second, Microsecond int
	HasTZ                             bool
	Offset                            int
}

// DateTime is a datetime.datetime.
type DateTime struct {
	Date
	Time
}

// AppendJSON writes "YYYY-MM-DD".
func (d Date) AppendJSON(dst []byte) []byte {
	dst = append(dst, '"')
	dst = d.appendISO(dst)
	return append(dst, '"')
}

func (d Date) appendISO(dst []byte) []byte {
	dst = itoa2(itoa2(dst, d.Year/100), d.Year%100)
	dst = append(dst, '-')
	dst = itoa2(dst, d.Month)
	dst = append(dst, '-')
	return itoa2(dst, d.Day)
}

func (t Time) appendISO(dst []byte) []byte {
	dst = itoa2(dst, t.Hour)
	dst = append(dst, ':')
	dst = itoa2(dst, t.Minute)
	dst = append(dst, ':')
	dst = itoa2(dst, t.Second)
	if t.Microsecond != 0 {
		us := strconv.Itoa(1_000_000 + t.Microsecond)
		dst = append(dst, '.')
		dst = append(dst, us[1:]...)
	}
	if t.HasTZ {
		if t.Offset == 0 {
			return append(dst, 'Z')
		}
		o := t.Offset
		if o < 0 {
			dst = append(dst, '-')
			o = -o
		} else {
			dst = append(dst, '+')
		}
		dst = itoa2(dst, o/3600)
		dst = append(dst, ':')
		dst = itoa2(dst, o%3600/60)
	}
	return dst
}

// AppendJSON writes the time as pydantic does ("03:04:05.500000+01:00").
func (t Time) AppendJSON(dst []byte) []byte {
	dst = append(dst, '"')
	dst = t.appendISO(dst)
	return append(dst, '"')
}

// AppendJSON writes the datetime as pydantic does ("2024-01-02T03:04:00",
// "...Z" for UTC).
func (dt DateTime) AppendJSON(dst []byte) []byte {
	dst = append(dst, '"')
	dst = dt.Date.appendISO(dst)
	dst = append(dst, 'T')
	dst = dt.Time.appendISO(dst)
	return append(dst, '"')
}

// DateTimeFromString parses ISO 8601 / RFC 3339 datetimes (T, t, _ or
// space separator), bare dates (midnight) and unix timestamps (seconds, or
// milliseconds above 2e10), as pydantic's lax datetime validator does.
func DateTimeFromString(s string) (DateTime, *Error) {
	dt, err := dateTimeFromStr(s, nil)
	return withStr(dt, err, s)
}

func dateTimeFromStr(s string, input any) (DateTime, *Error) {
	dt, e := parseDateTime(s)
	if e == "" {
		return yearZeroDT(dt, input)
	}
	d, e := parseDate(s)
	if e == "" {
		return yearZeroDT(DateTime{Date: d}, input)
	}
	return DateTime{}, newErr("datetime_from_date_parsing", "Input should be a valid datetime or date, "+e, input, CtxItem{"error", e})
}

// DateTimeFromJSON coerces strings, ints and floats (unix timestamps).
func DateTimeFromJSON(v pyjson.Value) (DateTime, *Error) {
	var dt DateTime
	var e string
	switch v.Kind() {
	case pyjson.KindString:
		dt, err := dateTimeFromStr(v.Str(), nil)
		return withValue(dt, err, v)
	case pyjson.KindInt, pyjson.KindFloat:
		dt, e = dateTimeFromJSONNumber(v)
	default:
		return DateTime{}, newErr("datetime_type", "Input should be a valid datetime", v)
	}
	if e != "" {
		return DateTime{}, newErr("datetime_parsing", "Input should be a valid datetime, "+e, v, CtxItem{"error", e})
	}
	return dt, nil
}

// dateTimeFromJSONNumber reads a JSON int or float as a unix timestamp (seconds, or
// milliseconds past pydantic's 2e10 watershed); e is pydantic's reason when it is out of range.
func dateTimeFromJSONNumber(v pyjson.Value) (dt DateTime, e string) {
	if v.Kind() == pyjson.KindFloat {
		f, _ := v.Float64()
		return dateTimeFromFloat(f)
	}
	n, ok := v.Int64()
	if !ok {
		return DateTime{}, errDateTooLarge
	}
	return dateTimeFromTimestamp(n, 0)
}

// exactDate is dt's date when dt is exactly midnight, else pydantic's
// date_from_datetime_inexact error.
func exactDate(dt DateTime, input any) (Date, *Error) {
	if dt.Hour != 0 || dt.Minute != 0 || dt.Second != 0 || dt.Microsecond != 0 {
		return Date{}, newErr("date_from_datetime_inexact", msgDateInexact, input)
	}
	return dt.Date, nil
}

// yearZeroDT: Python's datetime refuses year 0 after speedate accepted it.
func yearZeroDT(dt DateTime, input any) (DateTime, *Error) {
	if dt.Year == 0 {
		const e = "year 0 is out of range"
		return DateTime{}, newErr("datetime_parsing", "Input should be a valid datetime, "+e, input, CtxItem{"error", e})
	}
	return dt, nil
}

const msgDateInexact = "Datetimes provided to dates should have zero time - e.g. be exact dates"

// DateFromString parses a date, or a datetime/timestamp with zero time.
func DateFromString(s string) (Date, *Error) {
	d, err := dateFromStr(s, nil)
	return withStr(d, err, s)
}

func dateFromStr(s string, input any) (Date, *Error) {
	if d, e := parseDate(s); e == "" {
		if d.Year == 0 {
			const e = "year 0 is out of range"
			return Date{}, newErr("date_parsing", "Input should be a valid date in the format YYYY-MM-DD, "+e, input, CtxItem{"error", e})
		}
		return d, nil
	}
	dt, e := parseDateTime(s)
	if e != "" {
		return Date{}, newErr("date_from_datetime_parsing", "Input should be a valid date or datetime, "+e, input, CtxItem{"error", e})
	}
	return exactDate(dt, input)
}

// DateFromJSON coerces strings and exact-midnight unix timestamps.
func DateFromJSON(v pyjson.Value) (Date, *Error) {
	var dt DateTime
	var e string
	switch v.Kind() {
	case pyjson.KindString:
		d, err := dateFromStr(v.Str(), nil)
		return withValue(d, err, v)
	case pyjson.KindInt, pyjson.KindFloat:
		dt, e = dateTimeFromJSONNumber(v)
	default:
		return Date{}, newErr("date_type", "Input should be a valid date", v)
	}
	if e != "" {
		return Date{}, newErr("date_from_datetime_parsing", "Input should be a valid date or datetime, "+e, v, CtxItem{"error", e})
	}
	return exactDate(dt, v)
}

// TimeFromString parses "HH:MM[:SS[.ffffff]][Z|±HH[:]MM]".
func TimeFromString(s string) (Time, *Error) {
	t, err := timeFromStr(s, nil)
	return withStr(t, err, s)
}

func timeFromStr(s string, input any) (Time, *Error) {
	t, e := parseTimeAt(s, 0)
	if e != "" {
		return Time{}, newErr("time_parsing", "Input should be in a valid time format, "+e, input, CtxItem{"error", e})
	}
	return t, nil
}

// TimeFromJSON coerces strings and seconds since midnight (UTC, < 86400).
func TimeFromJSON(v pyjson.Value) (Time, *Error) {
	var sec float64
	switch v.Kind() {
	case pyjson.KindString:
		t, err := timeFromStr(v.Str(), nil)
		return withValue(t, err, v)
	case pyjson.KindInt:
		n, ok := v.Int64()
		if !ok {
			n = 1 << 40
		}
		sec = float64(n)
	case pyjson.KindFloat:
		sec, _ = v.Float64()
	default:
		return Time{}, newErr("time_type", "Input should be a valid time", v)
	}
	if sec < 0 {
		const e = "time in seconds should be positive"
		return Time{}, newErr("time_parsing", "Input should be in a valid time format, "+e, v, CtxItem{"error", e})
	}
	if !(sec < 86400) {
		return Time{}, newErr("time_parsing", "Input should be in a valid time format, "+errTimeTooLarge, v, CtxItem{"error", errTimeTooLarge})
	}
	whole := int(sec)
	us := int((sec-float64(whole))*1e6 + 0.5)
	return Time{Hour: whole / 3600, Minute: whole % 3600 / 60, Second: whole % 60, Microsecond: us, HasTZ: true}, nil
}
