package translate

// The request's form in translated bodies (runtime pyreq.Form, pyval.FormData):
// `form = await request.form()`, then form.multi_items(), form.getlist(key) and
// form.get(key[, default]) with str keys. A name holding the form is used only as the
// receiver of those methods. Its values are str or UploadFile (static type
// formItemType): the UploadFile operations (upload.go) apply to them, raising
// AttributeError on a str as Python does, and hasattr(value, NAME) of an attribute only
// UploadFile has tells them apart.
//
// The lists a body builds from such values are usually grouped by key in a local dict:
// out.setdefault(key, []).append(value). Mutating what setdefault returns is accepted
// when every item of the local dict is a fresh container (freshItemsBase).

import (
	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
)

// formDataType is the static type of await request.form()'s result.
var formDataType = &ir.Type{Kind: ir.KindClass, Name: "starlette.datastructures.FormData"}

// formItemType is the static type of a form's values: str or UploadFile.
var formItemType = &ir.Type{Kind: ir.KindUnion, Args: []*ir.Type{strType, {Kind: ir.KindClass, Name: uploadClassName}}}

// isFormItemType reports the static type of a form's values.
func isFormItemType(t *ir.Type) bool { return t == formItemType }

// reqFormCall compiles await request.form() (false for other calls).
func (f *fn) reqFormCall(c *ast.Call, await bool) (val, bool) {
	at, ok := c.Func.(*ast.Attribute)
	if !ok || at.Attr != "form" || !isReqType(f.staticType(at.Value)) {
		return val{}, false
	}
	if !await {
		f.refuse(c, "request.form() without await")
	}
	if len(c.Args) > 0 || len(c.Keywords) > 0 {
		f.refuse(c, "request.form() with arguments")
	}
	base := f.value(at.Value)
	return f.callVal(jen.Qual(pyreqPkg, "Form").Call(base.code), kindValue, formDataType), true
}

// checkFormUse refuses a use of a name holding the form other than as the receiver of
// one of its methods; false when t is not the form's type.
func (f *fn) checkFormUse(n *ast.Name, t *ir.Type) bool {
	if t != formDataType {
		return false
	}
	if at, ok := f.parentExpr(n).(*ast.Attribute); ok && formMethods[at.Attr] != "" {
		if c, ok := f.parentExpr(at).(*ast.Call); ok && c.Func == ast.Expr(at) {
			return true
		}
	}
	f.refuse(n, "use of the form %s (only its multi_items(), getlist() and get())", n.Id)
	return true
}

// formMethods are the form's methods a body calls, by their pyval function.
var formMethods = map[string]string{"multi_items": "FormMultiItems", "getlist": "FormGetList", "get": "FormGet"}

// formMethod compiles a method call on the form (false for other receivers).
func (f *fn) formMethod(c *ast.Call, at *ast.Attribute) (val, bool) {
	if f.staticType(at.Value) != formDataType {
		return val{}, false
	}
	fn := formMethods[at.Attr]
	if fn == "" {
		f.refuse(c, "method %s of a form", at.Attr)
	}
	if len(c.Keywords) > 0 {
		f.refuse(c, "%s() with keyword arguments", at.Attr)
	}
	base := f.value(at.Value)
	as, _ := f.args(c, at.Attr+"()")
	switch at.Attr {
	case "multi_items":
		if len(as) != 0 {
			f.refuse(c, "multi_items() with arguments")
		}
		pair := &ir.Type{Kind: ir.KindTuple, Args: []*ir.Type{strType, formItemType}}
		return f.callVal(q(fn).Call(base.code), kindValue, &ir.Type{Kind: ir.KindList, Args: []*ir.Type{pair}}), true
	case "getlist":
		if len(as) != 1 || kindOf(as[0].typ) != ir.KindStr {
			f.refuse(c, "getlist() of anything but one str key")
		}
		return f.callVal(q(fn).Call(base.code, as[0].code), kindValue, &ir.Type{Kind: ir.KindList, Args: []*ir.Type{formItemType}}), true
	}
	if len(as) < 1 || len(as) > 2 || kindOf(as[0].typ) != ir.KindStr {
		f.refuse(c, "get() of anything but a str key and a default")
	}
	def := jen.Code(jen.Nil())
	if len(as) == 2 {
		def = as[1].code
	}
	return f.callVal(q(fn).Call(base.code, as[0].code, def), kindValue, nil), true
}

// hasattrCall compiles hasattr(value, NAME) for a form value and an attribute only
// UploadFile has (false when the call is not hasattr of the builtin).
func (f *fn) hasattrCall(c *ast.Call) (val, bool) {
	n, ok := c.Func.(*ast.Name)
	if !ok || n.Id != "hasattr" || f.locals[n.Id] != nil {
		return val{}, false
	}
	if _, bound := f.mi.binds[n.Id]; bound {
		return val{}, false
	}
	if len(c.Args) != 2 || len(c.Keywords) > 0 {
		f.refuse(c, "hasattr with %d arguments", len(c.Args))
	}
	name, isConst := constStr(c.Args[1])
	if !isConst || !isFormItemType(f.staticType(c.Args[0])) || !pyvalUploadOnly(name) {
		f.refuse(c, "hasattr (only of a form's value and an attribute of UploadFile)")
	}
	v := f.value(c.Args[0])
	return f.callVal(q("FormItemHasAttr").Call(v.code, jen.Lit(name)), kindValue, boolType), true
}

// pyvalUploadOnly is pyval.UploadOnlyAttr: the attributes of UploadFile str lacks.
func pyvalUploadOnly(name string) bool {
	switch name {
	case "filename", "file", "size", "headers", "content_type", "read", "write", "seek", "close":
		return true
	}
	return false
}

// freshItemsBase compiles d.setdefault(k, []) (or {}) as the receiver of a mutation when
// d is a local dict every item of which is a fresh container: mutating one then changes
// no value the function does not own. False for other expressions.
func (f *fn) freshItemsBase(e ast.Expr) (val, bool) {
	c, ok := e.(*ast.Call)
	if !ok || len(c.Args) != 2 || len(c.Keywords) > 0 || !freshEmpty(c.Args[1]) {
		return val{}, false
	}
	at, ok := c.Func.(*ast.Attribute)
	if !ok || at.Attr != "setdefault" {
		return val{}, false
	}
	n, ok := at.Value.(*ast.Name)
	if !ok {
		return val{}, false
	}
	l := f.locals[n.Id]
	if l == nil || !l.owned || l.isParam || !f.freshItemsDict(n.Id) {
		return val{}, false
	}
	saved := f.noFreeze
	f.noFreeze = true // the default stored is a new container, as Python evaluates it
	defer func() { f.noFreeze = saved }()
	return f.value(e), true
}

// freshItemsDict reports a local name bound only to empty dict displays and otherwise
// used only to read it (return it, subscript it, get/keys/values/items) or through
// setdefault(k, <empty display>): every item it holds is a fresh container.
func (f *fn) freshItemsDict(name string) bool {
	ok := true
	isName := func(e ast.Expr) bool {
		n, is := e.(*ast.Name)
		return is && n.Id == name
	}
	allowed := map[ast.Expr]bool{}
	walkStmts(f.def.body, func(st ast.Stmt) {
		switch s := st.(type) {
		case *ast.Assign:
			for _, t := range s.Targets {
				if isName(t) {
					allowed[t] = true
					if d, isDict := s.Value.(*ast.Dict); !isDict || len(d.Keys) != 0 || len(s.Targets) != 1 {
						ok = false
					}
				}
			}
		case *ast.Return:
			if s.Value != nil && isName(s.Value) {
				allowed[s.Value] = true
			}
		case *ast.With, *ast.AsyncWith, *ast.AsyncFor, *ast.Match, *ast.FunctionDef, *ast.AsyncFunctionDef, *ast.ClassDef:
			ok = false // statements whose expressions stmtExprs does not list
		}
		for _, top := range stmtExprs(st) {
			walkExpr(top, func(x ast.Expr) {
				switch y := x.(type) {
				case *ast.Attribute:
					if !isName(y.Value) {
						return
					}
					switch y.Attr {
					case "get", "keys", "values", "items":
						allowed[y.Value] = true
					case "setdefault":
						if call, isCall := f.parentExpr(y).(*ast.Call); isCall && call.Func == ast.Expr(y) &&
							len(call.Args) == 2 && freshEmpty(call.Args[1]) && len(call.Keywords) == 0 {
							allowed[y.Value] = true
						}
					}
				case *ast.Subscript:
					if isName(y.Value) && y.Ctx == ast.Load {
						allowed[y.Value] = true
					}
				}
			})
		}
	})
	if !ok {
		return false
	}
	walkStmts(f.def.body, func(st ast.Stmt) {
		for _, top := range stmtExprs(st) {
			walkExpr(top, func(x ast.Expr) {
				if isName(x) && !allowed[x] {
					ok = false
				}
			})
		}
	})
	return ok
}

// fixedTupleItem is the static type of item i of a value of static type t unpacked into
// n targets: t's i-th item type when t is a tuple of exactly n items (nil otherwise).
func fixedTupleItem(t *ir.Type, i, n int) *ir.Type {
	if t == nil || t.Kind != ir.KindTuple || t.Variadic || len(t.Args) != n {
		return nil
	}
	return t.Args[i]
}
