// Package asgen holds decoders written by hand the way covetgen's code
// generator is meant to write them: one typed decoder and one encoder per
// model, calling package validate directly (no reflection, no
// interpreter). They pass the same differential tests against pydantic as
// the spec interpreter, and show the API a generator targets:
//
//   - Decode<Model>(s *validate.State, v pyjson.Value, out *<Model>) bool
//     validates a parsed JSON value (errors go to s at its location);
//   - (*<Model>).Encode(e *validate.Encoder) writes it as pydantic would.
//
// The models are order.go (nested models, lists, constraints), shapes.go
// (a discriminated union) and config.go (Optional, dict, tuple, Literal,
// Enum, a smart union, extra="forbid", an alias with populate_by_name).
package asgen
