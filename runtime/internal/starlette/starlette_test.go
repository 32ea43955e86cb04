package starlette

import (
	"encoding/base64"
	"encoding/json"
	"net/http/httptest"
	"testing"

	"github.com/covetpy/covetgen/runtime/internal/pyoracle"
)

const oracleScript = `
import base64, urllib.parse
def handle(c):
    op = c["op"]
    if op == "quote":
        return urllib.parse.quote(c["s"], safe=c["safe"])
    if op == "decode":
        return base64.b64encode(base64.b64decode(c["b"]).decode("utf-8", "replace").encode("utf-8", "surrogatepass")).decode()
    if op == "split":
        u = urllib.parse.urlsplit(c["s"])
        try:
            port = u.port
            perr = False
        except ValueError:
            port, perr = None, True
        return {"scheme": u.scheme, "netloc": u.netloc, "path": u.path, "query": u.query,
                "fragment": u.fragment, "unsplit": u.geturl(), "hostname": u.hostname,
                "port": port, "port_error": perr}
`

func TestQuoteAgainstPython(t *testing.T) {
	inputs := []string{"", "abc", "http://testserver/a b/é?x=1&y=%20#f", "~_.-", "日本/語", "a\x00b\x7f",
		"!$&'()*+,;=:@[]", `"<>\^{|}` + "`"}
	safes := []string{"", "/", RedirectSafe}
	var cases []any
	type qc struct{ s, safe string }
	var want []qc
	for _, s := range inputs {
		for _, safe := range safes {
			cases = append(cases, map[string]string{"op": "quote", "s": s, "safe": safe})
			want = append(want, qc{s, safe})
		}
	}
	for i, raw := range pyoracle.Run(t, oracleScript, cases) {
		var py string
		if err := json.Unmarshal(raw, &py); err != nil {
			t.Fatal(err)
		}
		if got := Quote(want[i].s, want[i].safe); got != py {
			t.Errorf("Quote(%q, %q) = %q, Python %q", want[i].s, want[i].safe, got, py)
		}
	}
}

func TestDecodeUTF8ReplaceAgainstPython(t *testing.T) {
	inputs := []string{"", "plain", "é", "\xff", "\xe2\x82", "\xe2\x82A", "\xf0\x9f\x98", "\xf0\x9f\x98\x80",
		"\xed\xa0\x80", "\xc0\xaf", "\xe0\x80\xaf", "\xf4\x90\x80\x80", "a\x80b\xbf\xc2", "\xf5\x80"}
	var cases []any
	for _, s := range inputs {
		cases = append(cases, map[string]string{"op": "decode", "b": base64.StdEncoding.EncodeToString([]byte(s))})
	}
	for i, raw := range pyoracle.Run(t, oracleScript, cases) {
		var py string
		_ = json.Unmarshal(raw, &py)
		want, _ := base64.StdEncoding.DecodeString(py)
		if got := DecodeUTF8Replace(inputs[i]); got != string(want) {
			t.Errorf("DecodeUTF8Replace(%q) = %q, Python %q", inputs[i], got, want)
		}
	}
}

func TestSplitAgainstPython(t *testing.T) {
	inputs := []string{
		"http://testserver/site/docs",
		"http://testserver/a?b#c",
		"http://Example.COM:80/x?q=1",
		"http://host:0080/",
		"http://host:/p",
		"http://host:abc/p",
		"http://host:99999/p",
		"http://user:pw@HOST:443/",
		"http://[::1]:8000/p",
		"http://[fe80::1%25Eth0]/",
		"https://www.testserver/p?x",
		"http://testserver",
		"http://testserver/a#b?c",
		" \x01http://h/p",
		"http://h/p\tq\nr",
	}
	var cases []any
	for _, s := range inputs {
		cases = append(cases, map[string]string{"op": "split", "s": s})
	}
	for i, raw := range pyoracle.Run(t, oracleScript, cases) {
		var py struct {
			Scheme, Netloc, Path, Query, Fragment, Unsplit string
			Hostname                                       *string
			Port                                           *int
			PortError                                      bool `json:"port_error"`
		}
		if err := json.Unmarshal(raw, &py); err != nil {
			t.Fatal(err)
		}
		u := Split(inputs[i])
		if u.Scheme != py.Scheme || u.Netloc != py.Netloc || u.Path != py.Path || u.Query != py.Query || u.Fragment != py.Fragment {
			t.Errorf("Split(%q) = %+v, Python %+v", inputs[i], u, py)
		}
		if got := u.String(); got != py.Unsplit {
			t.Errorf("Split(%q).String() = %q, Python %q", inputs[i], got, py.Unsplit)
		}
		h, ok := u.Hostname()
		if ok != (py.Hostname != nil) || ok && h != *py.Hostname {
			t.Errorf("Hostname(%q) = %q %v, Python %v", inputs[i], h, ok, py.Hostname)
		}
		p, hasPort, err := u.Port()
		if (err != nil) != py.PortError || hasPort != (py.Port != nil) || hasPort && p != *py.Port {
			t.Errorf("Port(%q) = %d %v %v, Python %v %v", inputs[i], p, hasPort, err, py.Port, py.PortError)
		}
	}
}

func TestRequestURL(t *testing.T) {
	tests := []struct {
		target, host, path, want string
	}{
		{"/a?x=1", "testserver", "/a", "http://testserver/a?x=1"},
		{"/a", "h\xe9:8000", "/a", "http://hé:8000/a"},
		{"/a?", "testserver", "/a", "http://testserver/a"},
	}
	for _, tt := range tests {
		r := httptest.NewRequest("GET", tt.target, nil)
		r.Host = tt.host
		if got := RequestURL(r, tt.path); got != tt.want {
			t.Errorf("RequestURL(%q, host %q) = %q, want %q", tt.target, tt.host, got, tt.want)
		}
	}
}

func TestLatin1Helpers(t *testing.T) {
	if got := Latin1("a\xe9\xff"); got != "aéÿ" {
		t.Errorf("Latin1 = %q", got)
	}
	if got := StripLatin1("\xa0\x85 x y\x1f\t"); got != "x y" {
		t.Errorf("StripLatin1 = %q", got)
	}
	if !EqualFoldASCII("BaSiC", "basic") || EqualFoldASCII("ba\xc5\xbfic", "basic") {
		t.Error("EqualFoldASCII")
	}
	if got := LowerASCII("X-Custom-É"); got != "x-custom-É" {
		t.Errorf("LowerASCII = %q", got)
	}
}
