package pyval

import "github.com/covetpy/covetgen/runtime/validate"

// ipContains is `item in c` for an ipaddress value c: a network holds the addresses
// (and interfaces) of its version within it, never a network; an address or interface
// is not iterable; an item that is no ipaddress value raises AttributeError, as
// ipaddress reads its _version.
func ipContains(c IP, item Value) (bool, error) {
	n := validate.IP(c)
	if !n.IsNetwork() {
		return false, typeError("argument of type '%s' is not iterable", c.TypeName())
	}
	o, ok := item.(IP)
	if !ok {
		return false, raise("AttributeError", "'"+item.TypeName()+"' object has no attribute '_version'")
	}
	return n.NetworkContains(validate.IP(o)), nil
}
