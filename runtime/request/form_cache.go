package request

// formCache is request.form()'s result for one request: Starlette's Request keeps the
// FormData it parsed (request._form) and every later request.form() returns it, the
// same UploadFile objects included (their read positions too).
type formCache struct {
	form   *Form
	err    error
	parsed bool
}
