// Package pyfile is Starlette's FileResponse in translated bodies: the response object a
// body builds with FileResponse(...) and the response of a route with
// response_class=FileResponse, sent by runtime/static with Starlette 0.47.3's headers.
// It is its own package so that only services using FileResponse carry runtime/static.
package pyfile

import (
	"github.com/covetpy/covetgen/runtime/pyval"
	"github.com/covetpy/covetgen/runtime/response"
	"github.com/covetpy/covetgen/runtime/static"
)

// NewFileResponse is FileResponse(path, status_code, headers, media_type, filename=...,
// content_disposition_type=...) as a translated body builds it: the response sends the
// file with Starlette 0.47.3's headers (runtime/static.FileResponse), looked up when it
// is sent, so a missing file is the endpoint's 500. A nil argument is one not given
// (pyval.FileResponseArgs checks them).
func NewFileResponse(path, status, headers, mediaType, filename, dispositionType pyval.Value) (pyval.Value, error) {
	a, err := pyval.FileResponseArgs(path, status, headers, mediaType, filename, dispositionType)
	if err != nil {
		return nil, err
	}
	f := &static.FileResponse{Path: a.Path, Status: a.Status, Header: a.Header, MediaType: a.MediaType,
		Filename: a.Filename, HasFilename: a.HasFilename, ContentDispositionType: a.DispositionType}
	return pyval.FileHandlerResponse("FileResponse", a.Status, f), nil
}

// RouteFileResponse is the response of a route with response_class=FileResponse:
// FileResponse(content, status_code=status) of the endpoint's result once
// jsonable_encoder made it JSON-able; only a str names a file (anything else raises the
// TypeError Starlette's guess_type or os.stat raises).
func RouteFileResponse(res pyval.Value, status int) (*response.Response, error) {
	content, err := pyval.Jsonable(res)
	if err != nil {
		return nil, err
	}
	v, err := NewFileResponse(content, pyval.IntOf(int64(status)), nil, nil, nil, nil)
	if err != nil {
		return nil, err
	}
	return v.(*pyval.ResponseObj).Resp(), nil
}
