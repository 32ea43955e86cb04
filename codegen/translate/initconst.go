package translate

import (
	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
)

// initConstant handles a module constant that cannot be computed at generation time
// but whose expression translates (a comprehension building models, say: PRODUCTS =
// [Product(id=i, ...) for i in range(1, 101)]): the package variable goName is computed
// once at init by the translated expression, then frozen. An exception raised there
// fails the program's start, as it fails the import in Python. ok is false when the
// expression does not translate.
func (u *Unit) initConstant(mi *modInfo, name string, b *binding, app *ir.App, goName string) (ok bool, typ *ir.Type) {
	if u.inline || b == nil || b.expr == nil {
		return false, nil
	}
	sp := ast.Span{}
	if s, ok := b.expr.(ast.Spanned); ok && s.GetSpan() != nil {
		sp = *s.GetSpan()
	}
	def := &funcDef{name: name, args: &ast.Arguments{}, body: []ast.Stmt{&ast.Return{Value: b.expr, Span: sp}}, span: &sp}
	hf := newFn(u, mi, app, def, map[string]Var{}, false)
	code := func() (code []jen.Code) {
		defer func() {
			if r := recover(); r != nil {
				if _, ok := r.(refusal); !ok {
					panic(r)
				}
				code = nil
			}
		}()
		return hf.translate()
	}()
	if code == nil {
		return false, nil
	}
	v := jen.Qual(pyvalPkg, "Value")
	u.decls = append(u.decls, jen.Commentf("%s is %s.%s, a module constant computed at init.", goName, mi.name, name),
		jen.Var().Id(goName).Add(v).Op("=").Func().Params().Add(v).Block(
			jen.List(jen.Id("v"), jen.Err()).Op(":=").Func().Params().Params(v, jen.Error()).Block(code...).Call(),
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Panic(jen.Err())),
			jen.Return(u.freeze(jen.Id("v"))),
		).Call())
	return true, hf.retType
}
