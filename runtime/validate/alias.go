package validate

import "github.com/covetpy/covetgen/runtime/pyjson"

// AliasPath is one choice of a field's AliasChoices / AliasPath validation alias: Slot
// is the Collect slot of the path's first key, Loc the whole path (that key, then dict
// keys and list indexes), which is also where errors of the value found are located.
type AliasPath struct {
	Slot int
	Loc  []LocItem
}

// AliasLookup returns the value of the first choice found in the collected slots and
// the choice's index, or -1 when no choice is found (pydantic-core's lookup: a key
// step needs a dict holding the key, an index step a list, a negative index counting
// from its end; a string is never indexed; anything else means "not found").
func AliasLookup(in []pyjson.Value, choices []AliasPath) (pyjson.Value, int) {
	for c, p := range choices {
		if p.Slot < 0 || p.Slot >= len(in) || !Present(in[p.Slot]) || len(p.Loc) == 0 {
			continue
		}
		if v, ok := followPath(in[p.Slot], p.Loc[1:]); ok {
			return v, c
		}
	}
	return pyjson.Value{}, -1
}

// followPath walks the steps after a path's first key.
func followPath(v pyjson.Value, steps []LocItem) (pyjson.Value, bool) {
	for _, st := range steps {
		switch {
		case st.IsIndex && v.Kind() == pyjson.KindArray:
			i, n := st.Index, v.Len()
			if i < 0 {
				i += n
			}
			if i < 0 || i >= n {
				return pyjson.Value{}, false
			}
			found := false
			for it := v.Elems(); it.Next(); {
				if it.Index() == i {
					v, found = it.Value(), true
					break
				}
			}
			if !found {
				return pyjson.Value{}, false
			}
		case !st.IsIndex && v.Kind() == pyjson.KindObject:
			x, ok := v.Get(st.Key)
			if !ok {
				return pyjson.Value{}, false
			}
			v = x
		default:
			return pyjson.Value{}, false
		}
	}
	return v, true
}

// PushLoc enters every element of loc (an alias path).
func (s *State) PushLoc(loc []LocItem) { s.loc = append(s.loc, loc...) }

// PopLoc leaves the n innermost location elements.
func (s *State) PopLoc(n int) {
	if n > len(s.loc) {
		n = len(s.loc)
	}
	s.loc = s.loc[:len(s.loc)-n]
}
