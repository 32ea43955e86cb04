package validate

import (
	"math/big"
	"strconv"

	"github.com/covetpy/covetgen/runtime/pyjson"
)

// IPType is one of the IP address, network and interface types pydantic validates:
// the six classes of Python's ipaddress module and pydantic's IPvAnyAddress,
// IPvAnyNetwork and IPvAnyInterface (which try the IPv4 class, then the IPv6 one).
type IPType uint8

// The IP types. Validated values are always of one of the six ipaddress classes.
const (
	IPv4Address IPType = iota + 1
	IPv6Address
	IPv4Network
	IPv6Network
	IPv4Interface
	IPv6Interface
	IPvAnyAddress
	IPvAnyNetwork
	IPvAnyInterface
)

// ipTypeInfo is what differs between the IP types: the class name and pydantic's
// error for an input it rejects (a PydanticCustomError: no ctx).
var ipTypeInfo = [...]struct{ name, errType, errMsg string }{
	IPv4Address:     {"IPv4Address", "ip_v4_address", "Input is not a valid IPv4 address"},
	IPv6Address:     {"IPv6Address", "ip_v6_address", "Input is not a valid IPv6 address"},
	IPv4Network:     {"IPv4Network", "ip_v4_network", "Input is not a valid IPv4 network"},
	IPv6Network:     {"IPv6Network", "ip_v6_network", "Input is not a valid IPv6 network"},
	IPv4Interface:   {"IPv4Interface", "ip_v4_interface", "Input is not a valid IPv4 interface"},
	IPv6Interface:   {"IPv6Interface", "ip_v6_interface", "Input is not a valid IPv6 interface"},
	IPvAnyAddress:   {"IPvAnyAddress", "ip_any_address", "value is not a valid IPv4 or IPv6 address"},
	IPvAnyNetwork:   {"IPvAnyNetwork", "ip_any_network", "value is not a valid IPv4 or IPv6 network"},
	IPvAnyInterface: {"IPvAnyInterface", "ip_any_interface", "value is not a valid IPv4 or IPv6 interface"},
}

// IPTypeNamed is the IPType of a class name ("IPv4Address", "IPvAnyNetwork", ...).
func IPTypeNamed(name string) (IPType, bool) {
	for t := IPv4Address; t <= IPvAnyInterface; t++ {
		if ipTypeInfo[t].name == name {
			return t, true
		}
	}
	return 0, false
}

// String is the type's class name.
func (t IPType) String() string {
	if t >= IPv4Address && t <= IPvAnyInterface {
		return ipTypeInfo[t].name
	}
	return "IPType(" + strconv.Itoa(int(t)) + ")"
}

// shape is what values of t are: ipAddress, ipNetwork or ipInterface.
func (t IPType) shape() ipShape {
	switch t {
	case IPv4Address, IPv6Address, IPvAnyAddress:
		return ipAddress
	case IPv4Network, IPv6Network, IPvAnyNetwork:
		return ipNetwork
	}
	return ipInterface
}

// versions are the IP versions t tries, in order (false: IPv4, true: IPv6).
func (t IPType) versions() []bool {
	switch t {
	case IPv4Address, IPv4Network, IPv4Interface:
		return []bool{false}
	case IPv6Address, IPv6Network, IPv6Interface:
		return []bool{true}
	}
	return []bool{false, true}
}

func (t IPType) err(input any) *Error {
	i := ipTypeInfo[IPv4Address]
	if t >= IPv4Address && t <= IPvAnyInterface {
		i = ipTypeInfo[t]
	}
	return newErr(i.errType, i.errMsg, input)
}

type ipShape uint8

const (
	ipAddress ipShape = iota
	ipNetwork
	ipInterface
)

// IP is a validated ipaddress value: an IPv4Address, IPv6Address, IPv4Network,
// IPv6Network, IPv4Interface or IPv6Interface.
type IP struct {
	hi, lo uint64 // the address (of a network: its network address); IPv4 in lo
	scope  string // an IPv6 address's scope id ("fe80::1%eth0"), "" when none
	prefix uint8  // the prefix length of a network or an interface
	v6     bool
	shape  ipShape
}

// Class is the ipaddress class of the value ("IPv4Address", "IPv6Network", ...).
func (ip IP) Class() string { return ipTypeInfo[ip.Type()].name }

// Type is the ipaddress class of the value as an IPType (never an IPvAny one).
func (ip IP) Type() IPType {
	t := IPv4Address + IPType(2*ip.shape)
	if ip.v6 {
		t++
	}
	return t
}

// IsV6 reports an IPv6 value.
func (ip IP) IsV6() bool { return ip.v6 }

// PrefixLen is the prefix length of a network or an interface (32 or 128 for an address).
func (ip IP) PrefixLen() int {
	if ip.shape == ipAddress {
		return ipMaxPrefix(ip.v6)
	}
	return int(ip.prefix)
}

// String is str(value): dotted decimal for IPv4; for IPv6 the hextets in lower-case hex
// with the longest run of two or more zero hextets shortened to "::", then "%scope";
// "/prefix" after a network's or an interface's address.
func (ip IP) String() string {
	return string(ip.appendStr(make([]byte, 0, 48)))
}

func (ip IP) appendStr(b []byte) []byte {
	if ip.v6 {
		b = appendV6(b, ip.hi, ip.lo)
		if ip.scope != "" {
			b = append(append(b, '%'), ip.scope...)
		}
	} else {
		b = appendV4(b, uint32(ip.lo))
	}
	if ip.shape != ipAddress {
		b = strconv.AppendUint(append(b, '/'), uint64(ip.prefix), 10)
	}
	return b
}

// AppendJSON writes the value as pydantic's serializer does: a JSON string of str(value)
// (under every mode: jsonable_encoder calls str() too). It fails only on a scope id
// holding a lone surrogate, which Python cannot encode either.
func (ip IP) AppendJSON(dst []byte) ([]byte, error) {
	return pyjson.AppendString(dst, ip.String())
}

// FromString validates a parameter string as t, as pydantic's validator of t does
// (the ipaddress class called on the string).
func (t IPType) FromString(s string) (IP, *Error) {
	if ip, ok := t.parse(s); ok {
		return ip, nil
	}
	return IP{}, t.err(s)
}

// FromJSON validates a decoded JSON value as t in pydantic's lax python mode: a string
// is parsed, an int (a bool counting as 0 or 1) is the address with that value (a
// network or an interface of the full prefix length); anything else fails, as its
// str() is never an IP.
func (t IPType) FromJSON(v pyjson.Value) (IP, *Error) {
	var ip IP
	var ok bool
	switch v.Kind() {
	case pyjson.KindString:
		ip, ok = t.parse(v.Str())
	case pyjson.KindInt:
		ip, ok = t.fromInt(v.BigInt())
	case pyjson.KindTrue:
		ip, ok = t.fromInt(big.NewInt(1))
	case pyjson.KindFalse:
		ip, ok = t.fromInt(new(big.Int))
	}
	if !ok {
		return IP{}, t.err(v)
	}
	return ip, nil
}

// fromInt is t(n): the first version whose range holds n.
func (t IPType) fromInt(n *big.Int) (IP, bool) {
	if n == nil || n.Sign() < 0 || n.BitLen() > 128 {
		return IP{}, false
	}
	for _, v6 := range t.versions() {
		if !v6 && n.BitLen() > 32 {
			continue
		}
		var words [2]uint64
		b := n.FillBytes(make([]byte, 16))
		for i := 0; i < 16; i++ {
			words[i/8] = words[i/8]<<8 | uint64(b[i])
		}
		ip := IP{hi: words[0], lo: words[1], v6: v6, shape: t.shape()}
		if ip.shape != ipAddress {
			ip.prefix = uint8(ipMaxPrefix(v6))
		}
		return ip, true
	}
	return IP{}, false
}

// parse is t(s) for a str s: the first version that parses it.
func (t IPType) parse(s string) (IP, bool) {
	for _, v6 := range t.versions() {
		var ip IP
		var ok bool
		if t.shape() == ipAddress {
			ip, ok = parseIPAddress(s, v6)
		} else {
			ip, ok = parseIPNetwork(s, v6, t.shape())
		}
		if ok {
			return ip, true
		}
	}
	return IP{}, false
}

func ipMaxPrefix(v6 bool) int {
	if v6 {
		return 128
	}
	return 32
}
