package ast

import "math/big"

// Value is the value of a Constant or MatchSingleton: one of None, Ellipsis, Bool, *Int,
// Float, Complex, Str and Bytes.
type Value interface {
	// Repr returns Python's repr() of the value.
	Repr() string
}

// NoneValue is Python's None.
type NoneValue struct{}

// EllipsisValue is Python's Ellipsis (...).
type EllipsisValue struct{}

// Bool is True or False.
type Bool bool

// Int is an integer literal of any size.
type Int struct{ big.Int }

// Float is a float literal.
type Float float64

// Complex is an imaginary literal: a complex number whose real part is zero.
type Complex float64

// Str is a string literal's value. It is stored as generalized UTF-8 (WTF-8): Python strings
// may hold lone surrogates ("\ud800"), which are kept as their three-byte encodings.
type Str string

// Bytes is a bytes literal's value.
type Bytes string

// None and Ellipsis are the singleton values.
var (
	None     Value = NoneValue{}
	Ellipsis Value = EllipsisValue{}
)

func (NoneValue) Repr() string     { return "None" }
func (EllipsisValue) Repr() string { return "Ellipsis" }

func (b Bool) Repr() string {
	if b {
		return "True"
	}
	return "False"
}

func (i *Int) Repr() string  { return i.Int.String() }
func (f Float) Repr() string { return FloatRepr(float64(f)) }
func (c Complex) Repr() string {
	return complexImagRepr(float64(c)) + "j"
}
func (s Str) Repr() string   { return StrRepr(string(s)) }
func (b Bytes) Repr() string { return BytesRepr(string(b)) }
