package pyval

import (
	"errors"
	"io"
	"unicode/utf8"
)

// Generator endpoints, streamed (codegen's stream.go, translate's StreamFunc): the
// translated generator calls yield with each value it yields; Stream encodes the value
// and writes it to the client as one chunk.

// StreamBody is a translated generator endpoint applied to its arguments: it calls
// yield with each value it yields and raises (returns) what yield returned.
type StreamBody func(yield func(Value) error) error

// StreamEncoder appends the chunk of one yielded value to dst.
type StreamEncoder func(dst []byte, v Value) ([]byte, error)

// errGeneratorExit is what yield returns once the stream stopped: not a Python
// exception, so no except clause of translated code catches it, and the generator's
// finally clauses run as for the GeneratorExit CPython throws into an abandoned
// generator.
var errGeneratorExit = errors.New("GeneratorExit: the stream stopped")

// Stream runs body, writing the chunk enc makes of each value it yields to w (each
// write is one chunk sent to the client). It returns the error that stopped the
// stream: the encoder's, the write's (the client went away), or what the generator
// raised; nil when the generator ended. The server aborts the response on an error (no
// terminating chunk), as uvicorn does when the body raises mid-stream.
func Stream(w io.Writer, body StreamBody, enc StreamEncoder) error {
	var stopped error
	var buf []byte
	err := body(func(v Value) error {
		if stopped != nil {
			return errGeneratorExit // a yield in a finally clause while closing
		}
		b, err := enc(buf[:0], v)
		if err != nil {
			stopped = err
			return errGeneratorExit
		}
		buf = b
		if _, err := w.Write(b); err != nil {
			stopped = err
			return errGeneratorExit
		}
		return nil
	})
	if stopped != nil {
		return stopped
	}
	return err
}

// StreamChunk is how Starlette's StreamingResponse writes one chunk its iterator yields:
// bytes as they are, str encoded to UTF-8; anything else fails as `chunk.encode(...)`
// does (an AttributeError, which aborts the response).
func StreamChunk(dst []byte, v Value) ([]byte, error) {
	switch x := v.(type) {
	case Bytes:
		return append(dst, x...), nil
	case Str:
		if !utf8.ValidString(string(x)) || hasSurrogate(string(x)) {
			return dst, raise("UnicodeEncodeError", "'utf-8' codec can't encode characters: surrogates not allowed")
		}
		return append(dst, x...), nil
	}
	return dst, NewException("AttributeError", Str("'"+v.TypeName()+"' object has no attribute 'encode'"))
}

// StreamJSONDumps is an untyped JSON Lines item as FastAPI writes it:
// json.dumps(jsonable_encoder(v)) (ensure_ascii, ", " and ": " separators), then "\n".
func StreamJSONDumps(dst []byte, v Value) ([]byte, error) {
	b, err := AppendJSONable(nil, v)
	if err != nil {
		return dst, err
	}
	parsed, err := JSONLoads(Str(b))
	if err != nil {
		return dst, err
	}
	s, err := JSONDumps(parsed, DumpsOptions{})
	if err != nil {
		return dst, err
	}
	return append(append(dst, string(s.(Str))...), '\n'), nil
}
