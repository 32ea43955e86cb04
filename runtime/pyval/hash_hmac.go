package pyval

import (
	"crypto/hmac"
	"encoding/hex"
)

// HmacDigest is hmac.new(key, msg, digestmod).hexdigest() (hexOut) or .digest(), algo
// one of IsHashAlgorithm's; msg nil is no message.
func HmacDigest(algo string, key, msg Value, hexOut bool) (Value, error) {
	k, ok := key.(Bytes)
	if !ok {
		return nil, typeError("key: expected bytes or bytearray, but got '%s'", key.TypeName())
	}
	h := hmac.New(hashNew[algo], []byte(k))
	if msg != nil && msg != None {
		switch x := msg.(type) {
		case Bytes:
			h.Write([]byte(x))
		case Str:
			return nil, typeError("Strings must be encoded before hashing")
		default:
			return nil, typeError("object supporting the buffer API required")
		}
	}
	sum := h.Sum(nil)
	if hexOut {
		return Str(hex.EncodeToString(sum)), nil
	}
	return Bytes(sum), nil
}
