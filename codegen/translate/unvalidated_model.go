package translate

// m.model_copy(update=p.model_dump(...)): model instances holding unvalidated None.
//
// pydantic's model_copy stores the update's values without validating them. When the
// update is the dump of another model S (a PATCH body: `changes =
// patch.model_dump(exclude_unset=True)` then `current.model_copy(update=changes)`), each
// value is one S validated for its field: of the target field's exact type, or None where
// S's field is Optional and the target's is not. The copy then holds None in a field
// typed str, bool... (pydantic answers it as null, t.title.lower() raises AttributeError).
//
// Before translating any body, the unit scans the app for such calls (nullScan): it types
// their receiver and update syntactically (a parameter annotated with a model, a local
// bound once by a call of a model or of a function annotated to return one; the update a
// local bound once to S-typed parameter's model_dump() and used only there) and records
// which fields of each target model may hold None. Those models get a mask of the fields
// holding None in generated code (pyval.NullableModel, codegen/models_nullable.go); every
// body reads such a field as Optional (fieldType), copies such a model with
// pyval.ModelCopyNulls and constructs a model holding one with pyval.KeepNulls (pydantic
// keeps the instance, the generated constructor would revalidate its None). A call the
// scan did not type, or whose translation finds other types, is refused.

import (
	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
)

// nullScan is what the scan found in one app.
type nullScan struct {
	copies map[*ast.Call]*nullCopy // model_copy calls with a dump as update
	dumps  map[*ast.Call]bool      // the model_dump calls giving their update
	uses   map[ast.Expr]bool       // the names given as update=
	fields map[*ir.Model]map[string]bool
}

// nullCopy is one model_copy(update=S-dump) call of a target model.
type nullCopy struct{ target, source *ir.Model }

// NullableFields are the fields of m that may hold a None stored unvalidated by
// model_copy(update=...) (nil: none), in m's field order.
func (u *Unit) NullableFields(app *ir.App, m *ir.Model) []string {
	fs := u.nulls(app).fields[m]
	var out []string
	for _, fd := range m.Fields {
		if fs[fd.Name] {
			out = append(out, fd.Name)
		}
	}
	return out
}

// nulls returns the scan of app (made once per unit).
func (u *Unit) nulls(app *ir.App) *nullScan {
	if s, ok := u.nullScans[app]; ok {
		return s
	}
	s := &nullScan{copies: map[*ast.Call]*nullCopy{}, dumps: map[*ast.Call]bool{}, uses: map[ast.Expr]bool{}, fields: map[*ir.Model]map[string]bool{}}
	if u.prog != nil && app != nil {
		for _, name := range u.prog.Order {
			m := u.prog.Modules[name]
			if m == nil || m.File == nil || m.File.Module == nil {
				continue
			}
			mi := u.module(name)
			for _, st := range m.File.Module.Body {
				if d := asDef(st); d != nil {
					u.scanNulls(s, mi, d, app)
				}
			}
		}
	}
	if u.nullScans == nil {
		u.nullScans = map[*ir.App]*nullScan{}
	}
	u.nullScans[app] = s
	return s
}

// scanNulls records the model_copy(update=<dump>) calls of d.
func (u *Unit) scanNulls(s *nullScan, mi *modInfo, d *funcDef, app *ir.App) {
	walkStmts(d.body, func(st ast.Stmt) {
		for _, e := range stmtExprs(st) {
			walkExpr(e, func(x ast.Expr) {
				c, ok := x.(*ast.Call)
				if !ok {
					return
				}
				at, ok := c.Func.(*ast.Attribute)
				if !ok || at.Attr != "model_copy" || len(c.Args) > 0 || len(c.Keywords) != 1 || c.Keywords[0].Arg == nil || *c.Keywords[0].Arg != "update" {
					return
				}
				up := c.Keywords[0].Value
				if _, display := up.(*ast.Dict); display {
					return
				}
				target := u.scanModel(mi, d, at.Value, app)
				source, dump := u.scanDump(mi, d, up, app)
				if target == nil || source == nil {
					return
				}
				s.copies[c] = &nullCopy{target, source}
				s.dumps[dump] = true
				if _, isName := up.(*ast.Name); isName {
					s.uses[up] = true
				}
				for _, sf := range source.Fields {
					tf := target.Field(sf.Name)
					if tf != nil && sf.Type.IsOptional() && !admitsNone(tf.Type) {
						if s.fields[target] == nil {
							s.fields[target] = map[string]bool{}
						}
						s.fields[target][sf.Name] = true
					}
				}
			})
		}
	})
}

// admitsNone reports whether validating None as t gives None (Optional, None, Any).
func admitsNone(t *ir.Type) bool {
	return t == nil || t.IsOptional() || t.Kind == ir.KindNone || t.Kind == ir.KindAny
}

// scanModel is the model a name of d statically holds: a parameter annotated with a
// model, or a local bound once, by a call of a model class or of a module-level function
// annotated to return one (nil: unknown).
func (u *Unit) scanModel(mi *modInfo, d *funcDef, e ast.Expr, app *ir.App) *ir.Model {
	n, ok := e.(*ast.Name)
	if !ok {
		return nil
	}
	if ann, isParam := paramAnnotation(d, n.Id); isParam {
		if bindCount(d, n.Id) > 0 {
			return nil
		}
		return u.annotatedModel(mi, ann, app)
	}
	v := singleBinding(d, n.Id)
	c, ok := v.(*ast.Call)
	if !ok {
		return nil
	}
	fn, ok := c.Func.(*ast.Name)
	if !ok {
		return nil
	}
	if m := u.modelNamed(mi, fn.Id, app); m != nil {
		return m
	}
	b, ok := mi.binds[fn.Id]
	if !ok || b.kind != bFunc || b.def == nil {
		return nil
	}
	switch x := b.node.(type) {
	case *ast.FunctionDef:
		return u.annotatedModel(mi, x.Returns, app)
	case *ast.AsyncFunctionDef:
		return nil // calling it gives a coroutine
	}
	return nil
}

// scanDump is the model S whose dump e is (a call p.model_dump(...) or p.dict(...) of a
// parameter p annotated S, or a local bound once to one and used once), and that call.
func (u *Unit) scanDump(mi *modInfo, d *funcDef, e ast.Expr, app *ir.App) (*ir.Model, *ast.Call) {
	if n, ok := e.(*ast.Name); ok {
		if _, isParam := paramAnnotation(d, n.Id); isParam || nameUses(d, n.Id) != 1 {
			return nil, nil
		}
		e = singleBinding(d, n.Id)
	}
	c, ok := e.(*ast.Call)
	if !ok {
		return nil, nil
	}
	at, ok := c.Func.(*ast.Attribute)
	if !ok || at.Attr != "model_dump" && at.Attr != "dict" {
		return nil, nil
	}
	p, ok := at.Value.(*ast.Name)
	if !ok {
		return nil, nil
	}
	ann, isParam := paramAnnotation(d, p.Id)
	if !isParam || bindCount(d, p.Id) > 0 {
		return nil, nil
	}
	return u.annotatedModel(mi, ann, app), c
}

// annotatedModel is the model an annotation names (a module-level name).
func (u *Unit) annotatedModel(mi *modInfo, ann ast.Expr, app *ir.App) *ir.Model {
	n, ok := ann.(*ast.Name)
	if !ok {
		return nil
	}
	return u.modelNamed(mi, n.Id, app)
}

// paramAnnotation is the annotation of d's parameter name (isParam false: no such
// parameter).
func paramAnnotation(d *funcDef, name string) (ast.Expr, bool) {
	if d.args == nil {
		return nil, false
	}
	for _, group := range [][]*ast.Arg{d.args.Posonlyargs, d.args.Args, d.args.Kwonlyargs} {
		for _, a := range group {
			if a != nil && a.Arg == name {
				return a.Annotation, true
			}
		}
	}
	return nil, false
}

// bindCount is how many statements of d's body bind name.
func bindCount(d *funcDef, name string) int {
	n := 0
	walkStmts(d.body, func(st ast.Stmt) {
		for _, b := range stmtOwnBinds(st) {
			if b == name || b == "*" {
				n++
			}
		}
	})
	return n
}

// stmtOwnBinds are the names st binds itself (not in its nested blocks).
func stmtOwnBinds(st ast.Stmt) []string {
	switch s := st.(type) {
	case *ast.If, *ast.While:
		return nil
	case *ast.For:
		return StmtBoundNames(&ast.For{Target: s.Target})
	case *ast.AsyncFor:
		return StmtBoundNames(&ast.For{Target: s.Target})
	case *ast.With, *ast.AsyncWith, *ast.Try:
		// their targets and handlers' names: counted as any binding of a nested block
		// would be; conservatively every name they may bind
		return StmtBoundNames(st)
	}
	return StmtBoundNames(st)
}

// singleBinding is the value of the only statement of d binding name, when it is a plain
// `name = value` (nil otherwise).
func singleBinding(d *funcDef, name string) ast.Expr {
	if bindCount(d, name) != 1 {
		return nil
	}
	var v ast.Expr
	walkStmts(d.body, func(st ast.Stmt) {
		if a, ok := st.(*ast.Assign); ok && len(a.Targets) == 1 {
			if t, ok := a.Targets[0].(*ast.Name); ok && t.Id == name {
				v = a.Value
			}
		}
	})
	return v
}

// nameUses is how many times d's body reads name (outside the targets binding it).
func nameUses(d *funcDef, name string) int {
	n := 0
	walkStmts(d.body, func(st ast.Stmt) {
		for _, e := range stmtExprs(st) {
			walkExpr(e, func(x ast.Expr) {
				if y, ok := x.(*ast.Name); ok && y.Id == name {
					n++
				}
			})
		}
	})
	return n - bindCount(d, name)
}

// fieldType is the static type of reading field fd of an instance of m: Optional of its
// type when an update may have stored None in it.
func (f *fn) fieldType(m *ir.Model, fd *ir.Field) *ir.Type {
	if m == nil || fd == nil || !f.u.nulls(f.app).fields[m][fd.Name] {
		return fd.Type
	}
	return &ir.Type{Kind: ir.KindUnion, Name: "Optional", Args: []*ir.Type{fd.Type, {Kind: ir.KindNone}}}
}

// nullUpdateUse reports whether n is the update= name of a model_copy the scan typed.
func (f *fn) nullUpdateUse(n ast.Expr) bool { return f.u.nulls(f.app).uses[n] }

// nullDump reports whether c is the model_dump call giving a model_copy's update.
func (f *fn) nullDump(c *ast.Call) bool { return f.u.nulls(f.app).dumps[c] }

// nullable reports whether instances of m may hold None stored by an update.
func (f *fn) nullable(m *ir.Model) bool { return len(f.u.nulls(f.app).fields[m]) > 0 }

// modelCopyDump compiles recv.model_copy(update=<dump of an S>) of a model m (checked
// copyable): refused unless the scan typed the call with m and S, and every field of S
// fits its field of m (the same type, or Optional of it), unconstrained there.
func (f *fn) modelCopyDump(c *ast.Call, recv val, m *ir.Model) val {
	rec := f.u.nulls(f.app).copies[c]
	if rec == nil || rec.target != m {
		f.refuse(c.Keywords[0].Value, "model_copy(update=) of other than a dict display or the model_dump() of a model parameter (its values are not validated)")
	}
	s := rec.source
	switch {
	case s.Kind != ir.BaseModel || s.Root || len(s.Validators) > 0 || len(s.Computed) > 0 || s.Config.Extra == "allow":
		f.refuse(c, "model_copy(update=) with the dump of %s (validators, extra fields or not a plain BaseModel)", s.Name)
	}
	for _, sf := range s.Fields {
		tf := m.Field(sf.Name)
		if tf == nil {
			f.refuse(c, "model_copy(update=) with the dump of %s (field %s is not a field of %s)", s.Name, sf.Name, m.Name)
		}
		if !tf.Info.Constraints.IsZero() {
			f.refuse(c, "model_copy(update=) of field %s of %s (constrained: pydantic would not check the value)", sf.Name, m.Name)
		}
		if !dumpFits(sf.Type, tf.Type) || !f.identityType(sf.Type) {
			f.refuse(c, "model_copy(update=) with the dump of %s (field %s of type %s may not be a %s)", s.Name, sf.Name, sf.Type, tf.Type)
		}
	}
	if !recv.atomic {
		recv = f.hoist(recv)
	}
	up := f.value(c.Keywords[0].Value)
	f.u.useModel(m)
	ctor := jen.Add(f.u.names.ModelNew(m))
	return f.callVal(q("ModelCopyNulls").Call(recv.code, up.code, ctor), kindValue, recv.typ)
}

// dumpFits reports whether a value of source field type st, as its model's dump holds it,
// validates as target field type tt into itself or is None: st is tt, or Optional of it.
func dumpFits(st, tt *ir.Type) bool {
	if sameType(st, tt) {
		return true
	}
	if !st.IsOptional() {
		return false
	}
	rest := st.NonNone()
	if len(rest) != 1 {
		return false
	}
	if tt.IsOptional() {
		tr := tt.NonNone()
		return len(tr) == 1 && sameType(rest[0], tr[0])
	}
	return sameType(rest[0], tt)
}

// keepNulls wraps the construction of m from kw when kw may hold an instance holding a
// stored None (pyval.KeepNulls), refused where KeepNulls could not store the None back
// (NullRestorable).
func (f *fn) keepNulls(c *ast.Call, m *ir.Model, kw, ctor jen.Code) jen.Code {
	mentions, why := f.u.NullRestorable(f.app, &ir.Type{Kind: ir.KindModel, Name: m.Name, Model: m})
	if !mentions {
		return jen.Add(ctor).Call(kw)
	}
	if why != "" {
		f.refuse(c, "construction of %s (%s)", m.Name, why)
	}
	return q("KeepNulls").Call(kw, ctor)
}

// NullRestorable reports whether a value validated as t may receive an instance of a
// model storing an unvalidated None (mentions), and why pyval.RestoreNulls could not
// find its validated copy again ("" when it can): such a model must sit in a field of
// exactly its type or a list of it, of models without aliases (RestoreNulls pairs fields
// by name), nested the same way.
func (u *Unit) NullRestorable(app *ir.App, t *ir.Type) (mentions bool, why string) {
	fields := u.nulls(app).fields
	if len(fields) == 0 {
		return false, ""
	}
	return nullRestorable(fields, t, map[*ir.Model]bool{})
}

func nullRestorable(fields map[*ir.Model]map[string]bool, t *ir.Type, seen map[*ir.Model]bool) (bool, string) {
	if t == nil {
		return false, ""
	}
	switch {
	case t.Kind == ir.KindModel && t.Model != nil:
		m := t.Model
		if len(fields[m]) > 0 {
			return true, ""
		}
		if seen[m] {
			return false, ""
		}
		seen[m] = true
		defer delete(seen, m)
		mentions := false
		for _, fd := range m.Fields {
			sub, why := nullRestorable(fields, fd.Type, seen)
			if !sub {
				continue
			}
			mentions = true
			if why != "" {
				return true, why
			}
			if in := fd.Info; in.Alias != nil || in.ValidationAlias != nil || len(in.ValidationAliasPaths) > 0 {
				return true, "field " + fd.Name + " of " + m.Name + " has an alias and may hold an instance storing an unvalidated None"
			}
		}
		return mentions, ""
	case t.Kind == ir.KindList && len(t.Args) == 1 && listNames[t.Name]:
		return nullRestorable(fields, t.Args[0], seen)
	}
	for _, a := range t.Args {
		if sub, _ := nullRestorable(fields, a, seen); sub {
			return true, "a value of type " + t.String() + " may hold an instance storing an unvalidated None"
		}
	}
	return false, ""
}

// listNames are the spellings of list[T] validated as a list.
var listNames = map[string]bool{"": true, "list": true, "builtins.list": true, "typing.List": true, "List": true}

// optEnumAttr compiles x.value / x.name of a value of static type Optional[E] (a field an
// update may have set to None): the member's attribute, AttributeError for None.
func (f *fn) optEnumAttr(x *ast.Attribute, t *ir.Type) (val, bool) {
	if !isExtOptional(t) || t.NonNone()[0].Kind != ir.KindEnum || x.Attr != "value" && x.Attr != "name" {
		return val{}, false
	}
	e := t.NonNone()[0].Enum
	if !f.u.enumPlain(e) {
		return val{}, false
	}
	vt := strType
	if x.Attr == "value" {
		switch e.Base {
		case "str":
		case "int":
			vt = intType
		default:
			vt = nil
		}
	}
	b := f.value(x.Value)
	return f.callVal(q("OptEnumAttr").Call(b.code, jen.Lit(x.Attr)), kindValue, vt), true
}
