package pyval

import (
	"net/http"
	"net/textproto"

	"github.com/covetpy/covetgen/runtime/response"
)

// FileResponse's arguments (runtime/pyval/pyfile builds the response from them, so that
// a service without FileResponse does not carry runtime/static).

// FileArgs are the arguments of FileResponse(path, status_code, headers, media_type,
// filename=..., content_disposition_type=...) once checked.
type FileArgs struct {
	Path            string
	Status          int
	Header          http.Header // nil: none given
	MediaType       string      // "": None
	Filename        string
	HasFilename     bool
	DispositionType string // "": the default
}

// FileResponseArgs checks FileResponse's arguments as a translated body passes them (a
// nil argument is one not given): path a str, media_type None or a non-empty str,
// filename None or a str, content_disposition_type a str (the translator checks the
// static types); the errors are Python's.
func FileResponseArgs(path, status, headers, mediaType, filename, dispositionType Value) (FileArgs, error) {
	p, ok := path.(Str)
	if !ok {
		return FileArgs{}, raise("TypeError", "expected str, bytes or os.PathLike object, not "+typeNameOf(path))
	}
	st, err := respStatus(status, 200)
	if err != nil {
		return FileArgs{}, err
	}
	hs, err := respHeaders(headers)
	if err != nil {
		return FileArgs{}, err
	}
	a := FileArgs{Path: string(p), Status: st}
	if len(hs) > 0 {
		a.Header = http.Header{}
		for _, h := range hs {
			// Sent as Starlette encodes header values: latin-1 bytes.
			a.Header[textproto.CanonicalMIMEHeaderKey(h.Name)] = []string{latin1Bytes(h.Value)}
		}
	}
	if s, given := optStr(mediaType); given {
		if s == "" {
			return FileArgs{}, raise("NotImplementedError", "FileResponse(media_type='')")
		}
		a.MediaType = s
	}
	if s, given := optStr(filename); given {
		a.Filename, a.HasFilename = s, true
	}
	if s, given := optStr(dispositionType); given {
		a.DispositionType = s
	}
	return a, nil
}

// FileHandlerResponse is a response object of class class whose Handler serves it.
func FileHandlerResponse(class string, status int, h http.Handler) *ResponseObj {
	return &ResponseObj{r: response.Response{Status: status, Kind: response.KindHandler, Handler: h}, class: class}
}

// Jsonable is FastAPI's jsonable_encoder of v (serialize_response without a field).
func Jsonable(v Value) (Value, error) { return jsonable(v, 0) }

// optStr reads an optional str argument: given false for nil or None (and for a value
// that is not a str, which the translator does not let through).
func optStr(v Value) (string, bool) {
	s, ok := v.(Str)
	return string(s), ok
}
