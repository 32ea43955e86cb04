package ast

import (
	"fmt"
	"reflect"
	"testing"
)

func TestInspect(t *testing.T) {
	call := func() *Call {
		return &Call{Func: &Name{Id: "f"}, Args: []Expr{&BinOp{Left: &Name{Id: "a"}, Op: Add, Right: &Name{Id: "b"}}}}
	}
	label := func(n Node) string {
		if x, ok := n.(*Name); ok {
			return "Name " + x.Id
		}
		return reflect.TypeOf(n).Elem().Name()
	}
	tests := []struct {
		name string
		root any
		skip string // the node whose children fn skips
		want []string
	}{
		{"node", &Return{Value: call()}, "", []string{"Return", "Call", "Name f", "BinOp", "Name a", "Name b"}},
		{"skip children", &Return{Value: call()}, "BinOp", []string{"Return", "Call", "Name f", "BinOp"}},
		{"skip root", &Return{Value: call()}, "Return", []string{"Return"}},
		{"slice of statements", []Stmt{&Return{}, &ExprStmt{Value: &Name{Id: "x"}}}, "", []string{"Return", "ExprStmt", "Name x"}},
		{"nil value", &Return{}, "", []string{"Return"}},
		{"nil root", nil, "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			Inspect(tt.root, func(n Node) bool {
				got = append(got, label(n))
				return label(n) != tt.skip
			})
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("visited %v, want %v", got, tt.want)
			}
		})
	}
}
