package validate

import (
	"math"
	"testing"

	"github.com/covetpy/covetgen/runtime/pyjson"
)

func TestAppendDetail(t *testing.T) {
	_, e1 := IntFromString("x")
	e2 := (&FloatConstraints{Gt: fp(0)}).Check(0, "0")
	d, _ := pyjson.Parse([]byte(`{"a":[1,"é"]}`))
	e3 := &Error{Type: "missing", Msg: "Field required", Input: d.Root()}
	e4 := &Error{Type: "value_error", Msg: "Value error, bad", Input: nil, Ctx: []CtxItem{{"error", pyjson.Dict{}}}}
	errs := []*Error{e1.WithLoc(Key("query"), Key("n")), e2.WithLoc(Key("query"), Key("f"), Index(1)),
		e3.WithLoc(Key("body"), Key("sub")), e4.WithLoc(Key("body"))}
	got, err := AppendDetail(nil, errs)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"detail":[{"type":"int_parsing","loc":["query","n"],"msg":"Input should be a valid integer, unable to parse string as an integer","input":"x"},` +
		`{"type":"greater_than","loc":["query","f",1],"msg":"Input should be greater than 0","input":"0","ctx":{"gt":0.0}},` +
		`{"type":"missing","loc":["body","sub"],"msg":"Field required","input":{"a":[1,"é"]}},` +
		`{"type":"value_error","loc":["body"],"msg":"Value error, bad","input":null,"ctx":{"error":{}}}]}`
	if string(got) != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	// A NaN input cannot be encoded: FastAPI answers 500.
	if _, err := AppendDetail(nil, []*Error{{Type: "x", Input: math.NaN()}}); err == nil {
		t.Error("NaN input encoded")
	}
}

// FuzzCoerce: no coercion panics on any string.
func FuzzCoerce(f *testing.F) {
	for _, s := range []string{"", "1", "-1.5e3", "2024-01-02T03:04:05+01:00", "03:04", "P1D", "NaN", "1_0", "{x}", "urn:uuid:",
		"P1.5DT2H", "1 day, 10:00:00", "[1,2,2]", `{"1":"a","01":"b"}`, `{"k":1}`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		IntFromString(s)
		FloatFromString(s)
		BoolFromString(s)
		UUIDFromString(s)
		if d, err := DecimalFromString(s); err == nil {
			_ = d.String()
			(&DecimalConstraints{MaxDigits: ip(5), DecimalPlaces: ip(2), Gt: dp("1")}).Check(d, s)
		}
		DateTimeFromString(s)
		DateFromString(s)
		TimeFromString(s)
		if d, err := DurationFromString(s); err == nil {
			_ = d.ISOString()
			_ = d.TotalSeconds()
			_ = d.HumanString()
		}
		(&StrConstraints{StripWhitespace: true, MinLength: ip(1), ToUpper: true}).Apply(s, s)
		if doc, err := pyjson.Parse([]byte(s)); err == nil {
			v := doc.Root()
			IntFromJSON(v)
			FloatFromJSON(v)
			BoolFromJSON(v)
			DecimalFromJSON(v)
			DateTimeFromJSON(v)
			DateFromJSON(v)
			TimeFromJSON(v)
			DurationFromJSON(v)
			st := NewState()
			var ints []Int
			Set(st, v, &Length{Max: ip(3)}, DecodeInt, IntHasher, false, &ints)
			var fs []float64
			Set(st, v, nil, DecodeFloat, FloatHasher, true, &fs)
			var d []Pair[Int, string]
			Dict(st, v, &Length{Min: ip(1)}, DecodeInt, DecodeStr, IntHasher, &d)
			var l []pyjson.Value
			List(st, v, &Length{Max: ip(2)}, DecodeAny, &l)
			Tuple(st, v, &Length{Min: ip(2)}, DecodeAny, &l)
			Sequence(st, v, nil, DecodeAny, &l)
			u := st.Union(false)
			var n Int
			var b bool
			if u.Try("int") {
				u.Result(0, st.Int(v, nil, &n))
			}
			if u.Try("bool") {
				u.Result(1, st.Bool(v, &b))
			}
			u.End()
			if i, _, ok := NewTagged([]string{"k"}, StrChoice("a"), IntChoice(1)).Select(st, v); ok && i < 0 {
				t.Fatal("bad tag index")
			}
			AppendDetail(nil, st.Errors())
		}
	})
}
