package router

import (
	"encoding/json"
	"testing"

	"github.com/covetpy/covetgen/runtime/internal/pyoracle"
)

// Starlette's compile_path + re.match as the oracle (stdlib only).
const compileScript = `
import re, uuid
CONV = {"str": "[^/]+", "path": ".*", "int": "[0-9]+", "float": r"[0-9]+(?:\.[0-9]+)?",
        "uuid": "[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}"}
PARAM_REGEX = re.compile("{([a-zA-Z_][a-zA-Z0-9_]*)(:[a-zA-Z_][a-zA-Z0-9_]*)?}")
def compile_path(path):
    path_regex, idx = "^", 0
    for match in PARAM_REGEX.finditer(path):
        name, conv = match.groups("str")
        conv = conv.lstrip(":")
        path_regex += re.escape(path[idx:match.start()])
        path_regex += f"(?P<{name}>{CONV[conv]})"
        idx = match.end()
    path_regex += re.escape(path[idx:]) + "$"
    return re.compile(path_regex)
def handle(case):
    m = compile_path(case[0]).match(case[1])
    return None if m is None else list(m.groupdict().values())
`

var matchCases = [][2]string{
	{"/", "/"}, {"/", ""}, {"/", "/\n"}, {"/items", "/items"}, {"/items", "/items/"},
	{"/items/{id}", "/items/5"}, {"/items/{id}", "/items/"}, {"/items/{id}", "/items/5/"},
	{"/items/{id}", "/items/a b"}, {"/items/{id}", "/items/5\n"}, {"/items/{id}", "/items/é"},
	{"/items/{id:int}", "/items/007"}, {"/items/{id:int}", "/items/-3"}, {"/items/{id:int}", "/items/5\n"},
	{"/r/{x:float}", "/r/3"}, {"/r/{x:float}", "/r/3.25"}, {"/r/{x:float}", "/r/3."}, {"/r/{x:float}", "/r/1e3"},
	{"/r/{x:float}.json", "/r/3.25.json"}, {"/r/{x:float}.{ext}", "/r/3.25.json"}, {"/r/{x:float}{y:int}", "/r/3.25"},
	{"/r/{x:int}{y:int}", "/r/12345"}, {"/r/{a}-{b}", "/r/x-y-z"}, {"/r/{a}{b}", "/r/abc"},
	{"/u/{u:uuid}", "/u/12345678-1234-5678-1234-567812345678"}, {"/u/{u:uuid}", "/u/12345678123456781234567812345678"},
	{"/u/{u:uuid}", "/u/12345678-1234-5678-1234-56781234567"}, {"/u/{u:uuid}", "/u/123E4567-E89B-42D3-A456-426614174000"},
	{"/f/{p:path}", "/f/"}, {"/f/{p:path}", "/f/a/b/c.txt"}, {"/f/{p:path}", "/f//etc"}, {"/f/{p:path}", "/f/a\nb"},
	{"/f/{p:path}", "/f/ab\n"}, {"/f/{p:path}/raw", "/f/a/b/raw"}, {"/f/{p:path}/raw", "/f/a/raw/raw"},
	{"/f/{p:path}/{q}", "/f/a/b/c"}, {"/s/{a}/x/{b:path}", "/s/1/x/"}, {"/{x}", "/é"}, {"/{x}é", "/éé"},
	{"/a.b/{x}", "/a.b/1"}, {"/a.b/{x}", "/aXb/1"}, {"/{1x}", "/{1x}"}, {"/{x:int}", "/{x:int}"},
	{"/sub/{path:path}", "/sub/"}, {"/sub/{path:path}", "/sub"}, {"/users/{id}/orders/{oid:int}", "/users/alice/orders/42"},
	{"/p/{x}.txt", "/p/a.b.txt"}, {"/p/{x:int}.{y:int}", "/p/1.2"}, {"/p/{x:float}-{y:float}", "/p/1.5-2"},
}

func TestTemplateMatchOracle(t *testing.T) {
	cases := make([]any, len(matchCases))
	for i, c := range matchCases {
		cases[i] = c
	}
	res := pyoracle.Run(t, compileScript, cases)
	for i, c := range matchCases {
		var want []string
		if err := json.Unmarshal(res[i], &want); err != nil {
			t.Fatal(err)
		}
		tpl, err := Compile(c[0])
		if err != nil {
			t.Fatalf("Compile(%q): %v", c[0], err)
		}
		got, ok := tpl.Match(c[1], nil)
		if (want != nil) != ok {
			t.Errorf("%q ~ %q: matched %v %q, want %q", c[0], c[1], ok, got, want)
			continue
		}
		if ok && len(got) != len(want) {
			t.Errorf("%q ~ %q: %q, want %q", c[0], c[1], got, want)
			continue
		}
		for j := range want {
			if got[j] != want[j] {
				t.Errorf("%q ~ %q: %q, want %q", c[0], c[1], got, want)
				break
			}
		}
	}
}

func TestCompileErrors(t *testing.T) {
	tests := []struct{ path, err string }{
		{"/{x}/{x}", "Duplicated param name x at path /{x}/{x}"},
		{"/{y}/{x}/{y}/{x}", "Duplicated param names x, y at path /{y}/{x}/{y}/{x}"},
		{"/{x:nope}", "unknown path convertor 'nope'"},
	}
	for _, tt := range tests {
		if _, err := Compile(tt.path); err == nil || err.Error() != tt.err {
			t.Errorf("Compile(%q) = %v, want %q", tt.path, err, tt.err)
		}
	}
}
