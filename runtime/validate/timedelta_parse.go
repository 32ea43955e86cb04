package validate

import "math"

// A port of speedate's Duration parser (speedate 0.17, as pydantic-core
// 2.46 calls it with microseconds_precision "truncate").

const (
	errDurNumber      = "invalid digit in duration"
	errDurTRepeated   = "`t` character repeated in duration"
	errDurFraction    = "quantity fraction invalid in duration"
	errDurTimeUnit    = "quantity invalid in time part of duration"
	errDurDateUnit    = "quantity invalid in date part of duration"
	errDurDays        = `"day" identifier in duration not correctly formatted`
	errDurValueLarge  = "a numeric value in the duration is too large"
	errDurHourLarge   = "durations may not exceed 999,999,999 hours"
	errDurDaysLarge   = "durations may not exceed 999,999,999 days"
	maxDurationDays   = 999_999_999
	hourNumericLimit  = 24 * 100_000_000
	durationTimeWidth = len("00:00:00.000000")
)

// sdur is speedate's Duration: a sign and magnitudes, seconds < 86400 and
// microseconds < 1e6 once normalized.
type sdur struct {
	positive bool
	day      uint32
	second   uint32
	micro    uint32
}

// checkedAdd is u32 checked_add, failing with DurationValueTooLarge.
func checkedAdd(a, b uint32) (uint32, string) {
	if s := uint64(a) + uint64(b); s <= math.MaxUint32 {
		return uint32(s), ""
	}
	return 0, errDurValueLarge
}

func checkedMul(a, b uint32) (uint32, string) {
	if p := uint64(a) * uint64(b); p <= math.MaxUint32 {
		return uint32(p), ""
	}
	return 0, errDurValueLarge
}

// f64ToU32 is Rust's saturating `f as u32`.
func f64ToU32(f float64) uint32 {
	switch {
	case math.IsNaN(f) || f <= 0:
		return 0
	case f >= math.MaxUint32:
		return math.MaxUint32
	}
	return uint32(f)
}

// f64ToU64 is Rust's saturating `f as u64`.
func f64ToU64(f float64) uint64 {
	switch {
	case math.IsNaN(f) || f <= 0:
		return 0
	case f >= math.MaxUint64:
		return math.MaxUint64
	}
	return uint64(f)
}

func (d *sdur) normalize() string {
	var e string
	if d.micro >= 1_000_000 {
		if d.second, e = checkedAdd(d.second, d.micro/1_000_000); e != "" {
			return e
		}
		d.micro %= 1_000_000
	}
	if d.second >= 86_400 {
		if d.day, e = checkedAdd(d.day, d.second/86_400); e != "" {
			return e
		}
		d.second %= 86_400
	}
	if d.day > maxDurationDays {
		return errDurDaysLarge
	}
	return ""
}

// parseDuration is Duration::parse_bytes_with_config.
func parseDuration(s string) (sdur, string) {
	positive := true
	switch {
	case s != "" && s[0] == '-':
		positive, s = false, s[1:]
	case s != "" && s[0] == '+':
		s = s[1:]
	}
	var d sdur
	var e string
	switch {
	case s == "":
		return sdur{}, errTooShort
	case s[0] == 'P':
		d, e = parseISODuration(s[1:])
	case hasDayMark(s) || len(s) < 5:
		d, e = parseDaysTime(s)
	default:
		d, e = parseDurationTime(s)
	}
	if e != "" {
		return sdur{}, e
	}
	d.positive = positive
	if e = d.normalize(); e != "" {
		return sdur{}, e
	}
	return d, ""
}

func hasDayMark(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == 'd' || s[i] == 'D' {
			return true
		}
	}
	return false
}

// durNumber is parse_number: a run of ASCII digits as a checked u32.
func durNumber(s string) (uint32, int, string) {
	if s == "" || !isDigit(s[0]) {
		return 0, 0, errDurNumber
	}
	v, i := uint32(s[0]-'0'), 1
	var e string
	for ; i < len(s) && isDigit(s[i]); i++ {
		if v, e = checkedMul(v, 10); e != "" {
			return 0, 0, e
		}
		if v, e = checkedAdd(v, uint32(s[i]-'0')); e != "" {
			return 0, 0, e
		}
	}
	return v, i, ""
}

// durNumberFrac is parse_number_frac: a number with an optional `.`/`,`
// fraction (possibly without digits).
func durNumberFrac(s string) (uint32, float64, bool, int, string) {
	v, pos, e := durNumber(s)
	if e != "" {
		return 0, 0, false, 0, e
	}
	if pos < len(s) && (s[pos] == '.' || s[pos] == ',') {
		dec, den := 0.0, 1.0
		for pos++; pos < len(s) && isDigit(s[pos]); pos++ {
			dec = dec*10 + float64(s[pos]-'0')
			den *= 10
		}
		return v, dec / den, true, pos, ""
	}
	return v, 0, false, pos, ""
}

func parseISODuration(s string) (sdur, string) {
	var d sdur
	gotT, lastFrac := false, false
	pos := 0
	for ; pos < len(s); pos++ {
		if s[pos] == 'T' {
			if gotT {
				return sdur{}, errDurTRepeated
			}
			gotT = true
			continue
		}
		value, frac, hasFrac, off, e := durNumberFrac(s[pos:])
		if e != "" {
			return sdur{}, e
		}
		if lastFrac {
			return sdur{}, errDurFraction
		}
		lastFrac = hasFrac
		pos += off
		var unit byte
		if pos < len(s) {
			unit = s[pos]
		}
		if gotT {
			var mult uint32
			switch unit {
			case 'H':
				mult = 3600
			case 'M':
				mult = 60
			case 'S':
				mult = 1
			default:
				return sdur{}, errDurTimeUnit
			}
			add, e := checkedMul(mult, value)
			if e != "" {
				return sdur{}, e
			}
			if d.second, e = checkedAdd(d.second, add); e != "" {
				return sdur{}, e
			}
			if hasFrac {
				extra := frac * float64(mult)
				full := math.Trunc(extra)
				if d.second, e = checkedAdd(d.second, f64ToU32(full)); e != "" {
					return sdur{}, e
				}
				if d.micro, e = checkedAdd(d.micro, f64ToU32(math.Round((extra-full)*1_000_000))); e != "" {
					return sdur{}, e
				}
			}
			continue
		}
		var mult uint32
		switch unit {
		case 'Y':
			mult = 365
		case 'M':
			mult = 30
		case 'W':
			mult = 7
		case 'D':
			mult = 1
		default:
			return sdur{}, errDurDateUnit
		}
		add, e := checkedMul(value, mult)
		if e != "" {
			return sdur{}, e
		}
		if d.day, e = checkedAdd(d.day, add); e != "" {
			return sdur{}, e
		}
		if hasFrac {
			extraDays := frac * float64(mult)
			fullDays := math.Trunc(extraDays)
			if d.day, e = checkedAdd(d.day, f64ToU32(fullDays)); e != "" {
				return sdur{}, e
			}
			extraSec := (extraDays - fullDays) * 86_400
			fullSec := math.Trunc(extraSec)
			if d.second, e = checkedAdd(d.second, f64ToU32(fullSec)); e != "" {
				return sdur{}, e
			}
			d.micro += f64ToU32(math.Round((extraSec - fullSec) * 1_000_000))
		}
	}
	if pos < 2 {
		return sdur{}, errTooShort
	}
	return d, ""
}

func parseDaysTime(s string) (sdur, string) {
	day, pos, e := durNumber(s)
	if e != "" {
		return sdur{}, e
	}
	rest := s[pos:]
	switch {
	case len(rest) >= 2 && rest[0] == ' ' && (rest[1] == 'd' || rest[1] == 'D'):
		rest = rest[2:]
	case len(rest) >= 1 && (rest[0] == 'd' || rest[0] == 'D'):
		rest = rest[1:]
	default:
		return sdur{}, errDurDays
	}
	switch {
	case len(rest) >= 3 && rest[:3] == "ays", len(rest) >= 3 && rest[:3] == "AYS":
		rest = rest[3:]
	case len(rest) >= 2 && rest[:2] == "ay", len(rest) >= 2 && rest[:2] == "AY":
		rest = rest[2:]
	case rest != "" && (rest[0] == 'a' || rest[0] == 'A'):
		return sdur{}, errDurDays
	}
	switch {
	case len(rest) >= 2 && rest[0] == ',' && rest[1] == ' ':
		rest = rest[2:]
	case rest != "" && (rest[0] == ',' || rest[0] == ' '):
		rest = rest[1:]
	}
	if rest == "" {
		return sdur{day: day}, ""
	}
	t, e := parseDurationTime(rest)
	if e != "" {
		return sdur{}, e
	}
	if t.day > 0 {
		return sdur{}, errDurHourLarge
	}
	return sdur{day: day, second: t.second, micro: t.micro}, ""
}

// parseDurationTime is "HH:MM[:SS[.ffffff]]" with any number of hours.
func parseDurationTime(s string) (sdur, string) {
	if len(s) < 5 {
		return sdur{}, errTooShort
	}
	colon := -1
	for i := 0; i < len(s); i++ {
		if s[i] == ':' {
			colon = i
			break
		}
	}
	if colon < 0 {
		return sdur{}, errCharHour
	}
	hourPart, rest := s[:colon], s[colon+1:]
	if len(hourPart) > 10 {
		return sdur{}, errDurHourLarge
	}
	var hour int64
	for i := 0; i < len(hourPart); i++ {
		if !isDigit(hourPart[i]) {
			return sdur{}, errCharHour
		}
		hour = hour*10 + int64(hourPart[i]-'0')
	}
	if hour > hourNumericLimit {
		return sdur{}, errDurHourLarge
	}
	if 3+len(rest) > durationTimeWidth {
		rest = rest[:durationTimeWidth-3] // truncate
	}
	buf := "00:" + rest
	t, pos, e := parsePureTime(buf)
	if e != "" {
		return sdur{}, e
	}
	if len(buf) > pos {
		return sdur{}, errExtraChars
	}
	day := uint32(hour / 24)
	hour %= 24
	return sdur{day: day, second: uint32(t.Minute*60+t.Second) + uint32(hour)*3600, micro: uint32(t.Microsecond)}, ""
}

// parsePureTime is speedate's PureTime::parse at offset 0 (no timezone):
// the time and the position after it.
func parsePureTime(s string) (Time, int, string) {
	if len(s) < 5 {
		return Time{}, 0, errTooShort
	}
	h1, ok1 := digitAt(s, 0)
	h2, ok2 := digitAt(s, 1)
	if !ok1 || !ok2 {
		return Time{}, 0, errCharHour
	}
	if s[2] != ':' {
		return Time{}, 0, errTimeSep
	}
	m1, ok1 := digitAt(s, 3)
	m2, ok2 := digitAt(s, 4)
	if !ok1 || !ok2 {
		return Time{}, 0, errCharMinute
	}
	t := Time{Hour: h1*10 + h2, Minute: m1*10 + m2}
	if t.Hour > 23 {
		return Time{}, 0, errRangeHour
	}
	if t.Minute > 59 {
		return Time{}, 0, errRangeMinute
	}
	pos := 5
	if len(s) > 5 && s[5] == ':' {
		s1, ok1 := digitAt(s, 6)
		if !ok1 {
			return Time{}, 0, errCharSecond
		}
		s2, ok2 := digitAt(s, 7)
		if !ok2 {
			return Time{}, 0, errCharSecond
		}
		t.Second = s1*10 + s2
		if t.Second > 59 {
			return Time{}, 0, errRangeSecond
		}
		pos = 8
		if len(s) > 8 && (s[8] == '.' || s[8] == ',') {
			i, us := 0, 0
			for ; 9+i < len(s) && isDigit(s[9+i]); i++ {
				if i < 6 {
					us = us*10 + int(s[9+i]-'0')
				}
			}
			if i == 0 {
				return Time{}, 0, errFractionMissing
			}
			for k := i; k < 6; k++ {
				us *= 10
			}
			t.Microsecond = us
			pos = 9 + i
		}
	}
	return t, pos, ""
}

// durationFromInt is pydantic-core's int_as_duration (the day count is a
// truncating u64 -> u32 cast, as in Rust).
func durationFromInt(total int64) (sdur, string) {
	positive := total >= 0
	mag := uint64(total)
	if !positive {
		mag = uint64(-(total + 1)) + 1
	}
	d := sdur{positive: positive, day: uint32(mag / 86400), second: uint32(mag % 86400)}
	if e := d.normalize(); e != "" {
		return sdur{}, e
	}
	return d, ""
}

// durationFromFloat is pydantic-core's float_as_duration.
func durationFromFloat(total float64) (sdur, string) {
	if math.IsNaN(total) {
		return sdur{}, "NaN values not permitted"
	}
	positive := total >= 0
	total = math.Abs(total)
	_, frac := math.Modf(total)
	d := sdur{
		positive: positive,
		day:      f64ToU32(total / 86400),
		second:   uint32(f64ToU64(total) % 86400),
		micro:    f64ToU32(math.Round(frac * 1_000_000)),
	}
	if e := d.normalize(); e != "" {
		return sdur{}, e
	}
	return d, ""
}
