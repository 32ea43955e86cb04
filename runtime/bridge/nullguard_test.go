package bridge

import (
	"errors"
	"strings"
	"testing"

	"github.com/covetpy/covetgen/runtime/pyval"
	"github.com/covetpy/covetgen/runtime/validate"
)

// nullNote is a pyval.NullableModel with one field, title, holding a stored None when null.
type nullNote struct{ null bool }

var nullNoteClass = &pyval.Class{Name: "Note", Qual: "m:Note", Fields: []pyval.ClassField{{Name: "title"}}}

func (o *nullNote) TypeName() string         { return "Note" }
func (o *nullNote) Class() *pyval.Class      { return nullNoteClass }
func (o *nullNote) Encode(*validate.Encoder) {}
func (o *nullNote) CanHoldNull(i int) bool   { return i == 0 }
func (o *nullNote) NullField(i int) bool     { return i == 0 && o.null }
func (o *nullNote) SetNullField(i int)       { o.null = true }
func (o *nullNote) TypedField(int) pyval.Value {
	return pyval.Str("t")
}
func (o *nullNote) Beneath() pyval.Model { return &nullNote{} }
func (o *nullNote) Field(i int) pyval.Value {
	if o.null {
		return pyval.None
	}
	return o.TypedField(i)
}

func TestNullGuard(t *testing.T) {
	b, err := Encode(nil, &nullNote{})
	if err != nil || !strings.Contains(string(b), `"title":"t"`) {
		t.Errorf("instance without a stored None: %s, %v", b, err)
	}
	if _, err := Encode(nil, &nullNote{null: true}); !errors.Is(err, ErrUnsupportedArg) || !strings.Contains(err.Error(), "field title") {
		t.Errorf("instance holding a stored None: %v", err)
	}
}
