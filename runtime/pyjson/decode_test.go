package pyjson

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"unicode/utf16"
)

// decodeCases are json.loads inputs: valid, invalid and edge cases.
var decodeCases = []string{
	// scalars
	`null`, `true`, `false`, `0`, `-0`, `1`, `-1`, `123456789`, `9223372036854775807`,
	`9223372036854775808`, `-9223372036854775809`, `123456789012345678901234567890`,
	`1.5`, `-1.5`, `0.0`, `-0.0`, `1e5`, `1E+2`, `1e-2`, `-0.0e-0`, `1.0e400`, `1e400`, `-1e400`,
	`1e-400`, `5e-324`, `2.2250738585072014e-308`, `1.7976931348623157e308`, `0.1`, `123.456e-7`,
	`NaN`, `Infinity`, `-Infinity`, `"abc"`, `""`, `" "`,
	// numbers CPython rejects or cuts short
	`01`, `-01`, `00`, `1.`, `.5`, `1e`, `1e+`, `1.e5`, `-`, `--1`, `+1`, `1.5e+`, `0x10`, `1_000`,
	`-NaN`, `nan`, `infinity`, `-infinity`, `Inf`, `-Inf`, `NaNa`, `Infinityx`, `-Infinit`,
	// literals
	`nul`, `tru`, `fals`, `nulll`, `True`, `None`, `null null`, `truefalse`,
	// whitespace
	``, ` `, "\t\n\r 1 \t\n\r", "1\x0b", "\x0c1", "\u00a01", "1\u00a0", "\u20281", "\u3000[]",
	"\x00", "1\x00", "[1]\x00",
	// arrays
	`[]`, `[ ]`, `[1]`, `[1,2,3]`, `[1 ,2 , 3 ]`, `[1,]`, `[,1]`, `[1 2]`, `[`, `[1`, `[1,`,
	`]`, `[]]`, `[[]]`, `[[[[1]]],[2]]`, `[-]`, `[1,,2]`, `[01]`, `[1.]`, `[NaN,Infinity,-Infinity]`,
	`[null,true,false,"x",1,1.5,{},[]]`,
	// objects
	`{}`, `{ }`, `{"a":1}`, `{"a" : 1 , "b" : 2}`, `{"a":1,}`, `{,}`, `{"a"}`, `{"a":}`, `{"a" 1}`,
	`{1:2}`, `{'a':1}`, `{a:1}`, `{"a":1 "b":2}`, `{"a":1,"b":2,"a":3}`, `{"a":1,"a":2,"a":3}`,
	`{"a":{"b":1,"b":[1]},"a":null}`, `{"":1,"":2}`, `{"\u0061":1,"a":2}`, `{"a":1}}`, `{`, `{"`,
	`{"a`, `{"a"`, `{"a":`, `{"a":1`, `{"a":1,`, `{"a":[1,{"b":}]}`, `{"é":1,"e\u0301":2}`,
	// strings
	`"abc`, `"`, `"\"`, `"\\"`, `"\/"`, `"\b\f\n\r\t"`, `"\x"`, `"\a"`, `"\'"`, `"\u0041"`,
	`"\u00e9"`, `"\u12"`, `"\u12g4"`, `"\u1234`, `"\u123"`, `"\U0041"`, `"\ud800"`, `"\udc00"`,
	`"\ud800\udc00"`, `"\udc00\ud800"`, `"\ud83d\ude00"`, `"\ud800\u0041"`, `"\ud800\ud800"`,
	`"\ud800\u12"`, `"\ud800\x"`, `"\ud800\udc0"`, `"\ud800\udc0g"`, `"\ud800\"`, `"\ud800\\"`,
	`"\uD834\uDD1E"`, `"\u0000"`, `"\u001f"`, `"\u007f"`, `"\u2028\u2029"`, `"\ufeff"`,
	"\"a\nb\"", "\"\t\"", "\"\x00\"", "\"\x1f\"", "\"\x7f\"", "\"abc\" x", "\"\\", "\"a\\",
	"\"é\" x", "\"日本語\"", "\"😀\"", "[\"😀\", 1, \"x\" 2]", "\"é", "\"\\é\"", "\"\\u00é1\"",
	"\"\\ud800\\uDCé\"",
	// non-ASCII outside strings and BOMs
	"é", "[é]", "\ufeff[1]", "\ufeff\ufeff[1]", "\ufeff", "\ufeff ", " \ufeff1", "[1]\ufeff",
	// nesting
	`[[[[[[[[[[]]]]]]]]]]`, `{"a":{"a":{"a":{"a":{}}}}}`, `[{"a":[{"b":[{}]}]}]`, `[[[`, `{"a":[}`, `[{]`,
	// extra data
	`1 2`, `[] []`, `{}x`, `"a""b"`, `1,`, `nullx`, `1]`, `1}`,
}

// rawCases are byte-level inputs: invalid UTF-8, surrogatepass, UTF-16/32.
func rawCases() [][]byte {
	var out [][]byte
	for _, s := range []string{
		"\"\xff\"", "1 \xff", "[\xff]", "\xff", "\xc3", "\"\xc3\"", "\"\xc3\x28\"", "\"\xe2\x82\"",
		"\"\xf0\x9f\x98\"", "\"\xed\xa0\x80\"", "\"\xed\xbf\xbf\"", "\"\xed\xa0\xbd\xed\xb8\x80\"",
		"\"\xc0\xaf\"", "\"\xe0\x80\xaf\"", "\"\xf4\x90\x80\x80\"", "\"\xf5\x80\x80\x80\"", "\"\x80\"",
		"[1,] \xff", "[1 2] \"\xff\"", "{\"a\":\xc3\xa9}", "\xef\xbb\xbf\xff", "\xef\xbb", "\xef\xbb\xbf\"\xed\xa0\x80\"",
		"{\"\xed\xa0\x80\":1}", "\"\\ud800\xed\xb0\x80\"", "\x00\x00\x00\x00", "1\x00\x00\x00",
		"\x00\x31", "\x31\x00", "\x00", "ab", "\x00\x00", "\xfe\xff", "\xff\xfe", "\xff\xfe\x00\x00",
		"\x00\x00\xfe\xff", "\xff\xfe1", "\xff\xfe\x31\x00\x32\x00", "\x00\x5b\x00\x31\x00\x5d",
		"\x5b\x00\x31\x00\x5d\x00", "\x5b\x00\x00\x00\x5d\x00\x00\x00", "\x00\x00\x00\x5b\x00\x00\x00\x5d",
		"\x00\xd8\x22\x00", "\x22\x00\x00\xd8\x22\x00", "\x22\x00\x3d\xd8\x00\xde\x22\x00",
		"\x22\x00\x00\x00\x00\x00\x11\x00\x22\x00\x00\x00", "\x22\x00\x00\x00\x00\xd8\x00\x00\x22\x00\x00\x00",
		"\x5b\x00\x31\x00\x5d", "\x5b\x00\x00\x00\x5d\x00\x00",
	} {
		out = append(out, []byte(s))
	}
	// UTF-16/32 bodies with and without BOM.
	for _, doc := range []string{`[1, "é", "😀", {"a": null}]`, `[1,]`, `{"a" 1}`, "\"x\ny\"", `"\ud800"`} {
		u := utf16.Encode([]rune(doc))
		le, be := []byte{}, []byte{}
		for _, c := range u {
			le = append(le, byte(c), byte(c>>8))
			be = append(be, byte(c>>8), byte(c))
		}
		out = append(out, le, be, append([]byte{0xFF, 0xFE}, le...), append([]byte{0xFE, 0xFF}, be...))
		var le32 []byte
		for _, r := range doc {
			le32 = append(le32, byte(r), byte(r>>8), byte(r>>16), 0)
		}
		out = append(out, le32, append([]byte{0xFF, 0xFE, 0, 0}, le32...))
	}
	// Every byte alone, and inside a string.
	for b := 0; b < 256; b++ {
		out = append(out, []byte{byte(b)}, []byte{'"', 'a', byte(b), 'b', '"'})
	}
	// Every escape letter.
	for c := byte(0x21); c < 0x7f; c++ {
		out = append(out, []byte{'"', '\\', c, '"'})
	}
	// Big ints around CPython's 4300-digit limit, and long floats.
	for _, n := range []int{4299, 4300, 4301} {
		digits := strings.Repeat("7", n)
		out = append(out, []byte(digits), []byte("-"+digits), []byte("["+digits+"]"), []byte(digits+".5"),
			[]byte("0."+digits), []byte("[1,] "+strings.Repeat("9", 5000)))
	}
	out = append(out, []byte("["+strings.Repeat("9", 5000)+", 1 2]"), []byte("[1 2, "+strings.Repeat("9", 5000)+"]"))
	// Deep nesting (well below CPython's recursion limit when run directly).
	for _, n := range []int{50, 200, 500} {
		out = append(out, []byte(strings.Repeat("[", n)+strings.Repeat("]", n)),
			[]byte(strings.Repeat(`{"a":`, n)+"1"+strings.Repeat("}", n)),
			[]byte(strings.Repeat("[", n)+strings.Repeat("]", n-1)))
	}
	// Large objects with duplicates (map path).
	var sb strings.Builder
	sb.WriteString("{")
	for i := 0; i < 100; i++ {
		if i > 0 {
			sb.WriteString(",")
		}
		sb.WriteString(`"k` + string(rune('a'+i%40)) + `":` + strings.Repeat("1", 1+i%3))
	}
	sb.WriteString("}")
	out = append(out, []byte(sb.String()))
	return out
}

func allDecodeInputs() [][]byte {
	var in [][]byte
	for _, s := range decodeCases {
		in = append(in, []byte(s))
	}
	return append(in, rawCases()...)
}

func TestDecodeMatchesCPython(t *testing.T) {
	in := allDecodeInputs()
	t.Logf("%d inputs", len(in))
	runDecodeOracle(t, in)
}

// TestDepthLimit checks the default limit measured through FastAPI/uvicorn:
// 959 levels parse, 960 are a RecursionError (400).
func TestDepthLimit(t *testing.T) {
	for _, tc := range []struct {
		depth int
		ok    bool
	}{{1, true}, {958, true}, {959, true}, {960, false}, {100000, false}} {
		for _, open := range []string{"[", `{"a":`} {
			closeCh := "]"
			if open != "[" {
				closeCh = "}"
			}
			doc := strings.Repeat(open, tc.depth) + "1" + strings.Repeat(closeCh, tc.depth)
			_, err := Parse([]byte(doc))
			var ie *InputError
			if tc.ok && err != nil || !tc.ok && !(errors.As(err, &ie) && ie.Kind == TooDeep) {
				t.Errorf("depth %d %q: err %v", tc.depth, open, err)
			}
		}
	}
	// An encoding error after the too-deep point still wins, as in CPython.
	doc := strings.Repeat("[", 2000) + "\xff"
	_, err := Parse([]byte(doc))
	var ie *InputError
	if !errors.As(err, &ie) || ie.Kind != InvalidEncoding {
		t.Errorf("want InvalidEncoding, got %v", err)
	}
}

func TestValueAPI(t *testing.T) {
	d, err := Parse([]byte(`{"b":[1,"x\u00e9",2.5,null,true],"a":-7,"b":{"c":"d"},"n":18446744073709551616}`))
	if err != nil {
		t.Fatal(err)
	}
	root := d.Root()
	if root.Len() != 3 {
		t.Fatalf("len %d", root.Len())
	}
	var keys []string
	for it := root.Members(); it.Next(); {
		keys = append(keys, it.Key())
	}
	if strings.Join(keys, ",") != "b,a,n" {
		t.Errorf("keys %v", keys)
	}
	b, _ := root.Get("b")
	if c, _ := b.Get("c"); c.Str() != "d" {
		t.Errorf("b.c = %q", c.Str())
	}
	if a, _ := root.Get("a"); a.Kind() != KindInt {
		t.Errorf("a kind %v", a.Kind())
	} else if i, ok := a.Int64(); !ok || i != -7 {
		t.Errorf("a = %d", i)
	}
	n, _ := root.Get("n")
	if _, ok := n.Int64(); ok || n.BigInt().String() != "18446744073709551616" {
		t.Errorf("n = %v", n.BigInt())
	}
	if _, ok := root.Get("zz"); ok {
		t.Error("found zz")
	}
	var zero Value
	if zero.Kind() != KindInvalid || zero.Len() != 0 || zero.Str() != "" {
		t.Error("zero value")
	}
	for it := zero.Elems(); it.Next(); {
		t.Error("zero elems")
	}
}

func TestCharLen(t *testing.T) {
	d, _ := Parse([]byte(`"a\u00e9\ud83d\ude00\ud800"`))
	s := d.Root().Str()
	if CharLen(s) != 4 || !HasSurrogate(s) || !d.Root().HasSurrogate() {
		t.Errorf("CharLen %d", CharLen(s))
	}
	if _, err := AppendString(nil, s); err == nil {
		t.Error("surrogate encoded")
	}
	if !bytes.Equal([]byte(s[:3]), []byte("a\u00e9")) {
		t.Errorf("%q", s)
	}
}
