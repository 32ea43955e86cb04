package response

import (
	"github.com/covetpy/covetgen/runtime/pyjson"
	"github.com/covetpy/covetgen/runtime/validate"
)

// InternalServerError is ServerErrorMiddleware's plain 500.
func InternalServerError() *Response {
	return PlainTextResponse(500, "Internal Server Error", nil)
}

// FromHTTPException is FastAPI's http_exception_handler. A nil detail with a
// status Python has no phrase for fails as HTTPException(599) does: the
// error means a 500.
func FromHTTPException(e *HTTPException) (*Response, error) {
	if !BodyAllowed(e.Status) {
		return New(e.Status, []byte{}, "", e.Headers), nil
	}
	body := make([]byte, 0, 64)
	body = append(body, `{"detail":`...)
	var err error
	if e.Detail == nil {
		phrase, ok := Phrase(e.Status)
		if !ok {
			return nil, &pyjson.EncodeError{Msg: "ValueError: not a valid HTTPStatus"}
		}
		body, err = pyjson.AppendString(body, phrase)
	} else {
		body, err = AppendJSONable(body, e.Detail)
	}
	if err != nil {
		return nil, err
	}
	body = append(body, '}')
	return JSONResponse(e.Status, body, e.Headers), nil
}

// FromValidationErrors is FastAPI's request_validation_exception_handler:
// 422 {"detail": [...]}. An unencodable error input is a 500.
func FromValidationErrors(errs []*validate.Error) (*Response, error) {
	body, err := validate.AppendDetail(make([]byte, 0, 128*len(errs)+16), errs)
	if err != nil {
		return nil, err
	}
	return JSONResponse(422, body, nil), nil
}

// NotFound is the 404 a FastAPI app answers for an unknown path.
func NotFound() *Response {
	return JSONResponse(404, []byte(`{"detail":"Not Found"}`), nil)
}

// MethodNotAllowed is the 405 for a path matched with another method.
func MethodNotAllowed(allow string) *Response {
	return JSONResponse(405, []byte(`{"detail":"Method Not Allowed"}`), Headers{{"allow", allow}})
}
