package validate

import "github.com/covetpy/covetgen/runtime/pyjson"

// Union runs the members of a Union / X | Y in pydantic's smart mode (or
// left_to_right). Generated code tries each member in declaration order,
// decoding into that member's own slot, and asks End which one won:
//
//	u := s.Union(false)
//	if u.Try("int") { u.Result(0, s.Int(v, nil, &out.I)) }
//	if u.Try("str") { u.Result(1, s.Str(v, nil, &out.S)) }
//	out.Which, ok = u.End()
//
// Smart mode: a member that matches exactly (a JSON str for str, an int
// for int, a list for list[...]) and sets no model fields wins at once;
// otherwise the best success wins: the most model fields set, then the
// highest exactness, then the first. When every member fails, the errors
// of all of them are kept, each located under its tag (pydantic's
// validator name: "int", "list[int]", "constrained-str", "literal['a','b']",
// a model's class name).
type Union struct {
	s                   *State
	mark                int
	oldExact            Exactness
	oldFields           int
	best                int
	bestExact           Exactness
	bestFields          int
	leftToRight, done   bool
	tagPushed           bool
	curExact, curFields int
}

// Union begins a union.
func (s *State) Union(leftToRight bool) Union {
	return Union{s: s, mark: s.Mark(), oldExact: s.exact, oldFields: s.fieldsSet, best: -1, leftToRight: leftToRight}
}

// Try starts the next member, located under tag; false once the union is
// decided (skip the member).
func (u *Union) Try(tag string) bool {
	if u.done {
		return false
	}
	if !u.leftToRight {
		u.s.exact = Exact
		u.s.fieldsSet = -1
	}
	u.s.PushKey(tag)
	return true
}

// Result ends member i with its decoder's verdict.
func (u *Union) Result(i int, ok bool) {
	u.s.Pop()
	if !ok {
		return
	}
	if u.leftToRight {
		u.best, u.done = i, true
		return
	}
	exact, fields := u.s.exact, u.s.fieldsSet
	if exact == Exact && fields < 0 {
		u.best, u.bestExact, u.bestFields, u.done = i, exact, fields, true
		return
	}
	better := u.best < 0
	if !better {
		if u.bestFields >= 0 && fields >= 0 && u.bestFields != fields {
			better = u.bestFields < fields
		} else {
			better = u.bestExact < exact
		}
	}
	if better {
		u.best, u.bestExact, u.bestFields = i, exact, fields
	}
}

// End returns the winning member, or false with the members' errors
// recorded.
func (u *Union) End() (int, bool) {
	s := u.s
	if u.leftToRight {
		if u.best >= 0 {
			s.Rollback(u.mark)
			return u.best, true
		}
		return -1, false
	}
	s.exact, s.fieldsSet = u.oldExact, u.oldFields
	if u.best < 0 {
		return -1, false
	}
	s.Rollback(u.mark)
	s.Floor(u.bestExact)
	if u.bestFields >= 0 {
		s.AddFieldsSet(u.bestFields)
	}
	return u.best, true
}

// Opt is an Optional[T] value: Valid false is None.
type Opt[T any] struct {
	Value T
	Valid bool
}

// Nullable validates Optional[T]: None is accepted (exactly), anything else
// goes to item.
func Nullable[T any](s *State, v pyjson.Value, item Decoder[T], out *Opt[T]) bool {
	if v.Kind() == pyjson.KindNull {
		out.Valid = false
		return true
	}
	out.Valid = item(s, v, &out.Value)
	return out.Valid
}

// Tagged is a discriminated union (Field(discriminator=...)): the value
// of Key in the input object selects the member.
type Tagged struct {
	// Keys are looked up in order: the discriminator field's name, then
	// its alias when it has one (pydantic's 'kind' | 'Kind').
	Keys []string
	Tags *Literal
	// Expected is the tags as pydantic lists them ("'cat', 'dog'").
	Expected string
	disc     string
}

// NewTagged builds a discriminated union over tags (every tag value of
// every member, in member order).
func NewTagged(keys []string, tags ...Choice) *Tagged {
	t := &Tagged{Keys: keys, Tags: NewLiteral(tags...)}
	for i, k := range keys {
		if i > 0 {
			t.disc += " | "
		}
		t.disc += pyReprStr(k)
	}
	for i, c := range tags {
		if i > 0 {
			t.Expected += ", "
		}
		t.Expected += c.repr()
	}
	return t
}

// Select finds the tag: a non-object is model_attributes_type, a missing
// key union_tag_not_found, an unknown tag union_tag_invalid. It returns the
// index of the matching tag and the location element of the member's
// errors (made from the input's tag value, as pydantic does: 1.0 gives
// "1.0", true gives 1); generated code pushes it and decodes the member
// that owns that tag.
func (t *Tagged) Select(s *State, v pyjson.Value) (int, LocItem, bool) {
	if v.Kind() != pyjson.KindObject {
		return -1, LocItem{}, s.fail(newErr("model_attributes_type", msgModelAttributesType, v))
	}
	var tv pyjson.Value
	ok := false
	for _, k := range t.Keys {
		if tv, ok = v.Get(k); ok {
			break
		}
	}
	if !ok {
		return -1, LocItem{}, s.fail(newErr("union_tag_not_found", "Unable to extract tag using discriminator "+t.disc, v,
			CtxItem{"discriminator", t.disc}))
	}
	i := lookupLiteral(t.Tags.Choices, tv)
	if i < 0 {
		tag := pyStr(tv)
		return -1, LocItem{}, s.fail(newErr("union_tag_invalid", "Input tag '"+tag+"' found using "+t.disc+
			" does not match any of the expected tags: "+t.Expected, v,
			CtxItem{"discriminator", t.disc}, CtxItem{"tag", tag}, CtxItem{"expected_tags", t.Expected}))
	}
	return i, valueLoc(tv), true
}

// valueLoc is pydantic's LocItem of a Python value: a str, an int (bools
// included), else its repr.
func valueLoc(v pyjson.Value) LocItem {
	switch v.Kind() {
	case pyjson.KindString:
		return Key(v.Str())
	case pyjson.KindTrue:
		return Index(1)
	case pyjson.KindFalse:
		return Index(0)
	case pyjson.KindInt:
		if n, ok := v.Int64(); ok {
			return Index(int(n))
		}
	}
	return Key(pyStr(v))
}
