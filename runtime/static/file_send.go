package static

// What runtime/response asks of a FileResponse an endpoint returned (a KindHandler
// response): the file looked up before anything is sent, so that a missing one is the
// endpoint's 500, and whether the response's background tasks run after it.

// Prepare is Stat: the RuntimeError Starlette raises for a missing or irregular file,
// raised before the response starts (response.Response.Prepare calls it).
func (f *FileResponse) Prepare() error { return f.Stat() }

// SkipsBackground reports, after ServeHTTP, that the response answered a bad Range header
// with a 400 or a 416: Starlette's FileResponse returns that error response without
// running its own background tasks.
func (f *FileResponse) SkipsBackground() bool { return f.rangeAnswered }
