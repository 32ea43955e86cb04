package request

import (
	"encoding/base64"
	"encoding/json"
	"testing"

	"github.com/covetpy/covetgen/runtime/internal/pyoracle"
)

// Inputs shared by the parsing oracles: raw bytes as they arrive.
var rawInputs = []string{
	"", "a=1", "a=1&b=2", "a=1&a=2", "&&a=1&&", "a", "a=", "=b", "=", "a==b", "a=b=c",
	"q=hello+world%21", "q=%C3%A9t%C3%A9", "q=%e9", "q=%C3", "q=%C3%28", "q=%E2%82", "q=%E2%82%AC%",
	"q=%", "q=%4", "q=%zz", "q=%%41", "%41%42=%43", "a+b=c+d", "a%2Bb=c%2bd", "x=%20y",
	"q=\xe9t\xe9", "q=caf\xc3\xa9", "q=%C3\xe9%A9", "k=%F0%9F%98%80", "k=%F0%9F%98", "k=%ED%A0%80",
	"k=%C0%AF", "k=%F4%90%80%80", "k=%FF%FE", "a=1;b=2", "a=%00b", "tag=&tag=x",
}

func b64s(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = base64.StdEncoding.EncodeToString([]byte(s))
	}
	return out
}

func TestParseQSOracle(t *testing.T) {
	res := pyoracle.Run(t, `
from urllib.parse import parse_qsl
def handle(case):
    raw = base64.b64decode(case).decode("latin-1")
    return [[k, v] for k, v in parse_qsl(raw, keep_blank_values=True)]
`, b64s(rawInputs))
	for i, in := range rawInputs {
		var want [][2]string
		if err := json.Unmarshal(res[i], &want); err != nil {
			t.Fatal(err)
		}
		got := ParseQS(nil, in)
		if len(got) != len(want) {
			t.Errorf("ParseQS(%q) = %q, want %q", in, got, want)
			continue
		}
		for j := range got {
			if got[j].Name != want[j][0] || got[j].Value != want[j][1] {
				t.Errorf("ParseQS(%q)[%d] = %q, want %q", in, j, got[j], want[j])
			}
		}
	}
}

func TestUnquoteOracle(t *testing.T) {
	res := pyoracle.Run(t, `
from urllib.parse import unquote, unquote_plus
def handle(case):
    s = base64.b64decode(case).decode("latin-1")
    raw = base64.b64decode(case)
    return [unquote(s), unquote_plus(s), raw.decode("utf-8", "replace")]
`, b64s(rawInputs))
	for i, in := range rawInputs {
		var want [3]string
		if err := json.Unmarshal(res[i], &want); err != nil {
			t.Fatal(err)
		}
		s := Latin1(in)
		if got := Unquote(s, false); got != want[0] {
			t.Errorf("unquote(%q) = %q, want %q", in, got, want[0])
		}
		if got := Unquote(s, true); got != want[1] {
			t.Errorf("unquote_plus(%q) = %q, want %q", in, got, want[1])
		}
		if got := PyString(in); got != want[2] {
			t.Errorf("decode(%q, replace) = %q, want %q", in, got, want[2])
		}
	}
}

var cookieInputs = []string{
	"", "a=1", "a=1; b=2", "a=1;b=2;a=3", " a = 1 ; ; b=2 ", "novalue", "=x", "a=", "a=\"quoted\"",
	`a="q\"uo\\ted"`, `a="\101\102"`, `a="\377x"`, `a="\400"`, `a="\x"`, `a="`, `a=""`, "a=b=c",
	"sess=abc123; theme=dark; lang=en-US", "a=\"x;y\"", "\ta=1", "a=caf\xc3\xa9", `a="\"`,
}

func TestCookiesOracle(t *testing.T) {
	// Starlette's cookie_parser (starlette/requests.py), stdlib only.
	res := pyoracle.Run(t, `
from http import cookies as http_cookies
def cookie_parser(cookie_string):
    cookie_dict = {}
    for chunk in cookie_string.split(";"):
        if "=" in chunk:
            key, val = chunk.split("=", 1)
        else:
            key, val = "", chunk
        key, val = key.strip(), val.strip()
        if key or val:
            cookie_dict[key] = http_cookies._unquote(val)
    return cookie_dict
def handle(case):
    s = base64.b64decode(case).decode("latin-1")
    return [[k, v] for k, v in cookie_parser(s).items()]
`, b64s(cookieInputs))
	for i, in := range cookieInputs {
		var want [][2]string
		if err := json.Unmarshal(res[i], &want); err != nil {
			t.Fatal(err)
		}
		pairs := ParseCookies(nil, Latin1(in))
		// Python's dict: last value wins at the first position.
		var got [][2]string
		for _, p := range pairs {
			found := false
			for k := range got {
				if got[k][0] == p.Name {
					got[k][1], found = p.Value, true
				}
			}
			if !found {
				got = append(got, [2]string{p.Name, p.Value})
			}
		}
		if len(got) != len(want) {
			t.Errorf("cookies(%q) = %q, want %q", in, got, want)
			continue
		}
		for j := range got {
			if got[j] != want[j] {
				t.Errorf("cookies(%q)[%d] = %q, want %q", in, j, got[j], want[j])
			}
		}
	}
}

var contentTypes = []string{
	"application/json", "Application/JSON", "application/json; charset=utf-8", " application/json ",
	"application/vnd.api+json", "application/problem+JSON", "application/json-patch", "text/json",
	"application/json/x", "json", "", "application/", "/json", "application/x-www-form-urlencoded",
	"application/ld+json;profile=x", "application/json ; q=1", "multipart/form-data; boundary=x",
}

func TestJSONContentTypeOracle(t *testing.T) {
	res := pyoracle.Run(t, `
import email.message
def handle(case):
    m = email.message.Message()
    m["content-type"] = case
    if m.get_content_maintype() == "application":
        sub = m.get_content_subtype()
        return sub == "json" or sub.endswith("+json")
    return False
`, func() []any {
		out := make([]any, len(contentTypes))
		for i, c := range contentTypes {
			out[i] = c
		}
		return out
	}())
	for i, ct := range contentTypes {
		var want bool
		json.Unmarshal(res[i], &want)
		if got := IsJSONContentType(ct); got != want {
			t.Errorf("IsJSONContentType(%q) = %v, want %v", ct, got, want)
		}
	}
}
