package translate

// model_dump() of models with Enum fields.
//
// pydantic's model_dump() in python mode keeps Enum members as they are (no
// use_enum_values): the dict it returns holds pyval.Enum values, which pyval carries
// exactly. Such a dump may only be spread with ** into a model construction
// (Todo(**x.model_dump())), which validates the members back into the fields, as pydantic
// does: anywhere else its members would meet generic operations, where a mixed-in Enum
// behaves as its base type (pyval does not model that).

import (
	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
)

// dumpHoldable reports whether model_dump() can produce a field of type t: a type pyval
// holds (Holdable), or a plain Enum class of the app (its members are pyval.Enum values),
// also inside Optional, list, tuple and dict types.
func (u *Unit) dumpHoldable(t *ir.Type) bool {
	if t == nil {
		return false
	}
	switch t.Kind {
	case ir.KindEnum:
		return t.Enum != nil && u.enumPlain(t.Enum)
	case ir.KindList, ir.KindTuple, ir.KindUnion:
		for _, a := range t.Args {
			if !u.dumpHoldable(a) {
				return false
			}
		}
		return true
	case ir.KindDict:
		if len(t.Args) == 2 {
			k := t.Args[0]
			return (k.Kind == ir.KindStr || k.Kind == ir.KindInt || k.Kind == ir.KindAny) && u.dumpHoldable(t.Args[1])
		}
		return true
	}
	return Holdable(t)
}

// dumpType is the static type of m.model_dump(): a dict, marked as holding Enum members
// when a field of m (or of a model nested in it) may hold one.
func dumpType(m *ir.Model) *ir.Type {
	if !modelHoldsEnum(m, map[*ir.Model]bool{}) {
		return dictType
	}
	return &ir.Type{Kind: ir.KindDict, Args: []*ir.Type{strType, {Kind: ir.KindAny, Args: []*ir.Type{{Kind: ir.KindEnum}}}}}
}

// modelHoldsEnum reports whether a field of m, or of a model nested in it, may hold an
// Enum member.
func modelHoldsEnum(m *ir.Model, seen map[*ir.Model]bool) bool {
	if m == nil || seen[m] {
		return false
	}
	seen[m] = true
	for _, fd := range m.Fields {
		if containsExt(fd.Type) {
			return true
		}
		for _, sub := range nestedModels(fd.Type) {
			if modelHoldsEnum(sub, seen) {
				return true
			}
		}
	}
	return false
}

// spreadDump reports whether the call c is spread by ** into the arguments of a model
// construction (Todo(id=1, **x.model_dump())).
func (f *fn) spreadDump(c *ast.Call) bool {
	if f.spreadDumps == nil {
		f.spreadDumps = map[ast.Expr]bool{}
		walkStmts(f.def.body, func(st ast.Stmt) {
			for _, e := range stmtExprs(st) {
				walkExpr(e, func(x ast.Expr) {
					if call, ok := x.(*ast.Call); ok {
						if g, isGlobal := f.lookupGlobal(call.Func); !isGlobal || g.kind != gModel {
							return
						}
						for _, k := range call.Keywords {
							if k.Arg == nil {
								f.spreadDumps[k.Value] = true
							}
						}
					}
				})
			}
		})
	}
	return f.spreadDumps[c]
}

// checkDumpUse refuses m.model_dump() of a model holding Enum members anywhere but spread
// into a model construction.
func (f *fn) checkDumpUse(c *ast.Call, m *ir.Model) {
	if modelHoldsEnum(m, map[*ir.Model]bool{}) && !f.spreadDump(c) && !f.nullDump(c) {
		f.refuse(c, "model_dump() of %s here (it holds Enum members: only spread with ** into a model construction)", m.Name)
	}
}

// dumpWith compiles m.model_dump(exclude_unset=..., exclude_none=...) with constant
// booleans (pyval.ModelDumpOf); other options (exclude_defaults, include, exclude,
// by_alias, mode...) are refused.
func (f *fn) dumpWith(c *ast.Call, name string, recv val, m *ir.Model) val {
	opts := jen.Dict{}
	for _, k := range c.Keywords {
		if k.Arg == nil || *k.Arg != "exclude_unset" && *k.Arg != "exclude_none" {
			f.refuse(k, "%s() keyword argument %s (only exclude_unset= and exclude_none=)", name, kwName(k))
		}
		b, ok := k.Value.(*ast.Constant)
		bv, isBool := ast.Value(nil), false
		if ok {
			bv = b.Value
			_, isBool = bv.(ast.Bool)
		}
		if !isBool {
			f.refuse(k.Value, "%s(%s=) of other than True or False", name, *k.Arg)
		}
		if *k.Arg == "exclude_unset" && bv.(ast.Bool) {
			for _, fd := range m.Fields {
				if mayHoldModel(fd.Type) {
					// a model stored in a field was revalidated when its owner was built
					// (pyval.ValidationInput): its fields set is not the instance's
					f.refuse(k, "%s(exclude_unset=True) of %s (field %s may hold a model)", name, m.Name, fd.Name)
				}
			}
		}
		if bv.(ast.Bool) {
			field := map[string]string{"exclude_unset": "ExcludeUnset", "exclude_none": "ExcludeNone"}[*k.Arg]
			opts[jen.Id(field)] = jen.True()
		}
	}
	if !recv.atomic {
		recv = f.hoist(recv)
	}
	return f.callVal(q("ModelDumpOf").Call(recv.code, q("DumpOptions").Values(opts)), kindValue, dumpType(m))
}

// kwName is a keyword argument's name ("**" for a ** argument).
func kwName(k *ast.Keyword) string {
	if k.Arg == nil {
		return "**"
	}
	return *k.Arg
}

// mayHoldModel reports whether a value of static type t may be or contain a model
// instance (Any and unparameterized containers may).
func mayHoldModel(t *ir.Type) bool {
	if t == nil {
		return true
	}
	switch t.Kind {
	case ir.KindModel, ir.KindAny:
		return true
	case ir.KindList, ir.KindTuple, ir.KindDict, ir.KindUnion, ir.KindSet, ir.KindFrozenSet:
		if len(t.Args) == 0 {
			return true
		}
		for _, a := range t.Args {
			if mayHoldModel(a) {
				return true
			}
		}
	}
	return false
}
