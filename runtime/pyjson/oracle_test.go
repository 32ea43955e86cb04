package pyjson

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"math/big"
	"strconv"
	"strings"
	"testing"

	"github.com/covetpy/covetgen/runtime/internal/pyoracle"
)

// decodeScript: json.loads(bytes) verdict, canonical value, and the
// json.dumps(ensure_ascii=False, allow_nan=False, compact) re-encoding.
const decodeScript = `
sys.setrecursionlimit(20000)
def canon(v):
    if v is None: return 'n'
    if v is True: return 't'
    if v is False: return 'f'
    if isinstance(v, int): return 'i' + str(v)
    if isinstance(v, float): return 'd' + repr(v)
    if isinstance(v, str): return 's' + '.'.join('%x' % ord(c) for c in v) + ';'
    if isinstance(v, list): return '[' + ','.join(canon(x) for x in v) + ']'
    return '{' + ','.join(canon(k) + ':' + canon(x) for k, x in v.items()) + '}'

def handle(case):
    b = base64.b64decode(case["b"])
    try:
        v = json.loads(b)
    except json.JSONDecodeError as e:
        return {"v": "JDE", "msg": e.msg, "pos": e.pos}
    except UnicodeDecodeError:
        return {"v": "encoding"}
    except RecursionError:
        return {"v": "depth"}
    except ValueError as e:
        return {"v": "intdigits" if "integer string conversion" in str(e) else "ValueError: " + str(e)}
    res = {"v": "ok", "canon": canon(v)}
    try:
        res["dump"] = base64.b64encode(json.dumps(v, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode("utf-8")).decode()
    except UnicodeEncodeError:
        res["dump_err"] = "unicode"
    except ValueError:
        res["dump_err"] = "value"
    return res
`

type pyVerdict struct {
	V       string `json:"v"`
	Msg     string `json:"msg,omitempty"`
	Pos     int    `json:"pos,omitempty"`
	Canon   string `json:"canon,omitempty"`
	Dump    string `json:"dump,omitempty"`
	DumpErr string `json:"dump_err,omitempty"`
}

func b64case(in []byte) map[string]string {
	return map[string]string{"b": base64.StdEncoding.EncodeToString(in)}
}

// goVerdict computes the same verdict with this package.
func goVerdict(in []byte, opt Options) pyVerdict {
	var d Doc
	err := d.Parse(in, opt)
	var se *SyntaxError
	var ie *InputError
	switch {
	case errors.As(err, &se):
		return pyVerdict{V: "JDE", Msg: se.Msg, Pos: se.Pos}
	case errors.As(err, &ie):
		switch ie.Kind {
		case InvalidEncoding:
			return pyVerdict{V: "encoding"}
		case TooDeep:
			return pyVerdict{V: "depth"}
		case IntTooLong:
			return pyVerdict{V: "intdigits"}
		}
		return pyVerdict{V: "toolarge"}
	case err != nil:
		return pyVerdict{V: "go error " + err.Error()}
	}
	res := pyVerdict{V: "ok", Canon: canon(d.Root())}
	out, err := AppendValue(nil, d.Root())
	var ee *EncodeError
	switch {
	case errors.As(err, &ee) && ee.Msg == msgUnicode:
		res.DumpErr = "unicode"
	case err != nil:
		res.DumpErr = "value"
	default:
		res.Dump = base64.StdEncoding.EncodeToString(out)
	}
	return res
}

// canon mirrors the oracle's canon().
func canon(v Value) string {
	var sb strings.Builder
	canonTo(&sb, v)
	return sb.String()
}

func canonStr(sb *strings.Builder, s string) {
	sb.WriteByte('s')
	for i := 0; i < len(s); {
		r, n := DecodeRune(s, i)
		if i > 0 {
			sb.WriteByte('.')
		}
		sb.WriteString(strconv.FormatInt(int64(r), 16))
		i += n
	}
	sb.WriteByte(';')
}

func canonTo(sb *strings.Builder, v Value) {
	switch v.Kind() {
	case KindNull:
		sb.WriteByte('n')
	case KindTrue:
		sb.WriteByte('t')
	case KindFalse:
		sb.WriteByte('f')
	case KindInt:
		sb.WriteByte('i')
		if i, ok := v.Int64(); ok {
			sb.WriteString(strconv.FormatInt(i, 10))
		} else {
			sb.WriteString(new(big.Int).Set(v.BigInt()).String())
		}
	case KindFloat:
		sb.WriteByte('d')
		f, _ := v.Float64()
		sb.Write(AppendFloatRepr(nil, f))
	case KindString:
		canonStr(sb, v.Str())
	case KindArray:
		sb.WriteByte('[')
		for it := v.Elems(); it.Next(); {
			if it.Index() > 0 {
				sb.WriteByte(',')
			}
			canonTo(sb, it.Value())
		}
		sb.WriteByte(']')
	case KindObject:
		sb.WriteByte('{')
		first := true
		for it := v.Members(); it.Next(); {
			if !first {
				sb.WriteByte(',')
			}
			first = false
			canonStr(sb, it.Key())
			sb.WriteByte(':')
			canonTo(sb, it.Value())
		}
		sb.WriteByte('}')
	}
}

// runDecodeOracle compares this package with json.loads on every input.
func runDecodeOracle(t *testing.T, inputs [][]byte) {
	t.Helper()
	cases := make([]any, len(inputs))
	for i, in := range inputs {
		cases[i] = b64case(in)
	}
	answers := runOracleRaw(t, cases)
	for i, a := range answers {
		var want pyVerdict
		if err := json.Unmarshal(a, &want); err != nil {
			t.Fatalf("bad oracle answer %s", a)
		}
		got := goVerdict(inputs[i], Options{MaxDepth: 100000})
		if got != want {
			t.Errorf("input %q:\n got  %s\n want %s", clip(inputs[i]), clipV(got), clipV(want))
		}
	}
}

func clip(b []byte) string {
	if len(b) > 80 {
		return string(b[:80]) + "..."
	}
	return string(b)
}

func clipV(v pyVerdict) string {
	v.Canon, v.Dump = clip([]byte(v.Canon)), clip([]byte(v.Dump))
	return strconv.Quote(v.V) + " " + v.Msg + " " + strconv.Itoa(v.Pos) + " " + v.Canon + " " + v.Dump + " " + v.DumpErr
}

func runOracleRaw(t *testing.T, cases []any) []json.RawMessage {
	t.Helper()
	return pyoracle.Run(t, decodeScript, cases)
}
