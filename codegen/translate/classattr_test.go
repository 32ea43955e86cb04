package translate

import (
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"
)

// TestClassAttrVars checks which class attributes are state, who may touch them, and why
// some stay in Python.
func TestClassAttrVars(t *testing.T) {
	for _, tt := range []struct {
		name, src string
		want      []string
	}{
		{"touchers", "class Repo:\n    rows = {}\n    n = 1\n\n    def add(self, k):\n        self.rows[k] = 1\n\n" +
			"def f(k):\n    r = Repo()\n    return r\n\ndef g(x):\n    return x.n\n\ndef h(x):\n    return x\n",
			[]string{"m.Repo.rows m:12:1,m:5:5,m:8:1 ", "m.Repo.n m:12:1,m:5:5,m:8:1 "}},
		{"import time use", "class Repo:\n    rows = {}\n\nR = Repo()\n\ndef f():\n    return R\n",
			[]string{"m.Repo.rows  code run at import (m.py:4:1) uses class Repo"}},
		{"annotated alias", "from typing import Annotated\nfrom fastapi import Depends\nclass Repo:\n    rows = {}\n\ndef get():\n    return Repo()\n\nDep = Annotated[Repo, Depends(get)]\n",
			[]string{"m.Repo.rows m:6:1 "}},
		{"subclass", "class Repo:\n    rows = {}\n\nclass Sub(Repo):\n    pass\n",
			[]string{"m.Repo.rows  code run at import (m.py:4:1) uses class Repo"}},
		{"not a constant", "def mk():\n    return {}\n\nclass Repo:\n    rows = mk()\n",
			[]string{"m.Repo.rows  the value of class attribute Repo.rows is not a constant"}},
		{"a module-level object", "DEFAULT = []\n\nclass Repo:\n    rows = DEFAULT\n",
			[]string{"m.Repo.rows  the value of class attribute Repo.rows is not a constant"}},
	} {
		prog, app := loadStateModule(t, tt.src)
		var got []string
		for _, v := range NewUnit(prog, Names{}).StateVars(app) {
			if strings.HasPrefix(v.Key, "m.Repo.") {
				got = append(got, v.Key+" "+strings.Join(v.Touchers, ",")+" "+v.Why)
			}
		}
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("%s: StateVars:\n%s\nwant:\n%s", tt.name, strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
		}
	}
}

// TestClassAttrRefusals checks what stays refused of class attributes.
func TestClassAttrRefusals(t *testing.T) {
	const repo = "class Repo:\n    rows = {}\n    n = 0\n\n"
	for _, tt := range []struct{ src, want string }{
		{repo + "def f(k):\n    r = Repo()\n    cls = type(r)\n    return cls\n", "m.py:8:12: cannot translate use of cls (the class Repo) other than reading or assigning its class attributes"},
		{repo + "def f(k):\n    r = Repo()\n    return r.kept\n", "m.py:8:12: cannot translate use of Repo.kept (module state kept in Python because m.py:1:1: reason)"},
		{repo + "def f(k):\n    r = Repo()\n    cls = type(r)\n    cls.n += 1\n    Repo.n = cls.n * 2\n    return [r.n, r.rows, len(Repo.rows)]\n", ""},
		{"class Repo:\n    __slots__ = ()\n\ndef f(k):\n    return Repo()\n", "m.py:5:12: cannot translate call of Repo (class Repo (class attribute __slots__))"},
		{"class Repo:\n    n = 0\n    def n(self):\n        return 1\n\ndef f(k):\n    return Repo()\n", "m.py:7:12: cannot translate call of Repo (class Repo (defines n twice))"},
	} {
		src := strings.Replace(tt.src, "    n = 0\n", "    n = 0\n    kept = 1\n", 1)
		if !strings.Contains(tt.src, "kept") {
			src = tt.src
		}
		prog, app := loadStateModule(t, src)
		u := NewUnit(prog, Names{})
		u.SetState([]string{"m.Repo.rows", "m.Repo.n"})
		u.SetStateKept(map[string]string{"m.Repo.kept": "m.py:1:1: reason"})
		var got string
		for _, st := range prog.Modules["m"].File.Module.Body {
			if d := asDef(st); d != nil && d.name == "f" {
				_, diags := Func(st, &Scope{Vars: map[string]Var{"k": {Go: jen.Id("k")}}, App: app, Module: "m", Unit: u})
				for _, dg := range diags {
					got = dg.String()
				}
			}
		}
		if got != tt.want {
			t.Errorf("%q:\n got %q\nwant %q", src, got, tt.want)
		}
	}
}
