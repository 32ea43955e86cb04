package pyval

import (
	"math/big"
	"sync/atomic"

	"github.com/covetpy/covetgen/runtime/validate"
)

// Value is a Python value: one of NoneType, Bool, Int, Float, Str, Bytes, *List, Tuple,
// *Dict or a Model.
type Value interface {
	// TypeName is Python's type(v).__name__.
	TypeName() string
}

type (
	// NoneType is the type of None.
	NoneType struct{}
	// Bool is True or False.
	Bool bool
	// Float is a float.
	Float float64
	// Str is a str, as UTF-8 (WTF-8 when it holds lone surrogates, as pyjson decodes them).
	Str string
	// Bytes is a bytes value.
	Bytes string
	// Tuple is a tuple.
	Tuple []Value
)

// Int is an int of any size: an int64 when it fits, else a *big.Int (never mutated).
type Int struct {
	small int64
	big   *big.Int
}

// List is a list. Lists are mutable and shared by reference, as in Python.
type List struct {
	Items []Value
	frozen
}

// frozen marks a value built once and shared read-only (a module constant or a constant
// result); enc is its pre-encoded path-B JSON when known.
type frozen struct {
	isFrozen bool
	enc      string
}

// None is Python's None; True and False its booleans.
var None Value = NoneType{}

const (
	True  = Bool(true)
	False = Bool(false)
)

func (NoneType) TypeName() string { return "NoneType" }
func (Bool) TypeName() string     { return "bool" }
func (Int) TypeName() string      { return "int" }
func (Float) TypeName() string    { return "float" }
func (Str) TypeName() string      { return "str" }
func (Bytes) TypeName() string    { return "bytes" }
func (*List) TypeName() string    { return "list" }
func (Tuple) TypeName() string    { return "tuple" }
func (*Dict) TypeName() string    { return "dict" }

// IntOf is the Int of i.
func IntOf(i int64) Int { return Int{small: i} }

// IntFromBig is the Int of b (not retained).
func IntFromBig(b *big.Int) Int {
	if b.IsInt64() {
		return Int{small: b.Int64()}
	}
	return Int{big: new(big.Int).Set(b)}
}

// ParseInt is the Int of a decimal literal (generated code spells big constants this way);
// it panics on a malformed literal.
func ParseInt(s string) Int {
	b, ok := new(big.Int).SetString(s, 10)
	if !ok {
		panic("pyval.ParseInt: bad literal " + s)
	}
	return bigInt(b)
}

// bigInt wraps b (owned) without copying.
func bigInt(b *big.Int) Int {
	if b.IsInt64() {
		return Int{small: b.Int64()}
	}
	return Int{big: b}
}

// FromValidateInt converts a validated int.
func FromValidateInt(i validate.Int) Int {
	if v, ok := i.Int64(); ok {
		return Int{small: v}
	}
	return Int{big: i.Big()}
}

// Validate converts to validate's Int.
func (i Int) Validate() validate.Int {
	if i.big == nil {
		return validate.IntOf(i.small)
	}
	return validate.IntFromBig(i.big)
}

// Int64 returns the value if it fits in an int64.
func (i Int) Int64() (int64, bool) { return i.small, i.big == nil }

// Big returns the value as a new big.Int.
func (i Int) Big() *big.Int {
	if i.big != nil {
		return new(big.Int).Set(i.big)
	}
	return big.NewInt(i.small)
}

// bigRO returns the value as a big.Int the caller must not modify.
func (i Int) bigRO() *big.Int {
	if i.big != nil {
		return i.big
	}
	return big.NewInt(i.small)
}

// Sign is -1, 0 or 1.
func (i Int) Sign() int {
	if i.big != nil {
		return i.big.Sign()
	}
	switch {
	case i.small < 0:
		return -1
	case i.small > 0:
		return 1
	}
	return 0
}

// NewList is a list of the given items (the slice is kept).
func NewList(items ...Value) *List { return &List{Items: items} }

// Frozen marks a list or dict built at init as shared and read-only, with enc its
// pre-encoded path-B JSON ("" when unknown), and returns it. Generated code only.
func Frozen(v Value, enc string) Value {
	switch x := v.(type) {
	case *List:
		x.frozen = frozen{true, enc}
	case *Dict:
		x.frozen = frozen{true, enc}
	}
	return v
}

var nanSeq atomic.Int64

// asInt returns v as an Int when it is an int or a bool.
func asInt(v Value) (Int, bool) {
	switch x := v.(type) {
	case Int:
		return x, true
	case Bool:
		if x {
			return Int{small: 1}, true
		}
		return Int{}, true
	}
	return Int{}, false
}

// IsNone reports whether v is None.
func IsNone(v Value) bool {
	_, ok := v.(NoneType)
	return ok
}
