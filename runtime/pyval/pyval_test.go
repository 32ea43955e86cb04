package pyval

import (
	"errors"
	"math"
	"testing"

	"github.com/covetpy/covetgen/runtime/pyjson"
	"github.com/covetpy/covetgen/runtime/response"
)

// Most of pyval is tested against CPython through codegen/translate's differential tests
// (translated snippets); these cover the entry points generated code uses directly.

func TestDictKeysEqualAcrossNumericTypes(t *testing.T) {
	d := DictOf(IntOf(1), Str("int"))
	for _, k := range []Value{Float(1), True, IntOf(1)} {
		if v, ok, err := d.Get(k); err != nil || !ok || v != Str("int") {
			t.Errorf("Get(%v) = %v %v %v", k, v, ok, err)
		}
	}
	d.Set(Float(1), Str("float")) // keeps the first key object, as Python does
	r, _ := Repr(d)
	if r != "{1: 'float'}" {
		t.Errorf("repr %s", r)
	}
	big := ParseInt("100000000000000000000")
	d.Set(big, Str("big"))
	if v, ok, _ := d.Get(Float(1e20)); !ok || v != Str("big") {
		t.Errorf("1e20 lookup: %v %v", v, ok)
	}
	if _, _, err := d.Get(NewList()); err == nil || err.(*Exception).Class != "TypeError" {
		t.Errorf("unhashable key: %v", err)
	}
	// Past smallDict entries the index takes over.
	for i := 0; i < 20; i++ {
		d.Set(IntOf(int64(i+10)), IntOf(int64(i)))
	}
	if v, ok, _ := d.Get(Float(29)); !ok || v != IntOf(19) {
		t.Errorf("indexed lookup: %v %v", v, ok)
	}
}

func TestFrozenResultIsPreEncoded(t *testing.T) {
	v := Frozen(DictOf(Str("message"), Str("Hello World")), `{"message":"pre"}`)
	b, err := response.AppendJSONable(nil, v)
	if err != nil || string(b) != `{"message":"pre"}` {
		t.Errorf("got %s %v", b, err)
	}
	defer func() {
		if recover() == nil {
			t.Error("mutating a frozen dict did not panic")
		}
	}()
	v.(*Dict).SetStr("x", None)
}

func TestPathBEncoding(t *testing.T) {
	tests := []struct {
		v    Value
		want string
		fail bool
	}{
		{DictOf(Str("_sa_x"), IntOf(1), Str("a"), Tuple{Float(0.5), Bytes("é")}), `{"a":[0.5,"é"]}`, false},
		{DictOf(IntOf(1), True, Float(2.5), None, None, False), `{"1":true,"2.5":null,"null":false}`, false},
		{DictOf(Bytes("k"), IntOf(1), Str("k"), IntOf(2)), `{"k":2}`, false},
		{NewList(Float(math.Inf(1))), "", true},
		{Bytes("\xff"), "", true},
	}
	for _, tc := range tests {
		b, err := AppendJSONable(nil, tc.v)
		if tc.fail != (err != nil) || !tc.fail && string(b) != tc.want {
			t.Errorf("%v: %s %v", tc.v, b, err)
		}
	}
}

func TestValidationInputAndFromJSON(t *testing.T) {
	v := DictOf(Str("a"), Tuple{IntOf(1), Float(math.NaN())}, IntOf(2), Bytes("x"), Str("s"), Str("\U0001F600"))
	in, err := ValidationInput(v)
	if err != nil {
		t.Fatal(err)
	}
	b, err := pyjson.AppendValue(nil, in)
	if err == nil || in.Kind() != pyjson.KindObject {
		t.Errorf("NaN should survive the bridge (and fail json.dumps): %s %v", b, err)
	}
	back, _ := Repr(FromJSON(in))
	if back != "{'a': [1, nan], '2': 'x', 's': '😀'}" {
		t.Errorf("round trip: %s", back)
	}
}

func TestHTTPException(t *testing.T) {
	err := HTTPException(IntOf(401), Str("no"), DictOf(Str("WWW-Authenticate"), Str("Bearer"), Str("X-É"), Str("é")))
	var he *response.HTTPException
	if !errors.As(err, &he) || he.Status != 401 || len(he.Headers) != 2 || he.Headers[0].Name != "www-authenticate" || he.Headers[1].Value != "\xe9" {
		t.Fatalf("got %#v", err)
	}
	if err := HTTPException(IntOf(599), nil, nil); err.(*Exception).Class != "ValueError" {
		t.Errorf("599 without detail: %v", err)
	}
	if err := HTTPException(IntOf(404), nil, DictOf(Str("x"), Str("\u20ac"))); err.(*Exception).Class != "UnicodeEncodeError" {
		t.Errorf("non latin-1 header: %v", err)
	}
}

func TestExceptionHierarchy(t *testing.T) {
	e := NewException("KeyError", Str("k"))
	for _, c := range []string{"KeyError", "LookupError", "Exception", "BaseException"} {
		if !e.IsInstance(c) {
			t.Errorf("KeyError is not a %s", c)
		}
	}
	if e.IsInstance("ValueError") || e.Msg != "'k'" {
		t.Errorf("%v", e)
	}
	if !(&Exception{Class: "ValidationError"}).IsInstance("ValueError") {
		t.Error("ValidationError is a ValueError")
	}
}

func BenchmarkConstantResult(b *testing.B) {
	v := Frozen(DictOf(Str("message"), Str("Hello World")), `{"message":"Hello World"}`)
	buf := make([]byte, 0, 64)
	for i := 0; i < b.N; i++ {
		buf, _ = response.AppendJSONable(buf[:0], v)
	}
}

func BenchmarkDictGetAndArith(b *testing.B) {
	d := DictOf(Str("foo"), IntOf(50), Str("bar"), IntOf(62))
	for i := 0; i < b.N; i++ {
		v, _, _ := d.Get(Str("bar"))
		r, _ := Add(v, IntOf(1))
		_, _ = Mul(r, Float(1.5))
	}
}
