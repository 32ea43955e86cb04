package ir

// ModelKind tells which machinery defines a model.
type ModelKind int

// The kinds of models.
const (
	// BaseModel is a pydantic.BaseModel subclass (RootModel included, see Model.Root).
	BaseModel ModelKind = iota
	// Dataclass is a standard-library @dataclass.
	Dataclass
	// PydanticDataclass is a @pydantic.dataclasses.dataclass.
	PydanticDataclass
	// TypedDict is a typing.TypedDict subclass.
	TypedDict
)

// Model is a class pydantic builds a schema for.
type Model struct {
	Kind ModelKind
	// Name is the class name; Module the dotted module that defines it; QualName the
	// qualified name inside the module (Outer.Inner for nested classes).
	Name, Module, QualName string
	// Doc is the class docstring as written (nil when there is none).
	Doc *string
	// Bases are the model bases (nearest first, as written).
	Bases []*Model
	// Fields in pydantic's order: inherited fields first, then the class's own.
	Fields []*Field
	// Computed are @computed_field properties (serialization only).
	Computed   []*ComputedField
	Config     ModelConfig
	Validators []Validator
	// TypeParams are a generic model's type variables; GenericOrigin and GenericArgs are set
	// on a parametrization (Page[Item]).
	TypeParams    []string
	GenericOrigin *Model
	GenericArgs   []*Type
	// Root marks a RootModel; its single field is "root".
	Root bool
	// Deprecated marks a class decorated with @deprecated.
	Deprecated bool
	Pos        Pos
	// Unresolved is set when part of the model could not be lifted; Diags says what.
	Unresolved bool
	Diags      Diagnostics
	// DataclassWhy, for a standard-library dataclass, says why it is not a plain one ("" when
	// it is: a bare @dataclass without bases whose body holds only fields of public names
	// with constant defaults or field(default=, default_factory=), validated and
	// serialized by pydantic exactly as a model with the same fields but for the
	// dataclass_type error, its fields all counting as set and jsonable_encoder's
	// dataclasses.asdict).
	DataclassWhy string
}

// Field returns the field called name.
func (m *Model) Field(name string) *Field {
	for _, f := range m.Fields {
		if f.Name == name {
			return f
		}
	}
	return nil
}

// ModelConfig is the part of model_config (or class keyword arguments) covetgen reads.
type ModelConfig struct {
	// Extra is "", "allow", "ignore" or "forbid".
	Extra           string
	Title           *string
	JSONSchemaExtra Value
	PopulateByName  bool
	Strict          bool
	Frozen          bool
	FromAttributes  bool
	// SerJSONTimedelta / SerJSONBytes / ValJSONBytes are the JSON modes ("" is the default).
	SerJSONTimedelta, SerJSONBytes, ValJSONBytes string
	// UseEnumValues, StrStripWhitespace, StrToLower ... are recorded for validation.
	UseEnumValues, StrStripWhitespace, StrToLower, StrToUpper bool
	StrMinLength, StrMaxLength                                *int
	// AliasGenerator is the source name of an alias_generator ("" when unset).
	AliasGenerator string
	// Raw is every key given, evaluated.
	Raw *Dict
}

// Field is one model field.
type Field struct {
	Name string
	Type *Type
	Info FieldInfo
	// ClassVar / PrivateAttr members are not fields and are not listed.
	Pos Pos
}

// ComputedField is a @computed_field property.
type ComputedField struct {
	Name       string
	ReturnType *Type
	Info       FieldInfo
	Pos        Pos
}

// Validator is a recorded @field_validator / @model_validator (or v1 @validator).
type Validator struct {
	// Kind is "field", "model", "field_serializer", "model_serializer" or "validator".
	Kind string
	// Mode is "after", "before", "wrap" or "plain".
	Mode string
	// Fields are the field names a field validator applies to.
	Fields []string
	// Func is the method name.
	Func string
	Pos  Pos
}

// FieldInfo is what Field(...), Query(...), Body(...) and their kin say about a field or a
// parameter. Pointers and nil Values mean "not given".
type FieldInfo struct {
	// Required is true when the field has neither a default nor a default factory.
	Required bool
	// Default is the default value (nil when required or when a factory is used).
	Default Value
	// DefaultFactory is the factory's source text; FactoryValue its result when known
	// (list -> [], dict -> {}, a lambda returning a constant).
	DefaultFactory string
	FactoryValue   Value
	Alias          *string
	// ValidationAlias / SerializationAlias are the plain-string aliases.
	ValidationAlias    *string
	SerializationAlias *string
	// ValidationAliasPaths is a validation_alias given as AliasPath(...) or AliasChoices(...):
	// the choices in order, each a path of Str keys and Int indexes (AliasChoices("a",
	// AliasPath("b", 0)) is [["a"], ["b", 0]]); ValidationAlias is nil then.
	ValidationAliasPaths [][]Value
	// AliasPriority is pydantic's alias_priority: 2 when an alias was given, 1 when the
	// model's alias_generator made the aliases, 0 when there are none.
	AliasPriority int
	Title         *string
	Description   *string
	// Examples is examples=[...]; nil when not given.
	Examples Value
	// Deprecated is True, a message Str, or nil.
	Deprecated Value
	// JSONSchemaExtra is json_schema_extra=; when that is not given (or empty), the keywords
	// outside the function's signature (Query(strip_whitespace=True), Field(foo=1)), which
	// pydantic and FastAPI put there instead of validating with them.
	JSONSchemaExtra Value
	Discriminator   string
	Exclude         bool
	Constraints     Constraints
	// Raw is every keyword given, evaluated (for what the IR has no field for).
	Raw *Dict
	Pos Pos
}

// HasDefault reports whether the field has a default value or factory.
func (fi *FieldInfo) HasDefault() bool { return !fi.Required }

// Enum is an Enum subclass.
type Enum struct {
	Name, Module, QualName string
	Doc                    *string
	// Base is the mixed-in type: "str", "int", "float" or "" (plain Enum); StrEnum and
	// IntEnum set it too.
	Base    string
	Members []*EnumMemberDef
	Pos     Pos
}

// EnumMemberDef is one member of an Enum.
type EnumMemberDef struct {
	Name  string
	Value Value
	Pos   Pos
}

// Member returns the member called name.
func (e *Enum) Member(name string) *EnumMemberDef {
	for _, m := range e.Members {
		if m.Name == name {
			return m
		}
	}
	return nil
}

// Class is a plain class of the app (not a model): a dependency class or a callable
// instance's class.
type Class struct {
	Name, Module, QualName string
	// Init is the __init__ signature's parameters (self excluded) and Call __call__'s, when
	// the class defines them.
	Init *Callable
	Call *Callable
	Pos  Pos
}
