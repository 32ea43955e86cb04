package codegen

import (
	"math/big"
	"strings"
	"testing"

	"github.com/covetpy/covetgen/ir"
)

// TestDiscriminatedWhy checks which discriminated unions are generated ("") and why
// the others stay with pydantic. What the generated ones do is checked against FastAPI
// by migrate's TestE2E on the aliases_unions corpus app.
func TestDiscriminatedWhy(t *testing.T) {
	lit := func(vs ...ir.Value) *ir.Type { return &ir.Type{Kind: ir.KindLiteral, Values: vs} }
	member := func(name string, tag *ir.Type, info ir.FieldInfo) *ir.Type {
		return &ir.Type{Kind: ir.KindModel, Model: &ir.Model{Kind: ir.BaseModel, Name: name,
			Fields: []*ir.Field{{Name: "kind", Type: tag, Info: info}}}}
	}
	a := member("A", lit(ir.Str("a")), ir.FieldInfo{})
	b := member("B", lit(ir.Str("b"), ir.Str("bb")), ir.FieldInfo{})
	alias := "Kind"
	union := func(args ...*ir.Type) *ir.Type {
		return &ir.Type{Kind: ir.KindUnion, Discriminator: "kind", Args: args}
	}
	for _, tt := range []struct {
		name string
		t    *ir.Type
		want string
	}{
		{"str tags", union(a, b), ""},
		{"one member", union(a), "discriminated union"},
		{"int tag", union(a, member("I", lit(ir.Int{V: big.NewInt(1)}), ir.FieldInfo{})), "that is not a str"},
		{"not a literal", union(a, member("S", &ir.Type{Kind: ir.KindStr}, ir.FieldInfo{})), "is not a Literal"},
		{"aliased", union(a, member("L", lit(ir.Str("l")), ir.FieldInfo{Alias: &alias})), "has an alias"},
		{"duplicate tag", union(a, member("A2", lit(ir.Str("a")), ir.FieldInfo{})), `tag "a" of two members`},
		{"no field", union(a, &ir.Type{Kind: ir.KindModel, Model: &ir.Model{Kind: ir.BaseModel, Name: "N"}}), "has no field kind"},
		{"optional", union(a, b, &ir.Type{Kind: ir.KindNone}), ""},
		{"optional one member", union(a, &ir.Type{Kind: ir.KindNone}), "discriminated union"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := discriminatedWhy(tt.t)
			if tt.want == "" && got != "" || tt.want != "" && !strings.Contains(got, tt.want) {
				t.Errorf("discriminatedWhy = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestFieldDiscriminatorOpaque checks that Field(discriminator=...) is generated only on
// the discriminated union field itself.
func TestFieldDiscriminatorOpaque(t *testing.T) {
	u := &ir.Type{Kind: ir.KindUnion, Discriminator: "kind"}
	list := &ir.Type{Kind: ir.KindList, Args: []*ir.Type{u}, Discriminator: "kind"}
	for _, tt := range []struct {
		name string
		f    *ir.Field
		want bool
	}{
		{"none", &ir.Field{Type: &ir.Type{Kind: ir.KindInt}}, false},
		{"union", &ir.Field{Type: u, Info: ir.FieldInfo{Discriminator: "kind"}}, false},
		{"list", &ir.Field{Type: list, Info: ir.FieldInfo{Discriminator: "kind"}}, true},
		{"other name", &ir.Field{Type: u, Info: ir.FieldInfo{Discriminator: "type"}}, true},
	} {
		if got := fieldDiscriminatorOpaque(tt.f); got != tt.want {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}
