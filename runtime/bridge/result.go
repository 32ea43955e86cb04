package bridge

import (
	"encoding/base64"
	"errors"

	"github.com/covetpy/covetgen/runtime/pyjson"
	"github.com/covetpy/covetgen/runtime/pyval"
	"github.com/covetpy/covetgen/runtime/validate"
)

// Result is a function's return value as tagged JSON (see worker.py).
type Result struct {
	data []byte
}

// JSON returns the tagged JSON text (shared; do not modify).
func (r Result) JSON() []byte { return r.data }

// ModelFunc builds the Go value of a returned pydantic model: class is
// "module:Qualname", fields its model_dump(mode="python") (nested models as dicts),
// fieldsSet its model_fields_set. The generated code maps class to its model and
// validates fields through the model's decoder (pyval.ValidationInput).
type ModelFunc func(class string, fields *pyval.Dict, fieldsSet []string) (pyval.Value, error)

// Value decodes the result as a pyval.Value. Tags without a pyval kind become what
// validating them in JSON mode accepts: date, time, datetime, UUID and Decimal their
// str(); timedelta a pyval.Timedelta; set and frozenset a *List; an enum its
// value; a dataclass a *Dict of its fields; a model model(...) when model is non-nil,
// else the *Dict of its fields; a session's ref a Ref.
func (r Result) Value(model ModelFunc) (pyval.Value, error) {
	doc, err := pyjson.Parse(r.data)
	if err != nil {
		return nil, errors.New("bridge: bad result: " + err.Error())
	}
	return toValue(doc.Root(), model)
}

func toValue(v pyjson.Value, model ModelFunc) (pyval.Value, error) {
	switch v.Kind() {
	case pyjson.KindArray:
		return toList(v, model)
	case pyjson.KindObject:
		if tag, ok := v.Get("$t"); ok {
			return fromTag(tag.Str(), v, model)
		}
		d := &pyval.Dict{}
		for it := v.Members(); it.Next(); {
			x, err := toValue(it.Value(), model)
			if err != nil {
				return nil, err
			}
			d.SetStr(it.Key(), x)
		}
		return d, nil
	}
	return pyval.FromJSON(v), nil
}

func toList(v pyjson.Value, model ModelFunc) (*pyval.List, error) {
	if v.Kind() != pyjson.KindArray {
		return nil, errors.New("bridge: bad result: array expected")
	}
	items := make([]pyval.Value, 0, v.Len())
	for it := v.Elems(); it.Next(); {
		x, err := toValue(it.Value(), model)
		if err != nil {
			return nil, err
		}
		items = append(items, x)
	}
	return &pyval.List{Items: items}, nil
}

func fromTag(tag string, v pyjson.Value, model ModelFunc) (pyval.Value, error) {
	x, _ := v.Get("v")
	switch tag {
	case "ref":
		return refFromTag(v)
	case "tuple", "set", "frozenset":
		l, err := toList(x, model)
		if err != nil || tag != "tuple" {
			return l, err
		}
		return pyval.Tuple(l.Items), nil
	case "dict":
		pairs, err := toList(x, model)
		if err != nil {
			return nil, err
		}
		d := &pyval.Dict{}
		for _, p := range pairs.Items {
			kv, ok := p.(*pyval.List)
			if !ok || len(kv.Items) != 2 {
				return nil, errors.New("bridge: bad result: dict pair expected")
			}
			if err := d.Set(kv.Items[0], kv.Items[1]); err != nil {
				return nil, err
			}
		}
		return d, nil
	case "bytes":
		b, err := base64.StdEncoding.DecodeString(x.Str())
		if err != nil {
			return nil, errors.New("bridge: bad result: " + err.Error())
		}
		return pyval.Bytes(b), nil
	case "date", "time", "datetime", "uuid", "decimal":
		return pyval.Str(x.Str()), nil
	case "timedelta":
		// A pyval.Timedelta: validation reads its ISO 8601 text back exactly (total
		// seconds as a float lose microseconds past ~100000 days).
		var p [3]int64
		i := 0
		for it := x.Elems(); it.Next() && i < 3; i++ {
			p[i], _ = it.Value().Int64()
		}
		return pyval.Timedelta(validate.Duration{Days: p[0], Seconds: int32(p[1]), Microseconds: int32(p[2])}), nil
	case "enum":
		return toValue(x, model)
	case "dataclass", "model":
		fv, err := toValue(x, model)
		if err != nil {
			return nil, err
		}
		fields, ok := fv.(*pyval.Dict)
		if !ok {
			return nil, errors.New("bridge: bad result: model fields expected")
		}
		if tag == "dataclass" || model == nil {
			return fields, nil
		}
		cls, _ := v.Get("cls")
		var set []string
		if s, ok := v.Get("set"); ok && s.Kind() == pyjson.KindArray {
			for it := s.Elems(); it.Next(); {
				set = append(set, it.Value().Str())
			}
		}
		return model(cls.Str(), fields, set)
	}
	return nil, errors.New("bridge: bad result: unknown tag " + tag)
}
