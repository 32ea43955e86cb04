package validate

import "github.com/covetpy/covetgen/runtime/pyjson"

// HTTPURL validates a pydantic HttpUrl.
func (s *State) HTTPURL(v pyjson.Value, out *URL) bool {
	u, err := HTTPURLFromJSON(v)
	if err != nil {
		return s.fail(err)
	}
	s.Floor(Lax)
	*out = u
	return true
}

// AnyURL validates a pydantic AnyUrl.
func (s *State) AnyURL(v pyjson.Value, out *URL) bool {
	u, err := AnyURLFromJSON(v)
	if err != nil {
		return s.fail(err)
	}
	s.Floor(Lax)
	*out = u
	return true
}

// DecodeAnyURL is a Decoder for AnyUrl.
func DecodeAnyURL(s *State, v pyjson.Value, out *URL) bool { return s.AnyURL(v, out) }

// DecodeHTTPURL is a Decoder for HttpUrl.
func DecodeHTTPURL(s *State, v pyjson.Value, out *URL) bool { return s.HTTPURL(v, out) }

// URL writes a URL (its text under every mode: jsonable_encoder calls str()).
func (e *Encoder) URL(u URL) { e.Buf = u.AppendJSON(e.Buf) }
