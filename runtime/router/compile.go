package router

import (
	"fmt"
	"sort"
	"strings"
)

// Convertor is a Starlette path convertor.
type Convertor uint8

const (
	// Str is "[^/]+", the default.
	Str Convertor = iota + 1
	// Path is ".*" (no newline, as Python's '.').
	Path
	// Int is "[0-9]+".
	Int
	// Float is "[0-9]+(\.[0-9]+)?".
	Float
	// UUID is 8-4-4-4-12 hex digits, each hyphen optional.
	UUID
)

var convertors = map[string]Convertor{"str": Str, "path": Path, "int": Int, "float": Float, "uuid": UUID}

// piece is a literal (conv 0) or a parameter.
type piece struct {
	lit  string
	conv Convertor
}

// Template is a compiled route path ("/items/{item_id:int}").
type Template struct {
	Source string
	// Names are the parameter names in template order.
	Names  []string
	Convs  []Convertor
	pieces []piece
	// prefix is the literal text before the first parameter; static is
	// true when there is no parameter at all.
	prefix string
	static bool
}

func isNameStart(c byte) bool { return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isNameChar(c byte) bool  { return isNameStart(c) || c >= '0' && c <= '9' }

// scanParam matches Starlette's PARAM_REGEX at s[i] ('{'): it returns the
// name, the convertor name ("" for none) and the end index, or ok=false.
func scanParam(s string, i int) (name, conv string, end int, ok bool) {
	j := i + 1
	if j >= len(s) || !isNameStart(s[j]) {
		return "", "", 0, false
	}
	for j < len(s) && isNameChar(s[j]) {
		j++
	}
	name = s[i+1 : j]
	if j < len(s) && s[j] == ':' {
		k := j + 1
		if k >= len(s) || !isNameStart(s[k]) {
			return "", "", 0, false
		}
		for k < len(s) && isNameChar(s[k]) {
			k++
		}
		conv = s[j+1 : k]
		j = k
	}
	if j >= len(s) || s[j] != '}' {
		return "", "", 0, false
	}
	return name, conv, j + 1, true
}

// Compile compiles a route path as Starlette's compile_path does: an
// unknown convertor or a duplicated parameter name is an error (Starlette
// fails at startup).
func Compile(path string) (*Template, error) {
	t := &Template{Source: path}
	var lit strings.Builder
	seen := map[string]bool{}
	var dups []string
	for i := 0; i < len(path); {
		if path[i] == '{' {
			if name, conv, end, ok := scanParam(path, i); ok {
				if conv == "" {
					conv = "str"
				}
				c, known := convertors[conv]
				if !known {
					return nil, fmt.Errorf("unknown path convertor '%s'", conv)
				}
				if lit.Len() > 0 {
					t.pieces = append(t.pieces, piece{lit: lit.String()})
					lit.Reset()
				}
				if seen[name] {
					dups = append(dups, name)
				}
				seen[name] = true
				t.pieces = append(t.pieces, piece{conv: c})
				t.Names = append(t.Names, name)
				t.Convs = append(t.Convs, c)
				i = end
				continue
			}
		}
		lit.WriteByte(path[i])
		i++
	}
	if lit.Len() > 0 {
		t.pieces = append(t.pieces, piece{lit: lit.String()})
	}
	if len(dups) > 0 {
		sort.Strings(dups)
		dups = dedupe(dups)
		s := ""
		if len(dups) > 1 {
			s = "s"
		}
		return nil, fmt.Errorf("Duplicated param name%s %s at path %s", s, strings.Join(dups, ", "), path)
	}
	if len(t.pieces) > 0 && t.pieces[0].conv == 0 {
		t.prefix = t.pieces[0].lit
	}
	t.static = len(t.Names) == 0
	return t, nil
}

func dedupe(s []string) []string {
	out := s[:0]
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}
