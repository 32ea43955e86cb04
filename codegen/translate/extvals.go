package translate

// Enum members and UUIDs (pyval.Enum, pyval.UUID) in translated bodies.
//
// A parameter of an Enum or UUID type is used only where its meaning is exact without
// modelling the whole class: .value / .name (Enum), .hex / .version (UUID), str(x),
// type(x).__name__, comparisons with is / is not / == / != against another name or an
// enum member (Color.RED), and as an item of a list/tuple/dict display that is returned
// directly (path B encodes it as jsonable_encoder does). Any other use (arithmetic, str
// methods, f-strings, aliasing, passing it on) is refused: a mixed-in enum behaves as its
// base type there, which pyval does not model.

import (
	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
)

// isExtType reports whether values of static type t are pyval.Enum or pyval.UUID.
func isExtType(t *ir.Type) bool {
	return t != nil && ((t.Kind == ir.KindEnum && t.Enum != nil) || t.Kind == ir.KindUUID || t.Kind == ir.KindDate || opaqueKinds[t.Kind])
}

// opaqueKinds are the kinds pyval holds (pyval.DateTime, Time, Timedelta, Decimal, URL, Set,
// IP) without their operations: values of them are only passed through, compared with ==,
// str()'d and returned.
var opaqueKinds = map[ir.Kind]bool{ir.KindDateTime: true, ir.KindTime: true, ir.KindTimeDelta: true, ir.KindDecimal: true, ir.KindURL: true,
	ir.KindSet: true, ir.KindFrozenSet: true, ir.KindIP: true}

// extKey keys the Unit's caches of sanctioned positions (extSanctioned, extOrdered).
type extKey struct {
	def      *funcDef
	response bool
}

// extOK reports whether the name n (a value of an Enum or UUID type) is in a sanctioned
// position of the function's body.
func (f *fn) extOK(n ast.Expr) bool {
	key := extKey{f.def, f.response}
	if m, ok := f.u.extSanctioned[key]; ok {
		return m[n]
	}
	m, ord := map[ast.Expr]bool{}, map[ast.Expr]bool{}
	mark := func(e ast.Expr) {
		switch e.(type) {
		case *ast.Name, *ast.Attribute:
			m[e] = true
		}
	}
	display := func(e ast.Expr) { displayItems(e, mark) }
	walkStmts(f.def.body, func(st ast.Stmt) {
		if r, ok := st.(*ast.Return); ok && r.Value != nil && f.response {
			display(r.Value)
		}
		for _, e := range stmtExprs(st) {
			walkExpr(e, func(x ast.Expr) {
				switch y := x.(type) {
				case *ast.Attribute:
					switch y.Attr {
					case "value", "name", "hex", "version", "year", "month", "day":
						mark(y.Value)
					}
				case *ast.Call:
					// values of model_copy(update={...}): stored as they are, their type
					// checked against the field's (modelcopy.go)
					if at, ok := y.Func.(*ast.Attribute); ok && at.Attr == "model_copy" {
						for _, k := range y.Keywords {
							if d, ok := k.Value.(*ast.Dict); ok && k.Arg != nil && *k.Arg == "update" {
								for _, v := range d.Values {
									mark(v)
								}
							}
						}
					}
					if fn, ok := y.Func.(*ast.Name); ok && (fn.Id == "str" || fn.Id == "type") && len(y.Args) == 1 && len(y.Keywords) == 0 &&
						f.locals[fn.Id] == nil && f.mi.binds[fn.Id] == nil {
						mark(y.Args[0])
					}
				case *ast.Compare:
					if len(y.Ops) == 1 {
						switch y.Ops[0] {
						case ast.Lt, ast.LtE, ast.Gt, ast.GtE:
							for _, e := range []ast.Expr{y.Left, y.Comparators[0]} {
								switch e.(type) {
								case *ast.Name, *ast.Attribute:
									ord[e] = true
								}
							}
							return
						}
					}
					for _, op := range y.Ops {
						switch op {
						case ast.Is, ast.IsNot, ast.Eq, ast.NotEq:
						default:
							return
						}
					}
					if len(y.Ops) == 1 {
						mark(y.Left)
						mark(y.Comparators[0])
					}
				}
			})
		}
	})
	if f.u.extSanctioned == nil {
		f.u.extSanctioned, f.u.extOrdered = map[extKey]map[ast.Expr]bool{}, map[extKey]map[ast.Expr]bool{}
	}
	f.u.extSanctioned[key], f.u.extOrdered[key] = m, ord
	return m[n]
}

// extOrderedOK reports whether n is an operand of a single ordering comparison.
func (f *fn) extOrderedOK(n ast.Expr) bool {
	f.extOK(n)
	return f.u.extOrdered[extKey{f.def, f.response}][n]
}

// checkExtUse refuses a use of an Enum or UUID value outside the sanctioned positions.
func (f *fn) checkExtUse(n *ast.Name, t *ir.Type) {
	if t == nil {
		return
	}
	if isValueKindOpt(t) || containsExt(t) && onlyValueKinds(t) {
		return // full values (temporal.go)
	}
	if f.nullUpdateUse(n) {
		return // a dump given to model_copy (unvalidated_model.go)
	}
	if isSetType(t) && f.setOK(n) {
		return // set.go
	}
	if isExtOptional(t) {
		// Optional[E]: None or the value; attributes of it are refused (extAttribute only
		// reads attributes of exact types).
		t = t.NonNone()[0]
	}
	if !isExtType(t) {
		if containsExt(t) && !f.extContainerOK(n, t) { // extcontainer.go
			f.refuse(n, "use of %s of type %s (holding Enum members or UUIDs)", n.Id, t)
		}
		return
	}
	if isEnumType(t) && !f.u.enumPlain(t.Enum) {
		f.refuse(n, "use of %s of enum type %s (only classes of members, no methods, bases (str|int, Enum) or Enum)", n.Id, t.Enum.Name)
	}
	if t.Kind == ir.KindDate && f.extOrderedOK(n) {
		return
	}
	if t.Kind == ir.KindIP && f.ipMemberOK(n) {
		return // address in network (ipmember.go)
	}
	if isExtType(t) && !f.extOK(n) {
		f.refuse(n, "use of %s of type %s here (only .value/.name/.hex/.version, str(), comparisons and returned displays)", n.Id, t)
	}
}

// enumClassVar declares (once) the package-level pyval.EnumClass of e and returns its name.
func (u *Unit) enumClassVar(e *ir.Enum) string {
	key := "enum\x00" + e.Module + "\x00" + e.QualName
	if name, ok := u.kconsts[key]; ok {
		return name
	}
	name := "pyk_enum_" + sanitizeIdent(e.Module) + "_" + sanitizeIdent(e.QualName)
	u.kconsts[key] = name
	u.decls = append(u.decls, jen.Commentf("%s is the Enum class %s.%s.", name, e.Module, e.QualName),
		jen.Var().Id(name).Op("=").Add(u.EnumClassCode(e)))
	return name
}

// EnumClassCode is the pyval.NewEnumClass(...) expression describing e, or nil when a
// member's value is not a str or an int64 (or the enum mixes in another base).
func (u *Unit) EnumClassCode(e *ir.Enum) jen.Code {
	_, strIsValue := u.enumKind(e)
	return enumClassCode(e, strIsValue)
}

func enumClassCode(e *ir.Enum, strIsValue bool) jen.Code {
	if e.Base != "" && e.Base != "str" && e.Base != "int" {
		return nil
	}
	var names, vals []jen.Code
	for _, m := range e.Members {
		names = append(names, jen.Lit(m.Name))
		switch v := m.Value.(type) {
		case ir.Str:
			vals = append(vals, jen.Qual(pyvalPkg, "Str").Call(jen.Lit(string(v))))
		case ir.Int:
			if !v.V.IsInt64() {
				return nil
			}
			vals = append(vals, jen.Qual(pyvalPkg, "IntOf").Call(jen.Lit(v.V.Int64())))
		default:
			return nil
		}
	}
	c := jen.Qual(pyvalPkg, "NewEnumClass").Call(jen.Lit(e.Name), jen.Lit(e.Module+"."+e.QualName), jen.Lit(e.Base),
		jen.Index().String().Values(names...), jen.Index().Qual(pyvalPkg, "Value").Values(vals...))
	if strIsValue {
		c = c.Dot("StrIsValue").Call()
	}
	return c
}

func sanitizeIdent(s string) string {
	b := []byte(s)
	for i, c := range b {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			b[i] = '_'
		}
	}
	return string(b)
}

// enumOf finds the app's Enum class a name designates (module-level class or imported).
func (f *fn) enumOf(n *ast.Name) *ir.Enum {
	if f.locals[n.Id] != nil || f.app == nil {
		return nil
	}
	module, qual, ok := classNamed(f.mi, n.Id)
	if !ok {
		return nil
	}
	for _, e := range f.app.Enums {
		if e.Module == module && e.QualName == qual {
			return e
		}
	}
	return nil
}

// extAttribute compiles the attributes this file handles (ok false: not one of them).
func (f *fn) extAttribute(x *ast.Attribute) (val, bool) {
	// type(x).__name__
	if c, ok := x.Value.(*ast.Call); ok && x.Attr == "__name__" {
		if fn, ok := c.Func.(*ast.Name); ok && fn.Id == "type" && f.locals["type"] == nil && len(c.Args) == 1 && len(c.Keywords) == 0 {
			if _, shadow := f.mi.binds["type"]; !shadow {
				if _, star := c.Args[0].(*ast.Starred); !star {
					a := f.value(c.Args[0])
					return val{code: q("Str").Call(jen.Add(a.code).Dot("TypeName").Call()), atomic: true, typ: strType}, true
				}
			}
		}
	}
	// Enum.MEMBER
	if n, ok := x.Value.(*ast.Name); ok {
		if e := f.enumOf(n); e != nil {
			for i, m := range e.Members {
				if m.Name == x.Attr {
					if !f.u.enumPlain(e) {
						f.refuse(x, "use of enum %s (only classes of members, no methods, bases (str|int, Enum) or Enum)", e.Name)
					}
					if !f.extOK(x) {
						f.refuse(x, "use of enum member %s.%s here (only .value/.name, str(), comparisons and returned displays)", e.Name, m.Name)
					}
					if u := f.u; u.EnumClassCode(e) == nil {
						f.refuse(x, "member of enum %s with values of another type", e.Name)
					}
					cls := f.u.enumClassVar(e)
					return val{code: jen.Id(cls).Dot("Member").Call(jen.Lit(i)), atomic: true, typ: &ir.Type{Kind: ir.KindEnum, Enum: e}}, true
				}
			}
			f.refuse(x, "attribute %s of enum %s", x.Attr, e.Name)
		}
	}
	// model.field of an Enum or UUID type, in a sanctioned position
	if m := modelOfExpr(f, x.Value); m != nil {
		if fd := m.Field(x.Attr); fd != nil && (isExtType(fd.Type) || isExtOptional(fd.Type)) && !isValueKindOpt(fd.Type) {
			if !f.extOK(x) && !(isSetType(fd.Type) && f.setOK(x)) {
				f.refuse(x, "use of %s.%s of type %s here (only str(), comparisons and returned displays)", m.Name, x.Attr, fd.Type)
			}
			if et := fd.Type; et.Kind == ir.KindEnum && !f.u.enumPlain(et.Enum) || isExtOptional(et) && et.NonNone()[0].Kind == ir.KindEnum && !f.u.enumPlain(et.NonNone()[0].Enum) {
				f.refuse(x, "attribute %s of enum type %s", x.Attr, fd.Type.Enum.Name)
			}
			b := f.value(x.Value)
			return f.callVal(q("GetAttr").Call(b.code, jen.Lit(x.Attr)), kindValue, f.fieldType(m, fd)), true
		}
	}
	// x.attr of a name (local or comprehension variable) or of a model field read from one
	// (enumiter.go), holding an Enum member, a UUID or a date
	t := f.exprExtType(x.Value)
	if v, ok := f.optEnumAttr(x, t); ok { // unvalidated_model.go
		return v, true
	}
	if !isExtType(t) {
		return val{}, false
	}
	b := f.value(x.Value)
	switch {
	case t.Kind == ir.KindEnum && x.Attr == "value":
		var vt *ir.Type
		switch t.Enum.Base {
		case "str":
			vt = strType
		case "int":
			vt = &ir.Type{Kind: ir.KindInt}
		}
		return val{code: jen.Add(b.code).Assert(q("Enum")).Dot("EnumValue").Call(), atomic: true, typ: vt}, true
	case t.Kind == ir.KindEnum && x.Attr == "name":
		return val{code: jen.Add(b.code).Assert(q("Enum")).Dot("EnumName").Call(), atomic: true, typ: strType}, true
	case t.Kind == ir.KindUUID && x.Attr == "hex":
		return val{code: jen.Add(b.code).Assert(q("UUID")).Dot("Hex").Call(), atomic: true, typ: strType}, true
	case t.Kind == ir.KindDate && (x.Attr == "year" || x.Attr == "month" || x.Attr == "day"):
		return val{code: jen.Add(b.code).Assert(q("Date")).Dot("DateAttr").Call(jen.Lit(x.Attr)), atomic: true, typ: intType}, true
	case t.Kind == ir.KindUUID && x.Attr == "version":
		return val{code: jen.Add(b.code).Assert(q("UUID")).Dot("Version").Call(), atomic: true}, true
	}
	f.refuse(x, "attribute %s of %s", x.Attr, t)
	return val{}, false
}

// isEnumType reports whether t is an Enum class of the app (identity comparisons of its
// members are exact: pyval.Is compares members).
func isEnumType(t *ir.Type) bool { return t != nil && t.Kind == ir.KindEnum && t.Enum != nil }

// enumPlain reports whether e's class is a plain `class E(Enum)`, `class E(str, Enum)` or
// `class E(int, Enum)` whose body only assigns members (no methods, no __str__, no
// metaclass): then str(), .value, .name and == are what pyval.Enum does.
func (u *Unit) enumPlain(e *ir.Enum) bool {
	ok, _ := u.enumKind(e)
	return ok
}

// enumKind is enumPlain; strIsValue is set for IntEnum / StrEnum (str(m) is str(m.value)).
func (u *Unit) enumKind(e *ir.Enum) (ok, strIsValue bool) {
	if enumClassCode(e, false) == nil {
		return false, false
	}
	mi := u.module(e.Module)
	b, ok := mi.binds[e.QualName]
	if !ok || b.kind != bClass || b.class == nil || len(b.class.Keywords) > 0 || len(b.class.DecoratorList) > 0 {
		return false, false
	}
	var bases []string
	for _, x := range b.class.Bases {
		switch y := x.(type) {
		case *ast.Name:
			bases = append(bases, y.Id)
		case *ast.Attribute:
			if m, ok := y.Value.(*ast.Name); ok && m.Id == "enum" && mi.binds["enum"] != nil && mi.binds["enum"].kind == bImport && mi.binds["enum"].target == "enum" {
				bases = append(bases, "enum."+y.Attr)
			} else {
				return false, false
			}
		default:
			return false, false
		}
	}
	reprEnum := func(s, name string) bool {
		if s == "enum."+name {
			return true
		}
		bb, ok := mi.binds[name]
		return s == name && ok && bb.kind == bImportFrom && bb.target == "enum" && bb.attr == name
	}
	isEnum := func(s string) bool {
		if s == "enum.Enum" {
			return true
		}
		if s != "Enum" {
			return false
		}
		bb, ok := mi.binds["Enum"]
		return ok && bb.kind == bImportFrom && bb.target == "enum" && bb.attr == "Enum"
	}
	switch {
	case len(bases) == 1 && e.Base == "int" && reprEnum(bases[0], "IntEnum"), len(bases) == 1 && e.Base == "str" && reprEnum(bases[0], "StrEnum"):
		strIsValue = true
	case len(bases) == 1 && isEnum(bases[0]) && e.Base == "":
	case len(bases) == 2 && isEnum(bases[1]) && bases[0] == e.Base && (e.Base == "str" || e.Base == "int"):
		if _, shadow := mi.binds[e.Base]; shadow {
			return false, false
		}
	default:
		return false, false
	}
	for _, st := range b.class.Body {
		switch s := st.(type) {
		case *ast.Pass:
		case *ast.Assign:
			// literal values only: auto() differs between (str, Enum) and StrEnum
			if !literalMember(s.Value) {
				return false, false
			}
		case *ast.AnnAssign:
			if s.Value == nil || !literalMember(s.Value) {
				return false, false
			}
		case *ast.ExprStmt:
			if c, ok := s.Value.(*ast.Constant); !ok || c == nil {
				return false, false
			}
		default:
			return false, false
		}
	}
	return true, strIsValue
}

// EnumPlain reports whether the Enum class e is simple enough for pyval.Enum: a plain
// `class E(Enum)` / `class E(str, Enum)` / `class E(int, Enum)` that only assigns members of
// str or int values (no methods, _missing_, __str__, metaclass, decorators).
func (u *Unit) EnumPlain(e *ir.Enum) bool { return u.enumPlain(e) }

// containsExt reports whether values of type t may hold an Enum member or a UUID.
func containsExt(t *ir.Type) bool {
	if t == nil {
		return false
	}
	if t.Kind == ir.KindEnum || t.Kind == ir.KindUUID || opaqueKinds[t.Kind] {
		return true
	}
	for _, a := range t.Args {
		if containsExt(a) {
			return true
		}
	}
	return false
}

// modelOfExpr is the model of a local name's static type (nil: not a model or not a name).
func modelOfExpr(f *fn, e ast.Expr) *ir.Model {
	n, ok := e.(*ast.Name)
	if !ok {
		return nil
	}
	if g, comp := f.compVars[n.Id]; comp {
		return modelOf(f.compTypes[g]) // a comprehension or key function variable
	}
	if f.locals[n.Id] == nil {
		return nil
	}
	return modelOf(f.types[n.Id])
}

// literalMember reports whether an enum member's value is written as a literal (a str or
// int constant, possibly negated).
func literalMember(e ast.Expr) bool {
	if u, ok := e.(*ast.UnaryOp); ok && u.Op == ast.USub {
		e = u.Operand
	}
	_, ok := e.(*ast.Constant)
	return ok
}

// isExtOptional reports whether t is Optional[E] of an Enum, UUID or date type E.
func isExtOptional(t *ir.Type) bool {
	return t != nil && t.Kind == ir.KindUnion && t.IsOptional() && len(t.NonNone()) == 1 && isExtType(t.NonNone()[0])
}
