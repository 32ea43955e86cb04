package translate

import (
	"github.com/covetpy/covetgen/parser/ast"
	"github.com/covetpy/covetgen/runtime/pyval"
)

// decodeErrors are the error handlers bytes.decode may name (runtime/pyval/decode.go).
var decodeErrors = map[string]bool{"strict": true, "replace": true, "ignore": true}

// checkDecodeArgs refuses a bytes.decode call whose encoding is not a constant naming
// UTF-8, ASCII or Latin-1, or whose errors is not a constant "strict", "replace" or
// "ignore"; it returns the keywords decode accepts.
func (f *fn) checkDecodeArgs(c *ast.Call) []string {
	check := func(i int, a ast.Expr) {
		s, ok := constStr(a)
		if !ok || i == 0 && !pyval.KnownCodec(s) || i == 1 && !decodeErrors[s] {
			f.refuse(a, "decode() argument %s (only the utf-8, ascii and latin-1 codecs and the strict, replace and ignore handlers)", exprName(a))
		}
	}
	for i, a := range c.Args {
		check(i, a)
	}
	for _, k := range c.Keywords {
		if k.Arg == nil {
			continue // refused by args
		}
		switch *k.Arg {
		case "encoding":
			check(0, k.Value)
		case "errors":
			check(1, k.Value)
		}
	}
	return []string{"encoding", "errors"}
}
