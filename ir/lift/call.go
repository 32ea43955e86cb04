package lift

import (
	"math/big"
	"sort"
	"strconv"
	"strings"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
)

func (ms *modState) evalCall(x *ast.Call, sc *scope) obj {
	fn := ms.eval(x.Func, sc)
	pos := ms.pos(x)
	args := ms.evalElts(x.Args, sc)
	var kw []kwArg
	for _, k := range x.Keywords {
		v := ms.eval(k.Value, sc)
		if k.Arg == nil {
			if d, ok := v.(dictObj); ok {
				for i, key := range d.keys {
					if s, ok := constStr(key); ok {
						kw = append(kw, kwArg{name: s, val: d.vals[i], pos: ms.pos(k)})
					}
				}
			}
			continue
		}
		kw = append(kw, kwArg{name: *k.Arg, val: v, pos: ms.pos(k)})
	}
	return ms.call(fn, args, kw, pos, x)
}

// call applies a callable object to evaluated arguments.
func (ms *modState) call(fn obj, args []obj, kw []kwArg, pos ir.Pos, x *ast.Call) obj {
	switch f := fn.(type) {
	case fwObj:
		return ms.callFramework(f.name, args, kw, pos)
	case *classObj:
		return &instanceObj{cls: f, args: args, kw: kw, pos: pos}
	case boundMethod:
		return ms.callMethod(f, args, kw, pos, x)
	case fsMethod:
		return f.call(args, kw, pos)
	case *funcObj:
		return ms.in.callFunc(f, args, kw, pos)
	case *routeDecorator, *registerDecorator:
		if len(args) == 1 {
			return ms.applyDecorator(f, args[0], pos, "")
		}
	case fwCall:
		// A decorator factory's result applied to a function: lru_cache()(f), wraps(f)(g).
		if len(args) == 1 && (isPassthroughDecorator(f.name) || f.name == "functools.wraps") {
			return ms.applyDecorator(f, args[0], pos, f.name+"(...)")
		}
	case unknownObj:
		return unknownObj{why: f.why, pos: pos}
	}
	return unknownObj{why: "call not evaluated statically", pos: pos}
}

func isPassthroughDecorator(name string) bool {
	switch name {
	case "functools.lru_cache", "functools.cache", "contextlib.asynccontextmanager",
		"contextlib.contextmanager", "builtins.staticmethod", "builtins.classmethod", "builtins.property",
		"functools.cached_property", "typing.final", "typing.overload", "typing_extensions.deprecated",
		"warnings.deprecated", "typing.deprecated":
		return true
	}
	return false
}

// callFramework calls a framework callable.
func (ms *modState) callFramework(name string, args []obj, kw []kwArg, pos ir.Pos) obj {
	arg0 := func() obj {
		if len(args) > 0 {
			return args[0]
		}
		return nil
	}
	if o, ok := ms.fsPathCall(name, args, kw, pos); ok {
		return o
	}
	switch name {
	case "fastapi.FastAPI":
		return ms.newApp(kw, pos)
	case "fastapi.APIRouter":
		return ms.newRouter(kw, pos)
	case "decimal.Decimal":
		switch v := arg0().(type) {
		case valObj:
			switch x := v.v.(type) {
			case ir.Str:
				return valObj{ir.Decimal(strings.TrimSpace(string(x)))}
			case ir.Int:
				return valObj{ir.Decimal(x.V.String())}
			}
		case nil:
			return valObj{ir.Decimal("0")}
		}
	case "builtins.str":
		if len(args) == 0 {
			return valObj{ir.Str("")}
		}
		if s, ok := strValue(args[0], 0); ok {
			return valObj{ir.Str(s)}
		}
	case "builtins.int":
		if len(args) == 0 {
			return valObj{ir.NewInt(0)}
		}
		if v, ok := args[0].(valObj); ok {
			switch x := v.v.(type) {
			case ir.Int:
				return v
			case ir.Str:
				if i, ok := new(big.Int).SetString(strings.TrimSpace(strings.ReplaceAll(string(x), "_", "")), 10); ok {
					return valObj{ir.Int{V: i}}
				}
			case ir.Float:
				if f := float64(x); f == f {
					bf := big.NewFloat(f)
					i, _ := bf.Int(nil)
					return valObj{ir.Int{V: i}}
				}
			case ir.Bool:
				if x {
					return valObj{ir.NewInt(1)}
				}
				return valObj{ir.NewInt(0)}
			}
		}
	case "builtins.float":
		if len(args) == 0 {
			return valObj{ir.Float(0)}
		}
		if v, ok := args[0].(valObj); ok {
			switch x := v.v.(type) {
			case ir.Float:
				return v
			case ir.Int:
				f, _ := new(big.Float).SetInt(x.V).Float64()
				return valObj{ir.Float(f)}
			case ir.Str:
				s := strings.ToLower(strings.TrimSpace(string(x)))
				switch s {
				case "inf", "+inf", "infinity":
					s = "+Inf"
				case "-inf", "-infinity":
					s = "-Inf"
				case "nan":
					s = "NaN"
				}
				if f, err := strconv.ParseFloat(s, 64); err == nil {
					return valObj{ir.Float(f)}
				}
			}
		}
	case "builtins.bool":
		if len(args) == 0 {
			return valObj{ir.Bool(false)}
		}
		if b, ok := truthValue(args[0]); ok {
			return valObj{ir.Bool(b)}
		}
	case "builtins.list", "builtins.tuple", "builtins.set", "builtins.frozenset":
		kind := strings.TrimPrefix(name, "builtins.")
		if len(args) == 0 {
			return seqObj{kind: kind}
		}
		switch v := args[0].(type) {
		case seqObj:
			return seqObj{kind: kind, items: v.items}
		case dictObj:
			return seqObj{kind: kind, items: v.keys}
		}
	case "builtins.dict", "pydantic.ConfigDict", "typing.TypedDict":
		d := dictObj{}
		if len(args) > 0 {
			if src, ok := args[0].(dictObj); ok {
				d = src
			}
		}
		for _, k := range kw {
			d = d.with(valObj{ir.Str(k.name)}, k.val)
		}
		return d
	case "typing.NewType":
		if len(args) > 1 {
			return args[1]
		}
	case "typing.cast":
		if len(args) > 1 {
			return args[1]
		}
	case "os.getenv", "os.environ.get":
		return ms.envLookup(args, pos)
	case "datetime.date", "datetime.time", "datetime.datetime", "uuid.UUID":
		if v, ok := temporal(name, args, kw); ok {
			return valObj{v}
		}
	case "builtins.len":
		if len(args) == 1 {
			if items, ok := iterItems(args[0]); ok {
				return valObj{ir.NewInt(int64(len(items)))}
			}
		}
	case "builtins.sorted":
		if len(args) == 1 && len(kw) == 0 {
			if items, ok := iterItems(args[0]); ok {
				vals := make([]ir.Value, len(items))
				for i, it := range items {
					v, ok := toValue(it)
					if !ok {
						return unknownObj{why: "sorted() of unknown values", pos: pos}
					}
					vals[i] = v
				}
				sortValues(vals)
				out := make([]obj, len(vals))
				for i, v := range vals {
					out[i] = valueObj(v)
				}
				return seqObj{kind: "list", items: out}
			}
		}
	}
	if isPassthroughDecorator(name) && len(args) == 1 && len(kw) == 0 {
		switch args[0].(type) {
		case *funcObj, *classObj:
			return args[0]
		}
	}
	return fwCall{name: name, args: args, kw: kw, pos: pos}
}

// envLookup evaluates os.getenv(NAME, default) in the environment given to Lift.
func (ms *modState) envLookup(args []obj, pos ir.Pos) obj {
	if len(args) > 0 {
		if name, ok := constStr(args[0]); ok {
			if v, ok := ms.in.env[name]; ok {
				return valObj{ir.Str(v)}
			}
		}
	}
	if len(args) > 1 {
		return args[1]
	}
	return valObj{ir.None{}}
}

// sortValues sorts strings or numbers as Python's sorted() does.
func sortValues(vs []ir.Value) {
	sort.SliceStable(vs, func(i, j int) bool {
		if r, ok := compareOne(valObj{vs[i]}, ast.Lt, valObj{vs[j]}); ok {
			return r
		}
		return false
	})
}

// valueMethod calls a method of a known constant (a few str methods).
func (ms *modState) valueMethod(recv valObj, name string, args []obj, kw []kwArg, pos ir.Pos) obj {
	s, ok := recv.v.(ir.Str)
	if !ok {
		return unknownObj{why: "method ." + name + " of a constant", pos: pos}
	}
	strArg := func(i int) (string, bool) {
		if i < len(args) {
			return constStr(args[i])
		}
		return "", false
	}
	switch name {
	case "upper":
		return valObj{ir.Str(strings.ToUpper(string(s)))}
	case "lower":
		return valObj{ir.Str(strings.ToLower(string(s)))}
	case "strip", "rstrip", "lstrip":
		cut := " \t\n\r\x0b\x0c"
		if c, ok := strArg(0); ok {
			cut = c
		}
		switch name {
		case "strip":
			return valObj{ir.Str(strings.Trim(string(s), cut))}
		case "rstrip":
			return valObj{ir.Str(strings.TrimRight(string(s), cut))}
		}
		return valObj{ir.Str(strings.TrimLeft(string(s), cut))}
	case "replace":
		a, ok1 := strArg(0)
		b, ok2 := strArg(1)
		if ok1 && ok2 {
			return valObj{ir.Str(strings.ReplaceAll(string(s), a, b))}
		}
	case "join":
		if len(args) == 1 {
			if seq, ok := args[0].(seqObj); ok {
				parts := make([]string, len(seq.items))
				for i, it := range seq.items {
					p, ok := constStr(it)
					if !ok {
						return unknownObj{why: "join of unknown values", pos: pos}
					}
					parts[i] = p
				}
				return valObj{ir.Str(strings.Join(parts, string(s)))}
			}
		}
	case "format":
		return ms.format(string(s), args, kw, pos)
	}
	return unknownObj{why: "str method ." + name, pos: pos}
}

// format evaluates str.format with plain {} / {0} / {name} fields.
func (ms *modState) format(f string, args []obj, kw []kwArg, pos ir.Pos) obj {
	var b strings.Builder
	next := 0
	for i := 0; i < len(f); i++ {
		c := f[i]
		if c == '{' && i+1 < len(f) && f[i+1] == '{' {
			b.WriteByte('{')
			i++
			continue
		}
		if c == '}' && i+1 < len(f) && f[i+1] == '}' {
			b.WriteByte('}')
			i++
			continue
		}
		if c != '{' {
			b.WriteByte(c)
			continue
		}
		end := strings.IndexByte(f[i:], '}')
		if end < 0 {
			return unknownObj{why: "malformed format string", pos: pos}
		}
		field := f[i+1 : i+end]
		i += end
		var v obj
		if field == "" {
			if next < len(args) {
				v = args[next]
			}
			next++
		} else if n, err := strconv.Atoi(field); err == nil {
			if n < len(args) {
				v = args[n]
			}
		} else if o, ok := kwGet(kw, field); ok {
			v = o
		}
		s, ok := strValue(v, 0)
		if v == nil || !ok {
			return unknownObj{why: "format of a value not known statically", pos: pos}
		}
		b.WriteString(s)
	}
	return valObj{ir.Str(b.String())}
}

// subscript evaluates o[slice]: generic aliases for types, item access for constants.
func (ms *modState) subscript(o obj, slice ast.Expr, sc *scope, pos ir.Pos) obj {
	var args []obj
	if t, ok := slice.(*ast.Tuple); ok {
		args = ms.evalElts(t.Elts, sc)
	} else {
		args = []obj{ms.eval(slice, sc)}
	}
	switch x := o.(type) {
	case fwObj, *classObj, aliasObj:
		if c, ok := x.(*classObj); ok && c.isEnum() {
			if s, ok := constStr(args[0]); ok {
				return valObj{ir.EnumMember{Enum: ms.in.liftEnum(c), Name: s}}
			}
		}
		if f, ok := x.(fwObj); ok && f.name == "typing.Literal" {
			// Literal arguments are values, even lists are not unpacked.
			return aliasObj{origin: x, args: args, pos: pos}
		}
		return aliasObj{origin: x, args: args, pos: pos}
	case dictObj:
		if k, ok := toValue(args[0]); ok {
			for i, key := range x.keys {
				if kv, ok := toValue(key); ok && ir.ValueEqual(kv, k) {
					return x.vals[i]
				}
			}
		}
	case seqObj:
		if v, ok := args[0].(valObj); ok {
			if i, ok := v.v.(ir.Int); ok && i.V.IsInt64() {
				n := int(i.V.Int64())
				if n < 0 {
					n += len(x.items)
				}
				if n >= 0 && n < len(x.items) {
					return x.items[n]
				}
			}
		}
	}
	return unknownObj{why: "subscript not evaluated statically", pos: pos}
}
