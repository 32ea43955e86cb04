// Package spec describes pydantic models and types as data, for the
// differential tests of package validate: the same description builds the
// pydantic model in python3 (the oracle) and drives a generic Go
// interpreter over validate's decoders. The interpreter is test machinery
// only: generated services call validate's typed API directly, as the
// hand-written decoders of internal/asgen do.
package spec

import "encoding/json"

// Type is a field type. Kind is one of int, float, str, bool, bytes, none,
// any, uuid, decimal, date, time, datetime, timedelta, literal, enum,
// list, sequence, set, frozenset, tuple (tuple[T, ...]), tuplefix (tuple[A, B]),
// dict, optional, union, tagged (a discriminated union of models), model.
type Type struct {
	Kind  string  `json:"kind"`
	Items []*Type `json:"items,omitempty"`
	// Ref names the model or enum.
	Ref string `json:"ref,omitempty"`
	// Values are the Literal members (str, int, bool or nil).
	Values []any `json:"values,omitempty"`

	// Constraints; numbers are strings the type's constructor reads
	// (int("5"), float("0.5"), Decimal("1.10"), timedelta(seconds=...)).
	Gt         string `json:"gt,omitempty"`
	Ge         string `json:"ge,omitempty"`
	Lt         string `json:"lt,omitempty"`
	Le         string `json:"le,omitempty"`
	MultipleOf string `json:"multiple_of,omitempty"`
	MinLen     *int   `json:"min_length,omitempty"`
	MaxLen     *int   `json:"max_length,omitempty"`
	Pattern    string `json:"pattern,omitempty"`
	Strip      bool   `json:"strip,omitempty"`
	Lower      bool   `json:"lower,omitempty"`
	Upper      bool   `json:"upper,omitempty"`
	MaxDigits  *int   `json:"max_digits,omitempty"`
	Places     *int   `json:"decimal_places,omitempty"`
	InfNan     *bool  `json:"allow_inf_nan,omitempty"`
	// Disc is a tagged union's discriminator field; Mode a union's
	// union_mode ("left_to_right").
	Disc string `json:"disc,omitempty"`
	Mode string `json:"mode,omitempty"`
}

// Field is a model field.
type Field struct {
	Name  string `json:"name"`
	Type  *Type  `json:"type"`
	Alias string `json:"alias,omitempty"`
	// ValAlias is validation_alias: one key, or AliasChoices of keys.
	ValAlias []string `json:"val_alias,omitempty"`
	// Default is the JSON of the default value (absent: required).
	Default json.RawMessage `json:"default,omitempty"`
	// Factory is a default_factory: "list" or "dict".
	Factory string `json:"factory,omitempty"`
}

// Model is a BaseModel (or a stdlib dataclass).
type Model struct {
	Name           string  `json:"name"`
	Fields         []Field `json:"fields"`
	Extra          string  `json:"extra,omitempty"` // "", "ignore", "forbid", "allow"
	PopulateByName bool    `json:"populate_by_name,omitempty"`
	Dataclass      bool    `json:"dataclass,omitempty"`
}

// Enum is an Enum (Int: IntEnum) with members m0, m1, ... of Values.
type Enum struct {
	Name   string `json:"name"`
	Values []any  `json:"values"`
	Int    bool   `json:"int,omitempty"`
}

// Schema is a set of enums and models (each referring only to earlier
// ones) and the root type validated.
type Schema struct {
	Enums  []Enum  `json:"enums,omitempty"`
	Models []Model `json:"models,omitempty"`
	Root   *Type   `json:"root"`
}

// Model returns the model named name.
func (s *Schema) Model(name string) *Model {
	for i := range s.Models {
		if s.Models[i].Name == name {
			return &s.Models[i]
		}
	}
	return nil
}

// Enum returns the enum named name.
func (s *Schema) Enum(name string) *Enum {
	for i := range s.Enums {
		if s.Enums[i].Name == name {
			return &s.Enums[i]
		}
	}
	return nil
}

// Shorthands for building types in tests.

// T is a type of a kind, optionally with items.
func T(kind string, items ...*Type) *Type { return &Type{Kind: kind, Items: items} }

// Ref is a model or enum reference.
func Ref(kind, name string) *Type { return &Type{Kind: kind, Ref: name} }

// Lit is a Literal.
func Lit(values ...any) *Type { return &Type{Kind: "literal", Values: values} }

// N is a length/int pointer.
func N(i int) *int { return &i }

// B is a bool pointer.
func B(b bool) *bool { return &b }
