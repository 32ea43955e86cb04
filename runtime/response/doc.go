// Package response produces the responses of a FastAPI app, byte for byte:
// Starlette's response classes and their header rules, FastAPI's JSON
// encodings, HTTPException and validation-error bodies, the Response
// parameter, cookies and background tasks.
//
// A generated endpoint receives an [*Out], the per-request response state,
// and ends with one of
//
//	return out.JSON(status, body)       // the route's default JSONResponse; body already encoded
//	return out.Value(status, v)         // path B for a dynamic value (jsonable_encoder + json.dumps)
//	return out.Content(status, mt, b)   // a non-JSON response_class (HTMLResponse, PlainTextResponse...)
//	return out.Send(resp)               // the endpoint returned a Response object
//	return &response.HTTPException{...} // raise HTTPException(...)
//	return err                          // any other error: 500 Internal Server Error
//
// JSON bodies are written by generated code straight into out.Buf() with
// pyjson/validate append functions: per-model encoders write pydantic's JSON
// ("path A": response_model set) or jsonable_encoder + json.dumps ("path B",
// [AppendJSONable]) without reflection. Out.Param is the FastAPI
// `response: Response` parameter (status, headers, cookies), whose headers
// follow content-length and content-type as FastAPI appends them.
//
// Headers are kept as Starlette's ordered raw list ([Headers]) until written.
// net/http then writes them sorted by name; the values of a repeated field
// (set-cookie) keep their order.
//
// Status phrases are Python 3.11's http.HTTPStatus phrases (the recording
// stack), which differ from net/http's StatusText in places
// ("I'm a Teapot", "Request Entity Too Large").
package response
