package codegen

import (
	"fmt"
	"path/filepath"

	"github.com/covetpy/covetgen/ir"
)

// Opaque types. A model covetgen does not generate in Go (a model with validators or
// computed fields, a generic model, a dataclass, a RootModel, a model config Go does not
// reproduce, or a model with a field of such a type), and a union Go does not validate
// (a union of models, a discriminated union), is opaque: a route touching one (as a body
// parameter, anywhere inside a body type, or as its response model) is bridged, and
// pydantic itself validates the body value and serializes the response in the bridge
// worker (runtime/bridge BodyValidation and ResponseField). Natively, such a route is
// refused with the reason, so an opaque model is never generated half-right.

// opaqueWhy returns why values of t are validated and serialized by pydantic in the
// worker ("model Booking has validators (main.py:74)"), or "" when Go handles every
// type t contains.
func (g *gen) opaqueWhy(t *ir.Type) string {
	return g.opaqueType(t, map[*ir.Model]bool{})
}

func (g *gen) opaqueType(t *ir.Type, seen map[*ir.Model]bool) string {
	if t == nil {
		return ""
	}
	switch t.Kind {
	case ir.KindModel:
		if t.Model != nil {
			return g.opaqueModel(t.Model, seen)
		}
	case ir.KindUnion:
		if why := opaqueUnion(t); why != "" {
			return why
		}
	}
	for _, a := range t.Args {
		if why := g.opaqueType(a, seen); why != "" {
			return why
		}
	}
	return ""
}

// opaqueUnion is the reason a union is validated by pydantic: Go's unions are of str,
// int, float and bool members only (optional or not), without a discriminator.
func opaqueUnion(t *ir.Type) string {
	if t.Discriminator != "" {
		return fmt.Sprintf("discriminated union %s", t)
	}
	nn := t.NonNone()
	if len(nn) < 2 {
		return ""
	}
	for _, m := range nn {
		if m.Kind == ir.KindModel {
			return fmt.Sprintf("union of models %s", t)
		}
	}
	return ""
}

// opaqueModel is the reason m is not generated (see ownOpaque), or that of a field.
func (g *gen) opaqueModel(m *ir.Model, seen map[*ir.Model]bool) string {
	if seen[m] || m.Unresolved {
		return ""
	}
	seen[m] = true
	if why := g.ownOpaque(m); why != "" {
		return why
	}
	for _, f := range m.Fields {
		if why := g.opaqueType(f.Type, seen); why != "" {
			return why
		}
	}
	return ""
}

// ownOpaque is why the model m itself (its config, decorators, field options) is not
// generated in Go, or "".
func (g *gen) ownOpaque(m *ir.Model) string {
	at := shortPos(m.Pos)
	switch {
	case m.Kind == ir.Dataclass && m.DataclassWhy != "":
		return fmt.Sprintf("dataclass %s (%s: %s)", m.Name, at, m.DataclassWhy)
	case m.Kind != ir.BaseModel && m.Kind != ir.Dataclass:
		return fmt.Sprintf("%s %s (%s)", modelKindName(m.Kind), m.Name, at)
	case m.Root:
		return fmt.Sprintf("RootModel %s (%s)", m.Name, at)
	case len(m.Validators) > 0 && g.validatorsOf(m).why != "":
		// Validators that all translate run in the generated decoder (validators.go).
		return g.validatorsOf(m).why
	case len(m.Computed) > 0:
		return fmt.Sprintf("model %s has a computed field %s (%s)", m.Name, m.Computed[0].Name, at)
	case len(m.TypeParams) > 0 || m.GenericOrigin != nil:
		return fmt.Sprintf("generic model %s (%s)", m.Name, at)
	case m.Config.Extra == "allow":
		return fmt.Sprintf("model %s has extra=\"allow\" (%s)", m.Name, at)
	case m.Config.AliasGenerator != "":
		return fmt.Sprintf("model %s has an alias_generator (%s)", m.Name, at)
	case m.Config.Strict:
		return fmt.Sprintf("model %s is strict (%s)", m.Name, at)
	// from_attributes needs nothing: FastAPI validates every input with from_attributes=True
	// already. frozen is observable only through attribute assignment, which translate refuses.
	case m.Config.StrStripWhitespace || m.Config.StrToLower || m.Config.StrToUpper || m.Config.StrMinLength != nil || m.Config.StrMaxLength != nil:
		return fmt.Sprintf("model %s has str_* settings (%s)", m.Name, at)
	case m.Config.UseEnumValues || m.Config.SerJSONTimedelta != "" || m.Config.SerJSONBytes != "" || m.Config.ValJSONBytes != "":
		return fmt.Sprintf("model %s has model_config settings Go does not reproduce (%s)", m.Name, at)
	}
	for _, f := range m.Fields {
		switch {
		case f.Info.Exclude || f.Info.Discriminator != "" || f.Info.Constraints.Strict:
			return fmt.Sprintf("model %s has Field options of field %s (%s)", m.Name, f.Name, shortPos(f.Pos))
		case len(f.Info.ValidationAliasPaths) > 0:
			return fmt.Sprintf("model %s has an AliasPath or AliasChoices validation alias on field %s (%s)", m.Name, f.Name, shortPos(f.Pos))
		}
	}
	return ""
}

// shortPos is "file:line" of a position.
func shortPos(p ir.Pos) string {
	if p.File == "" {
		return "?"
	}
	return fmt.Sprintf("%s:%d", filepath.ToSlash(p.File), p.Line)
}
