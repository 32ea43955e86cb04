package bridge

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/covetpy/covetgen/runtime/pyjson"
	"github.com/covetpy/covetgen/runtime/validate"
)

// Opaque types: models covetgen does not generate in Go (validators, computed fields,
// generic models, dataclasses, unions of models...) are validated and serialized by
// pydantic in the worker, as FastAPI 0.141 does it.

// ResponseField is the response field of a route, for an endpoint Invocation whose
// result the worker validates and serializes as FastAPI's serialize_response does: the
// result validated with the TypeAdapter of the response model (from_attributes; a
// failure raises ResponseValidationError in the worker, with the session's generators
// and the app's exception handlers seeing it as under FastAPI), then dumped with the
// route's response_model_* options. Reply.Body is then the response body.
type ResponseField struct {
	// Model is the source of response_model= evaluated in Module (the module declaring
	// the route); "" for the endpoint's return annotation.
	Model, Module string
	// Include and Exclude are response_model_include/exclude as tagged JSON (Encode's
	// format: a set is {"$t":"set",...}); "" when not given.
	Include, Exclude                                    string
	ByAlias, ExcludeUnset, ExcludeDefaults, ExcludeNone bool
	// DumpJSON: the route's response class is the default one, so FastAPI writes
	// pydantic's dump_json bytes; else dump_python(mode="json") rendered as JSONResponse.
	DumpJSON bool
}

// appendJSON writes the "resp" object of a call payload.
func (f *ResponseField) appendJSON(b []byte) []byte {
	b = append(b, `{"model":`...)
	b = pyjson.AppendStringASCII(b, f.Model)
	b = append(b, `,"mod":`...)
	b = pyjson.AppendStringASCII(b, f.Module)
	if f.Include != "" {
		b = append(b, `,"inc":`...)
		b = append(b, f.Include...)
	}
	if f.Exclude != "" {
		b = append(b, `,"exc":`...)
		b = append(b, f.Exclude...)
	}
	for _, x := range []struct {
		key string
		on  bool
	}{{"alias", f.ByAlias}, {"unset", f.ExcludeUnset}, {"defaults", f.ExcludeDefaults}, {"none", f.ExcludeNone}, {"dj", f.DumpJSON}} {
		if x.on {
			b = append(b, `,"`...)
			b = append(b, x.key...)
			b = append(b, `":1`...)
		}
	}
	return append(b, '}')
}

// BodyValidation is a body parameter of an opaque type, validated by the worker as
// FastAPI's request_body_to_args validates it: the TypeAdapter of the parameter's
// field (its annotation read from Fn's signature) applied with from_attributes to the
// JSON body as json.loads reads it (Key: the value of that key, for an embedded body),
// or to the raw bytes (Raw: a body that is not JSON). Go has already checked the body
// (its JSON, and that the key is present and not null).
type BodyValidation struct {
	Fn, Param string
	// Instance / Init: Fn names a class whose instance built with Init is the callable
	// (see Invocation).
	Instance bool
	Init     []any
	Body     []byte
	Raw      bool
	// Embed: the parameter is the value of Key in a JSON object (FastAPI's embedded body).
	Embed bool
	Key   string
	// Loc is the location prefix of the errors: "body", then the key when embedded.
	Loc []any
}

// ValidateBody validates a body parameter in the session's worker: the validated
// value stays there (a Ref, to pass to the function declaring the parameter), or the
// errors pydantic reported, located under v.Loc and with their inputs and contexts as
// FastAPI's 422 handler encodes them. err is a failure of the call itself.
func (s *Session) ValidateBody(ctx context.Context, v BodyValidation) (Ref, []*validate.Error, error) {
	if s.closed {
		return Ref{}, nil, errSessionClosed
	}
	payload, err := encodeValidation(s.id, v)
	if err != nil {
		return Ref{}, nil, err
	}
	m, data, err := s.op(ctx, v.Fn, payload)
	if err != nil {
		return Ref{}, nil, err
	}
	switch m.K {
	case "V":
		doc, err := pyjson.Parse(data)
		if err != nil {
			return Ref{}, nil, fmt.Errorf("bridge: bad validation reply: %w", err)
		}
		r, err := refFromTag(doc.Root())
		return r, nil, err
	case "X":
		errs, err := decodeErrors(data)
		return Ref{}, errs, err
	}
	return Ref{}, nil, m.err(data)
}

// encodeValidation builds the payload of a "val" session operation.
func encodeValidation(sid uint64, v BodyValidation) ([]byte, error) {
	b := append(make([]byte, 0, 128+len(v.Body)*4/3), `{"sid":`...)
	b = strconv.AppendUint(b, sid, 10)
	b = append(b, `,"op":"val","fn":`...)
	b = pyjson.AppendStringASCII(b, v.Fn)
	b = append(b, `,"param":`...)
	b = pyjson.AppendStringASCII(b, v.Param)
	if v.Instance {
		var err error
		b = append(b, `,"init":`...)
		if b, err = appendCall(b, "", "v", v.Init); err != nil {
			return nil, err
		}
		b = append(b, '}')
	}
	if v.Raw {
		b = append(b, `,"raw":1`...)
	}
	if v.Embed {
		b = append(b, `,"key":`...)
		b = pyjson.AppendStringASCII(b, v.Key)
	}
	b = append(b, `,"loc":[`...)
	for i, l := range v.Loc {
		if i > 0 {
			b = append(b, ',')
		}
		switch x := l.(type) {
		case string:
			b = pyjson.AppendStringASCII(b, x)
		case int:
			b = strconv.AppendInt(b, int64(x), 10)
		default:
			return nil, fmt.Errorf("bridge: bad loc item %T", l)
		}
	}
	b = append(b, `],"body":"`...)
	b = base64.StdEncoding.AppendEncode(b, v.Body)
	return append(b, `"}`...), nil
}

// jsonText is a value already encoded as FastAPI's 422 handler encodes it
// (jsonable_encoder, then json.dumps as JSONResponse renders it).
type jsonText string

// AppendInputJSON copies the text (validate.JSONer).
func (t jsonText) AppendInputJSON(dst []byte) ([]byte, error) { return append(dst, t...), nil }

// decodeErrors reads the worker's error list (see worker.py, op "val").
func decodeErrors(data []byte) ([]*validate.Error, error) {
	var raw []struct {
		Type  string            `json:"type"`
		Loc   []json.RawMessage `json:"loc"`
		Msg   string            `json:"msg"`
		Input string            `json:"input"`
		Ctx   *[][2]string      `json:"ctx"`
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, fmt.Errorf("bridge: bad validation errors: %w", err)
	}
	out := make([]*validate.Error, len(raw))
	for i, r := range raw {
		e := &validate.Error{Type: r.Type, Msg: r.Msg, Input: jsonText(r.Input)}
		for _, l := range r.Loc {
			var n int
			if err := json.Unmarshal(l, &n); err == nil {
				e.Loc = append(e.Loc, validate.Index(n))
				continue
			}
			var k string
			if err := json.Unmarshal(l, &k); err != nil {
				return nil, fmt.Errorf("bridge: bad error loc %s", l)
			}
			e.Loc = append(e.Loc, validate.Key(k))
		}
		if r.Ctx != nil {
			e.Ctx = []validate.CtxItem{}
			for _, c := range *r.Ctx {
				e.Ctx = append(e.Ctx, validate.CtxItem{Key: c[0], Value: jsonText(c[1])})
			}
		}
		out[i] = e
	}
	return out, nil
}
