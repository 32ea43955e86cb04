package codegen

import (
	"strings"
	"testing"
)

// TestClassDependencies checks that class dependencies and callable instances are
// generated natively (a constructor running the translated __init__, a __call__ with the
// instance's constant attributes) or refused with the reason. Their behaviour is proved
// against FastAPI by migrate's TestE2E (dependencies, forms_files) and against CPython by
// translate's differential snippets (instances.snip).
func TestClassDependencies(t *testing.T) {
	const head = "from typing import Annotated\nfrom fastapi import FastAPI, Depends\napp = FastAPI()\n"
	tests := []struct {
		name, src string
		want      []string // in the generated files, or (refused) in a refusal
		refused   bool
	}{
		{"class", "class P:\n    def __init__(self, page: int = 1):\n        self.page = page\n@app.get('/')\ndef f(p: Annotated[P, Depends()]):\n    return p.page\n",
			[]string{"func py_new_P(page pyval.Value) (pyval.Value, error) {", `self := pyval.NewInstance("P")`, `pyval.InstSetAttr(self, "page", page)`, `pyval.InstGetAttr(p, "page")`}, false},
		{"no init", "class P:\n    def one(self):\n        return 1\n@app.get('/')\ndef f(p: P = Depends()):\n    return p.one()\n",
			[]string{"func py_new_P() (pyval.Value, error) {", "pyfn_main_P_one(p)"}, false},
		{"callable instance", "class C:\n    def __init__(self, n: int):\n        self.n = n\n    def __call__(self, q: int = 0):\n        return q + self.n\nc = C(5)\n@app.get('/')\ndef f(v: int = Depends(c)):\n    return v\n",
			[]string{"func py_C___call__(q pyval.Value) (pyval.Value, error) {", `Attrs: pyval.DictOf(pyval.Str("n"), pyval.Int`}, false},
		{"base class", "class B:\n    pass\nclass P(B):\n    def __init__(self, page: int = 1):\n        self.page = page\n@app.get('/')\ndef f(p: Annotated[P, Depends()]):\n    return p.page\n",
			[]string{"main.py:10:23: cannot translate class dependency P (class P (it has base classes))"}, true},
		{"instance returned", "class P:\n    def __init__(self, page: int = 1):\n        self.page = page\n@app.get('/')\ndef f(p: Annotated[P, Depends()]):\n    return p\n",
			[]string{"main.py:9:12: cannot translate use of p (an instance of P) other than reading or assigning its attributes"}, true},
		{"computed instance", "class C:\n    def __init__(self, n: int):\n        self.n = n * 2\n    def __call__(self):\n        return self.n\n@app.get('/')\ndef f(v: int = Depends(C(2))):\n    return v\n",
			[]string{"cannot translate callable instance dependency C (C.__init__ (it stores an expression: only parameters and literals are evaluated at generation time))"}, true},
		{"call mutates", "class C:\n    def __init__(self, n: int):\n        self.n = n\n    def __call__(self):\n        self.n = 1\n        return self.n\n@app.get('/')\ndef f(v: int = Depends(C(2))):\n    return v\n",
			[]string{"main.py:8:9: cannot translate assignment to attribute n of self (an instance the function does not own)"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, rs := generate(t, head+tt.src)
			var got strings.Builder
			for _, r := range rs {
				got.WriteString(r.String() + "\n")
			}
			if tt.refused { // the route is bridged: Analyze says why
				for _, ra := range analyze(t, head+tt.src).Routes {
					for _, r := range ra.Refusals {
						got.WriteString(r.String() + "\n")
					}
				}
			}
			if !tt.refused { // a refused route is bridged: the refusal says why
				if out == nil {
					t.Fatalf("refused:\n%s", got.String())
				}
				got.Reset()
				for _, b := range out.Files {
					got.Write(b)
				}
			}
			for _, w := range tt.want {
				if !strings.Contains(got.String(), w) {
					t.Errorf("missing %q in:\n%s", w, got.String())
				}
			}
		})
	}
}

// analyze runs Analyze over a main.py holding src.
func analyze(t *testing.T, src string) *Analysis {
	t.Helper()
	loaded := loadSource(t, src)
	app, prog := loaded.App, loaded.Prog
	return Analyze(Input{App: app, Prog: prog, Command: "svc"})
}
