package validate

import "github.com/covetpy/covetgen/runtime/pyjson"

// Exactness is how closely an input matched the type that accepted it, the
// measure pydantic's smart unions use to pick a member: a JSON int is an
// Exact int, a Strict float, a Lax bool.
type Exactness uint8

// The exactness levels, ordered as pydantic-core orders them. NoExactness is
// the value outside any union (nothing is tracked).
const (
	NoExactness Exactness = iota
	Lax
	Strict
	Exact
)

// State carries one validation: the location of the value under
// validation, the errors found so far, and the bookkeeping of the smart
// unions it is inside of. Generated decoders push a key or an index before
// validating a child and pop it after; every error recorded gets the
// location at that moment. A State is reusable after Reset and is not safe
// for concurrent use.
type State struct {
	loc       []LocItem
	errs      []*Error
	exact     Exactness
	fieldsSet int // -1: none recorded (pydantic's fields_set_count None)
}

// NewState returns an empty State.
func NewState() *State { return &State{fieldsSet: -1} }

// Reset empties s for another validation, keeping its buffers.
func (s *State) Reset() {
	s.loc = s.loc[:0]
	for i := range s.errs {
		s.errs[i] = nil
	}
	s.errs = s.errs[:0]
	s.exact = NoExactness
	s.fieldsSet = -1
}

// Errors returns the errors recorded so far, in pydantic's order.
func (s *State) Errors() []*Error { return s.errs }

// Failed reports whether any error was recorded.
func (s *State) Failed() bool { return len(s.errs) > 0 }

// Mark returns a checkpoint of the error list for Since and Rollback.
func (s *State) Mark() int { return len(s.errs) }

// Since reports whether no error was recorded after mark (the value
// validated since then is good).
func (s *State) Since(mark int) bool { return len(s.errs) == mark }

// Rollback drops the errors recorded after mark.
func (s *State) Rollback(mark int) {
	for i := mark; i < len(s.errs); i++ {
		s.errs[i] = nil
	}
	s.errs = s.errs[:mark]
}

// PushKey enters a dict key, model field or union member tag.
func (s *State) PushKey(k string) { s.loc = append(s.loc, LocItem{Key: k}) }

// PushIndex enters a list, tuple or set position.
func (s *State) PushIndex(i int) { s.loc = append(s.loc, LocItem{Index: i, IsIndex: true}) }

// Push enters a location element.
func (s *State) Push(l LocItem) { s.loc = append(s.loc, l) }

// Pop leaves the innermost location element.
func (s *State) Pop() {
	if n := len(s.loc); n > 0 {
		s.loc = s.loc[:n-1]
	}
}

// Add records e at the current location (prefixed to e.Loc). e must not be
// shared: Add takes ownership.
func (s *State) Add(e *Error) {
	if len(s.loc) > 0 {
		loc := make([]LocItem, 0, len(s.loc)+len(e.Loc))
		loc = append(loc, s.loc...)
		e.Loc = append(loc, e.Loc...)
	}
	s.errs = append(s.errs, e)
}

// fail records e and returns false, for `return s.fail(err)`.
func (s *State) fail(e *Error) bool {
	s.Add(e)
	return false
}

// Floor lowers the exactness of the current union attempt to x (no effect
// outside unions). Generated code calls it only for custom types; the
// decoders of this package floor as pydantic-core's validators do.
func (s *State) Floor(x Exactness) {
	if s.exact != NoExactness && x < s.exact {
		s.exact = x
	}
}

// AddFieldsSet adds n to the fields-set count of the current union attempt
// (pydantic-core's add_fields_set, which model validators call).
func (s *State) AddFieldsSet(n int) {
	if s.fieldsSet < 0 {
		s.fieldsSet = 0
	}
	s.fieldsSet += n
}

// Missing records a `missing` error for the key k of the object input.
func (s *State) Missing(k string, input pyjson.Value) {
	s.errs = append(s.errs, &Error{Type: "missing", Msg: "Field required", Input: input, Loc: s.locWith(LocItem{Key: k})})
}

// MissingAt records a `missing` error at a multi-element location (an
// AliasPath or a tuple position).
func (s *State) MissingAt(input any, loc ...LocItem) {
	s.errs = append(s.errs, &Error{Type: "missing", Msg: "Field required", Input: input, Loc: s.locWith(loc...)})
}

func (s *State) locWith(extra ...LocItem) []LocItem {
	loc := make([]LocItem, 0, len(s.loc)+len(extra))
	return append(append(loc, s.loc...), extra...)
}
