package translate

import (
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/runtime/pyval"
)

// extAnnotationType reads an Enum class of the app or UUID annotation of a snippet.
func extAnnotationType(name string, app *ir.App) *ir.Type {
	if name == "UUID" {
		return &ir.Type{Kind: ir.KindUUID, Name: "UUID"}
	}
	if name == "date" {
		return &ir.Type{Kind: ir.KindDate, Name: "date"}
	}
	if t := temporalAnnotationType(name); t != nil { // temporal_test.go
		return t
	}
	for _, e := range app.Enums {
		if e.Name == name {
			return &ir.Type{Kind: ir.KindEnum, Name: e.Name, Enum: e}
		}
	}
	return nil
}

// extArg builds an Enum member (from its value) or a UUID (from its string) argument, as
// the oracle converts them (Region("eu"), UUID("...")); nil for other types.
func extArg(u *Unit, t *ir.Type, v pyval.Value) *jen.Statement {
	switch {
	case t == nil:
	case t.Kind == ir.KindUUID:
		s, _ := v.(pyval.Str)
		return jen.Func().Params().Qual(pyvalPkg, "Value").Block(
			jen.List(jen.Id("x"), jen.Id("e")).Op(":=").Qual("github.com/covetpy/covetgen/runtime/validate", "UUIDFromString").Call(jen.Lit(string(s))),
			jen.If(jen.Id("e").Op("!=").Nil()).Block(jen.Panic(jen.Id("e"))),
			jen.Return(jen.Qual(pyvalPkg, "UUID").Call(jen.Id("x"))),
		).Call()
	case t.Kind == ir.KindDate:
		s, _ := v.(pyval.Str)
		return jen.Func().Params().Qual(pyvalPkg, "Value").Block(
			jen.List(jen.Id("x"), jen.Id("e")).Op(":=").Qual("github.com/covetpy/covetgen/runtime/validate", "DateFromString").Call(jen.Lit(string(s))),
			jen.If(jen.Id("e").Op("!=").Nil()).Block(jen.Panic(jen.Id("e"))),
			jen.Return(jen.Qual(pyvalPkg, "Date").Call(jen.Id("x"))),
		).Call()
	case isValueKind(t):
		return temporalArg(t, v) // temporal_test.go
	case t.Kind == ir.KindEnum && t.Enum != nil:
		cls := u.enumClassVar(t.Enum)
		for i, m := range t.Enum.Members {
			var mv pyval.Value
			switch x := m.Value.(type) {
			case ir.Str:
				mv = pyval.Str(string(x))
			case ir.Int:
				mv = pyval.IntOf(x.V.Int64())
			}
			if mv != nil && pyval.Eq(mv, v) && mv.TypeName() == v.TypeName() {
				return jen.Id(cls).Dot("Member").Call(jen.Lit(i))
			}
		}
		panic("no member of " + t.Enum.Name + " has this value")
	}
	return nil
}

// TestExtRefusals: an Enum member or UUID used anywhere but in the sanctioned positions
// refuses (a mixed-in enum acts as its base type there, which pyval does not model).
func TestExtRefusals(t *testing.T) {
	refused := []string{
		"from models import Region\ndef f(r: Region):\n    return r + 'x'\n",
		"from models import Region\ndef f(r: Region):\n    return f'{r}'\n",
		"from models import Region\ndef f(r: Region):\n    x = r\n    return 1\n",
		"from models import Region\ndef f(r: Region):\n    return {'r': r}\n", // no Scope.Response
		"from models import Region\ndef f(r: Region):\n    return r.upper()\n",
		"from models import Region\ndef f(r: Region):\n    return r < 'z'\n",
		"from models import Region\ndef f(r: Region):\n    return r in ['eu']\n",
		"from models import Region\ndef f():\n    return [Region.eu]\n",
		"from models import Region\ndef f():\n    x = Region.eu\n    return 1\n",
		"from models import Region\ndef f():\n    return Region.nope == 1\n",
		"from models import Region\ndef f(r: Region):\n    return len(r)\n",
		"from uuid import UUID\ndef f(u: UUID):\n    return u.int\n",
		"from uuid import UUID\ndef f(u: UUID):\n    return {'u': u}\n",
		"from uuid import UUID\ndef f(u: UUID):\n    return repr(u)\n",
	}
	for _, src := range refused {
		code, diags := translateSnippet(t, src, nil)
		if code != nil || len(diags) != 1 || !strings.Contains(diags[0].Msg, "cannot translate") {
			t.Errorf("%q: want one refusal, got %v", src, diags)
		}
	}
	ok := []string{
		"from models import Region\ndef f(r: Region):\n    return r.value + r.name\n",
		"from models import Region\ndef f(r: Region):\n    return r is Region.eu or r == 'us'\n",
		"from uuid import UUID\ndef f(u: UUID):\n    return str(u) + u.hex\n",
	}
	for _, src := range ok {
		if _, diags := translateSnippet(t, src, nil); diags != nil {
			t.Errorf("%q: %v", src, diags)
		}
	}
}

func TestExtContainerTypes(t *testing.T) {
	e := &ir.Type{Kind: ir.KindEnum, Enum: &ir.Enum{Name: "E"}}
	u := &ir.Type{Kind: ir.KindUUID}
	for _, c := range []struct {
		t    *ir.Type
		want bool
	}{
		{&ir.Type{Kind: ir.KindUnion, Args: []*ir.Type{e, {Kind: ir.KindNone}}}, true},
		{&ir.Type{Kind: ir.KindList, Args: []*ir.Type{u}}, true},
		{&ir.Type{Kind: ir.KindDict, Args: []*ir.Type{strType, {Kind: ir.KindList, Args: []*ir.Type{e}}}}, true},
		{&ir.Type{Kind: ir.KindList, Args: []*ir.Type{strType}}, false},
		{strType, false},
	} {
		if got := containsExt(c.t); got != c.want {
			t.Errorf("containsExt(%s) = %v", c.t, got)
		}
	}
}

func TestExtShadowedBuiltins(t *testing.T) {
	for _, src := range []string{
		"from models import Region\ndef str(x):\n    return x + 'x'\ndef f(r: Region):\n    return str(r)\n",
		"from models import Region\ndef type(x):\n    return x\ndef f(r: Region):\n    return type(r).__name__\n",
	} {
		if code, diags := translateSnippet(t, src, nil); code != nil || len(diags) != 1 {
			t.Errorf("%q: want one refusal, got %v", src, diags)
		}
	}
}
