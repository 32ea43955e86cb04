package validate

import (
	"strconv"
	"strings"
	"testing"

	"github.com/covetpy/covetgen/runtime/pyjson"
)

func outInt(dst []byte, v Int) []byte       { b, _ := v.AppendJSON(dst); return b }
func outFloat(dst []byte, f float64) []byte { return AppendFloatJSON(dst, f) }
func outBool(dst []byte, b bool) []byte     { return strconv.AppendBool(dst, b) }
func outStr(dst []byte, s string) []byte    { b, _ := AppendStrJSON(dst, s); return b }
func outBytes(dst []byte, v []byte) []byte  { b, _ := AppendBytesJSON(dst, v); return b }
func outUUID(dst []byte, u UUID) []byte     { return u.AppendJSON(dst) }
func outDec(dst []byte, d Decimal) []byte   { return d.AppendJSON(dst) }

func ip(i int) *int         { return &i }
func fp(f float64) *float64 { return &f }
func bp(b bool) *bool       { return &b }
func iv(i int64) *Int       { v := IntOf(i); return &v }
func dp(s string) *Decimal  { d, _ := ParseDecimal(s); return &d }
func bigIv(s string) *Int   { v, _ := IntFromString(s); return &v }
func mustPat(s string) *Pattern {
	p, err := CompilePattern(s)
	if err != nil {
		panic(err)
	}
	return p
}

var intStrInputs = q("5", "+5", "-5", " 5 ", "05", "-05", "00", "0", "-0", "+0", "5_000", "5__000", "_5", "5_", "5.0", "5.00",
	"5.", "5.5", "1e3", "0x10", "", " ", "abc", "+-5", "-+5", "--5", "9223372036854775807", "9223372036854775808",
	"-9223372036854775809", "123456789012345678901234567890", "0_0", "0.0", "00.0", "0_5", "\t7\n", "\u00a07\u3000",
	"٣", "5.0_0", "1_000.0", "Infinity", "nan", strings.Repeat("9", 4300), strings.Repeat("9", 4301),
	"-"+strings.Repeat("9", 4299), "-"+strings.Repeat("9", 4300), " "+strings.Repeat("9", 4301), strings.Repeat("9", 4301)+"x",
	strings.Repeat("9", 30)+".0", "0"+strings.Repeat("9", 30))

var intJSONInputs = j("5", "-5", "5.0", "2.5", "-0.0", "1e20", "1e18", "-9.223372036854776e18", "9.2233720368547748e18",
	"NaN", "Infinity", "-Infinity", "true", "false", "null", "[]", "{}", `"5"`, `" 5 "`, `"5.5"`, `"x"`, `[1]`,
	"123456789012345678901234567890", `{"a":1}`, `"\u00e9"`)

func TestIntMatchesPydantic(t *testing.T) {
	noCheck := func(Int, any) *Error { return nil }
	_ = noCheck
	runTypeCases(t, []typeCase{
		mk("int", IntFromString, IntFromJSON, nil, outInt, flat(intStrInputs, intJSONInputs)...),
		mk("Annotated[int, Field(gt=0)]", IntFromString, IntFromJSON, (&IntConstraints{Gt: iv(0)}).Check, outInt,
			flat(q("0", "1", "-1", "x"), j("0", "1", "0.0", "true", "false"))...),
		mk("Annotated[int, Field(ge=1, le=10)]", IntFromString, IntFromJSON, (&IntConstraints{Ge: iv(1), Le: iv(10)}).Check, outInt,
			flat(q("0", "1", "10", "11"), j("11", "-3", "10.0"))...),
		mk("Annotated[int, Field(lt=10**30)]", IntFromString, IntFromJSON, (&IntConstraints{Lt: bigIv("1" + strings.Repeat("0", 30))}).Check, outInt,
			flat(q("1"+strings.Repeat("0", 30), "5"), j("1"+strings.Repeat("0", 31)))...),
		mk("Annotated[int, Field(multiple_of=3, gt=5)]", IntFromString, IntFromJSON, (&IntConstraints{MultipleOf: iv(3), Gt: iv(5)}).Check, outInt,
			flat(q("4", "3", "9", "-3"), j("6", "7"))...),
	})
}

func TestFloatMatchesPydantic(t *testing.T) {
	ins := flat(q("1", "1.5", ".5", "5.", "1e3", "1E-3", "+1.5", "-1.5", " 1.5 ", "1_000.5", " 1_000.5", "1__0", "_1", "1_",
		"inf", "-inf", "+inf", "Infinity", "-INFINITY", "nan", "NaN", "-nan", "infinit", "0x1p3", "", " ", ".", "e3", "1e", "1e+",
		"1.5.5", "1e400", "-1e400", "1e-400", "5e-324", "0.1", "1e-7", "1e16", "00001.5", "1,5", "١", "\u00a01.5"),
		j("1", "1.5", "-0.0", "1e400", "NaN", "Infinity", "-Infinity", "true", "false", "null", `"1.5"`, `"inf"`, "[]", "{}",
			"123456789012345678901234567890", "1"+strings.Repeat("0", 400), "1e-7", "1e-5", "1e16", "0.1"))
	runTypeCases(t, []typeCase{
		mk("float", FloatFromString, FloatFromJSON, nil, outFloat, ins...),
		mk("Annotated[float, Field(gt=0)]", FloatFromString, FloatFromJSON, (&FloatConstraints{Gt: fp(0)}).Check, outFloat,
			flat(q("0", "0.1", "-1", "nan", "inf"), j("0", "1"))...),
		mk("Annotated[float, Field(ge=0.5, lt=1e20)]", FloatFromString, FloatFromJSON, (&FloatConstraints{Ge: fp(0.5), Lt: fp(1e20)}).Check, outFloat,
			flat(q("0.4", "0.5", "1e20", "1e19", "NaN"), j("1e21"))...),
		mk("Annotated[float, Field(le=-1e-7)]", FloatFromString, FloatFromJSON, (&FloatConstraints{Le: fp(-1e-7)}).Check, outFloat,
			flat(q("0", "-1"))...),
		mk("Annotated[float, Field(multiple_of=0.5)]", FloatFromString, FloatFromJSON, (&FloatConstraints{MultipleOf: fp(0.5)}).Check, outFloat,
			flat(q("1.5", "0.3", "-2", "1e-10"), j("0.30000000001", "Infinity", "NaN"))...),
		mk("Annotated[float, Field(allow_inf_nan=False)]", FloatFromString, FloatFromJSON, (&FloatConstraints{AllowInfNan: bp(false)}).Check, outFloat,
			flat(q("inf", "nan", "1"), j("NaN", "-Infinity", "1e400"))...),
	})
}

func TestBoolMatchesPydantic(t *testing.T) {
	ins := flat(q("true", "True", "TRUE", "false", "1", "0", "yes", "no", "on", "off", "t", "f", "y", "n", "Y", "N", "YES",
		"oN", "OFF", " true", "true ", "", "2", "-1", "1.0", "tru", "yess", "\u0131"),
		j("true", "false", "1", "0", "2", "-1", "0.0", "1.0", "1.5", "2.0", "NaN", "1e400", "null", `"yes"`, `"2"`, "[]", "{}",
			"123456789012345678901234567890", "-0.0"))
	runTypeCases(t, []typeCase{mk("bool", BoolFromString, BoolFromJSON, nil, outBool, ins...)})
}

func TestStrMatchesPydantic(t *testing.T) {
	id := func(s string) (string, *Error) { return s, nil }
	strCheck := func(c *StrConstraints) func(string, any) *Error {
		return func(s string, in any) *Error { _, err := c.Apply(s, in); return err }
	}
	strOut := func(c *StrConstraints) func([]byte, string) []byte {
		return func(dst []byte, s string) []byte { v, _ := c.Apply(s, nil); return outStr(dst, v) }
	}
	strip := &StrConstraints{StripWhitespace: true, MinLength: ip(3), MaxLength: ip(5)}
	pat := &StrConstraints{Pattern: mustPat(`^a[b-z]+$`)}
	pat2 := &StrConstraints{Pattern: mustPat(`[0-9]{3}`), ToLower: true}
	minmax := &StrConstraints{MinLength: ip(1), MaxLength: ip(2)}
	quote := &StrConstraints{Pattern: mustPat(`^'x\"$`)}
	upper := &StrConstraints{ToUpper: true, MaxLength: ip(10)}
	runTypeCases(t, []typeCase{
		mk("str", id, StrFromJSON, nil, outStr, flat(q("", "abc", "é日本😀", "a\"b\\c\n\t\x00\x1f\x7f", "\u2028"),
			j(`"x"`, `"\ud83d\ude00"`, `"\u0000"`, "1", "1.5", "true", "null", "[]", "{}", `"\u00e9"`))...),
		mk("Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=5)]", id, StrFromJSON, strCheck(strip), strOut(strip),
			flat(q("  ab  ", "  abc  ", "abcdef", " abcde ", "\u3000abc\u3000", "\t\nab\r", "ab"), j(`"  abcd "`, "5"))...),
		mk("Annotated[str, Field(pattern=r'^a[b-z]+$')]", id, StrFromJSON, strCheck(pat), strOut(pat),
			flat(q("abc", "a", "Abc", "abc1", ""), j(`"az"`, `"b"`))...),
		mk("Annotated[str, StringConstraints(pattern=r'[0-9]{3}', to_lower=True)]", id, StrFromJSON, strCheck(pat2), strOut(pat2),
			flat(q("ABC123", "x12y", "123"))...),
		mk("Annotated[str, Field(min_length=1, max_length=2)]", id, StrFromJSON, strCheck(minmax), strOut(minmax),
			flat(q("", "a", "ab", "abc", "😀😀", "😀😀😀", "éé"), j(`"\ud800"`))...),
		mk(`Annotated[str, Field(pattern=r"^'x\"$")]`, id, StrFromJSON, strCheck(quote), strOut(quote), flat(q("y", `'x"`))...),
		mk("Annotated[str, StringConstraints(to_upper=True, max_length=10)]", id, StrFromJSON, strCheck(upper), strOut(upper), flat(q("abc", "straße"))...),
	})
}

func TestBytesMatchesPydantic(t *testing.T) {
	chk := func(b []byte, in any) *Error { return CheckBytesLength(b, ip(2), ip(4), in) }
	runTypeCases(t, []typeCase{
		mk("bytes", BytesFromString, BytesFromJSON, nil, outBytes, flat(q("", "abc", "é"), j(`"x"`, "1", "null", "[]", "true"))...),
		mk("Annotated[bytes, Field(min_length=2, max_length=4)]", BytesFromString, BytesFromJSON, chk, outBytes,
			flat(q("a", "ab", "é", "abcd", "abcde", "éé", "ééé"))...),
	})
}

func TestUUIDMatchesPydantic(t *testing.T) {
	runTypeCases(t, []typeCase{mk("uuid.UUID", UUIDFromString, UUIDFromJSON, nil, outUUID, flat(
		q("12345678-1234-5678-1234-567812345678", "12345678-1234-5678-1234-56781234567G", "123456781234567812345678123456AB",
			"{12345678-1234-5678-1234-567812345678}", "urn:uuid:12345678-1234-5678-1234-567812345678",
			"URN:UUID:12345678-1234-5678-1234-567812345678", "abc", "", "not-a-uuid", "12345678-1234-5678-1234-5678123456789",
			"12345678-1234-56781-234-567812345678", "12345678123456781234567812345678", "1234567812345678123456781234567",
			"12345678-1234-5678-1234", "12345678-1234-5678-1234-56781234567", "{12345678-1234-5678-1234-56781234567}",
			"{123}", "12345678-1234-5678-1234-56781234567é", "é", "12345678_1234_5678_1234_567812345678",
			"--------------------------------", "1234567-81234-5678-1234-567812345678", " 12345678-1234-5678-1234-567812345678",
			"00000000-0000-0000-0000-000000000000", "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF"),
		j(`"12345678-1234-5678-1234-567812345678"`, "1", "null", "[]", `"x"`))...)})
}

func TestDecimalMatchesPydantic(t *testing.T) {
	plain := &DecimalConstraints{}
	runTypeCases(t, []typeCase{
		mk("Decimal", DecimalFromString, DecimalFromJSON, plain.Check, outDec, flat(
			q("1.1", " 1.1 ", "1_0", "1__0", "_1", "1_", "1e2", "1E+2", "1e-7", "-0", "0.000", "00012.300", ".5", "5.", "+.5",
				"NaN", "-nan", "sNaN", "Infinity", "-inf", "0x10", "", "abc", "1e", "1.2.3", "1e_2", "123456789012345678901234567890.123",
				"1E+30", "0.0000001", "100", "-1.10", "1e-6", "12e-9"),
			j("1", "1.5", "0.1", "1e-7", "1e16", "-0.0", "NaN", "Infinity", "true", "null", "[]", `"1.10"`, `"x"`,
				"123456789012345678901234567890"))...),
		mk("Annotated[Decimal, Field(max_digits=4, decimal_places=1)]", DecimalFromString, DecimalFromJSON,
			(&DecimalConstraints{MaxDigits: ip(4), DecimalPlaces: ip(1)}).Check, outDec,
			flat(q("123.4", "123.45", "12345", "1234", "0.10", "0.01", "100.0", "1000.0", "1E+3", "1E+4", "inf", "NaN", "0.00000"), j("12.3", "1e3"))...),
		mk("Annotated[Decimal, Field(max_digits=4)]", DecimalFromString, DecimalFromJSON, (&DecimalConstraints{MaxDigits: ip(4)}).Check, outDec,
			flat(q("12345", "1234", "1.2345", "0.0001", "12340000", "1234.0000"))...),
		mk("Annotated[Decimal, Field(gt=0, le=Decimal('10.5'))]", DecimalFromString, DecimalFromJSON,
			(&DecimalConstraints{Gt: dp("0"), Le: dp("10.5")}).Check, outDec, flat(q("0", "10.5", "10.51", "-1", "5"))...),
		mk("Annotated[Decimal, Field(ge=Decimal('0.5'), lt=100)]", DecimalFromString, DecimalFromJSON,
			(&DecimalConstraints{Ge: dp("0.5"), Lt: dp("100")}).Check, outDec, flat(q("0.4", "100", "99.99"))...),
		mk("Annotated[Decimal, Field(multiple_of=Decimal('0.5'))]", DecimalFromString, DecimalFromJSON,
			(&DecimalConstraints{MultipleOf: dp("0.5")}).Check, outDec, flat(q("1.5", "0.3", "-2", "0"))...),
		mk("Annotated[Decimal, Field(allow_inf_nan=True)]", DecimalFromString, DecimalFromJSON,
			(&DecimalConstraints{AllowInfNan: true}).Check, outDec, flat(q("NaN", "-Infinity", "1"))...),
	})
}

func TestLengthMatchesPydantic(t *testing.T) {
	// A list of ints: element errors are out of scope here; only lengths.
	list := func(field string, minL, maxL *int) func(pyjson.Value) ([]byte, *Error) {
		return func(v pyjson.Value) ([]byte, *Error) {
			if v.Kind() != pyjson.KindArray {
				return nil, newErr("list_type", "Input should be a valid list", v)
			}
			if err := CheckLength(field, v.Len(), minL, maxL, v); err != nil {
				return nil, err
			}
			out, _ := pyjson.AppendValue(nil, v)
			return out, nil
		}
	}
	lc := func(py, field string, minL, maxL *int, ins ...string) typeCase {
		return typeCase{py: py, json: list(field, minL, maxL), inputs: j(ins...)}
	}
	runTypeCases(t, []typeCase{
		lc("Annotated[List[int], Field(min_length=1, max_length=2)]", "List", ip(1), ip(2), "[]", "[1]", "[1,2]", "[1,2,3]"),
		lc("Annotated[List[int], Field(min_length=2)]", "List", ip(2), nil, "[1]", "[]"),
		lc("Annotated[List[int], Field(max_length=1)]", "List", nil, ip(1), "[1,2]", "[1,2,3,4]"),
		lc("Annotated[Tuple[int, ...], Field(min_length=1, max_length=2)]", "Tuple", ip(1), ip(2), "[]", "[1,2,3]"),
		lc("Annotated[Set[int], Field(min_length=1, max_length=2)]", "Set", ip(1), ip(2), "[]", "[1,2,3]"),
	})
}

func TestLiteralEnumMatchesPydantic(t *testing.T) {
	ab := NewLiteral(StrChoice("a"), StrChoice("b"))
	n12 := NewLiteral(IntChoice(1), IntChoice(2))
	mixed := NewLiteral(IntChoice(1), StrChoice("a"), BoolChoice(true), NoneChoice())
	single := NewLiteral(StrChoice("it's"))
	color := NewEnum(false, StrChoice("red"), StrChoice("green"))
	num := NewEnum(true, IntChoice(1), IntChoice(2))
	plain := NewEnum(false, IntChoice(1), IntChoice(2))
	lit := func(py string, l *Literal, ins ...string) typeCase {
		out := func(i int) []byte { b, _ := l.Choices[i].AppendJSON(nil); return b }
		return typeCase{py: py,
			str: func(s string) ([]byte, *Error) {
				i, err := l.FromString(s)
				if err != nil {
					return nil, err
				}
				return out(i), nil
			},
			json: func(v pyjson.Value) ([]byte, *Error) {
				i, err := l.FromJSON(v)
				if err != nil {
					return nil, err
				}
				return out(i), nil
			}, inputs: ins}
	}
	enum := func(py string, e *Enum, ins ...string) typeCase {
		out := func(i int) []byte { b, _ := e.Values[i].AppendJSON(nil); return b }
		return typeCase{py: py,
			str: func(s string) ([]byte, *Error) {
				i, err := e.FromString(s)
				if err != nil {
					return nil, err
				}
				return out(i), nil
			},
			json: func(v pyjson.Value) ([]byte, *Error) {
				i, err := e.FromJSON(v)
				if err != nil {
					return nil, err
				}
				return out(i), nil
			}, inputs: ins}
	}
	runTypeCases(t, []typeCase{
		lit("Literal['a', 'b']", ab, flat(q("a", "b", "c", "A", ""), j(`"a"`, "1", "null"))...),
		lit("Literal[1, 2]", n12, flat(q("1", "2", "3"), j("1", "2", "3", "1.0", "true", `"1"`))...),
		lit("Literal[1, 'a', True, None]", mixed, flat(q("a", "1", "True"), j("1", "true", "null", "false", `"a"`, "3"))...),
		lit(`Literal["it's"]`, single, flat(q("it's", "x"))...),
		enum("Color", color, flat(q("red", "green", "blue", "RED"), j(`"red"`, "1", "null"))...),
		enum("Num", num, flat(q("1", "2", "3", " 1", "1.0", "x"), j("1", "2", "3", "1.0", "true", `"2"`))...),
		enum("Plain", plain, flat(q("1", "3"), j("1", "2", "3", "1.0", "true"))...),
	})
}
