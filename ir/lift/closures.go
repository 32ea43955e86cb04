package lift

import (
	"reflect"

	"github.com/covetpy/covetgen/parser/ast"
)

// Closures. A def run inside a function call (a dependency factory, a decorator) makes a
// function whose body may read the enclosing function's locals: the factory's arguments,
// the decorated function. Translated alone, such a body would read a module global or a
// builtin of the same name instead, or nothing; so a closure that uses a name an
// enclosing function binds gets its Python qualified name ("factory.<locals>.dep") as its
// ir.Callable's name, which no def statement has: the code generator does not translate
// it and the bridge runs it (by its route).

// qualName is f's __qualname__: "Class.name" for a method, "outer.<locals>.name" for a
// def run in a call of outer.
func (f *funcObj) qualName() string {
	switch {
	case f.qual != "":
		return f.qual
	case f.cls != nil:
		return f.cls.def.Name + "." + f.name
	}
	return f.name
}

// usesEnclosing reports whether the body of f names something a function it is defined
// in binds (a parameter or a local of the call that ran the def), other than f's own
// parameters. Conservative: a name both the closure assigns and the enclosing function
// binds counts.
func (f *funcObj) usesEnclosing() bool {
	if f.serial == 0 || f.scope == nil {
		return false
	}
	outer := map[string]bool{}
	for s := f.scope; s != nil && s != f.ms.globals; s = s.parent {
		for n := range s.names {
			outer[n] = true
		}
	}
	if len(outer) == 0 {
		return false
	}
	for _, n := range funcParamNames(f) {
		delete(outer, n)
	}
	if f.args.Vararg != nil {
		delete(outer, f.args.Vararg.Arg)
	}
	if f.args.Kwarg != nil {
		delete(outer, f.args.Kwarg.Arg)
	}
	found := false
	for _, st := range f.body {
		walkNames(reflect.ValueOf(st), func(id string) {
			found = found || outer[id]
		})
	}
	return found
}

// walkNames calls f with the identifier of every ast.Name in the syntax tree v.
func walkNames(v reflect.Value, f func(string)) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			walkNames(v.Elem(), f)
		}
	case reflect.Struct:
		if v.Type() == reflect.TypeFor[ast.Name]() {
			f(v.Interface().(ast.Name).Id)
			return
		}
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				walkNames(v.Field(i), f)
			}
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			walkNames(v.Index(i), f)
		}
	}
}
