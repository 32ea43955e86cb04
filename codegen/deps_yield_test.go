package codegen

import (
	"strings"
	"testing"
)

// TestYieldDependencies checks how yield dependencies are generated natively: the route
// written as a wrapper running its body between pygen.Begin and Stack.End (with the
// module state mutex when a function touches state), each generator entered once per
// request and scope (use_cache), scope="function" ones marked, and a generator that does
// not translate bridged with the reason. Their behaviour is proved against FastAPI by
// migrate's TestE2E (dependencies) and against CPython by translate's
// TestYieldDifferential.
func TestYieldDependencies(t *testing.T) {
	const head = "from typing import Annotated\nfrom fastapi import FastAPI, Depends\napp = FastAPI()\n"
	tests := []struct {
		name, src string
		want      []string // in the generated files, or (refused) in a refusal
		refused   bool
	}{
		{"request scope", "def db():\n    yield {'n': 1}\n@app.get('/')\ndef f(a: Annotated[dict, Depends(db)], b: Annotated[dict, Depends(db)]):\n    return [a, b]\n",
			[]string{
				"func py_db(yield func(pyval.Value) error) (pyval.Value, error) {",
				"gens := pygen.Begin(rq.HTTP.Context(), nil)",
				"defer gens.Abandon()",
				"return gens.End(out, handleFBody(rq, out, gens))",
				"func handleFBody(rq *request.Request, out *response.Out, gens *pygen.Stack) error {",
				"gens.Enter(false, func(yield func(pyval.Value) error) error {",
				"if cachedDb != nil {",
			}, false},
		{"function scope and state", "LOG = []\ndef audit(x: int = 0):\n    LOG.append(x)\n    yield 'a'\n    LOG.append(-x)\n@app.get('/')\ndef f(a: Annotated[str, Depends(audit, scope='function')]):\n    return {'a': a, 'n': len(LOG)}\n",
			[]string{"gens := pygen.Begin(rq.HTTP.Context(), &pyc_state_mu)", "gens.Enter(true, func(yield func(pyval.Value) error) error {", "_, err := py_audit(yield, x2)"}, false},
		{"instance yielded", "class S:\n    def __init__(self, n: str):\n        self.n = n\n        self.closed = False\nasync def s():\n    v = S('x')\n    try:\n        yield v\n    finally:\n        v.closed = True\n@app.get('/')\ndef f(v: Annotated[S, Depends(s)]):\n    return {'n': v.n, 'closed': v.closed}\n",
			[]string{"_t1, err := pyfn_main_S_new(pyval.Str(\"x\"))", `pyval.InstGetAttr(v, "closed")`, `pyval.InstSetAttr(v, "closed", pyval.True)`}, false},
		{"yield in a loop", "def db():\n    for i in range(2):\n        yield i\n@app.get('/')\ndef f(a: int = Depends(db)):\n    return a\n",
			[]string{"main.py:6:9: cannot translate yield inside a loop"}, true},
		{"response parameter", "from fastapi import Response\ndef db(response: Response):\n    yield 1\n    response.status_code = 201\n@app.get('/')\ndef f(a: int = Depends(db)):\n    return a\n",
			[]string{"main.py:5:8: cannot translate response parameter response of the yield dependency db"}, true},
		{"method", "class R:\n    def gen(self):\n        yield 1\nr = R()\n@app.get('/')\ndef f(a: int = Depends(r.gen)):\n    return a\n",
			[]string{"main.py:5:5: cannot translate parameter self of dependency gen"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, rs := generate(t, head+tt.src)
			var got strings.Builder
			for _, r := range rs {
				got.WriteString(r.String() + "\n")
			}
			if tt.refused {
				for _, ra := range analyze(t, head+tt.src).Routes {
					for _, r := range ra.Refusals {
						got.WriteString(r.String() + "\n")
					}
				}
			} else {
				if out == nil || out.Routes != 1 {
					t.Fatalf("not generated natively:\n%s", got.String())
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
