package literal

import (
	"math"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/covetpy/covetgen/parser/ast"
)

// The expectations below were checked against Python 3.13.0; oracle_test.go compares many
// more cases with a live python3.13.

func TestString(t *testing.T) {
	tests := []struct {
		lit  string
		want string // Python repr of the value
		u    bool
	}{
		{`''`, `''`, false},
		{`"abc"`, `'abc'`, false},
		{`u'abc'`, `'abc'`, true},
		{`U'abc'`, `'abc'`, false},
		{`'''a'b'''`, `"a'b"`, false},
		{`""""""`, `''`, false},
		{`'\\\'\"\a\b\f\n\r\t\v'`, `'\\\'"\x07\x08\x0c\n\r\t\x0b'`, false},
		{`'\0\7\08\101\377\400\777\1234'`, `'\x00\x07\x008AÿĀǿS4'`, false},
		{`'\x41\x4a\xff\xFF'`, `'AJÿÿ'`, false},
		{`'\u00e9\u20AC\U0001F600'`, `'é€😀'`, false},
		{`'\ud83d\ude00'`, `'\ud83d\ude00'`, false},
		{`'\ud800'`, `'\ud800'`, false},
		{`'\d\q\8\{ \z'`, `'\\d\\q\\8\\{ \\z'`, false},
		{`'\é'`, `'\\é'`, false},
		{`'\\é'`, `'\\é'`, false},
		{`'\N{EM DASH}\N{latin small letter a}\N{LF}\N{BOM}'`, `'—a\n\ufeff'`, false},
		{`'\N{HANGUL SYLLABLE GAG}\N{CJK UNIFIED IDEOGRAPH-04E00}\N{cjk compatibility ideograph-f900}'`, "'\uac01\u4e00\uf900'", false},
		{"'a\\\nb'", `'ab'`, false},
		{"'a\\\r\nb'", `'ab'`, false},
		{"'a\\\rb'", `'ab'`, false},
		{"'''a\r\nb\rc'''", `'a\nb\nc'`, false},
		{"r'''a\r\nb\\\r\n'''", `'a\nb\\\n'`, false},
		{`r'\n\x\N{foo}\''`, `"\\n\\x\\N{foo}\\'"`, false},
		{`R"\\"`, `'\\\\'`, false},
		{`b'abc'`, `b'abc'`, false},
		{`B'\x00\xff\777\400\d\u1234\N{LF}'`, `b'\x00\xff\xff\x00\\d\\u1234\\N{LF}'`, false},
		{`bR'\x'`, `b'\\x'`, false},
		{"b'a\\\r\nb'", `b'ab'`, false},
	}
	for _, tt := range tests {
		v, u, err := String(tt.lit)
		if err != nil {
			t.Errorf("String(%q): error %s", tt.lit, err.Msg)
			continue
		}
		if got := v.Repr(); got != tt.want || u != tt.u {
			t.Errorf("String(%q) = %s, %v; want %s, %v", tt.lit, got, u, tt.want, tt.u)
		}
	}
}

func TestStringErrors(t *testing.T) {
	const ue = "(unicode error) 'unicodeescape' codec can't decode bytes in position "
	tests := []struct {
		lit    string
		msg    string
		offset int
	}{
		{`'\x4'`, ue + `0-2: truncated \xXX escape`, 1},
		{`'ab\x4g'`, ue + `2-4: truncated \xXX escape`, 3},
		{`'é\x4'`, ue + `10-12: truncated \xXX escape`, 3},
		{`'\u12'`, ue + `0-3: truncated \uXXXX escape`, 1},
		{`'\U0011ffff'`, ue + `0-9: illegal Unicode character`, 1},
		{`'\U110000'`, ue + `0-7: truncated \UXXXXXXXX escape`, 1},
		{`'\N'`, ue + `0-1: malformed \N character escape`, 1},
		{`'\N{}'`, ue + `0-2: malformed \N character escape`, 1},
		{`'\N{foo}'`, ue + `0-6: unknown Unicode character name`, 1},
		{`'\N{foo'`, ue + `0-5: malformed \N character escape`, 1},
		{`'\N{é}'`, ue + `0-13: unknown Unicode character name`, 1},
		{`'\N{KEYCAP NUMBER SIGN}'`, ue + `0-21: unknown Unicode character name`, 1},
		{`'\N{hangul syllable GA}'`, ue + `0-21: unknown Unicode character name`, 1},
		{`'\N{CJK UNIFIED IDEOGRAPH-4e00}'`, ue + `0-29: unknown Unicode character name`, 1},
		{`'\N{TANGUT IDEOGRAPH-17000}'`, ue + `0-25: unknown Unicode character name`, 1},
		{"'''\r\n\\x'''", ue + `1-2: truncated \xXX escape`, 5},
		{`b'\x4'`, `(value error) invalid \x escape at position 0`, 2},
		{`b'ab\xg0'`, `(value error) invalid \x escape at position 2`, 4},
		{`b'é'`, `bytes can only contain ASCII literal characters`, 2},
		{`rb'é'`, `bytes can only contain ASCII literal characters`, 3},
	}
	for _, tt := range tests {
		v, _, err := String(tt.lit)
		if err == nil {
			t.Errorf("String(%q) = %s, want error", tt.lit, v.Repr())
			continue
		}
		if err.Msg != tt.msg || err.Offset != tt.offset {
			t.Errorf("String(%q): error %q at %d, want %q at %d", tt.lit, err.Msg, err.Offset, tt.msg, tt.offset)
		}
		if err.Error() != err.Msg {
			t.Errorf("Error() = %q", err.Error())
		}
	}
}

func TestStringMalformed(t *testing.T) {
	for _, lit := range []string{"", "'", `"'`, "abc", "f'x'", "b", "'''", `'a"`, "'''a''"} {
		if v, _, err := String(lit); err == nil && lit != "'''" {
			t.Errorf("String(%q) = %s, want error", lit, v.Repr())
		}
	}
}

func TestFStringMiddle(t *testing.T) {
	const ue = "(unicode error) 'unicodeescape' codec can't decode bytes in position "
	tests := []struct {
		text string
		raw  bool
		want string
		err  string
	}{
		{"abc", false, "abc", ""},
		{"a{{b}}c", false, "a{b}c", ""},
		{"a{{b}}c", true, "a{b}c", ""},
		{`\x41{{\N{BULLET}}}`, false, "A{•}", ""},
		{`\N{DIGIT ONE}}}`, false, "1}", ""},
		{`\{{`, false, `\{`, ""},
		{`\{{`, true, `\{`, ""},
		{`\x41\d`, true, `\x41\d`, ""},
		{`\\`, false, `\`, ""},
		{`\`, false, `\`, ""},
		{"a\\\r\nb\r\n", false, "ab\n", ""},
		{`\ud800`, false, "\xed\xa0\x80", ""},
		// CPython decodes the text in pieces cut after "{{", "}}" and \N{...}: positions
		// restart in each piece.
		{`ab{{\x4`, false, "", ue + `0-2: truncated \xXX escape`},
		{`ab\x4`, false, "", ue + `2-4: truncated \xXX escape`},
		{`é{{é\x4`, false, "", ue + `10-12: truncated \xXX escape`},
		{`\N{DIGIT ONE}é\x`, false, "", ue + `10-11: truncated \xXX escape`},
		{`\N{foo}`, false, "", ue + `0-6: unknown Unicode character name`},
	}
	for _, tt := range tests {
		got, err := FStringMiddle(tt.text, tt.raw)
		if tt.err != "" {
			if err == nil || err.Msg != tt.err {
				t.Errorf("FStringMiddle(%q, %v) = %q, %v; want error %q", tt.text, tt.raw, got, err, tt.err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("FStringMiddle(%q, %v) = %q, %v; want %q", tt.text, tt.raw, got, err, tt.want)
		}
	}
}

func TestNumber(t *testing.T) {
	tests := []struct{ lit, want string }{
		{"0", "0"}, {"00", "0"}, {"0_0", "0"}, {"1_000", "1000"}, {"0xfF", "255"}, {"0X_f_f", "255"},
		{"0o17", "15"}, {"0O_7", "7"}, {"0b101", "5"}, {"0B1_0", "2"},
		{"18446744073709551616", "18446744073709551616"},
		{"0x" + strings.Repeat("f", 32), "340282366920938463463374607431768211455"},
		{"1.5", "1.5"}, {"1.", "1.0"}, {".5", "0.5"}, {"1e5", "100000.0"}, {"1E-5", "1e-05"}, {"1_0.0_1e1_0", "100100000000.0"},
		{"1e16", "1e+16"}, {"1e400", "inf"}, {"1e-400", "0.0"}, {"4e-324", "5e-324"}, {"2.4703282292062327e-324", "0.0"},
		{"2.4703282292062328e-324", "5e-324"}, {"1.7976931348623159e308", "inf"}, {"0777.5", "777.5"}, {"0777e1", "7770.0"},
		{"1" + strings.Repeat("0", 1000) + "e-1000", "1.0"}, {"1" + strings.Repeat("0", 5000) + ".5e-5000", "1.0"},
		{"0." + strings.Repeat("0", 500) + "1e501", "1.0"}, {"1e99999999999999999999999", "inf"},
		{"1e-99999999999999999999999", "0.0"}, {"0e99999999999", "0.0"},
		{"0j", "0j"}, {"1J", "1j"}, {"0777j", "777j"}, {"1.5j", "1.5j"}, {"1e16j", "1e+16j"}, {"1e400j", "infj"}, {"1_0j", "10j"},
	}
	for _, tt := range tests {
		v, err := Number(tt.lit)
		if err != nil {
			t.Errorf("Number(%.40q): error %s", tt.lit, err.Msg)
			continue
		}
		if got := v.Repr(); got != tt.want {
			t.Errorf("Number(%.40q) = %s, want %s", tt.lit, got, tt.want)
		}
	}
	// Value types.
	if v, _ := Number("1"); func() bool { _, ok := v.(*ast.Int); return !ok }() {
		t.Errorf("Number(1) is %T", v)
	}
	if v, _ := Number("1.0"); v != ast.Float(1) {
		t.Errorf("Number(1.0) = %#v", v)
	}
	if v, _ := Number("2j"); v != ast.Complex(2) {
		t.Errorf("Number(2j) = %#v", v)
	}
	if v, _ := Number("1e999"); !math.IsInf(float64(v.(ast.Float)), 1) {
		t.Errorf("Number(1e999) = %#v", v)
	}
}

func TestNumberLimit(t *testing.T) {
	const msg = "Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits; use " +
		"sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer literals " +
		"to avoid decimal conversion limits."
	for _, lit := range []string{"1" + strings.Repeat("0", 4300), "1_" + strings.Repeat("0", 4300)} {
		if _, err := Number(lit); err == nil || err.Msg != msg {
			t.Errorf("Number(%.20q...): %v", lit, err)
		}
	}
	for _, lit := range []string{"1" + strings.Repeat("0", 4299), strings.Repeat("0", 5000), "0x" + strings.Repeat("f", 5000),
		"1" + strings.Repeat("0", 5000) + ".0", "1" + strings.Repeat("0", 5000) + "j"} {
		if _, err := Number(lit); err != nil {
			t.Errorf("Number(%.20q...): %v", lit, err.Msg)
		}
	}
}

func TestNumberInvalid(t *testing.T) {
	for _, lit := range []string{"", "_", "1_", "1__0", "_1", "01", "0_7", "0x", "0x_", "0xg", "0b2", "0o8", "1e", "1e+",
		"1e_5", "1._5", "1_.5", ".", "e5", ".e5", "j", "1jj", "0x1j", "1.5.5", "inf", "nan", "1e5e5", "0x1p3", "+1", "-1", " 1"} {
		if v, err := Number(lit); err == nil {
			t.Errorf("Number(%q) = %s, want error", lit, v.Repr())
		}
	}
}

func TestLookupName(t *testing.T) {
	tests := []struct {
		name string
		want rune // -1: unknown
	}{
		{"LATIN SMALL LETTER A", 'a'}, {"latin small letter a", 'a'}, {"NULL", 0}, {"nul", 0}, {"BOM", 0xFEFF},
		{"HANGUL SYLLABLE GA", 0xAC00}, {"HANGUL SYLLABLE HIH", 0xD7A3}, {"HANGUL SYLLABLE GGAGG", 0xAE4E},
		{"hangul syllable ga", -1}, {"HANGUL SYLLABLE ", -1}, {"HANGUL SYLLABLE GAX", -1},
		{"CJK UNIFIED IDEOGRAPH-4E00", 0x4E00}, {"CJK UNIFIED IDEOGRAPH-04E00", 0x4E00}, {"CJK UNIFIED IDEOGRAPH-4e00", -1},
		{"CJK UNIFIED IDEOGRAPH-A000", -1}, {"CJK UNIFIED IDEOGRAPH-323AF", 0x323AF},
		{"CJK COMPATIBILITY IDEOGRAPH-F900", 0xF900}, {"cjk compatibility ideograph-2f800", 0x2F800},
		{"CJK COMPATIBILITY IDEOGRAPH-0F900", -1}, {"NUSHU CHARACTER-1B170", 0x1B170},
		{"KHITAN SMALL SCRIPT CHARACTER-18B00", 0x18B00}, {"TANGUT IDEOGRAPH-17000", -1},
		{"KEYCAP NUMBER SIGN", -1}, {"VS17", 0xE0100}, {"", -1}, {strings.Repeat("A", 300), -1},
	}
	for _, tt := range tests {
		got, ok := lookupName(tt.name)
		if !ok {
			got = -1
		}
		if got != tt.want {
			t.Errorf("lookupName(%.30q) = %U, want %U", tt.name, got, tt.want)
		}
	}
}

func TestNamesTableComplete(t *testing.T) {
	tab := loadNames()
	// 32948 stored names, 473 aliases (Unicode 15.1, as gen_names.py reports).
	if len(tab.byName) != 32948+473 {
		t.Errorf("%d names in table", len(tab.byName))
	}
	if len(namesZlib) > 400<<10 {
		t.Errorf("names.zlib is %d bytes", len(namesZlib))
	}
}

func TestAppendWTF8(t *testing.T) {
	for _, r := range []rune{0, 'a', 0x7FF, 0x800, 0xD7FF, 0xD800, 0xDBFF, 0xDC00, 0xDFFF, 0xE000, 0xFFFF, 0x10000, 0x10FFFF} {
		b := appendWTF8(nil, r)
		if r < 0xD800 || r > 0xDFFF {
			if string(b) != string(r) {
				t.Errorf("appendWTF8(%U) = %x", r, b)
			}
			continue
		}
		if len(b) != 3 || utf8.Valid(b) {
			t.Errorf("appendWTF8(%U) = %x", r, b)
		}
		if got := rune(b[0]&0x0F)<<12 | rune(b[1]&0x3F)<<6 | rune(b[2]&0x3F); got != r {
			t.Errorf("appendWTF8(%U) decodes to %U", r, got)
		}
	}
}
