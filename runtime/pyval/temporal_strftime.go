package pyval

import (
	"strconv"
	"strings"

	"github.com/covetpy/covetgen/runtime/validate"
)

// Strftime subset: the directives whose output CPython's strftime (glibc, C locale)
// spells the same on every platform it runs the corpus on. Others raise
// "UnsupportedOperation" (the translator refuses constant formats using them).

// StrftimeDirectives are the supported directive letters.
const StrftimeDirectives = "YmdHMSfyjaAbBpIwuzZ%"

var (
	longDays   = [...]string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
	longMonths = [...]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
)

// Strftime is d.strftime(format) for a date or datetime.
func Strftime(v, format Value) (Value, error) {
	f, ok := format.(Str)
	if !ok {
		return nil, typeError("strftime() argument 1 must be str, not %s", format.TypeName())
	}
	s, err := strftime(v, string(f))
	if err != nil {
		return nil, err
	}
	return Str(s), nil
}

func strftime(v Value, format string) (string, error) {
	v, _ = unUTC(v)
	var dt DateTime
	switch x := v.(type) {
	case Date:
		dt.Date = validate.Date(x)
	case DateTime:
		dt = x
	default:
		return "", noTemporalAttr(v, "strftime")
	}
	if dt.Year < 1000 {
		return "", raise("UnsupportedOperation", "strftime of a year before 1000 (platform-dependent)")
	}
	d := Date(dt.Date)
	wd := (d.ordinal() + 6) % 7 // Monday 0
	var b strings.Builder
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' {
			b.WriteByte(c)
			continue
		}
		if i+1 >= len(format) {
			return "", raise("UnsupportedOperation", "strftime format ending with %")
		}
		i++
		two := func(n int) { b.Write(append2(nil, n)) }
		switch format[i] {
		case 'Y':
			b.WriteString(strconv.Itoa(dt.Year))
		case 'm':
			two(dt.Month)
		case 'd':
			two(dt.Day)
		case 'H':
			two(dt.Hour)
		case 'M':
			two(dt.Minute)
		case 'S':
			two(dt.Second)
		case 'f':
			b.WriteString(strconv.Itoa(1_000_000 + dt.Microsecond)[1:])
		case 'y':
			two(dt.Year % 100)
		case 'j':
			doy := d.ordinal() - Date{Year: dt.Year, Month: 1, Day: 1}.ordinal() + 1
			b.WriteString(strconv.Itoa(1000 + int(doy))[1:])
		case 'a':
			b.WriteString(longDays[wd][:3])
		case 'A':
			b.WriteString(longDays[wd])
		case 'b':
			b.WriteString(longMonths[dt.Month-1][:3])
		case 'B':
			b.WriteString(longMonths[dt.Month-1])
		case 'p':
			if dt.Hour < 12 {
				b.WriteString("AM")
			} else {
				b.WriteString("PM")
			}
		case 'I':
			h := dt.Hour % 12
			if h == 0 {
				h = 12
			}
			two(h)
		case 'w':
			b.WriteString(strconv.Itoa(int((wd + 1) % 7)))
		case 'u':
			b.WriteString(strconv.Itoa(int(wd + 1)))
		case 'z', 'Z':
			if dt.HasTZ {
				return "", raise("UnsupportedOperation", "strftime %z / %Z of an aware datetime")
			}
		case '%':
			b.WriteByte('%')
		default:
			return "", raise("UnsupportedOperation", "strftime directive %"+string(format[i]))
		}
	}
	return b.String(), nil
}
