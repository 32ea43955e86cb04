package validate

import (
	"strconv"
	"strings"
)

// The parsing of Python's ipaddress module (CPython 3.11): what IPv4Address(s),
// IPv6Network(s)... accept, every failure being pydantic's one error of the type.

// parseIPAddress is IPv4Address(s) or IPv6Address(s) (scope id included).
func parseIPAddress(s string, v6 bool) (IP, bool) {
	if strings.IndexByte(s, '/') >= 0 {
		return IP{}, false
	}
	ip := IP{v6: v6, shape: ipAddress}
	var ok bool
	if v6 {
		ip.hi, ip.lo, ip.scope, ok = parseV6Scoped(s)
	} else {
		var a uint32
		a, ok = parseV4(s)
		ip.lo = uint64(a)
	}
	return ip, ok
}

// parseIPNetwork is IPv4Network(s) (strict: no host bits set) or IPv4Interface(s), and
// their IPv6 forms: "addr", "addr/prefixlen", and for IPv4 "addr/netmask" or
// "addr/hostmask" in dotted decimal.
func parseIPNetwork(s string, v6 bool, shape ipShape) (IP, bool) {
	addr, mask, hasMask := strings.Cut(s, "/")
	if hasMask && strings.IndexByte(mask, '/') >= 0 {
		return IP{}, false
	}
	ip, ok := parseIPAddress(addr, v6)
	if !ok {
		return IP{}, false
	}
	ip.shape = shape
	prefix := ipMaxPrefix(v6)
	if hasMask {
		if prefix, ok = parseIPMask(mask, v6); !ok {
			return IP{}, false
		}
	}
	ip.prefix = uint8(prefix)
	if shape == ipNetwork && !ip.hostBitsClear() {
		return IP{}, false
	}
	return ip, true
}

// hostBitsClear reports that the address has no bit set beyond the prefix.
func (ip IP) hostBitsClear() bool {
	p := int(ip.prefix)
	if !ip.v6 {
		return p == 32 || uint32(ip.lo)<<p == 0
	}
	switch {
	case p == 0:
		return ip.hi == 0 && ip.lo == 0
	case p < 64:
		return ip.hi<<p == 0 && ip.lo == 0
	case p < 128:
		return ip.lo<<(p-64) == 0
	}
	return true
}

// maxIntDigits is sys.get_int_max_str_digits(): int() refuses longer digit strings.
const maxIntDigits = 4300

// parseIPMask is the prefix length of the text after the '/': decimal digits (leading
// zeros allowed) up to the maximum, or for IPv4 a netmask (ones then zeros, all zeros
// included) or a hostmask (zeros then ones) in dotted decimal.
func parseIPMask(s string, v6 bool) (int, bool) {
	max := ipMaxPrefix(v6)
	if s != "" && len(s) <= maxIntDigits && isASCIIDigits(s) {
		d := strings.TrimLeft(s, "0")
		if len(d) <= 3 {
			n := 0
			if d != "" {
				n, _ = strconv.Atoi(d)
			}
			if n <= max {
				return n, true
			}
		}
	}
	if v6 {
		return 0, false
	}
	m, ok := parseV4(s)
	if !ok {
		return 0, false
	}
	if p, ok := v4MaskPrefix(m); ok {
		return p, true
	}
	return v4MaskPrefix(^m)
}

// v4MaskPrefix is the prefix length of a netmask m: ones followed by zeros.
func v4MaskPrefix(m uint32) (int, bool) {
	tz := 32
	if m != 0 {
		tz = 0
		for m>>tz&1 == 0 {
			tz++
		}
	}
	p := 32 - tz
	if p == 0 {
		return 0, true
	}
	return p, uint64(m>>tz) == uint64(1)<<p-1
}

func isASCIIDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// parseV4 is IPv4 dotted decimal: exactly four octets of one to three ASCII digits,
// no leading zero, at most 255.
func parseV4(s string) (uint32, bool) {
	var a uint32
	n := 0
	for {
		dot := strings.IndexByte(s, '.')
		oct := s
		if dot >= 0 {
			oct = s[:dot]
		}
		o, ok := parseOctet(oct)
		if !ok || n == 4 {
			return 0, false
		}
		a = a<<8 | o
		n++
		if dot < 0 {
			return a, n == 4
		}
		s = s[dot+1:]
	}
}

func parseOctet(s string) (uint32, bool) {
	if s == "" || len(s) > 3 || !isASCIIDigits(s) || (s[0] == '0' && s != "0") {
		return 0, false
	}
	n, _ := strconv.Atoi(s)
	return uint32(n), n <= 255
}

// parseV6Scoped is an IPv6 address with an optional "%scope" (not empty, without a
// second '%').
func parseV6Scoped(s string) (hi, lo uint64, scope string, ok bool) {
	addr, scope, hasScope := strings.Cut(s, "%")
	if hasScope && (scope == "" || strings.IndexByte(scope, '%') >= 0) {
		return 0, 0, "", false
	}
	hi, lo, ok = parseV6(addr)
	return hi, lo, scope, ok
}

// parseV6 is an IPv6 address: eight hextets of one to four hex digits separated by
// ':', one "::" standing for one or more zero hextets, the last two hextets possibly
// written as an IPv4 address.
func parseV6(s string) (hi, lo uint64, ok bool) {
	if s == "" {
		return 0, 0, false
	}
	parts := strings.Split(s, ":")
	if len(parts) < 3 {
		return 0, 0, false
	}
	if last := parts[len(parts)-1]; strings.IndexByte(last, '.') >= 0 {
		v4, ok := parseV4(last)
		if !ok {
			return 0, 0, false
		}
		parts = append(parts[:len(parts)-1], strconv.FormatUint(uint64(v4>>16), 16), strconv.FormatUint(uint64(v4&0xFFFF), 16))
	}
	if len(parts) > 9 {
		return 0, 0, false
	}
	skip := -1
	for i := 1; i < len(parts)-1; i++ {
		if parts[i] == "" {
			if skip >= 0 {
				return 0, 0, false
			}
			skip = i
		}
	}
	var nHi, nLo, skipped int
	if skip >= 0 {
		nHi, nLo = skip, len(parts)-skip-1
		if parts[0] == "" {
			if nHi--; nHi != 0 {
				return 0, 0, false
			}
		}
		if parts[len(parts)-1] == "" {
			if nLo--; nLo != 0 {
				return 0, 0, false
			}
		}
		if skipped = 8 - (nHi + nLo); skipped < 1 {
			return 0, 0, false
		}
	} else {
		if len(parts) != 8 || parts[0] == "" || parts[len(parts)-1] == "" {
			return 0, 0, false
		}
		nHi = 8
	}
	var words [8]uint16
	for i := 0; i < nHi; i++ {
		h, ok := parseHextet(parts[i])
		if !ok {
			return 0, 0, false
		}
		words[i] = h
	}
	for i := 0; i < nLo; i++ {
		h, ok := parseHextet(parts[len(parts)-nLo+i])
		if !ok {
			return 0, 0, false
		}
		words[8-nLo+i] = h
	}
	for i := 0; i < 4; i++ {
		hi = hi<<16 | uint64(words[i])
		lo = lo<<16 | uint64(words[4+i])
	}
	return hi, lo, true
}

func parseHextet(s string) (uint16, bool) {
	if s == "" || len(s) > 4 {
		return 0, false
	}
	var h uint16
	for i := 0; i < len(s); i++ {
		d, ok := unhex(s[i])
		if !ok {
			return 0, false
		}
		h = h<<4 | uint16(d)
	}
	return h, true
}

// appendV4 writes a dotted decimal IPv4 address.
func appendV4(b []byte, a uint32) []byte {
	for i := 3; i >= 0; i-- {
		b = strconv.AppendUint(b, uint64(a>>(8*i)&0xFF), 10)
		if i > 0 {
			b = append(b, '.')
		}
	}
	return b
}

// appendV6 writes an IPv6 address as str() does: lower-case hextets without leading
// zeros, the first longest run of at least two zero hextets written "::".
func appendV6(b []byte, hi, lo uint64) []byte {
	var words [8]uint16
	for i := 0; i < 4; i++ {
		words[i] = uint16(hi >> (48 - 16*i))
		words[4+i] = uint16(lo >> (48 - 16*i))
	}
	best, bestLen, start := -1, 0, -1
	for i, w := range words {
		if w != 0 {
			start = -1
			continue
		}
		if start < 0 {
			start = i
		}
		if i-start+1 > bestLen {
			best, bestLen = start, i-start+1
		}
	}
	if bestLen < 2 {
		best = -1
	}
	for i := 0; i < 8; i++ {
		switch {
		case i == best:
			b = append(b, "::"...)
			i += bestLen - 1
			continue
		case i > 0 && i != best+bestLen:
			b = append(b, ':')
		}
		b = strconv.AppendUint(b, uint64(words[i]), 16)
	}
	return b
}
