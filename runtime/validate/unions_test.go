package validate_test

import (
	"testing"

	. "github.com/covetpy/covetgen/runtime/validate/internal/spec"
)

// scalarInputs exercise the exactness rules of smart unions.
var scalarInputs = []string{`1`, `0`, `2`, `1.0`, `1.5`, `"1"`, `"1.5"`, `"a"`, `"true"`, `true`, `false`, `null`,
	`[1]`, `["1"]`, `{"a":1}`, `[]`, `"2024-01-02"`, `"P1D"`, `1e400`}

func TestUnionsMatchPydantic(t *testing.T) {
	i, f, s, b := T("int"), T("float"), T("str"), T("bool")
	u := func(items ...*Type) *Schema { return root(T("union", items...)) }
	models := &Schema{Models: []Model{
		{Name: "A", Fields: []Field{{Name: "x", Type: i}}},
		{Name: "B", Fields: []Field{{Name: "x", Type: i}, {Name: "y", Type: s, Default: []byte(`"d"`)}}},
		{Name: "C", Fields: []Field{{Name: "z", Type: f}}, Extra: "allow"},
		{Name: "D", Fields: []Field{{Name: "x", Type: s}}, Extra: "forbid"},
		{Name: "E", Fields: []Field{{Name: "x", Type: i}}, Extra: "allow"},
		{Name: "F", Fields: []Field{{Name: "x", Type: i}, {Name: "y", Type: i}}},
		{Name: "G", Fields: []Field{{Name: "x", Type: i}, {Name: "sub", Type: Ref("model", "A"), Default: def(`{"x":0}`)}}},
		{Name: "H", Fields: []Field{{Name: "x", Type: f}, {Name: "y", Type: i, Default: def("0")}, {Name: "z", Type: i, Default: def("0")}}},
	}}
	modelUnion := func(names ...string) *Schema {
		sc := *models
		var items []*Type
		for _, n := range names {
			items = append(items, Ref("model", n))
		}
		sc.Root = T("union", items...)
		return &sc
	}
	runSpec(t,
		cases("int|str", u(i, s), dumpAB, scalarInputs...),
		cases("str|int", u(s, i), dumpAB, scalarInputs...),
		cases("int|float", u(i, f), dumpAB, scalarInputs...),
		cases("float|int", u(f, i), dumpAB, scalarInputs...),
		cases("bool|int", u(b, i), dumpAB, scalarInputs...),
		cases("float|bool", u(f, b), dumpAB, scalarInputs...),
		cases("bool|str|float", u(b, s, f), dumpAB, scalarInputs...),
		cases("int|None", root(T("optional", i)), dumpAB, scalarInputs...),
		cases("Optional[int|str]", root(T("optional", T("union", i, s))), dumpAB, `null`, `"x"`, `[]`),
		cases("decimal|float", u(T("decimal"), f), dumpAB, `1`, `1.5`, `"1.5"`, `"x"`),
		cases("date|datetime|str", u(T("date"), T("datetime"), s), dumpAB, `"2024-01-02"`, `0`, `"x"`, `86400`),
		cases("uuid|str", u(T("uuid"), s), dumpAB, `"12345678-1234-5678-1234-567812345678"`, `1`),
		cases("timedelta|int", u(T("timedelta"), i), dumpAB, `1`, `"P1D"`, `1.5`, `"x"`),
		cases("list|tuple|set", u(T("list", i), T("tuple", i), T("set", i)), dumpAB, `[1,"2"]`, `"x"`, `[1,"x"]`),
		cases("tuple|list", u(T("tuple", i), T("list", s)), dumpAB, `[1]`, `["a"]`, `[1,"a"]`),
		cases("set|list[str]", u(T("set", i), T("list", s)), dumpAB, `[1,1]`, `["1"]`),
		cases("dict|list", u(T("dict", s, i), T("list", i)), dumpAB, `{"a":1}`, `[1]`, `1`, `{"a":"x"}`),
		cases("constrained", u(&Type{Kind: "int", Gt: "1"}, &Type{Kind: "str", MinLen: N(3)}, &Type{Kind: "float", Ge: "0"},
			lenT(T("list", i), N(1), nil), &Type{Kind: "decimal", MaxDigits: N(3)}, &Type{Kind: "bytes", MaxLen: N(2)}),
			dumpAB, `0`, `[]`, `"ab"`, `-1.5`, `5`, `"abcd"`),
		cases("literals", root(T("optional", T("union", Lit("a", "b"), Lit(1), f, b))), dumpAB, `"a"`, `"c"`, `1`, `2`, `true`, `null`, `[]`, `"1"`),
		cases("literal mix", root(Lit(1, "a", true, nil, "it's", `q"`)), dumpAB, `1`, `true`, `false`, `"a"`, `"b"`, `null`, `1.0`),
		cases("literal|int", u(Lit(1, 2), i), dumpAB, `1`, `3`, `"1"`, `true`),
		cases("literal bool/int", root(Lit(true, 1, false)), dumpAB, `1`, `true`, `1.0`, `0`, `0.0`, `false`, `2`),
		cases("literal int/bool", root(Lit(0, true)), dumpAB, `1`, `true`, `1.0`, `0`, `false`, `-0.0`),
		cases("int|literal", u(i, Lit("x")), dumpAB, `"x"`, `"y"`, `1`),
		cases("nested names", u(T("list", T("optional", s)), T("dict", i, T("list", i)), T("tuplefix", i, s), T("tuplefix"),
			T("frozenset", Lit("a")), T("list", T("union", i, s))), dumpAB, `[[]]`, `{"x":1}`, `[1,"a"]`, `["a"]`),
		cases("left_to_right", root(&Type{Kind: "union", Items: []*Type{f, i}, Mode: "left_to_right"}), dumpAB, `1`, `"1"`, `"x"`, `1.5`),
		cases("left_to_right str", root(&Type{Kind: "union", Items: []*Type{i, s}, Mode: "left_to_right"}), dumpAB, `"1"`, `"x"`, `[]`),
		cases("list[int|str]", root(T("list", T("union", i, s))), dumpAB, `[1,"a",1.0,true,null]`),
		cases("models A|B", modelUnion("A", "B"), dumpAB, `{"x":1}`, `{"x":1,"y":"q"}`, `{"y":"q"}`, `1`, `{}`, `{"x":"1"}`),
		cases("models B|A", modelUnion("B", "A"), dumpAB, `{"x":1}`, `{"x":1,"y":"q"}`, `[]`),
		cases("models A|C", modelUnion("A", "C"), dumpAB, `{"x":1,"z":2}`, `{"z":1.5,"q":1,"r":2}`, `{"x":1,"z":2,"w":3}`),
		cases("models D|A", modelUnion("D", "A"), dumpAB, `{"x":"s"}`, `{"x":1}`, `{"x":1,"e":2}`, `{"x":"s","e":2}`),
		cases("models E|F", modelUnion("E", "F"), dumpAB, `{"x":1,"y":2}`, `{"x":1}`, `{"x":1,"y":"q"}`, `{"x":1,"q":1,"r":2}`),
		cases("models G|H", modelUnion("G", "H"), dumpAB, `{"x":1,"sub":{"x":2}}`, `{"x":1,"y":2,"z":3}`, `{"x":1.5,"sub":{"x":1}}`,
			`{"x":1}`, `{"x":1,"sub":{"x":1},"y":1}`),
		cases("models H|G", modelUnion("H", "G"), dumpAB, `{"x":1,"sub":{"x":2}}`, `{"x":1,"y":2,"z":3}`, `{"x":1}`),
		cases("list[A]|list[F]", &Schema{Models: models.Models, Root: T("union", T("list", Ref("model", "A")), T("list", Ref("model", "F")))},
			dumpAB, `[{"x":1,"y":2}]`, `[{"x":1}]`, `[{"x":1},{"x":1,"y":2}]`),
		cases("enum|str", &Schema{Enums: []Enum{{Name: "Color", Values: []any{"red", 1}}}, Root: T("union", Ref("enum", "Color"), s, i)},
			dumpAB, `"red"`, `1`, `"1"`, `"blue"`, `[]`),
		cases("IntEnum|float", &Schema{Enums: []Enum{{Name: "Num", Values: []any{1, 2}, Int: true}}, Root: T("union", Ref("enum", "Num"), f)},
			dumpAB, `1`, `2.0`, `"1"`, `3`, `"x"`),
		cases("model|int", &Schema{Models: models.Models, Root: T("union", Ref("model", "A"), i, T("dict", s, i))}, dumpAB,
			`{"x":1}`, `1`, `{"x":"y"}`, `"1"`),
	)
}

func TestTaggedUnionsMatchPydantic(t *testing.T) {
	i, s := T("int"), T("str")
	sc := &Schema{Models: []Model{
		{Name: "Cat", Fields: []Field{{Name: "kind", Type: Lit("cat")}, {Name: "n", Type: i}}},
		{Name: "Dog", Fields: []Field{{Name: "kind", Type: Lit("dog", "doggo")}, {Name: "m", Type: s}}},
		{Name: "One", Fields: []Field{{Name: "k", Type: Lit(1)}, {Name: "v", Type: i}}},
		{Name: "Two", Fields: []Field{{Name: "k", Type: Lit(2, "2")}, {Name: "v", Type: s}}},
		{Name: "Al", Fields: []Field{{Name: "kind", Type: Lit("al"), Alias: "Kind"}, {Name: "v", Type: i}}},
		{Name: "Bl", Fields: []Field{{Name: "kind", Type: Lit("bl", 3), Alias: "Kind"}, {Name: "w", Type: i, Alias: "W"}}},
	}}
	with := func(r *Type) *Schema { c := *sc; c.Root = r; return &c }
	pets := &Type{Kind: "tagged", Disc: "kind", Items: []*Type{Ref("model", "Cat"), Ref("model", "Dog")}}
	nums := &Type{Kind: "tagged", Disc: "k", Items: []*Type{Ref("model", "One"), Ref("model", "Two")}}
	runSpec(t,
		cases("pets", with(pets), dumpAB, `{"kind":"cat","n":"1"}`, `{"kind":"cat","n":"x"}`, `{"kind":"doggo","m":1}`,
			`{"kind":"dog","m":"a","n":1}`, `{"kind":"cow"}`, `{"kind":["a",1,null,1.5,{"a":"b'"}]}`, `{"n":1}`, `"cat"`,
			`[1]`, `null`, `{"kind":null}`, `{"kind":1}`, `{"kind":"CAT"}`, `{"kind":"it's"}`, `{"kind":true}`),
		cases("nums", with(nums), dumpAB, `{"k":1,"v":1}`, `{"k":true,"v":1}`, `{"k":1.0,"v":"x"}`, `{"k":2,"v":"x"}`,
			`{"k":"2","v":1}`, `{"k":"1"}`, `{"k":3}`, `{"k":false}`, `{"k":2.5}`),
		cases("list[pets]", with(T("list", pets)), dumpAB, `[{"kind":"cat","n":1},{"kind":"dog"},{"kind":"x"},1]`),
		cases("Optional[pets]", with(T("optional", pets)), dumpAB, `null`, `{"kind":"cat","n":2}`, `{}`),
		cases("alias disc", with(&Type{Kind: "tagged", Disc: "kind", Items: []*Type{Ref("model", "Al"), Ref("model", "Bl")}}),
			[]Dump{{Mode: "A"}, {Mode: "A", ByAlias: true}}, `{"Kind":"al","v":1}`, `{"kind":"al","v":1}`, `{"Kind":"bl","W":"x"}`,
			`{"Kind":3,"w":1}`, `{"Kind":3.0,"W":"y"}`, `{"Kind":"x"}`),
	)
}
