package spec

import (
	"github.com/covetpy/covetgen/runtime/validate"
)

// Dump writes v (of the root type) in mode with opts.
func (in *Interp) Dump(v *Val, mode validate.Mode, opts validate.DumpOptions) ([]byte, error) {
	var e validate.Encoder
	e.Reset(mode, opts)
	in.Encode(&e, in.S.Root, v)
	return e.Buf, e.Err
}

// Encode writes v as t.
func (in *Interp) Encode(e *validate.Encoder, t *Type, v *Val) {
	c := in.compile(t)
	switch t.Kind {
	case "int":
		e.Int(v.I)
	case "float":
		e.Float(v.F)
	case "str":
		e.Str(v.S)
	case "bool":
		e.Bool(v.B)
	case "bytes":
		e.Bytes(v.Bytes)
	case "none":
		e.Null()
	case "any":
		e.Any(v.Any)
	case "uuid":
		e.UUID(v.U)
	case "decimal":
		e.Decimal(v.D)
	case "date":
		e.Date(v.Date)
	case "time":
		e.Time(v.Time)
	case "datetime":
		e.DateTime(v.DT)
	case "timedelta":
		e.Duration(v.Dur)
	case "literal":
		e.Choice(c.lit.Choices[v.Idx])
	case "enum":
		e.Choice(c.enum.Values[v.Idx])
	case "set", "frozenset":
		e.BeginArray()
		for i := range v.List {
			e.Elem()
			in.Encode(e, t.Items[0], &v.List[i])
		}
		e.EndArray()
	case "list", "tuple", "sequence":
		e.BeginArray()
		for i := range v.List {
			if e.Item(i) {
				in.Encode(e, t.Items[0], &v.List[i])
				e.Done()
			}
		}
		e.EndArray()
	case "tuplefix":
		e.BeginArray()
		for i := range v.List {
			if e.Item(i) {
				in.Encode(e, t.Items[i], &v.List[i])
				e.Done()
			}
		}
		e.EndArray()
	case "dict":
		e.BeginObject()
		for i := range v.Pairs {
			if e.Entry(in.keyString(t.Items[0], &v.Pairs[i].Key)) {
				in.Encode(e, t.Items[1], &v.Pairs[i].Value)
				e.Done()
			}
		}
		e.EndObject()
	case "optional":
		if v.Null {
			e.Null()
			return
		}
		in.Encode(e, t.Items[0], v)
	case "union", "tagged":
		in.Encode(e, t.Items[v.Member], v.Sub)
	case "model":
		in.encodeModel(e, in.S.Model(t.Ref), v.Model)
	}
}

// keyString is a dict key as it is written (str keys as they are, ints
// in decimal).
func (in *Interp) keyString(t *Type, k *Val) string {
	switch t.Kind {
	case "int":
		return k.I.String()
	case "literal", "enum":
		var b []byte
		e := validate.Encoder{}
		e.Reset(validate.ModePydantic, validate.DumpOptions{})
		in.Encode(&e, t, k)
		b = e.Buf
		if len(b) > 1 && b[0] == '"' {
			return string(b[1 : len(b)-1])
		}
		return string(b)
	}
	return k.S
}

func (in *Interp) encodeModel(e *validate.Encoder, m *Model, mv *ModelVal) {
	p := in.plan(m)
	e.BeginModel()
	for fi, f := range m.Fields {
		fv := &mv.Fields[fi]
		isDefault := p.defaults[fi] != nil && in.equal(f.Type, fv, p.defaults[fi])
		if e.Field(f.Name, f.Alias, mv.Set.Has(fi) || m.Dataclass, isDefault, in.isNone(f.Type, fv)) {
			in.Encode(e, f.Type, fv)
			e.Done()
		}
	}
	for _, x := range mv.Extras {
		if e.Field(x.Key, "", true, false, x.Value.IsNull()) {
			e.Any(x.Value)
			e.Done()
		}
	}
	e.EndModel()
}

func (in *Interp) isNone(t *Type, v *Val) bool {
	switch t.Kind {
	case "optional", "none":
		return v.Null
	case "any":
		return v.Any.IsNull()
	}
	return false
}

// equal is Python == between two values of t (for exclude_defaults).
func (in *Interp) equal(t *Type, a, b *Val) bool {
	switch t.Kind {
	case "int":
		return a.I.Cmp(b.I) == 0
	case "float":
		return a.F == b.F
	case "str":
		return a.S == b.S
	case "bool":
		return a.B == b.B
	case "bytes":
		return string(a.Bytes) == string(b.Bytes)
	case "none":
		return true
	case "literal", "enum":
		return a.Idx == b.Idx
	case "uuid":
		return a.U == b.U
	case "decimal":
		return validate.DecimalHasher.Equal(a.D, b.D)
	case "date":
		return a.Date == b.Date
	case "timedelta":
		return a.Dur == b.Dur
	case "optional":
		if a.Null || b.Null {
			return a.Null == b.Null
		}
		return in.equal(t.Items[0], a, b)
	case "union", "tagged":
		return a.Member == b.Member && in.equal(t.Items[a.Member], a.Sub, b.Sub)
	case "list", "tuple", "set", "frozenset", "tuplefix":
		if len(a.List) != len(b.List) {
			return false
		}
		for i := range a.List {
			it := t.Items[0]
			if t.Kind == "tuplefix" {
				it = t.Items[i]
			}
			if !in.equal(it, &a.List[i], &b.List[i]) {
				return false
			}
		}
		return true
	case "dict":
		if len(a.Pairs) != len(b.Pairs) {
			return false
		}
		for i := range a.Pairs {
			if !in.equal(t.Items[0], &a.Pairs[i].Key, &b.Pairs[i].Key) || !in.equal(t.Items[1], &a.Pairs[i].Value, &b.Pairs[i].Value) {
				return false
			}
		}
		return true
	}
	return false
}
