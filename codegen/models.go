package codegen

import (
	"fmt"

	"github.com/covetpy/covetgen/ir"
	jen "github.com/dave/jennifer/jen"
)

// modelSet is the models the service needs, generated on first use into models.go.
type modelSet struct {
	g    *gen
	done map[*ir.Model]*modelInfo
}

// modelInfo names the Go declarations of one model.
type modelInfo struct {
	m                  *ir.Model
	goName, decodeName string
	newName, className string
	// fields are the generated fields (set once generated).
	fields              []*fieldInfo
	ok                  bool
	generating, written bool
	// nulls are the fields that may hold a None stored by an update (models_nullable.go).
	nulls map[int]bool
}

func newModelSet(g *gen) *modelSet { return &modelSet{g: g, done: map[*ir.Model]*modelInfo{}} }

func (ms *modelSet) count() int {
	n := 0
	for _, mi := range ms.done {
		if mi.ok {
			n++
		}
	}
	return n
}

// get returns the declarations of m, generating them on first use.
func (ms *modelSet) get(m *ir.Model, use ir.Pos) (*modelInfo, bool) {
	if mi, ok := ms.done[m]; ok {
		return mi, mi.ok || mi.generating
	}
	g := ms.g
	base := camel(m.Name, true)
	mi := &modelInfo{m: m, goName: g.pkg.get(base), generating: true}
	mi.decodeName = g.pkg.get("decode" + base)
	mi.newName = g.pkg.get("New" + base)
	mi.className = g.pkg.get("class" + base)
	ms.done[m] = mi
	mi.ok = ms.generate(mi)
	mi.generating = false
	return mi, mi.ok
}

// fieldInfo is a model field with its type in generated code.
type fieldInfo struct {
	f       *ir.Field
	goName  string
	ti      *typeInfo
	keys    []string     // lookup keys, alias first (populate_by_name adds the name)
	paths   [][]ir.Value // AliasChoices / AliasPath choices (alias.go); keys is nil then
	alias   string       // serialization alias ("" for the name)
	def     jen.Code     // the default's typed Go value (nil: required or zero value)
	isDef   func(v jen.Code) jen.Code
	missing string // the key a missing error names
}

// generate writes the struct, decoder, constructor and pyval.Model methods of a model.
func (ms *modelSet) generate(mi *modelInfo) bool {
	g, m := ms.g, mi.m
	refuse := func(format string, args ...any) bool {
		g.refuse.add(m.Pos, format, args...)
		return false
	}
	if m.Unresolved {
		return refuse("model %s, which the lifter could not resolve", m.Name)
	}
	if why := g.ownOpaque(m); why != "" {
		// Values of the model are validated and serialized by pydantic in the bridge
		// worker (opaque.go): routes touching it are bridged.
		return refuse("%s", why)
	}
	local := newNames("Set", "TypeName", "Class", "Field", "Encode")
	var fields []*fieldInfo
	for _, f := range m.Fields {
		fi, ok := ms.field(m, f, local)
		if !ok {
			return false
		}
		fields = append(fields, fi)
	}
	mi.fields = fields
	mi.nulls = ms.nullableSet(mi) // models_nullable.go
	ms.writeFieldValidators(mi)
	ms.writeStruct(mi, fields)
	ms.writeDecoder(mi, fields)
	ms.writeModelMethods(mi, fields)
	return true
}

func modelKindName(k ir.ModelKind) string {
	switch k {
	case ir.Dataclass:
		return "dataclass"
	case ir.PydanticDataclass:
		return "pydantic dataclass"
	case ir.TypedDict:
		return "TypedDict"
	}
	return "model"
}

// field describes one model field.
func (ms *modelSet) field(m *ir.Model, f *ir.Field, local *names) (*fieldInfo, bool) {
	g := ms.g
	what := m.Name + "." + f.Name
	if f.Info.Exclude || fieldDiscriminatorOpaque(f) || f.Info.Constraints.Strict {
		g.refuse.add(f.Pos, "model %s has Field options of field %s (%s)", m.Name, f.Name, shortPos(f.Pos))
		return nil, false
	}
	ti, ok := g.typeOf(f.Type, f.Info.Constraints, f.Pos, what)
	if !ok {
		return nil, false
	}
	fi := &fieldInfo{f: f, goName: local.get(camel(f.Name, true)), ti: ti}
	if len(f.Info.ValidationAliasPaths) > 0 {
		if fi.paths, ok = ms.aliasPaths(m, f); !ok {
			return nil, false
		}
	}
	key := f.Name
	if f.Info.ValidationAlias != nil {
		key = *f.Info.ValidationAlias
	} else if f.Info.Alias != nil {
		key = *f.Info.Alias
	}
	fi.keys = []string{key}
	fi.missing = key
	if fi.paths != nil {
		fi.keys = nil
	} else if key != f.Name && m.Config.PopulateByName {
		fi.keys = append(fi.keys, f.Name)
	}
	if f.Info.SerializationAlias != nil {
		fi.alias = *f.Info.SerializationAlias
	} else if f.Info.Alias != nil {
		fi.alias = *f.Info.Alias
	}
	if !f.Info.Required {
		def, isDef, ok := g.fieldDefault(f.Type, f.Info)
		if !ok {
			g.refuse.add(f.Pos, "default of %s", what)
			return nil, false
		}
		fi.def, fi.isDef = def, isDef
		if _, none := f.Info.Default.(ir.None); ti.ptr && none {
			fi.isDef = ti.isNone
		}
	}
	return fi, true
}

// writeStruct writes the model's struct type.
func (ms *modelSet) writeStruct(mi *modelInfo, fields []*fieldInfo) {
	f := ms.g.file("models.go")
	m := mi.m
	var decls []jen.Code
	for _, fi := range fields {
		decls = append(decls, jen.Id(fi.goName).Add(fi.ti.goType()).Comment(fmt.Sprintf("%s: %s", fi.f.Name, fi.f.Type)))
	}
	decls = append(decls, jen.Id("Set").Qual(pkgValidate, "FieldsSet").Comment("fields set by the input (exclude_unset)"))
	decls = append(decls, nullStructField(mi.nulls)...)
	f.Commentf("%s is the pydantic model %s.%s (%s).", mi.goName, m.Module, m.QualName, m.Pos)
	f.Type().Id(mi.goName).Struct(decls...)
}

// writeDecoder writes the JSON-mode decoder and the python-mode constructor.
func (ms *modelSet) writeDecoder(mi *modelInfo, fields []*fieldInfo) {
	g := ms.g
	f := g.file("models.go")
	m := mi.m
	// The lookup: one slot per key (fields reading the same key share its slot).
	var cases []jen.Code
	slot := 0
	slots := make([][]int, len(fields))
	slotOf := map[string]int{}
	keySlot := func(k string) int {
		if sl, ok := slotOf[k]; ok {
			return sl
		}
		cases = append(cases, jen.Case(jen.Lit(k)).Block(jen.Return(jen.Lit(slot))))
		slotOf[k] = slot
		slot++
		return slot - 1
	}
	for i, fi := range fields {
		for _, k := range fi.keys {
			slots[i] = append(slots[i], keySlot(k))
		}
		for _, p := range fi.paths {
			keySlot(string(p[0].(ir.Str)))
		}
	}
	lookup := g.pkg.get(lowerFirst(mi.goName) + "Key")
	f.Commentf("%s maps an input key of %s to its slot.", lookup, m.Name)
	f.Func().Id(lookup).Params(jen.Id("k").String()).Int().Block(
		jen.Switch(jen.Id("k")).Block(cases...),
		jen.Return(jen.Lit(-1)),
	)
	init := jen.Dict{}
	for _, fi := range fields {
		if fi.def != nil {
			init[jen.Id(fi.goName)] = fi.def
		}
	}
	forbid := m.Config.Extra == "forbid"
	body := []jen.Code{
		jen.Op("*").Id("o").Op("=").Id(mi.goName).Values(init),
		modelInput(m),
		jen.Id("mark").Op(":=").Id("s").Dot("Mark").Call(),
		jen.Var().Id("in").Index(jen.Lit(slot)).Qual(pkgPyjson, "Value"),
	}
	if forbid {
		body = append(body, jen.Var().Id("used").Index(jen.Lit(slot)).Bool())
	}
	body = append(body, jen.Qual(pkgValidate, "Collect").Call(jen.Id("v"), jen.Id("in").Index(jen.Empty(), jen.Empty()), jen.Id(lookup)))
	for i, fi := range fields {
		if fi.paths != nil {
			body = append(body, ms.aliasDecode(mi, fi, i, slotOf, forbid)...)
			continue
		}
		present := func(sl jen.Code, key jen.Code) []jen.Code {
			var out []jen.Code
			if forbid {
				out = append(out, jen.Id("used").Index(sl).Op("=").True())
			}
			return append(out,
				jen.Id("s").Dot("PushKey").Call(key),
				ms.beforeDecode(mi, fi, jen.Id("in").Index(sl), func(in jen.Code) jen.Code { // validators_before.go
					return jen.If(fi.ti.decode(jen.Id("s"), in, jen.Op("&").Id("o").Dot(fi.goName))).Block(
						ms.validatedField(mi, fi, jen.Id("in").Index(sl), []jen.Code{jen.Id("o").Dot("Set").Dot("Add").Call(jen.Lit(i))})...)
				}),
				jen.Id("s").Dot("Pop").Call(),
			)
		}
		var absent []jen.Code
		if fi.f.Info.Required {
			absent = []jen.Code{jen.Id("s").Dot("Missing").Call(jen.Lit(fi.missing), jen.Id("v"))}
		}
		body = append(body, jen.Commentf("%s: %s", fi.f.Name, fi.f.Type))
		if len(slots[i]) == 1 {
			sl := jen.Lit(slots[i][0])
			st := jen.If(jen.Qual(pkgValidate, "Present").Call(jen.Id("in").Index(sl))).Block(present(sl, jen.Lit(fi.keys[0]))...)
			if absent != nil {
				st = st.Else().Block(absent...)
			}
			body = append(body, st)
			continue
		}
		// populate_by_name: the alias first, then the name; errors at the key used.
		var keyLits []jen.Code
		for _, k := range fi.keys {
			keyLits = append(keyLits, jen.Lit(k))
		}
		sw := []jen.Code{}
		for j, sl := range slots[i] {
			sw = append(sw, jen.Case(jen.Qual(pkgValidate, "Present").Call(jen.Id("in").Index(jen.Lit(sl)))).Block(present(jen.Lit(sl), jen.Lit(fi.keys[j]))...))
		}
		if absent != nil {
			sw = append(sw, jen.Default().Block(absent...))
		}
		body = append(body, jen.Switch().Block(sw...))
	}
	if forbid {
		body = append(body, jen.Id("s").Dot("ForbidExtras").Call(jen.Id("v"), jen.Id(lookup), jen.Id("used").Index(jen.Empty(), jen.Empty()), jen.False()))
	}
	body = append(body, dataclassAllSet(m, len(fields))...)
	body = append(body, jen.Return(jen.Id("s").Dot("ModelEnd").Call(jen.Id("mark"), jen.Id("o").Dot("Set").Dot("Len").Call(), jen.Lit(0))))
	f.Commentf("%s validates a %s from a JSON value (pydantic's lax mode, as FastAPI validates bodies).", mi.decodeName, m.Name)
	f.Func().Id(mi.decodeName).Params(jen.Id("s").Op("*").Qual(pkgValidate, "State"), jen.Id("v").Qual(pkgPyjson, "Value"),
		jen.Id("o").Op("*").Id(mi.goName)).Bool().Block(body...)

	f.Commentf("%s is %s(**kw): kw validated in python mode; a failure is pydantic's ValidationError.", mi.newName, m.Name)
	f.Func().Id(mi.newName).Params(jen.Id("kw").Op("*").Qual(pkgPyval, "Dict")).Params(jen.Qual(pkgPyval, "Value"), jen.Error()).Block(
		ms.g.dictNew(mi),
		jen.List(jen.Id("in"), jen.Err()).Op(":=").Qual(pkgPyval, "ValidationInput").Call(jen.Id("kw")),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
		jen.Id("s").Op(":=").Qual(pkgValidate, "NewState").Call(),
		jen.Id("o").Op(":=").New(jen.Id(mi.goName)),
		jen.If(jen.Op("!").Id(mi.decodeName).Call(jen.Id("s"), jen.Id("in"), jen.Id("o"))).Block(
			jen.Return(jen.Nil(), jen.Qual(pkgPyval, "NewException").Call(jen.Lit("ValidationError"))),
		),
		jen.Return(jen.Id("o"), jen.Nil()),
	)
}

// writeModelMethods writes the pyval.Model methods: TypeName, Class, Field and Encode.
func (ms *modelSet) writeModelMethods(mi *modelInfo, fields []*fieldInfo) {
	g := ms.g
	f := g.file("models.go")
	m := mi.m
	var cf []jen.Code
	for _, fi := range fields {
		cf = append(cf, jen.Values(jen.Dict{jen.Id("Name"): jen.Lit(fi.f.Name)}))
	}
	f.Commentf("%s describes the class %s to translated bodies.", mi.className, m.Name)
	class := jen.Dict{
		jen.Id("Name"):   jen.Lit(m.Name),
		jen.Id("Fields"): jen.Index().Qual(pkgPyval, "ClassField").Values(cf...),
	}
	if m.Module != "" && m.QualName != "" {
		class[jen.Id("Qual")] = jen.Lit(m.Module + ":" + m.QualName)
	}
	if m.Kind == ir.Dataclass {
		class[jen.Id("Dataclass")] = jen.True()
	}
	f.Var().Id(mi.className).Op("=").Op("&").Qual(pkgPyval, "Class").Values(class)
	recv := jen.Id("o").Op("*").Id(mi.goName)
	f.Comment("TypeName is the class name.")
	f.Func().Params(recv).Id("TypeName").Params().String().Block(jen.Return(jen.Lit(m.Name)))
	f.Comment("Class describes the model class.")
	f.Func().Params(jen.Id("o").Op("*").Id(mi.goName)).Id("Class").Params().Op("*").Qual(pkgPyval, "Class").Block(jen.Return(jen.Id(mi.className)))
	var cases []jen.Code
	for i, fi := range fields {
		cases = append(cases, jen.Case(jen.Lit(i)).Block(jen.Return(fi.ti.toPy(jen.Id("o").Dot(fi.goName)))))
	}
	f.Comment("FieldSet reports whether field i is in the model's fields set (model_fields_set).")
	f.Func().Params(jen.Id("o").Op("*").Id(mi.goName)).Id("FieldSet").Params(jen.Id("i").Int()).Bool().Block(
		jen.Return(jen.Id("o").Dot("Set").Dot("Has").Call(jen.Id("i"))),
	)
	field := "Field"
	if mi.nulls != nil {
		field = "TypedField"
		ms.writeNullMethods(mi, mi.nulls) // models_nullable.go
	}
	f.Comment(field + " returns field i as a Python value.")
	f.Func().Params(jen.Id("o").Op("*").Id(mi.goName)).Id(field).Params(jen.Id("i").Int()).Qual(pkgPyval, "Value").Block(
		jen.Switch(jen.Id("i")).Block(cases...),
		jen.Return(jen.Qual(pkgPyval, "None")),
	)
	begin, end := encodeBrackets(m)
	body := []jen.Code{jen.Id("e").Dot(begin).Call()}
	for i, fi := range fields {
		v := jen.Id("o").Dot(fi.goName)
		var isDef jen.Code = jen.False()
		if fi.isDef != nil {
			isDef = fi.isDef(v)
		}
		var isNone jen.Code = jen.False()
		if fi.ti.isNone != nil {
			isNone = fi.ti.isNone(v)
		}
		isDef, isNone, enc := nullEncode(mi.nulls, i, isDef, isNone, fi.ti.encode(jen.Id("e"), v)) // models_nullable.go
		body = append(body, jen.If(jen.Id("e").Dot("Field").Call(jen.Lit(fi.f.Name), jen.Lit(fi.alias),
			jen.Id("o").Dot("Set").Dot("Has").Call(jen.Lit(i)), isDef, isNone)).Block(
			append(enc, jen.Id("e").Dot("Done").Call())...))
	}
	body = append(body, jen.Id("e").Dot(end).Call())
	f.Comment("Encode writes the model with the encoder's mode and options.")
	f.Func().Params(jen.Id("o").Op("*").Id(mi.goName)).Id("Encode").Params(jen.Id("e").Op("*").Qual(pkgValidate, "Encoder")).Block(body...)
	f.Comment("AppendJSONable writes the model as jsonable_encoder + json.dumps (path B).")
	f.Func().Params(jen.Id("o").Op("*").Id(mi.goName)).Id("AppendJSONable").Params(jen.Id("dst").Index().Byte()).
		Params(jen.Index().Byte(), jen.Error()).Block(
		jen.Return(jen.Qual(pkgPyval, "AppendJSONable").Call(jen.Id("dst"), jen.Id("o"))),
	)
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	b := []byte(s)
	if b[0] >= 'A' && b[0] <= 'Z' {
		b[0] += 'a' - 'A'
	}
	return string(b)
}
