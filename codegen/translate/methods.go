package translate

import (
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/parser/ast"
)

// constStr returns the value of a str literal.
func constStr(e ast.Expr) (string, bool) {
	c, ok := e.(*ast.Constant)
	if !ok {
		return "", false
	}
	s, ok := c.Value.(ast.Str)
	return string(s), ok
}

// listSort compiles xs.sort(key=..., reverse=...) on a list the function owns.
func (f *fn) listSort(c *ast.Call, at *ast.Attribute) val {
	recv := f.ownedBase(at.Value)
	if len(c.Args) > 0 {
		f.refuse(c, "sort() with positional arguments")
	}
	var key ast.Expr
	stripped := *c
	stripped.Keywords = nil
	for _, k := range c.Keywords {
		if k != nil && k.Arg != nil && *k.Arg == "key" {
			key = k.Value
			continue
		}
		stripped.Keywords = append(stripped.Keywords, k)
	}
	_, kw := f.args(&stripped, "sort()", "reverse")
	var keyCode jen.Code = jen.Nil()
	if key != nil {
		keyCode = f.keyFunc(key, iterItemType(recv.typ))
	}
	var rev jen.Code = jen.Nil()
	if r, ok := kw["reverse"]; ok {
		rev = r.code
	}
	return f.callVal(q("ListSort").Call(recv.code, keyCode, rev), kindValue, noneType)
}

// delStmt is del of locals and of items of dicts and lists the function owns.
func (f *fn) delStmt(s *ast.Delete) {
	for _, t := range s.Targets {
		switch x := t.(type) {
		case *ast.Name:
			l := f.locals[x.Id]
			if l == nil || f.compVars[x.Id] != "" {
				f.refuse(x, "del of %s (not a local)", x.Id)
			}
			if !f.assigned[x.Id] {
				l.used = true
				f.emit(jen.If(jen.Id(l.goName).Op("==").Nil()).Block(f.raiseTo(q("Unbound").Call(jen.Lit(x.Id)))...))
			}
			if l.read {
				f.emit(jen.Id(l.goName).Op("=").Nil())
			}
			delete(f.assigned, x.Id)
			f.types[x.Id] = nil
		case *ast.Subscript:
			if _, isSlice := x.Slice.(*ast.Slice); isSlice {
				f.refuse(x, "del of a slice")
			}
			base := f.ownedBase(x.Value)
			key := f.seq([]ast.Expr{x.Slice}, f.value)[0]
			f.errOnly(q("DelItem").Call(base.code, key.code))
		default:
			f.refuse(t, "del of %s", exprName(t))
		}
	}
}

// knownEncoding reports whether an encoding name spells UTF-8 or ASCII, the codecs the
// runtime's encode() and decode() implement.
func knownEncoding(name string) bool {
	switch strings.NewReplacer("-", "_", " ", "_").Replace(strings.ToLower(name)) {
	case "utf_8", "utf8", "u8", "utf", "ascii", "us_ascii", "646":
		return true
	}
	return false
}
