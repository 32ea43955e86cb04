package docs

import (
	"strings"

	"github.com/covetpy/covetgen/runtime/pyjson"
)

// Param is one key of a Python dict given to the docs pages
// (swagger_ui_parameters, init_oauth), in insertion order.
//
// Value is the value after jsonable_encoder: nil, bool, int, int64,
// float64, *big.Int, string, []any, or []Param for a nested dict.
type Param = pyjson.Member

// htmlSafeJSON is FastAPI's _html_safe_json: json.dumps with <, > and &
// escaped.
func htmlSafeJSON(v any) (string, error) {
	b, err := pyjson.DefaultDumps().Append(nil, v)
	if err != nil {
		return "", err
	}
	s := string(b)
	if strings.ContainsAny(s, "<>&") {
		s = strings.NewReplacer("<", `\u003c`, ">", `\u003e`, "&", `\u0026`).Replace(s)
	}
	return s, nil
}
