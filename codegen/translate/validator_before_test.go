package translate

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	jen "github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
)

// beforeCases are before field validators of a field x: list[str], each run on inputs.
var beforeCases = []struct{ name, src string }{
	{"split a str", `
    @field_validator("x", mode="before")
    @classmethod
    def split_words(cls, v):
        if isinstance(v, str):
            return v.split(",")
        return v`},
	{"conditions and results", `
    @field_validator("x", mode="before")
    @classmethod
    def f(cls, value):
        """Docstring."""
        if value is None:
            return ["none", "at all"]
        if isinstance(value, list) and not isinstance(value, str):
            return []
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            raise ValueError("numbers are not words")
        if isinstance(value, bool):
            return "yes"
        assert not isinstance(value, dict), "no objects"
        if isinstance(value, str):
            if isinstance(value, str) and value is not None:
                return value.strip().lower().split()
            return value
        if isinstance(value, type(None)) or isinstance(value, list):
            return value
        return 1`},
	{"split comprehension", `
    @field_validator("x", mode="before")
    @classmethod
    def split_commas(cls, value):
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return value`},
	{"split comprehension without if", `
    @field_validator("x", mode="before")
    @classmethod
    def f(cls, v):
        if isinstance(v, str):
            return [w.upper()[:3] for w in v.strip().split()]
        if isinstance(v, list):
            return v
        return ["a", "b"]`},
}

var beforeInputs = []string{`"a,b,,c"`, `""`, `"  Hello  World "`, `["x", "y"]`, `[1, "y"]`, `null`, `3`, `2.5`, `true`, `false`, `{"a": 1}`, `"\u00e9,\u4e2d"`, `[]`, `" a , ,b,  "`, `"\u00e9l\u00e8ve  ma\u00eetre\tstra\u00dfe"`}

// TestBeforeFieldValidatorDifferential runs each before validator in pydantic (python3)
// and, translated, in Go, and compares the result (as JSON) or the error of every input.
func TestBeforeFieldValidatorDifferential(t *testing.T) {
	if _, err := exec.LookPath("python3"); err != nil {
		t.Fatal("python3 is needed: it computes the expected results")
	}
	var py strings.Builder
	py.WriteString("import json\nfrom pydantic import BaseModel, field_validator\nres = []\n")
	inputs, _ := json.Marshal(beforeInputs)
	for i, c := range beforeCases {
		fmt.Fprintf(&py, "class M%d(BaseModel):\n    x: list[str] = []\n%s\n", i, c.src)
		fn := parseValidator(t, c.src)
		fmt.Fprintf(&py, "for s in json.loads(%q):\n    try:\n        res.append(['ok', json.dumps(M%d.%s(json.loads(s)), separators=(',', ':'))])\n"+
			"    except (ValueError, AssertionError) as e:\n        k = type(e).__name__\n        res.append([{'ValueError': 'value_error', 'AssertionError': 'assertion_error'}[k], {'ValueError': 'Value error, ', 'AssertionError': 'Assertion failed, '}[k] + str(e)])\n", string(inputs), i, fn.Name)
	}
	py.WriteString("print(json.dumps(res))\n")
	cmd := exec.Command("python3", "-")
	cmd.Stdin = strings.NewReader(py.String())
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("python3: %v\n%s", err, out)
	}
	var want [][]string
	if err := json.Unmarshal(out, &want); err != nil {
		t.Fatalf("python3 output %s: %v", out, err)
	}

	gf := jen.NewFile("main")
	var calls []jen.Code
	for i, c := range beforeCases {
		fn := parseValidator(t, c.src)
		body, err := BeforeFieldValidator(fn, func(n ast.Node) ir.Pos { return ir.Pos{File: "m.py"} })
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		name := fmt.Sprintf("v%d", i)
		gf.Func().Id(name).Params(jen.Id("v").Qual(pyvalPkg, "Value")).Params(jen.Qual(pyvalPkg, "Value"), jen.Op("*").Qual(pkgValidateRT, "Error")).Block(body...)
		calls = append(calls, jen.Id(name))
	}
	var lits []jen.Code
	for _, s := range beforeInputs {
		lits = append(lits, jen.Lit(s))
	}
	fnType := jen.Func().Params(jen.Qual(pyvalPkg, "Value")).Params(jen.Qual(pyvalPkg, "Value"), jen.Op("*").Qual(pkgValidateRT, "Error"))
	gf.Func().Id("main").Params().Block(
		jen.Var().Id("res").Index().Index().String(),
		jen.For(jen.List(jen.Id("_"), jen.Id("f")).Op(":=").Range().Index().Add(fnType).Values(calls...)).Block(
			jen.For(jen.List(jen.Id("_"), jen.Id("s")).Op(":=").Range().Index().String().Values(lits...)).Block(
				jen.List(jen.Id("doc"), jen.Id("_")).Op(":=").Qual("github.com/covetpy/covetgen/runtime/pyjson", "Parse").Call(jen.Index().Byte().Parens(jen.Id("s"))),
				jen.List(jen.Id("r"), jen.Id("e")).Op(":=").Id("f").Call(jen.Qual(pyvalPkg, "FromJSON").Call(jen.Id("doc").Dot("Root").Call())),
				jen.If(jen.Id("e").Op("!=").Nil()).Block(
					jen.Id("res").Op("=").Append(jen.Id("res"), jen.Index().String().Values(jen.Id("e").Dot("Type"), jen.Id("e").Dot("Msg"))),
					jen.Continue(),
				),
				jen.List(jen.Id("j"), jen.Id("_")).Op(":=").Qual(pyvalPkg, "JSONDumps").Call(jen.Id("r"), jen.Qual(pyvalPkg, "DumpsOptions").Values(jen.Dict{
					jen.Id("Separators"): jen.Qual(pyvalPkg, "Tuple").Values(jen.Qual(pyvalPkg, "Str").Call(jen.Lit(",")), jen.Qual(pyvalPkg, "Str").Call(jen.Lit(":"))),
				})),
				jen.Id("res").Op("=").Append(jen.Id("res"), jen.Index().String().Values(jen.Lit("ok"), jen.String().Call(jen.Id("j").Assert(jen.Qual(pyvalPkg, "Str"))))),
			),
		),
		jen.List(jen.Id("b"), jen.Id("_")).Op(":=").Qual("encoding/json", "Marshal").Call(jen.Id("res")),
		jen.Qual("fmt", "Println").Call(jen.String().Call(jen.Id("b"))),
	)
	dir := t.TempDir()
	root, _ := filepath.Abs("../..")
	gomod := "module valdiff\n\ngo 1.24\n\nrequire github.com/covetpy/covetgen v0.0.0\n\nreplace github.com/covetpy/covetgen => " + root + "\n"
	os.WriteFile(filepath.Join(dir, "go.mod"), []byte(gomod), 0o644)
	if sum, err := os.ReadFile(filepath.Join(root, "go.sum")); err == nil {
		os.WriteFile(filepath.Join(dir, "go.sum"), sum, 0o644)
	}
	os.WriteFile(filepath.Join(dir, "main.go"), []byte(fmt.Sprintf("%#v", gf)), 0o644)
	run := exec.Command("go", "run", ".")
	run.Dir = dir
	run.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off")
	gout, err := run.CombinedOutput()
	if err != nil {
		t.Fatalf("go run: %v\n%s\n%#v", err, gout, gf)
	}
	var got [][]string
	if err := json.Unmarshal(gout, &got); err != nil {
		t.Fatalf("go output %s: %v", gout, err)
	}
	if len(got) != len(want) {
		t.Fatalf("got %d results, want %d", len(got), len(want))
	}
	for i := range want {
		if strings.Join(got[i], "\x00") != strings.Join(want[i], "\x00") {
			c := beforeCases[i/len(beforeInputs)]
			t.Errorf("%s, input %s: go %q, pydantic %q", c.name, beforeInputs[i%len(beforeInputs)], got[i], want[i])
		}
	}
}

// TestBeforeFieldValidatorRefusals checks constructs outside the subset are refused with
// their position.
func TestBeforeFieldValidatorRefusals(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"str method without isinstance", "    def f(cls, v):\n        return v.split(',')\n", "validator result"},
		{"call", "    def f(cls, v):\n        return str(v)\n", "validator result"},
		{"isinstance of a class", "    def f(cls, v):\n        if isinstance(v, tuple):\n            return v\n        return v\n", "isinstance with tuple"},
		{"no return at the end", "    def f(cls, v):\n        if v is None:\n            return v\n", "only `return` ends"},
		{"else", "    def f(cls, v):\n        if v is None:\n            return v\n        else:\n            return 1\n", "with else"},
		{"split with an empty separator", "    def f(cls, v):\n        if isinstance(v, str):\n            return v.split('')\n        return v\n", "argument of split"},
		{"info parameter", "    def f(cls, v, info):\n        return v\n", "parameters other than (cls, value)"},
		{"comprehension over another iterable", "    def f(cls, v):\n        if isinstance(v, str):\n            return [p for p in v]\n        return v\n", "comprehension iterable"},
		{"comprehension using the value", "    def f(cls, v):\n        if isinstance(v, str):\n            return [v for p in v.split()]\n        return v\n", "str expression in a validator"},
		{"two for clauses", "    def f(cls, v):\n        if isinstance(v, str):\n            return [p for p in v.split() for q in v.split()]\n        return v\n", "only one for clause"},
	} {
		fn := parseValidator(t, tc.src)
		_, err := BeforeFieldValidator(fn, func(n ast.Node) ir.Pos { return ir.Pos{File: "m.py", Line: 1, Col: 1} })
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "m.py:1:1: cannot translate") {
			t.Errorf("%s: err = %v, want %q", tc.name, err, tc.want)
		}
	}
}
