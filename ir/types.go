package ir

import "strings"

// Kind is the kind of a Type.
type Kind int

// The kinds of types covetgen gives meaning to.
const (
	// KindUnknown is a type the lifter could not resolve (an unknown import, an expression it
	// cannot read); Name holds its source text.
	KindUnknown Kind = iota
	KindAny
	KindNone
	KindStr
	KindInt
	KindFloat
	KindBool
	KindBytes
	KindDecimal
	KindDate
	KindDateTime
	KindTime
	KindTimeDelta
	// KindUUID is uuid.UUID or pydantic's UUID1..UUID8 (Name holds the pydantic name).
	KindUUID
	// KindURL is one of pydantic's URL types; Name holds it ("HttpUrl", "AnyUrl", ...).
	KindURL
	// KindPath is pathlib.Path / PurePath.
	KindPath
	// KindList is list[T] (also List, Sequence, Iterable...: Name keeps the spelling).
	KindList
	KindSet
	KindFrozenSet
	// KindTuple is tuple[A, B] or, with Variadic, tuple[T, ...].
	KindTuple
	// KindDict is dict[K, V] (Args holds K and V; a bare dict has Any, Any).
	KindDict
	// KindUnion is Union[...] / X | Y; Optional[X] is a union with None.
	KindUnion
	// KindLiteral is Literal[...]; Values holds the choices.
	KindLiteral
	// KindEnum is an Enum subclass.
	KindEnum
	// KindModel is a pydantic model, a dataclass or a TypedDict.
	KindModel
	// KindTypeVar is an unbound type variable of a generic model.
	KindTypeVar
	// KindClass is any other class: Request, Response, BackgroundTasks, UploadFile, a user's
	// plain class. Name holds its qualified name ("fastapi.Request", "main.Pagination").
	KindClass
	// KindIP is an IP address, network or interface: Name holds the type's qualified name
	// ("ipaddress.IPv4Address", "ipaddress.IPv6Network", "pydantic.IPvAnyAddress").
	KindIP
)

var kindNames = [...]string{"unknown", "Any", "None", "str", "int", "float", "bool", "bytes", "Decimal",
	"date", "datetime", "time", "timedelta", "UUID", "url", "Path", "list", "set", "frozenset", "tuple",
	"dict", "Union", "Literal", "enum", "model", "TypeVar", "class", "ip"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "kind?"
}

// Type is a type annotation as FastAPI and pydantic see it.
type Type struct {
	Kind Kind
	// Name is the spelling or qualified name where the kind needs one (see the kinds).
	Name string
	// Args are the element types: list/set item, tuple items, dict key and value, union members.
	Args []*Type
	// Variadic marks tuple[T, ...].
	Variadic bool
	// Values are a Literal's choices.
	Values []Value
	Enum   *Enum
	Model  *Model
	// Class is set for KindClass types defined in the app (a class used with Depends()).
	Class *Class
	// Constraints come from Annotated metadata on this very type (Field(gt=0), StringConstraints,
	// conint, annotated_types.Gt...) or from constr()/conint() calls.
	Constraints Constraints
	// Meta holds Field(...) documentation given inside an Annotated that is not a field's own
	// annotation (list[Annotated[int, Field(description=...)]]).
	Meta *FieldInfo
	// Discriminator is Field(discriminator=...) applied to a union.
	Discriminator string
	Pos           Pos
}

// IsNone reports whether t is the None type.
func (t *Type) IsNone() bool { return t != nil && t.Kind == KindNone }

// IsOptional reports whether t is a union that admits None.
func (t *Type) IsOptional() bool {
	if t == nil || t.Kind != KindUnion {
		return false
	}
	for _, a := range t.Args {
		if a.IsNone() {
			return true
		}
	}
	return false
}

// NonNone returns the union's members other than None.
func (t *Type) NonNone() []*Type {
	var out []*Type
	for _, a := range t.Args {
		if !a.IsNone() {
			out = append(out, a)
		}
	}
	return out
}

// IsSequence reports whether t is a list, set, frozenset or tuple.
func (t *Type) IsSequence() bool {
	if t == nil {
		return false
	}
	switch t.Kind {
	case KindList, KindSet, KindFrozenSet, KindTuple:
		return true
	}
	return false
}

// IsScalar reports whether FastAPI treats t as a scalar (a single query/header value): not a
// model, dict, sequence or union holding one.
func (t *Type) IsScalar() bool {
	if t == nil {
		return true
	}
	switch t.Kind {
	case KindModel, KindDict, KindList, KindSet, KindFrozenSet, KindTuple:
		return false
	case KindUnion:
		for _, a := range t.Args {
			if !a.IsScalar() {
				return false
			}
		}
	}
	return true
}

// String renders the type roughly as Python spells it.
func (t *Type) String() string {
	if t == nil {
		return "<nil>"
	}
	args := func() string {
		parts := make([]string, len(t.Args))
		for i, a := range t.Args {
			parts[i] = a.String()
		}
		if t.Variadic {
			parts = append(parts, "...")
		}
		return strings.Join(parts, ", ")
	}
	switch t.Kind {
	case KindList, KindSet, KindFrozenSet, KindTuple, KindDict:
		return t.Kind.String() + "[" + args() + "]"
	case KindUnion:
		return "Union[" + args() + "]"
	case KindLiteral:
		return "Literal[" + joinRepr(t.Values) + "]"
	case KindEnum:
		if t.Enum != nil {
			return t.Enum.Name
		}
	case KindModel:
		if t.Model != nil {
			return t.Model.Name
		}
	case KindUnknown, KindClass, KindURL, KindTypeVar, KindIP:
		return t.Name
	}
	return t.Kind.String()
}

// Constraints are pydantic's validation constraints. A nil field is unset; numeric bounds
// keep the Python value given (Int or Float) because the JSON Schema repeats it verbatim.
type Constraints struct {
	Gt, Ge, Lt, Le, MultipleOf Value
	MinLength, MaxLength       *int
	Pattern                    *string
	MaxDigits, DecimalPlaces   *int
	// StripWhitespace, ToLower and ToUpper come only from StringConstraints(...) and
	// constr(...): given to Field(), Query() and kin they are not constraints (pydantic and
	// FastAPI put them in json_schema_extra, FieldInfo.JSONSchemaExtra).
	StripWhitespace, ToLower bool
	ToUpper, Strict          bool
	AllowInfNan              *bool
}

// IsZero reports whether no constraint is set.
func (c *Constraints) IsZero() bool {
	return c.Gt == nil && c.Ge == nil && c.Lt == nil && c.Le == nil && c.MultipleOf == nil &&
		c.MinLength == nil && c.MaxLength == nil && c.Pattern == nil && c.MaxDigits == nil &&
		c.DecimalPlaces == nil && !c.StripWhitespace && !c.ToLower && !c.ToUpper && !c.Strict &&
		c.AllowInfNan == nil
}

// Merge sets in c every constraint set in o (o wins).
func (c *Constraints) Merge(o Constraints) {
	if o.Gt != nil {
		c.Gt = o.Gt
	}
	if o.Ge != nil {
		c.Ge = o.Ge
	}
	if o.Lt != nil {
		c.Lt = o.Lt
	}
	if o.Le != nil {
		c.Le = o.Le
	}
	if o.MultipleOf != nil {
		c.MultipleOf = o.MultipleOf
	}
	if o.MinLength != nil {
		c.MinLength = o.MinLength
	}
	if o.MaxLength != nil {
		c.MaxLength = o.MaxLength
	}
	if o.Pattern != nil {
		c.Pattern = o.Pattern
	}
	if o.MaxDigits != nil {
		c.MaxDigits = o.MaxDigits
	}
	if o.DecimalPlaces != nil {
		c.DecimalPlaces = o.DecimalPlaces
	}
	c.StripWhitespace = c.StripWhitespace || o.StripWhitespace
	c.ToLower = c.ToLower || o.ToLower
	c.ToUpper = c.ToUpper || o.ToUpper
	c.Strict = c.Strict || o.Strict
	if o.AllowInfNan != nil {
		c.AllowInfNan = o.AllowInfNan
	}
}
