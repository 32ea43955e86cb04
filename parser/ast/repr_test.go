package ast

import (
	"encoding/hex"
	"os/exec"
	"strconv"
	"strings"
	"testing"
)

// TestReprAgainstCPython compares FloatRepr, complex, StrRepr and BytesRepr with python3's repr.
func TestReprAgainstCPython(t *testing.T) {
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Fatalf("python3 is required: %v", err)
	}
	floats := []float64{0, 1, -1, 0.1, 1e16, 1e15, 123456789012345678, 1e-4, 1e-5, 0.00012345, 1.5e300, 5e-324, 2.5, 1e22, 100, 3.141592653589793}
	strs := []string{"", "a", "'", "\"", "'\"", "\\", "\t\n\r\x00\x7f", "é", "\u00a0", "\u2028", "日本", "\U0001F600", "\xed\xa0\x80", "\u200b", "\u0085", "\u00ad"}
	var src strings.Builder
	src.WriteString("import sys\n")
	for _, f := range floats {
		src.WriteString("print(repr(float.fromhex('" + strconvHex(f) + "')))\n")
		src.WriteString("print(repr(complex(0, float.fromhex('" + strconvHex(f) + "'))))\n")
	}
	for _, s := range strs {
		src.WriteString("print(repr(bytes.fromhex('" + hexOf(s) + "').decode('utf-8','surrogatepass')))\n")
		src.WriteString("print(repr(bytes.fromhex('" + hexOf(s) + "')))\n")
	}
	out, err := exec.Command(py, "-c", src.String()).Output()
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Split(strings.TrimRight(string(out), "\n"), "\n")
	var got []string
	for _, f := range floats {
		got = append(got, Float(f).Repr(), "("+Complex(f).Repr()+")")
	}
	for _, s := range strs {
		got = append(got, Str(s).Repr(), Bytes(s).Repr())
	}
	for i := range got {
		w := want[i]
		if strings.HasPrefix(got[i], "(") && !strings.HasPrefix(w, "(") {
			w = "(" + w + ")"
		}
		if got[i] != w {
			t.Errorf("case %d: got %s, python says %s", i, got[i], w)
		}
	}
}

func strconvHex(f float64) string { return strconv.FormatFloat(f, 'x', -1, 64) }

func hexOf(s string) string { return hex.EncodeToString([]byte(s)) }
