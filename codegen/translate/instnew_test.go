package translate

import (
	"strings"
	"testing"
)

// TestInstNewRefusals checks what instance construction in a body refuses, and where
// (translateSnippet: m.py, after the two prelude lines). Its behaviour is checked against
// CPython by the differential snippets of instnew.snip.
func TestInstNewRefusals(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"class attribute in Python", "class C:\n    x = 1\n\ndef f():\n    c = C()\n    return c.x\n",
			"m.py:8:12: cannot translate use of C.x (a class attribute living in Python)"},
		{"construction returned", "class C:\n    pass\n\ndef f():\n    return C()\n",
			"m.py:7:12: cannot translate construction of C other than assigned to a name (its type would be lost)"},
		{"construction in a display", "class C:\n    pass\n\ndef f():\n    x = [C()]\n    return 1\n",
			"m.py:7:10: cannot translate construction of C other than assigned to a name (its type would be lost)"},
		{"construction into module state", "class C:\n    pass\n\nX = None\n\ndef f():\n    global X\n    X = C()\n    return 1\n",
			"cannot translate"},
		{"class statement", "class C:\n    print(1)\n\ndef f():\n    c = C()\n    return 1\n",
			"m.py:7:9: cannot translate call of C (class C (a statement other than a method in its body))"},
		{"too many arguments", "class C:\n    def __init__(self, a):\n        self.a = a\n\ndef f():\n    c = C(1, 2)\n    return c.a\n",
			"m.py:8:9: cannot translate call of C.__init__ (too many positional arguments)"},
		{"no init with arguments", "class C:\n    pass\n\ndef f():\n    c = C(1)\n    return 1\n",
			"m.py:7:9: cannot translate call of C with arguments (it has no __init__)"},
		{"init mutates an argument", "class C:\n    def __init__(self, xs):\n        xs.append(1)\n        self.xs = xs\n\ndef f():\n    c = C([])\n    return c.xs\n",
			"cannot translate call of C (m.py:5:9: cannot translate mutation of xs"},
		{"assignment through an alias", "class C:\n    def __init__(self):\n        self.a = 1\n\ndef f():\n    c = C()\n    d = c\n    d.a = 2\n    return c.a\n",
			"cannot translate use of c (an instance of C) other than reading or assigning its attributes"},
		{"instance returned", "class C:\n    def __init__(self):\n        self.a = 1\n\ndef f():\n    c = C()\n    return c\n",
			"m.py:9:12: cannot translate use of c (an instance of C) other than reading or assigning its attributes"},
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
