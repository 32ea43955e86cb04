package translate

// date, datetime, timedelta and Decimal values in translated bodies (runtime/pyval
// temporal_ops.go, temporal_methods.go, decimal.go).
//
// Unlike Enum members and UUIDs (extvals.go), values of these kinds are full values:
// pyval implements their arithmetic (date ± timedelta, date - date, datetime ±
// timedelta, datetime - datetime, timedelta arithmetic with ints, floats and
// timedeltas; Decimal + - * / // % with Decimals and ints under the default context),
// comparisons, str / repr, truth, int() / float() / round() / abs() of a Decimal and
// jsonable_encoder's encoding, so a name of one of these types may be used anywhere a
// value may. Attributes and methods are checked against the static type here:
//
//	date / datetime: .year .month .day, weekday() isoweekday() isoformat() toordinal()
//	                 replace(year=, month=, day=), strftime(fmt) (and f"{d:fmt}") with
//	                 the directives of pyval.StrftimeDirectives; datetime also .hour .minute .second
//	                 .microsecond and date()
//	timedelta:       .days .seconds .microseconds, total_seconds()
//	Decimal:         quantize(exp[, rounding=ROUND_*])
//
// Constructors (imported from datetime / decimal, or called as datetime.date(...)):
// date(y, m, d), datetime(y, m, d[, h, mi, s, us][, tzinfo=timezone.utc]) (other tzinfo
// values are refused; a timezone.utc datetime is a pyval.UTCDateTime, whose repr and
// cookie expires= formatting differ from pydantic's TzInfo datetimes),
// datetime.now(timezone.utc), timedelta(...) of
// int components (float components round as CPython's C code does, which is not
// modelled: one statically a float is refused, one found at run time raises
// "UnsupportedOperation"), date.today(), datetime.now(), datetime.utcnow(), Decimal(x) of a str,
// int, bool, float or Decimal (a constant string must be finite: arithmetic on NaN and
// infinities is not modelled and raises "UnsupportedOperation").

import (
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
	"github.com/covetpy/covetgen/runtime/pyval"
	"github.com/covetpy/covetgen/runtime/validate"
)

var (
	dateType      = &ir.Type{Kind: ir.KindDate, Name: "date"}
	dateTimeType  = &ir.Type{Kind: ir.KindDateTime, Name: "datetime"}
	timedeltaType = &ir.Type{Kind: ir.KindTimeDelta, Name: "timedelta"}
	decimalType   = &ir.Type{Kind: ir.KindDecimal, Name: "Decimal"}
)

// isValueKind reports whether values of static type t are dates, datetimes, timedeltas
// or Decimals: full values whose operations pyval implements.
func isValueKind(t *ir.Type) bool {
	if t == nil {
		return false
	}
	switch t.Kind {
	case ir.KindDate, ir.KindDateTime, ir.KindTimeDelta, ir.KindDecimal:
		return true
	}
	return false
}

// isValueKindOpt is isValueKind of t or of Optional[t]'s non-None type.
func isValueKindOpt(t *ir.Type) bool {
	if isValueKind(t) {
		return true
	}
	return t != nil && t.Kind == ir.KindUnion && t.IsOptional() && len(t.NonNone()) == 1 && isValueKind(t.NonNone()[0])
}

// onlyValueKinds reports whether the Enum / UUID / opaque kinds t may hold are all value
// kinds (list[Decimal], dict[str, date]...).
func onlyValueKinds(t *ir.Type) bool {
	if t == nil {
		return true
	}
	if t.Kind == ir.KindEnum || t.Kind == ir.KindUUID || opaqueKinds[t.Kind] && !isValueKind(t) {
		return false
	}
	for _, a := range t.Args {
		if !onlyValueKinds(a) {
			return false
		}
	}
	return true
}

// temporalArithType is the static type of a op b when an operand is a value kind (nil:
// unknown or an error).
func temporalArithType(op ast.Operator, a, b *ir.Type) *ir.Type {
	k := func(t *ir.Type) ir.Kind {
		if t == nil {
			return ir.KindAny
		}
		if t.Kind == ir.KindBool {
			return ir.KindInt
		}
		return t.Kind
	}
	if t := setOpType(op, a, b); t != nil { // set.go
		return t
	}
	ka, kb := k(a), k(b)
	switch {
	case ka == ir.KindDecimal || kb == ir.KindDecimal:
		other := kb
		if kb == ir.KindDecimal {
			other = ka
		}
		if (other == ir.KindDecimal || other == ir.KindInt) && op != ast.Pow {
			switch op {
			case ast.Add, ast.Sub, ast.Mult, ast.Div, ast.FloorDiv, ast.Mod:
				return decimalType
			}
		}
	case (ka == ir.KindDate || ka == ir.KindDateTime) && kb == ir.KindTimeDelta && (op == ast.Add || op == ast.Sub):
		return a
	case ka == ir.KindTimeDelta && (kb == ir.KindDate || kb == ir.KindDateTime) && op == ast.Add:
		return b
	case (ka == ir.KindDate && kb == ir.KindDate || ka == ir.KindDateTime && kb == ir.KindDateTime) && op == ast.Sub:
		return timedeltaType
	case ka == ir.KindTimeDelta && kb == ir.KindTimeDelta:
		switch op {
		case ast.Add, ast.Sub, ast.Mod:
			return timedeltaType
		case ast.Div:
			return floatType
		case ast.FloorDiv:
			return intType
		}
	case ka == ir.KindTimeDelta && (kb == ir.KindInt || kb == ir.KindFloat) && (op == ast.Mult || op == ast.Div),
		ka == ir.KindTimeDelta && kb == ir.KindInt && op == ast.FloorDiv,
		(ka == ir.KindInt || ka == ir.KindFloat) && kb == ir.KindTimeDelta && op == ast.Mult:
		return timedeltaType
	}
	return nil
}

// temporalAttrs are the data attributes of each value kind.
var temporalAttrs = map[ir.Kind]map[string]bool{
	ir.KindDate:      {"year": true, "month": true, "day": true},
	ir.KindDateTime:  {"year": true, "month": true, "day": true, "hour": true, "minute": true, "second": true, "microsecond": true},
	ir.KindTimeDelta: {"days": true, "seconds": true, "microseconds": true},
}

// temporalMethods are the methods of each value kind with their result types.
var temporalMethods = map[ir.Kind]map[string]*ir.Type{
	ir.KindDate: {"weekday": intType, "isoweekday": intType, "isoformat": strType, "toordinal": intType,
		"replace": dateType, "strftime": strType},
	ir.KindDateTime: {"weekday": intType, "isoweekday": intType, "isoformat": strType, "toordinal": intType,
		"replace": dateTimeType, "date": dateType, "strftime": strType},
	ir.KindTimeDelta: {"total_seconds": floatType},
	ir.KindDecimal:   {"quantize": decimalType},
}

// temporalAttribute compiles x.attr of a value kind (ok false: the base is not one).
func (f *fn) temporalAttribute(x *ast.Attribute) (val, bool) {
	t := f.exprExtType(x.Value)
	if !isValueKind(t) {
		return val{}, false
	}
	return f.temporalAttrOf(x, f.value(x.Value)), true
}

// temporalAttrOf is x.attr of the compiled base b (of a value kind).
func (f *fn) temporalAttrOf(x *ast.Attribute, b val) val {
	if !temporalAttrs[b.typ.Kind][x.Attr] {
		if temporalMethods[b.typ.Kind][x.Attr] != nil {
			f.refuse(x, "method %s of %s other than called", x.Attr, b.typ)
		}
		f.refuse(x, "attribute %s of %s", x.Attr, b.typ)
	}
	return f.callVal(q("TemporalAttr").Call(b.code, jen.Lit(x.Attr)), kindValue, intType)
}

// temporalMethodCall compiles a method call on a value kind (ok false: the method name
// is none of temporalMethods', or replace on a receiver not statically a date).
func (f *fn) temporalMethodCall(c *ast.Call, at *ast.Attribute) (val, bool) {
	known := false
	for _, ms := range temporalMethods {
		known = known || ms[at.Attr] != nil
	}
	if !known {
		return val{}, false
	}
	if at.Attr == "replace" && !isValueKind(f.exprExtType(at.Value)) {
		return val{}, false // str.replace
	}
	recv := f.value(at.Value)
	rt := temporalMethods[kindOf(recv.typ)][at.Attr]
	if rt == nil {
		f.refuse(c, "call of method %s() on a value of type %s", at.Attr, typeName(recv.typ))
	}
	if !recv.atomic {
		recv = f.hoist(recv)
	}
	switch at.Attr {
	case "replace":
		if len(c.Args) > 0 {
			f.refuse(c, "replace() with positional arguments")
		}
		_, kw := f.args(c, "replace()", "year", "month", "day")
		args := []jen.Code{recv.code}
		for _, k := range []string{"year", "month", "day"} {
			if v, ok := kw[k]; ok {
				args = append(args, v.code)
			} else {
				args = append(args, jen.Nil())
			}
		}
		return f.callVal(q("DateReplace").Call(args...), kindValue, recv.typ), true
	case "strftime":
		if len(c.Args) != 1 || len(c.Keywords) > 0 {
			f.refuse(c, "strftime() with %d arguments", len(c.Args)+len(c.Keywords))
		}
		if s, ok := constStr(c.Args[0]); ok {
			f.checkStrftime(c.Args[0], s)
		}
		fm := f.value(c.Args[0])
		return f.callVal(q("Strftime").Call(recv.code, fm.code), kindValue, strType), true
	case "quantize":
		if len(c.Args) != 1 {
			f.refuse(c, "quantize() with %d positional arguments", len(c.Args))
		}
		mode := ""
		for _, k := range c.Keywords {
			if k.Arg == nil || *k.Arg != "rounding" {
				f.refuse(c, "quantize() keyword arguments other than rounding=")
			}
			mode = f.roundingMode(k.Value)
		}
		exp := f.value(c.Args[0])
		return f.callVal(q("Quantize").Call(recv.code, exp.code, jen.Lit(mode)), kindValue, decimalType), true
	}
	if len(c.Args) > 0 || len(c.Keywords) > 0 {
		f.refuse(c, "%s() with arguments", at.Attr)
	}
	return f.callVal(q("TemporalMethod").Call(recv.code, jen.Lit(at.Attr)), kindValue, rt), true
}

// roundingMode resolves a decimal.ROUND_* constant (from decimal import ROUND_HALF_UP, or
// decimal.ROUND_HALF_UP).
func (f *fn) roundingMode(e ast.Expr) string {
	q := f.stdQual(e)
	if len(q) > 8 && q[:8] == "decimal." && isRoundingName(q[8:]) {
		return q[8:]
	}
	f.refuse(e, "rounding mode %s (only the decimal module's ROUND_* constants)", exprName(e))
	return ""
}

func isRoundingName(s string) bool {
	switch s {
	case "ROUND_HALF_EVEN", "ROUND_HALF_UP", "ROUND_HALF_DOWN", "ROUND_DOWN", "ROUND_UP", "ROUND_FLOOR", "ROUND_CEILING", "ROUND_05UP":
		return true
	}
	return false
}

func kindOf(t *ir.Type) ir.Kind {
	if t == nil {
		return ir.KindAny
	}
	return t.Kind
}

func typeName(t *ir.Type) string {
	if t == nil {
		return "unknown type"
	}
	return t.String()
}

// stdQual is the dotted standard-library name an expression designates through the
// module's imports ("datetime.date", "datetime.date.today", "decimal.Decimal"), or "".
func (f *fn) stdQual(e ast.Expr) string {
	switch x := e.(type) {
	case *ast.Name:
		if f.locals[x.Id] != nil {
			return ""
		}
		if _, comp := f.compVars[x.Id]; comp {
			return ""
		}
		b, ok := f.mi.binds[x.Id]
		if !ok {
			return ""
		}
		switch {
		case b.kind == bImportFrom && (b.target == "datetime" || b.target == "decimal"):
			return b.target + "." + b.attr
		case b.kind == bImport && (b.target == "datetime" || b.target == "decimal"):
			return b.target
		}
	case *ast.Attribute:
		if base := f.stdQual(x.Value); base != "" {
			return base + "." + x.Attr
		}
	}
	return ""
}

// temporalCall compiles the constructors and class methods of the file comment (ok
// false: c calls none of them).
func (f *fn) temporalCall(c *ast.Call) (val, bool) {
	name := f.stdQual(c.Func)
	switch name {
	case "datetime.timedelta":
		names := []string{"days", "seconds", "microseconds", "milliseconds", "minutes", "hours", "weeks"}
		args := f.ctorArgs(c, name, names, 0, func(a ast.Expr, v val) {
			if v.typ != nil && v.typ.Kind != ir.KindInt && v.typ.Kind != ir.KindBool {
				f.refuse(a, "timedelta() argument of type %s (only ints)", typeName(v.typ))
			}
		})
		return f.callVal(q("TimedeltaOf").Call(args...), kindValue, timedeltaType), true
	case "datetime.date":
		args := f.ctorArgs(c, name, []string{"year", "month", "day"}, 3, nil)
		return f.callVal(q("DateOf").Call(args...), kindValue, dateType), true
	case "datetime.datetime":
		ctor := "DateTimeOf"
		stripped := *c
		stripped.Keywords = nil
		for _, k := range c.Keywords {
			if k.Arg != nil && *k.Arg == "tzinfo" && f.stdQual(k.Value) == "datetime.timezone.utc" {
				ctor = "UTCDateTimeOf"
				continue
			}
			if k.Arg != nil && (*k.Arg == "tzinfo" || *k.Arg == "fold") {
				f.refuse(k, "datetime() with %s= (only naive datetimes and tzinfo=timezone.utc)", *k.Arg)
			}
			stripped.Keywords = append(stripped.Keywords, k)
		}
		args := f.ctorArgs(&stripped, name, []string{"year", "month", "day", "hour", "minute", "second", "microsecond"}, 3, nil)
		return f.callVal(q(ctor).Call(args...), kindValue, dateTimeType), true
	case "datetime.date.today", "datetime.datetime.now", "datetime.datetime.utcnow", "datetime.datetime.today":
		if name == "datetime.datetime.now" && len(c.Args)+len(c.Keywords) == 1 {
			arg := ast.Expr(nil)
			if len(c.Args) == 1 {
				arg = c.Args[0]
			} else if k := c.Keywords[0]; k.Arg != nil && *k.Arg == "tz" {
				arg = k.Value
			}
			if arg != nil && f.stdQual(arg) == "datetime.timezone.utc" {
				return val{code: q("DateTimeNowUTC").Call(), typ: dateTimeType}, true
			}
		}
		if len(c.Args) > 0 || len(c.Keywords) > 0 {
			f.refuse(c, "%s() with arguments (only naive local or UTC time)", name)
		}
		if name == "datetime.date.today" {
			return val{code: q("DateToday").Call(), typ: dateType}, true
		}
		return val{code: q("DateTimeNow").Call(jen.Lit(name == "datetime.datetime.utcnow")), typ: dateTimeType}, true
	case "decimal.Decimal":
		if len(c.Keywords) > 0 || len(c.Args) > 1 {
			f.refuse(c, "Decimal() with a context or more than one argument")
		}
		if len(c.Args) == 0 {
			return f.callVal(q("DecimalOf").Call(jen.Nil()), kindValue, decimalType), true
		}
		if s, ok := constStr(c.Args[0]); ok {
			d, ok := validate.ParseDecimal(s)
			if !ok || !d.IsFinite() {
				f.refuse(c, "Decimal(%q) (only finite decimal strings)", s)
			}
		}
		as, _ := f.args(c, "Decimal()")
		if t := as[0].typ; t != nil && !(t.Kind == ir.KindStr || t.Kind == ir.KindInt || t.Kind == ir.KindBool || t.Kind == ir.KindDecimal || t.Kind == ir.KindFloat) {
			f.refuse(c.Args[0], "Decimal() of a value of type %s (only str, int, float and Decimal)", typeName(t))
		}
		return f.callVal(q("DecimalOf").Call(as[0].code), kindValue, decimalType), true
	}
	return val{}, false
}

// ctorArgs compiles the positional and keyword arguments of a constructor whose
// parameters are names (nil for an absent one); the first required ones must be given.
func (f *fn) ctorArgs(c *ast.Call, what string, names []string, required int, check func(ast.Expr, val)) []jen.Code {
	if len(c.Args) > len(names) {
		f.refuse(c, "%s() with %d positional arguments", what, len(c.Args))
	}
	as, kw := f.args(c, what+"()", names...)
	out := make([]jen.Code, len(names))
	for i, n := range names {
		var v val
		var at ast.Expr
		given := false
		if i < len(as) {
			v, at, given = as[i], c.Args[i], true
			if _, dup := kw[n]; dup {
				f.refuse(c, "%s() with %s given twice", what, n)
			}
		} else if kv, ok := kw[n]; ok {
			v, given = kv, true
			for _, k := range c.Keywords {
				if *k.Arg == n {
					at = k.Value
				}
			}
		}
		if !given {
			if i < required {
				f.refuse(c, "%s() without %s", what, n)
			}
			out[i] = jen.Nil()
			continue
		}
		if check != nil {
			check(at, v)
		}
		out[i] = v.code
	}
	return out
}

// checkTemporalOp refuses Decimal ** x and x ** Decimal (the decimal module's power
// rounding is not modelled; at run time it raises "UnsupportedOperation").
func (f *fn) checkTemporalOp(x *ast.BinOp, a, b *ir.Type) {
	if x.Op == ast.Pow && (kindOf(a) == ir.KindDecimal || kindOf(b) == ir.KindDecimal) {
		f.refuse(x, "** of a Decimal")
	}
}

// checkTemporalFormat refuses a format spec applied to a Decimal, date or datetime
// (Decimal.__format__ and strftime are not modelled).
func (f *fn) checkTemporalFormat(v *ast.FormattedValue, t *ir.Type) {
	switch kindOf(t) {
	case ir.KindDate, ir.KindDateTime:
		if js, ok := v.FormatSpec.(*ast.JoinedStr); ok && len(js.Values) == 1 {
			if s, ok := constStr(js.Values[0]); ok {
				f.checkStrftime(v, s)
				return
			}
		}
		f.refuse(v, "format spec of a %s other than a constant", t)
	case ir.KindDecimal:
		f.refuse(v, "format spec of a %s", t)
	}
}

// checkStrftime refuses a constant strftime format using a directive outside
// pyval.StrftimeDirectives.
func (f *fn) checkStrftime(at ast.Node, s string) {
	for i := 0; i < len(s); i++ {
		if s[i] != '%' {
			continue
		}
		if i+1 >= len(s) || !strings.ContainsRune(pyval.StrftimeDirectives, rune(s[i+1])) {
			f.refuse(at, "strftime format %q (only the directives %%%s)", s, strings.Join(strings.Split(pyval.StrftimeDirectives, ""), " %"))
		}
		i++
	}
}
