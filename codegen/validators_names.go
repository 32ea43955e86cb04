package codegen

import (
	"github.com/covetpy/covetgen/codegen/translate"
	"github.com/covetpy/covetgen/parser/ast"
)

// builtinExcNames are the exception names a translated validator raises by name
// (translate.StrFieldValidator): they must be the builtins, not a module's own binding.
var builtinExcNames = []string{"ValueError", "AssertionError"}

// shadowsBuiltinExc is the builtin exception name the module body binds (assignment, def,
// class, import, star import, anywhere but in function bodies), or "".
func shadowsBuiltinExc(body []ast.Stmt) string {
	for _, s := range body {
		for _, n := range translate.StmtBoundNames(s) {
			if n == "*" {
				return "*"
			}
			for _, b := range builtinExcNames {
				if n == b {
					return b
				}
			}
		}
	}
	return ""
}
