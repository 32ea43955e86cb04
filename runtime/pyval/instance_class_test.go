package pyval

import "testing"

func TestInstGetAttrOr(t *testing.T) {
	class := IntOf(1)
	inst := NewInstance("Repo")
	if got := InstGetAttrOr(inst, "n", class); got != class {
		t.Fatalf("without an instance attribute: got %v, want the class attribute", got)
	}
	if err := InstSetAttr(inst, "n", IntOf(2)); err != nil {
		t.Fatal(err)
	}
	if got := InstGetAttrOr(inst, "n", class); got != Value(IntOf(2)) {
		t.Fatalf("with an instance attribute: got %v, want 2", got)
	}
}
