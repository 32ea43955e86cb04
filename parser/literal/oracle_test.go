package literal

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"math/rand"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/covetpy/covetgen/parser/ast"
)

// The differential tests ask one Python 3.13 process (testdata/oracle.py) about every case,
// the tokens of its standard library and its Unicode name database.

type pyResult struct {
	T string `json:"t"`
	V string `json:"v"`
	R string `json:"r"`
	U bool   `json:"u"`
	E string `json:"e"`
	// set when the oracle's answer is null (a case it could not wrap)
	missing bool
}

func (r *pyResult) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		r.missing = true
		return nil
	}
	type plain pyResult
	return json.Unmarshal(b, (*plain)(r))
}

type textResult struct {
	Text string
	Raw  bool
	Res  pyResult
}

func (t *textResult) UnmarshalJSON(b []byte) error {
	var a []json.RawMessage
	if err := json.Unmarshal(b, &a); err != nil {
		return err
	}
	if err := json.Unmarshal(a[0], &t.Text); err != nil {
		return err
	}
	if len(a) == 3 {
		if err := json.Unmarshal(a[1], &t.Raw); err != nil {
			return err
		}
	}
	return json.Unmarshal(a[len(a)-1], &t.Res)
}

type oracleAnswer struct {
	Version  string     `json:"version"`
	Strings  []pyResult `json:"strings"`
	Numbers  []pyResult `json:"numbers"`
	FStrings []pyResult `json:"fstrings"`
	Stdlib   *struct {
		Files    int            `json:"files"`
		BadFiles int            `json:"bad_files"`
		Counts   map[string]int `json:"counts"`
		Strings  []textResult   `json:"strings"`
		Numbers  []textResult   `json:"numbers"`
		FMiddles []textResult   `json:"fmiddles"`
		FSkipped int            `json:"fmiddle_skipped"`
	} `json:"stdlib"`
	Names *struct {
		Version string               `json:"version"`
		Names   [][3]any             `json:"names"`
		Aliases [][2]any             `json:"aliases"`
		Seqs    [][2]json.RawMessage `json:"named_sequences"`
	} `json:"names"`
}

type fcase struct {
	text string
	raw  bool
}

var (
	oracleOnce sync.Once
	oracle     *oracleAnswer
	oracleErr  error
	// the cases sent to the oracle
	strCases, numCases []string
	fCases             []fcase
)

// askOracle runs the one Python 3.13 process of the test binary.
func askOracle(t *testing.T) *oracleAnswer {
	t.Helper()
	oracleOnce.Do(func() {
		strCases, numCases, fCases = stringCases(), numberCases(), fstringCases()
		req := map[string]any{"strings": strCases, "numbers": numCases, "stdlib": !testing.Short(), "names": true}
		var fs [][2]any
		for _, c := range fCases {
			fs = append(fs, [2]any{c.text, c.raw})
		}
		req["fstrings"] = fs
		in, err := json.Marshal(req)
		if err != nil {
			oracleErr = err
			return
		}
		cmd := exec.Command("python3", "testdata/oracle.py")
		env := []string{"PYENV_VERSION=3.13.0"}
		for _, e := range os.Environ() {
			if !strings.HasPrefix(e, "PYENV_VERSION=") && !strings.HasPrefix(e, "PYTHONINTMAXSTRDIGITS=") &&
				!strings.HasPrefix(e, "PYTHONWARNINGS=") {
				env = append(env, e)
			}
		}
		cmd.Env = env
		cmd.Stdin = bytes.NewReader(in)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			oracleErr = fmt.Errorf("oracle: %v\n%s", err, stderr.String())
			return
		}
		var a oracleAnswer
		if err := json.Unmarshal(out, &a); err != nil {
			oracleErr = err
			return
		}
		if !strings.HasPrefix(a.Version, "3.13.") {
			oracleErr = fmt.Errorf("oracle is Python %s, want 3.13", a.Version)
			return
		}
		oracle = &a
	})
	if oracleErr != nil {
		if _, err := exec.LookPath("python3"); err != nil {
			t.Skip("python3 not available")
		}
		t.Fatal(oracleErr)
	}
	return oracle
}

// checkValue compares a decoded value (or error) with the oracle's.
func checkValue(v ast.Value, uPrefix bool, e *Error, want pyResult) string {
	if want.E != "" {
		if e == nil {
			return fmt.Sprintf("got %s, want error %q", v.Repr(), want.E)
		}
		if e.Msg != want.E {
			return fmt.Sprintf("got error %q, want %q", e.Msg, want.E)
		}
		return ""
	}
	if e != nil {
		return fmt.Sprintf("got error %q, want %s %s", e.Msg, want.T, want.R)
	}
	var got string
	switch x := v.(type) {
	case ast.Str:
		if want.T != "str" {
			return "got str, want " + want.T
		}
		got = hex.EncodeToString([]byte(x))
	case ast.Bytes:
		if want.T != "bytes" {
			return "got bytes, want " + want.T
		}
		got = hex.EncodeToString([]byte(x))
	case *ast.Int:
		if want.T != "int" {
			return "got int, want " + want.T
		}
		w, ok := new(big.Int).SetString(strings.TrimPrefix(want.V, "0x"), 16)
		if !ok || w.Cmp(&x.Int) != 0 {
			return fmt.Sprintf("got int %s, want %s", x.Text(16), want.V)
		}
		return ""
	case ast.Float:
		if want.T != "float" {
			return "got float, want " + want.T
		}
		return cmpFloat(float64(x), want.V, x.Repr(), want.R)
	case ast.Complex:
		if want.T != "complex" {
			return "got complex, want " + want.T
		}
		return cmpFloat(float64(x), want.V, x.Repr(), strings.Trim(want.R, "()"))
	default:
		return fmt.Sprintf("unexpected value %T", v)
	}
	if got != want.V {
		return fmt.Sprintf("got %s (%s), want %s (%s)", v.Repr(), got, want.R, want.V)
	}
	if uPrefix != want.U {
		return fmt.Sprintf("got uPrefix %v, want %v", uPrefix, want.U)
	}
	if r := v.Repr(); r != want.R {
		return fmt.Sprintf("value equal, but repr %s != Python's %s", r, want.R)
	}
	return ""
}

func cmpFloat(f float64, wantHex, repr, wantRepr string) string {
	w, err := strconv.ParseFloat(wantHex, 64)
	if err != nil {
		return "bad oracle float " + wantHex
	}
	if math.Float64bits(f) != math.Float64bits(w) {
		return fmt.Sprintf("got %v, want %v (%s)", f, w, wantHex)
	}
	if repr != wantRepr {
		return fmt.Sprintf("value equal, but repr %s != Python's %s", repr, wantRepr)
	}
	return ""
}

func TestOracleStrings(t *testing.T) {
	a := askOracle(t)
	if len(a.Strings) != len(strCases) {
		t.Fatalf("%d answers for %d cases", len(a.Strings), len(strCases))
	}
	errs := 0
	for i, c := range strCases {
		v, u, e := String(c)
		if msg := checkValue(v, u, e, a.Strings[i]); msg != "" {
			t.Errorf("String(%q): %s", c, msg)
		}
		if a.Strings[i].E != "" {
			errs++
		}
	}
	t.Logf("%d string/bytes cases (%d errors) agree with Python %s", len(strCases), errs, strings.Fields(a.Version)[0])
}

func TestOracleNumbers(t *testing.T) {
	a := askOracle(t)
	for i, c := range numCases {
		v, e := Number(c)
		if msg := checkValue(v, false, e, a.Numbers[i]); msg != "" {
			t.Errorf("Number(%.60q): %s", c, msg)
		}
	}
	t.Logf("%d number cases agree", len(numCases))
}

func TestOracleFStrings(t *testing.T) {
	a := askOracle(t)
	n := 0
	for i, c := range fCases {
		want := a.FStrings[i]
		if want.missing {
			t.Errorf("oracle could not evaluate f-string case %q (raw %v)", c.text, c.raw)
			continue
		}
		n++
		s, e := FStringMiddle(c.text, c.raw)
		var v ast.Value
		if e == nil {
			v = ast.Str(s)
		}
		if msg := checkValue(v, false, e, want); msg != "" {
			t.Errorf("FStringMiddle(%q, %v): %s", c.text, c.raw, msg)
		}
	}
	t.Logf("%d f-string middle cases agree", n)
}

func TestOracleStdlib(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	a := askOracle(t)
	s := a.Stdlib
	bad := 0
	for _, c := range s.Strings {
		v, u, e := String(c.Text)
		if msg := checkValue(v, u, e, c.Res); msg != "" {
			if bad++; bad <= 20 {
				t.Errorf("String(%.80q): %s", c.Text, msg)
			}
		}
	}
	nbad := 0
	for _, c := range s.Numbers {
		v, e := Number(c.Text)
		if msg := checkValue(v, false, e, c.Res); msg != "" {
			if nbad++; nbad <= 20 {
				t.Errorf("Number(%.80q): %s", c.Text, msg)
			}
		}
	}
	fbad := 0
	for _, c := range s.FMiddles {
		str, e := FStringMiddle(c.Text, c.Raw)
		var v ast.Value
		if e == nil {
			v = ast.Str(str)
		}
		if msg := checkValue(v, false, e, c.Res); msg != "" {
			if fbad++; fbad <= 20 {
				t.Errorf("FStringMiddle(%.80q, %v): %s", c.Text, c.Raw, msg)
			}
		}
	}
	t.Logf("stdlib: %d files (%d not tokenizable, skipped); %d string tokens, %d distinct, %d disagree; "+
		"%d number tokens, %d distinct, %d disagree; %d f-string literal runs, %d distinct checked, %d disagree, %d not wrappable",
		s.Files, s.BadFiles, s.Counts["string_tokens"], len(s.Strings), bad,
		s.Counts["number_tokens"], len(s.Numbers), nbad, s.Counts["fmiddle_runs"], len(s.FMiddles), fbad, s.FSkipped)
}

func TestOracleNames(t *testing.T) {
	a := askOracle(t)
	n := a.Names
	if n.Version != "15.1.0" {
		t.Errorf("oracle unicodedata %s", n.Version)
	}
	bad := 0
	fail := func(format string, args ...any) {
		if bad++; bad <= 20 {
			t.Errorf(format, args...)
		}
	}
	for _, e := range n.Names {
		code, name, lower := rune(e[0].(float64)), e[1].(string), rune(e[2].(float64))
		if c, ok := lookupName(name); !ok || c != code {
			fail("lookupName(%q) = %U, %v; want %U", name, c, ok, code)
		}
		c, ok := lookupName(strings.ToLower(name))
		if lower < 0 {
			if ok {
				fail("lookupName(%q) = %U, want failure", strings.ToLower(name), c)
			}
		} else if !ok || c != lower {
			fail("lookupName(%q) = %U, %v; want %U", strings.ToLower(name), c, ok, lower)
		}
	}
	for _, e := range n.Aliases {
		code, name := rune(e[0].(float64)), e[1].(string)
		if c, ok := lookupName(name); !ok || c != code {
			fail("alias lookupName(%q) = %U, %v; want %U", name, c, ok, code)
		}
		if c, ok := lookupName(strings.ToLower(name)); !ok || c != code {
			fail("alias lookupName(%q) = %U, %v; want %U", strings.ToLower(name), c, ok, code)
		}
	}
	for _, e := range n.Seqs {
		var name string
		var want pyResult
		json.Unmarshal(e[0], &name)
		json.Unmarshal(e[1], &want)
		lit := `'\N{` + name + `}'`
		v, u, err := String(lit)
		if msg := checkValue(v, u, err, want); msg != "" {
			fail("named sequence String(%q): %s", lit, msg)
		}
	}
	t.Logf("%d names (each also in lower case), %d aliases, %d named sequences agree", len(n.Names), len(n.Aliases), len(n.Seqs))
}

// stringCases are the string and bytes literal texts of the differential test.
func stringCases() []string {
	var cs []string
	add := func(s ...string) { cs = append(cs, s...) }
	prefixes := []string{"", "r", "u", "b", "br", "rb", "R", "U", "B", "Br", "bR", "RB", "Rb"}
	escapes := []string{`\\`, `\'`, `\"`, `\a`, `\b`, `\f`, `\n`, `\r`, `\t`, `\v`, `\0`, `\d`, `\q`, `\8`, `\9`,
		`\ `, `\{`, `\}`, `\z`, `\A`, `\Z`, `\x41`, `\u0041`, `\U00000041`, `\N{DIGIT ONE}`, `\101`, `\377`, `\400`, `\777`}
	for _, p := range prefixes {
		for _, e := range escapes {
			add(p + "'a" + e + "z'")
		}
		add(p+`''`, p+`""`, p+`''''''`, p+`""""""`, p+`'''a'b'''`, p+`"""a"b"""`, p+`"it's"`, p+`'\''`, p+`"\""`, p+`'\\'`)
	}
	// Octal escapes.
	for _, o := range []string{`\0`, `\7`, `\00`, `\07`, `\10`, `\77`, `\100`, `\177`, `\200`, `\377`, `\400`, `\477`, `\577`,
		`\677`, `\777`, `\1234`, `\08`, `\778`, `\0000`, `\3777`, `\1a`, `\8`} {
		add("'"+o+"'", "b'"+o+"'", "'x"+o+"y'")
	}
	// Hex escapes.
	for _, x := range []string{`\x00`, `\x7f`, `\x80`, `\xff`, `\xFF`, `\xaB`, `\x0a`, `\x5c`, `\x27`, `\x41\x4A`,
		`\x`, `\x4`, `\xg0`, `\x4g`, `\x4é`, `\xé`, `\x 1`, `\x-1`} {
		add("'"+x+"'", "'ab"+x+"cd'")
		if !strings.Contains(x, "é") {
			add("b'"+x+"'", "b'ab"+x+"cd'")
		}
	}
	for _, u := range []string{`\u0000`, `\u00e9`, `\u20AC`, `\uD800`, `\udfff`, `\ud83d\ude00`, `\ud83d`, `\ude00\ud83d`,
		`\uffff`, `\ufeff`, `\u12345`, `\u12`, `\u123g`, `\u`, `\u123`, `\u12é`,
		`\U00000041`, `\U0010ffff`, `\U0010FFFF`, `\U00110000`, `\U0001F600`, `\Uffffffff`, `\U0000D800`, `\U0000dc00`,
		`\U8000000`, `\U0001F60`, `\U0001F60g`, `\U`, `\U1`, `\U0001f600x`, `\UFFFFFFFF`, `\U00200000`} {
		add("'"+u+"'", "'é€"+u+"'", "b'"+u+"'")
	}
	// Unicode names.
	for _, n := range []string{"LATIN SMALL LETTER A", "latin small letter a", "LaTiN SmAlL lEtTeR a", "EM DASH",
		"EULER CONSTANT", "NULL", "NUL", "LF", "LINE FEED", "line feed", "BYTE ORDER MARK", "BOM", "ZWNJ", "NBSP",
		"LATIN CAPITAL LETTER GHA", "HANGUL SYLLABLE GA", "HANGUL SYLLABLE HIH", "HANGUL SYLLABLE GGAGG",
		"HANGUL SYLLABLE KAG", "hangul syllable ga", "HANGUL SYLLABLE ga", "HANGUL SYLLABLE ", "HANGUL SYLLABLE",
		"HANGUL SYLLABLE GAGX", "HANGUL SYLLABLE A", "HANGUL SYLLABLE YI", "HANGUL SYLLABLE SSANG",
		"CJK UNIFIED IDEOGRAPH-4E00", "CJK UNIFIED IDEOGRAPH-04E00", "CJK UNIFIED IDEOGRAPH-4e00",
		"cjk unified ideograph-4E00", "CJK UNIFIED IDEOGRAPH-9FFF", "CJK UNIFIED IDEOGRAPH-A000", "CJK UNIFIED IDEOGRAPH-3400",
		"CJK UNIFIED IDEOGRAPH-2A6DF", "CJK UNIFIED IDEOGRAPH-2A6E0", "CJK UNIFIED IDEOGRAPH-323AF", "CJK UNIFIED IDEOGRAPH-2EBF0",
		"CJK UNIFIED IDEOGRAPH-0004E00", "CJK UNIFIED IDEOGRAPH-", "CJK UNIFIED IDEOGRAPH-4E0",
		"CJK COMPATIBILITY IDEOGRAPH-F900", "cjk compatibility ideograph-f900", "CJK COMPATIBILITY IDEOGRAPH-0F900",
		"CJK COMPATIBILITY IDEOGRAPH-2F800", "CJK COMPATIBILITY IDEOGRAPH-FA6E", "NUSHU CHARACTER-1B170", "nushu character-1b2fb",
		"KHITAN SMALL SCRIPT CHARACTER-18B00", "KHITAN SMALL SCRIPT CHARACTER-18CD5", "KHITAN SMALL SCRIPT CHARACTER-18CFF",
		"TANGUT IDEOGRAPH-17000", "TANGUT COMPONENT-001", "KEYCAP NUMBER SIGN", "LATIN CAPITAL LETTER A WITH MACRON AND GRAVE",
		"VARIATION SELECTOR-17", "VS17", "VS1", "FVS1", "SPACE", " SPACE", "SPACE ", "LATIN SMALL  LETTER A", "GRINNING FACE",
		"foo", "", "é", "LATIN SMALL LETTER É", "MONGOLIAN VOWEL SEPARATOR", "PRESENTATION FORM FOR VERTICAL RIGHT WHITE LENTICULAR BRAKCET",
		"PRESENTATION FORM FOR VERTICAL RIGHT WHITE LENTICULAR BRACKET", "BYZANTINE MUSICAL SYMBOL FHTORA SKLIRON CHROMA VASIS",
		"BYZANTINE MUSICAL SYMBOL FTHORA SKLIRON CHROMA VASIS", "SIGN WRITING HAND-FIST INDEX", "HANGUL JUNGSEONG O-E",
		"HANGUL JUNGSEONG O-YE", "TIBETAN MARK BKA- SHOG GI MGO RGYAN", "TIBETAN MARK BSKA- SHOG GI MGO RGYAN",
		"LATIN SMALL LETTER A}", "SQUARE ERA NAME REIWA", "EGYPTIAN HIEROGLYPH-13460", "CUNEIFORM SIGN A"} {
		add(`'\N{`+n+`}'`, `'xé\N{`+n+`}y'`)
	}
	add(`'\N'`, `'\N{'`, `'\N{}'`, `'\N{foo'`, `'\NA'`, `'\N{LATIN SMALL LETTER A'`, `'\N{EM DASH}\N{EM DASH}'`,
		`'é\N'`, `'\Né'`, `'\N{é'`, `b'\N{LATIN SMALL LETTER A}'`, `r'\N{LATIN SMALL LETTER A}'`, `'\N{LATIN SMALL LETTER A}\N{x}'`,
		`'\\N{foo}'`, `'\\\N{foo}'`)
	// Non-ASCII text around escapes: positions count in CPython's rewritten buffer.
	add(`'\é'`, `'\\é'`, `'\\\é'`, `'é\x4'`, `'€€\N{foo}'`, `'😀\u12'`, `'\😀\x'`, `'\é\é\x'`, `'aé\é\\é\x4'`,
		`'ж\d\x'`, `'\\'`, `'\\\\'`, `'\\\\\x'`, `'é'`, `'😀'`, `u'é'`, `r'é\x'`, `r'\é'`)
	// Bytes with non-ASCII characters.
	add(`b'é'`, `b'\é'`, `br'é'`, `b'''\n é'''`, `b'\x80'`, "b'\x7f'")
	// Line continuations and newlines.
	add("'a\\\nb'", "'a\\\r\nb'", "'a\\\rb'", "'''a\r\nb'''", "'''a\rb'''", "'''a\r\rb'''", "'''a\n\r\nb'''",
		"'''\\\r\n'''", "b'a\\\r\nb'", "b'''a\r\nb'''", "r'''a\r\nb\\\r\n'''", "rb'''a\r\nb\\\r\n'''", "'\\\n'",
		"'''é\r\n\\x'''", "'''\r\n\\x4'''", "b'''\r\n\\x4'''", "'''\\\n\\\n\\\n'''", "'''\n'''", "u'''\r'''")
	// Raw strings keep everything.
	add(`r'\'`+"'", `r'\\'`, `r"\""`, `r'\x'`, `r'\N{foo}'`, `r'\u12'`, `rb'\x'`, `R'\n'`, `r'''\'''`+"'",
		`r"\\\""`, `b'\''`, `rb"\""`)
	// Bytes errors and value errors.
	add(`b'\x'`, `b'\x4'`, `b'\x4g'`, `b'ab\xg0'`, `b'\xé'`, `b'\u'`, `b'\U'`, `b'\N'`, `b'é\x'`, `b'\x41\x'`,
		`b'''\r\n\x'''`, `b'\\\x'`, `b'\1\x1'`)
	// The first error wins.
	add(`'\x\N{foo}'`, `'\N{foo}\x'`, `'\d\x'`)
	return cs
}

// numberCases are the number token texts of the differential test.
func numberCases() []string {
	cs := []string{"0", "00", "000", "0_0", "0_00_0", "1", "7", "10", "1_000", "123_456_789", "9223372036854775807",
		"9223372036854775808", "18446744073709551615", "18446744073709551616", "99999999999999999999999999",
		"0x0", "0xff", "0XfF", "0x_ff", "0x_f_f", "0xDEAD_BEEF", "0o17", "0O17", "0o_7", "0b101", "0B1_0_1", "0b_1",
		"0o777777777777777777777777777777", "0x" + strings.Repeat("f", 5000), "0b" + strings.Repeat("10", 3000),
		"0o" + strings.Repeat("7", 5000),
		"1" + strings.Repeat("0", 4299), "1" + strings.Repeat("0", 4300), "1_" + strings.Repeat("0", 4300),
		strings.Repeat("0", 5000), strings.Repeat("9", 4300), strings.Repeat("9", 10000), strings.Repeat("1_", 4300) + "1",
		"0.0", "0.", ".0", "1.", ".5", "5.", "1.5", "1e5", "1E5", "1e+5", "1e-5", "1.e5", ".1e5", "1_0.0_1e1_0",
		"1e400", "1e-400", "1e308", "1.7976931348623157e308", "1.7976931348623158e308", "1.7976931348623159e308",
		"4e-324", "5e-324", "2.4703282292062328e-324", "2.4703282292062327e-324", "2.2250738585072011e-308",
		"2.2250738585072014e-308", "0.1", "0.2", "0.3", "1e16", "1e15", "123456789012345678901234567890.0",
		"0.000001", "0.0001", "1e-4", "1e-5", "9007199254740993.0", "9007199254740992.5", "00.5", "007.5", "0777.5",
		"0777e1", "0e0", "0_0e0_0", "1_1.1_1", strings.Repeat("9", 400) + ".0", "0." + strings.Repeat("0", 400) + "1",
		"1" + strings.Repeat("0", 5000) + ".0", "1" + strings.Repeat("0", 5000) + "e-5000",
		"0j", "0J", "1j", "1J", "00j", "0777j", "1.5j", "1e5j", "1E5J", "1e400j", "1e-400j", "1_0j", ".5j", "5.j",
		"1" + strings.Repeat("0", 5000) + "j", "9007199254740993j"}
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 300; i++ {
		var b strings.Builder
		nd := 1 + r.Intn(25)
		for j := 0; j < nd; j++ {
			b.WriteByte(byte('0' + r.Intn(10)))
		}
		s := strings.TrimLeft(b.String(), "0")
		if s == "" {
			s = "1"
		}
		switch i % 3 {
		case 0:
			cs = append(cs, s)
		case 1:
			p := r.Intn(len(s) + 1)
			cs = append(cs, s[:p]+"."+s[p:]+"e"+strconv.Itoa(r.Intn(700)-350))
		case 2:
			p := r.Intn(len(s) + 1)
			cs = append(cs, s[:p]+"."+s[p:]+"j")
		}
	}
	return cs
}

// fstringCases are f-string literal texts (braces doubled) of the differential test.
func fstringCases() []fcase {
	texts := []string{"", "abc", "a{{b", "a}}b", "{{", "}}", "{{}}", "a{{b}}c", `\x41`, `\x41{{`, `{{\x41`, `ab{{\x4`,
		`{{é\x4`, `é{{é\x4`, `\N{BULLET}`, `a\N{BULLET}b`, `\N{DIGIT ONE}}}`, `\N{DIGIT ONE}\x4`, `\N{DIGIT ONE}é\x`,
		`\N{foo}`, `x\N{foo}`, `\N{LEFT CURLY BRACKET}{{`, `\{{`, `\}}`, `a\{{b`, `\\{{`, `\\N{{`, `\d`, `\u12`, `\ud800`,
		`\777`, "a\\\nb", "a\r\nb", "a\\\r\nb\\x4", "{{\r\n\\x4", `\\`, `}}\x`, `{{{{\x`, `\x{{`, `é\N{EM DASH}`,
		`\N{em dash}`, `\N{HANGUL SYLLABLE GA}`, `\N{CJK UNIFIED IDEOGRAPH-4E00}`, `\N{KEYCAP NUMBER SIGN}`, `\N{}`,
		`\N{LF}`, `\'`, `\"`, `\U0001F600{{`, `\U00110000`, `a{{\N{BULLET}}}b`, "{{\\\n}}"}
	var cs []fcase
	for _, t := range texts {
		cs = append(cs, fcase{t, false})
		// In a raw f-string, \N{...} is a backslash, an N and a replacement field.
		if !strings.Contains(t, `\N{`) || strings.Contains(t, `\N{{`) {
			cs = append(cs, fcase{t, true})
		}
	}
	return cs
}
