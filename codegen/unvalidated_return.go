package codegen

import "github.com/covetpy/covetgen/ir"

// returnModel is translate.Scope.ReturnModel for route r: its response model when that is
// a plain standard-library dataclass written by path A (JSONResponse) with the default
// response_model_* options (FastAPI then validates the returned instance, which pydantic
// passes through as is, and serializes it with the dataclass's field serializers), nil
// otherwise.
func returnModel(r *ir.Route) *ir.Model {
	t := r.ResponseModel
	if t == nil || t.Kind != ir.KindModel || t.Model == nil || t.Model.Kind != ir.Dataclass || t.Model.DataclassWhy != "" {
		return nil
	}
	if rc := r.ResponseClass; rc == nil || rc.Name != "fastapi.responses.JSONResponse" && rc.Name != "starlette.responses.JSONResponse" {
		return nil // another class writes the serialized value its own way (or refuses it)
	}
	if given(r.ResponseModelInclude) || given(r.ResponseModelExclude) || r.ResponseModelExcludeUnset ||
		r.ResponseModelExcludeDefaults || r.ResponseModelExcludeNone {
		return nil
	}
	return t.Model
}

// retCache is the cache of endpoints translated with ReturnModel m.
func (g *gen) retCache(m *ir.Model) map[*ir.Callable]*pyFunc {
	if g.retFuncs == nil {
		g.retFuncs = map[*ir.Model]map[*ir.Callable]*pyFunc{}
	}
	c := g.retFuncs[m]
	if c == nil {
		c = map[*ir.Callable]*pyFunc{}
		g.retFuncs[m] = c
	}
	return c
}

// given reports whether a response_model_include/exclude value was given (not None).
func given(v ir.Value) bool {
	_, isNone := v.(ir.None)
	return v != nil && !isNone
}
