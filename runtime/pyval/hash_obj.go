package pyval

import (
	"crypto/hmac"
)

// HashObj is a hashlib or hmac object fed by update(): it keeps the data and digests it
// when asked (hexdigest() and digest() leave it usable, as in Python).
type HashObj struct {
	kind string // a hashlib algorithm (IsHashAlgorithm), "blake2b" or "hmac"
	algo string // hmac: the digest algorithm
	key  []byte // hmac and blake2b
	size int    // blake2b: digest_size
	data []byte
}

// TypeName is CPython's: HASH (OpenSSL's), blake2b or HMAC.
func (h *HashObj) TypeName() string {
	switch h.kind {
	case "blake2b":
		return "blake2b"
	case "hmac":
		return "HMAC"
	}
	return "HASH"
}

// hashData reads data given to a constructor or update(): bytes only.
func hashData(data Value) ([]byte, error) {
	switch x := data.(type) {
	case Bytes:
		return []byte(x), nil
	case Str:
		return nil, typeError("Strings must be encoded before hashing")
	}
	return nil, typeError("object supporting the buffer API required")
}

// HashNew is hashlib.<algo>(data) (data nil: no argument), algo one of IsHashAlgorithm's.
func HashNew(algo string, data Value) (Value, error) {
	h := &HashObj{kind: algo}
	if data != nil {
		b, err := hashData(data)
		if err != nil {
			return nil, err
		}
		h.data = append(h.data, b...)
	}
	return h, nil
}

// Blake2bNew is hashlib.blake2b(data, digest_size=size, key=key) (nil: absent).
func Blake2bNew(data, size, key Value) (Value, error) {
	// Blake2bDigest validates the arguments as CPython's constructor does.
	if _, err := Blake2bDigest(data, size, key, false); err != nil {
		return nil, err
	}
	h := &HashObj{kind: "blake2b", size: 64}
	if size != nil {
		n, _ := size.(Int).Int64()
		h.size = int(n)
	}
	if key != nil {
		h.key = []byte(key.(Bytes))
	}
	if data != nil {
		h.data = []byte(data.(Bytes))
	}
	return h, nil
}

// HmacNew is hmac.new(key, msg, digestmod) (msg nil: absent).
func HmacNew(algo string, key, msg Value) (Value, error) {
	if _, err := HmacDigest(algo, key, msg, false); err != nil {
		return nil, err
	}
	h := &HashObj{kind: "hmac", algo: algo, key: []byte(key.(Bytes))}
	if msg != nil && msg != None {
		h.data = []byte(msg.(Bytes))
	}
	return h, nil
}

func asHashObj(h Value, method string) (*HashObj, error) {
	x, ok := h.(*HashObj)
	if !ok {
		return nil, attrError(h, method)
	}
	return x, nil
}

// HashUpdate is h.update(data).
func HashUpdate(h, data Value) (Value, error) {
	x, err := asHashObj(h, "update")
	if err != nil {
		return nil, err
	}
	b, err := hashData(data)
	if err != nil {
		return nil, err
	}
	x.data = append(x.data, b...)
	return None, nil
}

// HashObjDigest is h.hexdigest() (hexOut) or h.digest().
func HashObjDigest(h Value, hexOut bool) (Value, error) {
	name := "digest"
	if hexOut {
		name = "hexdigest"
	}
	x, err := asHashObj(h, name)
	if err != nil {
		return nil, err
	}
	var sum []byte
	switch x.kind {
	case "blake2b":
		sum = blake2b(x.data, x.key, x.size)
	case "hmac":
		m := hmac.New(hashNew[x.algo], x.key)
		m.Write(x.data)
		sum = m.Sum(nil)
	default:
		d := hashNew[x.kind]()
		d.Write(x.data)
		sum = d.Sum(nil)
	}
	return digestValue(sum, hexOut), nil
}
