package validate_test

import (
	"testing"

	. "github.com/covetpy/covetgen/runtime/validate/internal/spec"
)

func def(json string) []byte { return []byte(json) }

var modelSchema = &Schema{
	Enums: []Enum{{Name: "Color", Values: []any{"red", "green"}}, {Name: "Num", Values: []any{1, 2}, Int: true}},
	Models: []Model{
		{Name: "Item", Fields: []Field{
			{Name: "sku", Type: &Type{Kind: "str", MinLen: N(2), Strip: true}},
			{Name: "qty", Type: &Type{Kind: "int", Gt: "0"}, Default: def("1")},
			{Name: "price", Type: T("float")},
		}},
		{Name: "Order", Fields: []Field{
			{Name: "id", Type: T("int")},
			{Name: "items", Type: lenT(T("list", Ref("model", "Item")), N(1), nil)},
			{Name: "note", Type: T("optional", T("str")), Default: def("null")},
			{Name: "color", Type: Ref("enum", "Color"), Alias: "colour", Default: nil},
			{Name: "tags", Type: T("set", T("int")), Factory: "list"},
			{Name: "meta", Type: T("dict", T("str"), T("any")), Factory: "dict"},
			{Name: "score", Type: T("float"), Default: def("0.5")},
		}},
		{Name: "Strict", Extra: "forbid", PopulateByName: true, Fields: []Field{
			{Name: "a", Type: T("int"), Alias: "A"},
			{Name: "b", Type: T("str")},
			{Name: "c", Type: T("optional", T("int")), Default: def("null")},
		}},
		{Name: "Open", Extra: "allow", Fields: []Field{
			{Name: "a", Type: T("int")},
			{Name: "b", Type: T("float"), Default: def("1")},
		}},
		{Name: "VA", Fields: []Field{
			{Name: "a", Type: T("int"), ValAlias: []string{"aa", "AA"}, Alias: "x"},
			{Name: "b", Type: T("int"), ValAlias: []string{"bb"}, Default: def("0")},
		}},
		{Name: "DC", Dataclass: true, Fields: []Field{
			{Name: "x", Type: T("int")},
			{Name: "y", Type: T("str"), Default: def(`"d"`)},
		}},
		{Name: "DCF", Dataclass: true, Extra: "forbid", Fields: []Field{
			{Name: "x", Type: T("int")},
		}},
		{Name: "Wrap", Fields: []Field{
			{Name: "order", Type: T("optional", Ref("model", "Order")), Default: def("null")},
			{Name: "dc", Type: T("list", Ref("model", "DC")), Factory: "list"},
			{Name: "num", Type: Ref("enum", "Num"), Default: def("1")},
			{Name: "when", Type: T("optional", T("datetime")), Default: def("null")},
			{Name: "dur", Type: T("timedelta"), Default: def("0")},
			{Name: "dec", Type: T("decimal"), Default: def(`"1.10"`)},
		}},
	},
}

func withRoot(r *Type) *Schema { s := *modelSchema; s.Root = r; return &s }

var dumpOpts = []Dump{{Mode: "A"}, {Mode: "B"}, {Mode: "C"}, {Mode: "A", ByAlias: true}, {Mode: "A", ExcludeUnset: true},
	{Mode: "A", ExcludeDefaults: true}, {Mode: "B", ExcludeNone: true, ByAlias: true}}

func TestModelsMatchPydantic(t *testing.T) {
	order := withRoot(Ref("model", "Order"))
	runSpec(t,
		cases("Item", withRoot(Ref("model", "Item")), dumpOpts, `{"sku":"ab","price":1}`, `{"sku":" a ","price":"x","qty":0}`,
			`{}`, `[]`, `"x"`, `null`, `1`, `{"sku":"abc","price":2.5,"qty":"3","extra":1}`, `{"price":1e-7,"sku":"  xyz  "}`,
			`{"sku":1,"qty":1.5}`),
		cases("Order", order, dumpOpts,
			`{"id":1,"items":[{"sku":"ab","price":1}],"colour":"red"}`,
			`{"id":"7","items":[{"sku":"ab","price":1,"qty":2},{"sku":"cd","price":"2.5"}],"colour":"green","note":"n","tags":[3,1,2,1],"meta":{"k":[1,2.5,null]},"score":1}`,
			`{"id":1,"items":[],"colour":"red"}`,
			`{"id":1,"items":[{"sku":"a"},{"price":"x"}],"color":"red"}`,
			`{"items":"x","colour":"blue","tags":{"a":1},"note":5}`,
			`{"id":1,"items":[{"sku":"ab","price":1}],"colour":"red","note":null,"score":0.5}`,
			`{"id":1,"items":[{"sku":"ab","price":1}],"colour":"red","meta":{"x":1e400}}`,
			`{"id":1,"items":[{"sku":"ab","price":1e400}],"colour":"red"}`,
			`{"id":1,"items":null,"colour":"red","tags":[1,"x"]}`),
		cases("Strict", withRoot(Ref("model", "Strict")), dumpOpts, `{"A":1,"b":"x"}`, `{"a":1,"b":"x"}`, `{"a":1,"A":2,"b":"x"}`,
			`{"x":1,"A":"q","a":2,"b":3}`, `{"b":"s"}`, `{}`, `{"A":1,"b":"x","c":null,"d":null}`, `[1]`),
		cases("Open", withRoot(Ref("model", "Open")), dumpOpts, `{"a":1}`, `{"z":[1.0,2],"a":1,"y":null}`,
			`{"z":1e-7,"a":1,"b":2}`, `{"a":"x","z":1}`, `{"b":1}`),
		cases("VA", withRoot(Ref("model", "VA")), dumpOpts, `{"aa":1}`, `{"AA":"2","bb":3}`, `{"aa":1,"AA":2}`, `{"x":1}`,
			`{"a":1}`, `{}`, `{"AA":"x","bb":"y"}`),
		cases("DC", withRoot(Ref("model", "DC")), []Dump{{Mode: "A"}, {Mode: "B"}}, `{"x":"1","z":3}`, `{"y":1}`, `[1,"a"]`,
			`"s"`, `{"x":1,"y":"q"}`),
		cases("DCF", withRoot(Ref("model", "DCF")), []Dump{{Mode: "A"}}, `{"x":1}`, `{"q":2,"x":"a","z":1}`, `{}`),
		cases("Wrap", withRoot(Ref("model", "Wrap")), dumpOpts, `{}`, `{"order":null,"dc":[{"x":1}]}`,
			`{"order":{"id":1,"items":[{"sku":"ab","price":1}],"colour":"red"},"num":"2","when":"2024-01-02T03:04:05Z","dur":3600.5,"dec":"2.50"}`,
			`{"order":{"id":"x","items":[{"sku":"a","price":1}]},"dc":[{"x":"y"},{}],"num":3,"dur":"x","dec":"NaN"}`,
			`{"order":1,"dc":{}}`, `{"num":1.0,"dur":"P1D","when":0}`),
		cases("list[Item]", withRoot(T("list", Ref("model", "Item"))), dumpOpts, `[{"sku":"ab","price":1},{"sku":"x"},5]`),
		cases("dict[str,Item]", withRoot(T("dict", T("str"), Ref("model", "Item"))), dumpOpts, `{"a":{"sku":"ab","price":1},"b":{}}`),
		cases("Optional[Item]", withRoot(T("optional", Ref("model", "Item"))), dumpOpts, `null`, `{"sku":"ab","price":1}`, `[]`),
	)
}

func TestModelFiltersMatchPydantic(t *testing.T) {
	order := withRoot(Ref("model", "Order"))
	in := `{"id":1,"items":[{"sku":"ab","price":1},{"sku":"cd","price":2,"qty":3}],"colour":"red","meta":{"a":1,"b":[1,2]},"tags":[2,1]}`
	dumps := []Dump{
		{Mode: "A", Include: map[string]any{"id": true, "items": map[string]any{"0": map[string]any{"sku": true}}}},
		{Mode: "A", Exclude: map[string]any{"items": map[string]any{"__all__": map[string]any{"price": true}}, "meta": true}},
		{Mode: "A", Include: map[string]any{"items": map[string]any{"__all__": map[string]any{"qty": true}, "1": map[string]any{"sku": true}}}},
		{Mode: "B", Exclude: map[string]any{"meta": map[string]any{"b": true}, "tags": map[string]any{"0": true}}},
		{Mode: "A", Include: map[string]any{"meta": map[string]any{"b": map[string]any{"1": true}}}, ByAlias: true},
		{Mode: "A", Include: map[string]any{"items": true, "color": true}, Exclude: map[string]any{"items": map[string]any{"0": true}}},
		{Mode: "A", ExcludeUnset: true, Exclude: map[string]any{"id": true}},
		{Mode: "A", Include: map[string]any{}},
		{Mode: "A", Include: map[string]any{"items": map[string]any{}, "id": true}},
		{Mode: "A", Exclude: map[string]any{"items": map[string]any{}}},
	}
	runSpec(t, cases("filters", order, dumps, in))
}
