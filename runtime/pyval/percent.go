package pyval

import (
	"math"
	"math/big"
	"strconv"
	"strings"
)

// PercentFormat is str % args (printf-style formatting).
func PercentFormat(f, args Value) (Value, error) {
	fs, ok := f.(Str)
	if !ok {
		return nil, raise("UnsupportedOperation", "bytes % formatting is not supported")
	}
	s := string(fs)
	tuple, isTuple := args.(Tuple)
	var dict Value
	switch args.(type) {
	case *Dict, *List, Bytes:
		dict = args
	}
	argIdx, argLen := 0, len(tuple)
	if !isTuple {
		argIdx, argLen = -2, -1
	}
	next := func() (Value, error) {
		if argLen < 0 {
			if argIdx == -2 {
				argIdx = -1
				return args, nil
			}
		} else if argIdx < argLen {
			argIdx++
			return tuple[argIdx-1], nil
		}
		return nil, typeError("not enough arguments for format string")
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		j := strings.IndexByte(s[i:], '%')
		if j < 0 {
			b.WriteString(s[i:])
			break
		}
		b.WriteString(s[i : i+j])
		i += j + 1
		start := i - 1
		if i >= len(s) {
			return nil, valueError("incomplete format")
		}
		var arg Value
		if s[i] == '(' {
			if dict == nil {
				return nil, typeError("format requires a mapping")
			}
			depth, k := 1, i+1
			for ; k < len(s) && depth > 0; k++ {
				switch s[k] {
				case '(':
					depth++
				case ')':
					depth--
				}
			}
			if depth > 0 {
				return nil, valueError("incomplete format key")
			}
			v, err := GetItem(dict, Str(s[i+1:k-1]))
			if err != nil {
				return nil, err
			}
			arg = v
			i = k
		}
		sp := fmtSpec{fill: " ", align: '>', prec: -1}
		zero := false
	flags:
		for ; i < len(s); i++ {
			switch s[i] {
			case '-':
				sp.align = '<'
			case '+':
				sp.sign = '+'
			case ' ':
				if sp.sign == 0 {
					sp.sign = ' '
				}
			case '#':
				sp.alt = true
			case '0':
				zero = true
			default:
				break flags
			}
		}
		num := func() (int, error) {
			if i < len(s) && s[i] == '*' {
				i++
				v, err := next()
				if err != nil {
					return 0, err
				}
				n, ok := v.(Int)
				if !ok || n.big != nil {
					return 0, typeError("* wants int")
				}
				return int(n.small), nil
			}
			st := i
			for i < len(s) && s[i] >= '0' && s[i] <= '9' {
				i++
			}
			if st == i {
				return -1, nil
			}
			n, err := strconv.Atoi(s[st:i])
			if err != nil {
				return 0, valueError("width too big")
			}
			return n, nil
		}
		w, err := num()
		if err != nil {
			return nil, err
		}
		if w < 0 && w != -1 {
			sp.align, w = '<', -w
		}
		sp.width = max(w, 0)
		if i < len(s) && s[i] == '.' {
			i++
			p, err := num()
			if err != nil {
				return nil, err
			}
			sp.prec = max(p, 0)
		}
		for i < len(s) && (s[i] == 'h' || s[i] == 'l' || s[i] == 'L') {
			i++
		}
		if i >= len(s) {
			return nil, valueError("incomplete format")
		}
		c := s[i]
		i++
		if c == '%' {
			b.WriteByte('%')
			continue
		}
		if arg == nil {
			if arg, err = next(); err != nil {
				return nil, err
			}
		}
		if zero && sp.align != '<' {
			sp.fill, sp.align = "0", '='
		}
		out, err := percentOne(c, arg, sp, start, s)
		if err != nil {
			return nil, err
		}
		b.WriteString(out)
	}
	if argIdx < argLen && dict == nil {
		return nil, typeError("not all arguments converted during string formatting")
	}
	return Str(b.String()), nil
}

func percentOne(c byte, arg Value, sp fmtSpec, at int, s string) (string, error) {
	strSpec := sp
	if strSpec.align == '=' {
		strSpec.fill, strSpec.align = " ", '>'
	}
	switch c {
	case 's', 'r', 'a':
		var v Str
		var err error
		switch c {
		case 's':
			v, err = StrOf(arg)
		case 'r':
			v, err = Repr(arg)
		default:
			v, err = Ascii(arg)
		}
		if err != nil {
			return "", err
		}
		str := string(v)
		if sp.prec >= 0 && len(chars(str)) > sp.prec {
			str = strings.Join(chars(str)[:sp.prec], "")
		}
		return strSpec.pad(str), nil
	case 'c':
		var ch string
		switch x := arg.(type) {
		case Str:
			if len(chars(string(x))) != 1 {
				return "", typeError("%c requires int or char")
			}
			ch = string(x)
		case Int, Bool:
			n, _ := asInt(x)
			if n.big != nil || n.small < 0 || n.small > 0x10FFFF {
				return "", overflowError("%c arg not in range(0x110000)")
			}
			ch = string(rune(n.small))
		default:
			return "", typeError("%c requires int or char")
		}
		return strSpec.pad(ch), nil
	case 'd', 'i', 'u', 'x', 'X', 'o':
		var n Int
		switch x := arg.(type) {
		case Int, Bool:
			n, _ = asInt(x)
		case Float:
			if c != 'd' && c != 'i' && c != 'u' {
				return "", typeError("%"+string(c)+" format: an integer is required, not %s", arg.TypeName())
			}
			v, err := truncFloat(float64(x))
			if err != nil {
				return "", err
			}
			n = v.(Int)
		default:
			if c == 'd' || c == 'i' || c == 'u' {
				return "", typeError("%"+string(c)+" format: a real number is required, not %s", arg.TypeName())
			}
			return "", typeError("%"+string(c)+" format: an integer is required, not %s", arg.TypeName())
		}
		base, prefix := 10, ""
		switch c {
		case 'x', 'X':
			base, prefix = 16, "0x"
		case 'o':
			base, prefix = 8, "0o"
		}
		if !sp.alt {
			prefix = ""
		}
		b := n.bigRO()
		digits := new(big.Int).Abs(b).Text(base)
		if sp.prec > len(digits) {
			digits = strings.Repeat("0", sp.prec-len(digits)) + digits
		}
		if c == 'X' {
			digits, prefix = strings.ToUpper(digits), strings.ToUpper(prefix)
		}
		return sp.number(b.Sign() < 0, prefix, digits, "", 3), nil
	case 'e', 'E', 'f', 'F', 'g', 'G':
		var f float64
		switch x := arg.(type) {
		case Float:
			f = float64(x)
		case Int, Bool:
			n, _ := asInt(x)
			v, err := intToFloat(n)
			if err != nil {
				return "", err
			}
			f = v
		default:
			return "", typeError("must be real number, not %s", arg.TypeName())
		}
		prec := sp.prec
		if prec < 0 {
			prec = 6
		}
		a := math.Abs(f)
		neg := math.Signbit(f)
		if math.IsInf(f, 0) || math.IsNaN(f) {
			t := "inf"
			if math.IsNaN(f) {
				t = "nan"
			}
			if c == 'E' || c == 'F' || c == 'G' {
				t = strings.ToUpper(t)
			}
			sp.fill = " "
			if sp.align == '=' {
				sp.align = '>'
			}
			return sp.number(neg, "", "", t, 3), nil
		}
		t := floatDigits(a, c, prec, sp.alt, false)
		if c == 'E' || c == 'F' || c == 'G' {
			t = strings.ToUpper(t)
		}
		k := strings.IndexFunc(t, func(r rune) bool { return r < '0' || r > '9' })
		if k < 0 {
			k = len(t)
		}
		return sp.number(neg, "", t[:k], t[k:], 3), nil
	}
	return "", valueError("unsupported format character '" + string(c) + "' (0x" + strconv.FormatInt(int64(c), 16) + ") at index " + strconv.Itoa(at+1))
}
