package pyval

import (
	"math/big"
	"strconv"
	"strings"

	"github.com/covetpy/covetgen/runtime/pyjson"
	"github.com/covetpy/covetgen/runtime/validate"
)

// extValue is implemented by the value kinds of temporal.go (datetime, time, timedelta,
// Decimal): what the generic operations of the package (str, repr, bool, ==, the
// jsonable_encoder and validation-input encoders) need of them. Translated bodies pass
// them through; operations on them are the translator's to refuse.
type extValue interface {
	Value
	// pyStr is str(v).
	pyStr() Str
	// pyRepr is repr(v).
	pyRepr() string
	// truthy is bool(v).
	truthy() bool
	// eq is v == o for o of any kind.
	eq(o Value) bool
	// appendJSONable writes jsonable_encoder(v) as json.dumps writes it.
	appendJSONable(dst []byte) ([]byte, error)
	// appendValidation writes the JSON value pydantic's JSON-mode validators read back
	// as exactly v (see ValidationInput).
	appendValidation(dst []byte, depth int) ([]byte, error)
}

// DateTime is a datetime.datetime (tz-aware when HasTZ, with pydantic's TzInfo).
type DateTime validate.DateTime

// Time is a datetime.time.
type Time validate.Time

// Timedelta is a datetime.timedelta.
type Timedelta validate.Duration

// Decimal is a decimal.Decimal.
type Decimal validate.Decimal

func (DateTime) TypeName() string  { return "datetime" }
func (Time) TypeName() string      { return "time" }
func (Timedelta) TypeName() string { return "timedelta" }
func (Decimal) TypeName() string   { return "Decimal" }

// Isoformat is dt.isoformat(): "YYYY-MM-DDTHH:MM:SS[.ffffff][+HH:MM]".
func (dt DateTime) Isoformat() Str { return Str(dt.appendISO(nil, 'T')) }

func (dt DateTime) appendISO(dst []byte, sep byte) []byte {
	d := validate.Date(dt.Date).AppendJSON(nil)
	dst = append(dst, d[1:len(d)-1]...)
	dst = append(dst, sep)
	return Time(dt.Time).appendISO(dst)
}

// Isoformat is t.isoformat(): "HH:MM:SS[.ffffff][+HH:MM]".
func (t Time) Isoformat() Str { return Str(t.appendISO(nil)) }

func (t Time) appendISO(dst []byte) []byte {
	dst = append2(dst, t.Hour)
	dst = append(dst, ':')
	dst = append2(dst, t.Minute)
	dst = append(dst, ':')
	dst = append2(dst, t.Second)
	if t.Microsecond != 0 {
		dst = append(dst, '.')
		dst = append(dst, strconv.Itoa(1_000_000 + t.Microsecond)[1:]...)
	}
	if !t.HasTZ {
		return dst
	}
	o := t.Offset
	if o < 0 {
		dst = append(dst, '-')
		o = -o
	} else {
		dst = append(dst, '+')
	}
	dst = append2(dst, o/3600)
	dst = append(dst, ':')
	dst = append2(dst, o%3600/60)
	if s := o % 60; s != 0 {
		dst = append(dst, ':')
		dst = append2(dst, s)
	}
	return dst
}

func append2(dst []byte, n int) []byte {
	return append(dst, byte('0'+n/10%10), byte('0'+n%10))
}

// tzRepr is the repr of pydantic's TzInfo (", tzinfo=TzInfo(3600)").
func tzRepr(hasTZ bool, offset int) string {
	if !hasTZ {
		return ""
	}
	return ", tzinfo=TzInfo(" + strconv.Itoa(offset) + ")"
}

// timeArgs are the repr arguments of a time: hour and minute, then second and
// microsecond when non-zero, as CPython's repr drops them.
func timeArgs(t validate.Time) string {
	s := itoa(t.Hour) + ", " + itoa(t.Minute)
	switch {
	case t.Microsecond != 0:
		s += ", " + itoa(t.Second) + ", " + itoa(t.Microsecond)
	case t.Second != 0:
		s += ", " + itoa(t.Second)
	}
	return s
}

func (dt DateTime) pyStr() Str { return Str(dt.appendISO(nil, ' ')) }
func (dt DateTime) pyRepr() string {
	return "datetime.datetime(" + itoa(dt.Year) + ", " + itoa(dt.Month) + ", " + itoa(dt.Day) + ", " +
		timeArgs(dt.Time) + tzRepr(dt.HasTZ, dt.Offset) + ")"
}
func (DateTime) truthy() bool { return true }
func (dt DateTime) eq(o Value) bool {
	o, _ = unUTC(o)
	y, ok := o.(DateTime)
	if !ok || dt.HasTZ != y.HasTZ {
		return false
	}
	if !dt.HasTZ {
		return dt == y
	}
	return dt.utcMicros().Cmp(y.utcMicros()) == 0
}

// utcMicros is the instant of an aware datetime in microseconds since 0001-01-01 UTC.
func (dt DateTime) utcMicros() *big.Int {
	days := daysFromCivil(int64(dt.Year), int64(dt.Month), int64(dt.Day))
	us := ((days*86400+int64(dt.Hour*3600+dt.Minute*60+dt.Second-dt.Offset))*1_000_000 + int64(dt.Microsecond))
	return big.NewInt(us)
}

// daysFromCivil is the day number of a proleptic Gregorian date (Howard Hinnant's
// algorithm, 1970-01-01 = 0).
func daysFromCivil(y, m, d int64) int64 {
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}
func (dt DateTime) appendJSONable(dst []byte) ([]byte, error) {
	return pyjson.AppendString(dst, string(dt.Isoformat()))
}
func (dt DateTime) appendValidation(dst []byte, _ int) ([]byte, error) {
	return appendBridgeStr(dst, string(dt.Isoformat())), nil
}

func (t Time) pyStr() Str { return t.Isoformat() }
func (t Time) pyRepr() string {
	return "datetime.time(" + timeArgs(validate.Time(t)) + tzRepr(t.HasTZ, t.Offset) + ")"
}
func (Time) truthy() bool { return true }
func (t Time) eq(o Value) bool {
	y, ok := o.(Time)
	if !ok || t.HasTZ != y.HasTZ {
		return false
	}
	if !t.HasTZ {
		return t == y
	}
	// Aware times compare as their UTC equivalents.
	sec := func(x Time) int { return x.Hour*3600 + x.Minute*60 + x.Second - x.Offset }
	return sec(t) == sec(y) && t.Microsecond == y.Microsecond
}
func (t Time) appendJSONable(dst []byte) ([]byte, error) {
	return pyjson.AppendString(dst, string(t.Isoformat()))
}
func (t Time) appendValidation(dst []byte, _ int) ([]byte, error) {
	return appendBridgeStr(dst, string(t.Isoformat())), nil
}

// TotalSeconds is td.total_seconds().
func (td Timedelta) TotalSeconds() Float { return Float(validate.Duration(td).TotalSeconds()) }

func (td Timedelta) pyStr() Str {
	var b strings.Builder
	if td.Days != 0 {
		b.WriteString(strconv.FormatInt(td.Days, 10))
		if td.Days == 1 || td.Days == -1 {
			b.WriteString(" day, ")
		} else {
			b.WriteString(" days, ")
		}
	}
	s := int(td.Seconds)
	b.WriteString(itoa(s / 3600))
	b.Write(append2([]byte{':'}, s%3600/60))
	b.Write(append2([]byte{':'}, s%60))
	if td.Microseconds != 0 {
		b.WriteString("." + strconv.Itoa(1_000_000 + int(td.Microseconds))[1:])
	}
	return Str(b.String())
}
func (td Timedelta) pyRepr() string {
	var args []string
	if td.Days != 0 {
		args = append(args, "days="+strconv.FormatInt(td.Days, 10))
	}
	if td.Seconds != 0 {
		args = append(args, "seconds="+itoa(int(td.Seconds)))
	}
	if td.Microseconds != 0 {
		args = append(args, "microseconds="+itoa(int(td.Microseconds)))
	}
	if len(args) == 0 {
		return "datetime.timedelta(0)"
	}
	return "datetime.timedelta(" + strings.Join(args, ", ") + ")"
}
func (td Timedelta) truthy() bool    { return td != Timedelta{} }
func (td Timedelta) eq(o Value) bool { y, ok := o.(Timedelta); return ok && td == y }
func (td Timedelta) appendValidation(dst []byte, _ int) ([]byte, error) {
	return appendBridgeStr(dst, validate.Duration(td).ISOString()), nil
}
func (td Timedelta) appendJSONable(dst []byte) ([]byte, error) {
	return validate.Duration(td).AppendPyJSON(dst), nil
}

func (d Decimal) pyStr() Str     { return Str(validate.Decimal(d).String()) }
func (d Decimal) pyRepr() string { return "Decimal('" + validate.Decimal(d).String() + "')" }
func (d Decimal) truthy() bool {
	r, ok := d.rat()
	return !ok || r.Sign() != 0
}
func (d Decimal) eq(o Value) bool {
	x, ok := d.rat()
	if !ok {
		// NaN never equals; an infinity equals the same infinity.
		y, isDec := o.(Decimal)
		s := validate.Decimal(d).String()
		return isDec && !strings.Contains(s, "NaN") && s == validate.Decimal(y).String()
	}
	switch y := o.(type) {
	case Decimal:
		r, ok := y.rat()
		return ok && x.Cmp(r) == 0
	case Int:
		return x.IsInt() && x.Num().Cmp(y.Big()) == 0
	case Float:
		f := new(big.Rat)
		if f.SetFloat64(float64(y)) == nil {
			return false
		}
		return x.Cmp(f) == 0
	case Bool:
		b := int64(0)
		if y {
			b = 1
		}
		return x.Cmp(big.NewRat(b, 1)) == 0
	}
	return false
}

// rat is the exact value of a finite Decimal.
func (d Decimal) rat() (*big.Rat, bool) {
	if !validate.Decimal(d).IsFinite() {
		return nil, false
	}
	r, ok := new(big.Rat).SetString(validate.Decimal(d).String())
	return r, ok
}
func (d Decimal) appendJSONable(dst []byte) ([]byte, error) {
	if !validate.Decimal(d).IsFinite() {
		// jsonable_encoder compares the exponent ('n', 'F') with 0.
		return dst, typeError("'>=' not supported between instances of 'str' and 'int'")
	}
	return validate.Decimal(d).AppendInputJSON(dst)
}
func (d Decimal) appendValidation(dst []byte, _ int) ([]byte, error) {
	return appendBridgeStr(dst, validate.Decimal(d).String()), nil
}

// AppendJSONable makes the kinds of this file response.JSONable (path B).
func (x DateTime) AppendJSONable(dst []byte) ([]byte, error)  { return appendB(dst, x, 0) }
func (x Time) AppendJSONable(dst []byte) ([]byte, error)      { return appendB(dst, x, 0) }
func (x Timedelta) AppendJSONable(dst []byte) ([]byte, error) { return appendB(dst, x, 0) }
func (x Decimal) AppendJSONable(dst []byte) ([]byte, error)   { return appendB(dst, x, 0) }
func (x URL) AppendJSONable(dst []byte) ([]byte, error)       { return appendB(dst, x, 0) }
func (x Set) AppendJSONable(dst []byte) ([]byte, error)       { return appendB(dst, x, 0) }
