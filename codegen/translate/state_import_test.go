package translate

import (
	"strings"
	"testing"
)

// TestImportRuns checks that module state a function run at import touches stays in
// Python: called at module level, applied as a decorator (to a def or a class), a method
// of a class instantiated there, a function such a function calls, a def nested in one.
func TestImportRuns(t *testing.T) {
	src := "REG = []\nSEEN = {}\nDONE = []\nLATER = {}\nLOG = []\nNEST = []\n\n" +
		"def registered(func):\n    REG.append(func.__name__)\n    return func\n\n" +
		"def note(k):\n    SEEN[k] = 1\n\n" +
		"def setup():\n    note('a')\n\n" +
		"class Svc:\n    def __init__(self):\n        DONE.append(1)\n\n" +
		"def wrap(func):\n    def inner():\n        NEST.append(1)\n    return inner\n\n" +
		"def later(k):\n    LATER[k] = 1\n    LOG.append(k)\n\n" +
		"@registered\ndef f():\n    return 1\n\n" +
		"@wrap\ndef g():\n    return 2\n\n" +
		"setup()\nsvc = Svc()\n"
	prog, app := loadStateModule(t, src)
	got := map[string]string{}
	for _, v := range NewUnit(prog, Names{}).StateVars(app) {
		if strings.HasPrefix(v.Key, "m.") {
			got[v.Key] = v.Why
		}
	}
	for _, k := range []string{"m.REG", "m.SEEN", "m.DONE", "m.NEST"} {
		if !strings.Contains(got[k], "calls a function using it") {
			t.Errorf("%s: why %q, want it kept for a function run at import", k, got[k])
		}
	}
	for _, k := range []string{"m.LATER", "m.LOG"} {
		if w, ok := got[k]; !ok || w != "" {
			t.Errorf("%s: why %q (present %v), want it free to live in Go", k, w, ok)
		}
	}
}
