package validate

import (
	"math/bits"

	"github.com/covetpy/covetgen/runtime/pyjson"
)

const msgModelAttributesType = "Input should be a valid dictionary or object to extract fields from"

// ModelInput starts a model: FastAPI validates with from_attributes=True,
// so anything but a JSON object is model_attributes_type (pydantic's
// model_type only appears without from_attributes). A model built from a
// dict is a strict match for smart unions.
func (s *State) ModelInput(v pyjson.Value) bool {
	if v.Kind() != pyjson.KindObject {
		return s.fail(newErr("model_attributes_type", msgModelAttributesType, v))
	}
	s.Floor(Strict)
	return true
}

// DataclassInput starts a dataclass (stdlib or pydantic): anything but a
// JSON object is dataclass_type.
func (s *State) DataclassInput(v pyjson.Value, className string) bool {
	if v.Kind() != pyjson.KindObject {
		return s.fail(newErr("dataclass_type", "Input should be a dictionary or an instance of "+className, v,
			CtxItem{"class_name", className}))
	}
	s.Floor(Strict)
	return true
}

// Collect makes one pass over the members of object v, storing each value
// in slots[lookup(key)] (lookup returns -1 for keys no field reads). A
// generated lookup is a switch over the field aliases (and names, with
// populate_by_name: one slot per lookup key, alias first).
func Collect(v pyjson.Value, slots []pyjson.Value, lookup func(key string) int) {
	for it := v.Members(); it.Next(); {
		if i := lookup(it.Key()); i >= 0 && i < len(slots) {
			slots[i] = it.Value()
		}
	}
}

// Present reports whether Collect found a value for a slot.
func Present(x pyjson.Value) bool { return x.Kind() != pyjson.KindInvalid }

// ForbidExtras reports every key of v that no field used (its lookup slot
// is -1 or was not the one used), in input order: extra_forbidden for a
// model, unexpected_keyword_argument for a dataclass. pydantic reports
// them after all the field errors.
func (s *State) ForbidExtras(v pyjson.Value, lookup func(string) int, used []bool, dataclass bool) {
	typ, msg := "extra_forbidden", "Extra inputs are not permitted"
	if dataclass {
		typ, msg = "unexpected_keyword_argument", "Unexpected keyword argument"
	}
	for it := v.Members(); it.Next(); {
		if i := lookup(it.Key()); i >= 0 && i < len(used) && used[i] {
			continue
		}
		s.PushKey(it.Key())
		s.Add(newErr(typ, msg, it.Value()))
		s.Pop()
	}
}

// AllowExtras returns the keys of v no field used, with their values, in
// input order (extra="allow": they are kept and dumped after the fields).
func AllowExtras(v pyjson.Value, lookup func(string) int, used []bool) []Pair[string, pyjson.Value] {
	var out []Pair[string, pyjson.Value]
	for it := v.Members(); it.Next(); {
		if i := lookup(it.Key()); i >= 0 && i < len(used) && used[i] {
			continue
		}
		out = append(out, Pair[string, pyjson.Value]{it.Key(), it.Value()})
	}
	return out
}

// ModelEnd finishes a model begun at mark: it succeeded when no error was
// recorded since. The fields-set count feeds smart unions (pydantic-core
// counts a model's set fields twice, and its allowed extras once).
func (s *State) ModelEnd(mark int, fieldsSet, extras int) bool {
	if !s.Since(mark) {
		return false
	}
	s.AddFieldsSet(2*fieldsSet + extras)
	return true
}

// DataclassEnd finishes a dataclass (its set fields count once).
func (s *State) DataclassEnd(mark int, fieldsSet int) bool {
	s.AddFieldsSet(fieldsSet)
	return s.Since(mark)
}

// FieldsSet is a model's __pydantic_fields_set__ by field index (for
// exclude_unset).
type FieldsSet struct {
	lo uint64
	hi []uint64
}

// Add marks field i as set.
func (f *FieldsSet) Add(i int) {
	if i < 64 {
		f.lo |= 1 << uint(i)
		return
	}
	w := i/64 - 1
	for len(f.hi) <= w {
		f.hi = append(f.hi, 0)
	}
	f.hi[w] |= 1 << uint(i%64)
}

// Has reports whether field i was set.
func (f *FieldsSet) Has(i int) bool {
	if i < 64 {
		return f.lo&(1<<uint(i)) != 0
	}
	w := i/64 - 1
	return w < len(f.hi) && f.hi[w]&(1<<uint(i%64)) != 0
}

// Len is the number of set fields.
func (f *FieldsSet) Len() int {
	n := bits.OnesCount64(f.lo)
	for _, w := range f.hi {
		n += bits.OnesCount64(w)
	}
	return n
}
