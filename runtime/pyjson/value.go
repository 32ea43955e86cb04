package pyjson

import (
	"math"
	"math/big"
	"strconv"
)

// Kind is the JSON kind of a Value, as Python sees it after json.loads.
type Kind uint8

const (
	KindInvalid Kind = iota // the zero Value
	KindNull
	KindFalse
	KindTrue
	KindInt   // Python int of any size
	KindFloat // Python float, NaN and ±Infinity included
	KindString
	KindArray  // Python list
	KindObject // Python dict
)

var kindNames = [...]string{"invalid", "null", "false", "true", "int", "float", "string", "array", "object"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "kind(" + strconv.Itoa(int(k)) + ")"
}

const (
	flagEsc       uint8 = 1 << iota // string bytes live in Doc.esc
	flagSurrogate                   // string holds a lone surrogate
	flagDead                        // object key superseded by a later duplicate
	flagSpecial                     // NaN, Infinity or -Infinity
)

// node is one entry of the tape.
//   - scalars: a, b = offset and length of the literal (string: decoded
//     bytes, in Doc.text or Doc.esc per flagEsc).
//   - arrays/objects: a = element/live member count, b = index past the
//     subtree.
//   - object keys (string nodes directly inside an object): c = index of the
//     value in effect (the last duplicate's).
type node struct {
	kind  Kind
	flags uint8
	a     uint32
	b     uint32
	c     uint32
}

// Doc is a parsed document. Reuse one with Doc.Parse to save allocations;
// a Doc is not safe for concurrent Parse calls, but its Values may be read
// concurrently once parsed.
type Doc struct {
	text   string
	esc    string
	nodes  []node
	escBuf []byte
	stack  []frame
}

// Root returns the top-level value (the zero Value when d is empty).
func (d *Doc) Root() Value {
	if d == nil || len(d.nodes) == 0 {
		return Value{}
	}
	return Value{d: d, i: 0}
}

// Value is a handle to a node of a Doc. The zero Value has KindInvalid.
type Value struct {
	d *Doc
	i uint32
}

func (v Value) n() *node { return &v.d.nodes[v.i] }

// Kind returns the value's kind.
func (v Value) Kind() Kind {
	if v.d == nil {
		return KindInvalid
	}
	return v.n().kind
}

// IsNull reports a JSON null (Python None).
func (v Value) IsNull() bool { return v.Kind() == KindNull }

// Bool returns the value of true/false; ok is false for other kinds.
func (v Value) Bool() (b, ok bool) {
	switch v.Kind() {
	case KindTrue:
		return true, true
	case KindFalse:
		return false, true
	}
	return false, false
}

// Str returns a string's decoded content (WTF-8) or "" for other kinds.
func (v Value) Str() string {
	if v.Kind() != KindString {
		return ""
	}
	n := v.n()
	if n.flags&flagEsc != 0 {
		return v.d.esc[n.a : n.a+n.b]
	}
	return v.d.text[n.a : n.a+n.b]
}

// HasSurrogate reports a string holding a lone surrogate code point.
func (v Value) HasSurrogate() bool {
	return v.Kind() == KindString && v.n().flags&flagSurrogate != 0
}

// Literal returns the source text of a number ("-12", "1e400", "NaN",
// "-Infinity") or of null/true/false; "" for strings and containers.
func (v Value) Literal() string {
	switch v.Kind() {
	case KindNull, KindFalse, KindTrue, KindInt, KindFloat:
		n := v.n()
		return v.d.text[n.a : n.a+n.b]
	}
	return ""
}

// Int64 returns an int that fits in int64.
func (v Value) Int64() (int64, bool) {
	if v.Kind() != KindInt {
		return 0, false
	}
	i, err := strconv.ParseInt(v.Literal(), 10, 64)
	return i, err == nil
}

// BigInt returns an int of any size (nil for other kinds).
func (v Value) BigInt() *big.Int {
	if v.Kind() != KindInt {
		return nil
	}
	b, ok := new(big.Int).SetString(v.Literal(), 10)
	if !ok {
		return nil
	}
	return b
}

// Float64 returns a float's value as Python's float() of the literal gives
// it: correctly rounded, 1e400 -> +Inf, NaN/Infinity/-Infinity.
// ok is false for other kinds (use Int64/BigInt for ints).
func (v Value) Float64() (float64, bool) {
	if v.Kind() != KindFloat {
		return 0, false
	}
	return parseFloatLiteral(v.Literal()), true
}

func parseFloatLiteral(lit string) float64 {
	switch lit {
	case "NaN":
		return math.NaN()
	case "Infinity":
		return math.Inf(1)
	case "-Infinity":
		return math.Inf(-1)
	}
	f, _ := strconv.ParseFloat(lit, 64) // ErrRange still yields ±Inf or 0
	return f
}

// Len returns the number of elements of an array or of distinct keys of an
// object (len() of the Python list/dict), else 0.
func (v Value) Len() int {
	switch v.Kind() {
	case KindArray, KindObject:
		return int(v.n().a)
	}
	return 0
}

// next returns the node index after v's subtree.
func (v Value) next() uint32 {
	n := v.n()
	if n.kind == KindArray || n.kind == KindObject {
		return n.b
	}
	return v.i + 1
}

// Elems iterates an array:
//
//	for it := v.Elems(); it.Next(); { use(it.Value()) }
func (v Value) Elems() ArrayIter {
	if v.Kind() != KindArray {
		return ArrayIter{}
	}
	return ArrayIter{d: v.d, at: v.i + 1, end: v.n().b, idx: -1}
}

// ArrayIter walks an array's elements in order.
type ArrayIter struct {
	d       *Doc
	at, end uint32
	cur     uint32
	idx     int
}

// Next advances to the next element.
func (it *ArrayIter) Next() bool {
	if it.d == nil || it.at >= it.end {
		return false
	}
	it.cur = it.at
	it.at = Value{d: it.d, i: it.at}.next()
	it.idx++
	return true
}

// Value is the current element.
func (it *ArrayIter) Value() Value { return Value{d: it.d, i: it.cur} }

// Index is the current element's position.
func (it *ArrayIter) Index() int { return it.idx }

// Members iterates an object's distinct keys in Python dict order (first
// insertion position, last duplicate's value):
//
//	for it := v.Members(); it.Next(); { use(it.Key(), it.Value()) }
func (v Value) Members() ObjectIter {
	if v.Kind() != KindObject {
		return ObjectIter{}
	}
	return ObjectIter{d: v.d, at: v.i + 1, end: v.n().b}
}

// ObjectIter walks an object's members.
type ObjectIter struct {
	d       *Doc
	at, end uint32
	key     uint32
}

// Next advances to the next live member.
func (it *ObjectIter) Next() bool {
	for it.d != nil && it.at < it.end {
		k := it.at
		it.at = Value{d: it.d, i: k + 1}.next()
		if it.d.nodes[k].flags&flagDead == 0 {
			it.key = k
			return true
		}
	}
	return false
}

// Key is the current member's key.
func (it *ObjectIter) Key() string { return Value{d: it.d, i: it.key}.Str() }

// KeyValue is the current key as a Value (e.g. to report it as an input).
func (it *ObjectIter) KeyValue() Value { return Value{d: it.d, i: it.key} }

// Value is the current member's value.
func (it *ObjectIter) Value() Value { return Value{d: it.d, i: it.d.nodes[it.key].c} }

// Get looks a key up in an object (linear in the member count).
func (v Value) Get(key string) (Value, bool) {
	for it := v.Members(); it.Next(); {
		if it.Key() == key {
			return it.Value(), true
		}
	}
	return Value{}, false
}
