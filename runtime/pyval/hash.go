package pyval

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/hex"
	"hash"
)

// hashNew maps the hashlib constructors translated code calls to Go's implementations.
var hashNew = map[string]func() hash.Hash{
	"md5": md5.New, "sha1": sha1.New, "sha224": sha256.New224, "sha256": sha256.New,
	"sha384": sha512.New384, "sha512": sha512.New,
}

// IsHashAlgorithm reports whether hashlib.<name>(...) is one HashDigest computes.
func IsHashAlgorithm(name string) bool { return hashNew[name] != nil }

// HashDigest is hashlib.<algo>(data).hexdigest() (hex true) or .digest(): data must be
// bytes (a str is the TypeError hashlib raises); nil data is no argument.
func HashDigest(algo string, data Value, hexOut bool) (Value, error) {
	h := hashNew[algo]()
	if data != nil {
		b, err := hashData(data)
		if err != nil {
			return nil, err
		}
		h.Write(b)
	}
	return digestValue(h.Sum(nil), hexOut), nil
}

// digestValue is a digest as hexdigest() (hexOut: its hex str) or digest() (bytes)
// returns it.
func digestValue(sum []byte, hexOut bool) Value {
	if hexOut {
		return Str(hex.EncodeToString(sum))
	}
	return Bytes(sum)
}
