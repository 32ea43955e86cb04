package pyval

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"math/rand"
	"os/exec"
	"testing"
)

// pyOracle runs a python3 script reading JSON on stdin and writing JSON on stdout.
func pyOracle(t *testing.T, script string, in, out any) {
	t.Helper()
	if _, err := exec.LookPath("python3"); err != nil {
		t.Fatal("python3 is needed as the test oracle")
	}
	body, _ := json.Marshal(in)
	cmd := exec.Command("python3", "-c", script)
	cmd.Stdin = bytes.NewReader(body)
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	if err := cmd.Run(); err != nil {
		t.Fatalf("oracle: %v\n%s", err, e.String())
	}
	if err := json.Unmarshal(o.Bytes(), out); err != nil {
		t.Fatal(err)
	}
}

// b64Cases are inputs of base64 decoding: edge cases, then random strings over an
// alphabet rich in padding and invalid characters.
func b64Cases() []string {
	cases := []string{"", "=", "==", "a", "ab", "abc", "abcd", "ab==", "abc=", "a===", "ab=c", "ab==c", "ab== ",
		"=abc", "YWJj", "YWJjZA==", "YWJjZA=", "YWJjZA", "YW Jj", "YW\nJj\n", "Y!WJj", "YWJjZA==YWJj", "-_-_", "+/+/",
		"YWJjZGVm=", "abcde", "abcdef=g", "ab=\n=", "a=b", "====", "abc==="}
	r := rand.New(rand.NewSource(1))
	const alpha = "AZaz09+/=-_ !\n"
	for i := 0; i < 400; i++ {
		b := make([]byte, r.Intn(12))
		for k := range b {
			b[k] = alpha[r.Intn(len(alpha))]
		}
		cases = append(cases, string(b))
	}
	return cases
}

func TestB64DecodeDifferential(t *testing.T) {
	cases := b64Cases()
	var want [][3]string
	pyOracle(t, `
import base64, binascii, json, sys
out = []
for s in json.load(sys.stdin):
    row = []
    for fn in (lambda: base64.b64decode(s), lambda: base64.b64decode(s, validate=True), lambda: base64.urlsafe_b64decode(s)):
        try:
            row.append(fn().hex())
        except binascii.Error as e:
            row.append("!" + str(e))
    out.append(row)
json.dump(out, sys.stdout)
`, cases, &want)
	for i, s := range cases {
		for k, args := range [][2]bool{{false, false}, {true, false}, {false, true}} {
			v, err := b64Decode(Str(s), args[0], args[1])
			got := ""
			if err != nil {
				e := err.(*Exception)
				if e.Class != "binascii.Error" || !e.IsInstance("ValueError") {
					t.Fatalf("%q: %v", s, err)
				}
				got = "!" + e.Msg
			} else {
				got = hex.EncodeToString([]byte(v.(Bytes)))
			}
			if got != want[i][k] {
				t.Errorf("b64decode %q (variant %d): python %q, go %q", s, k, want[i][k], got)
			}
		}
	}
	if _, err := B64Decode(Str("é"), nil, false); err == nil || err.(*Exception).Class != "ValueError" {
		t.Errorf("non-ASCII str: %v", err)
	}
}

func TestBlake2bAndHmacDifferential(t *testing.T) {
	type row struct {
		Data string `json:"data"`
		Key  string `json:"key"`
		Size int    `json:"size"`
	}
	var rows []row
	r := rand.New(rand.NewSource(2))
	for _, n := range []int{0, 1, 3, 64, 127, 128, 129, 255, 256, 257, 1000} {
		b := make([]byte, n)
		r.Read(b)
		for _, key := range []string{"", "k", string(b[:min(len(b), 64)])} {
			for _, size := range []int{1, 16, 20, 32, 64} {
				rows = append(rows, row{hex.EncodeToString(b), hex.EncodeToString([]byte(key)), size})
			}
		}
	}
	var want [][2]string
	pyOracle(t, `
import hashlib, hmac, json, sys
out = []
for r in json.load(sys.stdin):
    d, k = bytes.fromhex(r["data"]), bytes.fromhex(r["key"])
    out.append([hashlib.blake2b(d, digest_size=r["size"], key=k).hexdigest(), hmac.new(k, d, hashlib.sha256).hexdigest()])
json.dump(out, sys.stdout)
`, rows, &want)
	for i, rw := range rows {
		d, _ := hex.DecodeString(rw.Data)
		k, _ := hex.DecodeString(rw.Key)
		got, err := Blake2bDigest(Bytes(d), IntOf(int64(rw.Size)), Bytes(k), true)
		if err != nil || string(got.(Str)) != want[i][0] {
			t.Errorf("blake2b(%d bytes, key %d bytes, size %d) = %v %v, want %s", len(d), len(k), rw.Size, got, err, want[i][0])
		}
		mac, err := HmacDigest("sha256", Bytes(k), Bytes(d), true)
		if err != nil || string(mac.(Str)) != want[i][1] {
			t.Errorf("hmac(%d bytes, key %d bytes) = %v %v, want %s", len(d), len(k), mac, err, want[i][1])
		}
	}
}

func TestBytesDecodeReplaceDifferential(t *testing.T) {
	cases := []string{"", "abc", "h\xc3\xa9llo", "\xff", "\xe2\x82", "\xe2\x82A", "\xed\xa0\x80", "\xf0\x9f\x98\x80",
		"\xf0\x9f\x98", "\xf4\x90\x80\x80", "\xc0\xaf", "\xe0\x80\xaf", "\x80\x80", "a\xf1\x80\x80b", "\xef\xbf\xbd"}
	r := rand.New(rand.NewSource(3))
	for i := 0; i < 300; i++ {
		b := make([]byte, r.Intn(8))
		for k := range b {
			b[k] = []byte{0x41, 0x80, 0xbf, 0xc2, 0xe0, 0xed, 0xf0, 0xf4, 0xa0, 0x9f, 0x90, 0x8f, 0xff, 0xc3, 0xa9}[r.Intn(15)]
		}
		cases = append(cases, string(b))
	}
	var hexes []string
	for _, c := range cases {
		hexes = append(hexes, hex.EncodeToString([]byte(c)))
	}
	var want [][4]string
	pyOracle(t, `
import json, sys
json.dump([[bytes.fromhex(h).decode(enc, errors=err) for err in ("replace", "ignore") for enc in ("utf-8", "ascii")] for h in json.load(sys.stdin)], sys.stdout)
`, hexes, &want)
	for i, c := range cases {
		for k, errs := range []string{"replace", "ignore"} {
			for a, enc := range []string{"utf-8", "ascii"} {
				got, err := bytesDecode(c, []Value{Str(enc), Str(errs)}, nil)
				if err != nil || string(got.(Str)) != want[i][2*k+a] {
					t.Errorf("decode %x (%s, %s) = %q, want %q", c, enc, errs, got, want[i][2*k+a])
				}
			}
		}
	}
}
