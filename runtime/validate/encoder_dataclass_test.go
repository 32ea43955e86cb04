package validate

import "testing"

// TestEncodeDataclass checks that jsonable_encoder converts a dataclass's values as plain
// values (dataclasses.asdict) and a model's in model_dump's JSON mode; CPython gave
// {"d":90.0} and {"d":"PT1M30S"} for a timedelta(seconds=90) field.
func TestEncodeDataclass(t *testing.T) {
	enc := func(begin, end func(*Encoder)) string {
		var e Encoder
		e.Reset(ModeJSONable, DumpOptions{ByAlias: true})
		begin(&e)
		if e.Field("d", "", true, false, false) {
			e.Duration(Duration{Seconds: 90})
			e.Done()
		}
		end(&e)
		if e.Err != nil {
			t.Fatal(e.Err)
		}
		return string(e.Buf)
	}
	if got := enc((*Encoder).BeginDataclass, (*Encoder).EndDataclass); got != `{"d":90.0}` {
		t.Errorf("dataclass: %s", got)
	}
	if got := enc((*Encoder).BeginModel, (*Encoder).EndModel); got != `{"d":"PT1M30S"}` {
		t.Errorf("model: %s", got)
	}
}
