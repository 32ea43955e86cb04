package validate

import (
	"strconv"

	"github.com/covetpy/covetgen/runtime/pyjson"
)

// Length is min_length/max_length of a collection; nil pointers are unset.
type Length struct{ Min, Max *int }

func (l *Length) min() (int, bool) {
	if l == nil || l.Min == nil {
		return 0, false
	}
	return *l.Min, true
}

func (l *Length) max() (int, bool) {
	if l == nil || l.Max == nil {
		return 0, false
	}
	return *l.Max, true
}

func tooShort(fieldType string, minLen, actual int, input any) *Error {
	return newErr("too_short", fieldType+" should have at least "+strconv.Itoa(minLen)+" item"+plural(minLen)+
		" after validation, not "+strconv.Itoa(actual), input,
		CtxItem{"field_type", fieldType}, CtxItem{"min_length", minLen}, CtxItem{"actual_length", actual})
}

func tooLong(fieldType string, maxLen, actual int, input any) *Error {
	return newErr("too_long", fieldType+" should have at most "+strconv.Itoa(maxLen)+" item"+plural(maxLen)+
		" after validation, not "+strconv.Itoa(actual), input,
		CtxItem{"field_type", fieldType}, CtxItem{"max_length", maxLen}, CtxItem{"actual_length", actual})
}

// tooLongSet is a set's too_long, raised while the set is built.
func tooLongSet(fieldType string, maxLen int, input any) *Error {
	return newErr("too_long", fieldType+" should have at most "+strconv.Itoa(maxLen)+" item"+plural(maxLen)+
		" after validation, not more", input,
		CtxItem{"field_type", fieldType}, CtxItem{"max_length", maxLen}, CtxItem{"actual_length", nil})
}

// List validates list[T]: only a JSON array is a list (a str, dict or
// number is list_type). Item errors are located at their index; max_length
// counts items as they are validated (valid or not) and, once exceeded,
// replaces every item error with too_long; min_length is checked only when
// all items are valid. A nil item decoder is list[Any].
func List[T any](s *State, v pyjson.Value, l *Length, item Decoder[T], out *[]T) bool {
	if v.Kind() != pyjson.KindArray {
		return s.fail(newErr("list_type", "Input should be a valid list", v))
	}
	n := v.Len()
	maxLen, hasMax := l.max()
	minLen, hasMin := l.min()
	if item == nil { // no item validator: lengths first, then a copy
		if hasMin && n < minLen {
			return s.fail(tooShort("List", minLen, n, v))
		}
		if hasMax && n > maxLen {
			return s.fail(tooLong("List", maxLen, n, v))
		}
	}
	mark := s.Mark()
	res := make([]T, n)
	k := 0
	for it := v.Elems(); it.Next(); {
		if item == nil {
			if x, ok := any(it.Value()).(T); ok {
				res[k] = x
				k++
			}
			continue
		}
		s.PushIndex(it.Index())
		ok := item(s, it.Value(), &res[k])
		s.Pop()
		if ok {
			k++
		}
		if hasMax && it.Index()+1 > maxLen {
			s.Rollback(mark)
			return s.fail(tooLong("List", maxLen, n, v))
		}
	}
	if !s.Since(mark) {
		return false
	}
	if hasMin && k < minLen {
		return s.fail(tooShort("List", minLen, k, v))
	}
	*out = res[:k]
	return true
}

// Sequence validates typing.Sequence[T]: a str is sequence_str, anything
// but a JSON array is_instance_of; the items are validated as a list's and
// the lengths checked afterwards, reported with field_type "Value".
func Sequence[T any](s *State, v pyjson.Value, l *Length, item Decoder[T], out *[]T) bool {
	switch v.Kind() {
	case pyjson.KindArray:
	case pyjson.KindString:
		return s.fail(newErr("sequence_str", "'str' instances are not allowed as a Sequence value", v,
			CtxItem{"type_name", "str"}))
	default:
		return s.fail(newErr("is_instance_of", "Input should be an instance of Sequence", v, CtxItem{"class", "Sequence"}))
	}
	var res []T
	if !List(s, v, nil, item, &res) {
		return false
	}
	if minLen, ok := l.min(); ok && len(res) < minLen {
		return s.fail(tooShort("Value", minLen, len(res), v))
	}
	if maxLen, ok := l.max(); ok && len(res) > maxLen {
		return s.fail(tooLong("Value", maxLen, len(res), v))
	}
	*out = res
	return true
}
