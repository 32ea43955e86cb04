package validate

import (
	"math/big"
	"strconv"

	"github.com/covetpy/covetgen/runtime/pyjson"
)

// Duration is a datetime.timedelta, normalized as Python keeps it: Days may
// be negative, 0 <= Seconds < 86400, 0 <= Microseconds < 1e6.
type Duration struct {
	Days         int64
	Seconds      int32
	Microseconds int32
}

const (
	msgDurationType     = "Input should be a valid timedelta"
	msgDurationOverflow = "days=-1000000000; must have magnitude <= 999999999"
)

// pyDuration is duration_as_pytimedelta: the Python normalization of a
// signed speedate duration.
func (d sdur) pyDuration() (Duration, bool) {
	if d.positive || d.day == 0 && d.second == 0 && d.micro == 0 {
		return Duration{Days: int64(d.day), Seconds: int32(d.second), Microseconds: int32(d.micro)}, true
	}
	days, sec, us := -int64(d.day), -int64(d.second), -int64(d.micro)
	if us < 0 {
		us += 1_000_000
		sec--
	}
	if sec < 0 {
		sec += 86_400
		days--
	}
	if days < -maxDurationDays {
		return Duration{}, false
	}
	return Duration{Days: days, Seconds: int32(sec), Microseconds: int32(us)}, true
}

// speedate is pytimedelta_exact_as_duration: the sign-magnitude form used
// by the ISO output and the constraints.
func (d Duration) speedate() sdur {
	if d.Days >= 0 {
		return sdur{positive: true, day: uint32(d.Days), second: uint32(d.Seconds), micro: uint32(d.Microseconds)}
	}
	days, sec, us := d.Days, int64(d.Seconds), int64(d.Microseconds)
	if us != 0 {
		sec++
		us = 1_000_000 - us
	}
	if sec != 0 {
		days++
		sec = 86_400 - sec
	}
	return sdur{day: uint32(-days), second: uint32(sec), micro: uint32(us)}
}

// DurationFromString parses a parameter string: ISO 8601 durations
// ("P1DT2H", "-PT0.5S", weeks, fractions on the last quantity) and
// "[-][D[ ]d[ays][,][ ]]HH:MM[:SS[.ffffff]]".
func DurationFromString(s string) (Duration, *Error) {
	sd, err := durationFromStr(s, nil)
	if err != nil {
		err.Input = s
	}
	if err != nil {
		return Duration{}, err
	}
	return pyDurationOf(sd, s)
}

func durationFromStr(s string, input any) (sdur, *Error) {
	d, e := parseDuration(s)
	if e != "" {
		return sdur{}, durationParsing(e, input)
	}
	return d, nil
}

func durationParsing(e string, input any) *Error {
	return newErr("time_delta_parsing", "Input should be a valid timedelta, "+e, input, CtxItem{"error", e})
}

func pyDurationOf(sd sdur, input any) (Duration, *Error) {
	d, ok := sd.pyDuration()
	if !ok {
		return Duration{}, newErr(TypePythonException, msgDurationOverflow, input)
	}
	return d, nil
}

// DurationFromJSON coerces strings, ints and floats (seconds) and bools.
func DurationFromJSON(v pyjson.Value) (Duration, *Error) {
	sd, err := durationFromJSON(v)
	if err != nil {
		return Duration{}, err
	}
	return pyDurationOf(sd, v)
}

func durationFromJSON(v pyjson.Value) (sdur, *Error) {
	var d sdur
	var e string
	switch v.Kind() {
	case pyjson.KindString:
		d, err := durationFromStr(v.Str(), nil)
		return withValue(d, err, v)
	case pyjson.KindTrue:
		d, e = durationFromInt(1)
	case pyjson.KindFalse:
		d, e = durationFromInt(0)
	case pyjson.KindInt:
		if n, ok := v.Int64(); ok {
			d, e = durationFromInt(n)
			break
		}
		f, err := strconv.ParseFloat(v.Literal(), 64)
		if err != nil { // beyond float range: the lax branch gives up
			return sdur{}, newErr("time_delta_type", msgDurationType, v)
		}
		d, e = durationFromFloat(f)
	case pyjson.KindFloat:
		f, _ := v.Float64()
		d, e = durationFromFloat(f)
	default:
		return sdur{}, newErr("time_delta_type", msgDurationType, v)
	}
	if e != "" {
		return sdur{}, durationParsing(e, v)
	}
	return d, nil
}

// DurationConstraints are gt/ge/lt/le of a timedelta field.
type DurationConstraints struct{ Gt, Ge, Lt, Le *Duration }

// cmpSdur is speedate's partial_cmp: the sign first (so -0 < +0), then the
// magnitudes.
func cmpSdur(a, b sdur) int {
	if a.positive != b.positive {
		if a.positive {
			return 1
		}
		return -1
	}
	c := cmp3(a.day, a.second, a.micro, b.day, b.second, b.micro)
	if !a.positive {
		c = -c
	}
	return c
}

func cmp3(a1, a2, a3, b1, b2, b3 uint32) int {
	switch {
	case a1 != b1:
		return cmpU(a1, b1)
	case a2 != b2:
		return cmpU(a2, b2)
	}
	return cmpU(a3, b3)
}

func cmpU(a, b uint32) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Check applies the constraints in pydantic-core's order (le, lt, ge, gt);
// the error input is the validated timedelta.
func (c *DurationConstraints) Check(d Duration) *Error {
	return c.check(d.speedate(), d)
}

func (c *DurationConstraints) check(raw sdur, d Duration) *Error {
	if b := c.Le; b != nil && cmpSdur(raw, b.speedate()) > 0 {
		h := b.HumanString()
		return newErr("less_than_equal", "Input should be less than or equal to "+h, d, CtxItem{"le", h})
	}
	if b := c.Lt; b != nil && cmpSdur(raw, b.speedate()) >= 0 {
		h := b.HumanString()
		return newErr("less_than", "Input should be less than "+h, d, CtxItem{"lt", h})
	}
	if b := c.Ge; b != nil && cmpSdur(raw, b.speedate()) < 0 {
		h := b.HumanString()
		return newErr("greater_than_equal", "Input should be greater than or equal to "+h, d, CtxItem{"ge", h})
	}
	if b := c.Gt; b != nil && cmpSdur(raw, b.speedate()) <= 0 {
		h := b.HumanString()
		return newErr("greater_than", "Input should be greater than "+h, d, CtxItem{"gt", h})
	}
	return nil
}

// decodeDuration validates with the raw (signed) form compared against the
// constraints, as pydantic-core does ("-PT0S" is below timedelta(0)).
func decodeDuration(v pyjson.Value, c *DurationConstraints) (Duration, *Error) {
	sd, err := durationFromJSON(v)
	if err != nil {
		return Duration{}, err
	}
	d, err := pyDurationOf(sd, v)
	if err == nil && c != nil {
		err = c.check(sd, d)
	}
	return d, err
}

// HumanString is pydantic's pydelta_to_human_readable ("1 day and 2 hours").
func (d Duration) HumanString() string {
	var out []byte
	part := func(n int64, unit string) {
		if n == 0 {
			return
		}
		if len(out) > 0 {
			out = append(out, " and "...)
		}
		out = strconv.AppendInt(out, n, 10)
		out = append(out, ' ')
		out = append(out, unit...)
		if n != 1 {
			out = append(out, 's')
		}
	}
	part(d.Days, "day")
	part(int64(d.Seconds/3600), "hour")
	part(int64(d.Seconds%3600/60), "minute")
	part(int64(d.Seconds%60), "second")
	part(int64(d.Microseconds), "microsecond")
	if len(out) == 0 {
		return "0 seconds"
	}
	return string(out)
}

// AppendJSON writes the ISO 8601 duration pydantic's JSON serializer
// writes ("PT1H0.000005S", "-P1DT1S", "P1Y35D", "PT0S").
func (d Duration) AppendJSON(dst []byte) []byte {
	dst = append(dst, '"')
	dst = d.speedate().appendISO(dst)
	return append(dst, '"')
}

// ISOString is the ISO 8601 form without quotes.
func (d Duration) ISOString() string { return string(d.speedate().appendISO(nil)) }

// appendISO is speedate's Display.
func (d sdur) appendISO(dst []byte) []byte {
	if !d.positive {
		dst = append(dst, '-')
	}
	dst = append(dst, 'P')
	if d.day != 0 {
		if y := d.day / 365; y != 0 {
			dst = strconv.AppendUint(dst, uint64(y), 10)
			dst = append(dst, 'Y')
		}
		if dd := d.day % 365; dd != 0 {
			dst = strconv.AppendUint(dst, uint64(dd), 10)
			dst = append(dst, 'D')
		}
	}
	if d.second != 0 || d.micro != 0 {
		dst = append(dst, 'T')
		if h := d.second / 3600; h != 0 {
			dst = strconv.AppendUint(dst, uint64(h), 10)
			dst = append(dst, 'H')
		}
		if m := d.second % 3600 / 60; m != 0 {
			dst = strconv.AppendUint(dst, uint64(m), 10)
			dst = append(dst, 'M')
		}
		if sec := d.second % 60; sec != 0 || d.micro != 0 {
			dst = strconv.AppendUint(dst, uint64(sec), 10)
			if d.micro != 0 {
				us := strconv.AppendUint(nil, uint64(1_000_000+d.micro), 10)[1:]
				for len(us) > 0 && us[len(us)-1] == '0' {
					us = us[:len(us)-1]
				}
				dst = append(dst, '.')
				dst = append(dst, us...)
			}
			dst = append(dst, 'S')
		}
	}
	if d.second == 0 && d.micro == 0 && d.day == 0 {
		dst = append(dst, "T0S"...)
	}
	return dst
}

// TotalSeconds is timedelta.total_seconds(): the exact microsecond count
// divided by 10**6, correctly rounded.
func (d Duration) TotalSeconds() float64 {
	us := d.Days*86_400_000_000 + int64(d.Seconds)*1_000_000 + int64(d.Microseconds)
	if d.Days > -100_000_000 && d.Days < 100_000_000 && us > -(1<<53) && us < 1<<53 {
		return float64(us) / 1e6
	}
	n := new(big.Int).Mul(big.NewInt(d.Days), big.NewInt(86_400_000_000))
	n.Add(n, big.NewInt(int64(d.Seconds)*1_000_000+int64(d.Microseconds)))
	f, _ := new(big.Rat).SetFrac(n, big.NewInt(1_000_000)).Float64()
	return f
}

// AppendPyJSON writes the timedelta as FastAPI's jsonable_encoder +
// json.dumps do outside a model: total_seconds() as a Python float.
func (d Duration) AppendPyJSON(dst []byte) []byte {
	return pyjson.AppendFloatRepr(dst, d.TotalSeconds())
}

// AppendInputJSON lets a Duration be an error input (jsonable_encoder:
// total_seconds()).
func (d Duration) AppendInputJSON(dst []byte) ([]byte, error) { return d.AppendPyJSON(dst), nil }
