package codegen

import (
	"go/token"
	"strconv"
	"strings"
	"unicode"
)

// names hands out Go identifiers that are unique in one scope.
type names struct {
	used map[string]bool
	// outer is the enclosing scope whose names must not be shadowed.
	outer *names
}

func newNames(reserved ...string) *names {
	n := &names{used: map[string]bool{}}
	for _, r := range reserved {
		n.used[r] = true
	}
	return n
}

// get returns base, or base2, base3... when base is taken (here or in the outer scope).
func (n *names) get(base string) string {
	if base == "" {
		base = "x"
	}
	if !n.taken(base) {
		n.used[base] = true
		return base
	}
	for i := 2; ; i++ {
		s := base + strconv.Itoa(i)
		if !n.taken(s) {
			n.used[s] = true
			return s
		}
	}
}

func (n *names) taken(s string) bool {
	return n.used[s] || n.outer != nil && n.outer.taken(s)
}

// camel turns a Python name into a Go identifier: snake_case words joined, the first
// lower-cased unless upper is set; characters Go does not allow are dropped.
func camel(py string, upper bool) string {
	var b strings.Builder
	words := strings.FieldsFunc(py, func(r rune) bool { return r == '_' || r == '-' || r == '.' || r == ' ' })
	for i, w := range words {
		rs := []rune(w)
		clean := rs[:0]
		for _, r := range rs {
			if r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
				clean = append(clean, r)
			}
		}
		if len(clean) == 0 {
			continue
		}
		if i > 0 || upper {
			clean[0] = unicode.ToUpper(clean[0])
		} else if b.Len() == 0 {
			clean[0] = unicode.ToLower(clean[0])
		}
		b.WriteString(string(clean))
	}
	s := b.String()
	if s == "" {
		s = "x"
	}
	if unicode.IsDigit(rune(s[0])) {
		s = "x" + s
	}
	if token.IsKeyword(s) {
		s += "_"
	}
	return s
}

// goPkgNames are package names generated code imports: locals must not shadow them.
var goPkgNames = []string{"request", "response", "router", "validate", "pyjson", "server", "docs",
	"static", "security", "middleware", "http", "fmt", "os", "errors", "embed", "context", "pyval",
	"strings", "sync", "io", "time", "math", "big", "slices", "sort", "strconv", "errs", "e", "rq", "out",
	"err", "ok", "raw", "ptr", "must", "mustPattern", "v", "i", "s", "res", "items", "raws", "cfg", "opt",
	"rt", "h", "d", "r", "any", "string", "int", "bool", "float64", "error", "nil", "true", "false", "len", "make",
	"append", "new", "copy", "apiRoute", "mountScope", "body", "x", "m", "p", "form", "item", "values", "pf", "es", "cred", "authz", "key", "u", "b", "e2", "in", "before",
	"bridge", "pycall", "py", "flag", "done", "resBody"}
