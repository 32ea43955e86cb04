package pyval

import "github.com/covetpy/covetgen/runtime/response"

// FastAPI's BackgroundTasks parameter in translated bodies: the endpoint and its
// dependencies share the request's one object (response.Out's Tasks), and
// tasks.add_task(fn, *args, **kwargs) queues the call of a translated app function, its
// arguments evaluated when add_task runs. The router runs the tasks in order once the
// response is sent (Starlette's BackgroundTasks); a task that raises stops the later
// ones and is logged as an unhandled exception, the response being already sent.

// BackgroundParam is the BackgroundTasks parameter of a translated function.
type BackgroundParam struct{ t *response.BackgroundTasks }

// TypeName is "BackgroundTasks".
func (*BackgroundParam) TypeName() string { return "BackgroundTasks" }

// BackgroundOf wraps the request's background tasks.
func BackgroundOf(t *response.BackgroundTasks) *BackgroundParam { return &BackgroundParam{t: t} }

// AddTask is tasks.add_task(...): task is the call of the function with the arguments
// already bound. It returns None.
func AddTask(tasks Value, task func() error) (Value, error) {
	b, ok := tasks.(*BackgroundParam)
	if !ok || b.t == nil {
		return nil, raise("AttributeError", "'"+typeNameOf(tasks)+"' object has no attribute 'add_task'")
	}
	b.t.Add(task)
	return None, nil
}
