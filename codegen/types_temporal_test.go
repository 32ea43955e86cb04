package codegen

import (
	"go/format"
	"strings"
	"testing"
)

// TestOpaqueKindsGenerated checks that datetime, time, timedelta, Decimal, HttpUrl and
// set fields and parameters are generated with runtime/validate's validators and
// pyval's kinds (their behaviour is proved against FastAPI by migrate's TestE2E on
// the corpus apps body_models and openapi_meta, and against pydantic by
// runtime/validate's and runtime/pyval's oracle tests).
func TestOpaqueKindsGenerated(t *testing.T) {
	out, rs := generate(t, `import datetime
from decimal import Decimal
from typing import Optional
from fastapi import FastAPI, Body
from pydantic import BaseModel, Field, HttpUrl
app = FastAPI()

class M(BaseModel):
    at: datetime.datetime
    opens: datetime.time = datetime.time(9, 30)
    within: Optional[datetime.timedelta] = None
    price: Decimal = Field(Decimal("0"), max_digits=8, decimal_places=2, ge=0)
    url: HttpUrl
    tags: set[str] = set()
    codes: frozenset[int] = frozenset()

@app.post("/m", response_model=M)
def m(x: M):
    return x

@app.get("/q")
def q(when: datetime.datetime, d: datetime.timedelta, amount: Decimal = Decimal("1.50"),
      t: Optional[datetime.time] = None, cb: Optional[HttpUrl] = None):
    return {"when": when, "d": d, "amount": amount, "t": t, "cb": cb}

@app.get("/b")
def b(when: datetime.datetime, d: datetime.timedelta):
    return {"x": when + d, "y": when.timestamp()}
`)
	if rs != nil {
		t.Fatalf("refused: %v", rs)
	}
	var all strings.Builder
	for name, src := range out.Files {
		if !strings.HasSuffix(name, ".go") {
			continue
		}
		if f, err := format.Source(src); err != nil || string(f) != string(src) {
			t.Errorf("%s is not gofmt'd (%v)", name, err)
		}
		all.Write(src)
	}
	src := all.String()
	for _, want := range []string{
		"validate.DateTimeFromString(raw)", "validate.DurationFromString(raw)", "validate.DecimalFromString(raw)",
		"validate.TimeFromString(raw)", "validate.HTTPURLFromString(raw)", "pyval.DateTime(v)", "pyval.Timedelta(v)",
		"s.DateTime(", "s.Time(", "s.HTTPURL(", "validate.Set(", "validate.StrHasher", "validate.IntHasher",
		"validate.DecimalConstraints{", "e.Decimal(", "e.Duration(", "e.URL(", "pyval.Set{",
		`validate.ParseDecimal("1.50")`, "validate.Time{",
	} {
		if !strings.Contains(src, want) {
			t.Errorf("generated code lacks %q", want)
		}
	}
	// timestamp() is not modelled by pyval: the route runs in CPython.
	if out.Routes != 2 || out.Bridged != 1 {
		t.Errorf("Routes = %d, Bridged = %d; want 2 native and the route calling timestamp() bridged", out.Routes, out.Bridged)
	}
}

// TestOpaqueKindsRefused checks the constraints generated code does not reproduce.
func TestOpaqueKindsRefused(t *testing.T) {
	const head = "import datetime\nfrom decimal import Decimal\nfrom fastapi import FastAPI\nfrom pydantic import BaseModel, Field, AnyHttpUrl\napp = FastAPI()\n"
	tests := []struct{ name, src, want string }{
		{"datetime bound", "class M(BaseModel):\n    d: datetime.datetime = Field(gt=0)\n@app.post('/')\ndef f(m: M):\n    return m\n",
			"cannot translate constraints on the datetime M.d"},
		{"float Decimal bound", "class M(BaseModel):\n    d: Decimal = Field(gt=0.5)\n@app.post('/')\ndef f(m: M):\n    return m\n",
			"cannot translate bound Gt=0.5 on the Decimal M.d"},
		{"AnyHttpUrl", "class M(BaseModel):\n    u: AnyHttpUrl\n@app.post('/')\ndef f(m: M):\n    return m\n",
			"cannot translate M.u of type"},
		{"set of lists", "class M(BaseModel):\n    s: set[tuple[int, int]]\n@app.post('/')\ndef f(m: M):\n    return m\n",
			"cannot translate M.s of type"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, rs := generate(t, head+tt.src)
			if out != nil {
				t.Fatalf("generated, want a refusal %q", tt.want)
			}
			var lines []string
			for _, r := range rs {
				lines = append(lines, r.String())
			}
			if !strings.Contains(strings.Join(lines, "\n"), tt.want) {
				t.Errorf("refusals:\n%s\nwant one containing %q", strings.Join(lines, "\n"), tt.want)
			}
		})
	}
}
