package pyval

import (
	"math"
	"math/big"
	"strconv"

	"github.com/covetpy/covetgen/runtime/validate"
)

// Arithmetic and comparisons of date, datetime and timedelta values, as CPython's
// datetime module does them: timedeltas normalized to days / seconds (0..86399) /
// microseconds (0..999999) with |days| <= 999999999, dates within years 1..9999
// (OverflowError "date value out of range" otherwise), aware datetimes compared and
// subtracted through their UTC offsets.

const (
	usPerSec    = 1_000_000
	usPerDay    = 86_400 * usPerSec
	maxTDDays   = 999_999_999
	ordinal1970 = 719163 // date(1970, 1, 1).toordinal()
)

var bigUsPerDay = big.NewInt(usPerDay)

// tpName is the class name CPython's error messages give a value (its tp_name).
func tpName(v Value) string {
	switch v.(type) {
	case Date:
		return "datetime.date"
	case DateTime, UTCDateTime:
		return "datetime.datetime"
	case Time:
		return "datetime.time"
	case Timedelta:
		return "datetime.timedelta"
	case Decimal:
		return "decimal.Decimal"
	}
	return v.TypeName()
}

// micros is td in microseconds.
func (td Timedelta) micros() *big.Int {
	v := new(big.Int).Mul(big.NewInt(td.Days), bigUsPerDay)
	return v.Add(v, big.NewInt(int64(td.Seconds)*usPerSec+int64(td.Microseconds)))
}

// tdFromMicros normalizes a number of microseconds; OverflowError beyond the range.
func tdFromMicros(us *big.Int) (Timedelta, error) {
	d, r := new(big.Int).DivMod(us, bigUsPerDay, new(big.Int)) // Euclidean: r >= 0
	if !d.IsInt64() || d.Int64() > maxTDDays || d.Int64() < -maxTDDays {
		return Timedelta{}, overflowError("days=" + d.String() + "; must have magnitude <= 999999999")
	}
	rr := r.Int64()
	return Timedelta{Days: d.Int64(), Seconds: int32(rr / usPerSec), Microseconds: int32(rr % usPerSec)}, nil
}

// TimedeltaOf is timedelta(days, seconds, microseconds, milliseconds, minutes, hours,
// weeks) with int (or bool) components; nil ones are 0.
func TimedeltaOf(days, seconds, microseconds, milliseconds, minutes, hours, weeks Value) (Value, error) {
	total := new(big.Int)
	parts := []struct {
		v    Value
		name string
		us   int64
	}{
		{days, "days", usPerDay}, {seconds, "seconds", usPerSec}, {microseconds, "microseconds", 1},
		{milliseconds, "milliseconds", 1000}, {minutes, "minutes", 60 * usPerSec}, {hours, "hours", 3600 * usPerSec},
		{weeks, "weeks", 7 * usPerDay},
	}
	for _, p := range parts {
		if p.v == nil {
			continue
		}
		i, _, isInt, ok := numeric(p.v)
		if ok && !isInt {
			return nil, raise("UnsupportedOperation", "timedelta() of a float component")
		}
		if !ok {
			return nil, typeError("unsupported type for timedelta %s component: %s", p.name, p.v.TypeName())
		}
		total.Add(total, new(big.Int).Mul(i.Big(), big.NewInt(p.us)))
	}
	td, err := tdFromMicros(total)
	if err != nil {
		return nil, err
	}
	return td, nil
}

// ordinal is d.toordinal() (0001-01-01 is 1).
func (d Date) ordinal() int64 {
	return daysFromCivil(int64(d.Year), int64(d.Month), int64(d.Day)) + ordinal1970
}

// dateFromOrdinal is date.fromordinal(n); OverflowError outside years 1..9999.
func dateFromOrdinal(n int64) (Date, error) {
	if n < 1 || n > 3652059 {
		return Date{}, overflowError("date value out of range")
	}
	y, m, d := civilFromDays(n - ordinal1970)
	return Date{Year: int(y), Month: int(m), Day: int(d)}, nil
}

// civilFromDays is the inverse of daysFromCivil (Howard Hinnant's algorithm).
func civilFromDays(z int64) (y, m, d int64) {
	z += 719468
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era--
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y = yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d = doy - (153*mp+2)/5 + 1
	m = mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	return y, m, d
}

// daysInMonth is the number of days of month m of year y.
func daysInMonth(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// intArg reads an int component of a date or datetime constructor.
func intArg(v Value, dflt int64) (int64, error) {
	if v == nil {
		return dflt, nil
	}
	switch x := v.(type) {
	case Int:
		if !x.Big().IsInt64() {
			return 0, overflowError("signed integer is greater than maximum")
		}
		return x.Big().Int64(), nil
	case Bool:
		if x {
			return 1, nil
		}
		return 0, nil
	}
	return 0, typeError("'%s' object cannot be interpreted as an integer", v.TypeName())
}

// checkDate validates the fields of a date as CPython does.
func checkDate(y, m, d int64) error {
	switch {
	case y < 1 || y > 9999:
		return valueError("year " + strconv.FormatInt(y, 10) + " is out of range")
	case m < 1 || m > 12:
		return valueError("month must be in 1..12")
	case d < 1 || d > int64(daysInMonth(int(y), int(m))):
		return valueError("day is out of range for month")
	}
	return nil
}

// dateArgs reads the int arguments vs into f, in order (a nil one leaves its field as
// it is), and checks the date f[0], f[1], f[2] holds then.
func dateArgs(f []int64, vs ...Value) error {
	for i, v := range vs {
		n, err := intArg(v, f[i])
		if err != nil {
			return err
		}
		f[i] = n
	}
	return checkDate(f[0], f[1], f[2])
}

// DateOf is date(year, month, day).
func DateOf(year, month, day Value) (Value, error) {
	var f [3]int64
	if err := dateArgs(f[:], year, month, day); err != nil {
		return nil, err
	}
	return Date{Year: int(f[0]), Month: int(f[1]), Day: int(f[2])}, nil
}

// DateTimeOf is datetime(year, month, day, hour, minute, second, microsecond) (naive;
// nil components after the day are 0).
func DateTimeOf(year, month, day, hour, minute, second, microsecond Value) (Value, error) {
	var f [7]int64
	if err := dateArgs(f[:], year, month, day, hour, minute, second, microsecond); err != nil {
		return nil, err
	}
	switch {
	case f[3] < 0 || f[3] > 23:
		return nil, valueError("hour must be in 0..23")
	case f[4] < 0 || f[4] > 59:
		return nil, valueError("minute must be in 0..59")
	case f[5] < 0 || f[5] > 59:
		return nil, valueError("second must be in 0..59")
	case f[6] < 0 || f[6] > 999999:
		return nil, valueError("microsecond must be in 0..999999")
	}
	return DateTime{Date: validate.Date{Year: int(f[0]), Month: int(f[1]), Day: int(f[2])},
		Time: validate.Time{Hour: int(f[3]), Minute: int(f[4]), Second: int(f[5]), Microsecond: int(f[6])}}, nil
}

// localMicros is dt's wall time in microseconds since 0001-01-01 (its offset ignored).
func (dt DateTime) localMicros() *big.Int {
	v := new(big.Int).Mul(big.NewInt(Date(dt.Date).ordinal()), bigUsPerDay)
	return v.Add(v, big.NewInt(int64(dt.Hour*3600+dt.Minute*60+dt.Second)*usPerSec+int64(dt.Microsecond)))
}

// utcMicrosOf is dt's UTC instant in microseconds (naive: its wall time).
func (dt DateTime) utcMicrosOf() *big.Int {
	v := dt.localMicros()
	return v.Sub(v, big.NewInt(int64(dt.Offset)*usPerSec))
}

// dateTimeFromMicros is the datetime of local microseconds us, with dt's tzinfo.
func (dt DateTime) withMicros(us *big.Int) (DateTime, error) {
	d, r := new(big.Int).DivMod(us, bigUsPerDay, new(big.Int))
	if !d.IsInt64() {
		return DateTime{}, overflowError("date value out of range")
	}
	day, err := dateFromOrdinal(d.Int64())
	if err != nil {
		return DateTime{}, err
	}
	rr := r.Int64()
	out := dt
	out.Date = validate.Date(day)
	out.Hour, out.Minute, out.Second, out.Microsecond = int(rr/3600/usPerSec), int(rr/60/usPerSec%60), int(rr/usPerSec%60), int(rr%usPerSec)
	return out, nil
}

// temporalArith is a op b when an operand is a date, datetime or timedelta (ok false:
// neither is). op is + - * / f (floor division) or %.
func temporalArith(op byte, a, b Value) (Value, bool, error) {
	if !isTemporal(a) && !isTemporal(b) {
		return nil, false, nil
	}
	a, ua := unUTC(a)
	b, ub := unUTC(b)
	r, err := temporalArith2(op, a, b)
	r, err = reUTC(r, err, ua || ub) // dt + td keeps dt's tzinfo (temporal_utc.go)
	return r, true, err
}

func isTemporal(v Value) bool {
	switch v.(type) {
	case Date, DateTime, Timedelta, Time, UTCDateTime:
		return true
	}
	return false
}

func temporalArith2(op byte, a, b Value) (Value, error) {
	unsupported := func() error {
		return typeError("unsupported operand type(s) for %s: '%s' and '%s'", opSym(op), tpName(a), tpName(b))
	}
	switch x := a.(type) {
	case Date:
		switch y := b.(type) {
		case Timedelta:
			switch op {
			case '+':
				return dateFromOrdinal(x.ordinal() + y.Days)
			case '-':
				return dateFromOrdinal(x.ordinal() - y.Days)
			}
		case Date:
			if op == '-' {
				return Timedelta{Days: x.ordinal() - y.ordinal()}, nil
			}
		}
	case DateTime:
		switch y := b.(type) {
		case Timedelta:
			us := x.localMicros()
			switch op {
			case '+':
				return x.withMicros(us.Add(us, y.micros()))
			case '-':
				return x.withMicros(us.Sub(us, y.micros()))
			}
		case DateTime:
			if op == '-' {
				if x.HasTZ != y.HasTZ {
					return nil, typeError("can't subtract offset-naive and offset-aware datetimes")
				}
				us := x.utcMicrosOf()
				return tdFromMicros(us.Sub(us, y.utcMicrosOf()))
			}
		}
	case Timedelta:
		return tdArith(op, x, b, unsupported)
	default:
		if y, ok := b.(Timedelta); ok {
			switch op {
			case '+':
				if d, ok := a.(Date); ok {
					return temporalArith2('+', d, y)
				}
				if d, ok := a.(DateTime); ok {
					return temporalArith2('+', d, y)
				}
			case '*':
				return tdArith('*', y, a, unsupported)
			}
		}
	}
	return nil, unsupported()
}

// tdArith is td op b.
func tdArith(op byte, td Timedelta, b Value, unsupported func() error) (Value, error) {
	us := td.micros()
	switch y := b.(type) {
	case Timedelta:
		ys := y.micros()
		switch op {
		case '+':
			return tdFromMicros(us.Add(us, ys))
		case '-':
			return tdFromMicros(us.Sub(us, ys))
		case '/':
			if ys.Sign() == 0 {
				return nil, zeroDivision("division by zero")
			}
			return TrueDiv(boxInt(IntFromBig(us)), boxInt(IntFromBig(ys)))
		case 'f':
			if ys.Sign() == 0 {
				return nil, zeroDivision("integer division or modulo by zero")
			}
			return boxInt(IntFromBig(floorDiv(us, ys))), nil
		case '%':
			if ys.Sign() == 0 {
				return nil, zeroDivision("integer division or modulo by zero")
			}
			q := floorDiv(us, ys)
			return tdFromMicros(us.Sub(us, q.Mul(q, ys)))
		}
	case Date:
		if op == '+' {
			return temporalArith2('+', y, td)
		}
	case DateTime:
		if op == '+' {
			return temporalArith2('+', y, td)
		}
	case Float:
		f := float64(y)
		if op != '*' && op != '/' {
			break
		}
		if math.IsNaN(f) {
			return nil, valueError("cannot convert NaN to integer ratio")
		}
		if math.IsInf(f, 0) {
			return nil, overflowError("cannot convert Infinity to integer ratio")
		}
		r := new(big.Rat).SetFloat64(f)
		num, den := r.Num(), r.Denom()
		if op == '/' {
			if num.Sign() == 0 {
				return nil, zeroDivision("division by zero")
			}
			num, den = den, num
		}
		return tdFromMicros(divideNearest(new(big.Int).Mul(us, num), den))
	default:
		i, _, isInt, ok := numeric(b)
		if !ok || !isInt {
			break
		}
		n := i.Big()
		switch op {
		case '*':
			return tdFromMicros(us.Mul(us, n))
		case '/':
			if n.Sign() == 0 {
				return nil, zeroDivision("division by zero")
			}
			return tdFromMicros(divideNearest(us, n))
		case 'f':
			if n.Sign() == 0 {
				return nil, zeroDivision("integer division or modulo by zero")
			}
			return tdFromMicros(floorDiv(us, n))
		}
	}
	return nil, unsupported()
}

// floorDiv is a // b for big ints (b != 0).
func floorDiv(a, b *big.Int) *big.Int {
	q, m := new(big.Int).QuoRem(a, b, new(big.Int))
	if m.Sign() != 0 && (m.Sign() < 0) != (b.Sign() < 0) {
		q.Sub(q, big.NewInt(1))
	}
	return q
}

// divideNearest is a / b rounded half to even (b != 0).
func divideNearest(a, b *big.Int) *big.Int {
	if b.Sign() < 0 {
		a, b = new(big.Int).Neg(a), new(big.Int).Neg(b)
	}
	q := floorDiv(a, b)
	r := new(big.Int).Sub(a, new(big.Int).Mul(q, b)) // 0 <= r < b
	c := new(big.Int).Mul(r, big.NewInt(2)).Cmp(b)
	if c > 0 || c == 0 && q.Bit(0) == 1 {
		q.Add(q, big.NewInt(1))
	}
	return q
}

// temporalUnary is -v, +v and abs(v) for timedeltas (ok false: v is not temporal).
func temporalUnary(op byte, v Value) (Value, bool, error) {
	if !isTemporal(v) {
		return nil, false, nil
	}
	td, ok := v.(Timedelta)
	if !ok {
		name := map[byte]string{'-': "bad operand type for unary -: '%s'", '+': "bad operand type for unary +: '%s'", 'a': "bad operand type for abs(): '%s'"}[op]
		return nil, true, typeError(name, tpName(v))
	}
	us := td.micros()
	switch {
	case op == '-', op == 'a' && us.Sign() < 0:
		r, err := tdFromMicros(us.Neg(us))
		return r, true, err
	}
	return td, true, nil
}

// temporalOrder compares a date, datetime or timedelta with b (ok false: a is none).
func temporalOrder(a, b Value) (int, bool, error) {
	a, _ = unUTC(a)
	b, _ = unUTC(b)
	notSupported := func() error { return errNotOrderable }
	switch x := a.(type) {
	case Date:
		switch y := b.(type) {
		case Date:
			return x.cmp(y), true, nil
		case DateTime:
			return 0, true, typeError("can't compare %s to %s", tpName(b), tpName(a))
		}
	case DateTime:
		switch y := b.(type) {
		case DateTime:
			if x.HasTZ != y.HasTZ {
				return 0, true, typeError("can't compare offset-naive and offset-aware datetimes")
			}
			return x.utcMicrosOf().Cmp(y.utcMicrosOf()), true, nil
		case Date:
			return 0, true, typeError("can't compare %s to %s", tpName(a), tpName(b))
		}
	case Timedelta:
		if y, ok := b.(Timedelta); ok {
			return x.micros().Cmp(y.micros()), true, nil
		}
	default:
		return 0, false, nil
	}
	return 0, true, notSupported()
}

// errNotOrderable marks an ordering comparison the caller reports with its own message.
var errNotOrderable = &Exception{Class: "TypeError"}
