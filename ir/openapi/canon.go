package openapi

import (
	"math/big"
	"sort"
	"strings"

	"github.com/covetpy/covetgen/ir/ojson"
)

type (
	bigFloat = big.Float
	bigRat   = big.Rat
)

// canonical renders a JSON value for equality as Python compares dicts: key order ignored,
// numbers by value (1 == 1.0).
func canonical(v ojson.Value) string {
	var b strings.Builder
	writeCanonical(&b, v)
	return b.String()
}

func writeCanonical(b *strings.Builder, v ojson.Value) {
	switch x := v.(type) {
	case *ojson.Object:
		keys := append([]string{}, x.Keys()...)
		sort.Strings(keys)
		b.WriteByte('{')
		for _, k := range keys {
			ojson.WriteString(b, k)
			b.WriteByte(':')
			e, _ := x.Get(k)
			writeCanonical(b, e)
			b.WriteByte(',')
		}
		b.WriteByte('}')
	case ojson.Array:
		b.WriteByte('[')
		for _, e := range x {
			writeCanonical(b, e)
			b.WriteByte(',')
		}
		b.WriteByte(']')
	case ojson.Number:
		if !x.IsFloat() && x != "-0" {
			// An integer lexeme is its own canonical form.
			b.WriteByte('n')
			b.WriteString(string(x))
		} else if r := x.Rat(); r != nil {
			b.WriteString("n" + r.RatString())
		} else {
			b.WriteString(string(x))
		}
	case ojson.Bool:
		if x {
			b.WriteString("n1")
		} else {
			b.WriteString("n0")
		}
	case ojson.String:
		ojson.WriteString(b, string(x))
	default:
		b.Write(ojson.Marshal(v, -1))
	}
}
