package asgen

import (
	"testing"

	"github.com/covetpy/covetgen/runtime/pyjson"
	"github.com/covetpy/covetgen/runtime/validate"
)

// FuzzDecoders: on any JSON document the hand-written decoders never
// panic, succeed exactly when they record no error, and what they accept
// can be encoded in every mode without panicking.
func FuzzDecoders(f *testing.F) {
	for _, in := range append(append(orderInputs(), drawingInputs()...), configInputs()...) {
		f.Add([]byte(in))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		d, err := pyjson.Parse(body)
		if err != nil {
			return
		}
		s := validate.NewState()
		check := func(name string, ok bool, encode func(*validate.Encoder)) {
			if ok == s.Failed() {
				t.Fatalf("%s: ok=%v with %d errors", name, ok, len(s.Errors()))
			}
			if !ok {
				if _, err := validate.AppendDetail(nil, s.Errors()); err != nil {
					if _, isEnc := err.(*pyjson.EncodeError); !isEnc {
						t.Fatalf("%s: %v", name, err)
					}
				}
			} else {
				for _, m := range []validate.Mode{validate.ModePydantic, validate.ModeJSONMode, validate.ModeJSONable} {
					var e validate.Encoder
					e.Reset(m, validate.DumpOptions{ExcludeUnset: m == validate.ModeJSONMode})
					encode(&e)
				}
			}
			s.Reset()
		}
		var o Order
		check("order", DecodeOrder(s, d.Root(), &o), o.Encode)
		var dr Drawing
		check("drawing", DecodeDrawing(s, d.Root(), &dr), dr.Encode)
		var c Config
		check("config", DecodeConfig(s, d.Root(), &c), c.Encode)
		// also as the container types of their fields
		var shapes []Shape
		check("shapes", validate.List(s, d.Root(), nil, DecodeShape, &shapes), func(e *validate.Encoder) {
			for i := range shapes {
				shapes[i].Encode(e)
			}
		})
	})
}
