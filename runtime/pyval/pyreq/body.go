package pyreq

import "github.com/covetpy/covetgen/runtime/pyval"

// Body is await request.body(): the whole body as bytes (read once; a body over the
// service's limit is the 413 HTTPException the server answers).
func Body(v pyval.Value) (pyval.Value, error) {
	r, err := asRequest(v)
	if err != nil {
		return nil, err
	}
	b, err := r.rq.Body()
	if err != nil {
		return nil, err
	}
	return pyval.Bytes(b), nil
}

// JSON is await request.json(): json.loads of the body (json.JSONDecodeError, a
// ValueError, when it is not JSON).
func JSON(v pyval.Value) (pyval.Value, error) {
	b, err := Body(v)
	if err != nil {
		return nil, err
	}
	return pyval.JSONLoads(b)
}
