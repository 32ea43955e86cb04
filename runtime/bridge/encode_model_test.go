package bridge

import (
	"testing"

	"github.com/covetpy/covetgen/runtime/pyval"
	"github.com/covetpy/covetgen/runtime/validate"
)

// testModel is a model as covetgen generates one: a class, typed fields (here pyval
// values), and the fields set.
type testModel struct {
	class  *pyval.Class
	fields []pyval.Value
	set    []bool // nil: the model does not know its fields set
}

func (m *testModel) TypeName() string           { return m.class.Name }
func (m *testModel) Class() *pyval.Class        { return m.class }
func (m *testModel) Field(i int) pyval.Value    { return m.fields[i] }
func (m *testModel) Encode(e *validate.Encoder) {}
func (m *testModel) FieldSet(i int) bool        { return m.set[i] }

type testModelNoSet struct{ *testModel }

func (m testModelNoSet) FieldSet() {} // not the FieldSet(int) bool of a generated model

func TestEncodeModel(t *testing.T) {
	customer := &pyval.Class{Name: "Customer", Qual: "main:Customer", Fields: []pyval.ClassField{{Name: "name"}, {Name: "email"}}}
	order := &pyval.Class{Name: "Order", Qual: "main:Order", Fields: []pyval.ClassField{{Name: "order_id"}, {Name: "customer"}, {Name: "note"}, {Name: "tags"}}}
	local := &pyval.Class{Name: "Local", Fields: []pyval.ClassField{{Name: "x"}}}
	cust := &testModel{class: customer, fields: []pyval.Value{pyval.Str("Ada"), pyval.Str("a@b")}, set: []bool{true, true}}
	tests := []struct {
		name string
		v    pyval.Value
		want string
	}{
		{"nested, fields set only, in class order",
			&testModel{class: order, fields: []pyval.Value{pyval.IntOf(7), cust, pyval.None, &pyval.List{Items: []pyval.Value{pyval.Str("a")}}},
				set: []bool{true, true, false, true}},
			`{"$t":"model","cls":"main:Order","v":{"order_id":7,"customer":{"$t":"model","cls":"main:Customer","v":{"name":"Ada","email":"a@b"}},"tags":["a"]}}`},
		{"nothing set", &testModel{class: customer, fields: []pyval.Value{pyval.Str("Ada"), pyval.Str("a@b")}, set: []bool{false, false}},
			`{"$t":"model","cls":"main:Customer","v":{}}`},
		{"fields set unknown: all", testModelNoSet{&testModel{class: local, fields: []pyval.Value{pyval.Float(1)}}},
			`{"$t":"model","cls":"Local","v":{"x":1.0}}`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Encode(nil, tc.v)
			if err != nil || string(got) != tc.want {
				t.Errorf("got %s (%v), want %s", got, err, tc.want)
			}
		})
	}
}
