package bridge

import (
	"github.com/covetpy/covetgen/runtime/pyjson"
	"github.com/covetpy/covetgen/runtime/pyval"
	"github.com/covetpy/covetgen/runtime/validate"
)

// appendIP writes an ipaddress value as worker.py's "ip" tag: its class name ("cls":
// "IPv4Address", "IPv6Network"...) and str(value), which that class of Python's ipaddress
// module parses back to the same value (an IPvAny* value is sent as its concrete class).
func appendIP(b []byte, ip pyval.IP) ([]byte, error) {
	return appendTag(b, "ip", ip.TypeName(), func(b []byte) ([]byte, error) {
		return pyjson.AppendStringASCII(b, validate.IP(ip).String()), nil
	})
}
