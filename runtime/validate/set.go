package validate

import "github.com/covetpy/covetgen/runtime/pyjson"

// Set validates set[T] (frozen: frozenset[T]) from a JSON array (lax).
// Items are validated and added one by one: duplicates collapse, a size
// above max_length stops with too_long ("not more"), item errors carry the
// input index, min_length is checked on the deduplicated size when all
// items are valid. h nil means T is unhashable (list, dict, model): every
// valid item is then set_item_not_hashable.
//
// The result is in the order Python iterates the set: CPython's table
// order when h.Ordered, else first insertion.
func Set[T any](s *State, v pyjson.Value, l *Length, item Decoder[T], h *Hasher[T], frozen bool, out *[]T) bool {
	fieldType, typ, msg := "Set", "set_type", "Input should be a valid set"
	if frozen {
		fieldType, typ, msg = "Frozenset", "frozen_set_type", "Input should be a valid frozenset"
	}
	if v.Kind() != pyjson.KindArray {
		return s.fail(newErr(typ, msg, v))
	}
	s.Floor(Lax)
	maxLen, hasMax := l.max()
	mark := s.Mark()
	items := make([]T, 0, v.Len())
	var x T
	var table pyTable
	ix := index[T]{key: h, items: func(i int) T { return items[i] }}
	for it := v.Elems(); it.Next(); {
		s.PushIndex(it.Index())
		ok := item(s, it.Value(), &x)
		s.Pop()
		if !ok {
			continue
		}
		if h == nil {
			s.PushIndex(it.Index())
			s.Add(newErr("set_item_not_hashable", "Set items should be hashable", it.Value()))
			s.Pop()
			continue
		}
		hv := h.Hash(x)
		if h.Ordered {
			if table.add(hv, len(items), func(i int) bool { return h.Equal(items[i], x) }) {
				items = append(items, x)
			}
		} else if ix.lookup(hv, x) < 0 {
			ix.insert(hv, len(items))
			items = append(items, x)
		}
		if hasMax && len(items) > maxLen {
			s.Rollback(mark)
			return s.fail(tooLongSet(fieldType, maxLen, v))
		}
	}
	if !s.Since(mark) {
		return false
	}
	if minLen, ok := l.min(); ok && len(items) < minLen {
		return s.fail(tooShort(fieldType, minLen, len(items), v))
	}
	if h != nil && h.Ordered && len(items) > 1 {
		ordered := make([]T, 0, len(items))
		for _, i := range table.order() {
			ordered = append(ordered, items[i])
		}
		items = ordered
	}
	*out = items
	return true
}
