package validate

import "math"

// Ports of the speedate parsers pydantic-core uses, with its messages.
const (
	errTooShort        = "input is too short"
	errExtraChars      = "unexpected extra characters at the end of the input"
	errDateTimeSep     = "invalid datetime separator, expected `T`, `t`, `_` or space"
	errDateSep         = "invalid date separator, expected `-`"
	errDateNotExact    = "Timestamp is not an exact date"
	errCharYear        = "invalid character in year"
	errCharMonth       = "invalid character in month"
	errCharDay         = "invalid character in day"
	errTimeSep         = "invalid time separator, expected `:`"
	errCharHour        = "invalid character in hour"
	errCharMinute      = "invalid character in minute"
	errCharSecond      = "invalid character in second"
	errTzSign          = "invalid timezone sign"
	errTzHour          = "invalid timezone hour"
	errTzMinute        = "invalid timezone minute"
	errRangeTzMinute   = "timezone minute value is outside expected range of 0-59"
	errRangeTz         = "timezone offset must be less than 24 hours"
	errRangeMonth      = "month value is outside expected range of 1-12"
	errRangeDay        = "day value is outside expected range"
	errRangeHour       = "hour value is outside expected range of 0-23"
	errRangeMinute     = "minute value is outside expected range of 0-59"
	errRangeSecond     = "second value is outside expected range of 0-59"
	errFractionMissing = "second fraction digits missing after `.`"
	errDateTooSmall    = "dates before 0000 are not supported as unix timestamps"
	errDateTooLarge    = "dates after 9999 are not supported as unix timestamps"
	errTimeTooLarge    = "numeric times may not exceed 86,399 seconds"
)

const (
	msWatershed = 20_000_000_000
	unix9999    = 253_402_300_799
	unix0000    = -62_167_219_200
)

func digitAt(s string, i int) (int, bool) {
	if i < len(s) && s[i] >= '0' && s[i] <= '9' {
		return int(s[i] - '0'), true
	}
	return 0, false
}

func isLeap(y int) bool {
	if y%100 == 0 {
		return y%400 == 0
	}
	return y%4 == 0
}

func parseDatePartial(s string) (Date, string) {
	if len(s) < 10 {
		return Date{}, errTooShort
	}
	y := 0
	for i := 0; i < 4; i++ {
		d, ok := digitAt(s, i)
		if !ok {
			return Date{}, errCharYear
		}
		y = y*10 + d
	}
	if s[4] != '-' {
		return Date{}, errDateSep
	}
	m1, ok1 := digitAt(s, 5)
	m2, ok2 := digitAt(s, 6)
	if !ok1 || !ok2 {
		return Date{}, errCharMonth
	}
	if s[7] != '-' {
		return Date{}, errDateSep
	}
	d1, ok1 := digitAt(s, 8)
	d2, ok2 := digitAt(s, 9)
	if !ok1 || !ok2 {
		return Date{}, errCharDay
	}
	m, d := m1*10+m2, d1*10+d2
	var maxDays int
	switch m {
	case 1, 3, 5, 7, 8, 10, 12:
		maxDays = 31
	case 4, 6, 9, 11:
		maxDays = 30
	case 2:
		maxDays = 28
		if isLeap(y) {
			maxDays = 29
		}
	default:
		return Date{}, errRangeMonth
	}
	if d < 1 || d > maxDays {
		return Date{}, errRangeDay
	}
	return Date{Year: y, Month: m, Day: d}, ""
}

// speedateInt is speedate's int_parse_bytes; stop is the byte that ended
// a failed parse (0 when none).
func speedateInt(s string) (int64, bool, byte) {
	if s == "" {
		return 0, false, 0
	}
	neg := false
	if s[0] == '-' || s[0] == '+' {
		neg = s[0] == '-'
		s = s[1:]
		if s == "" {
			return 0, false, 0
		}
	}
	var n int64
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false, c
		}
		n = n*10 + int64(c-'0')
		if n < 0 {
			return 0, false, c
		}
	}
	if neg {
		n = -n
	}
	return n, true, 0
}

func dateFromTimestampCalc(ts int64) (Date, int64, string) {
	if ts < unix0000 {
		return Date{}, 0, errDateTooSmall
	}
	if ts > unix9999 {
		return Date{}, 0, errDateTooLarge
	}
	days := ts / 86400
	if ts%86400 < 0 {
		days--
	}
	return civilFromDays(days), ts - days*86400, ""
}

// civilFromDays converts days since 1970-01-01 to a proleptic Gregorian
// date (Howard Hinnant's algorithm).
func civilFromDays(days int64) Date {
	z := days + 719468
	era := z
	if era < 0 {
		era -= 146096
	}
	era /= 146097
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if mp >= 10 {
		m = mp - 9
	}
	if m <= 2 {
		y++
	}
	return Date{Year: int(y), Month: int(m), Day: int(d)}
}

// timestampSecondsMicros infers seconds vs milliseconds (2e10 watershed).
func timestampSecondsMicros(ts int64) (int64, int64, string) {
	if ts == math.MinInt64 {
		return 0, 0, errDateTooSmall
	}
	abs := ts
	if abs < 0 {
		abs = -abs
	}
	if abs <= msWatershed {
		return ts, 0, ""
	}
	sec, us := ts/1000, (ts%1000)*1000
	if us < 0 {
		sec--
		us += 1_000_000
	}
	return sec, us, ""
}

func dateFromTimestamp(ts int64, exact bool) (Date, string) {
	sec, us, e := timestampSecondsMicros(ts)
	if e != "" {
		return Date{}, e
	}
	d, rem, e := dateFromTimestampCalc(sec)
	if e != "" {
		return Date{}, e
	}
	if exact && (rem != 0 || us != 0) {
		return Date{}, errDateNotExact
	}
	return d, ""
}

func parseDate(s string) (Date, string) {
	d, e := parseDatePartial(s)
	if e == "" && len(s) > 10 {
		e = errExtraChars
	}
	if e == "" {
		return d, ""
	}
	if n, ok, _ := speedateInt(s); ok {
		return dateFromTimestamp(n, true)
	}
	return Date{}, e
}

func parseTimeAt(s string, off int) (Time, string) {
	if len(s)-off < 5 {
		return Time{}, errTooShort
	}
	h1, ok1 := digitAt(s, off)
	h2, ok2 := digitAt(s, off+1)
	if !ok1 || !ok2 {
		return Time{}, errCharHour
	}
	if s[off+2] != ':' {
		return Time{}, errTimeSep
	}
	m1, ok1 := digitAt(s, off+3)
	m2, ok2 := digitAt(s, off+4)
	if !ok1 || !ok2 {
		return Time{}, errCharMinute
	}
	t := Time{Hour: h1*10 + h2, Minute: m1*10 + m2}
	if t.Hour > 23 {
		return Time{}, errRangeHour
	}
	if t.Minute > 59 {
		return Time{}, errRangeMinute
	}
	pos := off + 5
	if pos < len(s) && s[pos] == ':' {
		s1, ok1 := digitAt(s, off+6)
		s2, ok2 := digitAt(s, off+7)
		if !ok1 || !ok2 {
			return Time{}, errCharSecond
		}
		t.Second = s1*10 + s2
		if t.Second > 59 {
			return Time{}, errRangeSecond
		}
		pos = off + 8
		if pos < len(s) && (s[pos] == '.' || s[pos] == ',') {
			pos++
			i, us := 0, 0
			for ; pos+i < len(s) && s[pos+i] >= '0' && s[pos+i] <= '9'; i++ {
				if i < 6 {
					us = us*10 + int(s[pos+i]-'0')
				}
			}
			if i == 0 {
				return Time{}, errFractionMissing
			}
			for k := i; k < 6; k++ {
				us *= 10
			}
			t.Microsecond = us
			pos += i
		}
	}
	if pos < len(s) {
		c := s[pos]
		pos++
		if c == 'Z' || c == 'z' {
			t.HasTZ = true
		} else {
			sign := 0
			switch {
			case c == '+':
				sign = 1
			case c == '-':
				sign = -1
			case c == 0xE2 && pos+1 < len(s) && s[pos] == 0x88 && s[pos+1] == 0x92: // U+2212 minus
				sign = -1
				pos += 2
			default:
				return Time{}, errTzSign
			}
			h1, ok1 := digitAt(s, pos)
			h2, ok2 := digitAt(s, pos+1)
			if !ok1 || !ok2 {
				return Time{}, errTzHour
			}
			var mm1 int
			switch {
			case pos+2 < len(s) && s[pos+2] == ':':
				pos += 3
				d, ok := digitAt(s, pos)
				if !ok {
					return Time{}, errTzMinute
				}
				mm1 = d
			case pos+2 < len(s) && s[pos+2] >= '0' && s[pos+2] <= '9':
				pos += 2
				mm1 = int(s[pos] - '0')
			default:
				return Time{}, errTzMinute
			}
			mm2, ok := digitAt(s, pos+1)
			if !ok {
				return Time{}, errTzMinute
			}
			minSec := mm1*600 + mm2*60
			if minSec >= 3600 {
				return Time{}, errRangeTzMinute
			}
			offset := sign * (h1*36000 + h2*3600 + minSec)
			if offset >= 86400 || offset <= -86400 {
				return Time{}, errRangeTz
			}
			t.HasTZ, t.Offset = true, offset
			pos += 2
		}
	}
	if len(s) > pos {
		return Time{}, errExtraChars
	}
	return t, ""
}

func parseDateTimeRFC(s string) (DateTime, string) {
	d, e := parseDatePartial(s)
	if e != "" {
		return DateTime{}, e
	}
	if len(s) <= 10 || (s[10] != 'T' && s[10] != 't' && s[10] != ' ' && s[10] != '_') {
		return DateTime{}, errDateTimeSep
	}
	t, e := parseTimeAt(s, 11)
	if e != "" {
		return DateTime{}, e
	}
	return DateTime{Date: d, Time: t}, ""
}

func dateTimeFromTimestamp(ts int64, us int64) (DateTime, string) {
	sec, extra, e := timestampSecondsMicros(ts)
	if e != "" {
		return DateTime{}, e
	}
	us += extra
	if us >= 1_000_000 {
		sec += us / 1_000_000
		us %= 1_000_000
	}
	d, rem, e := dateFromTimestampCalc(sec)
	if e != "" {
		return DateTime{}, e
	}
	return DateTime{Date: d, Time: Time{Hour: int(rem / 3600), Minute: int(rem % 3600 / 60), Second: int(rem % 60),
		Microsecond: int(us), HasTZ: true}}, ""
}

func dateTimeFromFloat(f float64) (DateTime, string) {
	if math.Abs(f) > msWatershed {
		f /= 1000
	}
	sec := math.Floor(f)
	us := math.Round((f - sec) * 1e6)
	if math.IsNaN(f) || math.IsInf(f, 0) || sec > 1e15 || sec < -1e15 {
		return DateTime{}, errDateTooLarge
	}
	return dateTimeFromTimestamp(int64(sec), int64(us))
}

func parseDateTime(s string) (DateTime, string) {
	dt, e := parseDateTimeRFC(s)
	if e == "" {
		return dt, ""
	}
	n, ok, stop := speedateInt(s)
	if ok {
		return dateTimeFromTimestamp(n, 0)
	}
	if stop == '.' {
		if f, ok := rustParseFloat(s); ok && !math.IsInf(f, 0) && !math.IsNaN(f) {
			return dateTimeFromFloat(f)
		}
	}
	return DateTime{}, e
}

func itoa2(dst []byte, n int) []byte {
	return append(dst, byte('0'+n/10%10), byte('0'+n%10))
}
