package pyval

import (
	"encoding/binary"
	"math/bits"
)

// BLAKE2b (RFC 7693), which Go's standard library lacks: hashlib.blake2b with
// digest_size and key (no salt, person or tree parameters).

var blake2bIV = [8]uint64{
	0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b, 0xa54ff53a5f1d36f1,
	0x510e527fade682d1, 0x9b05688c2b3e6c1f, 0x1f83d9abfb41bd6b, 0x5be0cd19137e2179,
}

// blake2bSigma is the message schedule: round r uses row r mod 10.
var blake2bSigma = [10][16]byte{
	{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
	{14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
	{11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4},
	{7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8},
	{9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13},
	{2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9},
	{12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11},
	{13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10},
	{6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5},
	{10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0},
}

func blake2bCompress(h *[8]uint64, block []byte, t uint64, last bool) {
	var m [16]uint64
	for i := range m {
		m[i] = binary.LittleEndian.Uint64(block[8*i:])
	}
	var v [16]uint64
	copy(v[:8], h[:])
	copy(v[8:], blake2bIV[:])
	v[12] ^= t
	if last {
		v[14] = ^v[14]
	}
	g := func(a, b, c, d int, x, y uint64) {
		v[a] += v[b] + x
		v[d] = bits.RotateLeft64(v[d]^v[a], -32)
		v[c] += v[d]
		v[b] = bits.RotateLeft64(v[b]^v[c], -24)
		v[a] += v[b] + y
		v[d] = bits.RotateLeft64(v[d]^v[a], -16)
		v[c] += v[d]
		v[b] = bits.RotateLeft64(v[b]^v[c], -63)
	}
	for r := 0; r < 12; r++ {
		s := &blake2bSigma[r%10]
		g(0, 4, 8, 12, m[s[0]], m[s[1]])
		g(1, 5, 9, 13, m[s[2]], m[s[3]])
		g(2, 6, 10, 14, m[s[4]], m[s[5]])
		g(3, 7, 11, 15, m[s[6]], m[s[7]])
		g(0, 5, 10, 15, m[s[8]], m[s[9]])
		g(1, 6, 11, 12, m[s[10]], m[s[11]])
		g(2, 7, 8, 13, m[s[12]], m[s[13]])
		g(3, 4, 9, 14, m[s[14]], m[s[15]])
	}
	for i := range h {
		h[i] ^= v[i] ^ v[i+8]
	}
}

// blake2b is BLAKE2b-8*size of data keyed with key (len(key) <= 64, 1 <= size <= 64).
func blake2b(data, key []byte, size int) []byte {
	h := blake2bIV
	h[0] ^= 0x01010000 ^ uint64(len(key))<<8 ^ uint64(size)
	if len(key) > 0 {
		var kb [128]byte
		copy(kb[:], key)
		data = append(kb[:], data...)
	}
	var t uint64
	for len(data) > 128 {
		t += 128
		blake2bCompress(&h, data[:128], t, false)
		data = data[128:]
	}
	var last [128]byte
	copy(last[:], data)
	t += uint64(len(data))
	blake2bCompress(&h, last[:], t, true)
	out := make([]byte, 64)
	for i, w := range h {
		binary.LittleEndian.PutUint64(out[8*i:], w)
	}
	return out[:size]
}

// Blake2bDigest is hashlib.blake2b(data, digest_size=size, key=key).hexdigest() (hexOut)
// or .digest(); nil arguments are absent (size 64, no key).
func Blake2bDigest(data, size, key Value, hexOut bool) (Value, error) {
	n := int64(64)
	if size != nil {
		i, ok := size.(Int)
		if !ok {
			return nil, typeError("'%s' object cannot be interpreted as an integer", size.TypeName())
		}
		v, small := i.Int64()
		if !small || v < 1 || v > 64 {
			return nil, valueError("digest_size must be between 1 and 64 bytes")
		}
		n = v
	}
	var k []byte
	if key != nil {
		b, ok := key.(Bytes)
		if !ok {
			return nil, typeError("a bytes-like object is required, not '%s'", key.TypeName())
		}
		if len(b) > 64 {
			return nil, valueError("maximum key length is 64 bytes")
		}
		k = []byte(b)
	}
	var msg []byte
	if data != nil {
		b, err := hashData(data)
		if err != nil {
			return nil, err
		}
		msg = b
	}
	return digestValue(blake2b(msg, k, int(n)), hexOut), nil
}
