package asgen

import (
	"bytes"
	"encoding/json"
	"sort"
	"testing"
)

// mutations derives inputs from a valid document: every object member
// (at any depth) is in turn deleted and replaced by each of a set of
// JSON values, and every array gets an extra element.
func mutations(doc string) []string {
	var root any
	dec := json.NewDecoder(bytes.NewReader([]byte(doc)))
	dec.UseNumber()
	if err := dec.Decode(&root); err != nil {
		panic(err)
	}
	replacements := []any{nil, "x", json.Number("1"), json.Number("-1.5"), []any{}, map[string]any{}, true}
	var out []string
	emit := func() {
		b, err := json.Marshal(root)
		if err != nil {
			panic(err)
		}
		out = append(out, string(b))
	}
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			keys := make([]string, 0, len(x))
			for k := range x {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				old := x[k]
				delete(x, k)
				emit()
				for _, r := range replacements {
					x[k] = r
					emit()
				}
				x[k] = old
				walk(old)
			}
		case []any:
			for i, old := range x {
				walk(old)
				x[i] = "bad"
				emit()
				x[i] = old
			}
		}
	}
	walk(root)
	return out
}

func TestOrderMutationsMatchPydantic(t *testing.T) {
	runAll(t, orderSchema, mutations(goodOrder), typed(DecodeOrder, (*Order).Encode))
}

func TestDrawingMutationsMatchPydantic(t *testing.T) {
	runAll(t, drawingSchema, mutations(drawingInputs()[0]), typed(DecodeDrawing, (*Drawing).Encode))
}

func TestConfigMutationsMatchPydantic(t *testing.T) {
	runAll(t, configSchema, mutations(configInputs()[1]), typed(DecodeConfig, (*Config).Encode))
}
