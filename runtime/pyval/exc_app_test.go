package pyval

import (
	"errors"
	"fmt"
	"testing"

	"github.com/covetpy/covetgen/runtime/response"
)

// TestAppExceptions checks app exception values against what CPython gives for
//
//	class Base(KeyError): code = "base"
//	class Leaf(Base): code = "leaf"; kind = 1
func TestAppExceptions(t *testing.T) {
	base := &ExcClass{Name: "Base", Qual: "m.Base", Builtin: "KeyError", Attrs: DictOf(Str("code"), Str("base"))}
	leaf := &ExcClass{Name: "Leaf", Qual: "m.Leaf", Base: base, Builtin: "KeyError", Attrs: DictOf(Str("code"), Str("leaf"), Str("kind"), IntValue(1))}
	tests := []struct {
		cls        *ExcClass
		args       []Value
		str, repr  string
		matches    []string
		notMatches []string
	}{
		{leaf, []Value{Str("k")}, "'k'", "Leaf('k')", []string{"m.Leaf", "m.Base", "KeyError", "LookupError", "Exception", "BaseException"}, []string{"ValueError", "m.Other"}},
		{leaf, nil, "", "Leaf()", []string{"m.Base"}, nil},
		{base, []Value{Str("a"), IntValue(2)}, "('a', 2)", "Base('a', 2)", []string{"m.Base"}, []string{"m.Leaf"}},
	}
	for _, tt := range tests {
		v := NewAppException(tt.cls, tt.args...)
		if s, err := StrOf(v); err != nil || string(s) != tt.str {
			t.Errorf("str(%s%v) = %q, %v; want %q", tt.cls.Name, tt.args, s, err, tt.str)
		}
		if r, err := Repr(v); err != nil || string(r) != tt.repr {
			t.Errorf("repr(%s%v) = %q, %v; want %q", tt.cls.Name, tt.args, r, err, tt.repr)
		}
		err := RaiseValue(v)
		for _, c := range tt.matches {
			if !ExcMatch(err, c) || !ExcIsInstance(v, c) {
				t.Errorf("%s%v is not an instance of %s", tt.cls.Name, tt.args, c)
			}
		}
		for _, c := range tt.notMatches {
			if ExcMatch(err, c) || ExcIsInstance(v, c) {
				t.Errorf("%s%v is an instance of %s", tt.cls.Name, tt.args, c)
			}
		}
	}

	// Attributes: instance ones, then args, then the classes' (most derived first).
	v := NewAppException(leaf, Str("k"))
	if err := ExcSetAttr(v, "code", Str("mine")); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{"code": "'mine'", "kind": "1", "args": "('k',)"} {
		got, err := ExcGetAttr(v, name)
		if err != nil || reprString(got) != want {
			t.Errorf("e.%s = %v, %v; want %s", name, got, err, want)
		}
	}
	if _, err := ExcGetAttr(v, "missing"); err == nil || err.Error() != "AttributeError: 'Leaf' object has no attribute 'missing'" {
		t.Errorf("e.missing: %v", err)
	}
	if _, err := ExcInit(v, Str("x"), Str("y")); err != nil {
		t.Fatal(err)
	}
	if s, _ := StrOf(v); s != "('x', 'y')" {
		t.Errorf("str after super().__init__('x', 'y') = %q", s)
	}

	// Handler lookup along the MRO: the first class that has a handler, whatever the
	// order the handlers are listed in.
	for _, tt := range []struct {
		err     error
		classes []string
		want    int
	}{
		{RaiseValue(NewAppException(leaf)), []string{"m.Base", "m.Leaf"}, 1},
		{RaiseValue(NewAppException(leaf)), []string{"m.Base"}, 0},
		{RaiseValue(NewAppException(base)), []string{"m.Leaf"}, -1},
		{fmt.Errorf("wrapped: %w", RaiseValue(NewAppException(base))), []string{"m.Base"}, 0},
		{NewException("KeyError", Str("k")), []string{"m.Base"}, -1},
	} {
		if got, _ := ExcLookup(tt.err, tt.classes...); got != tt.want {
			t.Errorf("ExcLookup(%v, %v) = %d, want %d", tt.err, tt.classes, got, tt.want)
		}
	}
}

// TestHTTPExceptionValue checks HTTPException(...) built as a value: the phrase of a
// None detail at once (ValueError for an unknown status), headers read when raised.
func TestHTTPExceptionValue(t *testing.T) {
	for _, tt := range []struct {
		status      Value
		str, errMsg string
	}{
		{IntValue(404), "404: Not Found", ""},
		{Float(401), "401.0: Unauthorized", ""},
		{IntValue(599), "", "ValueError: 599 is not a valid HTTPStatus"},
		{Str("x"), "", "ValueError: 'x' is not a valid HTTPStatus"},
	} {
		v, err := HTTPExceptionValue(tt.status, nil, nil)
		if tt.errMsg != "" {
			if err == nil || err.Error() != tt.errMsg {
				t.Errorf("HTTPException(%v): %v, want %s", tt.status, err, tt.errMsg)
			}
			continue
		}
		if s, err := StrOf(v); err != nil || string(s) != tt.str {
			t.Errorf("str(HTTPException(%v)) = %q, %v; want %q", tt.status, s, err, tt.str)
		}
	}
	h := DictOf(Str("WWW-Authenticate"), Str("Bearer"))
	v, err := HTTPExceptionValue(IntValue(401), Str("no"), h)
	if err != nil {
		t.Fatal(err)
	}
	h.SetStr("X-Late", Str("1"))
	var he *response.HTTPException
	if !errors.As(RaiseValue(v), &he) || he.Status != 401 || len(he.Headers) != 2 {
		t.Errorf("raise: %#v", he)
	}
	if got, _ := ExcGetAttr(v, "headers"); got != Value(h) {
		t.Errorf("e.headers is not the dict given")
	}
	for _, tt := range []struct {
		he   *response.HTTPException
		want string
	}{
		{&response.HTTPException{Status: 404}, "'Not Found'"},
		{&response.HTTPException{Status: 400, Detail: "bad"}, "'bad'"},
		{&response.HTTPException{Status: 400, Detail: Dumps{NewList(IntValue(1), Str("a"))}}, "[1, 'a']"},
		{&response.HTTPException{Status: 400, Detail: []any{"x", 2}}, "['x', 2]"},
	} {
		got, err := ExcGetAttr(CaughtOf(tt.he), "detail")
		if err != nil || reprString(got) != tt.want {
			t.Errorf("detail of %#v = %v, %v; want %s", tt.he, got, err, tt.want)
		}
	}
	// jsonable_encoder(exc) encodes vars(exc): FastAPI gives {"status_code":401,...}.
	if b, err := AppendJSONable(nil, v); err != nil || string(b) != `{"status_code":401,"detail":"no","headers":{"WWW-Authenticate":"Bearer","X-Late":"1"}}` {
		t.Errorf("jsonable_encoder(HTTPException value) = %s, %v", b, err)
	}
	if _, err := AppendJSONable(nil, CaughtOf(RaiseValue(v))); err == nil {
		t.Error("a raised HTTPException (its headers object lost) encodes")
	}
	if _, err := HandlerResponse(DictOf(), nil); err == nil || err.Error() != "TypeError: 'dict' object is not callable" {
		t.Errorf("HandlerResponse(dict): %v", err)
	}
}

// TestValidationErrorText checks that str() and repr() of a pydantic ValidationError
// fail (their text is not reproduced) with an error no except clause catches.
func TestValidationErrorText(t *testing.T) {
	v := CaughtOf(NewException("ValidationError"))
	if _, err := StrOf(v); !errors.Is(err, errValidationText) || ExcMatch(err, "BaseException") {
		t.Errorf("str(ValidationError): %v", err)
	}
	if _, err := Repr(v); !errors.Is(err, errValidationText) {
		t.Errorf("repr(ValidationError): %v", err)
	}
}
