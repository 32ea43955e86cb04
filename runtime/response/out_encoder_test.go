package response

import (
	"testing"

	"github.com/covetpy/covetgen/runtime/validate"
)

// TestOutEncoder checks that the request's encoder starts empty with the options given,
// appends to the body buffer, and is reused (with its stacks) after Reset.
func TestOutEncoder(t *testing.T) {
	var o Out
	for i, opts := range []validate.DumpOptions{{ByAlias: true}, {ExcludeNone: true}} {
		o.Reset()
		e := o.Encoder(validate.ModePydantic, opts)
		if len(e.Buf) != 0 || e.Err != nil || e.Opts != opts || e.Mode != validate.ModePydantic {
			t.Fatalf("round %d: encoder not reset: %+v", i, e)
		}
		e.BeginObject()
		if e.Entry("a") {
			e.Str("x")
			e.Done()
		}
		e.EndObject()
		if got := string(e.Buf); got != `{"a":"x"}` {
			t.Errorf("round %d: %s", i, got)
		}
		if err := o.JSON(200, e.Buf); err != nil {
			t.Fatal(err)
		}
		if got := string(o.Response().Body); got != `{"a":"x"}` {
			t.Errorf("round %d: body %s", i, got)
		}
	}
	if a := testing.AllocsPerRun(100, func() {
		o.Reset()
		e := o.Encoder(validate.ModePydantic, validate.DumpOptions{})
		e.BeginObject()
		e.EndObject()
	}); a != 0 {
		t.Errorf("%v allocations per reused encoding, want 0", a)
	}
}
