package pyval

import "strconv"

// Task is an asyncio.Task made by TaskGroup.create_task in a translated body: the
// coroutine runs when the group's block ends (TaskGroup.Wait), which sets its result.
type Task struct {
	run    func() (Value, error)
	done   bool
	result Value
	err    error
}

// TypeName is "Task".
func (*Task) TypeName() string { return "Task" }

// TaskGroup is an asyncio.TaskGroup of a translated body: the tasks created in its block,
// in creation order.
type TaskGroup struct{ tasks []*Task }

// NewTaskGroup returns an empty group.
func NewTaskGroup() *TaskGroup { return &TaskGroup{} }

// Add creates the task of a coroutine (run: its body, called at Wait).
func (g *TaskGroup) Add(run func() (Value, error)) *Task {
	t := &Task{run: run}
	g.tasks = append(g.tasks, t)
	return t
}

// Wait runs every task in creation order and sets its result; when some raised it
// returns the ExceptionGroup asyncio raises ("unhandled errors in a TaskGroup (N
// sub-exception[s])"), whatever the tasks raised (an HTTPException included).
func (g *TaskGroup) Wait() error {
	n := 0
	for _, t := range g.tasks {
		t.result, t.err = t.run()
		t.done, t.run = true, nil
		if t.err != nil {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	msg := "unhandled errors in a TaskGroup (" + strconv.Itoa(n) + " sub-exception"
	if n > 1 {
		msg += "s"
	}
	msg += ")"
	return &Exception{Class: "ExceptionGroup", Args: []Value{Str("unhandled errors in a TaskGroup")}, Msg: msg}
}

// TaskResult is task.result(): the coroutine's value or the exception it raised;
// asyncio's InvalidStateError before it ran.
func TaskResult(v Value) (Value, error) {
	t, ok := v.(*Task)
	if !ok {
		return nil, raise("AttributeError", "'"+v.TypeName()+"' object has no attribute 'result'")
	}
	if !t.done {
		return nil, raise("InvalidStateError", "Result is not set.")
	}
	return t.result, t.err
}
