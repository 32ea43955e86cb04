package codegen

import (
	"strings"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/runtime/validate"
	jen "github.com/dave/jennifer/jen"
)

// ipType is the validate.IPType constant of an IP type (ipaddress.IPv4Address,
// pydantic.IPvAnyNetwork...): its class name, or "".
func ipType(t *ir.Type) string {
	if t.Kind != ir.KindIP {
		return ""
	}
	name := t.Name[strings.LastIndexByte(t.Name, '.')+1:]
	if _, ok := validate.IPTypeNamed(name); !ok {
		return ""
	}
	return name
}

// ipTypeOf is typeOf for the IP address, network and interface types: validated and
// written as pydantic does (validate.IP), a pyval.IP in translated bodies.
func (g *gen) ipTypeOf(t *ir.Type, c ir.Constraints, pos ir.Pos, what string) (*typeInfo, bool) {
	name := ipType(t)
	if name == "" || !c.IsZero() {
		g.refuse.add(pos, "%s of type %s", what, t)
		return nil, false
	}
	ti := &typeInfo{goType: func() *jen.Statement { return jen.Qual(pkgValidate, "IP") }}
	ti.decode = func(s, x, out jen.Code) jen.Code {
		return jen.Add(s).Dot("IP").Call(x, jen.Qual(pkgValidate, name), out)
	}
	ti.decoder = func() jen.Code { return decoderLit(ti.goType(), ti.decode) }
	ti.toPy = func(v jen.Code) jen.Code { return jen.Qual(pkgPyval, "IP").Call(v) }
	ti.encode = func(e, v jen.Code) []jen.Code { return []jen.Code{jen.Add(e).Dot("IP").Call(v)} }
	return ti, true
}

// ipConv validates a parameter string as an IP type.
func (g *gen) ipConv(t *ir.Type, c ir.Constraints, pos ir.Pos, what string) (convFunc, bool) {
	name := ipType(t)
	if name == "" || !c.IsZero() {
		g.refuse.add(pos, "%s of type %s", what, t)
		return nil, false
	}
	return func(raw jen.Code, dst string, loc []jen.Code) []jen.Code {
		return []jen.Code{
			jen.List(jen.Id("v"), jen.Id("e")).Op(":=").Qual(pkgValidate, name).Dot("FromString").Call(raw),
			jen.Id("errs").Dot("Add").Call(append([]jen.Code{jen.Id("e")}, loc...)...),
			jen.Id(dst).Op("=").Qual(pkgPyval, "IP").Call(jen.Id("v")),
		}
	}, true
}
