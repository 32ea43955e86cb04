package static

import (
	"math"
	"strings"
	"time"
)

// httpDate is email.utils.formatdate(t, usegmt=True):
// "Mon, 01 Jan 2024 00:00:00 GMT" for the whole second t falls in.
func httpDate(t time.Time) string {
	return t.UTC().Format("Mon, 02 Jan 2006 15:04:05") + " GMT"
}

// dateTuple is the part of email.utils.parsedate's 9-tuple that differs
// between dates (the last three are always 0, 1, -1): year, month, day,
// hour, minute, second. Values beyond int64 saturate.
type dateTuple [6]int64

func (a dateTuple) geq(b dateTuple) bool {
	for i := range a {
		if a[i] != b[i] {
			return a[i] > b[i]
		}
	}
	return true
}

// monthIndex is email._parseaddr._monthnames.index(s): 0..23, or -1.
func monthIndex(s string) int {
	const names = "jan feb mar apr may jun jul aug sep oct nov dec " +
		"january february march april may june july august september october november december"
	for i, n := range strings.Fields(names) {
		if n == s {
			return i
		}
	}
	return -1
}

// isDayName is s in email._parseaddr._daynames.
func isDayName(s string) bool {
	switch s {
	case "mon", "tue", "wed", "thu", "fri", "sat", "sun":
		return true
	}
	return false
}

// fieldsLatin1 is str.split() of a header value decoded as latin-1.
func fieldsLatin1(s string) []string {
	var out []string
	start := -1
	for i := 0; i < len(s); i++ {
		if isLatin1Space(s[i]) {
			if start >= 0 {
				out = append(out, s[start:i])
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}

func isLatin1Space(c byte) bool {
	switch c {
	case ' ', '\t', '\n', '\v', '\f', '\r', 0x1c, 0x1d, 0x1e, 0x1f, 0x85, 0xa0:
		return true
	}
	return false
}

func lowerASCII(s string) string { return strings.ToLower(s) }

// pyInt is int(s) for a str of latin-1 characters: optional sign, ASCII
// digits with single underscores between them.
func pyInt(s string) (int64, bool) {
	neg := false
	if s != "" && (s[0] == '+' || s[0] == '-') {
		neg = s[0] == '-'
		s = s[1:]
	}
	if s == "" || s[0] == '_' || s[len(s)-1] == '_' {
		return 0, false
	}
	var n int64
	prevUnderscore := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '_' {
			if prevUnderscore {
				return 0, false
			}
			prevUnderscore = true
			continue
		}
		prevUnderscore = false
		if c < '0' || c > '9' {
			return 0, false
		}
		if n > (math.MaxInt64-9)/10 {
			n = math.MaxInt64
		} else {
			n = n*10 + int64(c-'0')
		}
	}
	if neg {
		n = -n
	}
	return n, true
}

// isDigitLatin1 is str.isdigit() of one latin-1 character.
func isDigitLatin1(c byte) bool {
	return '0' <= c && c <= '9' || c == 0xb2 || c == 0xb3 || c == 0xb9
}

// parseDate is email.utils.parsedate (the RFC 2822 / RFC 850 / asctime
// tolerant parser): ok is false where it returns None. The time zone is
// parsed and dropped, as parsedate drops it.
func parseDate(s string) (dateTuple, bool) {
	var zero dateTuple
	data := fieldsLatin1(s)
	if len(data) == 0 {
		return zero, false
	}
	if strings.HasSuffix(data[0], ",") || isDayName(lowerASCII(data[0])) {
		data = data[1:]
	} else if i := strings.LastIndexByte(data[0], ','); i >= 0 {
		data[0] = data[0][i+1:]
	}
	if len(data) == 3 {
		if stuff := strings.Split(data[0], "-"); len(stuff) == 3 {
			data = append(stuff, data[1:]...)
		}
	}
	if len(data) == 4 {
		s := data[3]
		i := strings.IndexByte(s, '+')
		if i == -1 {
			i = strings.IndexByte(s, '-')
		}
		if i > 0 {
			data = append(data[:3:3], s[:i], s[i:])
		} else {
			data = append(data, "")
		}
	}
	if len(data) < 5 {
		return zero, false
	}
	dd, mm, yy, tm := data[0], data[1], data[2], data[3]
	if dd == "" || mm == "" || yy == "" {
		return zero, false
	}
	mm = lowerASCII(mm)
	mi := monthIndex(mm)
	if mi < 0 {
		dd, mm = mm, lowerASCII(dd)
		if mi = monthIndex(mm); mi < 0 {
			return zero, false
		}
	}
	month := int64(mi + 1)
	if month > 12 {
		month -= 12
	}
	if strings.HasSuffix(dd, ",") {
		dd = dd[:len(dd)-1]
	}
	if i := strings.IndexByte(yy, ':'); i > 0 {
		yy, tm = tm, yy
	}
	if strings.HasSuffix(yy, ",") {
		yy = yy[:len(yy)-1]
		if yy == "" {
			return zero, false
		}
	}
	if yy == "" {
		return zero, false // Python's yy[0] raises IndexError only after the swap above; unreachable with split()
	}
	if !isDigitLatin1(yy[0]) {
		yy = data[4]
	}
	if tm == "" {
		return zero, false
	}
	if strings.HasSuffix(tm, ",") {
		tm = tm[:len(tm)-1]
	}
	var thh, tmm, tss string
	parts := strings.Split(tm, ":")
	switch {
	case len(parts) == 2:
		thh, tmm, tss = parts[0], parts[1], "0"
	case len(parts) == 3:
		thh, tmm, tss = parts[0], parts[1], parts[2]
	case len(parts) == 1 && strings.Contains(parts[0], "."):
		p := strings.Split(parts[0], ".")
		switch len(p) {
		case 2:
			thh, tmm, tss = p[0], p[1], "0"
		case 3:
			thh, tmm, tss = p[0], p[1], p[2]
		default:
			return zero, false
		}
	default:
		return zero, false
	}
	var t dateTuple
	var ok bool
	for i, f := range []string{yy, dd, thh, tmm, tss} {
		var n int64
		if n, ok = pyInt(f); !ok {
			return zero, false
		}
		switch i {
		case 0:
			t[0] = n
		case 1:
			t[2] = n
		default:
			t[i+1] = n
		}
	}
	if t[0] < 100 {
		if t[0] > 68 {
			t[0] += 1900
		} else {
			t[0] += 2000
		}
	}
	t[1] = month
	return t, true
}

func unixFloor(f float64) time.Time { return time.Unix(int64(math.Floor(f)), 0) }
