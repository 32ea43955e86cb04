package bridge

import (
	"encoding/json"
	"errors"
	"strings"

	"github.com/covetpy/covetgen/runtime/pyjson"
	"github.com/covetpy/covetgen/runtime/response"
)

// decodeFrame turns HTTPException and exception frames into errors.
func decodeFrame(f frame) (frame, error) {
	switch f.kind {
	case kindValue, kindBody:
		return f, nil
	case kindHTTP:
		var m struct {
			Status  int
			Detail  string
			Headers [][2]string
		}
		if err := json.Unmarshal(f.payload, &m); err != nil {
			return frame{}, errors.New("bridge: bad HTTPException frame: " + err.Error())
		}
		for i, h := range m.Headers {
			name, ok1 := latin1(strings.ToLower(h[0]))
			val, ok2 := latin1(h[1])
			if !ok1 || !ok2 {
				return frame{}, &PyError{Type: "UnicodeEncodeError", Module: "builtins",
					MRO: []string{"UnicodeEncodeError", "UnicodeError", "ValueError", "Exception", "BaseException", "object"},
					Msg: "'latin-1' codec can't encode characters in an HTTPException header"}
			}
			m.Headers[i] = [2]string{name, val}
		}
		return frame{}, response.NewHTTPException(m.Status, pyjson.Raw(m.Detail), m.Headers...)
	case kindExcept:
		e := &PyError{}
		if err := json.Unmarshal(f.payload, e); err != nil {
			return frame{}, errors.New("bridge: bad exception frame: " + err.Error())
		}
		return frame{}, e
	}
	return frame{}, errors.New("bridge: unexpected frame kind " + string(rune(f.kind)))
}

// latin1 encodes a str as the latin-1 bytes Starlette sends; false if it cannot.
func latin1(s string) (string, bool) {
	ascii := true
	for _, r := range s {
		if r > 0xFF {
			return "", false
		}
		if r >= 0x80 {
			ascii = false
		}
	}
	if ascii {
		return s, true
	}
	b := make([]byte, 0, len(s))
	for _, r := range s {
		b = append(b, byte(r))
	}
	return string(b), true
}
