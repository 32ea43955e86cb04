package validate

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"
)

// outIP writes an IP as pydantic's dump_json does; a value Python cannot encode (a lone
// surrogate in a scope id) is the oracle's DUMP_ERROR answer.
func outIP(dst []byte, ip IP) []byte {
	b, err := ip.AppendJSON(dst)
	if err != nil {
		return append(dst, "DUMP_ERROR PydanticSerializationError"...)
	}
	return b
}

// ipPy is the expression the oracle evaluates for t.
func ipPy(t IPType) string {
	if strings.HasPrefix(t.String(), "IPvAny") {
		return "__import__('pydantic')." + t.String()
	}
	return "__import__('ipaddress')." + t.String()
}

// ipAddressInputs are parameter strings for the address types: both versions, the
// errors of each rule of the ipaddress parser, scope ids.
var ipAddressInputs = []string{
	"", " ", "0.0.0.0", "1.2.3.4", "255.255.255.255", "256.1.1.1", "1.2.3", "1.2.3.4.5", "1.2.3.", ".1.2.3",
	"01.2.3.4", "1.02.3.4", "1.2.3.00", "1.2.3.0", "001.2.3.4", "1.2.3.1000", "1.2.3.-1", "1.2.3.+1", " 1.2.3.4",
	"1.2.3.4 ", "1.2.3.4\n", "1..3.4", "1.2.3.4/32", "1.2.3.4%eth0", "١.٢.٣.٤", "1.2.3.４", "0x1.2.3.4", "1.2.3.4a",
	"localhost", "10.0.0.5", "127.0.0.1", "192.168.001.1", "999.999.999.999", "1.2.3.²",
	"::", "::1", "1::", "1::1", ":::", "::1::", "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7::",
	"::2:3:4:5:6:7:8", "1::3:4:5:6:7:8", "1:2:3:4:5:6:7", ":1:2:3:4:5:6:7", "1:2:3:4:5:6:7:", "1:2:3:4:5:6::7:8",
	"1:0:0:0:0:0:0:1", "1:0:0:2:0:0:0:1", "1:0:0:2:0:0:3:1", "0:0:1:0:0:0:0:0", "0:0:0:0:0:0:0:0", "0:0:0:0:0:0:0:1",
	"1:0:0:0:0:0:0:0", "1:0:1:0:1:0:1:0", "ABCD:EF01:2345:6789:ABCD:EF01:2345:6789", "abcd::EF01", "0000::0000",
	"00000::1", "1::12345", "g::1", "::ffff:1.2.3.4", "::ffff:01.2.3.4", "::ffff:1.2.3", "::1.2.3.4", "1.2.3.4::",
	"1:2:3:4:5:6:1.2.3.4", "1:2:3:4:5:6:7:1.2.3.4", "::1.2.3.4.5", "64:ff9b::192.0.2.33", "fe80::1%eth0",
	"fe80::1%", "fe80::1%%", "fe80::1%a%b", "fe80::1%1", "::1%scope with space", "fe80::1%é", "fe80::1%/x",
	"%eth0", "::%eth0", "1.2.3.4%1", "fe80::1%25eth0", "[::1]", "::1 ", " ::1", "1:2", ":", "::g", "1:::2",
	"2001:db8::1", "2001:DB8:0:0:8:800:200C:417A", "2001:0db8:0000:0000:0000:ff00:0042:8329", "::ffff:0:0",
	"::ffff:255.255.255.255", "::ffff:256.1.1.1", "1::2:3:4:5:6:7", "1:2:3:4:5:6:7::", "::2:3:4:5:6:7:8:9",
	"1:2:3:4::5:6:7:8", "fe80::1%eth0%", "٠::", "1:2:3:4:5:6:7:８",
}

// ipNetworkInputs are parameter strings for the network and interface types.
var ipNetworkInputs = []string{
	"", "10.0.0.0/24", "10.0.0.1/24", "10.0.0.0/8", "10.0.0.0", "10.0.0.0/32", "10.0.0.0/33", "10.0.0.0/0",
	"0.0.0.0/0", "10.0.0.0/024", "10.0.0.0/+24", "10.0.0.0/ 24", "10.0.0.0/24 ", "10.0.0.0/", "/24", "10.0.0.0//24",
	"10.0.0.0/24/", "10.0.0.0/255.255.255.0", "10.0.0.0/0.0.0.255", "10.0.0.0/255.0.255.0", "10.0.0.0/255.255.255.255",
	"10.0.0.0/0.0.0.0", "10.0.0.1/0.0.0.0", "10.0.0.0/255.255.255.254", "10.0.0.0/0.255.255.255", "10.0.0.0/255.255.0.0",
	"10.0.0.0/255.255.256.0", "10.0.0.0/255.255.255.00", "10.0.0.0/1.2.3.4", "10.0.0.0/24.0", "10.0.0.0/٢٤",
	"10.0.0.0/0x18", "10.0.0.0/" + strings.Repeat("0", 4298) + "24", "10.0.0.0/" + strings.Repeat("0", 4299) + "24",
	"1.2.3.4/31", "1.2.3.4/30", "1.2.3.255/24", "192.168.1.0/24", "01.0.0.0/8", "10.0.0.0/8%1",
	"::/0", "::/128", "::1/128", "::1/127", "2001:db8::/32", "2001:db8::/33", "2001:db8::1/64", "2001:db8::/129",
	"2001:db8::/0128", "2001:db8::/ffff::", "2001:db8::/-1", "fe80::%eth0/64", "fe80::1%eth0/64", "fe80::%eth0",
	"fe80::1%eth0/128", "fe80::%/64", "::ffff:1.2.3.0/120", "::ffff:1.2.3.4/120", "::/", "1::/16", "1::/15",
	"8000::/1", "8000::/0", "ffff:ffff:ffff:ffff::/64", "ffff:ffff:ffff:ffff:8000::/65", "ffff:ffff:ffff:ffff:8000::/64",
	"::1:0:0:0/80", "::1:0:0:0/79", "1.2.3.4", "::1", "10.0.0.0/255.255.255.0/1", "2001:db8::/32/",
}

// ipJSONInputs are JSON bodies for every type: strings, ints at the edges of both
// ranges, bools, and the kinds that always fail.
var ipJSONInputs = []string{
	`"1.2.3.4"`, `"::1"`, `"10.0.0.0/24"`, `"10.0.0.1/24"`, `"fe80::1%eth0/64"`, `0`, `1`, `-1`, `4294967295`,
	`4294967296`, `340282366920938463463374607431768211455`, `340282366920938463463374607431768211456`,
	`123456789012345678901234567890`, `true`, `false`, `null`, `1.0`, `1e3`, `[]`, `["1.2.3.4"]`, `{}`,
	`{"a": "1.2.3.4"}`, `"fe80::1%\ud800"`, `"1.2.3.4\u0000"`, `"٢.٣.٤.٥"`,
}

// TestIPMatchesPydantic compares the nine IP types with pydantic's validation and
// serialization, parameter strings and JSON values.
func TestIPMatchesPydantic(t *testing.T) {
	var tcs []typeCase
	for ty := IPv4Address; ty <= IPvAnyInterface; ty++ {
		var ins []string
		switch ty.shape() {
		case ipAddress:
			ins = flat(q(ipAddressInputs...), q(ipNetworkInputs[:20]...), q(randomIPs(ty, 60)...), j(ipJSONInputs...))
		default:
			ins = flat(q(ipNetworkInputs...), q(ipAddressInputs[:40]...), q(randomIPs(ty, 60)...), j(ipJSONInputs...))
		}
		tcs = append(tcs, mk(ipPy(ty), ty.FromString, ty.FromJSON, nil, outIP, ins...))
	}
	runTypeCases(t, tcs)
}

// randomIPs are n valid-looking inputs for t from a fixed seed: IPv6 hextets with zero
// runs of every length (for the "::" compression), random prefixes and masks (host bits
// set or not).
func randomIPs(t IPType, n int) []string {
	r := rand.New(rand.NewSource(int64(t)))
	var out []string
	for len(out) < n {
		var s string
		v6 := t == IPv6Address || t == IPv6Network || t == IPv6Interface || (t >= IPvAnyAddress && r.Intn(2) == 0)
		if v6 {
			h := make([]string, 8)
			for i := range h {
				switch r.Intn(3) {
				case 0:
					h[i] = "0"
				case 1:
					h[i] = fmt.Sprintf("%x", r.Intn(0x10000))
				default:
					h[i] = fmt.Sprintf("%04X", r.Intn(0x100))
				}
			}
			s = strings.Join(h, ":")
		} else {
			s = fmt.Sprintf("%d.%d.%d.%d", r.Intn(256), r.Intn(3), r.Intn(256)&^r.Intn(256), 0)
		}
		if t.shape() != ipAddress {
			max := 32
			if v6 {
				max = 128
			}
			switch r.Intn(4) {
			case 0:
				s += fmt.Sprintf("/%d", r.Intn(max+1))
			case 1:
				s += fmt.Sprintf("/%d", max-r.Intn(4))
			case 2:
				if !v6 {
					m := uint32(0xFFFFFFFF) << r.Intn(33)
					if r.Intn(2) == 0 {
						m = ^m
					}
					s += "/" + string(appendV4(nil, m))
				}
			}
		}
		out = append(out, s)
	}
	return out
}
