package lift

import (
	"math"
	"math/big"
	"strings"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
)

// eval evaluates an expression in a scope.
func (ms *modState) eval(e ast.Expr, sc *scope) obj {
	ms.in.depth++
	defer func() { ms.in.depth-- }()
	if ms.in.depth > 200 {
		return unknownObj{why: "expression too deep", pos: ms.pos(e)}
	}
	switch x := e.(type) {
	case *ast.Constant:
		return constObj(x.Value)
	case *ast.Name:
		return ms.evalName(x, sc)
	case *ast.Attribute:
		return ms.attr(ms.eval(x.Value, sc), x.Attr, ms.pos(x))
	case *ast.Subscript:
		return ms.subscript(ms.eval(x.Value, sc), x.Slice, sc, ms.pos(x))
	case *ast.Call:
		return ms.evalCall(x, sc)
	case *ast.List:
		return seqObj{kind: "list", items: ms.evalElts(x.Elts, sc)}
	case *ast.Tuple:
		return seqObj{kind: "tuple", items: ms.evalElts(x.Elts, sc)}
	case *ast.Set:
		return seqObj{kind: "set", items: ms.evalElts(x.Elts, sc)}
	case *ast.Dict:
		d := dictObj{}
		for i, k := range x.Keys {
			if k == nil { // **other
				if o, ok := ms.eval(x.Values[i], sc).(dictObj); ok {
					for j := range o.keys {
						d = d.with(o.keys[j], o.vals[j])
					}
				}
				continue
			}
			d = d.with(ms.eval(k, sc), ms.eval(x.Values[i], sc))
		}
		return d
	case *ast.BinOp:
		return ms.binop(ms.eval(x.Left, sc), x.Op, ms.eval(x.Right, sc), ms.pos(x))
	case *ast.UnaryOp:
		return ms.unary(x.Op, ms.eval(x.Operand, sc), ms.pos(x))
	case *ast.JoinedStr:
		return ms.fstring(x, sc)
	case *ast.Lambda:
		return &lambdaObj{ms: ms, def: x, pos: ms.pos(x)}
	case *ast.IfExp:
		switch ms.truth(x.Test, sc) {
		case 1:
			return ms.eval(x.Body, sc)
		case 0:
			return ms.eval(x.Orelse, sc)
		}
	case *ast.BoolOp:
		var last obj
		for _, v := range x.Values {
			last = ms.eval(v, sc)
			b, ok := truthValue(last)
			if !ok {
				return unknownObj{why: "boolean operation on unknown values", pos: ms.pos(x)}
			}
			if (x.Op == ast.Or && b) || (x.Op == ast.And && !b) {
				return last
			}
		}
		return last
	case *ast.Starred:
		return ms.eval(x.Value, sc)
	case *ast.Compare:
		return ms.compare(x, sc)
	case *ast.ListComp, *ast.SetComp, *ast.GeneratorExp:
		var elt ast.Expr
		var gens []*ast.Comprehension
		kind := "list"
		switch c := x.(type) {
		case *ast.ListComp:
			elt, gens = c.Elt, c.Generators
		case *ast.SetComp:
			elt, gens, kind = c.Elt, c.Generators, "set"
		case *ast.GeneratorExp:
			elt, gens = c.Elt, c.Generators
		}
		var items []obj
		if ms.comprehension(gens, sc, func(inner *scope) { items = append(items, ms.eval(elt, inner)) }) {
			return seqObj{kind: kind, items: items}
		}
		ms.probeComprehension(gens, elt, sc, ms.pos(e))
		return unknownObj{why: "comprehension over values not known statically", pos: ms.pos(e)}
	case *ast.DictComp:
		d := dictObj{}
		if ms.comprehension(x.Generators, sc, func(inner *scope) { d = d.with(ms.eval(x.Key, inner), ms.eval(x.Value, inner)) }) {
			return d
		}
		return unknownObj{why: "comprehension over values not known statically", pos: ms.pos(e)}
	}
	return unknownObj{why: "expression not evaluated statically", pos: ms.pos(e)}
}

func (ms *modState) evalElts(elts []ast.Expr, sc *scope) []obj {
	var out []obj
	for _, e := range elts {
		if s, ok := e.(*ast.Starred); ok {
			if seq, ok := ms.eval(s.Value, sc).(seqObj); ok {
				out = append(out, seq.items...)
				continue
			}
		}
		out = append(out, ms.eval(e, sc))
	}
	return out
}

// with returns d with key set (a later equal key replaces the value in place).
func (d dictObj) with(k, v obj) dictObj {
	kv, kok := toValue(k)
	for i, ok := range d.keys {
		if kok {
			if ov, ok2 := toValue(ok); ok2 && ir.ValueEqual(ov, kv) {
				vals := append([]obj{}, d.vals...)
				vals[i] = v
				return dictObj{keys: d.keys, vals: vals}
			}
		}
	}
	return dictObj{keys: append(append([]obj{}, d.keys...), k), vals: append(append([]obj{}, d.vals...), v)}
}

// get returns the value of a str key.
func (d dictObj) get(key string) (obj, bool) {
	for i, k := range d.keys {
		if v, ok := k.(valObj); ok {
			if s, ok := v.v.(ir.Str); ok && string(s) == key {
				return d.vals[i], true
			}
		}
	}
	return nil, false
}

func constObj(v ast.Value) obj {
	switch x := v.(type) {
	case ast.NoneValue:
		return valObj{ir.None{}}
	case ast.EllipsisValue:
		return valObj{ir.Ellipsis{}}
	case ast.Bool:
		return valObj{ir.Bool(x)}
	case *ast.Int:
		return valObj{ir.Int{V: new(big.Int).Set(&x.Int)}}
	case ast.Float:
		return valObj{ir.Float(x)}
	case ast.Str:
		return valObj{ir.Str(x)}
	case ast.Bytes:
		return valObj{ir.Bytes(x)}
	}
	return unknownObj{why: "complex constant"}
}

func (ms *modState) evalName(n *ast.Name, sc *scope) obj {
	if o, ok := sc.lookup(n.Id); ok {
		return o
	}
	if o, ok := ms.globals.lookup(n.Id); ok {
		return o
	}
	if isBuiltin(n.Id) {
		return fwObj{canon("builtins." + n.Id)}
	}
	if n.Id == "__file__" {
		return ms.fileObj()
	}
	return unknownObj{why: "undefined name " + n.Id, pos: ms.pos(n)}
}

// attr evaluates o.name.
func (ms *modState) attr(o obj, name string, pos ir.Pos) obj {
	switch x := o.(type) {
	case fsPathObj:
		return fsPathAttr(x, name, pos)
	case moduleObj:
		if v, ok := x.ms.globals.names[name]; ok {
			return v
		}
		if sub := ms.in.module(x.ms.mod.Name + "." + name); sub != nil {
			return moduleObj{sub}
		}
		return unknownObj{why: "module " + x.ms.mod.Name + " has no attribute " + name, pos: pos}
	case fwObj:
		if x.name == "os" && name == "environ" {
			return ms.in.environ()
		}
		return frameworkAttr(x.name, name, pos)
	case dictObj:
		return boundMethod{recv: x, name: name}
	case routeView:
		return x.attr(name)
	case *classObj:
		if v, ok := x.attrs.names[name]; ok {
			if x.isEnum() {
				if _, isFunc := v.(*funcObj); !isFunc {
					if _, isClass := v.(*classObj); !isClass {
						return valObj{ir.EnumMember{Enum: ms.in.liftEnum(x), Name: name}}
					}
				}
			}
			return v
		}
		for _, b := range x.bases {
			if bc, ok := b.(*classObj); ok {
				if v := ms.attr(bc, name, pos); !isUnknown(v) {
					return v
				}
			}
		}
		return unknownObj{why: "class " + x.def.Name + " has no attribute " + name, pos: pos}
	case *appObj:
		switch name {
		case "router":
			return x.router
		case "webhooks":
			return x.webhooks
		}
		if isAppMethod(name) {
			return boundMethod{recv: x, name: name}
		}
	case *routerObj:
		if name == "routes" {
			return routesRef{x}
		}
		if isRouterMethod(name) {
			return boundMethod{recv: x, name: name}
		}
	case valObj:
		return boundMethod{recv: x, name: name}
	case *instanceObj:
		if v, ok := ms.in.instanceAttr(x, name); ok {
			return v
		}
		if v, ok := x.cls.attrs.lookupOwn(name); ok {
			if f, ok := v.(*funcObj); ok {
				bound := *f
				bound.self = x
				return &bound
			}
			return v
		}
	}
	return unknownObj{why: "attribute ." + name + " not known statically", pos: pos}
}

// routesRef is router.routes (used as callbacks=).
type routesRef struct{ router *routerObj }

func (s *scope) lookupOwn(name string) (obj, bool) {
	o, ok := s.names[name]
	return o, ok
}

func isUnknown(o obj) bool {
	_, ok := o.(unknownObj)
	return ok || o == nil
}

// binop evaluates a binary operation on known values: string and list concatenation,
// arithmetic, and X | Y between types.
func (ms *modState) binop(l obj, op ast.Operator, r obj, pos ir.Pos) obj {
	if o, ok := fsPathBinop(l, op, r, pos); ok {
		return o
	}
	if op == ast.BitOr && (isTypeLike(l) || isTypeLike(r)) {
		var members []obj
		for _, side := range []obj{l, r} {
			if u, ok := side.(unionObj); ok {
				members = append(members, u.members...)
			} else {
				members = append(members, side)
			}
		}
		return unionObj{members: members, pos: pos}
	}
	if ls, ok := l.(seqObj); ok {
		if rs, ok := r.(seqObj); ok && op == ast.Add && ls.kind == rs.kind {
			return seqObj{kind: ls.kind, items: append(append([]obj{}, ls.items...), rs.items...)}
		}
	}
	if ld, ok := l.(dictObj); ok && op == ast.BitOr {
		if rd, ok := r.(dictObj); ok {
			for i := range rd.keys {
				ld = ld.with(rd.keys[i], rd.vals[i])
			}
			return ld
		}
	}
	lv, lok := l.(valObj)
	rv, rok := r.(valObj)
	if !lok || !rok {
		return unknownObj{why: "operation on values not known statically", pos: pos}
	}
	if v, ok := arith(lv.v, op, rv.v); ok {
		return valObj{v}
	}
	return unknownObj{why: "operation not evaluated statically", pos: pos}
}

func arith(l ir.Value, op ast.Operator, r ir.Value) (ir.Value, bool) {
	switch a := l.(type) {
	case ir.Str:
		switch b := r.(type) {
		case ir.Str:
			if op == ast.Add {
				return a + b, true
			}
		case ir.Int:
			if op == ast.Mult && b.V.IsInt64() && b.V.Int64() >= 0 && b.V.Int64() < 1<<16 {
				return ir.Str(strings.Repeat(string(a), int(b.V.Int64()))), true
			}
		}
		return nil, false
	case ir.Int:
		if b, ok := r.(ir.Int); ok {
			z := new(big.Int)
			switch op {
			case ast.Add:
				return ir.Int{V: z.Add(a.V, b.V)}, true
			case ast.Sub:
				return ir.Int{V: z.Sub(a.V, b.V)}, true
			case ast.Mult:
				return ir.Int{V: z.Mul(a.V, b.V)}, true
			case ast.FloorDiv:
				if b.V.Sign() == 0 {
					return nil, false
				}
				q, m := new(big.Int).DivMod(a.V, b.V, new(big.Int))
				if m.Sign() != 0 && (b.V.Sign() < 0) {
					q.Sub(q, big.NewInt(1))
				}
				return ir.Int{V: q}, true
			case ast.Pow:
				if b.V.Sign() >= 0 && b.V.IsInt64() && b.V.Int64() < 4096 {
					return ir.Int{V: z.Exp(a.V, b.V, nil)}, true
				}
			case ast.Div:
				fa, _ := new(big.Float).SetInt(a.V).Float64()
				fb, _ := new(big.Float).SetInt(b.V).Float64()
				if fb == 0 {
					return nil, false
				}
				return ir.Float(fa / fb), true
			}
			return nil, false
		}
		if b, ok := r.(ir.Float); ok {
			fa, _ := new(big.Float).SetInt(a.V).Float64()
			return floatOp(fa, op, float64(b))
		}
	case ir.Float:
		switch b := r.(type) {
		case ir.Float:
			return floatOp(float64(a), op, float64(b))
		case ir.Int:
			fb, _ := new(big.Float).SetInt(b.V).Float64()
			return floatOp(float64(a), op, fb)
		}
	case ir.Bytes:
		if b, ok := r.(ir.Bytes); ok && op == ast.Add {
			return a + b, true
		}
	}
	return nil, false
}

func floatOp(a float64, op ast.Operator, b float64) (ir.Value, bool) {
	switch op {
	case ast.Add:
		return ir.Float(a + b), true
	case ast.Sub:
		return ir.Float(a - b), true
	case ast.Mult:
		return ir.Float(a * b), true
	case ast.Div:
		if b == 0 {
			return nil, false
		}
		return ir.Float(a / b), true
	case ast.Pow:
		return ir.Float(math.Pow(a, b)), true
	}
	return nil, false
}

func (ms *modState) unary(op ast.UnaryOpKind, o obj, pos ir.Pos) obj {
	v, ok := o.(valObj)
	if !ok {
		return unknownObj{why: "unary operation on an unknown value", pos: pos}
	}
	switch x := v.v.(type) {
	case ir.Int:
		switch op {
		case ast.USub:
			return valObj{ir.Int{V: new(big.Int).Neg(x.V)}}
		case ast.UAdd:
			return v
		case ast.Invert:
			return valObj{ir.Int{V: new(big.Int).Not(x.V)}}
		}
	case ir.Float:
		switch op {
		case ast.USub:
			return valObj{-x}
		case ast.UAdd:
			return v
		}
	}
	if op == ast.Not {
		if b, ok := truthValue(o); ok {
			return valObj{ir.Bool(!b)}
		}
	}
	return unknownObj{why: "unary operation not evaluated", pos: pos}
}

// fstring evaluates an f-string whose pieces are known.
func (ms *modState) fstring(x *ast.JoinedStr, sc *scope) obj {
	var b strings.Builder
	for _, part := range x.Values {
		switch p := part.(type) {
		case *ast.Constant:
			if s, ok := p.Value.(ast.Str); ok {
				b.WriteString(string(s))
			}
		case *ast.FormattedValue:
			if p.FormatSpec != nil {
				return unknownObj{why: "f-string format spec", pos: ms.pos(p)}
			}
			v := ms.eval(p.Value, sc)
			s, ok := strValue(v, p.Conversion)
			if !ok {
				return unknownObj{why: "f-string of a value not known statically", pos: ms.pos(p)}
			}
			b.WriteString(s)
		}
	}
	return valObj{ir.Str(b.String())}
}

// strValue returns str(v) (or repr(v) for !r) of a known value.
func strValue(o obj, conversion int) (string, bool) {
	v, ok := toValue(o)
	if !ok {
		return "", false
	}
	if conversion == 'r' {
		return v.Repr(), true
	}
	switch x := v.(type) {
	case ir.Str:
		return string(x), true
	case ir.EnumMember:
		if x.Enum != nil && (x.Enum.Base == "str" || x.Enum.Base == "int") {
			// str() of a mixed-in enum member is Class.member unless it is a StrEnum.
			return x.Enum.Name + "." + x.Name, true
		}
		return "", false
	case ir.Opaque:
		return "", false
	}
	return v.Repr(), true
}

// truthValue returns the truth of a known value.
func truthValue(o obj) (bool, bool) {
	switch x := o.(type) {
	case valObj:
		switch v := x.v.(type) {
		case ir.None:
			return false, true
		case ir.Bool:
			return bool(v), true
		case ir.Int:
			return v.V.Sign() != 0, true
		case ir.Float:
			return v != 0, true
		case ir.Str:
			return v != "", true
		case ir.Bytes:
			return v != "", true
		}
	case seqObj:
		return len(x.items) > 0, true
	case dictObj:
		return len(x.keys) > 0, true
	case *classObj, *funcObj, *appObj, *routerObj:
		return true, true
	}
	return false, false
}

// toValue converts a known object to an IR value; ok is false when some part is unknown.
func toValue(o obj) (ir.Value, bool) {
	switch x := o.(type) {
	case valObj:
		return x.v, true
	case seqObj:
		items := make([]ir.Value, len(x.items))
		all := true
		for i, it := range x.items {
			v, ok := toValue(it)
			if !ok {
				all = false
				v = opaqueOf(it)
			}
			items[i] = v
		}
		switch x.kind {
		case "tuple":
			return ir.Tuple(items), all
		case "set":
			return ir.Set{Items: items}, all
		case "frozenset":
			return ir.Set{Items: items, Frozen: true}, all
		}
		return ir.List(items), all
	case dictObj:
		d := &ir.Dict{}
		all := true
		for i := range x.keys {
			k, ok1 := toValue(x.keys[i])
			v, ok2 := toValue(x.vals[i])
			if !ok1 {
				k = opaqueOf(x.keys[i])
			}
			if !ok2 {
				v = opaqueOf(x.vals[i])
			}
			all = all && ok1 && ok2
			d.Set(k, v)
		}
		return d, all
	case *instanceObj:
		if x.cls.isModel() {
			m := x.cls.ms.in.liftModel(x.cls)
			fields := &ir.Dict{}
			all := true
			for _, k := range x.kw {
				v, ok := toValue(k.val)
				all = all && ok
				fields.Set(ir.Str(k.name), v)
			}
			return &ir.ModelInstance{Model: m, Fields: fields}, all && len(x.args) == 0
		}
	}
	return opaqueOf(o), false
}

// opaqueOf describes an object that is not a constant.
func opaqueOf(o obj) ir.Value {
	switch x := o.(type) {
	case unknownObj:
		return ir.Opaque{Text: x.why, Pos: x.pos}
	case fwObj:
		return ir.Opaque{Text: x.name}
	case fwCall:
		return ir.Opaque{Text: x.name + "(...)", Pos: x.pos}
	case *classObj:
		return ir.Opaque{Text: x.def.Name, Pos: x.pos}
	case *funcObj:
		return ir.Opaque{Text: x.name, Pos: x.pos}
	case fsPathObj:
		return ir.Opaque{Text: "path computed from __file__ (" + x.rel + " under the app root)"}
	}
	return ir.Opaque{Text: "<object>"}
}

// isTypeLike reports whether o can stand in a type expression.
func isTypeLike(o obj) bool {
	switch x := o.(type) {
	case fwObj, aliasObj, unionObj, *classObj:
		return true
	case valObj:
		_, ok := x.v.(ir.None)
		return ok
	}
	return false
}
