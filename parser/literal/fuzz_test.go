package literal

import (
	"testing"
	"unicode/utf8"

	"github.com/covetpy/covetgen/parser/ast"
)

// validWTF8 reports whether s is UTF-8 in which surrogates may appear as 3-byte sequences.
func validWTF8(s string) bool {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			if len(s)-i >= 3 && s[i] == 0xED && s[i+1]&0xE0 == 0xA0 && s[i+2]&0xC0 == 0x80 {
				n = 3
			} else {
				return false
			}
		}
		i += n
	}
	return true
}

var fuzzSeeds = []string{`''`, `'\x41\N{EM DASH}\ud800'`, `b'\777\x'`, `r'\'`, `u'''a\r\n\\'''`, `'\N{`, `'é\x4'`,
	`"\N{HANGUL SYLLABLE GAG}"`, `'\U0010ffff\U00110000'`, `rb"\\"`, "'\\\r'", `'\N{CJK UNIFIED IDEOGRAPH-4E00}'`}

func FuzzString(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, lit string) {
		v, _, err := String(lit)
		if err != nil {
			if v != nil || err.Offset < 0 || err.Offset > len(lit) {
				t.Fatalf("String(%q): %v, %+v", lit, v, err)
			}
			return
		}
		if s, ok := v.(ast.Str); ok && !validWTF8(string(s)) {
			t.Fatalf("String(%q) = %q: not WTF-8", lit, s)
		}
		_ = v.Repr()
	})
}

func FuzzFStringMiddle(f *testing.F) {
	for _, s := range []string{"a{{b}}", `\N{BULLET}}}`, `{{\x4`, `\{{`, `\N{{`, "\\\r\n", `\`} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, text string, raw bool) {
		s, err := FStringMiddle(text, raw)
		if err != nil {
			if err.Offset < 0 || err.Offset > len(text) {
				t.Fatalf("FStringMiddle(%q): offset %d", text, err.Offset)
			}
			return
		}
		if !validWTF8(s) {
			t.Fatalf("FStringMiddle(%q) = %q: not WTF-8", text, s)
		}
	})
}

func FuzzNumber(f *testing.F) {
	for _, s := range []string{"0", "0x_f", "1_0.5e-3j", "1e400", ".5", "0777j", "00", "1__0", "0b102"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, lit string) {
		v, err := Number(lit)
		if (v == nil) == (err == nil) {
			t.Fatalf("Number(%q) = %v, %v", lit, v, err)
		}
		if v != nil {
			_ = v.Repr()
		}
	})
}

func FuzzLookupName(f *testing.F) {
	for _, s := range []string{"HANGUL SYLLABLE GA", "CJK UNIFIED IDEOGRAPH-4E00", "nushu character-1b170", "LF"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		if r, ok := lookupName(name); ok && (r < 0 || r > utf8.MaxRune) {
			t.Fatalf("lookupName(%q) = %U", name, r)
		}
	})
}
