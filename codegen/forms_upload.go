package codegen

import (
	"github.com/covetpy/covetgen/ir"
	jen "github.com/dave/jennifer/jen"
)

// uploadFileName is the qualified name the lifter gives FastAPI's and Starlette's
// UploadFile.
const uploadFileName = "fastapi.UploadFile"

// isUploadFileType reports the UploadFile class itself.
func isUploadFileType(t *ir.Type) bool {
	return t != nil && t.Kind == ir.KindClass && t.Name == uploadFileName
}

// onlyUploadClasses reports a type whose classes are all UploadFile (UploadFile,
// Optional[UploadFile], list[UploadFile]): values the bridge sends as "upload" tags.
func onlyUploadClasses(t *ir.Type) bool {
	if t == nil {
		return true
	}
	if t.Kind == ir.KindClass {
		return isUploadFileType(t)
	}
	for _, a := range t.Args {
		if !onlyUploadClasses(a) {
			return false
		}
	}
	return true
}

// uploadFileConv validates one form item as FastAPI's UploadFile does (its plain
// validator): a file part is the value (a *pyval.UploadFile); a text value is a
// value_error naming its class, str.
func uploadFileConv(item jen.Code, dst string, loc []jen.Code) []jen.Code {
	bad := jen.Id("errs").Dot("Add").Call(append([]jen.Code{jen.Op("&").Qual(pkgValidate, "Error").Values(jen.Dict{
		jen.Id("Type"):  jen.Lit("value_error"),
		jen.Id("Msg"):   jen.Lit("Value error, Expected UploadFile, received: <class 'str'>"),
		jen.Id("Input"): jen.Add(item).Dot("Value"),
		jen.Id("Ctx"): jen.Index().Qual(pkgValidate, "CtxItem").Values(jen.Values(jen.Dict{
			jen.Id("Key"): jen.Lit("error"), jen.Id("Value"): jen.Qual(pkgPyjson, "Dict").Values()})),
	})}, loc...)...)
	return []jen.Code{jen.If(jen.Add(item).Dot("IsFile").Call()).
		Block(jen.Id(dst).Op("=").Add(item).Dot("File").Dot("PyValue").Call()).
		Else().Block(bad)}
}
