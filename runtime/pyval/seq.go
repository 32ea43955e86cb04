package pyval

import (
	"math/big"
	"strings"

	"github.com/covetpy/covetgen/runtime/pyjson"
)

// isASCII reports whether s is all ASCII (byte and code point indexes agree).
func isASCII(s string) bool {
	i := 0
	for ; i+8 <= len(s); i += 8 { // one 8-byte load per step (the compiler merges them)
		w := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		if w&0x8080808080808080 != 0 {
			return false
		}
	}
	for ; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// chars splits s into its code points (WTF-8 aware).
func chars(s string) []string {
	out := make([]string, 0, len(s))
	for i := 0; i < len(s); {
		_, n := pyjson.DecodeRune(s, i)
		out = append(out, s[i:i+n])
		i += n
	}
	return out
}

// Iterate returns the items iter(v) yields: a list's or tuple's items (read-only), a
// str's characters, a bytes' ints, a dict's keys, a model's (name, value) pairs.
func Iterate(v Value) ([]Value, error) {
	switch x := v.(type) {
	case *Iterator:
		return x.Collect()
	case *List:
		return x.Items, nil
	case Tuple:
		return x, nil
	case Str:
		s := string(x)
		out := make([]Value, 0, len(s))
		for p := 0; p < len(s); {
			_, w := pyjson.DecodeRune(s, p)
			out = append(out, oneChar(s, p, w))
			p += w
		}
		return out, nil
	case Bytes:
		out := make([]Value, len(x))
		for i := 0; i < len(x); i++ {
			out[i] = IntValue(int64(x[i]))
		}
		return out, nil
	case *Dict:
		return x.keys, nil
	case Set:
		return x.Items, nil
	case Model:
		c := x.Class()
		if c.Dataclass {
			break
		}
		out := make([]Value, len(c.Fields))
		for i, f := range c.Fields {
			out[i] = Tuple{Str(f.Name), x.Field(i)}
		}
		return out, nil
	}
	return nil, typeError("'%s' object is not iterable", v.TypeName())
}

// Len is len(v).
func Len(v Value) (Value, error) {
	switch x := v.(type) {
	case Str:
		return IntValue(int64(pyjson.CharLen(string(x)))), nil
	case Bytes:
		return IntValue(int64(len(x))), nil
	case *List:
		return IntValue(int64(len(x.Items))), nil
	case Tuple:
		return IntValue(int64(len(x))), nil
	case *Dict:
		return IntValue(int64(x.Len())), nil
	case Set:
		return IntValue(int64(len(x.Items))), nil
	}
	return nil, typeError("object of type '%s' has no len()", v.TypeName())
}

// index converts an index key to an int position in a sequence of length n.
func index(key Value, n int, what string) (int, error) {
	i, ok := asInt(key)
	if !ok {
		return 0, typeError(what+" indices must be integers or slices, not %s", key.TypeName())
	}
	if i.big != nil {
		return 0, raise("IndexError", "cannot fit 'int' into an index-sized integer")
	}
	k := i.small
	if k < 0 {
		k += int64(n)
	}
	if k < 0 || k >= int64(n) {
		return 0, raise("IndexError", what+" index out of range")
	}
	return int(k), nil
}

// GetItem is v[key].
func GetItem(v, key Value) (Value, error) {
	switch x := v.(type) {
	case *Dict:
		r, ok, err := x.Get(key)
		if err != nil {
			return nil, err
		}
		if !ok {
			return nil, KeyError(key)
		}
		return r, nil
	case *List:
		i, err := index(key, len(x.Items), "list")
		if err != nil {
			return nil, err
		}
		return x.Items[i], nil
	case Tuple:
		i, err := index(key, len(x), "tuple")
		if err != nil {
			return nil, err
		}
		return x[i], nil
	case Str:
		return strItem(string(x), key) // strindex.go
	case Bytes:
		i, err := index(key, len(x), "index")
		if err != nil {
			if e, ok := err.(*Exception); ok && e.Class == "TypeError" {
				return nil, typeError("byte indices must be integers or slices, not %s", key.TypeName())
			}
			return nil, err
		}
		return IntValue(int64(x[i])), nil
	}
	return nil, typeError("'%s' object is not subscriptable", v.TypeName())
}

// SetItem is v[key] = val.
func SetItem(v, key, val Value) error {
	switch x := v.(type) {
	case *Dict:
		return x.Set(key, val)
	case *List:
		i, ok := asInt(key)
		if !ok {
			return typeError("list indices must be integers or slices, not %s", key.TypeName())
		}
		n := int64(len(x.Items))
		k := i.small
		if k < 0 {
			k += n
		}
		if i.big != nil {
			return raise("IndexError", "cannot fit 'int' into an index-sized integer")
		}
		if k < 0 || k >= n {
			return raise("IndexError", "list assignment index out of range")
		}
		x.mutate()
		x.Items[k] = val
		return nil
	}
	if _, ok := v.(Model); ok {
		return typeError("'%s' object does not support item assignment", v.TypeName())
	}
	switch v.(type) {
	case Str, Bytes, Tuple:
		return typeError("'%s' object does not support item assignment", v.TypeName())
	}
	return typeError("'%s' object does not support item assignment", v.TypeName())
}

// sliceIndex converts a slice bound (nil or None: absent).
func sliceIndex(v Value) (b *big.Int, present bool, err error) {
	if v == nil || IsNone(v) {
		return nil, false, nil
	}
	i, ok := asInt(v)
	if !ok {
		return nil, false, typeError("slice indices must be integers or None or have an __index__ method")
	}
	return i.bigRO(), true, nil
}

// clamp bounds b into [lo, hi].
func clamp(b *big.Int, lo, hi int64) int64 {
	if b.Cmp(big.NewInt(lo)) < 0 {
		return lo
	}
	if b.Cmp(big.NewInt(hi)) > 0 {
		return hi
	}
	return b.Int64()
}

// sliceIndices is slice(lo, hi, step).indices(n) as a list of positions.
func sliceIndices(lo, hi, step Value, n int) ([]int, error) {
	st := int64(1)
	sb, ok, err := sliceIndex62(step) // seq_slice.go
	if err != nil {
		return nil, err
	}
	if ok {
		if sb == 0 {
			return nil, valueError("slice step cannot be zero")
		}
		st = sb
	}
	N := int64(n)
	bound := func(v Value, def int64) (int64, error) {
		x, ok, err := sliceIndex62(v)
		if err != nil || !ok {
			return def, err
		}
		if x < 0 {
			x += N
			if x < 0 {
				if st < 0 {
					return -1, nil
				}
				return 0, nil
			}
		} else if x >= N {
			if st < 0 {
				return N - 1, nil
			}
			return N, nil
		}
		return x, nil
	}
	var start, stop int64
	if st > 0 {
		if start, err = bound(lo, 0); err != nil {
			return nil, err
		}
		if stop, err = bound(hi, N); err != nil {
			return nil, err
		}
	} else {
		if start, err = bound(lo, N-1); err != nil {
			return nil, err
		}
		if stop, err = bound(hi, -1); err != nil {
			return nil, err
		}
	}
	out := make([]int, 0, sliceLen(start, stop, st))
	if st > 0 {
		for i := start; i < stop; i += st {
			out = append(out, int(i))
		}
	} else {
		for i := start; i > stop; i += st {
			out = append(out, int(i))
		}
	}
	return out, nil
}

// Slice is v[lo:hi:step]; nil (or None) bounds are absent.
func Slice(v, lo, hi, step Value) (Value, error) {
	switch x := v.(type) {
	case *List:
		idx, err := sliceIndices(lo, hi, step, len(x.Items))
		if err != nil {
			return nil, err
		}
		out := make([]Value, len(idx))
		for k, i := range idx {
			out[k] = x.Items[i]
		}
		return &List{Items: out}, nil
	case Tuple:
		idx, err := sliceIndices(lo, hi, step, len(x))
		if err != nil {
			return nil, err
		}
		out := make(Tuple, len(idx))
		for k, i := range idx {
			out[k] = x[i]
		}
		return out, nil
	case Str:
		s := string(x)
		var cs []string
		if !isASCII(s) {
			cs = chars(s)
		}
		n := len(s)
		if cs != nil {
			n = len(cs)
		}
		idx, err := sliceIndices(lo, hi, step, n)
		if err != nil {
			return nil, err
		}
		var b strings.Builder
		for _, i := range idx {
			if cs != nil {
				b.WriteString(cs[i])
			} else {
				b.WriteByte(s[i])
			}
		}
		return Str(b.String()), nil
	case Bytes:
		idx, err := sliceIndices(lo, hi, step, len(x))
		if err != nil {
			return nil, err
		}
		b := make([]byte, len(idx))
		for k, i := range idx {
			b[k] = x[i]
		}
		return Bytes(b), nil
	}
	return nil, typeError("'%s' object is not subscriptable", v.TypeName())
}
