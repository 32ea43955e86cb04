package pyval

import (
	"encoding/binary"
	"math"
	"math/big"
)

// Dict is a dict: insertion-ordered, keys compared as Python compares them (1, 1.0 and
// True are one key). Dicts are mutable and shared by reference.
type Dict struct {
	keys  []Value
	vals  []Value
	hk    []hkey
	index map[hkey]int // built once the dict grows past smallDict entries
	frozen
}

const smallDict = 8

// hkey is a key's identity under Python's dict equality.
type hkey struct {
	kind uint8
	n    int64
	s    string
}

const (
	hNone  uint8 = iota
	hInt         // int, bool, or an integral float, that fits in an int64
	hBig         // a larger integral value: s is its decimal digits
	hFloat       // a non-integral float: n is its bits
	hNaN         // a NaN: never equal to another key
	hStr
	hBytes
	hTuple // s encodes the items' keys
)

// hashKey returns the key identity of v, or a TypeError when v is unhashable.
func hashKey(v Value) (hkey, error) {
	switch x := v.(type) {
	case Str:
		return hkey{kind: hStr, s: string(x)}, nil
	case Int:
		if x.big == nil {
			return hkey{kind: hInt, n: x.small}, nil
		}
		return hkey{kind: hBig, s: x.big.String()}, nil
	case Bool:
		if x {
			return hkey{kind: hInt, n: 1}, nil
		}
		return hkey{kind: hInt}, nil
	case NoneType:
		return hkey{kind: hNone}, nil
	case Float:
		f := float64(x)
		switch {
		case math.IsNaN(f):
			return hkey{kind: hNaN, n: nanSeq.Add(1)}, nil
		case math.IsInf(f, 0) || f != math.Trunc(f):
			return hkey{kind: hFloat, n: int64(math.Float64bits(f))}, nil
		case f >= -9.223372036854775808e18 && f < 9.223372036854775808e18:
			return hkey{kind: hInt, n: int64(f)}, nil
		}
		b, _ := new(big.Float).SetFloat64(f).Int(nil)
		return hkey{kind: hBig, s: b.String()}, nil
	case Bytes:
		return hkey{kind: hBytes, s: string(x)}, nil
	case Tuple:
		var buf []byte
		for _, it := range x {
			k, err := hashKey(it)
			if err != nil {
				return hkey{}, err
			}
			buf = append(buf, k.kind)
			buf = binary.LittleEndian.AppendUint64(buf, uint64(k.n))
			buf = binary.AppendUvarint(buf, uint64(len(k.s)))
			buf = append(buf, k.s...)
		}
		return hkey{kind: hTuple, s: string(buf)}, nil
	}
	if k, ok, err := extHashKey(v); ok { // temporal_hash.go
		return k, err
	}
	return hkey{}, typeError("unhashable type: '%s'", v.TypeName())
}

// NewDict builds {k1: v1, k2: v2, ...} from alternating keys and values.
func NewDict(kv ...Value) (*Dict, error) {
	d := &Dict{}
	if len(kv) > 1 {
		n := len(kv) / 2
		d.keys, d.vals, d.hk = make([]Value, 0, n), make([]Value, 0, n), make([]hkey, 0, n)
	}
	for i := 0; i+1 < len(kv); i += 2 {
		if err := d.Set(kv[i], kv[i+1]); err != nil {
			return nil, err
		}
	}
	return d, nil
}

// DictOf is NewDict for keys known to be hashable (it panics otherwise).
func DictOf(kv ...Value) *Dict {
	d, err := NewDict(kv...)
	if err != nil {
		panic(err)
	}
	return d
}

// Len is len(d).
func (d *Dict) Len() int { return len(d.keys) }

// Keys are the keys in order (read-only).
func (d *Dict) Keys() []Value { return d.keys }

// Values are the values in order (read-only).
func (d *Dict) Values() []Value { return d.vals }

func (d *Dict) find(k hkey) int {
	if d.index != nil {
		if i, ok := d.index[k]; ok {
			return i
		}
		return -1
	}
	for i := range d.hk {
		if d.hk[i] == k {
			return i
		}
	}
	return -1
}

// Get returns d[key]; ok is false when the key is absent. An unhashable key is a TypeError.
func (d *Dict) Get(key Value) (v Value, ok bool, err error) {
	k, err := hashKey(key)
	if err != nil {
		return nil, false, err
	}
	if i := d.find(k); i >= 0 {
		return d.vals[i], true, nil
	}
	return nil, false, nil
}

// GetStr returns d[key] for a str key.
func (d *Dict) GetStr(key string) (Value, bool) {
	if i := d.find(hkey{kind: hStr, s: key}); i >= 0 {
		return d.vals[i], true
	}
	return nil, false
}

// Set is d[key] = v: an existing equal key keeps its position (and its own key object).
func (d *Dict) Set(key, v Value) error {
	k, err := hashKey(key)
	if err != nil {
		return err
	}
	d.setHashed(k, key, v)
	return nil
}

// SetStr is d[key] = v for a str key.
func (d *Dict) SetStr(key string, v Value) { d.setHashed(hkey{kind: hStr, s: key}, Str(key), v) }

func (d *Dict) setHashed(k hkey, key, v Value) {
	if d.isFrozen {
		panic("pyval: mutation of a frozen dict")
	}
	if i := d.find(k); i >= 0 {
		d.vals[i] = v
		return
	}
	d.keys = append(d.keys, key)
	d.vals = append(d.vals, v)
	d.hk = append(d.hk, k)
	if d.index != nil {
		d.index[k] = len(d.keys) - 1
	} else if len(d.keys) > smallDict {
		d.index = make(map[hkey]int, 2*len(d.keys))
		for i, h := range d.hk {
			d.index[h] = i
		}
	}
}

// Copy is d.copy() (a shallow copy, not frozen).
func (d *Dict) Copy() *Dict {
	c := &Dict{
		keys: append([]Value(nil), d.keys...),
		vals: append([]Value(nil), d.vals...),
		hk:   append([]hkey(nil), d.hk...),
	}
	if d.index != nil {
		c.index = make(map[hkey]int, len(d.index))
		for k, i := range d.index {
			c.index[k] = i
		}
	}
	return c
}
