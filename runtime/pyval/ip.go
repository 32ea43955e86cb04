package pyval

import (
	"github.com/covetpy/covetgen/runtime/pyjson"
	"github.com/covetpy/covetgen/runtime/validate"
)

// IP is a value of one of Python's ipaddress classes (IPv4Address, IPv6Network,
// IPv4Interface...), as pydantic's validators build it. Translated bodies pass it
// through, compare it with == and str() it; its other operations (in, <, +, its
// attributes) are the translator's to refuse. jsonable_encoder and the bridge write
// str(v), which validates back to the same value.
type IP validate.IP

// TypeName is the ipaddress class ("IPv4Address", ...): an IPvAnyAddress is an
// IPv4Address or an IPv6Address.
func (ip IP) TypeName() string { return validate.IP(ip).Class() }

func (ip IP) pyStr() Str { return Str(validate.IP(ip).String()) }
func (ip IP) pyRepr() string {
	r, _ := Repr(ip.pyStr())
	return ip.TypeName() + "(" + string(r) + ")"
}

// truthy: the ipaddress classes define neither __bool__ nor __len__.
func (IP) truthy() bool { return true }

// eq is ==: the same class (an address never equals an interface, though an
// IPv4Interface is an IPv4Address), address, scope id and prefix length.
func (ip IP) eq(o Value) bool {
	y, ok := o.(IP)
	return ok && ip == y
}

func (ip IP) appendJSONable(dst []byte) ([]byte, error) {
	return pyjson.AppendString(dst, validate.IP(ip).String())
}

func (ip IP) appendValidation(dst []byte, _ int) ([]byte, error) {
	return appendBridgeStr(dst, validate.IP(ip).String()), nil
}

// AppendJSONable makes IP response.JSONable (path B).
func (ip IP) AppendJSONable(dst []byte) ([]byte, error) { return appendB(dst, ip, 0) }
