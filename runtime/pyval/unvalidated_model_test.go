package pyval

import (
	"errors"
	"testing"

	"github.com/covetpy/covetgen/runtime/validate"
)

// nullTodo is a hand-written NullableModel: title: str and done: bool may hold an
// unvalidated None, note: Optional[str] admits one.
type nullTodo struct {
	title Str
	done  Bool
	note  Value
	set   [3]bool
	null  [3]bool
}

var nullTodoClass = &Class{Name: "Todo", Fields: []ClassField{{Name: "title"}, {Name: "done"}, {Name: "note"}}}

func (o *nullTodo) TypeName() string         { return "Todo" }
func (o *nullTodo) Class() *Class            { return nullTodoClass }
func (o *nullTodo) FieldSet(i int) bool      { return o.set[i] }
func (o *nullTodo) CanHoldNull(i int) bool   { return i < 2 }
func (o *nullTodo) NullField(i int) bool     { return o.null[i] }
func (o *nullTodo) SetNullField(i int)       { o.null[i], o.set[i] = true, true }
func (o *nullTodo) Beneath() Model           { c := *o; c.null = [3]bool{}; return &c }
func (o *nullTodo) Encode(*validate.Encoder) {}
func (o *nullTodo) Field(i int) Value {
	if o.null[i] {
		return None
	}
	return o.TypedField(i)
}
func (o *nullTodo) TypedField(i int) Value {
	switch i {
	case 0:
		return o.title
	case 1:
		return o.done
	}
	return o.note
}

// newNullTodo validates kw strictly (title required).
func newNullTodo(kw *Dict) (Value, error) {
	o := &nullTodo{note: None}
	v, ok := kw.GetStr("title")
	s, isStr := v.(Str)
	if !ok || !isStr {
		return nil, NewException("ValidationError")
	}
	o.title, o.set[0] = s, true
	if v, ok := kw.GetStr("done"); ok {
		b, isBool := v.(Bool)
		if !isBool {
			return nil, NewException("ValidationError")
		}
		o.done, o.set[1] = b, true
	}
	if v, ok := kw.GetStr("note"); ok {
		if _, isStr := v.(Str); !isStr && v != None {
			return nil, NewException("ValidationError")
		}
		o.note, o.set[2] = v, true
	}
	return o, nil
}

// nullPage holds a list of nullTodo (items: list[Todo]); Field(0) points into it.
type nullPage struct{ items []nullTodo }

var nullPageClass = &Class{Name: "Page", Fields: []ClassField{{Name: "items"}}}

func (o *nullPage) TypeName() string         { return "Page" }
func (o *nullPage) Class() *Class            { return nullPageClass }
func (o *nullPage) Encode(*validate.Encoder) {}
func (o *nullPage) Field(int) Value {
	items := make([]Value, len(o.items))
	for i := range o.items {
		items[i] = &o.items[i]
	}
	return &List{Items: items}
}

// newNullPage validates items by revalidating each item's model_dump, as the generated
// constructors do (ValidationInput): a None title fails.
func newNullPage(kw *Dict) (Value, error) {
	v, _ := kw.GetStr("items")
	l, ok := v.(*List)
	if !ok {
		return nil, NewException("ValidationError")
	}
	o := &nullPage{}
	for _, it := range l.Items {
		var kw *Dict
		switch x := it.(type) {
		case Model:
			kw = ModelDump(x)
		case *Dict:
			kw = x
		default:
			return nil, NewException("ValidationError")
		}
		t, err := newNullTodo(kw)
		if err != nil {
			return nil, err
		}
		o.items = append(o.items, *t.(*nullTodo))
	}
	return o, nil
}

func mustNullTodo(t *testing.T, kw *Dict) *nullTodo {
	t.Helper()
	v, err := newNullTodo(kw)
	if err != nil {
		t.Fatal(err)
	}
	return v.(*nullTodo)
}

func TestModelCopyNulls(t *testing.T) {
	base := mustNullTodo(t, DictOf(Str("title"), Str("a")))
	tests := []struct {
		name   string
		update *Dict
		fields []Value // title, done, note as read
		set    [3]bool
	}{
		{"none title stored", DictOf(Str("title"), None), []Value{None, Bool(false), None}, [3]bool{true, false, false}},
		{"none done stored and set", DictOf(Str("done"), None), []Value{Str("a"), None, None}, [3]bool{true, true, false}},
		{"none in optional field", DictOf(Str("note"), None), []Value{Str("a"), Bool(false), None}, [3]bool{true, false, true}},
		{"typed values validated", DictOf(Str("title"), Str("b"), Str("done"), Bool(true)), []Value{Str("b"), Bool(true), None}, [3]bool{true, true, false}},
		{"empty update", &Dict{}, []Value{Str("a"), Bool(false), None}, [3]bool{true, false, false}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			v, err := ModelCopyNulls(base, tc.update, newNullTodo)
			if err != nil {
				t.Fatal(err)
			}
			got := v.(*nullTodo)
			for i, want := range tc.fields {
				if f := got.Field(i); !Eq(f, want) || (want == None) != (f == None) {
					t.Errorf("field %d = %v, want %v", i, f, want)
				}
			}
			if got.set != tc.set {
				t.Errorf("fields set %v, want %v", got.set, tc.set)
			}
		})
	}
}

func TestModelCopyNullsCarriesAndClears(t *testing.T) {
	base := mustNullTodo(t, DictOf(Str("title"), Str("a")))
	v, err := ModelCopyNulls(base, DictOf(Str("title"), None), newNullTodo)
	if err != nil {
		t.Fatal(err)
	}
	// a later copy updating another field keeps the stored None (the typed "a" beneath
	// lets the constructor validate)
	w, err := ModelCopyNulls(v, DictOf(Str("done"), Bool(true)), newNullTodo)
	if err != nil {
		t.Fatal(err)
	}
	if got := w.(*nullTodo); got.Field(0) != None || got.Field(1) != Bool(true) {
		t.Errorf("carried copy = %v, %v", got.Field(0), got.Field(1))
	}
	// updating the field replaces the None
	x, err := ModelCopyNulls(w, DictOf(Str("title"), Str("c")), newNullTodo)
	if err != nil {
		t.Fatal(err)
	}
	if got := x.(*nullTodo); got.Field(0) != Str("c") || got.NullField(0) {
		t.Errorf("replaced copy = %v", got.Field(0))
	}
	// the source is unchanged
	if v.(*nullTodo).Field(0) != None || base.Field(0) != Str("a") {
		t.Error("copy changed its source")
	}
}

func TestModelCopyNullsErrors(t *testing.T) {
	var exc *Exception
	if _, err := ModelCopyNulls(Int{}, &Dict{}, newNullTodo); !errors.As(err, &exc) || exc.Class != "AttributeError" {
		t.Errorf("copy of an int: %v", err)
	}
	base := mustNullTodo(t, DictOf(Str("title"), Str("a")))
	if _, err := ModelCopyNulls(base, DictOf(Str("nope"), Int{}), newNullTodo); !errors.As(err, &exc) || exc.Class != "TypeError" {
		t.Errorf("copy with a key that is no field: %v", err)
	}
	// a non-None misfit goes through validation (the translator never passes one)
	if _, err := ModelCopyNulls(base, DictOf(Str("done"), Str("x")), newNullTodo); !errors.As(err, &exc) || exc.Class != "ValidationError" {
		t.Errorf("copy with a str for a bool: %v", err)
	}
}

func TestKeepNulls(t *testing.T) {
	a := mustNullTodo(t, DictOf(Str("title"), Str("a")))
	bv, err := ModelCopyNulls(a, DictOf(Str("title"), None, Str("done"), None), newNullTodo)
	if err != nil {
		t.Fatal(err)
	}
	kw := DictOf(Str("items"), &List{Items: []Value{a, bv}})
	if _, err := newNullPage(kw); err == nil {
		t.Fatal("revalidating a stored None should fail without KeepNulls")
	}
	p, err := KeepNulls(kw, newNullPage)
	if err != nil {
		t.Fatal(err)
	}
	items := p.(*nullPage).Field(0).(*List).Items
	if items[0].(Model).Field(0) != Str("a") || items[1].(Model).Field(0) != None || items[1].(Model).Field(1) != None {
		t.Errorf("page items = %v, %v", items[0].(Model).Field(0), items[1].(Model).Field(0))
	}
	// kw is untouched and its instances still hold their Nones
	if bv.(*nullTodo).Field(0) != None || kw.vals[0].(*List).Items[1] != bv {
		t.Error("KeepNulls changed its input")
	}
	// nothing stored: the constructor sees kw itself
	if _, err := KeepNulls(DictOf(Str("items"), &List{Items: []Value{a}}), newNullPage); err != nil {
		t.Fatal(err)
	}
}

func TestRestoreNullsLost(t *testing.T) {
	a := mustNullTodo(t, DictOf(Str("title"), Str("a")))
	bv, err := ModelCopyNulls(a, DictOf(Str("title"), None), newNullTodo)
	if err != nil {
		t.Fatal(err)
	}
	view, changed := BeneathView(&List{Items: []Value{a, bv}})
	if !changed {
		t.Fatal("BeneathView found no stored None")
	}
	if d, ok := view.(*List).Items[1].(*Dict); !ok || !Eq(d.vals[0], Str("a")) {
		t.Errorf("beneath dump = %v", view.(*List).Items[1])
	}
	if _, changed := BeneathView(&List{Items: []Value{a}}); changed {
		t.Error("BeneathView changed a list without stored None")
	}
	var exc *Exception
	// the copy is of another class, or the list lost an item: the None has nowhere to go
	for _, dst := range []Value{&List{Items: []Value{a, &nullPage{}}}, &List{Items: []Value{a}}, Tuple{a, a}} {
		if err := RestoreNulls(&List{Items: []Value{a, bv}}, dst); !errors.As(err, &exc) || exc.Class != "TypeError" {
			t.Errorf("RestoreNulls into %v: %v", dst, err)
		}
	}
	c := mustNullTodo(t, DictOf(Str("title"), Str("a")))
	if err := RestoreNulls(&List{Items: []Value{a, bv}}, &List{Items: []Value{a, c}}); err != nil || c.Field(0) != None {
		t.Errorf("RestoreNulls into a copy: %v, %v", err, c.Field(0))
	}
}

func TestOptEnumAttr(t *testing.T) {
	c := NewEnumClass("Priority", "main.Priority", "str", []string{"low"}, []Value{Str("lo")})
	for _, tc := range []struct {
		v          Value
		attr, want string
	}{{c.Member(0), "value", "'lo'"}, {c.Member(0), "name", "'low'"}, {None, "value", "AttributeError: 'NoneType' object has no attribute 'value'"}} {
		got, err := OptEnumAttr(tc.v, tc.attr)
		s := ""
		if err != nil {
			s = err.Error()
		} else {
			r, _ := Repr(got)
			s = string(r)
		}
		if s != tc.want {
			t.Errorf("OptEnumAttr(%v, %s) = %s, want %s", tc.v, tc.attr, s, tc.want)
		}
	}
}
