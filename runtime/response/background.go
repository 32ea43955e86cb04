package response

// BackgroundTasks is FastAPI's BackgroundTasks: functions run in order
// after the response has been sent. A task returning an error stops the
// remaining ones, as an exception does in Starlette.
type BackgroundTasks struct {
	tasks []func() error
}

// Add is background_tasks.add_task(fn).
func (b *BackgroundTasks) Add(fn func() error) { b.tasks = append(b.tasks, fn) }

// Len is the number of queued tasks.
func (b *BackgroundTasks) Len() int {
	if b == nil {
		return 0
	}
	return len(b.tasks)
}

// Run runs the tasks in order and returns the first error.
func (b *BackgroundTasks) Run() error {
	if b == nil {
		return nil
	}
	for _, t := range b.tasks {
		if err := t(); err != nil {
			return err
		}
	}
	return nil
}

func (b *BackgroundTasks) reset() {
	clear(b.tasks) // the closures and what they captured are not kept for the next request
	b.tasks = b.tasks[:0]
}
