package codegen

import (
	"testing"

	"github.com/covetpy/covetgen/ir"
)

// TestFormTypeClasses checks which types the form code treats as UploadFile holders (sent
// to the bridge), as sequences (read with form.getlist) and as form model fields.
func TestFormTypeClasses(t *testing.T) {
	str := &ir.Type{Kind: ir.KindStr}
	none := &ir.Type{Kind: ir.KindNone}
	upload := &ir.Type{Kind: ir.KindClass, Name: uploadFileName}
	request := &ir.Type{Kind: ir.KindClass, Name: "fastapi.Request"}
	list := func(a *ir.Type) *ir.Type { return &ir.Type{Kind: ir.KindList, Name: "list", Args: []*ir.Type{a}} }
	union := func(a ...*ir.Type) *ir.Type { return &ir.Type{Kind: ir.KindUnion, Args: a} }
	dict := &ir.Type{Kind: ir.KindDict, Args: []*ir.Type{str, str}}
	cases := []struct {
		name                  string
		t                     *ir.Type
		uploads, seq, inModel bool
	}{
		{"str", str, true, false, true},
		{"UploadFile", upload, true, false, false},
		{"Optional[UploadFile]", union(upload, none), true, false, false},
		{"list[UploadFile]", list(upload), true, true, false},
		{"Request", request, false, false, false},
		{"list[Request]", list(request), false, true, false},
		{"list[str]", list(str), true, true, true},
		{"Optional[list[str]]", union(list(str), none), true, true, true},
		{"Optional[str]", union(str, none), true, false, true},
		{"list[Optional[str]]", list(union(str, none)), true, true, false},
		{"dict[str, str]", dict, true, false, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := onlyUploadClasses(tc.t); got != tc.uploads {
				t.Errorf("onlyUploadClasses = %v, want %v", got, tc.uploads)
			}
			if got := seqAnnotation(tc.t); got != tc.seq {
				t.Errorf("seqAnnotation = %v, want %v", got, tc.seq)
			}
			if got := formModelFieldType(tc.t); got != tc.inModel {
				t.Errorf("formModelFieldType = %v, want %v", got, tc.inModel)
			}
		})
	}
}
