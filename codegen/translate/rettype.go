package translate

// Static result types of helpers. An app function's return annotation is not enforced by
// Python, so it types nothing; what its returns yield does: when every return statement
// of a helper yields an instance of one model (a model construction, an item of module
// state typed by its annotation...) and its end is unreachable, calls of it are typed as
// that model, so their fields can be read (current = get_or_404(k); current.done).

import "github.com/covetpy/covetgen/ir"

// noteReturn records the static type of a return statement's value.
func (f *fn) noteReturn(t *ir.Type) {
	if m, none := optionalModel(t); none { // narrow.go
		f.retNone = true
		if m == nil {
			return
		}
		t = &ir.Type{Kind: ir.KindModel, Name: m.Name, Model: m}
	}
	if t == nil || t.Kind != ir.KindModel || t.Model == nil || t.Model.Kind == ir.TypedDict {
		f.retMixed = true
		return
	}
	if f.retModel != nil && f.retModel != t.Model {
		f.retMixed = true
		return
	}
	f.retModel = t.Model
}

// resultType is the static type of the function's result (nil: unknown).
func (f *fn) resultType() *ir.Type {
	if f.retMixed || f.retModel == nil || f.retNone {
		return nil
	}
	return &ir.Type{Kind: ir.KindModel, Name: f.retModel.Name, Model: f.retModel}
}
