package pyreq

import (
	"github.com/covetpy/covetgen/runtime/pyval"
	"github.com/covetpy/covetgen/runtime/request"
)

// Form is await request.form(): the body parsed as Starlette's FormData (once per
// request: a later call gives the same values), an empty one for a content type that is
// not a form. Starlette's MultiPartException is the 400 HTTPException it raises; a
// malformed multipart body (python-multipart's own errors, which FastAPI turns into "There
// was an error parsing the body" only for Form parameters) is an exception, a 500.
func Form(v pyval.Value) (pyval.Value, error) {
	r, err := asRequest(v)
	if err != nil {
		return nil, err
	}
	f, err := r.rq.Form()
	if err != nil {
		if request.IsParseBodyError(err) {
			return nil, pyval.NewException("MultipartParseError", pyval.Str("malformed multipart body"))
		}
		return nil, err
	}
	out := &pyval.FormData{Items: make([]pyval.FormPair, len(f.Items))}
	for i, it := range f.Items {
		var val pyval.Value = pyval.Str(it.Value)
		if it.File != nil {
			val = it.File.PyValue()
		}
		out.Items[i] = pyval.FormPair{Key: it.Name, Value: val}
	}
	return out, nil
}
