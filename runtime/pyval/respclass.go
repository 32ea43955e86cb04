package pyval

// App-defined response classes rendered in Go (codegen/respclass_native.go): a subclass
// of Response, JSONResponse, HTMLResponse or PlainTextResponse with its own media_type
// and charset ("utf-8") and optionally a render method the code generator translated.
// FastAPI passes such a class the serialized content (jsonable_encoder of the result, or
// the response model dumped in JSON mode): RenderCustom; a body builds one: NewCustomResponse.

// ResponseClass is an app-defined response class.
type ResponseClass struct {
	// Name is the class's name (the TypeName of its objects).
	Name string
	// Base is the Starlette class it subclasses: Response, JSONResponse, HTMLResponse or
	// PlainTextResponse.
	Base string
	// Media is its media_type ("" for None).
	Media string
	// Render is its translated render method (nil: the base's).
	Render func(content Value) (Value, error)
}

// NewCustomResponse is cls(content, status_code, headers, media_type) for the class c, as
// NewResponse is for the Starlette classes; a nil argument is one not given.
func NewCustomResponse(c *ResponseClass, content, status, headers, mediaType Value) (Value, error) {
	if _, known := respClassMedia[c.Base]; !known {
		return nil, raise("NotImplementedError", "response class "+c.Name+" based on "+c.Base)
	}
	return newResponse(c, content, status, headers, mediaType)
}

// RenderCustom is cls(content).body for a class whose translated render method is render
// and content the JSON encoding of what FastAPI passes as content (decoded as json.loads
// would, so render sees the same dicts, lists, str, int, float, bool and None).
func RenderCustom(render func(Value) (Value, error), encoded []byte) ([]byte, error) {
	content, err := JSONLoads(Bytes(encoded))
	if err != nil {
		return nil, err
	}
	return renderBytes(render, content)
}

// renderBytes calls render: it must return bytes (a server cannot send anything else;
// FastAPI answers 500).
func renderBytes(render func(Value) (Value, error), content Value) ([]byte, error) {
	body, err := render(content)
	if err != nil {
		return nil, err
	}
	b, ok := body.(Bytes)
	if !ok {
		return nil, raise("TypeError", "render() returned '"+typeNameOf(body)+"', not bytes")
	}
	return []byte(b), nil
}

// RenderResult is cls(jsonable_encoder(res)).body for a class whose translated render
// method is render (FastAPI's path B without a response model).
func RenderResult(render func(Value) (Value, error), res Value) ([]byte, error) {
	content, err := jsonable(res, 0)
	if err != nil {
		return nil, err
	}
	return renderBytes(render, content)
}

// jsonable is jsonable_encoder(v) as a value: containers rebuilt (a tuple becomes a list,
// dict keys are encoded too, so an int key stays an int), scalars kept (a NaN float
// too), and anything else (models, sets, datetimes, enums...) encoded as path B encodes
// it and decoded back.
func jsonable(v Value, depth int) (Value, error) {
	if depth > maxDepth {
		return nil, recursion()
	}
	switch x := v.(type) {
	case NoneType, Bool, Int, Float, Str:
		return x, nil
	case *List:
		return jsonableItems(x.Items, depth)
	case Tuple:
		return jsonableItems(x, depth)
	case *Dict:
		out, _ := NewDict()
		for i, k := range x.Keys() {
			ek, err := jsonable(k, depth+1)
			if err != nil {
				return nil, err
			}
			ev, err := jsonable(x.Values()[i], depth+1)
			if err != nil {
				return nil, err
			}
			if err := out.Set(ek, ev); err != nil {
				return nil, err
			}
		}
		return out, nil
	}
	b, err := AppendJSONable(nil, v)
	if err != nil {
		return nil, err
	}
	return JSONLoads(Bytes(b))
}

func jsonableItems(items []Value, depth int) (Value, error) {
	out := make([]Value, len(items))
	for i, it := range items {
		e, err := jsonable(it, depth+1)
		if err != nil {
			return nil, err
		}
		out[i] = e
	}
	return NewList(out...), nil
}
