package pyval

import (
	"testing"

	"github.com/covetpy/covetgen/runtime/validate"
)

// twoFields is a model (or dataclass) with fields a=1 and b='x'.
type twoFields struct{ class *Class }

func (m twoFields) TypeName() string       { return m.class.Name }
func (m twoFields) Class() *Class          { return m.class }
func (twoFields) Encode(*validate.Encoder) {}
func (twoFields) Field(i int) Value {
	if i == 0 {
		return IntOf(1)
	}
	return Str("x")
}

// TestDataclassValue checks what a dataclass does differently from a model: str() is
// repr() (CPython: "D(a=1, b='x')", a model's str is "a=1 b='x'"), and it is not iterable.
func TestDataclassValue(t *testing.T) {
	fields := []ClassField{{Name: "a"}, {Name: "b"}}
	model := twoFields{&Class{Name: "M", Fields: fields}}
	dc := twoFields{&Class{Name: "D", Fields: fields, Dataclass: true}}
	if s, err := StrOf(model); err != nil || s != "a=1 b='x'" {
		t.Errorf("str(model) = %q, %v", s, err)
	}
	if s, err := StrOf(dc); err != nil || s != "D(a=1, b='x')" {
		t.Errorf("str(dataclass) = %q, %v", s, err)
	}
	if r, _ := Repr(dc); r != "D(a=1, b='x')" {
		t.Errorf("repr(dataclass) = %q", r)
	}
	if _, err := Iterate(model); err != nil {
		t.Errorf("iter(model): %v", err)
	}
	if _, err := Iterate(dc); err == nil || err.(*Exception).Msg != "'D' object is not iterable" {
		t.Errorf("iter(dataclass): %v", err)
	}
	if _, err := Contains(dc, Str("a")); err == nil || err.(*Exception).Msg != "argument of type 'D' is not iterable" {
		t.Errorf("'a' in dataclass: %v", err)
	}
}
