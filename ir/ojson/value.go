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

// Object is a JSON object whose keys keep their insertion order. Keys and values are kept
// side by side; an index is built once the object grows past indexMin keys (most schema
// objects have a handful of keys, for which a linear scan beats hashing).
type Object struct {
	keys  []string
	vals  []Value
	index map[string]int
}

// indexMin is the number of keys above which an object keeps a map from key to position.
const indexMin = 16

// NewObject returns an empty object.
func NewObject() *Object { return &Object{} }

// Obj builds an object from alternating keys and values: Obj("type", String("string")).
// It panics on a malformed argument list, which is a programming error.
func Obj(kv ...any) *Object {
	if len(kv)%2 != 0 {
		panic("ojson.Obj: odd argument count")
	}
	o := &Object{keys: make([]string, 0, len(kv)/2), vals: make([]Value, 0, len(kv)/2)}
	for i := 0; i < len(kv); i += 2 {
		o.Set(kv[i].(string), kv[i+1].(Value))
	}
	return o
}

// find returns the position of key, or -1.
func (o *Object) find(key string) int {
	if o == nil {
		return -1
	}
	if o.index != nil {
		if i, ok := o.index[key]; ok {
			return i
		}
		return -1
	}
	for i, k := range o.keys {
		if k == key {
			return i
		}
	}
	return -1
}

// reindex rebuilds the key index (or drops it for a small object).
func (o *Object) reindex() {
	if len(o.keys) <= indexMin {
		o.index = nil
		return
	}
	o.index = make(map[string]int, len(o.keys))
	for i, k := range o.keys {
		o.index[k] = i
	}
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

// Values returns the values in key order. Elements may be replaced in place (the object
// sees the change); the slice must not be appended to.
func (o *Object) Values() []Value {
	if o == nil {
		return nil
	}
	return o.vals
}

// Get returns the value of key.
func (o *Object) Get(key string) (Value, bool) {
	if i := o.find(key); i >= 0 {
		return o.vals[i], true
	}
	return nil, false
}

// Has reports whether key is present.
func (o *Object) Has(key string) bool { return o.find(key) >= 0 }

// Set sets key to v; a new key goes last, an existing one keeps its place (like a Python dict).
func (o *Object) Set(key string, v Value) {
	if i := o.find(key); i >= 0 {
		o.vals[i] = v
		return
	}
	if o.keys == nil {
		o.keys, o.vals = make([]string, 0, 4), make([]Value, 0, 4)
	}
	o.keys = append(o.keys, key)
	o.vals = append(o.vals, v)
	switch {
	case o.index != nil:
		o.index[key] = len(o.keys) - 1
	case len(o.keys) > indexMin:
		o.reindex()
	}
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
	i := o.find(key)
	if i < 0 {
		return
	}
	o.keys = append(o.keys[:i:i], o.keys[i+1:]...)
	o.vals = append(o.vals[:i:i], o.vals[i+1:]...)
	if o.index != nil {
		o.reindex()
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
		c := &Object{keys: append([]string(nil), x.keys...), vals: make([]Value, len(x.vals))}
		for i, e := range x.vals {
			c.vals[i] = Clone(e)
		}
		if x.index != nil {
			c.reindex()
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
