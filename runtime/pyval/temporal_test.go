package pyval

import (
	"encoding/json"
	"strconv"
	"testing"

	"github.com/covetpy/covetgen/runtime/internal/pyoracle"
	"github.com/covetpy/covetgen/runtime/pyjson"
	"github.com/covetpy/covetgen/runtime/validate"
)

// opaqueScript validates each case's text with pydantic (python mode, as FastAPI
// validates a parameter string) and answers type(v).__name__, str(v), repr(v), bool(v)
// and jsonable_encoder(v) as json.dumps writes it (FastAPI's rules: isoformat, Decimal
// to int or float, total_seconds(), str() of a URL, a list of a set).
const opaqueScript = `
import datetime, decimal
from pydantic import TypeAdapter, HttpUrl, AnyUrl
TYPES = {"datetime": datetime.datetime, "time": datetime.time, "timedelta": datetime.timedelta,
         "Decimal": decimal.Decimal, "HttpUrl": HttpUrl, "AnyUrl": AnyUrl, "set": set[int], "frozenset": frozenset[str]}
def jsonable(o):
    if isinstance(o, (datetime.datetime, datetime.time)): return o.isoformat()
    if isinstance(o, datetime.timedelta): return o.total_seconds()
    if isinstance(o, decimal.Decimal): return int(o) if o.as_tuple().exponent >= 0 else float(o)
    if isinstance(o, (set, frozenset)): return [jsonable(x) for x in o]
    if isinstance(o, (int, str)): return o
    return str(o)
def handle(case):
    v = TypeAdapter(TYPES[case["t"]]).validate_python(json.loads(case["in"]))
    return {"type": type(v).__name__, "str": str(v), "repr": repr(v), "bool": bool(v),
            "json": json.dumps(jsonable(v), separators=(",", ":"))}
`

// opaqueOf validates text as Go generated code would and wraps it as a pyval value.
func opaqueOf(t *testing.T, typ, text string) Value {
	t.Helper()
	var s string
	if err := json.Unmarshal([]byte(text), &s); err != nil {
		// A set, built in Python's iteration order as generated code builds it.
		doc, err := pyjson.Parse([]byte(text))
		if err != nil {
			t.Fatalf("%s %s: %v", typ, text, err)
		}
		out := Set{Frozen: typ == "frozenset"}
		st := validate.NewState()
		if out.Frozen {
			var items []string
			validate.Set(st, doc.Root(), nil, validate.DecodeStr, validate.StrHasher, true, &items)
			for _, x := range items {
				out.Items = append(out.Items, Str(x))
			}
		} else {
			var items []validate.Int
			validate.Set(st, doc.Root(), nil, validate.DecodeInt, validate.IntHasher, false, &items)
			for _, x := range items {
				out.Items = append(out.Items, FromValidateInt(x))
			}
		}
		return out
	}
	var v Value
	var err *validate.Error
	switch typ {
	case "datetime":
		var x validate.DateTime
		x, err = validate.DateTimeFromString(s)
		v = DateTime(x)
	case "time":
		var x validate.Time
		x, err = validate.TimeFromString(s)
		v = Time(x)
	case "timedelta":
		var x validate.Duration
		x, err = validate.DurationFromString(s)
		v = Timedelta(x)
	case "Decimal":
		var x validate.Decimal
		x, err = validate.DecimalFromString(s)
		v = Decimal(x)
	case "HttpUrl":
		var x validate.URL
		x, err = validate.HTTPURLFromString(s)
		v = URL(x)
	case "AnyUrl":
		var x validate.URL
		x, err = validate.AnyURLFromString(s)
		v = URL(x)
	}
	if err != nil {
		t.Fatalf("%s %q: %v", typ, s, err)
	}
	return v
}

// TestOpaqueKindsMatchCPython compares the type name, str(), repr(), bool() and the
// jsonable_encoder output of datetime, time, timedelta, Decimal, HttpUrl and set values
// with CPython's.
func TestOpaqueKindsMatchCPython(t *testing.T) {
	cases := []struct{ typ, in string }{
		{"datetime", `"2024-01-02T03:04:05"`}, {"datetime", `"2024-01-02T03:04:05.000120Z"`},
		{"datetime", `"2024-01-02T03:04:00+05:30"`}, {"datetime", `"2024-01-02 00:00-01:00"`},
		{"datetime", `"0001-01-01T00:00:00.5"`}, {"datetime", `"2024-01-02"`}, {"datetime", `"1700000000"`},
		{"time", `"03:04"`}, {"time", `"03:04:05.5+01:00"`}, {"time", `"00:00:00Z"`}, {"time", `"23:59:59.999999-11:30"`},
		{"timedelta", `"P1DT2H"`}, {"timedelta", `"-PT1S"`}, {"timedelta", `"PT0S"`}, {"timedelta", `"P3DT0.000001S"`},
		{"timedelta", `"-P2DT3H4M5.25S"`}, {"timedelta", `"1 day, 02:03:04"`}, {"timedelta", `"P1000D"`},
		{"Decimal", `"1.50"`}, {"Decimal", `"0"`}, {"Decimal", `"-0.00"`}, {"Decimal", `"1E+3"`}, {"Decimal", `"1e-7"`},
		{"Decimal", `"123456789012345678901234567890"`}, {"Decimal", `"0.1"`}, {"Decimal", `"-12.3450"`},
		{"HttpUrl", `"HTTPS://Example.COM:443/a b?q=1#f"`}, {"HttpUrl", `"http://x.com"`},
		{"AnyUrl", `"postgres://u:p@DB:5432/x"`}, {"AnyUrl", `"mailto:a@b.c"`},
		{"set", `[3, 1, 2]`}, {"set", `[]`}, {"frozenset", `["solo"]`}, {"frozenset", `[]`},
	}
	var in []any
	for _, c := range cases {
		in = append(in, map[string]string{"t": c.typ, "in": c.in})
	}
	answers := pyoracle.Run(t, opaqueScript, in)
	for i, a := range answers {
		var want struct {
			Type, Str, Repr, JSON string
			Bool                  bool
		}
		if err := json.Unmarshal(a, &want); err != nil || want.Type == "" {
			t.Fatalf("%v: oracle answered %s", cases[i], a)
		}
		v := opaqueOf(t, cases[i].typ, cases[i].in)
		s, _ := StrOf(v)
		r, _ := Repr(v)
		j, err := AppendJSONable(nil, v)
		if err != nil {
			t.Errorf("%v: jsonable: %v", cases[i], err)
		}
		got := []any{v.TypeName(), string(s), string(r), Truthy(v), string(j)}
		exp := []any{want.Type, want.Str, want.Repr, want.Bool, want.JSON}
		for k := range got {
			if got[k] != exp[k] {
				t.Errorf("%s %s: [%d] got %v, want %v", cases[i].typ, cases[i].in, k, got[k], exp[k])
			}
		}
	}
}

// TestOpaqueValidationInputRoundTrips checks that ValidationInput of each kind validates
// back to the same value (what a bridged result or a returned value goes through).
func TestOpaqueValidationInputRoundTrips(t *testing.T) {
	check := func(name string, v Value, back func(s *validate.State, in Value) Value) {
		t.Helper()
		got := back(validate.NewState(), v)
		if !Eq(got, v) || got != v {
			t.Errorf("%s: %#v came back as %#v", name, v, got)
		}
	}
	for _, s := range []string{"2024-01-02T03:04:05.000001+05:30", "0999-12-31T23:59:59Z", "2024-02-29T00:00"} {
		dt, _ := validate.DateTimeFromString(s)
		check(s, DateTime(dt), func(st *validate.State, in Value) Value {
			j, _ := ValidationInput(in)
			var out validate.DateTime
			st.DateTime(j, &out)
			return DateTime(out)
		})
	}
	for _, s := range []string{"-P1DT0.000001S", "P999999999DT23H59M59.999999S", "PT0S", "P400D"} {
		d, _ := validate.DurationFromString(s)
		check(s, Timedelta(d), func(st *validate.State, in Value) Value {
			j, _ := ValidationInput(in)
			var out validate.Duration
			st.Duration(j, nil, &out)
			return Timedelta(out)
		})
	}
	for _, s := range []string{"1E+30", "-0.000", "3.14159265358979323846264338327950288"} {
		d, _ := validate.DecimalFromString(s)
		check(s, Decimal(d), func(st *validate.State, in Value) Value {
			j, _ := ValidationInput(in)
			var out validate.Decimal
			st.Decimal(j, nil, &out)
			return Decimal(out)
		})
	}
}

// eqScript answers a == b for two values pydantic validates from their texts.
const eqScript = `
import datetime, decimal
from pydantic import TypeAdapter
TYPES = {"datetime": datetime.datetime, "time": datetime.time, "timedelta": datetime.timedelta, "Decimal": decimal.Decimal}
def val(t, s):
    if t == "int": return int(s)
    if t == "float": return float(s)
    if t == "Decimal": return decimal.Decimal(s)  # NaN/Infinity: allow_inf_nan fields
    return TypeAdapter(TYPES[t]).validate_python(s)
def handle(case):
    a, b = val(case["ta"], case["a"]), val(case["tb"], case["b"])
    return {"eq": a == b, "ne": a != b}
`

// TestOpaqueEqMatchesCPython compares == between the kinds (and with int and float)
// with CPython's.
func TestOpaqueEqMatchesCPython(t *testing.T) {
	cases := []struct{ ta, a, tb, b string }{
		{"datetime", "2024-01-02T03:04:05+01:00", "datetime", "2024-01-02T02:04:05Z"},
		{"datetime", "2024-01-02T03:04:05", "datetime", "2024-01-02T03:04:05Z"},
		{"datetime", "2024-01-02T03:04:05", "datetime", "2024-01-02T03:04:05.000"},
		{"datetime", "2024-01-01T23:30:00-01:00", "datetime", "2024-01-02T00:30:00Z"},
		{"time", "03:04+01:00", "time", "02:04Z"}, {"time", "03:04", "time", "03:04Z"}, {"time", "03:04:05", "time", "03:04:05.000001"},
		{"timedelta", "P1D", "timedelta", "PT24H"}, {"timedelta", "-PT1S", "timedelta", "PT1S"},
		{"Decimal", "1.0", "Decimal", "1"}, {"Decimal", "1.5", "float", "1.5"}, {"Decimal", "0.1", "float", "0.1"},
		{"Decimal", "2", "int", "2"}, {"int", "2", "Decimal", "2.00"}, {"float", "1.5", "Decimal", "1.50"},
		{"Decimal", "NaN", "Decimal", "NaN"}, {"Decimal", "Infinity", "Decimal", "Infinity"},
		{"Decimal", "-Infinity", "Decimal", "Infinity"}, {"Decimal", "-0", "Decimal", "0"},
	}
	val := func(typ, s string) Value {
		switch typ {
		case "int":
			return ParseInt(s)
		case "float":
			f, _ := strconv.ParseFloat(s, 64)
			return Float(f)
		}
		b, _ := json.Marshal(s)
		return opaqueOf(t, typ, string(b))
	}
	var in []any
	for _, c := range cases {
		in = append(in, map[string]string{"ta": c.ta, "a": c.a, "tb": c.tb, "b": c.b})
	}
	for i, a := range pyoracle.Run(t, eqScript, in) {
		var want struct{ Eq, Ne bool }
		if err := json.Unmarshal(a, &want); err != nil {
			t.Fatal(err)
		}
		c := cases[i]
		x, y := val(c.ta, c.a), val(c.tb, c.b)
		if got := Eq(x, y); got != want.Eq {
			t.Errorf("%s(%s) == %s(%s): got %v, want %v", c.ta, c.a, c.tb, c.b, got, want.Eq)
		}
		if got := Ne(x, y); got != want.Ne {
			t.Errorf("%s(%s) != %s(%s): got %v, want %v", c.ta, c.a, c.tb, c.b, got, want.Ne)
		}
	}
}
