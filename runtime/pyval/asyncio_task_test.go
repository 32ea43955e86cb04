package pyval

import (
	"errors"
	"testing"
)

func TestTaskGroup(t *testing.T) {
	g := NewTaskGroup()
	var order []int
	a := g.Add(func() (Value, error) { order = append(order, 1); return IntValue(1), nil })
	if _, err := TaskResult(a); err == nil || err.(*Exception).Class != "InvalidStateError" {
		t.Fatalf("result before Wait: %v", err)
	}
	b := g.Add(func() (Value, error) { order = append(order, 2); return nil, KeyError(Str("k")) })
	c := g.Add(func() (Value, error) { order = append(order, 3); return nil, raise("ValueError", "v") })
	err := g.Wait()
	var e *Exception
	if !errors.As(err, &e) || e.Class != "ExceptionGroup" || e.Msg != "unhandled errors in a TaskGroup (2 sub-exceptions)" {
		t.Fatalf("Wait: %v", err)
	}
	if len(order) != 3 || order[0] != 1 || order[2] != 3 {
		t.Fatalf("order %v", order)
	}
	if v, err := TaskResult(a); err != nil || v != IntValue(1) {
		t.Fatalf("a: %v %v", v, err)
	}
	if _, err := TaskResult(b); err == nil || err.(*Exception).Class != "KeyError" {
		t.Fatalf("b: %v", err)
	}
	if _, err := TaskResult(c); err == nil {
		t.Fatal("c: no error")
	}
	if err := NewTaskGroup().Wait(); err != nil {
		t.Fatalf("empty group: %v", err)
	}
}
