package bridge

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"math"
	"testing"
	"time"

	"github.com/covetpy/covetgen/runtime/pyval"
)

func TestEncode(t *testing.T) {
	tests := []struct {
		name string
		v    any
		want string
	}{
		{"nil", nil, `null`},
		{"bool", true, `true`},
		{"int", -3, `-3`},
		{"uint64", uint64(math.MaxUint64), `18446744073709551615`},
		{"float", 0.1, `0.1`},
		{"float int", 2.0, `2.0`},
		{"nan", math.NaN(), `NaN`},
		{"-inf", math.Inf(-1), `-Infinity`},
		{"str", "é\"", `"\u00e9\""`},
		{"bytes", []byte{0, 255}, `{"$t":"bytes","v":"AP8="}`},
		{"list", []any{1, "a"}, `[1,"a"]`},
		{"map sorted", map[string]any{"b": 1, "a": 2}, `{"a":2,"b":1}`},
		{"map with $t", map[string]any{"$t": 1}, `{"$t":"dict","v":[["$t",1]]}`},
		{"time", time.Date(2024, 1, 2, 3, 4, 5, 6000, time.UTC), `{"$t":"datetime","v":"2024-01-02T03:04:05.000006Z"}`},
		{"raw", json.RawMessage(`{"$t":"uuid","v":"x"}`), `{"$t":"uuid","v":"x"}`},
		{"date", Date("2024-01-02"), `{"$t":"date","v":"2024-01-02"}`},
		{"enum", Tagged{Tag: "enum", Class: "m:Color", V: "red"}, `{"$t":"enum","cls":"m:Color","v":"red"}`},
		{"model", Model{Class: "Item", Fields: map[string]any{"x": 1}}, `{"$t":"model","cls":"Item","v":{"x":1}}`},
		{"pyval int", pyval.IntOf(5), `5`},
		{"pyval big", pyval.ParseInt("123456789012345678901234567890"), `123456789012345678901234567890`},
		{"pyval tuple", pyval.Tuple{pyval.None, pyval.True}, `{"$t":"tuple","v":[null,true]}`},
		{"pyval list", &pyval.List{Items: []pyval.Value{pyval.Float(1)}}, `[1.0]`},
		{"pyval dict", pyval.DictOf(pyval.Str("a"), pyval.Bytes("b")), `{"a":{"$t":"bytes","v":"Yg=="}}`},
		{"pyval int keys", pyval.DictOf(pyval.IntOf(1), pyval.Str("a")), `{"$t":"dict","v":[[1,"a"]]}`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Encode(nil, tc.v)
			if err != nil || string(got) != tc.want {
				t.Errorf("got %s (%v), want %s", got, err, tc.want)
			}
		})
	}
	if _, err := Encode(nil, struct{}{}); !errors.Is(err, ErrUnsupportedArg) {
		t.Errorf("unsupported type: %v", err)
	}
}

func TestEncodeCall(t *testing.T) {
	got, err := encodeCall("m:f", "v", []any{1, Kw("q", "x"), 2})
	want := `{"fn":"m:f","mode":"v","args":[1,2],"kw":{"q":"x"}}`
	if err != nil || string(got) != want {
		t.Errorf("got %s (%v), want %s", got, err, want)
	}
}

func TestFrame(t *testing.T) {
	payload := []byte(`{"a":1}`)
	b := appendFrameHeader(nil, 7, kindValue, len(payload))
	b = append(b, payload...)
	f, err := readFrame(bytes.NewReader(b))
	if err != nil || f.id != 7 || f.kind != kindValue || string(f.payload) != string(payload) {
		t.Errorf("got %+v %v", f, err)
	}
	for _, bad := range [][]byte{{0, 0, 0, 1, 0}, {0xff, 0xff, 0xff, 0xff}, {0, 0}} {
		if _, err := readFrame(bytes.NewReader(bad)); err == nil {
			t.Errorf("readFrame(%v) succeeded", bad)
		}
	}
}

func TestFlags(t *testing.T) {
	t.Setenv("COVETGEN_PYTHON", "/env/python")
	t.Setenv("COVETGEN_WORKERS", "3")
	tests := []struct {
		args    []string
		python  string
		workers int
		dir     string
	}{
		{nil, "/env/python", 3, ""},
		{[]string{"--python", "/opt/py", "--workers", "5", "--app-dir", "src"}, "/opt/py", 5, "src"},
	}
	for _, tc := range tests {
		fs := flag.NewFlagSet("x", flag.ContinueOnError)
		c := Flags(fs)
		if err := fs.Parse(tc.args); err != nil {
			t.Fatal(err)
		}
		if c.Python != tc.python || c.Workers != tc.workers || c.AppDir != tc.dir {
			t.Errorf("%v: got %+v", tc.args, c)
		}
	}
	d := Config{}.withDefaults()
	if d.Threads != 40 || d.Workers < 1 || d.AppDir != "." || d.Timeout <= 0 {
		t.Errorf("defaults %+v", d)
	}
}
