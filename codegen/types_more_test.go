package codegen

import (
	"strings"
	"testing"
)

// TestUnionTupleBytesGenerated checks the shape of generated smart unions of scalars,
// fixed and variadic tuples and bytes (their behaviour is proved by migrate's TestE2E on
// the corpus app extra_types), and that the unions generated code does not model are
// refused (a union of models is opaque instead: TestOpaqueRoutesBridged).
func TestUnionTupleBytesGenerated(t *testing.T) {
	out, rs := generate(t, `from typing import Optional, Tuple, Union
from fastapi import FastAPI
from pydantic import BaseModel
app = FastAPI()

class M(BaseModel):
    number: Union[int, float, str]
    maybe: Optional[Union[str, bool]] = None
    flag: Union[bool, float] = 0.0
    pair: Tuple[str, int] = ("a", 1)
    path: tuple[float, ...] = ()
    raw: bytes = b"x"

@app.post("/m", response_model=M)
def m(x: M):
    return x
`)
	if rs != nil {
		t.Fatalf("refused: %v", rs)
	}
	src := string(out.Files["models.go"])
	for _, want := range []string{
		`u.Try("int")`, `u.Try("float")`, `u.Try("str")`, "u.End()", "validate.BeginTuple(s, v, 2, nil)", "t.Missing(0)",
		"validate.Tuple(", "s.Bytes(", "pyval.Tuple{", "Which: 1", `F0: "a"`,
	} {
		if !strings.Contains(src, want) {
			t.Errorf("models.go lacks %q", want)
		}
	}

	const head = "from typing import Union, List\nfrom fastapi import FastAPI\nfrom pydantic import BaseModel\napp = FastAPI()\n"
	for _, src := range []string{
		"class M(BaseModel):\n    x: Union[int, List[int]]\n@app.post('/')\ndef f(m: M):\n    return m\n",
	} {
		if out, rs := generate(t, head+src); out != nil || !strings.Contains(rs[0].String(), "cannot translate M.x of type Union[") {
			t.Errorf("%s: want the union refused, got %v", src, rs)
		}
	}
}
