package pyval

import (
	"time"

	"github.com/covetpy/covetgen/runtime/validate"
)

// Attributes and methods of date, datetime and timedelta values that translated bodies
// call (the translator checks names against the static type; a value of another kind
// raises AttributeError as CPython would).

func noTemporalAttr(v Value, name string) error {
	return raise("AttributeError", "'"+tpName(v)+"' object has no attribute '"+name+"'")
}

// TemporalAttr is v.name for the data attributes of date (year month day), datetime
// (those and hour minute second microsecond) and timedelta (days seconds microseconds).
func TemporalAttr(v Value, name string) (Value, error) {
	v, _ = unUTC(v)
	switch x := v.(type) {
	case Date:
		switch name {
		case "year", "month", "day":
			return x.DateAttr(name), nil
		}
	case DateTime:
		switch name {
		case "year", "month", "day":
			return Date(x.Date).DateAttr(name), nil
		case "hour":
			return IntOf(int64(x.Hour)), nil
		case "minute":
			return IntOf(int64(x.Minute)), nil
		case "second":
			return IntOf(int64(x.Second)), nil
		case "microsecond":
			return IntOf(int64(x.Microsecond)), nil
		}
	case Timedelta:
		switch name {
		case "days":
			return IntOf(x.Days), nil
		case "seconds":
			return IntOf(int64(x.Seconds)), nil
		case "microseconds":
			return IntOf(int64(x.Microseconds)), nil
		}
	}
	return nil, noTemporalAttr(v, name)
}

// TemporalMethod is v.name() for the argument-less methods weekday, isoweekday,
// isoformat, toordinal (date, datetime), date (datetime) and total_seconds (timedelta).
func TemporalMethod(v Value, name string) (Value, error) {
	v, _ = unUTC(v)
	var d Date
	switch x := v.(type) {
	case Date:
		d = x
		if name == "isoformat" {
			return x.Isoformat(), nil
		}
	case DateTime:
		d = Date(x.Date)
		switch name {
		case "isoformat":
			return x.Isoformat(), nil
		case "date":
			return d, nil
		}
	case Timedelta:
		if name == "total_seconds" {
			return x.TotalSeconds(), nil
		}
		return nil, noTemporalAttr(v, name)
	default:
		return nil, noTemporalAttr(v, name)
	}
	switch name {
	case "weekday":
		return IntOf((d.ordinal() + 6) % 7), nil
	case "isoweekday":
		return IntOf((d.ordinal()+6)%7 + 1), nil
	case "toordinal":
		return IntOf(d.ordinal()), nil
	}
	return nil, noTemporalAttr(v, name)
}

// DateReplace is d.replace(year=, month=, day=) of a date or a datetime (nil: keep).
func DateReplace(v, year, month, day Value) (Value, error) {
	v, wasUTC := unUTC(v)
	r, err := dateReplace(v, year, month, day)
	return reUTC(r, err, wasUTC)
}

func dateReplace(v, year, month, day Value) (Value, error) {
	var d validate.Date
	switch x := v.(type) {
	case Date:
		d = validate.Date(x)
	case DateTime:
		d = x.Date
	default:
		return nil, noTemporalAttr(v, "replace")
	}
	f := []int64{int64(d.Year), int64(d.Month), int64(d.Day)}
	if err := dateArgs(f, year, month, day); err != nil {
		return nil, err
	}
	nd := validate.Date{Year: int(f[0]), Month: int(f[1]), Day: int(f[2])}
	if dt, ok := v.(DateTime); ok {
		dt.Date = nd
		return dt, nil
	}
	return Date(nd), nil
}

// DateToday is date.today() (the local date).
func DateToday() Value {
	t := time.Now()
	return Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}
}

// DateTimeNow is datetime.now() (naive local time); utc: datetime.utcnow() (naive UTC).
func DateTimeNow(utc bool) Value {
	t := time.Now()
	if utc {
		t = t.UTC()
	}
	return DateTime{Date: validate.Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day()},
		Time: validate.Time{Hour: t.Hour(), Minute: t.Minute(), Second: t.Second(), Microsecond: t.Nanosecond() / 1000}}
}
