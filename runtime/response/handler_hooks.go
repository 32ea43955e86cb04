package response

// Hooks of a KindHandler response's Handler (a FileResponse an endpoint returned, in
// runtime/static): what it must check before the response starts, and whether its
// answer skips the response's background tasks.

// Preparer is a Handler with checks to run before anything is sent: its error is the
// endpoint's exception (a 500 when nothing else handles it).
type Preparer interface{ Prepare() error }

// BackgroundSkipper is a Handler that, once it has served, may report that the
// response's background tasks must not run (Starlette's FileResponse answering a bad
// Range header returns before running them).
type BackgroundSkipper interface{ SkipsBackground() bool }

// prepareHandler runs the Handler's Prepare, if it has one.
func prepareHandler(r *Response) error {
	if r.Kind != KindHandler {
		return nil
	}
	if p, ok := r.Handler.(Preparer); ok {
		return p.Prepare()
	}
	return nil
}

// skipBackground drops r's background tasks when its Handler says they must not run.
func skipBackground(r *Response) {
	if s, ok := r.Handler.(BackgroundSkipper); ok && s.SkipsBackground() {
		r.Background = nil
	}
}
