package openapi

import (
	"math/big"
	"sort"
	"strings"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/ir/ojson"
)

// encoder converts Python values to JSON as FastAPI's jsonable_encoder (jsonable) or
// pydantic's to_jsonable_python (pydantic mode) does.
type encoder struct {
	pydantic bool
	diags    *ir.Diagnostics
}

func (e encoder) encode(v ir.Value) ojson.Value {
	switch x := v.(type) {
	case nil, ir.None:
		return ojson.Null{}
	case ir.Bool:
		return ojson.Bool(x)
	case ir.Int:
		return ojson.BigInt(x.V)
	case ir.Float:
		return ojson.Float(float64(x))
	case ir.Str:
		return ojson.String(x)
	case ir.Bytes:
		return ojson.String(strings.ToValidUTF8(string(x), "\uFFFD"))
	case ir.List:
		return e.list(x)
	case ir.Tuple:
		return e.list(x)
	case ir.Set:
		items := x.Items
		if e.pydantic && len(items) > 1 {
			items = sortedValues(items)
		}
		return e.list(items)
	case *ir.Dict:
		o := ojson.NewObject()
		for i, k := range x.Keys {
			o.Set(keyString(k), e.encode(x.Values[i]))
		}
		return o
	case ir.EnumMember:
		if mv := x.MemberValue(); mv != nil {
			return e.encode(mv)
		}
		return ojson.String(x.Name)
	case ir.Formatted:
		return ojson.String(x.Text)
	case ir.Decimal:
		if e.pydantic {
			return ojson.String(string(x))
		}
		return decimalJSON(string(x))
	case *ir.ModelInstance:
		return e.model(x)
	case ir.Ellipsis:
		return ojson.String("Ellipsis")
	case ir.Opaque:
		if e.diags != nil {
			e.diags.Add(x.Pos, "value %s not known statically", x.Text)
		}
		return ojson.String(x.Text)
	}
	return ojson.Null{}
}

func (e encoder) list(items []ir.Value) ojson.Value {
	a := ojson.Array{}
	for _, it := range items {
		a = append(a, e.encode(it))
	}
	return a
}

// model dumps a model instance built with constant arguments (by alias, defaults filled).
func (e encoder) model(m *ir.ModelInstance) ojson.Value {
	o := ojson.NewObject()
	for _, f := range m.Model.Fields {
		name := f.Name
		if f.Info.SerializationAlias != nil {
			name = *f.Info.SerializationAlias
		} else if f.Info.Alias != nil {
			name = *f.Info.Alias
		}
		if v, ok := m.Fields.Get(f.Name); ok {
			o.Set(name, e.encode(v))
		} else if f.Info.Alias != nil {
			if v, ok := m.Fields.Get(*f.Info.Alias); ok {
				o.Set(name, e.encode(v))
				continue
			}
		}
		if !o.Has(name) && !f.Info.Required {
			if f.Info.Default != nil {
				o.Set(name, e.encode(f.Info.Default))
			} else if f.Info.FactoryValue != nil {
				o.Set(name, e.encode(f.Info.FactoryValue))
			}
		}
	}
	return o
}

// keyString is how json.dumps writes a dict key.
func keyString(k ir.Value) string {
	switch x := k.(type) {
	case ir.Str:
		return string(x)
	case ir.Int:
		return x.V.String()
	case ir.Float:
		return string(ojson.Float(float64(x)))
	case ir.Bool:
		if x {
			return "true"
		}
		return "false"
	case ir.None:
		return "null"
	case ir.EnumMember:
		if mv := x.MemberValue(); mv != nil {
			return keyString(mv)
		}
	}
	return k.Repr()
}

// decimalJSON is jsonable_encoder's Decimal handling: an int when the exponent is not
// negative, else a float.
func decimalJSON(s string) ojson.Value {
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		return ojson.String(s)
	}
	exp := 0
	if i := strings.IndexAny(s, "eE"); i >= 0 {
		n, _ := new(big.Int).SetString(s[i+1:], 10)
		if n != nil {
			exp = int(n.Int64())
		}
		s = s[:i]
	}
	if i := strings.IndexByte(s, '.'); i >= 0 {
		exp -= len(s) - i - 1
	}
	if exp >= 0 && r.IsInt() {
		return ojson.BigInt(r.Num())
	}
	f, _ := r.Float64()
	return ojson.Float(f)
}

func sortedValues(vs []ir.Value) []ir.Value {
	out := append([]ir.Value{}, vs...)
	sort.SliceStable(out, func(i, j int) bool { return lessValue(out[i], out[j]) })
	return out
}

func lessValue(a, b ir.Value) bool {
	switch x := a.(type) {
	case ir.Str:
		if y, ok := b.(ir.Str); ok {
			return x < y
		}
	case ir.Int:
		if y, ok := b.(ir.Int); ok {
			return x.V.Cmp(y.V) < 0
		}
		if y, ok := b.(ir.Float); ok {
			f, _ := new(big.Float).SetInt(x.V).Float64()
			return f < float64(y)
		}
	case ir.Float:
		if y, ok := b.(ir.Float); ok {
			return x < y
		}
		if y, ok := b.(ir.Int); ok {
			f, _ := new(big.Float).SetInt(y.V).Float64()
			return float64(x) < f
		}
	}
	return false
}
