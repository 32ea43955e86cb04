package pyval

import (
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/covetpy/covetgen/runtime/pyjson"
)

// fmtSpec is a parsed format specification (the format mini-language).
type fmtSpec struct {
	fill     string
	align    byte // 0, '<', '>', '=', '^'
	sign     byte // 0, '+', '-', ' '
	z        bool
	alt      bool
	width    int
	grouping byte // 0, ',', '_'
	prec     int  // -1: none
	typ      byte // 0: none
	fillSet  bool
}

func isAlign(c byte) bool { return c == '<' || c == '>' || c == '=' || c == '^' }

// parseSpec is CPython's parse_internal_render_format_spec; defAlign is '<' for strings,
// '>' for numbers.
func parseSpec(s string, defAlign byte) (fmtSpec, error) {
	sp := fmtSpec{fill: " ", prec: -1}
	pos := 0
	alignSet := false
	if s != "" {
		_, n := utf8.DecodeRuneInString(s)
		if n < len(s) && isAlign(s[n]) {
			sp.fill, sp.align, sp.fillSet, alignSet = s[:n], s[n], true, true
			pos = n + 1
		} else if isAlign(s[0]) {
			sp.align, alignSet = s[0], true
			pos = 1
		}
	}
	if pos < len(s) && (s[pos] == '+' || s[pos] == '-' || s[pos] == ' ') {
		sp.sign = s[pos]
		pos++
	}
	if pos < len(s) && s[pos] == 'z' {
		sp.z = true
		pos++
	}
	if pos < len(s) && s[pos] == '#' {
		sp.alt = true
		pos++
	}
	if !sp.fillSet && pos < len(s) && s[pos] == '0' {
		sp.fill, sp.fillSet = "0", true
		if !alignSet && defAlign == '>' {
			sp.align = '='
		}
		pos++
	}
	digits := func() (int, bool, error) {
		st := pos
		for pos < len(s) && s[pos] >= '0' && s[pos] <= '9' {
			pos++
		}
		if pos == st {
			return 0, false, nil
		}
		n, err := strconv.Atoi(s[st:pos])
		if err != nil || n > math.MaxInt32 {
			return 0, true, valueError("Too many decimal digits in format string")
		}
		return n, true, nil
	}
	w, _, err := digits()
	if err != nil {
		return sp, err
	}
	sp.width = w
	if pos < len(s) && (s[pos] == ',' || s[pos] == '_') {
		sp.grouping = s[pos]
		pos++
		if pos < len(s) && (s[pos] == ',' || s[pos] == '_') {
			if s[pos] == sp.grouping {
				return sp, valueError("Cannot specify '" + string(sp.grouping) + "' with '" + string(sp.grouping) + "'.")
			}
			return sp, valueError("Cannot specify both ',' and '_'.")
		}
	}
	if pos < len(s) && s[pos] == '.' {
		pos++
		p, ok, err := digits()
		if err != nil {
			return sp, err
		}
		if !ok {
			return sp, valueError("Format specifier missing precision")
		}
		sp.prec = p
	}
	if len(s)-pos > 1 {
		return sp, valueError("Invalid format specifier '" + s + "' for object of type '%s'")
	}
	if pos < len(s) {
		sp.typ = s[pos]
	}
	if sp.grouping != 0 {
		switch sp.typ {
		case 0, 'd', 'e', 'f', 'g', 'E', 'G', '%', 'F':
		case 'b', 'o', 'x', 'X':
			if sp.grouping == '_' {
				break
			}
			fallthrough
		default:
			return sp, valueError("Cannot specify '" + string(sp.grouping) + "' with '" + string(sp.typ) + "'.")
		}
	}
	if sp.align == 0 {
		sp.align = defAlign
	}
	return sp, nil
}

// pad aligns body (with its sign/prefix already in front) to the spec's width.
func (sp *fmtSpec) pad(body string) string {
	n := pyjson.CharLen(body)
	if n >= sp.width {
		return body
	}
	k := sp.width - n
	switch sp.align {
	case '>':
		return strings.Repeat(sp.fill, k) + body
	case '^':
		l := k / 2
		return strings.Repeat(sp.fill, l) + body + strings.Repeat(sp.fill, k-l)
	}
	return body + strings.Repeat(sp.fill, k)
}

// Format is format(v, spec).
func Format(v Value, spec string) (string, error) {
	switch x := v.(type) {
	case Str:
		return formatStr(string(x), spec)
	case Int:
		return formatInt(x, spec)
	case Bool:
		if spec == "" {
			if x {
				return "True", nil
			}
			return "False", nil
		}
		i, _ := asInt(x)
		return formatInt(i, spec)
	case Float:
		return formatFloat(float64(x), spec)
	}
	if spec != "" {
		switch v.(type) {
		case Date, DateTime, UTCDateTime:
			return strftime(v, spec) // date.__format__ (temporal_strftime.go)
		case Decimal:
			// Decimal.__format__ is not modelled (the translator refuses the static cases)
			return "", raise("UnsupportedOperation", "format spec of a "+tpName(v))
		}
		return "", typeError("unsupported format string passed to %s.__format__", tpName(v))
	}
	s, err := StrOf(v)
	return string(s), err
}

// FormatValue is an f-string replacement field: conversion ('s', 'r', 'a' or 0) then
// format(value, spec).
func FormatValue(v Value, conv byte, spec string) (string, error) {
	var err error
	switch conv {
	case 's':
		v, err = StrOf(v)
	case 'r':
		v, err = Repr(v)
	case 'a':
		v, err = Ascii(v)
	}
	if err != nil {
		return "", err
	}
	return Format(v, spec)
}

func fixTypeName(err error, typ string) error {
	if e, ok := err.(*Exception); ok && strings.Contains(e.Msg, "'%s'") {
		e.Msg = strings.Replace(e.Msg, "%s", typ, 1)
		e.Args = []Value{Str(e.Msg)}
	}
	return err
}

func formatStr(s, spec string) (string, error) {
	if spec == "" {
		return s, nil
	}
	sp, err := parseSpec(spec, '<')
	if err != nil {
		return "", fixTypeName(err, "str")
	}
	switch {
	case sp.typ != 0 && sp.typ != 's':
		return "", valueError("Unknown format code '" + string(sp.typ) + "' for object of type 'str'")
	case sp.sign != 0:
		return "", valueError("Sign not allowed in string format specifier")
	case sp.alt:
		return "", valueError("Alternate form (#) not allowed in string format specifier")
	case sp.z:
		return "", valueError("Negative zero coercion (z) not allowed in format specifier")
	case sp.align == '=':
		return "", valueError("'=' alignment not allowed in string format specifier")
	}
	if sp.prec >= 0 && pyjson.CharLen(s) > sp.prec {
		cs := chars(s)
		s = strings.Join(cs[:sp.prec], "")
	}
	return sp.pad(s), nil
}

// groupDigits inserts sep every group digits from the right, padding with zeros up to
// minWidth characters (CPython's _PyUnicode_InsertThousandsGrouping).
func groupDigits(digits string, sep byte, group, minWidth int) string {
	var parts []string
	remaining := len(digits)
	end := len(digits)
	first := true
	broken := false
	for {
		l := min(group, max(remaining, minWidth, 1))
		zeros := max(0, l-remaining)
		nchars := max(0, min(remaining, l))
		part := strings.Repeat("0", zeros) + digits[end-nchars:end]
		if !first {
			part += string(sep)
		}
		parts = append(parts, part)
		end -= nchars
		remaining -= nchars
		minWidth -= l
		first = false
		if remaining <= 0 && minWidth <= 0 {
			broken = true
			break
		}
		minWidth--
	}
	_ = broken
	var b strings.Builder
	for i := len(parts) - 1; i >= 0; i-- {
		b.WriteString(parts[i])
	}
	return b.String()
}

// number assembles sign + prefix + digits (+ rest) with grouping and padding.
func (sp *fmtSpec) number(neg bool, prefix, intDigits, rest string, groupSize int) string {
	sign := ""
	switch {
	case neg:
		sign = "-"
	case sp.sign == '+':
		sign = "+"
	case sp.sign == ' ':
		sign = " "
	}
	minWidth := 0
	zeroPad := sp.fill == "0" && sp.align == '='
	if zeroPad {
		minWidth = sp.width - len(sign) - len(prefix) - pyjson.CharLen(rest)
	}
	if sp.grouping != 0 && intDigits != "" {
		intDigits = groupDigits(intDigits, sp.grouping, groupSize, minWidth)
	} else if zeroPad && len(intDigits) < minWidth {
		intDigits = strings.Repeat("0", minWidth-len(intDigits)) + intDigits
	}
	body := intDigits + rest
	if sp.align == '=' {
		n := pyjson.CharLen(sign + prefix + body)
		if n < sp.width {
			body = strings.Repeat(sp.fill, sp.width-n) + body
		}
		return sign + prefix + body
	}
	return sp.pad(sign + prefix + body)
}

func formatInt(x Int, spec string) (string, error) {
	if spec == "" {
		return intStr(x)
	}
	sp, err := parseSpec(spec, '>')
	if err != nil {
		return "", fixTypeName(err, "int")
	}
	switch sp.typ {
	case 'e', 'E', 'f', 'F', 'g', 'G', '%':
		f, err := intToFloat(x)
		if err != nil {
			return "", err
		}
		return formatFloatSpec(f, sp)
	case 0, 'd', 'n', 'b', 'o', 'x', 'X', 'c':
	default:
		return "", valueError("Unknown format code '" + string(sp.typ) + "' for object of type 'int'")
	}
	if sp.prec >= 0 {
		return "", valueError("Precision not allowed in integer format specifier")
	}
	if sp.z {
		return "", valueError("Negative zero coercion (z) not allowed in integer format specifier")
	}
	if sp.typ == 'c' {
		if sp.sign != 0 {
			return "", valueError("Sign not allowed with integer format specifier 'c'")
		}
		if sp.alt {
			return "", valueError("Alternate form (#) not allowed with integer format specifier 'c'")
		}
		if x.big != nil || x.small < 0 || x.small > 0x10FFFF {
			return "", overflowError("%c arg not in range(0x110000)")
		}
		return sp.number(false, "", "", string(rune(x.small)), 3), nil
	}
	if sp.typ == 'n' && sp.grouping != 0 {
		return "", valueError("Cannot specify '" + string(sp.grouping) + "' with 'n'.")
	}
	base, prefix, group := 10, "", 3
	switch sp.typ {
	case 'b':
		base, prefix, group = 2, "0b", 4
	case 'o':
		base, prefix, group = 8, "0o", 4
	case 'x', 'X':
		base, prefix, group = 16, "0x", 4
	}
	if !sp.alt {
		prefix = ""
	}
	b := x.bigRO()
	neg := b.Sign() < 0
	digits := new(big.Int).Abs(b).Text(base)
	if base == 10 && len(digits) > maxStrDigits {
		return "", valueError("Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit")
	}
	if sp.typ == 'X' {
		digits = strings.ToUpper(digits)
		prefix = strings.ToUpper(prefix)
	}
	return sp.number(neg, prefix, digits, "", group), nil
}

func formatFloat(f float64, spec string) (string, error) {
	if spec == "" {
		return string(pyjson.AppendFloatRepr(nil, f)), nil
	}
	sp, err := parseSpec(spec, '>')
	if err != nil {
		return "", fixTypeName(err, "float")
	}
	return formatFloatSpec(f, sp)
}

func formatFloatSpec(f float64, sp fmtSpec) (string, error) {
	typ := sp.typ
	switch typ {
	case 0, 'e', 'E', 'f', 'F', 'g', 'G', '%', 'n':
	default:
		return "", valueError("Unknown format code '" + string(typ) + "' for object of type 'float'")
	}
	if sp.typ == 'n' && sp.grouping != 0 {
		return "", valueError("Cannot specify '" + string(sp.grouping) + "' with 'n'.")
	}
	addDot0 := false
	prec := sp.prec
	if typ == 0 {
		addDot0 = true
		if prec < 0 {
			typ = 'r'
		} else {
			typ = 'g'
		}
	}
	if typ == 'n' {
		typ = 'g'
	}
	pct := false
	if typ == '%' {
		typ, pct = 'f', true
		f *= 100
	}
	if prec < 0 {
		prec = 6
	}
	neg := math.Signbit(f)
	a := math.Abs(f)
	var s string
	upper := typ == 'E' || typ == 'F' || typ == 'G'
	switch {
	case math.IsInf(a, 0):
		s = "inf"
	case math.IsNaN(a):
		s = "nan"
		neg = math.Signbit(f)
	default:
		s = floatDigits(a, typ, prec, sp.alt, addDot0)
	}
	if upper {
		s = strings.ToUpper(s)
	}
	if pct {
		s += "%"
	}
	if sp.z && neg && isZeroText(s) {
		neg = false
	}
	// Split the integer part (grouped, zero-padded) from the rest.
	i := strings.IndexFunc(s, func(r rune) bool { return r < '0' || r > '9' })
	if i < 0 {
		i = len(s)
	}
	if math.IsInf(a, 0) || math.IsNaN(a) {
		// inf and nan are never zero-padded with grouping.
		return sp.number(neg, "", "", s, 3), nil
	}
	return sp.number(neg, "", s[:i], s[i:], 3), nil
}

func isZeroText(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '1' && s[i] <= '9' {
			return false
		}
		if s[i] == 'e' || s[i] == 'E' {
			break
		}
	}
	return true
}

// floatDigits formats a finite non-negative float: typ is 'r' (repr), 'e', 'f', 'g' (any
// case).
func floatDigits(a float64, typ byte, prec int, alt, addDot0 bool) string {
	lower := typ | 0x20
	var s string
	switch lower {
	case 'r':
		return string(pyjson.AppendFloatRepr(nil, a))
	case 'e':
		s = strconv.FormatFloat(a, 'e', prec, 64)
		if alt && prec == 0 {
			s = strings.Replace(s, "e", ".e", 1)
		}
	case 'f':
		s = strconv.FormatFloat(a, 'f', prec, 64)
		if alt && prec == 0 {
			s += "."
		}
	case 'g':
		if prec == 0 {
			prec = 1
		}
		e := strconv.FormatFloat(a, 'e', prec-1, 64)
		x, _ := strconv.Atoi(e[strings.IndexByte(e, 'e')+1:])
		if a == 0 {
			x = 0
		}
		hi := prec
		if addDot0 {
			hi-- // CPython's format_float_short: an integer would need ".0" added
		}
		if x >= -4 && x < hi {
			s = strconv.FormatFloat(a, 'f', prec-1-x, 64)
			if !alt {
				s = trimZeros(s)
			} else if !strings.Contains(s, ".") {
				s += "."
			}
			if addDot0 && !strings.Contains(s, ".") {
				s += ".0"
			}
		} else {
			mant, exp := e[:strings.IndexByte(e, 'e')], e[strings.IndexByte(e, 'e'):]
			if !alt {
				mant = trimZeros(mant)
			} else if !strings.Contains(mant, ".") {
				mant += "."
			}
			s = mant + exp
		}
	}
	return s
}

func trimZeros(s string) string {
	if !strings.Contains(s, ".") {
		return s
	}
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}
