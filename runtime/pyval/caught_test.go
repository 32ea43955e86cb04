package pyval

import (
	"testing"

	"github.com/covetpy/covetgen/runtime/response"
)

// The differential tests of codegen/translate compare these with CPython; this table pins
// the contract generated try statements rely on.
func TestExcMatch(t *testing.T) {
	http := response.NewHTTPException(404, "nope")
	cases := []struct {
		err     error
		classes []string
		want    bool
	}{
		{KeyError(Str("k")), []string{"KeyError"}, true},
		{KeyError(Str("k")), []string{"LookupError"}, true},
		{KeyError(Str("k")), []string{"ValueError", "Exception"}, true},
		{KeyError(Str("k")), []string{"IndexError"}, false},
		{&Exception{Class: "ValidationError"}, []string{"ValueError"}, true},
		{http, []string{"HTTPException"}, true},
		{http, []string{"BaseException"}, true},
		{http, []string{"ValueError"}, false},
		{raise("UnsupportedComplex", "x"), []string{"BaseException"}, false},
	}
	for i, c := range cases {
		if got := ExcMatch(c.err, c.classes...); got != c.want {
			t.Errorf("case %d: ExcMatch(%v, %v) = %v", i, c.err, c.classes, got)
		}
	}
}

func TestCaughtStrRepr(t *testing.T) {
	cases := []struct {
		err        error
		str, repr  string
		reraisedAs error
	}{
		{KeyError(Str("k")), "'k'", "KeyError('k')", nil},
		{NewException("ValueError"), "", "ValueError()", nil},
		{NewException("ValueError", Str("a"), IntOf(2)), "('a', 2)", "ValueError('a', 2)", nil},
		{response.NewHTTPException(404, "nope"), "404: nope", "HTTPException(status_code=404, detail='nope')", nil},
	}
	for _, c := range cases {
		v := CaughtOf(c.err)
		if s, _ := StrOf(v); string(s) != c.str {
			t.Errorf("str(%v) = %q, want %q", c.err, s, c.str)
		}
		if r, _ := Repr(v); string(r) != c.repr {
			t.Errorf("repr(%v) = %q, want %q", c.err, r, c.repr)
		}
		if RaiseValue(v) != c.err {
			t.Errorf("raise of %v changed the error", c.err)
		}
	}
	if err := RaiseValue(IntOf(1)); err == nil || err.(*Exception).Class != "TypeError" {
		t.Errorf("raise 1: %v", err)
	}
}

func TestRoundN(t *testing.T) {
	cases := []struct {
		x, n Value
		want string
	}{
		{Float(2.675), IntOf(2), "2.67"},
		{Float(0.125), IntOf(2), "0.12"},
		{Float(1250), IntOf(-2), "1200.0"},
		{Float(-0.4), IntOf(0), "-0.0"},
		{IntOf(25), IntOf(-1), "20"},
		{IntOf(-1350), IntOf(-2), "-1400"},
		{Float(2.5), None, "2"},
	}
	for _, c := range cases {
		v, err := RoundN(c.x, c.n)
		if err != nil {
			t.Errorf("round(%v, %v): %v", c.x, c.n, err)
			continue
		}
		if r, _ := Repr(v); string(r) != c.want {
			t.Errorf("round(%v, %v) = %s, want %s", c.x, c.n, r, c.want)
		}
	}
}

func TestDictPopKeepsOrder(t *testing.T) {
	d := DictOf()
	for i := 0; i < 12; i++ { // past smallDict: the index is rebuilt
		d.Set(IntOf(int64(i)), IntOf(int64(i)))
	}
	for _, k := range []int64{0, 5, 11} {
		if err := DelItem(d, IntOf(k)); err != nil {
			t.Fatal(err)
		}
	}
	d.Set(IntOf(0), Str("back"))
	r, _ := Repr(d)
	if want := "{1: 1, 2: 2, 3: 3, 4: 4, 6: 6, 7: 7, 8: 8, 9: 9, 10: 10, 0: 'back'}"; string(r) != want {
		t.Errorf("got %s, want %s", r, want)
	}
	if v, ok, _ := d.Get(Float(7)); !ok || v != IntOf(7) {
		t.Errorf("lookup after deletes: %v %v", v, ok)
	}
	if err := DelItem(d, IntOf(5)); err == nil || err.(*Exception).Class != "KeyError" {
		t.Errorf("del of a missing key: %v", err)
	}
}

func TestStrFind(t *testing.T) {
	cases := []struct {
		s, sub, name string
		start, end   Value
		want         int64
	}{
		{"abcabc", "c", "find", nil, nil, 2},
		{"abcabc", "c", "rfind", nil, nil, 5},
		{"abc", "", "find", IntOf(5), nil, -1},
		{"abc", "", "count", nil, nil, 4},
		{"ääbää", "ä", "find", IntOf(3), nil, 3},
		{"ääbää", "ä", "rfind", nil, IntOf(-1), 3},
		{"日本語日本", "本", "count", IntOf(1), IntOf(-1), 1},
	}
	for _, c := range cases {
		v, err := strFind(c.s, c.sub, c.start, c.end, c.name)
		if err != nil || v != IntOf(c.want) {
			t.Errorf("%q.%s(%q, %v, %v) = %v %v, want %d", c.s, c.name, c.sub, c.start, c.end, v, err, c.want)
		}
	}
}
