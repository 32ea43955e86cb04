package codegen

import (
	jen "github.com/dave/jennifer/jen"
)

// writeHelpers writes helpers.go with the helpers the other files use.
func (g *gen) writeHelpers() {
	if len(g.helpers) == 0 {
		return
	}
	f := g.file("helpers.go")
	if g.helpers["apiRoute"] {
		f.Comment("apiRoute is one FastAPI path operation: its path template, methods and handler.")
		f.Type().Id("apiRoute").Struct(
			jen.Id("path").String(),
			jen.Id("methods").Index().String(),
			jen.Id("handler").Qual(pkgRouter, "Handler"),
		)
	}
	if g.helpers["ptr"] {
		f.Comment("ptr returns a pointer to a copy of v (constraint bounds).")
		f.Func().Id("ptr").Types(jen.Id("T").Any()).Params(jen.Id("v").Id("T")).Op("*").Id("T").Block(jen.Return(jen.Op("&").Id("v")))
	}
	if g.helpers["mustPattern"] {
		f.Comment("mustPattern compiles a constraint pattern covetgen checked when it generated this file.")
		f.Func().Id("mustPattern").Params(jen.Id("src").String()).Op("*").Qual(pkgValidate, "Pattern").Block(
			jen.List(jen.Id("p"), jen.Err()).Op(":=").Qual(pkgValidate, "CompilePattern").Call(jen.Id("src")),
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Panic(jen.Err())),
			jen.Return(jen.Id("p")),
		)
	}
	if g.helpers["renderText"] {
		f.Comment("renderText is Response.render(jsonable_encoder(res)) for a response class rendering str")
		f.Comment("content: a str as UTF-8, None as nothing; any other value fails (FastAPI answers 500).")
		f.Func().Id("renderText").Params(jen.Id("dst").Index().Byte(), jen.Id("res").Qual(pkgPyval, "Value")).
			Params(jen.Index().Byte(), jen.Error()).Block(
			jen.Switch(jen.Id("x").Op(":=").Id("res").Assert(jen.Type())).Block(
				jen.Case(jen.Qual(pkgPyval, "NoneType")).Block(jen.Return(jen.Id("dst"), jen.Nil())),
				jen.Case(jen.Qual(pkgPyval, "Str")).Block(
					jen.If(jen.Op("!").Qual("unicode/utf8", "ValidString").Call(jen.String().Parens(jen.Id("x")))).Block(
						jen.Return(jen.Nil(), jen.Qual(pkgPyval, "NewException").Call(jen.Lit("UnicodeEncodeError")))),
					jen.Return(jen.Append(jen.Id("dst"), jen.Id("x").Op("...")), jen.Nil()),
				),
				jen.Case(jen.Qual(pkgPyval, "Bytes")).Block(
					jen.If(jen.Op("!").Qual("unicode/utf8", "ValidString").Call(jen.String().Parens(jen.Id("x")))).Block(
						jen.Return(jen.Nil(), jen.Qual(pkgPyval, "NewException").Call(jen.Lit("UnicodeDecodeError")))),
					jen.Return(jen.Append(jen.Id("dst"), jen.Id("x").Op("...")), jen.Nil()),
				),
			),
			jen.Return(jen.Nil(), jen.Qual(pkgPyval, "NewException").Call(jen.Lit("AttributeError"),
				jen.Qual(pkgPyval, "Str").Call(jen.Lit("'").Op("+").Id("res").Dot("TypeName").Call().Op("+").Lit("' object has no attribute 'encode'")))),
		)
	}
	if g.helpers["paramsDict"] {
		g.writeParamsDict(f)
	}
	if g.helpers["mountScope"] {
		f.Comment("mountScope gives a mounted handler scope[\"path\"] and scope[\"root_path\"].")
		f.Func().Id("mountScope").Params(jen.Id("r").Op("*").Qual("net/http", "Request")).Params(jen.String(), jen.String()).Block(
			jen.List(jen.Id("s"), jen.Id("_")).Op(":=").Qual(pkgRouter, "ScopeOf").Call(jen.Id("r")),
			jen.Return(jen.Id("s").Dot("Path"), jen.Id("s").Dot("RootPath")),
		)
	}
}

// writeParamsDict writes the paramsDict helper of parameter models.
func (g *gen) writeParamsDict(f *jen.File) {
	d := jen.Id("d").Op("*").Id("paramsDict")
	f.Comment("paramsDict is the dict FastAPI validates a Query/Header/Cookie model from, built as")
	f.Comment("JSON text for the model's decoder.")
	f.Type().Id("paramsDict").Struct(jen.Id("b").Index().Byte())
	f.Func().Params(d).Id("key").Params(jen.Id("k").String()).Block(
		jen.If(jen.Len(jen.Id("d").Dot("b")).Op("==").Lit(0)).Block(
			jen.Id("d").Dot("b").Op("=").Append(jen.Id("d").Dot("b"), jen.LitRune('{'))).
			Else().Block(jen.Id("d").Dot("b").Op("=").Append(jen.Id("d").Dot("b"), jen.LitRune(','))),
		jen.List(jen.Id("d").Dot("b"), jen.Id("_")).Op("=").Qual(pkgPyjson, "AppendString").Call(jen.Id("d").Dot("b"), jen.Id("k")),
		jen.Id("d").Dot("b").Op("=").Append(jen.Id("d").Dot("b"), jen.LitRune(':')),
	)
	f.Comment("str sets k to a str.")
	f.Func().Params(d).Id("str").Params(jen.List(jen.Id("k"), jen.Id("v")).String()).Block(
		jen.Id("d").Dot("key").Call(jen.Id("k")),
		jen.List(jen.Id("d").Dot("b"), jen.Id("_")).Op("=").Qual(pkgPyjson, "AppendString").Call(jen.Id("d").Dot("b"), jen.Id("v")),
	)
	f.Comment("strs sets k to a list of str.")
	f.Func().Params(d).Id("strs").Params(jen.Id("k").String(), jen.Id("vs").Index().String()).Block(
		jen.Id("d").Dot("key").Call(jen.Id("k")),
		jen.Id("d").Dot("b").Op("=").Append(jen.Id("d").Dot("b"), jen.LitRune('[')),
		jen.For(jen.List(jen.Id("i"), jen.Id("v")).Op(":=").Range().Id("vs")).Block(
			jen.If(jen.Id("i").Op(">").Lit(0)).Block(jen.Id("d").Dot("b").Op("=").Append(jen.Id("d").Dot("b"), jen.LitRune(','))),
			jen.List(jen.Id("d").Dot("b"), jen.Id("_")).Op("=").Qual(pkgPyjson, "AppendString").Call(jen.Id("d").Dot("b"), jen.Id("v")),
		),
		jen.Id("d").Dot("b").Op("=").Append(jen.Id("d").Dot("b"), jen.LitRune(']')),
	)
	f.Comment("raw sets k to a value given as JSON text (a default).")
	f.Func().Params(d).Id("raw").Params(jen.List(jen.Id("k"), jen.Id("js")).String()).Block(
		jen.Id("d").Dot("key").Call(jen.Id("k")),
		jen.Id("d").Dot("b").Op("=").Append(jen.Id("d").Dot("b"), jen.Id("js").Op("...")),
	)
	f.Comment("one sets k to its only value, or to the list of its values.")
	f.Func().Params(d).Id("one").Params(jen.Id("k").String(), jen.Id("vs").Index().String()).Block(
		jen.If(jen.Len(jen.Id("vs")).Op("==").Lit(1)).Block(jen.Id("d").Dot("str").Call(jen.Id("k"), jen.Id("vs").Index(jen.Lit(0))), jen.Return()),
		jen.Id("d").Dot("strs").Call(jen.Id("k"), jen.Id("vs")),
	)
	f.Comment("queryExtras adds the query names the model does not read, in first-seen order.")
	f.Func().Params(d).Id("queryExtras").Params(jen.Id("q").Op("*").Qual(pkgRequest, "Query"), jen.Id("read").Map(jen.String()).Bool()).Block(
		jen.Id("seen").Op(":=").Map(jen.String()).Bool().Values(),
		jen.For(jen.List(jen.Id("_"), jen.Id("p")).Op(":=").Range().Id("q").Dot("Pairs").Call()).Block(
			jen.If(jen.Id("read").Index(jen.Id("p").Dot("Name")).Op("||").Id("seen").Index(jen.Id("p").Dot("Name"))).Block(jen.Continue()),
			jen.Id("seen").Index(jen.Id("p").Dot("Name")).Op("=").True(),
			jen.Id("d").Dot("one").Call(jen.Id("p").Dot("Name"), jen.Id("q").Dot("All").Call(jen.Id("p").Dot("Name"))),
		),
	)
	f.Comment("headerExtras adds the headers the model does not read (lower-case names), in the order")
	f.Comment("the client sent them; where that order is unknown (HTTP/2, which uvicorn does not serve),")
	f.Comment("host first, then by name.")
	f.Func().Params(d).Id("headerExtras").Params(jen.Id("rq").Op("*").Qual(pkgRequest, "Request"), jen.Id("read").Map(jen.String()).Bool()).Block(
		jen.If(jen.List(jen.Id("fields"), jen.Id("ok")).Op(":=").Id("rq").Dot("ReceivedHeaders").Call(), jen.Id("ok")).Block(
			jen.Id("seen").Op(":=").Map(jen.String()).Bool().Values(),
			jen.For(jen.List(jen.Id("_"), jen.Id("f")).Op(":=").Range().Id("fields")).Block(
				jen.If(jen.Id("read").Index(jen.Id("f").Index(jen.Lit(0))).Op("||").Id("seen").Index(jen.Id("f").Index(jen.Lit(0)))).Block(jen.Continue()),
				jen.Id("seen").Index(jen.Id("f").Index(jen.Lit(0))).Op("=").True(),
				jen.Var().Id("vs").Index().String(),
				jen.For(jen.List(jen.Id("_"), jen.Id("g")).Op(":=").Range().Id("fields")).Block(
					jen.If(jen.Id("g").Index(jen.Lit(0)).Op("==").Id("f").Index(jen.Lit(0))).Block(
						jen.Id("vs").Op("=").Append(jen.Id("vs"), jen.Id("g").Index(jen.Lit(1))))),
				jen.Id("d").Dot("one").Call(jen.Id("f").Index(jen.Lit(0)), jen.Id("vs")),
			),
			jen.Return(),
		),
		jen.Id("names").Op(":=").Index().String().Values(jen.Lit("Host")),
		jen.For(jen.Id("k").Op(":=").Range().Id("rq").Dot("HTTP").Dot("Header")).Block(jen.Id("names").Op("=").Append(jen.Id("names"), jen.Id("k"))),
		jen.Qual("sort", "Strings").Call(jen.Id("names").Index(jen.Lit(1), jen.Empty())),
		jen.For(jen.List(jen.Id("_"), jen.Id("k")).Op(":=").Range().Id("names")).Block(
			jen.Id("lower").Op(":=").Qual("strings", "ToLower").Call(jen.Id("k")),
			jen.Id("vs").Op(":=").Id("rq").Dot("HeaderValues").Call(jen.Id("k")),
			jen.If(jen.Id("read").Index(jen.Id("lower")).Op("||").Len(jen.Id("vs")).Op("==").Lit(0)).Block(jen.Continue()),
			jen.Id("d").Dot("one").Call(jen.Id("lower"), jen.Id("vs")),
		),
	)
	f.Comment("cookieExtras adds the cookies the model does not read (a dict: the last value of a")
	f.Comment("name at its first position).")
	f.Func().Params(d).Id("cookieExtras").Params(jen.Id("cookies").Index().Qual(pkgRequest, "Pair"), jen.Id("read").Map(jen.String()).Bool()).Block(
		jen.Id("last").Op(":=").Map(jen.String()).String().Values(),
		jen.Var().Id("order").Index().String(),
		jen.For(jen.List(jen.Id("_"), jen.Id("c")).Op(":=").Range().Id("cookies")).Block(
			jen.If(jen.List(jen.Id("_"), jen.Id("ok")).Op(":=").Id("last").Index(jen.Id("c").Dot("Name")), jen.Op("!").Id("ok")).Block(
				jen.Id("order").Op("=").Append(jen.Id("order"), jen.Id("c").Dot("Name"))),
			jen.Id("last").Index(jen.Id("c").Dot("Name")).Op("=").Id("c").Dot("Value"),
		),
		jen.For(jen.List(jen.Id("_"), jen.Id("k")).Op(":=").Range().Id("order")).Block(
			jen.If(jen.Op("!").Id("read").Index(jen.Id("k"))).Block(jen.Id("d").Dot("str").Call(jen.Id("k"), jen.Id("last").Index(jen.Id("k")))),
		),
	)
	f.Comment("value is the dict as a JSON value.")
	f.Func().Params(d).Id("value").Params().Qual(pkgPyjson, "Value").Block(
		jen.If(jen.Len(jen.Id("d").Dot("b")).Op("==").Lit(0)).Block(jen.Id("d").Dot("b").Op("=").Append(jen.Id("d").Dot("b"), jen.LitRune('{'))),
		jen.Id("d").Dot("b").Op("=").Append(jen.Id("d").Dot("b"), jen.LitRune('}')),
		jen.List(jen.Id("doc"), jen.Err()).Op(":=").Qual(pkgPyjson, "Parse").Call(jen.Id("d").Dot("b")),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Qual(pkgPyjson, "Value").Values())),
		jen.Return(jen.Id("doc").Dot("Root").Call()),
	)
}
