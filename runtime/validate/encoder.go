package validate

import (
	"math"
	"strconv"

	"github.com/covetpy/covetgen/runtime/pyjson"
)

// Mode is the JSON dialect of a response body.
type Mode uint8

const (
	// ModePydantic is pydantic's JSON serializer (FastAPI path A, a
	// response_model): floats in pydantic's format, inf/NaN as null.
	ModePydantic Mode = iota
	// ModeJSONMode is model_dump(mode="json") then json.dumps (a
	// response_model with response_class=JSONResponse, and what
	// jsonable_encoder does to a model): Python float repr, inf/NaN fail.
	ModeJSONMode
	// ModeJSONable is jsonable_encoder then json.dumps on plain values
	// (path B without a model): Decimal becomes a number, timedelta its
	// total_seconds(), a UTC datetime "+00:00"; inside a model the model
	// is dumped as in ModeJSONMode.
	ModeJSONable
)

// DumpOptions are model_dump's options as FastAPI passes them
// (response_model_by_alias, _exclude_unset, _exclude_defaults,
// _exclude_none, _include, _exclude).
type DumpOptions struct {
	ByAlias         bool
	ExcludeUnset    bool
	ExcludeDefaults bool
	ExcludeNone     bool
	Include         *Filter
	Exclude         *Filter
}

// Encoder writes a response value. Generated code calls the value
// methods in document order; containers and models manage the commas.
// The first encoding failure (a float json.dumps refuses, a lone
// surrogate) is kept in Err and the output is then meaningless.
type Encoder struct {
	Buf  []byte
	Mode Mode
	Opts DumpOptions
	Err  error

	comma   []bool // per open container: an element was written
	filters []filterFrame
	inModel int
}

type filterFrame struct{ inc, exc *Filter }

// Reset prepares e for another value, keeping its buffers.
func (e *Encoder) Reset(mode Mode, opts DumpOptions) {
	e.Buf, e.Mode, e.Opts, e.Err = e.Buf[:0], mode, opts, nil
	e.comma, e.filters, e.inModel = e.comma[:0], e.filters[:0], 0
	inc := opts.Include
	if inc != nil && len(inc.Keys) == 0 { // an empty include is no include
		inc = nil
	}
	e.filters = append(e.filters, filterFrame{inc, opts.Exclude})
}

func (e *Encoder) fail(err error) {
	if e.Err == nil {
		e.Err = err
	}
}

// pyFloats reports json.dumps float formatting (repr, inf/NaN refused).
func (e *Encoder) pyFloats() bool { return e.Mode != ModePydantic }

// jsonable reports plain-value jsonable_encoder conversions.
func (e *Encoder) jsonable() bool { return e.Mode == ModeJSONable && e.inModel == 0 }

// sep writes the comma before a container element.
func (e *Encoder) sep() {
	if n := len(e.comma); n > 0 {
		if e.comma[n-1] {
			e.Buf = append(e.Buf, ',')
		}
		e.comma[n-1] = true
	}
}

// Null writes None.
func (e *Encoder) Null() { e.Buf = append(e.Buf, "null"...) }

// Bool writes a bool.
func (e *Encoder) Bool(b bool) { e.Buf = strconv.AppendBool(e.Buf, b) }

// Int writes an int.
func (e *Encoder) Int(i Int) {
	var err error
	if e.Buf, err = i.AppendJSON(e.Buf); err != nil {
		e.fail(err)
	}
}

// Float writes a float.
func (e *Encoder) Float(f float64) {
	if !e.pyFloats() {
		e.Buf = pyjson.AppendFloatPydantic(e.Buf, f)
		return
	}
	var err error
	if e.Buf, err = pyjson.AppendFloat(e.Buf, f); err != nil {
		e.fail(err)
	}
}

// Str writes a str.
func (e *Encoder) Str(s string) {
	var err error
	if e.Buf, err = pyjson.AppendString(e.Buf, s); err != nil {
		e.fail(err)
	}
}

// Bytes writes bytes (UTF-8 text, pydantic's default ser_json_bytes).
func (e *Encoder) Bytes(b []byte) { e.Str(string(b)) }

// UUID writes a UUID.
func (e *Encoder) UUID(u UUID) { e.Buf = u.AppendJSON(e.Buf) }

// Decimal writes a Decimal: a string, or a number under jsonable_encoder.
func (e *Encoder) Decimal(d Decimal) {
	if e.jsonable() {
		var err error
		if e.Buf, err = d.AppendInputJSON(e.Buf); err != nil {
			e.fail(err)
		}
		return
	}
	e.Buf = d.AppendJSON(e.Buf)
}

// Date writes a date.
func (e *Encoder) Date(d Date) { e.Buf = d.AppendJSON(e.Buf) }

// Time writes a time.
func (e *Encoder) Time(t Time) { e.Buf = t.AppendJSON(e.Buf) }

// DateTime writes a datetime ("+00:00" rather than "Z" under
// jsonable_encoder: isoformat()).
func (e *Encoder) DateTime(dt DateTime) {
	if e.jsonable() && dt.HasTZ && dt.Offset == 0 {
		e.Buf = append(e.Buf, '"')
		e.Buf = dt.Date.appendISO(e.Buf)
		e.Buf = append(e.Buf, 'T')
		t := dt.Time
		t.HasTZ = false
		e.Buf = t.appendISO(e.Buf)
		e.Buf = append(e.Buf, `+00:00"`...)
		return
	}
	e.Buf = dt.AppendJSON(e.Buf)
}

// Duration writes a timedelta: ISO 8601, or total_seconds() under
// jsonable_encoder.
func (e *Encoder) Duration(d Duration) {
	if e.jsonable() {
		e.Buf = d.AppendPyJSON(e.Buf)
		return
	}
	e.Buf = d.AppendJSON(e.Buf)
}

// Choice writes a Literal member or an Enum member's value.
func (e *Encoder) Choice(c Choice) {
	var err error
	if e.Buf, err = c.AppendJSON(e.Buf); err != nil {
		e.fail(err)
	}
}

// Any writes a value kept as decoded (Any fields, extra="allow" values):
// pydantic infers the type of each element.
func (e *Encoder) Any(v pyjson.Value) {
	switch v.Kind() {
	case pyjson.KindFloat:
		f, _ := v.Float64()
		if (e.Mode == ModeJSONMode || e.Mode == ModeJSONable && e.inModel > 0) && (math.IsInf(f, 0) || math.IsNaN(f)) {
			e.Null() // json-mode inference turns inf/NaN into None
			return
		}
		e.Float(f)
	case pyjson.KindArray:
		e.BeginArray()
		for it := v.Elems(); it.Next(); {
			if e.Item(it.Index()) {
				e.Any(it.Value())
				e.Done()
			}
		}
		e.EndArray()
	case pyjson.KindObject:
		e.BeginObject()
		for it := v.Members(); it.Next(); {
			if e.Entry(it.Key()) {
				e.Any(it.Value())
				e.Done()
			}
		}
		e.EndObject()
	default:
		var err error
		if e.Buf, err = pyjson.AppendValue(e.Buf, v); err != nil {
			e.fail(err)
		}
	}
}

// BeginArray opens a list, tuple or set.
func (e *Encoder) BeginArray() {
	e.Buf = append(e.Buf, '[')
	e.comma = append(e.comma, false)
}

// EndArray closes it.
func (e *Encoder) EndArray() {
	e.comma = e.comma[:len(e.comma)-1]
	e.Buf = append(e.Buf, ']')
}

// BeginObject opens a dict.
func (e *Encoder) BeginObject() {
	e.Buf = append(e.Buf, '{')
	e.comma = append(e.comma, false)
}

// EndObject closes it.
func (e *Encoder) EndObject() {
	e.comma = e.comma[:len(e.comma)-1]
	e.Buf = append(e.Buf, '}')
}

// BeginModel opens a model (a dict of its fields).
func (e *Encoder) BeginModel() {
	e.inModel++
	e.BeginObject()
}

// EndModel closes it.
func (e *Encoder) EndModel() {
	e.EndObject()
	e.inModel--
}

// Elem starts a set element (include/exclude do not apply to sets).
func (e *Encoder) Elem() { e.sep() }

// Item starts list or tuple element i; false when include/exclude drop it. Write
// the value then call Done.
func (e *Encoder) Item(i int) bool {
	f := e.filters[len(e.filters)-1]
	var inc, exc *Filter
	if f.inc != nil || f.exc != nil {
		var ok bool
		if inc, exc, ok = filterChild(f.inc, f.exc, strconv.Itoa(i)); !ok {
			return false
		}
	}
	e.filters = append(e.filters, filterFrame{inc, exc})
	e.sep()
	return true
}

// Entry starts a dict entry with a str key; false when filtered out.
func (e *Encoder) Entry(key string) bool {
	f := e.filters[len(e.filters)-1]
	var inc, exc *Filter
	if f.inc != nil || f.exc != nil {
		var ok bool
		if inc, exc, ok = filterChild(f.inc, f.exc, key); !ok {
			return false
		}
	}
	e.filters = append(e.filters, filterFrame{inc, exc})
	e.sep()
	e.Str(key)
	e.Buf = append(e.Buf, ':')
	return true
}

// Field starts model field `name` (written as alias with by_alias):
// false when exclude_unset (set is false), exclude_defaults (isDefault),
// exclude_none (isNone) or include/exclude drop it. Write the value then
// call Done.
func (e *Encoder) Field(name, alias string, set, isDefault, isNone bool) bool {
	o := &e.Opts
	if o.ExcludeUnset && !set || o.ExcludeDefaults && isDefault || o.ExcludeNone && isNone {
		return false
	}
	f := e.filters[len(e.filters)-1]
	var inc, exc *Filter
	if f.inc != nil || f.exc != nil {
		var ok bool
		if inc, exc, ok = filterChild(f.inc, f.exc, name); !ok {
			return false
		}
	}
	e.filters = append(e.filters, filterFrame{inc, exc})
	e.sep()
	if o.ByAlias && alias != "" {
		e.Str(alias)
	} else {
		e.Str(name)
	}
	e.Buf = append(e.Buf, ':')
	return true
}

// Done ends an Item, Entry or Field.
func (e *Encoder) Done() { e.filters = e.filters[:len(e.filters)-1] }
