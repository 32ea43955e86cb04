package pyval

import (
	"errors"
	"testing"

	"github.com/covetpy/covetgen/runtime/response"
)

func TestAddTask(t *testing.T) {
	var tasks response.BackgroundTasks
	p := BackgroundOf(&tasks)
	if p.TypeName() != "BackgroundTasks" {
		t.Fatalf("TypeName %q", p.TypeName())
	}
	var ran []string
	boom := raise("ValueError", "boom")
	for _, step := range []struct {
		name string
		err  error
	}{{"a", nil}, {"b", boom}, {"c", nil}} {
		v, err := AddTask(p, func() error { ran = append(ran, step.name); return step.err })
		if err != nil || v != None {
			t.Fatalf("AddTask = %v, %v; want None", v, err)
		}
	}
	if len(ran) != 0 || tasks.Len() != 3 {
		t.Fatalf("tasks ran before the response (%v) or were not queued (%d)", ran, tasks.Len())
	}
	// In order; the task that raises stops the later ones (Starlette's BackgroundTasks).
	if err := tasks.Run(); !errors.Is(err, boom) {
		t.Fatalf("Run = %v, want %v", err, boom)
	}
	if len(ran) != 2 || ran[0] != "a" || ran[1] != "b" {
		t.Fatalf("ran %v, want [a b]", ran)
	}
}

func TestAddTaskNotTasks(t *testing.T) {
	_, err := AddTask(Str("x"), func() error { return nil })
	var e *Exception
	if !errors.As(err, &e) || e.Error() == "" {
		t.Fatalf("err %v, want AttributeError", err)
	}
	if !e.IsInstance("AttributeError") {
		t.Fatalf("err %v, want AttributeError", e)
	}
}
