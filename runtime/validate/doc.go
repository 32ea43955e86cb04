// Package validate reproduces pydantic v2's lax ("python" mode) coercions
// and constraint checks as FastAPI applies them to path/query/header/cookie
// strings and to the decoded JSON body, and the 422 body FastAPI writes.
//
// Every coercion comes in two forms: XxxFromString for a raw parameter
// string (always a Python str to pydantic) and XxxFromJSON for a value of a
// body decoded with pyjson. They return the coerced value or an *Error
// whose Type, Msg, Input and Ctx are pydantic's; the caller sets Loc.
// Constraint checks (Check*) take the coerced value and the original input
// (so the error reports the input as pydantic does).
//
// Values keep Python semantics: Int is an arbitrary-size integer, Decimal a
// decimal.Decimal (coefficient, exponent, specials), and each type has an
// AppendJSON writing it as pydantic's JSON serializer does in a response
// (for example a datetime parsed from "2024-01-02 03:04" writes as
// "2024-01-02T03:04:00", a timedelta as an ISO 8601 duration).
//
// Known gaps are listed in runtime/README.md.
package validate
