package pyjson

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/covetpy/covetgen/runtime/internal/pyoracle"
)

const floatScript = `
import struct
from pydantic import TypeAdapter
_ta = TypeAdapter(float)
def handle(case):
    f = struct.unpack('<d', struct.pack('<Q', int(case["bits"])))[0]
    try:
        d = json.dumps(f, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    except ValueError:
        d = "ERR"
    return {"repr": repr(f), "dumps": d, "pyd": _ta.dump_json(f).decode()}
`

func floatInputs() []float64 {
	fs := []float64{0, math.Copysign(0, -1), 1, -1, 0.1, 0.5, 1.5, 1e-7, 1e-6, 1e-5, 2.5e-5, 1e-4, 1e15, 1e16, 1e17,
		1e21, 1e22, 1e23, 123456789012345678, 1234567890123456, 9999999999999998, 0.3333333333333333,
		math.MaxFloat64, math.SmallestNonzeroFloat64, 2.2250738585072014e-308, math.Inf(1), math.Inf(-1), math.NaN(),
		100, 1e100, 1.5e300, 123e-20, 9.999999999999999e-5, 0.00009999, 5e-5, 1 << 53, 1<<53 + 2, -123.456}
	for e := -330; e <= 310; e += 7 {
		fs = append(fs, math.Pow(10, float64(e)), -3.7*math.Pow(10, float64(e)))
	}
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 300; i++ {
		fs = append(fs, math.Float64frombits(r.Uint64()))
	}
	for i := 0; i < 100; i++ {
		fs = append(fs, float64(r.IntN(2000000)-1000000)/float64(1+r.IntN(1000)))
	}
	return fs
}

func TestFloatFormatsMatchPython(t *testing.T) {
	fs := floatInputs()
	cases := make([]any, len(fs))
	for i, f := range fs {
		cases[i] = map[string]any{"bits": json.Number(uintStr(math.Float64bits(f)))}
	}
	for i, a := range pyoracle.Run(t, floatScript, cases) {
		var want struct{ Repr, Dumps, Pyd string }
		if err := json.Unmarshal(a, &want); err != nil {
			t.Fatal(err)
		}
		f := fs[i]
		if got := string(AppendFloatRepr(nil, f)); got != want.Repr {
			t.Errorf("repr(%v) = %s, want %s", f, got, want.Repr)
		}
		got, err := AppendFloat(nil, f)
		if err != nil {
			got = []byte("ERR")
		}
		if string(got) != want.Dumps {
			t.Errorf("dumps(%v) = %s, want %s", f, got, want.Dumps)
		}
		if got := string(AppendFloatPydantic(nil, f)); got != want.Pyd {
			t.Errorf("pydantic(%v) = %s, want %s", f, got, want.Pyd)
		}
	}
	t.Logf("%d floats", len(fs))
}

func uintStr(u uint64) string {
	b := make([]byte, 0, 20)
	if u == 0 {
		return "0"
	}
	for u > 0 {
		b = append([]byte{byte('0' + u%10)}, b...)
		u /= 10
	}
	return string(b)
}
