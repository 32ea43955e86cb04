package translate

import (
	"strings"
	"testing"
)

// TestInstArgsRefusals checks instances passed to functions (instargs.go); what translates
// is compared with CPython by instargs.snip.
func TestInstArgsRefusals(t *testing.T) {
	const cls = "class C:\n    def __init__(self):\n        self.a = 1\n\n"
	tests := []struct{ name, src, want string }{
		{"unannotated parameter", cls + "def g(x):\n    return 1\n\ndef f():\n    c = C()\n    return g(c)\n",
			"m.py:12:12: cannot translate call of g (an instance of C passed to x, not annotated with that class)"},
		{"other class", cls + "class D:\n    pass\n\ndef g(x: D):\n    return 1\n\ndef f():\n    c = C()\n    return g(c)\n",
			"m.py:15:12: cannot translate call of g (an instance of C passed to x, not annotated with that class)"},
		{"builtin", cls + "def f():\n    c = C()\n    return len(c)\n",
			"m.py:9:16: cannot translate use of c (an instance of C) other than reading or assigning its attributes"},
		{"helper uses it as a value", cls + "def g(x: C):\n    return [x]\n\ndef f():\n    c = C()\n    return g(c)\n",
			"cannot translate use of x (an instance of C) other than reading or assigning its attributes"},
		{"helper assigns it", cls + "def g(x: C):\n    x.a = 2\n\ndef f():\n    c = C()\n    return g(c)\n",
			"cannot translate assignment to attribute a of x (an instance the function does not own)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := translateSnippet(t, tt.src, nil)
			if len(diags) != 1 || !strings.Contains(diags[0].String(), tt.want) {
				t.Fatalf("diags %v, want one containing %q", diags, tt.want)
			}
		})
	}
}
