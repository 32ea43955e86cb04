// Package validate reproduces pydantic v2's lax ("python" mode) validation
// as FastAPI applies it to path/query/header/cookie strings and to the
// decoded JSON body, the 422 body FastAPI writes, and pydantic's JSON
// output of validated values.
//
// Scalars come in two forms: XxxFromString for a raw parameter string
// (always a Python str to pydantic) and XxxFromJSON for a value of a body
// decoded with pyjson. They return the coerced value or an *Error whose
// Type, Msg, Input and Ctx are pydantic's; the caller sets Loc.
// Constraint checks (Check*) take the coerced value and the original input
// (so the error reports the input as pydantic does).
//
// Composite values (what generated code calls, one typed decoder per
// model, no reflection) go through a *State that carries the location and
// collects the errors in pydantic's order:
//
//   - scalar decoders are State methods (s.Int(v, &constraints, &out.X),
//     s.Str, s.Float, s.Decimal, s.Duration, s.Literal, s.Enum, ...), and
//     DecodeInt, DecodeStr, ... are the unconstrained ones in the
//     Decoder[T] shape that containers take;
//   - containers: List, Sequence, Tuple (tuple[T, ...]), BeginTuple
//     (tuple[A, B]), Set (frozen or not, written in CPython's set order),
//     Dict (keys located at [key, "[key]"]), Nullable;
//   - unions: s.Union runs the members in smart (or left_to_right) mode,
//     with pydantic's exactness and fields-set rules; Tagged is a
//     discriminated union;
//   - models: s.ModelInput / s.DataclassInput, Collect (one pass over the
//     input object into lookup slots), s.Missing, s.ForbidExtras,
//     AllowExtras, s.ModelEnd, FieldsSet.
//
// Output goes through an Encoder in one of three modes (pydantic's JSON,
// model_dump(mode="json") + json.dumps, jsonable_encoder + json.dumps) with
// model_dump's options (by_alias, exclude_unset/defaults/none,
// include/exclude filters).
//
// Values keep Python semantics: Int is an arbitrary-size integer, Decimal a
// decimal.Decimal (coefficient, exponent, specials), Duration a timedelta, URL
// a pydantic HttpUrl or AnyUrl (the WHATWG parsing of the url crate, url.go),
// and each type has an AppendJSON writing it as pydantic's JSON serializer
// does in a response (for example a datetime parsed from "2024-01-02 03:04"
// writes as "2024-01-02T03:04:00", a timedelta as an ISO 8601 duration).
//
// internal/asgen holds hand-written "as-if-generated" decoders showing the
// intended generated code; internal/spec the model descriptions and the
// interpreter the differential tests against pydantic use. Known gaps are
// listed in runtime/README.md.
package validate
