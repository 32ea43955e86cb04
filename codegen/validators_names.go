package codegen

import (
	"strings"

	"github.com/covetpy/covetgen/parser/ast"
)

// builtinExcNames are the exception names a translated validator raises by name
// (translate.StrFieldValidator): they must be the builtins, not a module's own binding.
var builtinExcNames = []string{"ValueError", "AssertionError"}

// shadowsBuiltinExc is the builtin exception name the module body binds at top level
// (assignment, def, class, import, star import), or "".
func shadowsBuiltinExc(body []ast.Stmt) string {
	bound := func(name string) string {
		for _, b := range builtinExcNames {
			if name == b {
				return b
			}
		}
		return ""
	}
	for _, s := range body {
		var names []string
		switch x := s.(type) {
		case *ast.Assign:
			for _, t := range x.Targets {
				if n, ok := t.(*ast.Name); ok {
					names = append(names, n.Id)
				}
			}
		case *ast.AnnAssign:
			if n, ok := x.Target.(*ast.Name); ok {
				names = append(names, n.Id)
			}
		case *ast.FunctionDef:
			names = append(names, x.Name)
		case *ast.ClassDef:
			names = append(names, x.Name)
		case *ast.Import:
			for _, a := range x.Names {
				if a.Asname != nil {
					names = append(names, *a.Asname)
				} else {
					names = append(names, strings.SplitN(a.Name, ".", 2)[0])
				}
			}
		case *ast.ImportFrom:
			for _, a := range x.Names {
				switch {
				case a.Name == "*":
					return "*"
				case a.Asname != nil:
					names = append(names, *a.Asname)
				default:
					names = append(names, a.Name)
				}
			}
		}
		for _, n := range names {
			if b := bound(n); b != "" {
				return b
			}
		}
	}
	return ""
}
