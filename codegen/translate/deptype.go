package translate

// Static types of dependency values. FastAPI passes what a dependency returns to the
// parameter declared with Depends(dep) / Security(dep) unchanged: the parameter's
// annotation is neither checked nor applied (fastapi/dependencies/utils.py stores the
// solved value in the call's keyword arguments as is). So a dependency's value is typed
// by what the dependency's own returns yield (rettype.go): when every return statement
// yields an instance of one model and the end is unreachable, its value is that model.

import (
	jen "github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
)

// FuncResult is Func that also returns the static type of the function's result: the
// model every return statement yields an instance of, nil when unknown (some return
// yields something else, or the end of the body is reachable).
func FuncResult(fn ast.Stmt, scope *Scope) (code []jen.Code, result *ir.Type, diags []ir.Diagnostic) {
	return translateDef(fn, scope, nil)
}
