package bridge

import (
	"strconv"

	"github.com/covetpy/covetgen/runtime/pyjson"
)

// Response classes and streaming endpoints: the worker builds the route's response as
// FastAPI 0.141's get_request_handler does after the endpoint returns (or, for a
// generator endpoint, as it streams what the generator yields), with the app's own
// response class, and replies with the rendered response (Reply.Response).

// StreamKind says how a generator endpoint's items become the response body.
type StreamKind string

// The kinds of generator endpoints FastAPI streams.
const (
	// NoStream: a plain endpoint; its result goes through the response model (if any) or
	// jsonable_encoder, then into the response class.
	NoStream StreamKind = ""
	// StreamJSONL: the default response class: each item as one line of JSON
	// (application/jsonl).
	StreamJSONL StreamKind = "jsonl"
	// StreamSSE: an EventSourceResponse class: each item as a server-sent event.
	StreamSSE StreamKind = "sse"
	// StreamRaw: another class (StreamingResponse...) given the generator as its content.
	StreamRaw StreamKind = "raw"
)

// ResponseClass is the response an endpoint Invocation's result is rendered as by the
// worker, as FastAPI renders it: Class(content, status_code=..., background=...) with
// the sub-Response's status and headers merged, or the stream of a generator endpoint.
// A Response the endpoint returns is sent as it is. The Reply's Response is the rendered
// response (a generator endpoint's as a RawResponse.Stream: each item goes out as the
// generator yields it; its headers have no content-length).
type ResponseClass struct {
	// Class is the response class, "module:qualname".
	Class string
	// Status is the route's status_code= (0 when not given).
	Status int
	// Stream is how a generator endpoint streams (NoStream for a plain endpoint).
	Stream StreamKind
	// Field is the route's response model (a plain endpoint) or the options of its stream
	// items (response_model_*; the item type is read from the endpoint's return
	// annotation by the worker); nil when there is no response model. DumpJSON: the
	// response class is the app's default one, so FastAPI sends pydantic's JSON bytes in
	// a plain Response.
	Field *ResponseField
}

// appendJSON writes the "rcls" object of a call payload (see worker.py).
func (c *ResponseClass) appendJSON(b []byte) []byte {
	b = append(b, `{"cls":`...)
	b = pyjson.AppendStringASCII(b, c.Class)
	if c.Status != 0 {
		b = append(b, `,"st":`...)
		b = strconv.AppendInt(b, int64(c.Status), 10)
	}
	if c.Stream != NoStream {
		b = append(b, `,"stream":`...)
		b = pyjson.AppendStringASCII(b, string(c.Stream))
	}
	if c.Field != nil {
		b = append(b, `,"f":`...)
		b = c.Field.appendJSON(b)
	}
	return append(b, '}')
}
