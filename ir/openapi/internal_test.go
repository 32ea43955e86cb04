package openapi

import (
	"testing"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/ir/ojson"
)

func TestPyTitle(t *testing.T) {
	for in, want := range map[string]string{
		"item_id": "Item_Id", "item-query": "Item-Query", "x2y": "X2Y", "ABC def": "Abc Def",
		"Response_read_items_items__get": "Response_Read_Items_Items__Get", "élan vital": "Élan Vital",
	} {
		if got := pyTitle(in); got != want {
			t.Errorf("pyTitle(%q) = %q, want %q", in, got, want)
		}
	}
	if got := titleFromName("_private_"); got != "Private" {
		t.Errorf("titleFromName = %q", got)
	}
}

func TestCleandoc(t *testing.T) {
	tests := []struct{ in, want string }{
		{"  First line.\n\n    Indented.\n      More.\n  ", "First line.\n\nIndented.\n  More."},
		{"\n    A\n    B\n", "A\nB"},
		{"one", "one"},
		{"\tTab\n\tx", "Tab\nx"},
	}
	for _, tt := range tests {
		if got := ir.CleanDoc(tt.in); got != tt.want {
			t.Errorf("CleanDoc(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDecimalJSON(t *testing.T) {
	for in, want := range map[string]string{"10": "10", "1.10": "1.1", "1E+2": "100", "0.5": "0.5", "-3": "-3"} {
		if got := string(ojson.Marshal(decimalJSON(in), -1)); got != want {
			t.Errorf("decimalJSON(%q) = %s, want %s", in, got, want)
		}
	}
}

func TestDefsNames(t *testing.T) {
	g := newGen(&ir.Diagnostics{})
	item := &ir.Model{Name: "Item", Module: "app.models", QualName: "Item"}
	ref := g.defsRef(g.coreRef(item), validation)
	if got := g.choices[ref]; len(got) != 6 || got[0] != "Item" || got[1] != "Item-Input" || got[2] != "app__models__Item" {
		t.Errorf("choices = %v", got)
	}
	page := &ir.Model{Name: "Page[Item]", Module: "app.models", QualName: "Page[Item]",
		GenericOrigin: &ir.Model{Name: "Page", Module: "app.models", QualName: "Page"},
		GenericArgs:   []*ir.Type{{Kind: ir.KindModel, Model: item}}}
	if got := g.choices[g.defsRef(g.coreRef(page), serialization)][0]; got != "Page_Item_" {
		t.Errorf("generic short name = %q", got)
	}
}

// TestInputOutput checks that a model differing between validation and serialization is
// split in two definitions and one that does not is shared.
func TestInputOutput(t *testing.T) {
	dec := &ir.Model{Name: "Price", Module: "m", QualName: "Price", Fields: []*ir.Field{
		{Name: "amount", Type: &ir.Type{Kind: ir.KindDecimal}, Info: ir.FieldInfo{Required: true}}}}
	wrap := &ir.Model{Name: "Wrap", Module: "m", QualName: "Wrap", Fields: []*ir.Field{
		{Name: "p", Type: &ir.Type{Kind: ir.KindModel, Model: dec}, Info: ir.FieldInfo{Required: true}}}}
	plain := &ir.Model{Name: "Plain", Module: "m", QualName: "Plain", Fields: []*ir.Field{
		{Name: "n", Type: &ir.Type{Kind: ir.KindInt}, Info: ir.FieldInfo{Required: true}}}}
	g := newGen(&ir.Diagnostics{})
	for _, mode := range []string{validation, serialization} {
		g.mode = mode
		g.typeSchema(&ir.Type{Kind: ir.KindModel, Model: wrap})
		g.typeSchema(&ir.Type{Kind: ir.KindModel, Model: plain})
	}
	rm := g.buildRemapping()
	names := map[string]bool{}
	for _, n := range rm.defs {
		names[n] = true
	}
	for _, want := range []string{"Price-Input", "Price-Output", "Wrap-Input", "Wrap-Output", "Plain"} {
		if !names[want] {
			t.Errorf("definition %s missing; got %v", want, names)
		}
	}
}
