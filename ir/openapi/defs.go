package openapi

import (
	"sort"
	"strings"

	"github.com/covetpy/covetgen/ir/ojson"
)

// remapping is pydantic's _DefinitionsRemapping: full defs refs to the simplest names that
// stay unambiguous.
type remapping struct {
	defs map[string]string // full defs ref -> final name
	json map[string]string // json ref -> json ref
}

// buildRemapping is _DefinitionsRemapping.from_prioritized_choices.
//
// An alternative name is usable when every definition that could take it has the same
// schema; a definition that shares none of its alternatives with another one needs no
// comparison, so only the others are copied, remapped and rendered canonically.
func (g *gen) buildRemapping() remapping {
	refsPerAlt := map[string]int{}
	for _, ref := range g.defOrder {
		for _, alt := range g.choices[ref] {
			refsPerAlt[alt]++
		}
	}
	copied := map[string]*ojson.Object{}
	for _, ref := range g.defOrder {
		for _, alt := range g.choices[ref] {
			if refsPerAlt[alt] > 1 {
				copied[ref] = ojson.Clone(g.defs[ref]).(*ojson.Object)
				break
			}
		}
	}
	var prevKeys map[string]string
	var rm remapping
	// canon caches each compared definition's canonical form; a definition the remapping
	// changes is rendered again.
	canon := map[string]string{}
	for iter := 0; iter < 100; iter++ {
		alts := map[string]map[string]bool{}
		for _, ref := range g.defOrder {
			if copied[ref] == nil {
				continue
			}
			c, ok := canon[ref]
			if !ok {
				c = canonical(copied[ref])
				canon[ref] = c
			}
			for _, alt := range g.choices[ref] {
				if refsPerAlt[alt] < 2 {
					continue
				}
				if alts[alt] == nil {
					alts[alt] = map[string]bool{}
				}
				alts[alt][c] = true
			}
		}
		rm = remapping{defs: make(map[string]string, len(g.defOrder)), json: make(map[string]string, 6*len(g.defOrder))}
		for _, ref := range g.defOrder {
			choices := g.choices[ref]
			idx := len(choices) - 1
			for i, alt := range choices {
				if refsPerAlt[alt] < 2 || len(alts[alt]) == 1 {
					idx = i
					break
				}
			}
			rm.defs[ref] = choices[idx]
			target := refPrefix + choices[idx]
			for _, alt := range choices[idx:] {
				rm.json[refPrefix+alt] = target
			}
		}
		for ref, c := range copied {
			if remapInPlace(c, rm.json) {
				delete(canon, ref)
			}
		}
		if prevKeys != nil && sameMap(prevKeys, rm.defs) {
			break
		}
		prevKeys = rm.defs
	}
	return rm
}

func sameMap(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// remapValue replaces, in place, every string that is a remapped json ref.
func remapValue(v ojson.Value, m map[string]string) ojson.Value {
	if s, ok := v.(ojson.String); ok {
		if r, ok := remapString(s, m); ok {
			return r
		}
		return v
	}
	remapInPlace(v, m)
	return v
}

// remapInPlace replaces the remapped refs inside an object or array and reports whether
// anything changed.
func remapInPlace(v ojson.Value, m map[string]string) bool {
	changed := false
	var elems []ojson.Value
	switch x := v.(type) {
	case *ojson.Object:
		elems = x.Values()
	case ojson.Array:
		elems = x
	default:
		return false
	}
	for i, e := range elems {
		if s, ok := e.(ojson.String); ok {
			if r, ok := remapString(s, m); ok {
				elems[i] = r
				changed = changed || r != s
			}
			continue
		}
		if remapInPlace(e, m) {
			changed = true
		}
	}
	return changed
}

func remapString(s ojson.String, m map[string]string) (ojson.String, bool) {
	if strings.HasPrefix(string(s), refPrefix) {
		if r, ok := m[string(s)]; ok {
			return ojson.String(r), true
		}
	}
	return s, false
}

// pydanticSort is GenerateJsonSchema.sort: keys sorted recursively, except the direct keys
// of "properties" and "default" objects.
func pydanticSort(v ojson.Value, parentKey string) ojson.Value {
	switch x := v.(type) {
	case *ojson.Object:
		keys := append([]string{}, x.Keys()...)
		if parentKey != "properties" && parentKey != "default" {
			sort.Strings(keys)
		}
		out := ojson.NewObject()
		for _, k := range keys {
			e, _ := x.Get(k)
			out.Set(k, pydanticSort(e, k))
		}
		return out
	case ojson.Array:
		out := make(ojson.Array, len(x))
		for i, e := range x {
			out[i] = pydanticSort(e, parentKey)
		}
		return out
	}
	return v
}
