package bridge

import (
	"encoding/json"
	"testing"

	"github.com/covetpy/covetgen/runtime/internal/pyoracle"
	"github.com/covetpy/covetgen/runtime/pyjson"
	"github.com/covetpy/covetgen/runtime/pyval"
	"github.com/covetpy/covetgen/runtime/validate"
)

// opaqueBridgeScript checks both directions of the bridge for one value: the tagged
// JSON Go sent ("go") decoded by worker.py equals pydantic's validation of the text
// ("in", python mode), and answers worker.py's encoding of pydantic's value.
const opaqueBridgeScript = `
import os, sys, datetime, decimal
sys.path.insert(0, os.getcwd())
import worker
from pydantic import AnyUrl, BaseModel, TypeAdapter, HttpUrl
worker._BaseModel = BaseModel  # set when the worker imports an app
TYPES = {"datetime": datetime.datetime, "time": datetime.time, "timedelta": datetime.timedelta,
         "Decimal": decimal.Decimal, "HttpUrl": HttpUrl, "AnyUrl": AnyUrl, "set": set[int]}
def handle(case):
    want = TypeAdapter(TYPES[case["t"]]).validate_python(json.loads(case["in"]))
    got = worker.decode(json.loads(case["go"]))
    same = got == want and type(got) is type(want)
    back = worker.encode(want) if case["t"] not in ("HttpUrl", "AnyUrl") else str(want)
    return {"same": same, "got": repr(got), "want": repr(want), "back": json.dumps(back)}
`

// TestOpaqueKindsCrossTheBridge sends datetime, time, timedelta, Decimal, HttpUrl and set
// values to worker.py's decoder and reads its encoding of pydantic's values back: a
// result validates (through pyval.ValidationInput) to the value Go validated itself.
func TestOpaqueKindsCrossTheBridge(t *testing.T) {
	cases := []struct{ typ, in string }{
		{"datetime", `"2024-01-02T03:04:05"`}, {"datetime", `"2024-01-02T03:04:05.000120Z"`},
		{"datetime", `"2024-01-02T03:04:00-05:30"`}, {"datetime", `"0001-01-01T00:00:00"`},
		{"time", `"03:04"`}, {"time", `"03:04:05.5+01:00"`}, {"time", `"00:00:00Z"`},
		{"timedelta", `"P1DT2H"`}, {"timedelta", `"-PT0.000001S"`}, {"timedelta", `"PT0S"`},
		{"timedelta", `"P99999DT23H59M59.999999S"`}, {"timedelta", `"-P999999999D"`},
		{"Decimal", `"1.50"`}, {"Decimal", `"-0.00"`}, {"Decimal", `"1E+3"`}, {"Decimal", `"123456789.123456789123456789"`},
		{"HttpUrl", `"HTTPS://Example.COM:443/a b?q=1#f"`}, {"AnyUrl", `"postgres://u:p@DB:5432/x"`},
		{"set", `[3, 1, 2]`},
	}
	var in []any
	vals := make([]pyval.Value, len(cases))
	for i, c := range cases {
		vals[i] = opaqueValue(t, c.typ, c.in)
		b, err := Encode(nil, vals[i])
		if err != nil {
			t.Fatalf("%v: %v", c, err)
		}
		in = append(in, map[string]string{"t": c.typ, "in": c.in, "go": string(b)})
	}
	for i, a := range pyoracle.Run(t, opaqueBridgeScript, in) {
		var ans struct {
			Same            bool
			Got, Want, Back string
		}
		if err := json.Unmarshal(a, &ans); err != nil || ans.Back == "" {
			t.Fatalf("%v: oracle answered %s", cases[i], a)
		}
		if !ans.Same {
			t.Errorf("%v: worker decoded %s, pydantic has %s", cases[i], ans.Got, ans.Want)
		}
		if cases[i].typ == "set" || cases[i].typ == "HttpUrl" || cases[i].typ == "AnyUrl" {
			continue
		}
		// The result path: decode the worker's tagged JSON, validate it as path A does.
		v, err := Result{data: []byte(ans.Back)}.Value(nil)
		if err != nil {
			t.Fatalf("%v: %v", cases[i], err)
		}
		j, err := pyval.ValidationInput(v)
		if err != nil {
			t.Fatalf("%v: %v", cases[i], err)
		}
		back := validateAs(cases[i].typ, j)
		if back == nil || !pyval.Eq(back, vals[i]) || back != vals[i] {
			t.Errorf("%v: the worker's %s came back as %#v, want %#v", cases[i], ans.Back, back, vals[i])
		}
	}
}

// opaqueValue validates a JSON string (or an array, for a set) as generated code does.
func opaqueValue(t *testing.T, typ, text string) pyval.Value {
	t.Helper()
	doc, err := pyjson.Parse([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if typ == "set" {
		var items []validate.Int
		validate.Set(validate.NewState(), doc.Root(), nil, validate.DecodeInt, validate.IntHasher, false, &items)
		out := pyval.Set{}
		for _, x := range items {
			out.Items = append(out.Items, pyval.FromValidateInt(x))
		}
		return out
	}
	if typ == "HttpUrl" || typ == "AnyUrl" {
		from := validate.HTTPURLFromJSON
		if typ == "AnyUrl" {
			from = validate.AnyURLFromJSON
		}
		u, verr := from(doc.Root())
		if verr != nil {
			t.Fatalf("%s: %v", text, verr)
		}
		return pyval.URL(u)
	}
	v := validateAs(typ, doc.Root())
	if v == nil {
		t.Fatalf("%s %s does not validate", typ, text)
	}
	return v
}

// validateAs validates a JSON value as typ; nil when it does not validate.
func validateAs(typ string, j pyjson.Value) pyval.Value {
	s := validate.NewState()
	switch typ {
	case "datetime":
		var x validate.DateTime
		if s.DateTime(j, &x) {
			return pyval.DateTime(x)
		}
	case "time":
		var x validate.Time
		if s.Time(j, &x) {
			return pyval.Time(x)
		}
	case "timedelta":
		var x validate.Duration
		if s.Duration(j, nil, &x) {
			return pyval.Timedelta(x)
		}
	case "Decimal":
		var x validate.Decimal
		if s.Decimal(j, nil, &x) {
			return pyval.Decimal(x)
		}
	}
	return nil
}
