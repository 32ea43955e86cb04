package validate

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

const errIDNA = "invalid international domain name"

// parseHost is the host parser of the URL standard for a special scheme: an IPv6
// address in brackets, else the percent-decoded domain to ASCII (IDNA), read as an IPv4
// address when it ends in a number.
func parseHost(s string) (string, string) {
	if s == "" {
		return "", "empty host"
	}
	if s[0] == '[' {
		if len(s) < 2 || s[len(s)-1] != ']' {
			return "", "invalid IPv6 address"
		}
		a, ok := parseIPv6(s[1 : len(s)-1])
		if !ok {
			return "", "invalid IPv6 address"
		}
		return "[" + serializeIPv6(a) + "]", ""
	}
	domain, ok := domainToASCII(percentDecode(s))
	if !ok {
		return "", errIDNA
	}
	if domain == "" {
		return "", "empty host"
	}
	if endsInNumber(domain) {
		a, ok := parseIPv4(domain)
		if !ok {
			return "", "invalid IPv4 address"
		}
		return strconv.Itoa(int(a>>24)) + "." + strconv.Itoa(int(a>>16&255)) + "." + strconv.Itoa(int(a>>8&255)) + "." + strconv.Itoa(int(a&255)), ""
	}
	return domain, ""
}

// percentDecode decodes %XX escapes (others kept as they are), the bytes read as
// UTF-8 with invalid sequences replaced.
func percentDecode(s string) string {
	if strings.IndexByte(s, '%') < 0 {
		return s
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) {
			h, ok1 := unhex(s[i+1])
			l, ok2 := unhex(s[i+2])
			if ok1 && ok2 {
				b = append(b, h<<4|l)
				i += 2
				continue
			}
		}
		b = append(b, s[i])
	}
	return strings.ToValidUTF8(string(b), "\uFFFD")
}

// forbiddenDomain are the ASCII code points a domain may not hold (besides C0
// controls, space and DEL).
const forbiddenDomain = "#%/:<>?@[\\]^|"

// domainToASCII is UTS 46 ToASCII as the URL standard uses it (no hyphen checks):
// labels lowercased, non-ASCII labels Punycode-encoded, xn-- labels checked.
// Limitation: the mapping is Unicode lowercasing and the full stops, not UTS 46's full
// table (compatibility characters such as U+2167 are not mapped).
func domainToASCII(s string) (string, bool) {
	s = strings.NewReplacer("\u3002", ".", "\uFF0E", ".", "\uFF61", ".").Replace(s)
	labels := strings.Split(s, ".")
	for i, l := range labels {
		ascii := true
		for j := 0; j < len(l); j++ {
			if l[j] >= utf8.RuneSelf {
				ascii = false
				break
			}
		}
		if ascii {
			l = strings.ToLower(l)
			for j := 0; j < len(l); j++ {
				if c := l[j]; c <= 0x20 || c == 0x7F || strings.IndexByte(forbiddenDomain, c) >= 0 {
					return "", false
				}
			}
			if strings.HasPrefix(l, "xn--") {
				u, ok := punyDecode(l[4:])
				if !ok || !validIDNALabel(u) || punyEncode(u) != l[4:] {
					return "", false
				}
			}
			labels[i] = l
			continue
		}
		l = strings.ToLower(l)
		if !validIDNALabel(l) {
			return "", false
		}
		labels[i] = "xn--" + punyEncode(l)
	}
	return strings.Join(labels, "."), true
}

// validIDNALabel accepts a label of letters, marks, digits and hyphens holding some
// non-ASCII character.
func validIDNALabel(l string) bool {
	nonASCII := false
	for _, r := range l {
		switch {
		case r == utf8.RuneError:
			return false
		case r < utf8.RuneSelf:
			if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
				return false
			}
		case unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r):
			if unicode.IsUpper(r) {
				return false
			}
			nonASCII = true
		default:
			return false
		}
	}
	return nonASCII
}

// Punycode (RFC 3492) parameters.
const (
	punyBase = 36
	punyTMin = 1
	punyTMax = 26
	punySkew = 38
	punyDamp = 700
)

func punyAdapt(delta, n int, first bool) int {
	if first {
		delta /= punyDamp
	} else {
		delta /= 2
	}
	delta += delta / n
	k := 0
	for delta > (punyBase-punyTMin)*punyTMax/2 {
		delta /= punyBase - punyTMin
		k += punyBase
	}
	return k + (punyBase-punyTMin+1)*delta/(delta+punySkew)
}

func punyDigit(d int) byte {
	if d < 26 {
		return byte('a' + d)
	}
	return byte('0' + d - 26)
}

// punyEncode is the Punycode of s (without the xn-- prefix).
func punyEncode(s string) string {
	rs := []rune(s)
	var out []byte
	for _, r := range rs {
		if r < 0x80 {
			out = append(out, byte(r))
		}
	}
	b := len(out)
	h := b
	if b > 0 {
		out = append(out, '-')
	}
	n, delta, bias := 0x80, 0, 72
	for h < len(rs) {
		m := int(^uint32(0) >> 1)
		for _, r := range rs {
			if int(r) >= n && int(r) < m {
				m = int(r)
			}
		}
		delta += (m - n) * (h + 1)
		n = m
		for _, r := range rs {
			if int(r) < n {
				delta++
			}
			if int(r) == n {
				q := delta
				for k := punyBase; ; k += punyBase {
					t := min(max(k-bias, punyTMin), punyTMax)
					if q < t {
						break
					}
					out = append(out, punyDigit(t+(q-t)%(punyBase-t)))
					q = (q - t) / (punyBase - t)
				}
				out = append(out, punyDigit(q))
				bias = punyAdapt(delta, h+1, h == b)
				delta = 0
				h++
			}
		}
		delta++
		n++
	}
	return string(out)
}

// punyDecode decodes Punycode (without the xn-- prefix).
func punyDecode(s string) (string, bool) {
	var out []rune
	rest := s
	if i := strings.LastIndexByte(s, '-'); i >= 0 {
		for _, c := range s[:i] {
			if c >= 0x80 {
				return "", false
			}
			out = append(out, c)
		}
		rest = s[i+1:]
	}
	n, i, bias := 0x80, 0, 72
	for p := 0; p < len(rest); {
		oldi, w := i, 1
		for k := punyBase; ; k += punyBase {
			if p >= len(rest) {
				return "", false
			}
			c := rest[p]
			p++
			var d int
			switch {
			case c >= 'a' && c <= 'z':
				d = int(c - 'a')
			case c >= 'A' && c <= 'Z':
				d = int(c - 'A')
			case c >= '0' && c <= '9':
				d = int(c-'0') + 26
			default:
				return "", false
			}
			i += d * w
			if i > 1<<30 {
				return "", false
			}
			t := min(max(k-bias, punyTMin), punyTMax)
			if d < t {
				break
			}
			w *= punyBase - t
		}
		bias = punyAdapt(i-oldi, len(out)+1, oldi == 0)
		n += i / (len(out) + 1)
		i %= len(out) + 1
		if n > unicode.MaxRune {
			return "", false
		}
		out = append(out[:i], append([]rune{rune(n)}, out[i:]...)...)
		i++
	}
	if len(out) == 0 {
		return "", false
	}
	return string(out), true
}

// endsInNumber reports whether the last label (a trailing empty one ignored) is a
// number of the IPv4 parser.
func endsInNumber(d string) bool {
	parts := strings.Split(d, ".")
	if parts[len(parts)-1] == "" {
		if len(parts) == 1 {
			return false
		}
		parts = parts[:len(parts)-1]
	}
	last := parts[len(parts)-1]
	if last == "" {
		return false
	}
	allDigits := true
	for i := 0; i < len(last); i++ {
		if last[i] < '0' || last[i] > '9' {
			allDigits = false
		}
	}
	if allDigits {
		return true
	}
	_, ok := ipv4Number(last)
	return ok
}

// ipv4Number parses one part of an IPv4 address: 0x hex, 0 octal, decimal.
func ipv4Number(s string) (uint64, bool) {
	if s == "" {
		return 0, false
	}
	base := 10
	switch {
	case len(s) >= 2 && (s[:2] == "0x" || s[:2] == "0X"):
		s, base = s[2:], 16
	case len(s) >= 2 && s[0] == '0':
		s, base = s[1:], 8
	}
	if s == "" {
		return 0, true
	}
	n, err := strconv.ParseUint(s, base, 64)
	if err != nil {
		if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
			for i := 0; i < len(s); i++ {
				if _, ok := unhexDigit(s[i], base); !ok {
					return 0, false
				}
			}
			return 1 << 40, true
		}
		return 0, false
	}
	return n, true
}

func unhexDigit(c byte, base int) (int, bool) {
	h, ok := unhex(c)
	return int(h), ok && int(h) < base
}

// parseIPv4 is the URL standard's IPv4 parser.
func parseIPv4(s string) (uint32, bool) {
	parts := strings.Split(s, ".")
	if parts[len(parts)-1] == "" && len(parts) > 1 {
		parts = parts[:len(parts)-1]
	}
	if len(parts) > 4 {
		return 0, false
	}
	nums := make([]uint64, len(parts))
	for i, p := range parts {
		n, ok := ipv4Number(p)
		if !ok {
			return 0, false
		}
		nums[i] = n
	}
	for _, n := range nums[:len(nums)-1] {
		if n > 255 {
			return 0, false
		}
	}
	last := nums[len(nums)-1]
	if last >= 1<<(8*(5-len(nums))) {
		return 0, false
	}
	a := last
	for i, n := range nums[:len(nums)-1] {
		a += n << (8 * (3 - i))
	}
	return uint32(a), true
}

// parseIPv6 is the URL standard's IPv6 parser.
func parseIPv6(s string) ([8]uint16, bool) {
	var a [8]uint16
	piece, compress := 0, -1
	i := 0
	if strings.HasPrefix(s, ":") {
		if !strings.HasPrefix(s, "::") {
			return a, false
		}
		i, piece = 2, 1
		compress = 1
	}
	for i < len(s) {
		if piece == 8 {
			return a, false
		}
		if s[i] == ':' {
			if compress >= 0 {
				return a, false
			}
			i++
			piece++
			compress = piece
			continue
		}
		v, n := 0, 0
		for n < 4 && i < len(s) {
			h, ok := unhex(s[i])
			if !ok {
				break
			}
			v = v*16 + int(h)
			i++
			n++
		}
		if i < len(s) && s[i] == '.' {
			if n == 0 {
				return a, false
			}
			i -= n
			if piece > 6 {
				return a, false
			}
			seen := 0
			for i < len(s) {
				ip := -1
				if seen > 0 {
					if s[i] == '.' && seen < 4 {
						i++
					} else {
						return a, false
					}
				}
				if i >= len(s) || s[i] < '0' || s[i] > '9' {
					return a, false
				}
				for i < len(s) && s[i] >= '0' && s[i] <= '9' {
					d := int(s[i] - '0')
					switch {
					case ip == -1:
						ip = d
					case ip == 0:
						return a, false
					default:
						ip = ip*10 + d
					}
					if ip > 255 {
						return a, false
					}
					i++
				}
				a[piece] = a[piece]*0x100 + uint16(ip)
				seen++
				if seen == 2 || seen == 4 {
					piece++
				}
			}
			if seen != 4 {
				return a, false
			}
			break
		}
		if i < len(s) && s[i] == ':' {
			i++
			if i >= len(s) {
				return a, false
			}
		} else if i < len(s) {
			return a, false
		}
		a[piece] = uint16(v)
		piece++
	}
	if compress >= 0 {
		swaps := piece - compress
		piece = 7
		for piece != 0 && swaps > 0 {
			a[piece], a[compress+swaps-1] = a[compress+swaps-1], a[piece]
			piece--
			swaps--
		}
	} else if piece != 8 {
		return a, false
	}
	return a, true
}

// serializeIPv6 writes an IPv6 address with the first longest run of two or more
// zero pieces compressed.
func serializeIPv6(a [8]uint16) string {
	best, bestLen := -1, 1
	for i := 0; i < 8; {
		if a[i] != 0 {
			i++
			continue
		}
		j := i
		for j < 8 && a[j] == 0 {
			j++
		}
		if j-i > bestLen {
			best, bestLen = i, j-i
		}
		i = j
	}
	var b strings.Builder
	for i := 0; i < 8; i++ {
		if i == best {
			if i == 0 {
				b.WriteString("::")
			} else {
				b.WriteByte(':')
			}
			i += bestLen - 1
			continue
		}
		b.WriteString(strconv.FormatUint(uint64(a[i]), 16))
		if i < 7 {
			b.WriteByte(':')
		}
	}
	return b.String()
}
