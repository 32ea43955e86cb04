package pyval

import (
	"net/http"
	"net/textproto"

	"github.com/covetpy/covetgen/runtime/response"
	"github.com/covetpy/covetgen/runtime/static"
)

// NewFileResponse is FileResponse(path, status_code, headers, media_type, filename=...,
// content_disposition_type=...) as a translated body builds it: the response sends the
// file with Starlette 0.47.3's headers (runtime/static.FileResponse), looked up when it
// is sent, so a missing file is the endpoint's 500. A nil argument is one not given;
// path is a str, media_type None or a non-empty str, filename None or a str and
// content_disposition_type a str (the translator checks the static types).
func NewFileResponse(path, status, headers, mediaType, filename, dispositionType Value) (Value, error) {
	p, ok := path.(Str)
	if !ok {
		return nil, raise("TypeError", "expected str, bytes or os.PathLike object, not "+typeNameOf(path))
	}
	st, err := respStatus(status, 200)
	if err != nil {
		return nil, err
	}
	hs, err := respHeaders(headers)
	if err != nil {
		return nil, err
	}
	f := &static.FileResponse{Path: string(p), Status: st}
	if len(hs) > 0 {
		f.Header = http.Header{}
		for _, h := range hs {
			// Sent as Starlette encodes header values: latin-1 bytes.
			f.Header[textproto.CanonicalMIMEHeaderKey(h.Name)] = []string{latin1Bytes(h.Value)}
		}
	}
	if s, given := optStr(mediaType); given {
		if s == "" {
			return nil, raise("NotImplementedError", "FileResponse(media_type='')")
		}
		f.MediaType = s
	}
	if s, given := optStr(filename); given {
		f.Filename, f.HasFilename = s, true
	}
	if s, given := optStr(dispositionType); given {
		f.ContentDispositionType = s
	}
	r := response.Response{Status: st, Kind: response.KindHandler, Handler: f}
	return &ResponseObj{r: r, class: "FileResponse"}, nil
}

// optStr reads an optional str argument: given false for nil or None (and for a value
// that is not a str, which the translator does not let through).
func optStr(v Value) (string, bool) {
	s, ok := v.(Str)
	return string(s), ok
}

// RouteFileResponse is the response of a route with response_class=FileResponse:
// FileResponse(content, status_code=status) of the endpoint's result once
// jsonable_encoder made it JSON-able; only a str names a file (anything else raises the
// TypeError Starlette's guess_type or os.stat raises).
func RouteFileResponse(res Value, status int) (*response.Response, error) {
	content, err := jsonable(res, 0) // serialize_response without a field
	if err != nil {
		return nil, err
	}
	v, err := NewFileResponse(content, IntOf(int64(status)), nil, nil, nil, nil)
	if err != nil {
		return nil, err
	}
	return v.(*ResponseObj).Resp(), nil
}
