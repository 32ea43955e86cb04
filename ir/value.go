package ir

import (
	"math/big"
	"strings"

	"github.com/covetpy/covetgen/parser/ast"
)

// Value is a Python value known statically: a default, an example, a json_schema_extra
// dict, a responses= mapping. It is one of None, Bool, Int, Float, Str, Bytes, List, Tuple,
// Set, Dict, EnumMember, Decimal, Date, ModelInstance, Ellipsis, or Opaque when the lifter
// could not evaluate the expression.
type Value interface {
	// Repr returns Python's repr() of the value, as far as it is known.
	Repr() string
}

type (
	// None is Python's None.
	None struct{}
	// Ellipsis is Python's ... (in Query(...) it means "required").
	Ellipsis struct{}
	// Bool is True or False.
	Bool bool
	// Int is an int of any size.
	Int struct{ V *big.Int }
	// Float is a float.
	Float float64
	// Str is a str.
	Str string
	// Bytes is a bytes value.
	Bytes string
	// List is a list.
	List []Value
	// Tuple is a tuple.
	Tuple []Value
	// Set is a set or frozenset; its items are kept in source order.
	Set struct {
		Items  []Value
		Frozen bool
	}
	// Dict is a dict; keys keep their insertion order (a later duplicate replaces the value).
	Dict struct {
		Keys   []Value
		Values []Value
	}
	// EnumMember is a member of an Enum class.
	EnumMember struct {
		Enum *Enum
		Name string
	}
	// Decimal is a decimal.Decimal, kept as the string it was built from.
	Decimal string
	// Formatted is a value whose JSON form is a string: a date, time or datetime (Text in
	// ISO format) or a UUID (Text canonical); Kind is "date", "time", "datetime" or "uuid".
	Formatted struct {
		Kind, Text string
	}
	// ModelInstance is a pydantic model or dataclass built with constant arguments.
	ModelInstance struct {
		Model  *Model
		Fields *Dict // field name -> value, as passed
	}
	// Opaque is a value the lifter could not evaluate: Text is its source expression.
	Opaque struct {
		Text string
		Pos  Pos
	}
)

// NewInt returns the Int of i.
func NewInt(i int64) Int { return Int{V: big.NewInt(i)} }

func (None) Repr() string     { return "None" }
func (Ellipsis) Repr() string { return "Ellipsis" }
func (b Bool) Repr() string   { return ast.Bool(b).Repr() }
func (i Int) Repr() string    { return i.V.String() }
func (f Float) Repr() string  { return ast.FloatRepr(float64(f)) }
func (s Str) Repr() string    { return ast.StrRepr(string(s)) }
func (b Bytes) Repr() string  { return ast.BytesRepr(string(b)) }
func (l List) Repr() string   { return "[" + joinRepr(l) + "]" }
func (t Tuple) Repr() string {
	if len(t) == 1 {
		return "(" + t[0].Repr() + ",)"
	}
	return "(" + joinRepr(t) + ")"
}
func (s Set) Repr() string {
	if len(s.Items) == 0 {
		if s.Frozen {
			return "frozenset()"
		}
		return "set()"
	}
	if s.Frozen {
		return "frozenset({" + joinRepr(s.Items) + "})"
	}
	return "{" + joinRepr(s.Items) + "}"
}
func (d *Dict) Repr() string {
	parts := make([]string, len(d.Keys))
	for i := range d.Keys {
		parts[i] = d.Keys[i].Repr() + ": " + d.Values[i].Repr()
	}
	return "{" + strings.Join(parts, ", ") + "}"
}
func (m EnumMember) Repr() string {
	if m.Enum == nil {
		return m.Name
	}
	return "<" + m.Enum.Name + "." + m.Name + ">"
}
func (d Decimal) Repr() string   { return "Decimal(" + ast.StrRepr(string(d)) + ")" }
func (f Formatted) Repr() string { return f.Kind + "(" + ast.StrRepr(f.Text) + ")" }
func (m *ModelInstance) Repr() string {
	return m.Model.Name + "(...)"
}
func (o Opaque) Repr() string { return o.Text }

func joinRepr(vs []Value) string {
	parts := make([]string, len(vs))
	for i, v := range vs {
		parts[i] = v.Repr()
	}
	return strings.Join(parts, ", ")
}

// Get returns the value of a str key.
func (d *Dict) Get(key string) (Value, bool) {
	if d == nil {
		return nil, false
	}
	for i, k := range d.Keys {
		if s, ok := k.(Str); ok && string(s) == key {
			return d.Values[i], true
		}
	}
	return nil, false
}

// Set sets key to v, keeping the position of an existing equal key.
func (d *Dict) Set(key, v Value) {
	for i, k := range d.Keys {
		if ValueEqual(k, key) {
			d.Values[i] = v
			return
		}
	}
	d.Keys = append(d.Keys, key)
	d.Values = append(d.Values, v)
}

// MemberValue returns the value of an enum member, or nil when unknown.
func (m EnumMember) MemberValue() Value {
	if m.Enum == nil {
		return nil
	}
	for _, mem := range m.Enum.Members {
		if mem.Name == m.Name {
			return mem.Value
		}
	}
	return nil
}

// IsOpaque reports whether v is (or contains) a value the lifter could not evaluate.
func IsOpaque(v Value) bool {
	switch x := v.(type) {
	case Opaque:
		return true
	case List:
		return anyOpaque(x)
	case Tuple:
		return anyOpaque(x)
	case Set:
		return anyOpaque(x.Items)
	case *Dict:
		return anyOpaque(x.Keys) || anyOpaque(x.Values)
	case *ModelInstance:
		return x.Fields != nil && IsOpaque(x.Fields)
	}
	return false
}

func anyOpaque(vs []Value) bool {
	for _, v := range vs {
		if IsOpaque(v) {
			return true
		}
	}
	return false
}

// ValueEqual reports Python equality of two known values (1 == 1.0 == True, as in Python).
func ValueEqual(a, b Value) bool {
	if na, ok := numeric(a); ok {
		nb, ok := numeric(b)
		return ok && na.Cmp(nb) == 0
	}
	switch x := a.(type) {
	case None:
		_, ok := b.(None)
		return ok
	case Str:
		y, ok := b.(Str)
		return ok && x == y
	case Bytes:
		y, ok := b.(Bytes)
		return ok && x == y
	case List:
		y, ok := b.(List)
		return ok && valuesEqual(x, y)
	case Tuple:
		y, ok := b.(Tuple)
		return ok && valuesEqual(x, y)
	case *Dict:
		y, ok := b.(*Dict)
		if !ok || len(x.Keys) != len(y.Keys) {
			return false
		}
		for i, k := range x.Keys {
			found := false
			for j, k2 := range y.Keys {
				if ValueEqual(k, k2) {
					found = ValueEqual(x.Values[i], y.Values[j])
					break
				}
			}
			if !found {
				return false
			}
		}
		return true
	case EnumMember:
		y, ok := b.(EnumMember)
		return ok && x.Enum == y.Enum && x.Name == y.Name
	case Decimal:
		y, ok := b.(Decimal)
		return ok && x == y
	case Formatted:
		y, ok := b.(Formatted)
		return ok && x == y
	}
	return false
}

func valuesEqual(a, b []Value) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !ValueEqual(a[i], b[i]) {
			return false
		}
	}
	return true
}

func numeric(v Value) (*big.Float, bool) {
	switch x := v.(type) {
	case Bool:
		if x {
			return big.NewFloat(1), true
		}
		return big.NewFloat(0), true
	case Int:
		return new(big.Float).SetInt(x.V), true
	case Float:
		f := float64(x)
		if f != f {
			return nil, false
		}
		return big.NewFloat(f), true
	}
	return nil, false
}
