package translate

import (
	"math"
	"strconv"

	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
	"github.com/covetpy/covetgen/runtime/pyval"
)

// valueConst is a value computed at generation time.
type valueConst = pyval.Value

func intConst(i int64) valueConst { return pyval.IntOf(i) }

// Limits on values computed at generation time (larger ones are computed at run time or
// refused).
const (
	maxConstStr  = 1 << 16
	maxConstList = 1 << 12
)

func constTooBig(v pyval.Value) bool {
	switch x := v.(type) {
	case pyval.Str:
		return len(x) > maxConstStr
	case pyval.Bytes:
		return len(x) > maxConstStr
	case *pyval.List:
		return len(x.Items) > maxConstList
	case pyval.Tuple:
		return len(x) > maxConstList
	case *pyval.Dict:
		return x.Len() > maxConstList
	case pyval.Int:
		if _, ok := x.Int64(); !ok {
			return x.Big().BitLen() > 4096
		}
	}
	return false
}

// constEval evaluates e at generation time; lookup resolves names and reports builtins
// (nil: none). ok is false when e is not a constant (or raises).
func constEval(e ast.Expr, lookup func(ast.Expr) (pyval.Value, bool)) (v pyval.Value, ok bool) {
	defer func() {
		if r := recover(); r != nil {
			v, ok = nil, false
		}
		if ok && constTooBig(v) {
			v, ok = nil, false
		}
	}()
	ev := func(x ast.Expr) (pyval.Value, bool) { return constEval(x, lookup) }
	switch x := e.(type) {
	case *ast.Constant:
		return literal(x.Value)
	case *ast.Name, *ast.Attribute:
		if lookup == nil {
			return nil, false
		}
		v, ok := lookup(x)
		if _, isBuiltin := v.(builtinMarker); isBuiltin {
			return nil, false
		}
		return v, ok
	case *ast.List, *ast.Tuple:
		var elts []ast.Expr
		if l, isList := x.(*ast.List); isList {
			elts = l.Elts
		} else {
			elts = x.(*ast.Tuple).Elts
		}
		items := make([]pyval.Value, 0, len(elts))
		for _, el := range elts {
			if _, star := el.(*ast.Starred); star {
				return nil, false
			}
			it, ok := ev(el)
			if !ok {
				return nil, false
			}
			items = append(items, it)
		}
		if _, isList := x.(*ast.List); isList {
			return pyval.NewList(items...), true
		}
		return pyval.Tuple(items), true
	case *ast.Dict:
		d, _ := pyval.NewDict()
		for i, k := range x.Keys {
			if k == nil || i >= len(x.Values) {
				return nil, false
			}
			kv, ok := ev(k)
			if !ok {
				return nil, false
			}
			vv, ok := ev(x.Values[i])
			if !ok {
				return nil, false
			}
			if d.Set(kv, vv) != nil {
				return nil, false
			}
		}
		return d, true
	case *ast.UnaryOp:
		a, ok := ev(x.Operand)
		if !ok {
			return nil, false
		}
		var r pyval.Value
		var err error
		switch x.Op {
		case ast.Not:
			return pyval.Not(a), true
		case ast.USub:
			r, err = pyval.Neg(a)
		case ast.UAdd:
			r, err = pyval.Pos(a)
		case ast.Invert:
			r, err = pyval.Invert(a)
		}
		return r, err == nil && r != nil
	case *ast.BinOp:
		op, ok := binOps[x.Op]
		if !ok {
			return nil, false
		}
		a, ok := ev(x.Left)
		if !ok {
			return nil, false
		}
		b, ok := ev(x.Right)
		if !ok {
			return nil, false
		}
		if seqTooLongAfterMul(x.Op, a, b) {
			return nil, false
		}
		r, err := op.fn(a, b)
		return r, err == nil
	case *ast.BoolOp:
		var last pyval.Value
		for i, o := range x.Values {
			v, ok := ev(o)
			if !ok {
				return nil, false
			}
			last = v
			if i < len(x.Values)-1 && (x.Op == ast.And) != pyval.Truthy(v) {
				return v, true
			}
		}
		return last, last != nil
	case *ast.Call:
		return constCall(x, lookup)
	case *ast.ListComp, *ast.DictComp:
		return constComp(x, lookup)
	case *ast.Compare:
		return constCompare(x, lookup)
	case *ast.IfExp:
		c, ok := ev(x.Test)
		if !ok {
			return nil, false
		}
		if pyval.Truthy(c) {
			return ev(x.Body)
		}
		return ev(x.Orelse)
	case *ast.JoinedStr:
		s := ""
		for _, p := range x.Values {
			switch q := p.(type) {
			case *ast.Constant:
				str, ok := q.Value.(ast.Str)
				if !ok {
					return nil, false
				}
				s += string(str)
			case *ast.FormattedValue:
				v, ok := ev(q.Value)
				if !ok {
					return nil, false
				}
				spec := ""
				if q.FormatSpec != nil {
					sv, ok := ev(q.FormatSpec)
					if !ok {
						return nil, false
					}
					ss, isStr := sv.(pyval.Str)
					if !isStr {
						return nil, false
					}
					spec = string(ss)
				}
				out, err := pyval.FormatValue(v, convByte(q.Conversion), spec)
				if err != nil {
					return nil, false
				}
				s += out
			default:
				return nil, false
			}
		}
		return pyval.Str(s), true
	}
	return nil, false
}

func seqTooLongAfterMul(op ast.Operator, a, b pyval.Value) bool {
	if op != ast.Mult && op != ast.Pow && op != ast.LShift {
		return false
	}
	for _, n := range []pyval.Value{a, b} {
		if i, ok := n.(pyval.Int); ok {
			if v, small := i.Int64(); !small || v > maxConstStr || v < -maxConstStr {
				return true
			}
		}
	}
	return false
}

func convByte(c int) byte {
	switch c {
	case 's', 'r', 'a':
		return byte(c)
	}
	return 0
}

// literal converts a Constant's value.
func literal(v ast.Value) (pyval.Value, bool) {
	switch x := v.(type) {
	case ast.NoneValue:
		return pyval.None, true
	case ast.Bool:
		return pyval.Bool(x), true
	case *ast.Int:
		if x == nil {
			return nil, false
		}
		return pyval.IntFromBig(&x.Int), true
	case ast.Float:
		return pyval.Float(x), true
	case ast.Str:
		return pyval.Str(x), true
	case ast.Bytes:
		return pyval.Bytes(x), true
	}
	return nil, false
}

// constCode is the Go expression building v (containers frozen, with their pre-encoded
// path-B JSON).
func constCode(v pyval.Value) *jen.Statement {
	q := func(n string) *jen.Statement { return jen.Qual(pyvalPkg, n) }
	switch x := v.(type) {
	case pyval.NoneType:
		return q("None")
	case pyval.Bool:
		if x {
			return q("True")
		}
		return q("False")
	case pyval.Int:
		if i, ok := x.Int64(); ok {
			return q("IntValue").Call(jen.Lit(int(i)))
		}
		return q("ParseInt").Call(jen.Lit(x.String()))
	case pyval.Float:
		f := float64(x)
		switch {
		case math.IsInf(f, 1):
			return q("Float").Call(jen.Qual("math", "Inf").Call(jen.Lit(1)))
		case math.IsInf(f, -1):
			return q("Float").Call(jen.Qual("math", "Inf").Call(jen.Lit(-1)))
		case math.IsNaN(f):
			return q("Float").Call(jen.Qual("math", "NaN").Call())
		case f == 0 && math.Signbit(f):
			return q("Float").Call(jen.Qual("math", "Copysign").Call(jen.Lit(0), jen.Lit(-1)))
		}
		return q("Float").Call(jen.Op(strconv.FormatFloat(f, 'g', -1, 64)))
	case pyval.Str:
		return q("Str").Call(jen.Lit(string(x)))
	case pyval.Bytes:
		return q("Bytes").Call(jen.Lit(string(x)))
	case pyval.Tuple:
		items := make([]jen.Code, len(x))
		for i, it := range x {
			items[i] = constCode(it)
		}
		return q("Tuple").Values(items...)
	case *pyval.List:
		items := make([]jen.Code, len(x.Items))
		for i, it := range x.Items {
			items[i] = constCode(it)
		}
		return q("Frozen").Call(q("NewList").Call(items...), jen.Lit(preEncode(v)))
	case *pyval.Dict:
		var items []jen.Code
		for i, k := range x.Keys() {
			items = append(items, constCode(k), constCode(x.Values()[i]))
		}
		return q("Frozen").Call(q("DictOf").Call(items...), jen.Lit(preEncode(v)))
	}
	panic(refusal{what: "constant of type " + v.TypeName()})
}

// preEncode is v's path-B JSON, or "" when encoding it fails (the failure then happens at
// run time, as in FastAPI).
func preEncode(v pyval.Value) string {
	b, err := pyval.AppendJSONable(nil, v)
	if err != nil {
		return ""
	}
	return string(b)
}

// constant returns the module constant bound by b (evaluated once).
func (u *Unit) constant(mi *modInfo, name string, b *binding, app *ir.App) *constInfo {
	key := mi.name + "." + name
	if c, ok := u.consts[key]; ok {
		if c.busy {
			return &constInfo{err: "name " + name + " (defined in terms of itself)"}
		}
		return c
	}
	c := &constInfo{busy: true}
	u.consts[key] = c
	defer func() { c.busy = false }()
	if u.fsPathConstant(mi, name, key, b, app, c) { // fspath.go
		return c
	}
	v, ok := constEval(b.expr, u.constLookup(mi, app))
	if u.isMutated(name, !ok && !u.isReCompile(mi, b.expr, app) || isMutable(v)) {
		if u.st.keys[key] {
			u.stateConstant(mi, name, key, b, app, v, ok, c) // module state living in Go (state.go)
			return c
		}
		c.err = u.keptWhy(key, name)
		return c
	}
	if !ok {
		goName := u.goIdent("pyc_"+identPart(mi.name)+"_"+identPart(name), key)
		if isRe, why := u.reConstant(mi, b.expr, app, goName); isRe { // recall.go
			if why != "" {
				c.err = "use of " + name + " (" + why + ")"
			} else {
				c.goName, c.typ = goName, rePatternType
			}
			return c
		}
		if code, isSet := setConstant(b.expr, u.constLookup(mi, app)); isSet {
			c.goName, c.set = goName, true
			u.decls = append(u.decls, jen.Commentf("%s is %s.%s, a module constant set (its members as dict keys).", goName, mi.name, name),
				jen.Var().Id(goName).Qual(pyvalPkg, "Value").Op("=").Add(code))
			return c
		}
		if ok, typ := u.initConstant(mi, name, b, app, goName); ok {
			c.goName, c.typ = goName, typ
			return c
		}
		c.err = "use of " + name + " (module-level value not computable at generation time)"
		return c
	}
	c.val = v
	c.goName = u.goIdent("pyc_"+identPart(mi.name)+"_"+identPart(name), key)
	u.decls = append(u.decls, jen.Commentf("%s is %s.%s, a module constant.", c.goName, mi.name, name),
		jen.Var().Id(c.goName).Qual(pyvalPkg, "Value").Op("=").Add(u.constInit(v)))
	return c
}

// resolveExpr resolves a Name or a dotted Attribute chain at module level.
func (u *Unit) resolveExpr(mi *modInfo, e ast.Expr, app *ir.App) global {
	switch x := e.(type) {
	case *ast.Name:
		return u.resolveGlobal(mi, x.Id, app, 0)
	case *ast.Attribute:
		base := u.resolveExpr(mi, x.Value, app)
		return u.attrOf(base, x.Attr, app)
	}
	return global{why: "expression"}
}

// attrOf resolves base.attr for module-like globals.
func (u *Unit) attrOf(base global, attr string, app *ir.App) global {
	switch base.kind {
	case gModule:
		if _, bound := base.mi.binds[attr]; !bound && u.loadModule(base.module+"."+attr) != nil {
			return u.resolveModule(base.module + "." + attr)
		}
		return u.resolveGlobal(base.mi, attr, app, 1)
	case gFramework:
		return frameworkAttr(base.name, attr)
	case gNone, gStdlibModule:
		return base
	}
	return global{why: "attribute " + attr}
}

// builtinMarker is what a lookup returns for a name that is an unshadowed builtin.
type builtinMarker struct{ pyval.NoneType }

// constCall folds calls of pure builtins on constants.
func constCall(c *ast.Call, lookup func(ast.Expr) (pyval.Value, bool)) (pyval.Value, bool) {
	n, ok := c.Func.(*ast.Name)
	if !ok || lookup == nil || len(c.Keywords) > 0 || len(c.Args) != 1 {
		return nil, false
	}
	if m, ok := lookup(n); !ok {
		return nil, false
	} else if _, isBuiltin := m.(builtinMarker); !isBuiltin {
		return nil, false
	}
	if _, star := c.Args[0].(*ast.Starred); star {
		return nil, false
	}
	a, ok := constEval(c.Args[0], lookup)
	if !ok {
		return nil, false
	}
	var r pyval.Value
	var err error
	switch n.Id {
	case "float":
		r, err = pyval.ToFloat(a)
	case "int":
		r, err = pyval.ToInt(a)
	case "str":
		r, err = pyval.StrOf(a)
	case "len":
		r, err = pyval.Len(a)
	case "abs":
		r, err = pyval.Abs(a)
	case "repr":
		r, err = pyval.Repr(a)
	case "bool":
		r = pyval.ToBool(a)
	case "tuple":
		r, err = pyval.ToTuple(a)
	default:
		return nil, false
	}
	return r, err == nil
}

// constLookup resolves names for constant folding at module level.
func (u *Unit) constLookup(mi *modInfo, app *ir.App) func(ast.Expr) (pyval.Value, bool) {
	return func(e ast.Expr) (pyval.Value, bool) {
		g := u.resolveExpr(mi, e, app)
		switch g.kind {
		case gConst, gStatus:
			return g.value, g.value != nil
		case gBuiltin:
			return builtinMarker{}, true
		}
		return nil, false
	}
}

// isMutable reports whether v (or an item of it) can be changed in place.
func isMutable(v pyval.Value) bool {
	switch x := v.(type) {
	case *pyval.List, *pyval.Dict:
		return true
	case pyval.Tuple:
		for _, it := range x {
			if isMutable(it) {
				return true
			}
		}
	}
	return false
}

// setConstant compiles a module-level set display of constants ({"a", "b"}) to a frozen
// dict whose keys are its members: membership (`x in S`) is the same test, keys hashing as
// Python's (1 == 1.0 == True). Iteration order and repr would differ from a set's, so the
// translator lets such a constant be used only as the right operand of in / not in.
func setConstant(e ast.Expr, lookup func(ast.Expr) (pyval.Value, bool)) (jen.Code, bool) {
	s, ok := e.(*ast.Set)
	if !ok {
		return nil, false
	}
	var kv []pyval.Value
	for _, el := range s.Elts {
		v, ok := constEval(el, lookup)
		if !ok {
			return nil, false
		}
		kv = append(kv, v, pyval.None)
	}
	d, err := pyval.NewDict(kv...)
	if err != nil {
		return nil, false
	}
	var items []jen.Code
	for _, k := range d.Keys() {
		items = append(items, constCode(k), jen.Qual(pyvalPkg, "None"))
	}
	return jen.Qual(pyvalPkg, "Frozen").Call(jen.Qual(pyvalPkg, "DictOf").Call(items...), jen.Lit("")), true
}
