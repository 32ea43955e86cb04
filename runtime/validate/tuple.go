package validate

import "github.com/covetpy/covetgen/runtime/pyjson"

// Tuple validates tuple[T, ...] from a JSON array (lax: pydantic turns the
// list into a tuple). Unlike lists, max_length counts valid items only and
// a min_length failure is reported after the item errors.
func Tuple[T any](s *State, v pyjson.Value, l *Length, item Decoder[T], out *[]T) bool {
	if v.Kind() != pyjson.KindArray {
		return s.fail(newErr("tuple_type", "Input should be a valid tuple", v))
	}
	s.Floor(Lax)
	n := v.Len()
	maxLen, hasMax := l.max()
	mark := s.Mark()
	res := make([]T, n)
	k := 0
	for it := v.Elems(); it.Next(); {
		var ok bool
		if item == nil {
			res[k], ok = any(it.Value()).(T)
		} else {
			s.PushIndex(it.Index())
			ok = item(s, it.Value(), &res[k])
			s.Pop()
		}
		if ok {
			k++
			if hasMax && k > maxLen {
				s.Rollback(mark)
				return s.fail(tooLong("Tuple", maxLen, n, v))
			}
		}
	}
	if minLen, ok := l.min(); ok && k < minLen {
		s.Add(tooShort("Tuple", minLen, k, v))
	}
	if !s.Since(mark) {
		return false
	}
	*out = res[:k]
	return true
}

// FixedTuple walks a tuple[A, B, ...] of n positions. Generated code
// calls Begin, then for each position i either decodes Item(i) (pushing
// the index) or reports Missing(i), then End:
//
//	t, ok := validate.BeginTuple(s, v, 2, nil)
//	if !ok { return false }
//	if x, ok := t.Item(0); ok { s.PushIndex(0); s.Int(x, nil, &out.A); s.Pop() } else { t.Missing(0) }
//	...
//	return t.End()
type FixedTuple struct {
	s      *State
	v      pyjson.Value
	n      int
	maxLen int
	hasMax bool
	valid  int
	mark   int
	items  [8]pyjson.Value
	more   []pyjson.Value
}

// BeginTuple starts a fixed tuple of n positions (l: Field length bounds).
func BeginTuple(s *State, v pyjson.Value, n int, l *Length) (FixedTuple, bool) {
	if v.Kind() != pyjson.KindArray {
		return FixedTuple{}, s.fail(newErr("tuple_type", "Input should be a valid tuple", v))
	}
	s.Floor(Lax)
	t := FixedTuple{s: s, v: v, n: n, mark: s.Mark()}
	t.maxLen, t.hasMax = l.max()
	it := v.Elems()
	for i := 0; i < n && it.Next(); i++ {
		if i < len(t.items) {
			t.items[i] = it.Value()
		} else {
			t.more = append(t.more, it.Value())
		}
	}
	return t, true
}

// Item returns the input at position i, if the array is long enough.
func (t *FixedTuple) Item(i int) (pyjson.Value, bool) {
	if i >= t.v.Len() || i >= t.n {
		return pyjson.Value{}, false
	}
	if i < len(t.items) {
		return t.items[i], true
	}
	return t.more[i-len(t.items)], true
}

// Valid counts a position that validated (for max_length).
func (t *FixedTuple) Valid() { t.valid++ }

// Missing reports position i absent.
func (t *FixedTuple) Missing(i int) { t.s.MissingAt(t.v, Index(i)) }

// End checks the lengths: items beyond the positions give too_long, which
// replaces the item errors, as does exceeding max_length.
func (t *FixedTuple) End() bool {
	n := t.v.Len()
	if t.hasMax && t.valid > t.maxLen {
		t.s.Rollback(t.mark)
		return t.s.fail(tooLong("Tuple", t.maxLen, n, t.v))
	}
	if n > t.n {
		t.s.Rollback(t.mark)
		return t.s.fail(tooLong("Tuple", t.n, n, t.v))
	}
	return t.s.Since(t.mark)
}
