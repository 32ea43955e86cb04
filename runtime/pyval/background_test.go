package pyval

import (
	"errors"
	"fmt"
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

// TestWithBackground checks background= of a response object: its own tasks replace the
// parameter's (an empty BackgroundTasks too), None leaves them.
func TestWithBackground(t *testing.T) {
	var ran []string
	task := func(name string) func() error { return func() error { ran = append(ran, name); return nil } }
	for _, tt := range []struct {
		name string
		bg   func() Value
		want []string
	}{
		{"none", func() Value { return None }, []string{"param"}},
		{"tasks", func() Value { b := NewBackgroundTasks(); AddTask(b, task("own")); return b }, []string{"own"}},
		{"empty-tasks", func() Value { return NewBackgroundTasks() }, nil},
		{"task", func() Value { return NewBackgroundTask(task("one")) }, []string{"one"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ran = nil
			var out response.Out
			out.Tasks.Add(task("param"))
			resp, err := NewResponse("JSONResponse", IntValue(1), nil, nil, nil)
			if err != nil {
				t.Fatal(err)
			}
			resp, err = WithBackground(resp, tt.bg())
			if err != nil {
				t.Fatal(err)
			}
			if err := out.Send(resp.(*ResponseObj).Resp()); err != nil {
				t.Fatal(err)
			}
			if err := out.Response().Background.Run(); err != nil {
				t.Fatal(err)
			}
			if fmt.Sprint(ran) != fmt.Sprint(tt.want) {
				t.Errorf("ran %v, want %v", ran, tt.want)
			}
		})
	}
	if _, err := WithBackground(Str("x"), None); err == nil {
		t.Error("background of a str: no error")
	}
	if _, err := WithBackground(must(NewResponse("Response", None, nil, nil, nil)), Str("x")); err == nil {
		t.Error("background=str: no error")
	}
}

func must(v Value, err error) Value {
	if err != nil {
		panic(err)
	}
	return v
}
