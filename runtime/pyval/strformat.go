package pyval

import (
	"strconv"
	"strings"
)

// KW is a keyword argument.
type KW struct {
	Name  string
	Value Value
}

// strFormat is fmt.format(*args, **kw).
func strFormat(fmtStr string, args []Value, kw []KW) (Value, error) {
	f := &formatter{args: args, kw: kw}
	s, err := f.vformat(fmtStr, 2)
	if err != nil {
		return nil, err
	}
	return Str(s), nil
}

type formatter struct {
	args  []Value
	kw    []KW
	auto  int // next automatic index; -1 once manual numbering was used
	state int // 0 unknown, 1 auto, 2 manual
}

func (f *formatter) vformat(s string, depth int) (string, error) {
	if depth < 0 {
		return "", valueError("Max string recursion exceeded")
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		c := s[i]
		if c != '{' && c != '}' {
			j := strings.IndexAny(s[i:], "{}")
			if j < 0 {
				j = len(s) - i
			}
			b.WriteString(s[i : i+j])
			i += j
			continue
		}
		if c == '}' {
			if i+1 < len(s) && s[i+1] == '}' {
				b.WriteByte('}')
				i += 2
				continue
			}
			return "", valueError("Single '}' encountered in format string")
		}
		if i+1 < len(s) && s[i+1] == '{' {
			b.WriteByte('{')
			i += 2
			continue
		}
		// A replacement field: find its matching '}'.
		count, bracket, k := 1, false, i+1
		for ; k < len(s); k++ {
			switch s[k] {
			case '[':
				bracket = true
			case ']':
				bracket = false
			case '{':
				if !bracket {
					count++
				}
			case '}':
				if !bracket {
					count--
				}
			}
			if count == 0 {
				break
			}
		}
		if count > 0 {
			return "", valueError("expected '}' before end of string")
		}
		out, err := f.field(s[i+1:k], depth)
		if err != nil {
			return "", err
		}
		b.WriteString(out)
		i = k + 1
	}
	return b.String(), nil
}

func (f *formatter) field(field string, depth int) (string, error) {
	// Split name, conversion, spec.
	name, conv, spec := field, byte(0), ""
	inBracket := false
	for k := 0; k < len(field); k++ {
		c := field[k]
		if c == '[' {
			inBracket = true
		} else if c == ']' {
			inBracket = false
		}
		if inBracket {
			continue
		}
		if c == '{' {
			return "", valueError("unexpected '{' in field name")
		}
		if c == '!' {
			name = field[:k]
			if k+1 >= len(field) {
				return "", valueError("end of string while looking for conversion specifier")
			}
			conv = field[k+1]
			rest := field[k+2:]
			if rest != "" {
				if rest[0] != ':' {
					return "", valueError("expected ':' after conversion specifier")
				}
				spec = rest[1:]
			}
			break
		}
		if c == ':' {
			name, spec = field[:k], field[k+1:]
			break
		}
	}
	v, err := f.lookup(name)
	if err != nil {
		return "", err
	}
	switch conv {
	case 0, 's', 'r', 'a':
	default:
		return "", valueError("Unknown conversion specifier " + string(conv))
	}
	if strings.ContainsAny(spec, "{}") {
		if spec, err = f.vformat(spec, depth-1); err != nil {
			return "", err
		}
	}
	return FormatValue(v, conv, spec)
}

func (f *formatter) lookup(name string) (Value, error) {
	first := name
	k := strings.IndexAny(name, ".[")
	if k >= 0 {
		first = name[:k]
	}
	var v Value
	switch {
	case first == "":
		if f.state == 2 {
			return nil, valueError("cannot switch from manual field specification to automatic field numbering")
		}
		f.state = 1
		idx := f.auto
		f.auto++
		if idx >= len(f.args) {
			return nil, raise("IndexError", "Replacement index "+strconv.Itoa(idx)+" out of range for positional args tuple")
		}
		v = f.args[idx]
	case isDigits(first):
		if f.state == 1 {
			return nil, valueError("cannot switch from automatic field numbering to manual field specification")
		}
		f.state = 2
		idx, err := strconv.Atoi(first)
		if err != nil {
			return nil, valueError("Too many decimal digits in format string")
		}
		if idx >= len(f.args) {
			return nil, raise("IndexError", "Replacement index "+first+" out of range for positional args tuple")
		}
		v = f.args[idx]
	default:
		found := false
		for i := len(f.kw) - 1; i >= 0; i-- {
			if f.kw[i].Name == first {
				v, found = f.kw[i].Value, true
				break
			}
		}
		if !found {
			return nil, KeyError(Str(first))
		}
	}
	rest := name[len(first):]
	for rest != "" {
		switch rest[0] {
		case '.':
			rest = rest[1:]
			e := strings.IndexAny(rest, ".[")
			if e < 0 {
				e = len(rest)
			}
			attr := rest[:e]
			if attr == "" {
				return nil, valueError("Empty attribute in format string")
			}
			var err error
			if v, err = GetAttr(v, attr); err != nil {
				return nil, err
			}
			rest = rest[e:]
		case '[':
			e := strings.IndexByte(rest, ']')
			if e < 0 {
				return nil, valueError("Missing ']' in format string")
			}
			key := rest[1:e]
			if key == "" {
				return nil, valueError("Empty attribute in format string")
			}
			var kv Value = Str(key)
			if isDigits(key) {
				if n, err := strconv.ParseInt(key, 10, 64); err == nil {
					kv = IntOf(n)
				}
			}
			var err error
			if v, err = GetItem(v, kv); err != nil {
				return nil, err
			}
			rest = rest[e+1:]
			if rest != "" && rest[0] != '.' && rest[0] != '[' {
				return nil, valueError("Only '.' or '[' may follow ']' in format field specifier")
			}
		default:
			return nil, valueError("Only '.' or '[' may follow ']' in format field specifier")
		}
	}
	return v, nil
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
