package codegen

import (
	"testing"

	"github.com/covetpy/covetgen/parser"
)

func TestShadowsBuiltinExc(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"import os\nx = 1\n", ""},
		{"ValueError = KeyError\n", "ValueError"},
		{"from errors import AssertionError\n", "AssertionError"},
		{"from errors import *\n", "*"},
		{"class ValueError(Exception):\n    pass\n", "ValueError"},
		{"import errors as ValueError\n", "ValueError"},
		{"def f():\n    ValueError = 1\n", ""},
	} {
		f, err := parser.ParseFile("m.py", []byte(tc.src))
		if err != nil {
			t.Fatal(err)
		}
		if got := shadowsBuiltinExc(f.Module.Body); got != tc.want {
			t.Errorf("%q: got %q, want %q", tc.src, got, tc.want)
		}
	}
}
