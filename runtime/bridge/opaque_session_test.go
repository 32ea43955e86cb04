package bridge

import (
	"encoding/json"
	"errors"
	"path/filepath"
	"testing"

	"github.com/covetpy/covetgen/runtime/pyjson"
	"github.com/covetpy/covetgen/runtime/validate"
)

// jsonArg is a JSON text as a call argument (the worker receives json.loads of it).
func jsonArg(t *testing.T, text string) pyjson.Value {
	t.Helper()
	doc, err := pyjson.Parse([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return doc.Root()
}

// TestOpaqueSession validates body parameters and serializes response models of opaque
// types through a real session (the functions of testdata/compat/opaque_cases.py), and
// requires the 422 items as Go renders them, and the bodies, to equal FastAPI's recorded
// in opaque_golden.json.
func TestOpaqueSession(t *testing.T) {
	env, ok := stacks(t)["compat"]
	if !ok {
		t.Skip("python3 imports fastapi by itself")
	}
	golden, err := readCompatGolden(filepath.Join("testdata", "compat", "opaque_golden.json"))
	if err != nil {
		t.Fatal(err)
	}
	want := func(name string) string {
		var s string
		if err := json.Unmarshal(golden.Cases[name], &s); err != nil {
			t.Fatalf("golden %s: %v", name, err)
		}
		return s
	}
	p := startPool(t, env, func(c *Config) { c.AppDir, c.App, c.Workers = "testdata/compat", "opaque_cases", 1 })
	bodies := []struct {
		name, fn, param, body string
		raw, embed            bool
	}{
		{"booking-ok", "ep_booking", "booking", `{"owner": {"name": "Ann", "email": "A@X.IO"}, "start": 9}`, false, false},
		{"booking-email", "ep_booking", "booking", `{"owner": {"name": "Ann", "email": "nope"}, "start": 9}`, false, false},
		{"booking-bytes", "ep_booking", "booking", `{"start": 1}`, true, false},
		{"pets", "ep_pets", "pets", `[{"kind": "cat", "name": "a"}, {"kind": "dog", "weight": "h"}, 3]`, false, false},
		{"embed-pet", "ep_embed", "pet", `{"booking": 1, "pet": {"kind": "dog", "weight": 0}}`, false, true},
	}
	for _, c := range bodies {
		t.Run("body/"+c.name, func(t *testing.T) {
			s, err := p.Session(ctx(t), false)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close(ctx(t), nil)
			loc := []any{"body"}
			if c.embed {
				loc = append(loc, c.param)
			}
			ref, errs, err := s.ValidateBody(ctx(t), BodyValidation{Fn: "opaque_cases:" + c.fn, Param: c.param,
				Body: []byte(c.body), Raw: c.raw, Embed: c.embed, Key: c.param, Loc: loc})
			if err != nil {
				t.Fatal(err)
			}
			w := want("body/" + c.name)
			if len(errs) == 0 {
				if ref.Class == "" || w[0] == '{' {
					t.Fatalf("validated to %+v, want %s", ref, w)
				}
				return
			}
			got, err := validate.AppendDetail(nil, errs)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != w {
				t.Errorf("422 body\n got %s\nwant %s", got, w)
			}
		})
	}
	t.Run("opaque instance stays a ref", func(t *testing.T) {
		s, err := p.Session(ctx(t), false)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close(ctx(t), nil)
		rep, err := s.Invoke(ctx(t), Invocation{Fn: "opaque_cases:make_bumped"})
		if err != nil {
			t.Fatal(err)
		}
		v, err := rep.Result.Value(nil)
		if err != nil {
			t.Fatal(err)
		}
		ref, ok := v.(Ref)
		if !ok || ref.Class != "opaque_cases:Bumped" {
			t.Fatalf("make_bumped() came back as %#v, want a ref", v)
		}
		rep, err = s.Invoke(ctx(t), Invocation{Fn: "opaque_cases:echo", Args: []any{ref},
			Response: &ResponseField{Model: "Bumped", Module: "opaque_cases", DumpJSON: true}})
		if err != nil {
			t.Fatal(err)
		}
		if string(rep.Body) != `{"n":2}` {
			t.Errorf("echo(ref) serialized as %s, want the instance as it was: {\"n\":2}", rep.Body)
		}
	})
	responses := []struct {
		name, model, result string
		field               ResponseField
	}{
		{"page-dict", "Page[Cat]", `{"items": [{"kind": "cat", "name": "b", "lives": 1}], "total": 1}`, ResponseField{ExcludeDefaults: true, DumpJSON: true}},
		{"recipe-dict", "Recipe", `{"title": "T", "servings": "2", "ingredients": []}`, ResponseField{}},
		{"camel-no-alias", "Camel", `{"firstName": "A"}`, ResponseField{DumpJSON: true}},
		{"camel-alias", "Camel", `{"firstName": "A"}`, ResponseField{ByAlias: true, DumpJSON: true}},
		{"union", "Union[Cat, Dog]", `{"kind": "dog", "weight": 3}`, ResponseField{ByAlias: true, DumpJSON: true}},
		{"recipe-invalid", "Recipe", `{"title": "T"}`, ResponseField{ByAlias: true, DumpJSON: true}},
	}
	for _, c := range responses {
		t.Run("response/"+c.name, func(t *testing.T) {
			s, err := p.Session(ctx(t), false)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close(ctx(t), nil)
			f := c.field
			f.Model, f.Module = c.model, "opaque_cases"
			rep, err := s.Invoke(ctx(t), Invocation{Fn: "opaque_cases:echo", Args: []any{jsonArg(t, c.result)}, Response: &f})
			var pe *PyError
			if errors.As(err, &pe) {
				if pe.Type != "ResponseValidationError" || golden.Cases["response/"+c.name][0] != '{' {
					t.Fatalf("%v, want %s", err, golden.Cases["response/"+c.name])
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if w := want("response/" + c.name); string(rep.Body) != w {
				t.Errorf("body\n got %s\nwant %s", rep.Body, w)
			}
		})
	}
}
