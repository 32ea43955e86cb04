package ast

import "reflect"

var nodeType = reflect.TypeOf((*Node)(nil)).Elem()

// Inspect calls fn for every node reachable from n (n included when it is one): depth
// first, children in field order; fn returning false skips that node's children. n may
// be a node, a slice of nodes ([]Stmt, []Expr) or any value holding them.
func Inspect(n any, fn func(Node) bool) {
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Interface:
			if !v.IsNil() {
				walk(v.Elem())
			}
		case reflect.Pointer:
			if v.IsNil() {
				return
			}
			if v.Type().Implements(nodeType) && !fn(v.Interface().(Node)) {
				return
			}
			if v.Elem().Kind() == reflect.Struct {
				walk(v.Elem())
			}
		case reflect.Struct:
			for i := 0; i < v.NumField(); i++ {
				walk(v.Field(i))
			}
		case reflect.Slice:
			for i := 0; i < v.Len(); i++ {
				walk(v.Index(i))
			}
		}
	}
	walk(reflect.ValueOf(n))
}
