package asgen

import (
	"fmt"
	"strings"
	"testing"

	"github.com/covetpy/covetgen/runtime/pyjson"
	"github.com/covetpy/covetgen/runtime/validate"
	. "github.com/covetpy/covetgen/runtime/validate/internal/spec"
)

// The spec descriptions of the hand-written models: pydantic builds the
// models from them (the oracle) and the interpreter runs them too.

func def(s string) []byte { return []byte(s) }

var orderSchema = &Schema{
	Models: []Model{
		{Name: "Customer", Fields: []Field{
			{Name: "name", Type: &Type{Kind: "str", Strip: true, MinLen: N(1), MaxLen: N(50)}},
			{Name: "email", Type: &Type{Kind: "str", Pattern: `^[^@\s]+@[^@\s]+$`}},
		}},
		{Name: "LineItem", Fields: []Field{
			{Name: "sku", Type: &Type{Kind: "str", Pattern: `^[A-Z]{3}-[0-9]+$`}},
			{Name: "qty", Type: &Type{Kind: "int", Ge: "1", Le: "1000"}},
			{Name: "unit_price", Type: &Type{Kind: "decimal", MaxDigits: N(10), Places: N(2)}},
			{Name: "discount", Type: &Type{Kind: "float", Ge: "0", Le: "1"}, Default: def("0.0")},
		}},
		{Name: "Order", Fields: []Field{
			{Name: "id", Type: &Type{Kind: "int", Gt: "0"}},
			{Name: "customer", Type: Ref("model", "Customer")},
			{Name: "lines", Type: &Type{Kind: "list", Items: []*Type{Ref("model", "LineItem")}, MinLen: N(1), MaxLen: N(100)}},
			{Name: "note", Type: T("optional", T("str")), Default: def("null")},
			{Name: "created", Type: T("datetime")},
			{Name: "paid", Type: T("bool"), Default: def("false")},
		}},
	},
	Root: Ref("model", "Order"),
}

var shape = &Type{Kind: "tagged", Disc: "kind", Items: []*Type{Ref("model", "Circle"), Ref("model", "Rect"), Ref("model", "Poly")}}

var drawingSchema = &Schema{
	Models: []Model{
		{Name: "Circle", Fields: []Field{{Name: "kind", Type: Lit("circle")}, {Name: "r", Type: &Type{Kind: "float", Gt: "0"}}}},
		{Name: "Rect", Fields: []Field{{Name: "kind", Type: Lit("rect", "square")}, {Name: "w", Type: T("float")},
			{Name: "h", Type: T("float"), Default: def("1.0")}}},
		{Name: "Poly", Fields: []Field{{Name: "kind", Type: Lit("poly")},
			{Name: "points", Type: &Type{Kind: "list", Items: []*Type{T("tuplefix", T("float"), T("float"))}, MinLen: N(3)}}}},
		{Name: "Drawing", Fields: []Field{{Name: "title", Type: T("str")}, {Name: "shapes", Type: T("list", shape)},
			{Name: "main", Type: T("optional", shape), Default: def("null")}}},
	},
	Root: Ref("model", "Drawing"),
}

var configSchema = &Schema{
	Enums: []Enum{{Name: "Level", Values: []any{1, 2, 3}, Int: true}, {Name: "Color", Values: []any{"red", "green"}}},
	Models: []Model{{Name: "Config", Extra: "forbid", PopulateByName: true, Fields: []Field{
		{Name: "mode", Type: Lit("fast", "slow", 0), Default: def(`"fast"`)},
		{Name: "level", Type: Ref("enum", "Level")},
		{Name: "color", Type: Ref("enum", "Color"), Alias: "colour"},
		{Name: "limits", Type: &Type{Kind: "dict", Items: []*Type{T("str"), {Kind: "int", Ge: "0"}}, MaxLen: N(3)}, Factory: "dict"},
		{Name: "window", Type: T("tuplefix", T("int"), T("int"))},
		{Name: "ratio", Type: T("optional", T("float")), Default: def("null")},
		{Name: "value", Type: T("union", T("int"), T("str"), T("list", T("int"))), Default: def("0")},
		{Name: "ids", Type: T("frozenset", T("int")), Default: def("[]")},
	}}},
	Root: Ref("model", "Config"),
}

var dumps = []Dump{{Mode: "A"}, {Mode: "B"}, {Mode: "A", ByAlias: true, ExcludeUnset: true}, {Mode: "A", ExcludeDefaults: true},
	{Mode: "B", ExcludeNone: true}, {Mode: "A", Exclude: map[string]any{"lines": map[string]any{"__all__": map[string]any{"qty": true}}}}}

// typed runs a hand-written decoder and encoder on a case.
func typed[T any](decode validate.Decoder[T], encode func(*T, *validate.Encoder)) func(c *Case) Answer {
	return func(c *Case) Answer {
		d, err := pyjson.Parse([]byte(c.In))
		if err != nil {
			panic(err)
		}
		s := validate.NewState()
		var v T
		if !decode(s, d.Root(), &v) {
			return Answer{Err: ErrorsJSON(s.Errors())}
		}
		out := []string{}
		for _, dm := range c.Dumps {
			mode, opts := dm.Options()
			var e validate.Encoder
			e.Reset(mode, opts)
			encode(&v, &e)
			if e.Err != nil {
				out = append(out, "ENCODE_ERROR")
			} else {
				out = append(out, string(e.Buf))
			}
		}
		return Answer{Out: out}
	}
}

const goodOrder = `{"id":1,"customer":{"name":"  Ada ","email":"ada@example.com"},"lines":[{"sku":"ABC-1","qty":2,"unit_price":"9.99"},{"sku":"XYZ-22","qty":"3","unit_price":1.5,"discount":0.25}],"created":"2024-01-02T03:04:05Z"}`

func orderInputs() []string {
	ins := []string{goodOrder,
		`{"id":"7","customer":{"name":"B","email":"b@c"},"lines":[{"sku":"AAA-0","qty":1000,"unit_price":"0.01","discount":1}],"note":"hi","created":1700000000,"paid":"yes"}`,
		`{"id":0,"customer":{"name":"   ","email":"x"},"lines":[],"created":"2024-13-01"}`,
		`{"id":1,"customer":{},"lines":[{"sku":"abc-1","qty":0,"unit_price":"123456789.999","discount":1.5},{}],"created":"2024-01-02"}`,
		`{"id":-1,"customer":"ada","lines":"x","note":1,"created":null,"paid":2}`,
		`{}`, `[]`, `null`, `"order"`, `1`,
		`{"id":1,"customer":{"name":"A","email":"a@b"},"lines":[1,null,"x",[]],"created":"2024-01-02T03:04:05+01:00"}`,
		`{"id":1e400,"customer":{"name":"A","email":"a@b","extra":1},"lines":[{"sku":"ABC-1","qty":1,"unit_price":"NaN"}],"created":"2024-01-02"}`,
		`{"id":1,"customer":{"name":"A","email":"a@b"},"lines":[{"sku":"ABC-1","qty":1,"unit_price":"1.234"},{"sku":"ABC-1","qty":1.5,"unit_price":"10000000000"}],"created":"x"}`,
		`{"id":123456789012345678901234567890,"customer":{"name":"` + strings.Repeat("n", 51) + `","email":"a b@c"},"lines":[{"sku":"ABC-1","qty":true,"unit_price":2,"discount":"0.5"}],"created":"2024-01-02T03:04:05.123456789","note":null,"paid":0}`,
	}
	many := make([]string, 101)
	for i := range many {
		many[i] = fmt.Sprintf(`{"sku":"ABC-%d","qty":1,"unit_price":"1"}`, i)
	}
	ins = append(ins, `{"id":1,"customer":{"name":"A","email":"a@b"},"lines":[`+strings.Join(many, ",")+`],"created":"2024-01-02"}`)
	ins = append(ins, `{"id":1,"customer":{"name":"A","email":"a@b"},"lines":[`+strings.Join(many[:100], ",")+`],"created":"2024-01-02","lines":[{"sku":"QQQ-1","qty":9,"unit_price":"9"}]}`)
	return ins
}

func drawingInputs() []string {
	return []string{
		`{"title":"t","shapes":[{"kind":"circle","r":1},{"kind":"square","w":"2"},{"kind":"poly","points":[[0,0],[1,0],["0.5",1e-7]]}],"main":{"kind":"rect","w":1,"h":2}}`,
		`{"title":"t","shapes":[]}`,
		`{"title":1,"shapes":[{"kind":"circle","r":0},{"kind":"tri"},{"r":1},"x",{"kind":"poly","points":[[0],[1,2,3],"ab"]}],"main":[]}`,
		`{"title":"t","shapes":[{"kind":"poly","points":[[0,0]]}],"main":null}`,
		`{"title":"t","shapes":{"kind":"circle"},"main":{"kind":null}}`,
		`{"title":"t","shapes":[{"kind":"circle","r":-1,"extra":1},{"kind":["circle"]},{"kind":1.5}]}`,
		`{"title":"t","shapes":[{"kind":"rect","w":1,"h":1.0},{"kind":"rect","w":1e400,"h":1}]}`,
		`{}`, `[1]`,
	}
}

func configInputs() []string {
	return []string{
		`{"level":1,"colour":"red","window":[1,2]}`,
		`{"mode":"slow","level":"2","color":"green","limits":{"a":1,"b":"2"},"window":["3",4.0],"ratio":0.5,"value":"x","ids":[3,1,2,1]}`,
		`{"mode":0,"level":3,"colour":"red","color":"green","window":[1,2],"value":[1,"2"]}`,
		`{"mode":false,"level":2.0,"colour":"blue","limits":{"a":-1,"b":1,"c":1,"d":1},"window":[1],"ratio":"x","value":[1,"x"],"ids":"x"}`,
		`{"mode":"FAST","level":4,"limits":[],"window":[1,2,3],"value":null,"ids":[1,"x"],"other":1}`,
		`{"level":true,"colour":"red","window":{},"value":1.0,"ratio":null}`,
		`{"level":1,"colour":"red","window":[1,2],"value":"1","limits":{"a":1,"b":2,"c":3,"d":"x"}}`,
		`{"level":1,"colour":"red","window":[1,2],"value":1.5}`,
		`{}`, `"x"`, `{"zzz":1,"level":1}`,
	}
}

func runAll(t *testing.T, schema *Schema, ins []string, impl func(c *Case) Answer) {
	t.Helper()
	cs := make([]Case, len(ins))
	for i, in := range ins {
		cs[i] = Case{Name: schema.Root.Ref, Schema: schema, In: in, Dumps: dumps}
	}
	want := Oracle(t, cs)
	interp := NewInterp(schema)
	n1 := Compare(t, cs, want, interp.Run)
	n2 := Compare(t, cs, want, impl)
	t.Logf("%s: %d cases; interpreter %d match, hand-written %d match", schema.Root.Ref, len(cs), n1, n2)
}

func TestOrderMatchesPydantic(t *testing.T) {
	runAll(t, orderSchema, orderInputs(), typed(DecodeOrder, (*Order).Encode))
}

func TestDrawingMatchesPydantic(t *testing.T) {
	runAll(t, drawingSchema, drawingInputs(), typed(DecodeDrawing, (*Drawing).Encode))
}

func TestConfigMatchesPydantic(t *testing.T) {
	runAll(t, configSchema, configInputs(), typed(DecodeConfig, (*Config).Encode))
}
