package pyval

import (
	"io"

	"github.com/covetpy/covetgen/runtime/response"
)

// NewStreamingResponse is StreamingResponse(content, status_code, headers, media_type)
// for content the translated generator body (or StreamIterable): no content-length, the
// media type (None by default) as Response sets it, and the body streamed when the
// response is sent, each chunk as Starlette writes it (StreamChunk). A nil argument is
// one not given.
func NewStreamingResponse(body StreamBody, status, headers, mediaType Value) (Value, error) {
	st, err := respStatus(status, 200)
	if err != nil {
		return nil, err
	}
	media := ""
	if mediaType != nil && !IsNone(mediaType) {
		s, ok := mediaType.(Str)
		if !ok {
			return nil, raise("AttributeError", "'"+mediaType.TypeName()+"' object has no attribute 'startswith'")
		}
		media = string(s)
	}
	hs, err := respHeaders(headers)
	if err != nil {
		return nil, err
	}
	r := response.StreamingResponse(st, media, hs, func(w io.Writer) error { return Stream(w, body, StreamChunk) })
	return &ResponseObj{r: *r, class: "StreamingResponse"}, nil
}

// StreamIterable is the StreamBody of a StreamingResponse whose content is not a
// generator: iter(v) when the response is sent, each item one chunk.
func StreamIterable(v Value) StreamBody {
	return func(yield func(Value) error) error {
		it, err := Iter(v)
		if err != nil {
			return err
		}
		for {
			x, ok, err := it.next()
			if err != nil || !ok {
				return err
			}
			if err := yield(x); err != nil {
				return err
			}
		}
	}
}

// StreamIter is iter(v) given to a StreamingResponse: the iterator, iterated when the
// response is sent.
func StreamIter(v Value) (Value, error) {
	it, err := Iter(v)
	if err != nil {
		return nil, err
	}
	return it, nil
}
