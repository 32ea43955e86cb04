package translate

import (
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/runtime/pyval"
)

const validatePkg = "github.com/covetpy/covetgen/runtime/validate"

// temporalAnnotationType is the type of a snippet parameter annotated datetime,
// timedelta or Decimal (nil: another name).
func temporalAnnotationType(name string) *ir.Type {
	switch name {
	case "datetime":
		return dateTimeType
	case "timedelta":
		return timedeltaType
	case "Decimal":
		return decimalType
	}
	return nil
}

// temporalArg builds a snippet argument as the oracle does: datetime.fromisoformat(s),
// timedelta(*(days, seconds, microseconds)), Decimal(s).
func temporalArg(t *ir.Type, v pyval.Value) *jen.Statement {
	switch t.Kind {
	case ir.KindTimeDelta:
		tu, _ := v.(pyval.Tuple)
		args := []jen.Code{jen.Nil(), jen.Nil(), jen.Nil(), jen.Nil(), jen.Nil(), jen.Nil(), jen.Nil()}
		for i, x := range tu {
			args[i] = constCode(x)
		}
		return jen.Func().Params().Qual(pyvalPkg, "Value").Block(
			jen.List(jen.Id("x"), jen.Id("e")).Op(":=").Qual(pyvalPkg, "TimedeltaOf").Call(args...),
			jen.If(jen.Id("e").Op("!=").Nil()).Block(jen.Panic(jen.Id("e"))),
			jen.Return(jen.Id("x")),
		).Call()
	case ir.KindDecimal:
		s, _ := v.(pyval.Str)
		return jen.Func().Params().Qual(pyvalPkg, "Value").Block(
			jen.List(jen.Id("x"), jen.Id("e")).Op(":=").Qual(pyvalPkg, "DecimalOf").Call(q("Str").Call(jen.Lit(string(s)))),
			jen.If(jen.Id("e").Op("!=").Nil()).Block(jen.Panic(jen.Id("e"))),
			jen.Return(jen.Id("x")),
		).Call()
	}
	fn := map[ir.Kind][2]string{ir.KindDate: {"DateFromString", "Date"}, ir.KindDateTime: {"DateTimeFromString", "DateTime"}}[t.Kind]
	s, _ := v.(pyval.Str)
	return jen.Func().Params().Qual(pyvalPkg, "Value").Block(
		jen.List(jen.Id("x"), jen.Id("e")).Op(":=").Qual(validatePkg, fn[0]).Call(jen.Lit(string(s))),
		jen.If(jen.Id("e").Op("!=").Nil()).Block(jen.Panic(jen.Id("e"))),
		jen.Return(jen.Qual(pyvalPkg, fn[1]).Call(jen.Id("x"))),
	).Call()
}

// TestTemporalRefusals: what the temporal subset does not model refuses.
func TestTemporalRefusals(t *testing.T) {
	refused := []string{
		"from datetime import date\ndef f(d: date):\n    return d.strftime('%c')\n",
		"from datetime import date\ndef f(d: date):\n    return d.nope\n",
		"from datetime import timedelta\ndef f(x: float):\n    return timedelta(days=x)\n",
		"from datetime import datetime, timezone, timedelta\ndef f():\n    return datetime(2020, 1, 1, tzinfo=timezone(timedelta(hours=1)))\n",
		"from datetime import datetime, timezone\ndef f():\n    return timezone.utc\n",
		"from decimal import Decimal\ndef f():\n    return Decimal('NaN')\n",
		"from decimal import Decimal\ndef f(x: list):\n    return Decimal(x)\n",
		"from decimal import Decimal\ndef f(d: Decimal):\n    return d.quantize(Decimal('0.1'), rounding='x')\n",
		"from datetime import timedelta\ndef f(d: timedelta):\n    return d.year\n",
		"from datetime import datetime\ndef f():\n    return datetime.now(None)\n",
		"from decimal import Decimal\ndef f(d: Decimal):\n    return d ** 2\n",
		"from decimal import Decimal\ndef f(d: Decimal):\n    return f'{d:.2f}'\n",
		"from datetime import date\ndef f(d: date):\n    return f'{d:%c}'\n",
	}
	for _, src := range refused {
		code, diags := translateSnippet(t, src, nil)
		if code != nil || len(diags) != 1 || !strings.Contains(diags[0].Msg, "cannot translate") {
			t.Errorf("%q: want one refusal, got %v", src, diags)
		}
	}
}
