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
	"github.com/covetpy/covetgen/parser"
	"github.com/covetpy/covetgen/parser/ast"
)

// validatorCases are field validators of a str field x, each checked on inputs.
var validatorCases = []struct {
	name, src string
}{
	{"assert with message", `
    @field_validator("x")
    @classmethod
    def check(cls, v: str) -> str:
        assert "/" not in v, "name must not contain a slash"
        return v`},
	{"assert without message", `
    @field_validator("x")
    @classmethod
    def check(cls, v):
        """Docstring."""
        assert v
        return v`},
	{"transforms", `
    @field_validator("x")
    @classmethod
    def check(cls, v):
        assert "x" not in v, "no x"
        return v.strip().replace(" ", "").upper().removeprefix("A").lower().rstrip("-").lstrip()`},
	{"raise ValueError", `
    @field_validator("x")
    @classmethod
    def check(cls, value):
        if "@" not in value:
            raise ValueError("email must contain @")
        if value.startswith("-") or value.endswith("-"):
            raise ValueError("no dashes at the ends")
        if not (value != "root@x" and "é" not in value):
            raise AssertionError("reserved")
        if value == "a@b":
            raise ValueError()
        return value`},
	{"slices and predicates", `
    @field_validator("x")
    @classmethod
    def check(cls, v: str) -> str:
        if not v[:2].isalpha():
            raise ValueError("IBAN must start with a country code")
        if len(v) > 12 or len(v[-3:]) < 1:
            raise ValueError("length")
        if v[1:-1].strip().isdecimal() or not v.lower()[::].isascii() and v[-20:3].endswith("b"):
            raise AssertionError("odd")
        return v.replace(" ", "").upper()`},
}

var validatorInputs = []string{"", "a", "a/b", "a@b", "-a@b", "a@b-", "root@x", "é@x", "ok@example.com", "\u00e9/\u4e2d",
	"  straße ΣΑΣ ", "\u2003a b\u00a0", "Abc--", "İx", "ǅ ﬁ", "de89 3704 0044", "1234567890123456", "ab٣٤c", "é中b", "aé12b"}

// TestStrFieldValidatorDifferential runs each validator in pydantic (python3) and, translated,
// in Go, and compares the error type and message, or the resulting value, of every input.
func TestStrFieldValidatorDifferential(t *testing.T) {
	if _, err := exec.LookPath("python3"); err != nil {
		t.Fatal("python3 is needed: it computes the expected results")
	}
	// Python: one model per case.
	var py strings.Builder
	py.WriteString("import json\nfrom pydantic import BaseModel, ValidationError, field_validator\nres = []\n")
	inputs, _ := json.Marshal(validatorInputs)
	for i, c := range validatorCases {
		fmt.Fprintf(&py, "class M%d(BaseModel):\n    x: str\n%s\n", i, c.src)
		fmt.Fprintf(&py, "for s in json.loads(%q):\n    try:\n        res.append(['ok', M%d.model_validate_json(json.dumps({'x': s})).x])\n"+
			"    except ValidationError as e:\n        er = e.errors()[0]\n        res.append([er['type'], er['msg'], er['input']])\n", string(inputs), i)
	}
	py.WriteString("print(json.dumps(res))\n")
	cmd := exec.Command("python3", "-")
	cmd.Stdin = strings.NewReader(py.String())
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("python3: %v\n%s", err, out)
	}
	var want []any
	if err := json.Unmarshal(out, &want); err != nil {
		t.Fatalf("python3 output %s: %v", out, err)
	}

	// Go: the translated validators, run on the same inputs.
	gf := jen.NewFile("main")
	var calls []jen.Code
	for i, c := range validatorCases {
		fn := parseValidator(t, c.src)
		body, err := StrFieldValidator(fn, func(n ast.Node) ir.Pos { return ir.Pos{File: "m.py"} })
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		name := fmt.Sprintf("v%d", i)
		gf.Func().Id(name).Params(jen.Id("v").String()).Params(jen.String(), jen.Op("*").Qual(pkgValidateRT, "Error")).Block(body...)
		calls = append(calls, jen.Id(name))
	}
	var lits []jen.Code
	for _, s := range validatorInputs {
		lits = append(lits, jen.Lit(s))
	}
	gf.Func().Id("main").Params().Block(
		jen.Var().Id("res").Index().Any(),
		jen.For(jen.List(jen.Id("_"), jen.Id("f")).Op(":=").Range().Index().Func().Params(jen.String()).Params(jen.String(), jen.Op("*").Qual(pkgValidateRT, "Error")).Values(calls...)).Block(
			jen.For(jen.List(jen.Id("_"), jen.Id("s")).Op(":=").Range().Index().String().Values(lits...)).Block(
				jen.Id("v").Op(":=").Id("s"),
				jen.If(jen.Id("e").Op(":=").Qual(pkgValidateRT, "RunAfter").Call(jen.Op("&").Id("v"), jen.Id("f")), jen.Id("e").Op("!=").Nil()).Block(
					jen.Id("res").Op("=").Append(jen.Id("res"), jen.Index().Any().Values(jen.Id("e").Dot("Type"), jen.Id("e").Dot("Msg"), jen.Id("s"))),
				).Else().Block(jen.Id("res").Op("=").Append(jen.Id("res"), jen.Index().Any().Values(jen.Lit("ok"), jen.Id("v")))),
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
	var got []any
	if err := json.Unmarshal(gout, &got); err != nil {
		t.Fatalf("go output %s: %v", gout, err)
	}
	if len(got) != len(want) {
		t.Fatalf("got %d results, want %d", len(got), len(want))
	}
	for i := range want {
		g, _ := json.Marshal(got[i])
		w, _ := json.Marshal(want[i])
		if string(g) != string(w) {
			c := validatorCases[i/len(validatorInputs)]
			t.Errorf("%s, input %q: go %s, pydantic %s", c.name, validatorInputs[i%len(validatorInputs)], g, w)
		}
	}
}

// parseValidator parses a method source (indented as in a class body).
func parseValidator(t *testing.T, src string) *ast.FunctionDef {
	t.Helper()
	f, err := parser.ParseFile("m.py", []byte("class M:\n"+src+"\n"))
	if err != nil {
		t.Fatal(err)
	}
	cls := f.Module.Body[0].(*ast.ClassDef)
	return cls.Body[0].(*ast.FunctionDef)
}

// TestStrFieldValidatorRefusals checks constructs outside the subset are refused with
// their position.
func TestStrFieldValidatorRefusals(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"transform", "    def f(cls, v):\n        return v.title()\n", "validator result"},
		{"transform argument", "    def f(cls, v):\n        return v.strip(v)\n", "argument of strip"},
		{"info parameter", "    def f(cls, v, info):\n        return v\n", "parameters other than (cls, value)"},
		{"uses cls", "    def f(cls, v):\n        assert cls.x in v\n        return v\n", "validator condition"},
		{"other exception", "    def f(cls, v):\n        if v:\n            raise TypeError('x')\n        return v\n", "raise in a validator"},
		{"message not literal", "    def f(cls, v):\n        assert v, v\n        return v\n", "assert message"},
		{"len of other", "    def f(cls, v):\n        assert len(cls) > 2\n        return v\n", "str expression in a validator"},
		{"len with a non-literal", "    def f(cls, v):\n        assert len(v) > len(v)\n        return v\n", "validator condition"},
		{"index", "    def f(cls, v):\n        assert v[0].isalpha()\n        return v\n", "str expression in a validator"},
		{"slice bound", "    def f(cls, v):\n        assert v[:len(v)].isalpha()\n        return v\n", "slice bounds"},
		{"predicate", "    def f(cls, v):\n        assert v.isdigit()\n        return v\n", "validator condition"},
		{"else", "    def f(cls, v):\n        if v:\n            raise ValueError('x')\n        else:\n            pass\n        return v\n", "validator if statement"},
	} {
		fn := parseValidator(t, tc.src)
		_, err := StrFieldValidator(fn, func(n ast.Node) ir.Pos { return ir.Pos{File: "m.py", Line: 1, Col: 1} })
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "m.py:1:1: cannot translate") {
			t.Errorf("%s: err = %v, want %q", tc.name, err, tc.want)
		}
	}
}
