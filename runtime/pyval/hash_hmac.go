package pyval

import (
	"crypto/hmac"
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
		b, err := hashData(msg)
		if err != nil {
			return nil, err
		}
		h.Write(b)
	}
	return digestValue(h.Sum(nil), hexOut), nil
}
