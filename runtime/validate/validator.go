package validate

import "github.com/covetpy/covetgen/runtime/pyjson"

// Validator functions. A model's @field_validator functions that covetgen translates run
// in the generated decoder, after the field's own validation (mode="after"), as
// pydantic-core's function-after validator runs them. A function raising ValueError or
// AssertionError becomes one error at the field's location whose input is the field's
// raw input (not the validated value) and whose ctx error is the exception, which
// FastAPI's jsonable_encoder writes as {}.

// ValueError is the error of a validator raising ValueError(text): pydantic's
// value_error, "Value error, <text>".
func ValueError(text string) *Error {
	return &Error{Type: "value_error", Msg: "Value error, " + text, Ctx: []CtxItem{{Key: "error", Value: pyjson.Dict{}}}}
}

// AssertionError is the error of a validator failing an assert (or raising
// AssertionError(text)): pydantic's assertion_error, "Assertion failed, <text>".
func AssertionError(text string) *Error {
	return &Error{Type: "assertion_error", Msg: "Assertion failed, " + text, Ctx: []CtxItem{{Key: "error", Value: pyjson.Dict{}}}}
}

// RunAfter runs the after validators fns on v in order and returns the first error
// (nil when all pass). Each validator sees the value its predecessor returned.
func RunAfter[T any](v *T, fns ...func(T) (T, *Error)) *Error {
	for _, f := range fns {
		w, err := f(*v)
		if err != nil {
			return err
		}
		*v = w
	}
	return nil
}

// AddValidatorError records e, a validator's error, at the current location with the
// field's raw input.
func (s *State) AddValidatorError(e *Error, input any) {
	e.Input = input
	s.Add(e)
}
