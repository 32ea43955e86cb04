package bridge

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"math"
	"sort"
	"strconv"
	"time"

	"github.com/covetpy/covetgen/runtime/pyjson"
	"github.com/covetpy/covetgen/runtime/pyval"
	"github.com/covetpy/covetgen/runtime/validate"
)

// Tagged is an argument Python rebuilds from a tag of worker.py: "date", "time",
// "datetime" (ISO strings), "uuid", "decimal" (str), "timedelta" ([days, seconds,
// microseconds]), "tuple", "set", "frozenset" ([]any), "enum" (Class "module:Qual", V
// its value).
type Tagged struct {
	Tag   string
	Class string
	V     any
}

// Model is a pydantic model argument: Python calls Class.model_validate(Fields), Class
// being "module:Qualname" (or a name in the app's module). Fields is any argument value
// (usually a map[string]any or a *pyval.Dict).
type Model struct {
	Class  string
	Fields any
}

// KwArg is a keyword argument (see Kw).
type KwArg struct {
	Name  string
	Value any
}

// Kw is the keyword argument name=v.
func Kw(name string, v any) KwArg { return KwArg{Name: name, Value: v} }

// Date, UUID and Decimal are tagged arguments from their text.
func Date(iso string) Tagged    { return Tagged{Tag: "date", V: iso} }
func UUID(s string) Tagged      { return Tagged{Tag: "uuid", V: s} }
func Decimal(s string) Tagged   { return Tagged{Tag: "decimal", V: s} }
func Tuple(items ...any) Tagged { return Tagged{Tag: "tuple", V: items} }

// ErrUnsupportedArg: an argument of a type Encode does not know.
var ErrUnsupportedArg = errors.New("bridge: unsupported argument type")

// encodeCall builds a call payload.
func encodeCall(fn, mode string, args []any) ([]byte, error) {
	b, err := appendCall(make([]byte, 0, 128), fn, mode, args)
	if err != nil {
		return nil, err
	}
	return append(b, '}'), nil
}

// appendCall writes the fields of a call payload: the object without its closing brace.
func appendCall(b []byte, fn, mode string, args []any) ([]byte, error) {
	b = append(b, `{"fn":`...)
	b = pyjson.AppendStringASCII(b, fn)
	b = append(b, `,"mode":"`...)
	b = append(b, mode...)
	b = append(b, `","args":[`...)
	var kws []KwArg
	n := 0
	var err error
	for _, a := range args {
		if kw, ok := a.(KwArg); ok {
			kws = append(kws, kw)
			continue
		}
		if n > 0 {
			b = append(b, ',')
		}
		n++
		if b, err = Encode(b, a); err != nil {
			return nil, err
		}
	}
	b = append(b, `],"kw":{`...)
	for i, kw := range kws {
		if i > 0 {
			b = append(b, ',')
		}
		b = pyjson.AppendStringASCII(b, kw.Name)
		b = append(b, ':')
		if b, err = Encode(b, kw.Value); err != nil {
			return nil, err
		}
	}
	return append(b, '}'), nil
}

// Encode appends v as tagged JSON (worker.py): nil, bool, the int and uint types,
// float32/64 (NaN and infinities included), string, []byte, []any, map[string]any (in
// sorted key order), time.Time (a datetime), json.RawMessage (inserted as is: already
// tagged JSON), pyjson.Value (plain JSON), pyval values (models as a model tag of
// their class name and fields), Tagged, Model, *Model, Ref (a session's ref) and Step (a chain's earlier result).
func Encode(dst []byte, v any) ([]byte, error) {
	return encode(dst, v, 0)
}

const maxDepth = 500

func encode(b []byte, v any, depth int) ([]byte, error) {
	if depth > maxDepth {
		return b, errors.New("bridge: argument nested too deeply")
	}
	switch x := v.(type) {
	case nil:
		return append(b, "null"...), nil
	case bool:
		return strconv.AppendBool(b, x), nil
	case int:
		return strconv.AppendInt(b, int64(x), 10), nil
	case int64:
		return strconv.AppendInt(b, x, 10), nil
	case int32:
		return strconv.AppendInt(b, int64(x), 10), nil
	case uint:
		return strconv.AppendUint(b, uint64(x), 10), nil
	case uint64:
		return strconv.AppendUint(b, x, 10), nil
	case uint32:
		return strconv.AppendUint(b, uint64(x), 10), nil
	case float64:
		return appendFloat(b, x), nil
	case float32:
		return appendFloat(b, float64(x)), nil
	case string:
		return pyjson.AppendStringASCII(b, x), nil
	case []byte:
		return appendTag(b, "bytes", "", func(b []byte) ([]byte, error) {
			return append(append(append(b, '"'), base64.StdEncoding.EncodeToString(x)...), '"'), nil
		})
	case []any:
		return appendSeq(b, x, depth)
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		vals := make([]any, len(keys))
		for i, k := range keys {
			vals[i] = x[k]
		}
		return appendStrDict(b, keys, vals, depth)
	case time.Time:
		return appendTag(b, "datetime", "", func(b []byte) ([]byte, error) {
			return pyjson.AppendStringASCII(b, x.Format("2006-01-02T15:04:05.999999Z07:00")), nil
		})
	case json.RawMessage:
		return append(b, x...), nil
	case pyjson.Value:
		return pyjson.AppendValue(b, x)
	case Tagged:
		return appendTag(b, x.Tag, x.Class, func(b []byte) ([]byte, error) { return encode(b, x.V, depth+1) })
	case Model:
		return appendTag(b, "model", x.Class, func(b []byte) ([]byte, error) { return encode(b, x.Fields, depth+1) })
	case *Model:
		return encode(b, *x, depth)
	case Ref:
		return x.appendJSON(b), nil
	case *Ref:
		return x.appendJSON(b), nil
	case Step:
		return x.appendJSON(b), nil
	case pyval.Value:
		return encodePy(b, x, depth)
	}
	return b, ErrUnsupportedArg
}

func appendFloat(b []byte, f float64) []byte {
	switch {
	case math.IsNaN(f):
		return append(b, "NaN"...)
	case math.IsInf(f, 1):
		return append(b, "Infinity"...)
	case math.IsInf(f, -1):
		return append(b, "-Infinity"...)
	}
	return pyjson.AppendFloatRepr(b, f)
}

func appendTag(b []byte, tag, class string, v func([]byte) ([]byte, error)) ([]byte, error) {
	b = append(b, `{"$t":`...)
	b = pyjson.AppendStringASCII(b, tag)
	if class != "" {
		b = append(b, `,"cls":`...)
		b = pyjson.AppendStringASCII(b, class)
	}
	b = append(b, `,"v":`...)
	b, err := v(b)
	return append(b, '}'), err
}

func appendSeq(b []byte, items []any, depth int) ([]byte, error) {
	b = append(b, '[')
	var err error
	for i, it := range items {
		if i > 0 {
			b = append(b, ',')
		}
		if b, err = encode(b, it, depth+1); err != nil {
			return b, err
		}
	}
	return append(b, ']'), nil
}

// appendStrDict writes a dict with str keys: a plain object unless a key is "$t".
func appendStrDict(b []byte, keys []string, vals []any, depth int) ([]byte, error) {
	for _, k := range keys {
		if k == "$t" {
			pairs := make([]any, len(keys))
			for i := range keys {
				pairs[i] = []any{keys[i], vals[i]}
			}
			return appendTag(b, "dict", "", func(b []byte) ([]byte, error) { return appendSeq(b, pairs, depth+1) })
		}
	}
	b = append(b, '{')
	var err error
	for i, k := range keys {
		if i > 0 {
			b = append(b, ',')
		}
		b = pyjson.AppendStringASCII(b, k)
		b = append(b, ':')
		if b, err = encode(b, vals[i], depth+1); err != nil {
			return b, err
		}
	}
	return append(b, '}'), nil
}

// encodePy writes a pyval value.
func encodePy(b []byte, v pyval.Value, depth int) ([]byte, error) {
	switch x := v.(type) {
	case pyval.NoneType:
		return append(b, "null"...), nil
	case pyval.Bool:
		return strconv.AppendBool(b, bool(x)), nil
	case pyval.Int:
		return append(b, x.String()...), nil
	case pyval.Float:
		return appendFloat(b, float64(x)), nil
	case pyval.Str:
		return pyjson.AppendStringASCII(b, string(x)), nil
	case pyval.Bytes:
		return encode(b, []byte(x), depth)
	case *pyval.List:
		return appendPySeq(b, x.Items, depth)
	case pyval.Tuple:
		return appendTag(b, "tuple", "", func(b []byte) ([]byte, error) { return appendPySeq(b, x, depth+1) })
	case *pyval.Dict:
		keys, vals := x.Keys(), x.Values()
		skeys := make([]string, len(keys))
		avals := make([]any, len(vals))
		for i, k := range keys {
			s, ok := k.(pyval.Str)
			if !ok {
				return appendPyPairs(b, keys, vals, depth)
			}
			skeys[i] = string(s)
			avals[i] = vals[i]
		}
		return appendStrDict(b, skeys, avals, depth)
	case pyval.Model:
		// The fields set, when the model knows them (generated models): rebuilt with
		// model_validate, the instance then has the same model_fields_set, the other
		// fields their defaults.
		if err := nullGuard(x); err != nil {
			return b, err // nullguard.go
		}
		return appendModel(b, x, depth)
	case *pyval.Object:
		// All its fields, and the fields set the worker restores.
		b = append(b, `{"$t":"model","cls":`...)
		b = pyjson.AppendStringASCII(b, x.Class)
		b = append(b, `,"set":`...)
		b = appendStrings(b, x.Set)
		b = append(b, `,"v":`...)
		b, err := encodePy(b, x.Fields, depth+1)
		return append(b, '}'), err
	case pyval.Enum:
		// Qual is "module.QualName": the worker resolves dotted names.
		return appendTag(b, "enum", x.EnumQual(), func(b []byte) ([]byte, error) { return encode(b, x.EnumValue(), depth+1) })
	case pyval.UUID:
		return encode(b, UUID(validate.UUID(x).String()), depth)
	case pyval.Date:
		return encode(b, Date(string(x.Isoformat())), depth)
	case pyval.DateTime:
		return encode(b, Tagged{Tag: "datetime", V: string(x.Isoformat())}, depth)
	case pyval.Time:
		return encode(b, Tagged{Tag: "time", V: string(x.Isoformat())}, depth)
	case pyval.Timedelta:
		return encode(b, Tagged{Tag: "timedelta", V: []any{x.Days, int64(x.Seconds), int64(x.Microseconds)}}, depth)
	case pyval.Decimal:
		return encode(b, Decimal(validate.Decimal(x).String()), depth)
	case pyval.Set:
		items := make([]any, len(x.Items))
		for i, it := range x.Items {
			items[i] = it
		}
		return appendTag(b, x.TypeName(), "", func(b []byte) ([]byte, error) { return appendSeq(b, items, depth+1) })
	case pyval.URL:
		// worker.py rebuilds an "enum" tag as Class(value): pydantic's URL classes take
		// their text (HttpUrl("http://x.com/")), which validates back to the same URL.
		return appendTag(b, "enum", "pydantic:"+x.TypeName(), func(b []byte) ([]byte, error) {
			return pyjson.AppendStringASCII(b, validate.URL(x).String()), nil
		})
	case *pyval.UploadFile:
		return appendUpload(b, x)
	case pyval.IP:
		return appendIP(b, x)
	}
	return b, ErrUnsupportedArg
}

// appendModel writes a model's tag: its class and its fields set (all of them when the
// model does not know), in the class's order, written as they are read (a field name
// is a Python identifier: never the "$t" that would make the fields a dict tag).
func appendModel(b []byte, x pyval.Model, depth int) ([]byte, error) {
	c := x.Class()
	set, hasSet := x.(interface{ FieldSet(i int) bool })
	class := c.Qual
	if class == "" {
		class = c.Name
	}
	b = append(b, `{"$t":"model","cls":`...)
	b = pyjson.AppendStringASCII(b, class)
	b = append(b, `,"v":{`...)
	n := 0
	var err error
	for i, f := range c.Fields {
		if hasSet && !set.FieldSet(i) {
			continue
		}
		if f.Name == "$t" {
			return b, errors.New("bridge: a model field named $t")
		}
		if n > 0 {
			b = append(b, ',')
		}
		n++
		b = pyjson.AppendStringASCII(b, f.Name)
		b = append(b, ':')
		if b, err = encode(b, x.Field(i), depth+2); err != nil {
			return b, err
		}
	}
	return append(b, "}}"...), nil
}

func appendPySeq(b []byte, items []pyval.Value, depth int) ([]byte, error) {
	b = append(b, '[')
	var err error
	for i, it := range items {
		if i > 0 {
			b = append(b, ',')
		}
		if b, err = encode(b, it, depth+1); err != nil {
			return b, err
		}
	}
	return append(b, ']'), nil
}

func appendPyPairs(b []byte, keys, vals []pyval.Value, depth int) ([]byte, error) {
	return appendTag(b, "dict", "", func(b []byte) ([]byte, error) {
		b = append(b, '[')
		var err error
		for i := range keys {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, '[')
			if b, err = encode(b, keys[i], depth+1); err != nil {
				return b, err
			}
			b = append(b, ',')
			if b, err = encode(b, vals[i], depth+1); err != nil {
				return b, err
			}
			b = append(b, ']')
		}
		return append(b, ']'), nil
	})
}
