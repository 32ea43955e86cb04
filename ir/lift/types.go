package lift

import (
	"strings"

	"github.com/covetpy/covetgen/ir"
)

// splitAnnotated unwraps Annotated[T, m1, m2] (nested ones flattened) into T and its
// metadata, outermost last as Python flattens them.
func splitAnnotated(o obj) (obj, []obj) {
	var meta []obj
	for {
		a, ok := o.(aliasObj)
		if !ok || !isFw(a.origin, "typing.Annotated") || len(a.args) == 0 {
			return o, meta
		}
		meta = append(append([]obj{}, a.args[1:]...), meta...)
		o = a.args[0]
	}
}

func isFw(o obj, name string) bool {
	f, ok := o.(fwObj)
	return ok && f.name == name
}

// resolveForward evaluates a string annotation in the module's globals.
func (ms *modState) resolveForward(o obj, depth int) obj {
	for i := 0; i < 5; i++ {
		s, ok := constStr(o)
		if !ok {
			return o
		}
		e, ok := ms.in.annotations[s]
		if !ok {
			var err error
			if e, err = ms.in.prog.ParseExpr(s); err != nil {
				e = nil
			}
			ms.in.annotations[s] = e
		}
		if e == nil {
			return unknownObj{why: "string annotation " + s + " does not parse"}
		}
		o = ms.eval(e, ms.globals)
	}
	return o
}

// typeOf converts an annotation object to an IR type.
func (ms *modState) typeOf(o obj, pos ir.Pos) *ir.Type {
	return ms.typeOfDepth(o, pos, 0)
}

func (ms *modState) typeOfDepth(o obj, pos ir.Pos, depth int) *ir.Type {
	if depth > 40 {
		return &ir.Type{Kind: ir.KindUnknown, Name: "type nested too deeply", Pos: pos}
	}
	o = ms.resolveForward(o, depth)
	sub := func(x obj) *ir.Type { return ms.typeOfDepth(x, pos, depth+1) }
	switch x := o.(type) {
	case valObj:
		if _, ok := x.v.(ir.None); ok {
			return &ir.Type{Kind: ir.KindNone, Pos: pos}
		}
		return &ir.Type{Kind: ir.KindUnknown, Name: x.v.Repr(), Pos: pos}
	case fwObj:
		return fwType(x.name, pos)
	case unionObj:
		t := &ir.Type{Kind: ir.KindUnion, Pos: pos}
		for _, m := range x.members {
			t.Args = append(t.Args, sub(m))
		}
		return normUnion(t)
	case *classObj:
		return ms.in.classType(x, nil, pos)
	case fwCall:
		return ms.constrainedType(x, pos, depth)
	case aliasObj:
		return ms.aliasType(x, pos, depth)
	case unknownObj:
		return &ir.Type{Kind: ir.KindUnknown, Name: x.why, Pos: pos}
	}
	return &ir.Type{Kind: ir.KindUnknown, Name: "annotation not understood", Pos: pos}
}

// classType is the type of an app class, possibly parametrized.
func (in *interp) classType(c *classObj, args []obj, pos ir.Pos) *ir.Type {
	switch {
	case c.isEnum():
		return &ir.Type{Kind: ir.KindEnum, Enum: in.liftEnum(c), Pos: pos}
	case c.isModel():
		m := in.liftModel(c)
		if len(args) > 0 {
			m = in.parametrize(c, args, pos)
		}
		return &ir.Type{Kind: ir.KindModel, Model: m, Pos: pos}
	}
	for _, b := range c.bases {
		if u, ok := b.(unknownObj); ok {
			return &ir.Type{Kind: ir.KindUnknown, Name: "class " + c.def.Name + " derives from an unresolved base (" + u.why + ")", Pos: pos}
		}
	}
	return &ir.Type{Kind: ir.KindClass, Name: c.ms.mod.Name + "." + c.def.Name, Class: in.liftClass(c), Pos: pos}
}

// fwType is the type of a bare framework name.
func fwType(name string, pos ir.Pos) *ir.Type {
	k := func(kind ir.Kind) *ir.Type { return &ir.Type{Kind: kind, Name: name, Pos: pos} }
	anyT := func() *ir.Type { return &ir.Type{Kind: ir.KindAny, Pos: pos} }
	switch name {
	case "builtins.str":
		return k(ir.KindStr)
	case "builtins.int":
		return k(ir.KindInt)
	case "builtins.float":
		return k(ir.KindFloat)
	case "builtins.bool":
		return k(ir.KindBool)
	case "builtins.bytes":
		return k(ir.KindBytes)
	case "typing.Any", "builtins.object":
		return anyT()
	case "builtins.list", "typing.Sequence", "typing.Iterable", "typing.MutableSequence", "collections.deque":
		t := k(ir.KindList)
		t.Args = []*ir.Type{anyT()}
		return t
	case "builtins.set", "typing.MutableSet", "typing.AbstractSet":
		t := k(ir.KindSet)
		t.Args = []*ir.Type{anyT()}
		return t
	case "builtins.frozenset":
		t := k(ir.KindFrozenSet)
		t.Args = []*ir.Type{anyT()}
		return t
	case "builtins.tuple":
		t := k(ir.KindTuple)
		t.Args, t.Variadic = []*ir.Type{anyT()}, true
		return t
	case "builtins.dict", "typing.Mapping", "typing.MutableMapping":
		t := k(ir.KindDict)
		t.Args = []*ir.Type{anyT(), anyT()}
		return t
	case "decimal.Decimal":
		return k(ir.KindDecimal)
	case "datetime.datetime":
		return k(ir.KindDateTime)
	case "datetime.date":
		return k(ir.KindDate)
	case "datetime.time":
		return k(ir.KindTime)
	case "datetime.timedelta":
		return k(ir.KindTimeDelta)
	case "uuid.UUID":
		return k(ir.KindUUID)
	case "pathlib.Path", "pathlib.PurePath", "pathlib.PosixPath":
		return k(ir.KindPath)
	case "types.NoneType":
		return k(ir.KindNone)
	case "ipaddress.IPv4Address", "ipaddress.IPv6Address", "ipaddress.IPv4Network", "ipaddress.IPv6Network",
		"ipaddress.IPv4Interface", "ipaddress.IPv6Interface", "pydantic.IPvAnyAddress", "pydantic.IPvAnyNetwork",
		"pydantic.IPvAnyInterface":
		return k(ir.KindIP)
	}
	if rest, ok := strings.CutPrefix(name, "pydantic."); ok {
		switch {
		case strings.HasPrefix(rest, "UUID"):
			return k(ir.KindUUID)
		case strings.HasSuffix(rest, "Url") || strings.HasSuffix(rest, "Dsn"):
			return k(ir.KindURL)
		}
		if t := pydanticConstrained(rest, pos); t != nil {
			return t
		}
	}
	return &ir.Type{Kind: ir.KindClass, Name: name, Pos: pos}
}

// pydanticConstrained returns pydantic's Strict*/Positive*/... types.
func pydanticConstrained(name string, pos ir.Pos) *ir.Type {
	zeroI := ir.Value(ir.NewInt(0))
	t := func(kind ir.Kind, c ir.Constraints) *ir.Type {
		return &ir.Type{Kind: kind, Name: "pydantic." + name, Constraints: c, Pos: pos}
	}
	switch name {
	case "StrictStr":
		return t(ir.KindStr, ir.Constraints{Strict: true})
	case "StrictInt":
		return t(ir.KindInt, ir.Constraints{Strict: true})
	case "StrictFloat":
		return t(ir.KindFloat, ir.Constraints{Strict: true})
	case "StrictBool":
		return t(ir.KindBool, ir.Constraints{Strict: true})
	case "StrictBytes":
		return t(ir.KindBytes, ir.Constraints{Strict: true})
	case "PositiveInt":
		return t(ir.KindInt, ir.Constraints{Gt: zeroI})
	case "NegativeInt":
		return t(ir.KindInt, ir.Constraints{Lt: zeroI})
	case "NonNegativeInt":
		return t(ir.KindInt, ir.Constraints{Ge: zeroI})
	case "NonPositiveInt":
		return t(ir.KindInt, ir.Constraints{Le: zeroI})
	case "PositiveFloat":
		return t(ir.KindFloat, ir.Constraints{Gt: zeroI})
	case "NegativeFloat":
		return t(ir.KindFloat, ir.Constraints{Lt: zeroI})
	case "NonNegativeFloat":
		return t(ir.KindFloat, ir.Constraints{Ge: zeroI})
	case "NonPositiveFloat":
		return t(ir.KindFloat, ir.Constraints{Le: zeroI})
	case "FiniteFloat":
		f := false
		return t(ir.KindFloat, ir.Constraints{AllowInfNan: &f})
	}
	return nil
}

// normUnion flattens nested unions, removes duplicates and unwraps a single member.
func normUnion(t *ir.Type) *ir.Type {
	var flat []*ir.Type
	for _, a := range t.Args {
		if a.Kind == ir.KindUnion && a.Constraints.IsZero() && a.Meta == nil && a.Discriminator == "" {
			flat = append(flat, a.Args...)
		} else {
			flat = append(flat, a)
		}
	}
	var out []*ir.Type
	for _, a := range flat {
		dup := false
		for _, b := range out {
			if sameType(a, b) {
				dup = true
			}
		}
		if !dup {
			out = append(out, a)
		}
	}
	if len(out) == 1 {
		return out[0]
	}
	t.Args = out
	return t
}

// sameType reports whether two types are the same Python type object (for Union dedup).
func sameType(a, b *ir.Type) bool {
	if a.Kind != b.Kind || a.Model != b.Model || a.Enum != b.Enum || a.Variadic != b.Variadic ||
		len(a.Args) != len(b.Args) || !a.Constraints.IsZero() || !b.Constraints.IsZero() || a.Meta != nil || b.Meta != nil {
		return false
	}
	if a.Kind == ir.KindClass || a.Kind == ir.KindUnknown || a.Kind == ir.KindURL || a.Kind == ir.KindIP {
		if a.Name != b.Name {
			return false
		}
	}
	if a.Kind == ir.KindLiteral {
		if len(a.Values) != len(b.Values) {
			return false
		}
		for i := range a.Values {
			if !ir.ValueEqual(a.Values[i], b.Values[i]) {
				return false
			}
		}
	}
	for i := range a.Args {
		if !sameType(a.Args[i], b.Args[i]) {
			return false
		}
	}
	return true
}

// aliasType converts a subscripted generic.
func (ms *modState) aliasType(x aliasObj, pos ir.Pos, depth int) *ir.Type {
	sub := func(o obj) *ir.Type { return ms.typeOfDepth(o, pos, depth+1) }
	if c, ok := x.origin.(*classObj); ok {
		return ms.in.classType(c, x.args, pos)
	}
	if _, ok := x.origin.(aliasObj); ok {
		// A parametrized alias of a generic alias (List[T][int]) is not followed.
		return &ir.Type{Kind: ir.KindUnknown, Name: "generic alias of a generic alias", Pos: pos}
	}
	f, ok := x.origin.(fwObj)
	if !ok {
		return &ir.Type{Kind: ir.KindUnknown, Name: "subscript of a non-type", Pos: pos}
	}
	switch f.name {
	case "typing.Annotated":
		inner, meta := splitAnnotated(x)
		t := sub(inner)
		return ms.applyTypeMeta(t, meta, pos)
	case "typing.Optional":
		if len(x.args) == 1 {
			return normUnion(&ir.Type{Kind: ir.KindUnion, Args: []*ir.Type{sub(x.args[0]), {Kind: ir.KindNone, Pos: pos}}, Pos: pos})
		}
	case "typing.Union":
		t := &ir.Type{Kind: ir.KindUnion, Pos: pos}
		for _, a := range x.args {
			t.Args = append(t.Args, sub(a))
		}
		return normUnion(t)
	case "typing.Literal":
		t := &ir.Type{Kind: ir.KindLiteral, Pos: pos}
		for _, a := range x.args {
			if inner, ok := a.(aliasObj); ok && isFw(inner.origin, "typing.Literal") {
				t.Values = append(t.Values, sub(inner).Values...)
				continue
			}
			v, _ := toValue(a)
			t.Values = append(t.Values, v)
		}
		return t
	case "typing.ClassVar", "typing.Final", "typing.Required", "typing.NotRequired", "typing.ReadOnly":
		if len(x.args) == 1 {
			return sub(x.args[0])
		}
	case "builtins.type":
		return &ir.Type{Kind: ir.KindClass, Name: "builtins.type", Pos: pos}
	}
	base := fwType(f.name, pos)
	switch base.Kind {
	case ir.KindList, ir.KindSet, ir.KindFrozenSet:
		if len(x.args) == 1 {
			base.Args = []*ir.Type{sub(x.args[0])}
		}
		return base
	case ir.KindTuple:
		base.Args, base.Variadic = nil, false
		if len(x.args) == 2 {
			if v, ok := x.args[1].(valObj); ok {
				if _, ok := v.v.(ir.Ellipsis); ok {
					base.Args, base.Variadic = []*ir.Type{sub(x.args[0])}, true
					return base
				}
			}
		}
		if len(x.args) == 1 {
			if s, ok := x.args[0].(seqObj); ok && s.kind == "tuple" && len(s.items) == 0 {
				return base // tuple[()]
			}
		}
		for _, a := range x.args {
			base.Args = append(base.Args, sub(a))
		}
		return base
	case ir.KindDict:
		if len(x.args) == 2 {
			base.Args = []*ir.Type{sub(x.args[0]), sub(x.args[1])}
		}
		return base
	}
	// Other generic framework classes (AsyncIterable[T], Iterator[T], Generator[...]) keep
	// their arguments.
	base = &ir.Type{Kind: ir.KindClass, Name: f.name, Pos: pos}
	for _, a := range x.args {
		base.Args = append(base.Args, sub(a))
	}
	return base
}

// applyTypeMeta applies Annotated metadata that belongs to the type itself: constraints,
// Field(...) documentation and discriminators.
func (ms *modState) applyTypeMeta(t *ir.Type, meta []obj, pos ir.Pos) *ir.Type {
	c := *t
	t = &c
	for _, m := range meta {
		if p := metadataProblem(m); p != "" {
			ms.in.report(pos, "%s", p)
		}
		call, ok := m.(fwCall)
		if !ok {
			continue
		}
		switch call.name {
		case "pydantic.Field":
			fi := ms.fieldInfo(call, nil)
			t = withConstraints(t, fi.Constraints)
			if fi.Discriminator != "" {
				t.Discriminator = fi.Discriminator
			}
			if fi.Title != nil || fi.Description != nil || fi.Examples != nil || fi.Deprecated != nil || fi.JSONSchemaExtra != nil {
				meta := fi
				t.Meta = &meta
			}
		default:
			if cons, ok := constraintsOf(call); ok {
				t = withConstraints(t, cons)
			}
		}
	}
	return t
}

// withConstraints returns t with constraints merged in; on an Optional they apply to the
// non-None member, as pydantic applies them.
func withConstraints(t *ir.Type, c ir.Constraints) *ir.Type {
	if c.IsZero() {
		return t
	}
	cp := *t
	if cp.Kind == ir.KindUnion {
		nn := cp.NonNone()
		if len(nn) == 1 {
			cp.Args = make([]*ir.Type, len(t.Args))
			for i, a := range t.Args {
				if a.IsNone() {
					cp.Args[i] = a
				} else {
					cp.Args[i] = withConstraints(a, c)
				}
			}
			return &cp
		}
	}
	cp.Constraints.Merge(c)
	return &cp
}

// constrainedType converts constr()/conint()/confloat()/conlist()/condecimal() and
// TypeVar().
func (ms *modState) constrainedType(c fwCall, pos ir.Pos, depth int) *ir.Type {
	cons, _ := constraintsFromKw(c.kw)
	switch c.name {
	case "pydantic.constr":
		return &ir.Type{Kind: ir.KindStr, Constraints: cons, Pos: pos}
	case "pydantic.conint":
		return &ir.Type{Kind: ir.KindInt, Constraints: cons, Pos: pos}
	case "pydantic.confloat":
		return &ir.Type{Kind: ir.KindFloat, Constraints: cons, Pos: pos}
	case "pydantic.condecimal":
		return &ir.Type{Kind: ir.KindDecimal, Constraints: cons, Pos: pos}
	case "pydantic.conbytes":
		return &ir.Type{Kind: ir.KindBytes, Constraints: cons, Pos: pos}
	case "pydantic.conlist", "pydantic.conset", "pydantic.confrozenset":
		kind := map[string]ir.Kind{"pydantic.conlist": ir.KindList, "pydantic.conset": ir.KindSet, "pydantic.confrozenset": ir.KindFrozenSet}[c.name]
		var item obj = fwObj{"typing.Any"}
		if len(c.args) > 0 {
			item = c.args[0]
		} else if v, ok := kwGet(c.kw, "item_type"); ok {
			item = v
		}
		return &ir.Type{Kind: kind, Args: []*ir.Type{ms.typeOfDepth(item, pos, depth+1)}, Constraints: cons, Pos: pos}
	case "typing.TypeVar":
		name := ""
		if len(c.args) > 0 {
			name, _ = constStr(c.args[0])
		}
		return &ir.Type{Kind: ir.KindTypeVar, Name: name, Pos: pos}
	}
	return &ir.Type{Kind: ir.KindUnknown, Name: c.name + "(...) used as a type", Pos: pos}
}
