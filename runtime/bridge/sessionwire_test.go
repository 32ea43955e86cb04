package bridge

import (
	"encoding/binary"
	"errors"
	"strings"
	"testing"

	"github.com/covetpy/covetgen/runtime/response"
	"github.com/covetpy/covetgen/runtime/validate"
)

func TestEncodeOp(t *testing.T) {
	tests := []struct {
		name   string
		raised error
		want   string
	}{
		{"none", nil, `{"sid":7,"op":"close"}`},
		{"http", response.NewHTTPException(403, "no", [2]string{"X-Why", "policy"}),
			`{"sid":7,"op":"close","raised":{"kind":"http","status":403,"detail":"no","headers":[["x-why","policy"]]}}`},
		{"http without detail", response.NewHTTPException(404, nil),
			`{"sid":7,"op":"close","raised":{"kind":"http","status":404}}`},
		{"validation", &response.RequestValidationError{Errors: []*validate.Error{{Type: "missing", Loc: response.Loc("query", "q"), Msg: "Field required"}}},
			`{"sid":7,"op":"close","raised":{"kind":"validation","status":0,"errors":[{"type":"missing","loc":["query","q"],"msg":"Field required","input":null}]}}`},
		{"python", &PyError{Type: "KeyError", Module: "builtins", Msg: "'k'"},
			`{"sid":7,"op":"close","raised":{"kind":"error","type":"KeyError","module":"builtins","msg":"'k'"}}`},
		{"go", errors.New("response validation failed"),
			`{"sid":7,"op":"close","raised":{"kind":"error","type":"Exception","msg":"response validation failed"}}`},
	}
	for _, tc := range tests {
		if got := string(encodeOp(7, "close", tc.raised)); got != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.name, got, tc.want)
		}
	}
}

func TestEncodeInvocation(t *testing.T) {
	ri := &RequestInfo{Method: "GET", Path: "/é", RawPath: "/%C3%A9", QueryString: "a=\xe9",
		Headers: [][2]string{{"x-raw", "\xff"}}, PathParams: []KwArg{Kw("id", UUID("00000000-0000-0000-0000-000000000001"))}, Body: []byte("hi")}
	inv := Invocation{Fn: "m:f", Args: []any{1, Kw("x", Ref{Session: 2, ID: 1})}, Body: true, Generator: true,
		FunctionScope: true, Request: ri, RequestParams: []string{"request"}, ResponseParams: []string{"response"},
		BackgroundParams: []string{"tasks"}}
	got, err := encodeInvocation(2, inv, true)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"fn":"m:f","mode":"b","args":[1],"kw":{"x":{"$t":"ref","s":2,"id":1}},"sid":2,"gen":1,"fscope":1,` +
		`"rq":["request"],"rs":["response"],"bt":["tasks"],"req":{"method":"GET","scheme":"","http_version":"",` +
		`"path":"/\u00e9","raw_path":"/%C3%A9","root_path":"","query_string":"a=\u00e9","headers":[["x-raw","\u00ff"]],` +
		`"client_host":"","client_port":0,"server_host":"","server_port":0,` +
		`"path_params":{"id":{"$t":"uuid","v":"00000000-0000-0000-0000-000000000001"}},"body":"aGk="}}`
	if string(got) != want {
		t.Errorf("\n got %s\nwant %s", got, want)
	}
	if got, _ := encodeInvocation(2, inv, false); strings.Contains(string(got), `"req"`) {
		t.Errorf("request sent again: %s", got)
	}
	if _, err := encodeInvocation(2, Invocation{Fn: "m:f", Args: []any{struct{}{}}}, false); !errors.Is(err, ErrUnsupportedArg) {
		t.Errorf("bad argument: %v", err)
	}
}

func TestDecodeSessionBadInput(t *testing.T) {
	withLen := func(n uint32, rest string) []byte {
		return append(binary.BigEndian.AppendUint32(nil, n), rest...)
	}
	tests := []struct {
		name string
		f    frame
		want string
	}{
		{"short", frame{kind: kindSession, payload: []byte{0, 0}}, "short session frame"},
		{"length past the end", frame{kind: kindSession, payload: withLen(99, `{}`)}, "bad session frame length"},
		{"bad JSON", frame{kind: kindSession, payload: withLen(3, `{"k`)}, "bad session frame"},
		{"exception frame", frame{kind: kindExcept, payload: []byte(`{"type":"ValueError","msg":"x"}`)}, "python: ValueError: x"},
		{"value frame", frame{kind: kindValue, payload: []byte(`1`)}, "unexpected frame"},
	}
	for _, tc := range tests {
		_, _, err := decodeSession(tc.f)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want %q", tc.name, err, tc.want)
		}
	}
	m, data, err := decodeSession(frame{kind: kindSession, payload: withLen(31, `{"k":"P","status":201,"st":1}`+"  body")})
	if err != nil || m.K != "P" || m.Status != 201 || m.St != 1 || string(data) != "body" {
		t.Errorf("good frame: %+v %q %v", m, data, err)
	}
}
