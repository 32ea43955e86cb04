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

// NewBackgroundTasks is BackgroundTasks() built by a body: tasks of its own, which run
// only when it is a returned response's background.
func NewBackgroundTasks() *BackgroundParam {
	return &BackgroundParam{t: &response.BackgroundTasks{}}
}

// BackgroundTaskObj is Starlette's BackgroundTask(fn, *args, **kwargs) built by a body:
// one call, run when it is a returned response's background.
type BackgroundTaskObj struct{ t *response.BackgroundTasks }

// TypeName is "BackgroundTask".
func (*BackgroundTaskObj) TypeName() string { return "BackgroundTask" }

// NewBackgroundTask is BackgroundTask(fn, ...): task is the call with its arguments bound.
func NewBackgroundTask(task func() error) *BackgroundTaskObj {
	t := &response.BackgroundTasks{}
	t.Add(task)
	return &BackgroundTaskObj{t: t}
}

// WithBackground sets the background of a response object a body built (the background=
// argument of its class): a BackgroundTasks (the parameter or one the body built) or a
// BackgroundTask runs after it is sent instead of the BackgroundTasks parameter's tasks,
// as FastAPI gives the parameter's tasks only to a response whose background is None.
// None changes nothing.
func WithBackground(resp, background Value) (Value, error) {
	ro, ok := resp.(*ResponseObj)
	if !ok {
		return nil, raise("TypeError", "background of a '"+typeNameOf(resp)+"' object")
	}
	switch b := background.(type) {
	case NoneType:
	case *BackgroundParam:
		ro.r.Background = b.t
	case *BackgroundTaskObj:
		ro.r.Background = b.t
	default:
		return nil, raise("TypeError", "'"+typeNameOf(background)+"' object is not callable")
	}
	return resp, nil
}
