package openapi

import (
	"fmt"
	"strings"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/ir/ojson"
)

// typeSchema is generate_inner for a type.
func (g *gen) typeSchema(t *ir.Type) *ojson.Object {
	s := g.typeSchemaNoMeta(t)
	if t.Meta != nil {
		s = ojson.Clone(s).(*ojson.Object)
		g.applyUpdates(s, t.Meta)
	}
	return s
}

func (g *gen) typeSchemaNoMeta(t *ir.Type) *ojson.Object {
	c := &t.Constraints
	str := func(k string) *ojson.Object { return ojson.Obj("type", ojson.String(k)) }
	switch t.Kind {
	case ir.KindAny, ir.KindTypeVar:
		return ojson.NewObject()
	case ir.KindNone:
		return str("null")
	case ir.KindBool:
		return str("boolean")
	case ir.KindInt:
		s := str("integer")
		g.numeric(s, c, false)
		return s
	case ir.KindFloat:
		s := str("number")
		g.numeric(s, c, false)
		return s
	case ir.KindStr:
		s := str("string")
		g.stringCons(s, c)
		return s
	case ir.KindBytes:
		s := ojson.Obj("type", ojson.String("string"), "contentMediaType", ojson.String("application/octet-stream"))
		if c.MinLength != nil {
			s.Set("minLength", ojson.Int(int64(*c.MinLength)))
		}
		if c.MaxLength != nil {
			s.Set("maxLength", ojson.Int(int64(*c.MaxLength)))
		}
		return s
	case ir.KindDecimal:
		return g.decimal(c)
	case ir.KindDate:
		return ojson.Obj("type", ojson.String("string"), "format", ojson.String("date"))
	case ir.KindDateTime:
		return ojson.Obj("type", ojson.String("string"), "format", ojson.String("date-time"))
	case ir.KindTime:
		return ojson.Obj("type", ojson.String("string"), "format", ojson.String("time"))
	case ir.KindTimeDelta:
		return ojson.Obj("type", ojson.String("string"), "format", ojson.String("duration"))
	case ir.KindUUID:
		format := "uuid"
		if n := strings.TrimPrefix(t.Name, "pydantic.UUID"); n != t.Name && n != "" {
			format = "uuid" + n
		}
		return ojson.Obj("type", ojson.String("string"), "format", ojson.String(format))
	case ir.KindURL:
		format := "uri"
		switch t.Name {
		case "pydantic.MongoDsn", "pydantic.NatsDsn", "pydantic.PostgresDsn":
			format = "multi-host-uri"
		}
		s := ojson.Obj("type", ojson.String("string"), "format", ojson.String(format), "minLength", ojson.Int(1))
		if t.Name == "pydantic.HttpUrl" || t.Name == "pydantic.WebsocketUrl" {
			s.Set("maxLength", ojson.Int(2083))
		}
		return s
	case ir.KindIP:
		// IPv4Address -> ipv4, IPv6Network -> ipv6network, IPvAnyAddress -> ipvanyaddress.
		format := strings.ToLower(t.Name[strings.LastIndexByte(t.Name, '.')+1:])
		if format == "ipv4address" || format == "ipv6address" {
			format = format[:4]
		}
		return ojson.Obj("type", ojson.String("string"), "format", ojson.String(format))
	case ir.KindPath:
		return ojson.Obj("type", ojson.String("string"), "format", ojson.String("path"))
	case ir.KindList:
		s := ojson.Obj("type", ojson.String("array"), "items", g.itemSchema(t, 0))
		g.arrayCons(s, c)
		return s
	case ir.KindSet, ir.KindFrozenSet:
		s := ojson.Obj("type", ojson.String("array"), "uniqueItems", ojson.Bool(true), "items", g.itemSchema(t, 0))
		g.arrayCons(s, c)
		return s
	case ir.KindTuple:
		return g.tuple(t)
	case ir.KindDict:
		return g.dict(t)
	case ir.KindUnion:
		return g.union(t)
	case ir.KindLiteral:
		return g.literal(t.Values)
	case ir.KindEnum:
		return g.enum(t.Enum)
	case ir.KindModel:
		return g.model(t.Model)
	case ir.KindClass:
		if t.Name == "fastapi.UploadFile" {
			return ojson.Obj("type", ojson.String("string"), "contentMediaType", ojson.String("application/octet-stream"))
		}
		// The lifter reports the types it does not model.
		return ojson.NewObject()
	}
	// KindUnknown: the lifter has reported it.
	return ojson.NewObject()
}

func (g *gen) itemSchema(t *ir.Type, i int) *ojson.Object {
	if i < len(t.Args) {
		return g.typeSchema(t.Args[i])
	}
	return ojson.NewObject()
}

func (g *gen) num(v ir.Value) ojson.Value { return g.enc.encode(v) }

// numeric applies the numeric constraints in pydantic's ValidationsMapping order; asFloat
// converts them to floats (Decimal's number branch).
func (g *gen) numeric(s *ojson.Object, c *ir.Constraints, asFloat bool) {
	for _, kv := range []struct {
		key string
		v   ir.Value
	}{{"multipleOf", c.MultipleOf}, {"maximum", c.Le}, {"minimum", c.Ge}, {"exclusiveMaximum", c.Lt}, {"exclusiveMinimum", c.Gt}} {
		if kv.v == nil {
			continue
		}
		v := kv.v
		if asFloat {
			v = toFloat(v)
		}
		n := g.num(v)
		if num, ok := n.(ojson.Number); ok && (num == "Infinity" || num == "-Infinity") {
			continue
		}
		s.Set(kv.key, n)
	}
}

func toFloat(v ir.Value) ir.Value {
	switch x := v.(type) {
	case ir.Int:
		f, _ := new(bigFloat).SetInt(x.V).Float64()
		return ir.Float(f)
	case ir.Decimal:
		r, ok := new(bigRat).SetString(string(x))
		if ok {
			f, _ := r.Float64()
			return ir.Float(f)
		}
	case ir.Bool:
		if x {
			return ir.Float(1)
		}
		return ir.Float(0)
	}
	return v
}

func (g *gen) stringCons(s *ojson.Object, c *ir.Constraints) {
	if c.MinLength != nil {
		s.Set("minLength", ojson.Int(int64(*c.MinLength)))
	}
	if c.MaxLength != nil {
		s.Set("maxLength", ojson.Int(int64(*c.MaxLength)))
	}
	if c.Pattern != nil {
		s.Set("pattern", ojson.String(*c.Pattern))
	}
}

func (g *gen) arrayCons(s *ojson.Object, c *ir.Constraints) {
	if c.MinLength != nil {
		s.Set("minItems", ojson.Int(int64(*c.MinLength)))
	}
	if c.MaxLength != nil {
		s.Set("maxItems", ojson.Int(int64(*c.MaxLength)))
	}
}

// decimal is pydantic's decimal_schema.
func (g *gen) decimal(c *ir.Constraints) *ojson.Object {
	pattern := `^(?!^[-+.]*$)[+-]?0*`
	md, dp := c.MaxDigits, c.DecimalPlaces
	switch {
	case md != nil && dp != nil:
		ip := max(0, *md-*dp)
		pattern += fmt.Sprintf(`(?:\d{0,%d}|(?=[\d.]{1,%d}0*$)\d{0,%d}\.\d{0,%d}0*$)`, ip, *md+1, ip, *dp)
	case md != nil:
		pattern += fmt.Sprintf(`(?:\d{0,%d}|(?=[\d.]{1,%d}0*$)\d*\.\d*0*$)`, *md, *md+1)
	case dp != nil:
		pattern += fmt.Sprintf(`\d*\.?\d{0,%d}0*$`, *dp)
	default:
		pattern += `\d*\.?\d*$`
	}
	s := ojson.Obj("type", ojson.String("string"), "pattern", ojson.String(pattern))
	if g.mode == validation {
		f := ojson.Obj("type", ojson.String("number"))
		g.numeric(f, c, true)
		return ojson.Obj("anyOf", ojson.Array{f, s})
	}
	return s
}

func (g *gen) tuple(t *ir.Type) *ojson.Object {
	s := ojson.Obj("type", ojson.String("array"))
	if t.Variadic {
		// tuple[T, ...]: the variadic item is the last (and only) one.
		s.Set("items", g.itemSchema(t, 0))
	} else {
		var prefix ojson.Array
		for _, a := range t.Args {
			prefix = append(prefix, g.typeSchema(a))
		}
		if len(prefix) > 0 {
			s.Set("prefixItems", prefix)
		}
		s.Set("minItems", ojson.Int(int64(len(prefix))))
		s.Set("maxItems", ojson.Int(int64(len(prefix))))
	}
	g.arrayCons(s, &t.Constraints)
	return s
}

func (g *gen) dict(t *ir.Type) *ojson.Object {
	s := ojson.Obj("type", ojson.String("object"))
	keys := ojson.NewObject()
	if len(t.Args) > 0 {
		keys = ojson.Clone(g.typeSchema(t.Args[0])).(*ojson.Object)
	}
	var keyPattern ojson.Value
	if !keys.Has("$ref") {
		keyPattern, _ = keys.Get("pattern")
		keys.Delete("pattern")
		keys.Delete("title")
	}
	vals := ojson.NewObject()
	if len(t.Args) > 1 {
		vals = ojson.Clone(g.typeSchema(t.Args[1])).(*ojson.Object)
	}
	vals.Delete("title")
	switch {
	case keyPattern != nil:
		s.Set("patternProperties", ojson.Obj(string(keyPattern.(ojson.String)), vals))
	case vals.Len() > 0:
		s.Set("additionalProperties", vals)
	default:
		s.Set("additionalProperties", ojson.Bool(true))
	}
	if typ, _ := keys.Get("type"); (typ == ojson.String("string") && keys.Len() > 1) || keys.Has("$ref") {
		keys.Delete("type")
		s.Set("propertyNames", keys)
	}
	if c := &t.Constraints; c.MinLength != nil || c.MaxLength != nil {
		if c.MinLength != nil {
			s.Set("minProperties", ojson.Int(int64(*c.MinLength)))
		}
		if c.MaxLength != nil {
			s.Set("maxProperties", ojson.Int(int64(*c.MaxLength)))
		}
	}
	return s
}

// union is _union_schema: members then nullable.
func (g *gen) union(t *ir.Type) *ojson.Object {
	members := t.NonNone()
	nullable := len(members) < len(t.Args)
	var inner *ojson.Object
	switch {
	case len(members) == 0:
		return ojson.Obj("type", ojson.String("null"))
	case t.Discriminator != "" && len(members) > 1:
		inner = g.tagged(members, t.Discriminator)
	case len(members) == 1:
		inner = g.typeSchema(members[0])
	default:
		var gen []*ojson.Object
		for _, m := range members {
			gen = append(gen, g.typeSchema(m))
		}
		inner = flattenedAnyOf(gen)
	}
	if !nullable {
		return inner
	}
	null := ojson.Obj("type", ojson.String("null"))
	if ojson.Equal(inner, null) {
		return null
	}
	return flattenedAnyOf([]*ojson.Object{inner, null})
}

// flattenedAnyOf is get_flattened_anyof.
func flattenedAnyOf(schemas []*ojson.Object) *ojson.Object {
	var members []*ojson.Object
	for _, s := range schemas {
		if v, ok := s.Get("anyOf"); ok && s.Len() == 1 {
			for _, m := range v.(ojson.Array) {
				members = append(members, m.(*ojson.Object))
			}
		} else {
			members = append(members, s)
		}
	}
	members = dedupe(members)
	if len(members) == 1 {
		return members[0]
	}
	arr := ojson.Array{}
	for _, m := range members {
		arr = append(arr, m)
	}
	return ojson.Obj("anyOf", arr)
}

func dedupe(ss []*ojson.Object) []*ojson.Object {
	var out []*ojson.Object
	seen := map[string]bool{}
	for _, s := range ss {
		k := canonical(s)
		if !seen[k] {
			seen[k] = true
			out = append(out, s)
		}
	}
	return out
}

// tagged is tagged_union_schema for a discriminated union of models.
func (g *gen) tagged(members []*ir.Type, disc string) *ojson.Object {
	mapping := ojson.NewObject()
	var choices []*ojson.Object
	for _, m := range members {
		s := g.typeSchema(m)
		var tags []ir.Value
		if m.Kind == ir.KindModel {
			if f := m.Model.Field(disc); f != nil && f.Type.Kind == ir.KindLiteral {
				tags = f.Type.Values
			} else if f != nil && f.Type.Kind == ir.KindEnum {
				for _, mem := range f.Type.Enum.Members {
					tags = append(tags, mem.Value)
				}
			}
		}
		for _, tag := range tags {
			if em, ok := tag.(ir.EnumMember); ok {
				tag = em.MemberValue()
			}
			key := keyString(tag)
			if s, ok := tag.(ir.Str); ok {
				key = string(s)
			}
			if r, ok := s.Get("$ref"); ok {
				mapping.Set(key, r)
			} else {
				mapping.Set(key, s)
			}
			choices = append(choices, s)
		}
	}
	arr := ojson.Array{}
	for _, c := range dedupe(choices) {
		arr = append(arr, c)
	}
	out := ojson.Obj("oneOf", arr)
	out.Set("discriminator", ojson.Obj("propertyName", ojson.String(disc), "mapping", mapping))
	return out
}

// literal is literal_schema.
func (g *gen) literal(values []ir.Value) *ojson.Object {
	var expected ojson.Array
	types := map[string]bool{}
	for _, v := range values {
		if em, ok := v.(ir.EnumMember); ok {
			if mv := em.MemberValue(); mv != nil {
				v = mv
			}
		}
		expected = append(expected, g.enc.encode(v))
		types[pyTypeName(v)] = true
	}
	s := ojson.NewObject()
	if len(expected) == 1 {
		s.Set("const", expected[0])
	} else {
		s.Set("enum", expected)
	}
	if len(types) == 1 {
		for k := range types {
			if jt := map[string]string{"str": "string", "int": "integer", "float": "number", "bool": "boolean", "list": "array", "NoneType": "null"}[k]; jt != "" {
				s.Set("type", ojson.String(jt))
			}
		}
	}
	return s
}

func pyTypeName(v ir.Value) string {
	switch v.(type) {
	case ir.Str:
		return "str"
	case ir.Int:
		return "int"
	case ir.Float:
		return "float"
	case ir.Bool:
		return "bool"
	case ir.List, ir.Tuple:
		return "list"
	case ir.None:
		return "NoneType"
	}
	return "?"
}
