package ojson

import (
	"math/big"
	"strconv"
	"strings"

	"github.com/covetpy/covetgen/parser/ast"
)

// Value is one JSON value: *Object, Array, String, Number, Bool or Null.
type Value interface {
	jsonValue()
}

// Array is a JSON array.
type Array []Value

// String is a JSON string (generalized UTF-8, as Python strings may hold lone surrogates).
type String string

// Number is a JSON number kept as its lexeme, so that 1 and 1.0 stay different.
type Number string

// Bool is true or false.
type Bool bool

// Null is JSON null.
type Null struct{}

func (*Object) jsonValue() {}
func (Array) jsonValue()   {}
func (String) jsonValue()  {}
func (Number) jsonValue()  {}
func (Bool) jsonValue()    {}
func (Null) jsonValue()    {}

// Int returns the Number of an integer.
func Int(i int64) Number { return Number(strconv.FormatInt(i, 10)) }

// BigInt returns the Number of an integer of any size.
func BigInt(i *big.Int) Number { return Number(i.String()) }

// Float returns the Number Python's json module writes for a float: its repr. Infinities and
// NaN come out as Python writes them (Infinity, -Infinity, NaN), which is not standard JSON.
func Float(f float64) Number {
	switch r := ast.FloatRepr(f); r {
	case "inf":
		return "Infinity"
	case "-inf":
		return "-Infinity"
	case "nan":
		return "NaN"
	default:
		return Number(r)
	}
}

// IsFloat reports whether the lexeme is a float's (has a fraction or an exponent).
func (n Number) IsFloat() bool {
	return strings.ContainsAny(string(n), ".eEIN")
}

// Rat returns the exact value of the lexeme, or nil for Infinity/NaN or a malformed lexeme.
func (n Number) Rat() *big.Rat {
	r, ok := new(big.Rat).SetString(string(n))
	if !ok {
		return nil
	}
	return r
}

// Object is a JSON object whose keys keep their insertion order.
type Object struct {
	keys []string
	vals map[string]Value
}

// NewObject returns an empty object.
func NewObject() *Object { return &Object{vals: map[string]Value{}} }

// Obj builds an object from alternating keys and values: Obj("type", String("string")).
// It panics on a malformed argument list, which is a programming error.
func Obj(kv ...any) *Object {
	o := NewObject()
	if len(kv)%2 != 0 {
		panic("ojson.Obj: odd argument count")
	}
	for i := 0; i < len(kv); i += 2 {
		o.Set(kv[i].(string), kv[i+1].(Value))
	}
	return o
}

// Len returns the number of keys.
func (o *Object) Len() int {
	if o == nil {
		return 0
	}
	return len(o.keys)
}

// Keys returns the keys in order. The slice must not be modified.
func (o *Object) Keys() []string {
	if o == nil {
		return nil
	}
	return o.keys
}

// Get returns the value of key.
func (o *Object) Get(key string) (Value, bool) {
	if o == nil {
		return nil, false
	}
	v, ok := o.vals[key]
	return v, ok
}

// Has reports whether key is present.
func (o *Object) Has(key string) bool {
	_, ok := o.Get(key)
	return ok
}

// Set sets key to v; a new key goes last, an existing one keeps its place (like a Python dict).
func (o *Object) Set(key string, v Value) {
	if o.vals == nil {
		o.vals = map[string]Value{}
	}
	if _, ok := o.vals[key]; !ok {
		o.keys = append(o.keys, key)
	}
	o.vals[key] = v
}

// SetDefault returns the value of key, first setting it to v when absent (dict.setdefault).
func (o *Object) SetDefault(key string, v Value) Value {
	if old, ok := o.Get(key); ok {
		return old
	}
	o.Set(key, v)
	return v
}

// Delete removes key.
func (o *Object) Delete(key string) {
	if _, ok := o.vals[key]; !ok {
		return
	}
	delete(o.vals, key)
	for i, k := range o.keys {
		if k == key {
			o.keys = append(o.keys[:i:i], o.keys[i+1:]...)
			break
		}
	}
}

// Object returns the value of key as an object, or nil.
func (o *Object) Object(key string) *Object {
	v, _ := o.Get(key)
	obj, _ := v.(*Object)
	return obj
}

// Clone returns a deep copy of v.
func Clone(v Value) Value {
	switch x := v.(type) {
	case *Object:
		if x == nil {
			return x
		}
		c := &Object{keys: append([]string(nil), x.keys...), vals: make(map[string]Value, len(x.vals))}
		for k, e := range x.vals {
			c.vals[k] = Clone(e)
		}
		return c
	case Array:
		c := make(Array, len(x))
		for i, e := range x {
			c[i] = Clone(e)
		}
		return c
	}
	return v
}

// Update merges src into dst like dict.update: keys of src are set in dst in src's order.
func (o *Object) Update(src *Object) {
	for _, k := range src.Keys() {
		v, _ := src.Get(k)
		o.Set(k, v)
	}
}
