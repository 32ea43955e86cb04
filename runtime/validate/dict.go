package validate

import "github.com/covetpy/covetgen/runtime/pyjson"

// Pair is one entry of a validated dict.
type Pair[K, V any] struct {
	Key   K
	Value V
}

// Dict validates dict[K, V] (and Mapping[K, V]) from a JSON object. Each
// key is validated (errors at [key, "[key]", ...]) then its value (errors
// at [key, ...]); validated keys that compare equal collapse as in a
// Python dict (first position, last value). The lengths are checked on
// the result when every entry is valid. h nil means keys cannot collide
// (plain str keys: JSON object keys are already distinct).
func Dict[K, V any](s *State, v pyjson.Value, l *Length, key Decoder[K], val Decoder[V], h *Hasher[K], out *[]Pair[K, V]) bool {
	if v.Kind() != pyjson.KindObject {
		return s.fail(newErr("dict_type", "Input should be a valid dictionary", v))
	}
	mark := s.Mark()
	res := make([]Pair[K, V], 0, v.Len())
	ix := index[K]{key: h, items: func(i int) K { return res[i].Key }}
	var p Pair[K, V]
	for it := v.Members(); it.Next(); {
		k := it.Key()
		s.PushKey(k)
		s.PushKey("[key]")
		kok := key(s, it.KeyValue(), &p.Key)
		s.Pop()
		vok := val(s, it.Value(), &p.Value)
		s.Pop()
		if !kok || !vok {
			continue
		}
		if h != nil {
			hv := h.Hash(p.Key)
			if i := ix.lookup(hv, p.Key); i >= 0 {
				res[i].Value = p.Value
				continue
			}
			ix.insert(hv, len(res))
		}
		res = append(res, p)
	}
	if !s.Since(mark) {
		return false
	}
	n := len(res)
	if minLen, ok := l.min(); ok && n < minLen {
		return s.fail(tooShort("Dictionary", minLen, n, v))
	}
	if maxLen, ok := l.max(); ok && n > maxLen {
		return s.fail(tooLong("Dictionary", maxLen, n, v))
	}
	*out = res
	return true
}
