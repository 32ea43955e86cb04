package codegen

import (
	"fmt"
	"reflect"
	"sort"
	"strconv"

	"github.com/covetpy/covetgen/ir"
	jen "github.com/dave/jennifer/jen"
)

// Path A without the JSON round trip.
//
// FastAPI validates an endpoint's result against the response model in python mode with
// from_attributes=True. The generic path (pyval.ValidationInput: the value dumped to JSON,
// re-parsed and decoded) is slow. When the result is an instance of a generated model S
// and the response model is a generated model T (or a list of them), a typed conversion
// S -> T gives pydantic's T value:
//
//   - S is T or a subclass of T: pydantic keeps the instance as it is (no validation,
//     revalidate_instances="never"), its fields set included; T's fields are copied.
//   - another class: each field of T is looked up by its keys among the field names of S
//     (the attributes from_attributes reads; the keys of S's model_dump, which the
//     generic path validates), defaults fill the missing optional fields, the fields
//     found are the fields set, and the values are copied (they were validated as the
//     same types when S was built) with T's own constraints checked.
//
// A conversion is generated only for pairs where this is certain; any other value, and
// any conversion that fails (a constraint of T that the value violates), falls back to the
// generic path, which then gives the same ResponseValidationError as before.

// attrConv is the planning of one conversion pair's feasibility.
type attrConv struct {
	g *gen
	// visiting are the pairs being checked: a recursive pair is not converted (the generic
	// path bounds the nesting depth; a typed conversion would not).
	visiting map[[2]*ir.Model]bool
}

// attrKey is the key of g.consts under which the conversion of src to dst is declared.
func attrKey(kind string, src, dst *modelInfo) string {
	k := "\x00respond." + kind + "\x00" + dst.goName
	if src != nil {
		k += "\x00" + src.goName
	}
	return k
}

// readyModel returns the generated declarations of m, if they are complete.
func (g *gen) readyModel(m *ir.Model) (*modelInfo, bool) {
	mi, ok := g.models.done[m]
	if !ok || !mi.ok || mi.generating || mi.fields == nil {
		return nil, false
	}
	return mi, true
}

// attrsDispatch returns the name of func(v pyval.Value, o *T) bool converting an instance
// of any generated model that converts to dst ("" when none does). The models are those
// generated so far: an instance of a later one takes the generic path.
func (g *gen) attrsDispatch(dst *modelInfo) string {
	key := attrKey("as", nil, dst)
	if name, ok := g.consts[key]; ok {
		return name
	}
	var srcs []*modelInfo
	for _, mi := range g.models.done {
		if !mi.ok || mi.generating || mi.fields == nil || mi.nulls != nil {
			continue // an instance storing a None is validated as is (models_nullable.go)
		}
		if (&attrConv{g: g, visiting: map[[2]*ir.Model]bool{}}).model(mi, dst) {
			srcs = append(srcs, mi)
		}
	}
	dict := g.dictConv(dst) // respond_dict.go
	if len(srcs) == 0 && dict == "" {
		g.consts[key] = ""
		return ""
	}
	sort.Slice(srcs, func(i, j int) bool { return srcs[i].goName < srcs[j].goName })
	name := g.pkg.get("as" + dst.goName)
	g.consts[key] = name
	var cases []jen.Code
	if dict != "" {
		cases = append(cases, jen.Case(jen.Op("*").Qual(pkgPyval, "Dict")).Block(jen.Return(jen.Id(dict).Call(jen.Id("x"), jen.Id("o")))))
	}
	for _, src := range srcs {
		conv := g.attrsConv(src, dst)
		cases = append(cases, jen.Case(jen.Op("*").Id(src.goName)).Block(jen.Return(jen.Id(conv).Call(jen.Id("x"), jen.Id("o")))))
	}
	f := g.file("models.go")
	f.Commentf("%s is a %s validated from an instance of a generated model, as FastAPI validates a", name, dst.m.Name)
	f.Comment("response (from_attributes), without the JSON round trip; false when v is not such an")
	f.Comment("instance or does not convert (the generic path then decides).")
	f.Func().Id(name).Params(jen.Id("v").Qual(pkgPyval, "Value"), jen.Id("o").Op("*").Id(dst.goName)).Bool().Block(
		jen.Switch(jen.Id("x").Op(":=").Id("v").Assert(jen.Type())).Block(cases...),
		jen.Return(jen.False()),
	)
	return name
}

// model reports whether an instance of src converts to dst exactly.
func (c *attrConv) model(src, dst *modelInfo) bool {
	pair := [2]*ir.Model{src.m, dst.m}
	if c.visiting[pair] {
		return false
	}
	c.visiting[pair] = true
	defer delete(c.visiting, pair)
	if src.m.Kind == ir.Dataclass || dst.m.Kind == ir.Dataclass {
		return false // a dataclass keeps no fields set: the generic path validates it
	}
	if isSubclass(src.m, dst.m) {
		return instanceFields(src, dst) != nil
	}
	if len(dst.m.Validators) > 0 {
		return false // its validators run in its decoder (validators.go): the generic path
	}
	if dst.m.Config.Extra == "forbid" {
		// Every attribute of src must be the one a field of dst takes (no extra).
		used := map[string]bool{}
		for _, fi := range dst.fields {
			if sf := sourceField(src, fi); sf != nil {
				used[sf.f.Name] = true
			}
		}
		for _, sf := range src.fields {
			if !used[sf.f.Name] {
				return false
			}
		}
	}
	for _, fi := range dst.fields {
		if len(fi.f.Info.ValidationAliasPaths) > 0 || len(fi.keys) == 0 {
			return false
		}
		sf := sourceField(src, fi)
		if sf == nil {
			if fi.f.Info.Required {
				return false
			}
			continue
		}
		if !c.value(sf.f.Type, fi.f.Type, fi.f.Info.Constraints) {
			return false
		}
	}
	return true
}

// sourceField is the field of src that dst's field fi takes its value from: the first of
// fi's lookup keys that is a field name of src (nil: none, the field is missing).
func sourceField(src *modelInfo, fi *fieldInfo) *fieldInfo {
	for _, k := range fi.keys {
		for _, sf := range src.fields {
			if sf.f.Name == k {
				return sf
			}
		}
	}
	return nil
}

// value reports whether a value of type s converts to type t with the constraints cons
// (a field's own: on t, or on the item of an Optional t).
func (c *attrConv) value(s, t *ir.Type, cons ir.Constraints) bool {
	// The constraints of s hold for the value (it was validated as s); t's are checked:
	// the field's own (cons, which the lifter also records on the field's type).
	if s == nil || t == nil || !t.Constraints.IsZero() && !reflect.DeepEqual(t.Constraints, cons) {
		return false
	}
	if t.IsOptional() {
		tn := t.NonNone()
		if len(tn) != 1 {
			return false
		}
		if s.IsOptional() {
			sn := s.NonNone()
			return len(sn) == 1 && c.value(sn[0], tn[0], cons)
		}
		return c.value(s, tn[0], cons)
	}
	switch t.Kind {
	case ir.KindStr, ir.KindInt, ir.KindFloat:
		return s.Kind == t.Kind
	case ir.KindBool:
		return s.Kind == t.Kind && cons.IsZero()
	case ir.KindList:
		return s.Kind == ir.KindList && listNames[s.Name] && listNames[t.Name] && len(s.Args) == 1 && len(t.Args) == 1 &&
			cons.IsZero() && c.value(s.Args[0], t.Args[0], ir.Constraints{})
	case ir.KindModel:
		if s.Kind != ir.KindModel || !cons.IsZero() {
			return false
		}
		smi, ok := c.g.readyModel(s.Model)
		if !ok {
			return false
		}
		tmi, ok := c.g.readyModel(t.Model)
		if !ok {
			return false
		}
		return c.model(smi, tmi)
	}
	return false
}

// attrsConv returns the name of func(x *S, o *T) bool, declaring it on first use. The
// pair must have been checked with attrConv.model.
func (g *gen) attrsConv(src, dst *modelInfo) string {
	key := attrKey("conv", src, dst)
	if name, ok := g.consts[key]; ok {
		return name
	}
	name := g.pkg.get("conv" + src.goName + "To" + dst.goName)
	g.consts[key] = name
	f := g.file("models.go")
	if isSubclass(src.m, dst.m) {
		g.instanceConv(f, name, src, dst)
		return name
	}
	init := jen.Dict{}
	for _, fi := range dst.fields {
		if fi.def != nil {
			init[jen.Id(fi.goName)] = fi.def
		}
	}
	body := []jen.Code{jen.Op("*").Id("o").Op("=").Id(dst.goName).Values(init)}
	for i, fi := range dst.fields {
		sf := sourceField(src, fi)
		if sf == nil {
			body = append(body, jen.Commentf("%s: not an attribute of %s, the default", fi.f.Name, src.m.Name))
			continue
		}
		body = append(body, jen.Commentf("%s: %s from %s.%s: %s", fi.f.Name, fi.f.Type, src.m.Name, sf.f.Name, sf.f.Type))
		body = append(body, g.attrsAssign(jen.Id("x").Dot(sf.goName), jen.Id("o").Dot(fi.goName), sf.f.Type, fi.f.Type,
			fi.f.Info.Constraints, fi.f.Pos, dst.m.Name+"."+fi.f.Name, 0)...)
		body = append(body, jen.Id("o").Dot("Set").Dot("Add").Call(jen.Lit(i)))
	}
	body = append(body, jen.Return(jen.True()))
	f.Commentf("%s is a %s validated from a %s (from_attributes), without the JSON round trip;", name, dst.m.Name, src.m.Name)
	f.Comment("false when a value does not validate.")
	f.Func().Id(name).Params(jen.Id("x").Op("*").Id(src.goName), jen.Id("o").Op("*").Id(dst.goName)).Bool().Block(body...)
	return name
}

// attrsAssign writes statements assigning the value src of type s to dst of type t (both
// addressable), checking t's constraints cons; they return false when it does not validate.
func (g *gen) attrsAssign(src, dst jen.Code, s, t *ir.Type, cons ir.Constraints, pos ir.Pos, what string, depth int) []jen.Code {
	if t.IsOptional() {
		tn := t.NonNone()[0]
		if !s.IsOptional() {
			return append([]jen.Code{jen.Add(dst).Dot("Valid").Op("=").True()},
				g.attrsAssign(src, jen.Add(dst).Dot("Value"), s, tn, cons, pos, what, depth)...)
		}
		ti, _ := g.typeOf(t, ir.Constraints{}, pos, what)
		return []jen.Code{
			jen.Add(dst).Op("=").Add(ti.goType()).Values(),
			jen.If(jen.Add(src).Dot("Valid")).Block(append([]jen.Code{jen.Add(dst).Dot("Valid").Op("=").True()},
				g.attrsAssign(jen.Add(src).Dot("Value"), jen.Add(dst).Dot("Value"), s.NonNone()[0], tn, cons, pos, what, depth)...)...),
		}
	}
	switch t.Kind {
	case ir.KindStr, ir.KindInt, ir.KindFloat, ir.KindBool:
		out := g.constrainedAssign(src, dst, "v", t, cons, pos, what)
		if t.Kind == ir.KindStr && len(out) > 1 {
			return []jen.Code{jen.Block(out...)}
		}
		return out
	case ir.KindList:
		si, ti := s.Args[0], t.Args[0]
		if plainScalar(ti) {
			// The items need no conversion: the list is shared (it is only serialized).
			return []jen.Code{jen.Add(dst).Op("=").Add(src)}
		}
		lt, _ := g.typeOf(t, ir.Constraints{}, pos, what)
		i := jen.Id("i" + strconv.Itoa(depth))
		return []jen.Code{
			jen.Add(dst).Op("=").Make(lt.goType(), jen.Len(src)),
			jen.For(jen.Add(i).Op(":=").Range().Add(src)).Block(
				g.attrsAssign(jen.Add(src).Index(i), jen.Add(dst).Index(i), si, ti, ir.Constraints{}, pos, what+" item", depth+1)...),
		}
	case ir.KindModel:
		smi, _ := g.readyModel(s.Model)
		tmi, _ := g.readyModel(t.Model)
		conv := g.attrsConv(smi, tmi)
		return []jen.Code{jen.If(jen.Op("!").Id(conv).Call(jen.Op("&").Add(src), jen.Op("&").Add(dst))).Block(jen.Return(jen.False()))}
	}
	// Unreachable for a checked pair.
	return []jen.Code{jen.Return(jen.False())}
}

// plainScalar reports an unconstrained str, int, float or bool (the item type of a checked
// pair's list: the items are then the same values in both models).
func plainScalar(t *ir.Type) bool {
	switch t.Kind {
	case ir.KindStr, ir.KindInt, ir.KindFloat, ir.KindBool:
		return t.Constraints.IsZero()
	}
	return false
}

// isSubclass reports whether s is t or inherits from it.
func isSubclass(s, t *ir.Model) bool {
	if s == t {
		return true
	}
	for _, b := range s.Bases {
		if isSubclass(b, t) {
			return true
		}
	}
	return false
}

// instanceFields maps each field of dst to the field of src (a subclass of dst) it is kept
// as: same name, same type and same Go type; nil when a field of dst is not such.
func instanceFields(src, dst *modelInfo) []int {
	idx := make([]int, len(dst.fields))
	for i, fi := range dst.fields {
		idx[i] = -1
		for j, sf := range src.fields {
			if sf.f.Name == fi.f.Name && sf.f.Type.String() == fi.f.Type.String() &&
				fmt.Sprintf("%#v", sf.ti.goType()) == fmt.Sprintf("%#v", fi.ti.goType()) {
				idx[i] = j
				break
			}
		}
		if idx[i] < 0 {
			return nil
		}
	}
	return idx
}

// instanceConv writes the conversion of an instance of src (dst or a subclass of it):
// the instance as is, seen through dst's fields.
func (g *gen) instanceConv(f *jen.File, name string, src, dst *modelInfo) {
	f.Commentf("%s is a %s instance as pydantic keeps it for a %s: as is, fields set included.", name, src.m.Name, dst.m.Name)
	f.Comment("It never fails.")
	var body []jen.Code
	if src == dst {
		body = []jen.Code{jen.Op("*").Id("o").Op("=").Op("*").Id("x")}
	} else {
		body = []jen.Code{jen.Op("*").Id("o").Op("=").Id(dst.goName).Values()}
		for i, j := range instanceFields(src, dst) {
			body = append(body,
				jen.Id("o").Dot(dst.fields[i].goName).Op("=").Id("x").Dot(src.fields[j].goName),
				jen.If(jen.Id("x").Dot("Set").Dot("Has").Call(jen.Lit(j))).Block(jen.Id("o").Dot("Set").Dot("Add").Call(jen.Lit(i))),
			)
		}
	}
	body = append(body, jen.Return(jen.True()))
	f.Func().Id(name).Params(jen.Id("x").Op("*").Id(src.goName), jen.Id("o").Op("*").Id(dst.goName)).Bool().Block(body...)
}

// constrainedAssign writes statements assigning the scalar src (str, int, float or bool)
// to dst after t's constraints cons, returning false from the conversion when they fail:
// a str constraint's Apply result goes through the Go variable tmp (and, with e, is
// declared where the statements run), an int or float constraint is a Check.
func (g *gen) constrainedAssign(src, dst jen.Code, tmp string, t *ir.Type, cons ir.Constraints, pos ir.Pos, what string) []jen.Code {
	var name string
	switch t.Kind {
	case ir.KindStr:
		if name, _ = g.strConstraints(cons, pos, what); name != "" {
			return []jen.Code{
				jen.List(jen.Id(tmp), jen.Id("e")).Op(":=").Id(name).Dot("Apply").Call(src, jen.Nil()),
				jen.If(jen.Id("e").Op("!=").Nil()).Block(jen.Return(jen.False())),
				jen.Add(dst).Op("=").Id(tmp),
			}
		}
	case ir.KindInt:
		name, _ = g.intConstraints(cons, pos, what)
	case ir.KindFloat:
		name, _ = g.floatConstraints(cons, pos, what)
	}
	if name == "" || t.Kind == ir.KindStr || t.Kind == ir.KindBool {
		return []jen.Code{jen.Add(dst).Op("=").Add(src)}
	}
	return []jen.Code{
		jen.If(jen.Id(name).Dot("Check").Call(src, jen.Nil()).Op("!=").Nil()).Block(jen.Return(jen.False())),
		jen.Add(dst).Op("=").Add(src),
	}
}
