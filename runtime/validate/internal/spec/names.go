package spec

import (
	"strconv"
	"strings"
)

// Tag is the union-member location label pydantic-core gives a type (its
// validator's name): "int", "constrained-str", "list[int]",
// "dict[str,int]", "tuple[int, ...]", "literal['a',1]", "nullable[str]",
// "enum[Color]", a model's class name. A generator computes the same.
func (s *Schema) Tag(t *Type) string {
	names := func(sep string) string {
		parts := make([]string, len(t.Items))
		for i, it := range t.Items {
			parts[i] = s.Tag(it)
		}
		return strings.Join(parts, sep)
	}
	numeric := t.Gt != "" || t.Ge != "" || t.Lt != "" || t.Le != "" || t.MultipleOf != ""
	switch t.Kind {
	case "int", "float":
		if numeric {
			return "constrained-" + t.Kind
		}
		return t.Kind
	case "str":
		if t.MinLen != nil || t.MaxLen != nil || t.Pattern != "" || t.Strip || t.Lower || t.Upper {
			return "constrained-str"
		}
		return "str"
	case "bytes":
		if t.MinLen != nil || t.MaxLen != nil {
			return "constrained-bytes"
		}
		return "bytes"
	case "literal":
		parts := make([]string, len(t.Values))
		for i, v := range t.Values {
			parts[i] = PyRepr(v)
		}
		return "literal[" + strings.Join(parts, ",") + "]"
	case "enum":
		if e := s.Enum(t.Ref); e != nil && e.Int {
			return "int-enum[" + t.Ref + "]"
		}
		return "enum[" + t.Ref + "]"
	case "list", "set", "frozenset":
		return t.Kind + "[" + names(",") + "]"
	case "tuple":
		return "tuple[" + names(",") + ", ...]"
	case "sequence":
		return "json-or-python[json=list[" + names(",") + "],python=chain[is-instance[Sequence],function-wrap[sequence_validator()]]]"
	case "tuplefix":
		return "tuple[" + names(", ") + "]"
	case "dict":
		return "dict[" + names(",") + "]"
	case "optional":
		return "nullable[" + names(",") + "]"
	case "union":
		return "union[" + names(",") + "]"
	case "tagged":
		return "tagged-union[" + names(",") + "]"
	case "model":
		return t.Ref
	}
	return t.Kind
}

// PyRepr is Python's repr of a JSON-like literal value.
func PyRepr(v any) string {
	switch x := v.(type) {
	case nil:
		return "None"
	case bool:
		if x {
			return "True"
		}
		return "False"
	case string:
		return reprStr(x)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case int:
		return strconv.Itoa(x)
	case int64:
		return strconv.FormatInt(x, 10)
	}
	return "?"
}

func reprStr(s string) string {
	q := "'"
	if strings.Contains(s, "'") && !strings.Contains(s, `"`) {
		q = `"`
	}
	r := strings.ReplaceAll(s, `\`, `\\`)
	if q == "'" {
		r = strings.ReplaceAll(r, "'", `\'`)
	}
	return q + r + q
}
