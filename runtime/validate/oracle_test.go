package validate

import (
	"encoding/json"
	"testing"

	"github.com/covetpy/covetgen/runtime/internal/pyoracle"
	"github.com/covetpy/covetgen/runtime/pyjson"
)

// validateScript validates each case with a pydantic TypeAdapter in python
// mode and answers pydantic's JSON output or the error list encoded the way
// FastAPI encodes it (jsonable_encoder, then compact json.dumps).
const validateScript = `
import re, uuid, datetime
from pydantic import HttpUrl, AnyUrl
from decimal import Decimal
from enum import Enum, IntEnum
from typing import Annotated, Literal, List, Tuple, Set, Optional
from pydantic import TypeAdapter, Field, StringConstraints, ValidationError
class Color(Enum):
    red = 'red'
    green = 'green'
class Num(IntEnum):
    one = 1
    two = 2
class Plain(Enum):
    one = 1
    two = 2
_cache = {}
def enc(o):
    if isinstance(o, dict): return {str(enc(k)): enc(v) for k, v in o.items()}
    if isinstance(o, (list, tuple, set)): return [enc(x) for x in o]
    if isinstance(o, Enum): return enc(o.value)
    if o is None or isinstance(o, (str, int, float)): return o
    if isinstance(o, bytes): return o.decode()
    if isinstance(o, Decimal): return int(o) if isinstance(o.as_tuple().exponent, int) and o.as_tuple().exponent >= 0 else float(o)
    if isinstance(o, uuid.UUID): return str(o)
    if isinstance(o, (datetime.date, datetime.time)): return o.isoformat()
    if isinstance(o, datetime.timedelta): return o.total_seconds()
    if isinstance(o, BaseException): return {}
    if isinstance(o, re.Pattern): return o.pattern
    return str(o)
def handle(case):
    ta = _cache.get(case["py"])
    if ta is None:
        ta = _cache[case["py"]] = TypeAdapter(eval(case["py"]))
    v = case["in"] if case["m"] == "q" else json.loads(case["in"])
    try:
        r = ta.validate_python(v)
    except ValidationError as e:
        try:
            out = json.dumps(enc(e.errors(include_url=False)), ensure_ascii=False, allow_nan=False, separators=(",", ":"))
            out.encode("utf-8")
            return {"err": out}
        except ValueError:
            return {"err": "ENCODE_ERROR"}
    try:
        return {"ok": ta.dump_json(r).decode()}
    except Exception as e:
        return {"ok": "DUMP_ERROR " + type(e).__name__}
`

// typeCase is one pydantic type with its Go equivalent and inputs:
// "q:..." is a parameter string, "j:..." a JSON body.
type typeCase struct {
	py     string
	str    func(s string) ([]byte, *Error)
	json   func(v pyjson.Value) ([]byte, *Error)
	inputs []string
}

// mk wires a coercion pair, an optional check and an output writer.
func mk[T any](py string, fromStr func(string) (T, *Error), fromJSON func(pyjson.Value) (T, *Error),
	check func(T, any) *Error, out func([]byte, T) []byte, inputs ...string) typeCase {
	run := func(v T, err *Error, input any) ([]byte, *Error) {
		if err != nil {
			return nil, err
		}
		if check != nil {
			if err := check(v, input); err != nil {
				return nil, err
			}
		}
		return out(nil, v), nil
	}
	return typeCase{
		py: py,
		str: func(s string) ([]byte, *Error) {
			v, err := fromStr(s)
			return run(v, err, s)
		},
		json: func(jv pyjson.Value) ([]byte, *Error) {
			v, err := fromJSON(jv)
			return run(v, err, jv)
		},
		inputs: inputs,
	}
}

func runTypeCases(t *testing.T, tcs []typeCase) {
	t.Helper()
	type key struct{ i, j int }
	var cases []any
	var keys []key
	for i, tc := range tcs {
		for j, in := range tc.inputs {
			cases = append(cases, map[string]string{"py": tc.py, "m": in[:1], "in": in[2:]})
			keys = append(keys, key{i, j})
		}
	}
	answers := pyoracle.Run(t, validateScript, cases)
	for n, a := range answers {
		var want struct{ Ok, Err string }
		if err := json.Unmarshal(a, &want); err != nil {
			t.Fatal(err)
		}
		tc := tcs[keys[n].i]
		in := tc.inputs[keys[n].j]
		var out []byte
		var verr *Error
		if in[0] == 'q' {
			out, verr = tc.str(in[2:])
		} else {
			d, err := pyjson.Parse([]byte(in[2:]))
			if err != nil {
				t.Fatalf("bad JSON test input %q: %v", in, err)
			}
			out, verr = tc.json(d.Root())
		}
		var got string
		if verr != nil {
			b, err := AppendErrors(nil, []*Error{verr})
			if err != nil {
				got = "err:ENCODE_ERROR"
			} else {
				got = "err:" + string(b)
			}
		} else {
			got = "ok:" + string(out)
		}
		exp := "ok:" + want.Ok
		if want.Err != "" {
			exp = "err:" + want.Err
		}
		if got != exp {
			t.Errorf("%s %s\n got  %s\n want %s", tc.py, in, got, exp)
		}
	}
	t.Logf("%d cases", len(cases))
}

func q(ins ...string) []string { return prefix("q:", ins) }
func j(ins ...string) []string { return prefix("j:", ins) }
func prefix(p string, ins []string) []string {
	out := make([]string, len(ins))
	for i, s := range ins {
		out[i] = p + s
	}
	return out
}
func flat(lists ...[]string) []string {
	var out []string
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}
