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
func (g *gen) buildRemapping() remapping {
	copied := map[string]*ojson.Object{}
	for _, k := range g.defOrder {
		copied[k] = ojson.Clone(g.defs[k]).(*ojson.Object)
	}
	var prevKeys map[string]string
	var rm remapping
	for iter := 0; iter < 100; iter++ {
		alts := map[string]map[string]bool{}
		for _, ref := range g.defOrder {
			c := canonical(copied[ref])
			for _, alt := range g.choices[ref] {
				if alts[alt] == nil {
					alts[alt] = map[string]bool{}
				}
				alts[alt][c] = true
			}
		}
		rm = remapping{defs: map[string]string{}, json: map[string]string{}}
		for _, ref := range g.defOrder {
			choices := g.choices[ref]
			idx := len(choices) - 1
			for i, alt := range choices {
				if len(alts[alt]) == 1 {
					idx = i
					break
				}
			}
			rm.defs[ref] = choices[idx]
			for _, alt := range choices[idx:] {
				rm.json[refPrefix+alt] = refPrefix + choices[idx]
			}
		}
		for _, ref := range g.defOrder {
			remapValue(copied[ref], rm.json)
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
	switch x := v.(type) {
	case *ojson.Object:
		for _, k := range x.Keys() {
			e, _ := x.Get(k)
			x.Set(k, remapValue(e, m))
		}
		return x
	case ojson.Array:
		for i, e := range x {
			x[i] = remapValue(e, m)
		}
		return x
	case ojson.String:
		if strings.HasPrefix(string(x), refPrefix) {
			if r, ok := m[string(x)]; ok {
				return ojson.String(r)
			}
		}
	}
	return v
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
