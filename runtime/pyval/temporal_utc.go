package pyval

import "strconv"

// UTCDateTime is a datetime whose tzinfo is datetime.timezone.utc (built by a body:
// datetime(..., tzinfo=timezone.utc), datetime.now(timezone.utc)); a DateTime's tzinfo
// is pydantic's TzInfo. They differ in repr and in what email.utils.format_datetime
// (Starlette's cookie expires) accepts; every other operation is the aware DateTime's
// with offset 0, and a result derived from one (dt + timedelta, replace) keeps its
// tzinfo.
type UTCDateTime DateTime

func (UTCDateTime) TypeName() string { return "datetime" }

// aware is x as the DateTime operations work on.
func (x UTCDateTime) aware() DateTime {
	d := DateTime(x)
	d.HasTZ, d.Offset = true, 0
	return d
}

// UTCDateTimeOf is datetime(year, month, day, ...) with tzinfo=timezone.utc.
func UTCDateTimeOf(year, month, day, hour, minute, second, microsecond Value) (Value, error) {
	v, err := DateTimeOf(year, month, day, hour, minute, second, microsecond)
	if err != nil {
		return nil, err
	}
	return UTCDateTime(v.(DateTime)).aware().utc(), nil
}

// utc marks an aware DateTime of offset 0 as UTCDateTime.
func (dt DateTime) utc() UTCDateTime { return UTCDateTime(dt) }

// DateTimeNowUTC is datetime.now(timezone.utc).
func DateTimeNowUTC() Value {
	return DateTimeNow(true).(DateTime).utcAware()
}

func (dt DateTime) utcAware() UTCDateTime {
	dt.HasTZ, dt.Offset = true, 0
	return UTCDateTime(dt)
}

// unUTC maps a UTCDateTime operand to its aware DateTime (utc reports it).
func unUTC(v Value) (Value, bool) {
	if x, ok := v.(UTCDateTime); ok {
		return x.aware(), true
	}
	return v, false
}

// reUTC marks a DateTime result derived from a UTCDateTime.
func reUTC(v Value, err error, was bool) (Value, error) {
	if d, ok := v.(DateTime); ok && was && err == nil {
		return d.utc(), nil
	}
	return v, err
}

func (x UTCDateTime) pyStr() Str { return x.aware().pyStr() }
func (x UTCDateTime) pyRepr() string {
	dt := x.aware()
	return "datetime.datetime(" + itoa(dt.Year) + ", " + itoa(dt.Month) + ", " + itoa(dt.Day) + ", " +
		timeArgs(dt.Time) + ", tzinfo=datetime.timezone.utc)"
}
func (UTCDateTime) truthy() bool      { return true }
func (x UTCDateTime) eq(o Value) bool { o, _ = unUTC(o); return x.aware().eq(o) }
func (x UTCDateTime) appendJSONable(dst []byte) ([]byte, error) {
	return x.aware().appendJSONable(dst)
}
func (x UTCDateTime) appendValidation(dst []byte, depth int) ([]byte, error) {
	return x.aware().appendValidation(dst, depth)
}

// AppendJSONable makes UTCDateTime a response.JSONable (path B).
func (x UTCDateTime) AppendJSONable(dst []byte) ([]byte, error) { return appendB(dst, x, 0) }

// Isoformat is dt.isoformat().
func (x UTCDateTime) Isoformat() Str { return x.aware().Isoformat() }

var (
	gmtDays   = [...]string{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"}
	gmtMonths = [...]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
)

// cookieExpires is Starlette's expires= of a datetime: email.utils.format_datetime(dt,
// usegmt=True), which requires tzinfo to be timezone.utc (ok false: v is no datetime).
func cookieExpires(v Value) (string, bool, error) {
	switch x := v.(type) {
	case UTCDateTime:
		dt := x.aware()
		wd := (Date(dt.Date).ordinal() + 6) % 7
		s := gmtDays[wd] + ", " + string(append2(nil, dt.Day)) + " " + gmtMonths[dt.Month-1] + " " +
			strconv.Itoa(10000 + dt.Year)[1:] + " " + string(append2(nil, dt.Hour)) + ":" + string(append2(nil, dt.Minute)) + ":" +
			string(append2(nil, dt.Second)) + " GMT"
		return s, true, nil
	case DateTime:
		if !x.HasTZ {
			return "", true, valueError("usegmt option requires a UTC datetime")
		}
		// pydantic's TzInfo compared with timezone.utc is not modelled
		return "", true, raise("UnsupportedOperation", "cookie expires of a datetime with pydantic's tzinfo")
	}
	return "", false, nil
}
