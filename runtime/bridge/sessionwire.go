package bridge

import (
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"

	"github.com/covetpy/covetgen/runtime/pyjson"
	"github.com/covetpy/covetgen/runtime/response"
	"github.com/covetpy/covetgen/runtime/validate"
)

// kindSession is the frame of every reply to a session call (see worker.py).
const kindSession = 'S'

// encodeInvocation builds the call payload of a session call.
func encodeInvocation(sid uint64, inv Invocation, sendReq bool) ([]byte, error) {
	b, err := appendInvocationFields(make([]byte, 0, 256), inv, sendReq, sid)
	if err != nil {
		return nil, err
	}
	return append(b, '}'), nil
}

// appendInvocation writes inv as one step of a chain: a call object without a session id.
func appendInvocation(b []byte, inv Invocation, sendReq bool) ([]byte, error) {
	b, err := appendInvocationFields(b, inv, sendReq, 0)
	if err != nil {
		return nil, err
	}
	return append(b, '}'), nil
}

// appendInvocationFields writes the call object of inv without its closing brace, with
// the session id sid unless it is 0 (a step of a chain).
func appendInvocationFields(b []byte, inv Invocation, sendReq bool, sid uint64) ([]byte, error) {
	mode := "v"
	if inv.Body || inv.Response != nil || inv.Class != nil {
		mode = "b"
	}
	b, err := appendCall(b, inv.Fn, mode, inv.Args)
	if err != nil {
		return nil, err
	}
	if sid != 0 {
		b = append(b, `,"sid":`...)
		b = strconv.AppendUint(b, sid, 10)
	}
	if inv.Generator {
		b = append(b, `,"gen":1`...)
	}
	if inv.Response != nil {
		b = append(b, `,"resp":`...)
		b = inv.Response.appendJSON(b)
	}
	if inv.Class != nil {
		b = append(b, `,"rcls":`...)
		b = inv.Class.appendJSON(b)
	}
	if inv.FunctionScope {
		b = append(b, `,"fscope":1`...)
	}
	if inv.Instance {
		b = append(b, `,"init":`...)
		if b, err = appendCall(b, "", "v", inv.Init); err != nil {
			return nil, err
		}
		b = append(b, '}') // appendCall leaves the object open
	}
	b = appendNames(b, "rq", inv.RequestParams)
	b = appendNames(b, "rs", inv.ResponseParams)
	b = appendNames(b, "bt", inv.BackgroundParams)
	if sendReq {
		b = append(b, `,"req":`...)
		if b, err = appendRequestInfo(b, inv.Request); err != nil {
			return nil, err
		}
	}
	return b, nil
}

// encodeOp builds the payload of a session operation (close, exitfn, bg).
func encodeOp(sid uint64, op string, raised error) []byte {
	b := append(make([]byte, 0, 64), `{"sid":`...)
	b = strconv.AppendUint(b, sid, 10)
	b = append(b, `,"op":`...)
	b = pyjson.AppendStringASCII(b, op)
	if raised != nil {
		b = append(b, `,"raised":`...)
		b = appendRaised(b, raised)
	}
	return append(b, '}')
}

func appendNames(b []byte, key string, names []string) []byte {
	if len(names) == 0 {
		return b
	}
	b = append(b, `,"`...)
	b = append(b, key...)
	b = append(b, `":[`...)
	for i, n := range names {
		if i > 0 {
			b = append(b, ',')
		}
		b = pyjson.AppendStringASCII(b, n)
	}
	return append(b, ']')
}

// appendLatin1 writes raw bytes as a JSON string of the code points U+0000-U+00FF
// (Python encodes it back with latin-1).
func appendLatin1(b []byte, s string) []byte {
	r := make([]rune, len(s))
	for i := 0; i < len(s); i++ {
		r[i] = rune(s[i])
	}
	return pyjson.AppendStringASCII(b, string(r))
}

func appendRequestInfo(b []byte, ri *RequestInfo) ([]byte, error) {
	str := func(b []byte, key, v string) []byte {
		b = append(b, `,"`...)
		b = append(b, key...)
		b = append(b, `":`...)
		return pyjson.AppendStringASCII(b, v)
	}
	raw := func(b []byte, key, v string) []byte {
		b = append(b, `,"`...)
		b = append(b, key...)
		b = append(b, `":`...)
		return appendLatin1(b, v)
	}
	num := func(b []byte, key string, v int) []byte {
		b = append(b, `,"`...)
		b = append(b, key...)
		b = append(b, `":`...)
		return strconv.AppendInt(b, int64(v), 10)
	}
	b = append(b, `{"method":`...)
	b = pyjson.AppendStringASCII(b, ri.Method)
	b = str(b, "scheme", ri.Scheme)
	b = str(b, "http_version", ri.HTTPVersion)
	b = str(b, "path", ri.Path)
	b = raw(b, "raw_path", ri.RawPath)
	b = str(b, "root_path", ri.RootPath)
	b = raw(b, "query_string", ri.QueryString)
	b = append(b, `,"headers":[`...)
	for i, h := range ri.Headers {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '[')
		b = appendLatin1(b, h[0])
		b = append(b, ',')
		b = appendLatin1(b, h[1])
		b = append(b, ']')
	}
	b = append(b, ']')
	b = str(b, "client_host", ri.ClientHost)
	b = num(b, "client_port", ri.ClientPort)
	b = str(b, "server_host", ri.ServerHost)
	b = num(b, "server_port", ri.ServerPort)
	b = append(b, `,"path_params":{`...)
	var err error
	for i, kw := range ri.PathParams {
		if i > 0 {
			b = append(b, ',')
		}
		b = pyjson.AppendStringASCII(b, kw.Name)
		b = append(b, ':')
		if b, err = Encode(b, kw.Value); err != nil {
			return nil, fmt.Errorf("bridge: path parameter %s: %w", kw.Name, err)
		}
	}
	b = append(b, `},"body":"`...)
	b = base64.StdEncoding.AppendEncode(b, ri.Body)
	return append(b, `"}`...), nil
}

// appendRaised describes the error a request's handling ended with, for the worker to
// raise into the generators: an HTTPException, a RequestValidationError, or (any other
// error) an exception of the PyError's class (a builtin one when it exists) or an
// Exception carrying the error's text.
func appendRaised(b []byte, err error) []byte {
	var he *response.HTTPException
	var ve *response.RequestValidationError
	var pe *PyError
	switch {
	case errors.As(err, &he):
		info := ExceptionInfo{Kind: "http", Status: he.Status}
		if he.Detail != nil {
			if d, derr := response.AppendJSONable(nil, he.Detail); derr == nil {
				info.Detail = d
			}
		}
		for _, h := range he.Headers {
			info.Headers = append(info.Headers, [2]string{h.Name, h.Value})
		}
		return info.appendJSON(b)
	case errors.As(err, &ve):
		info := ExceptionInfo{Kind: "validation"}
		if e, eerr := validate.AppendErrors(nil, ve.Errors); eerr == nil {
			info.Errors = e
		}
		return info.appendJSON(b)
	case errors.As(err, &pe):
		b = append(b, `{"kind":"error","type":`...)
		b = pyjson.AppendStringASCII(b, pe.Type)
		b = append(b, `,"module":`...)
		b = pyjson.AppendStringASCII(b, pe.Module)
		b = append(b, `,"msg":`...)
		b = pyjson.AppendStringASCII(b, pe.Msg)
		return append(b, '}')
	}
	b = append(b, `{"kind":"error","type":"Exception","msg":`...)
	b = pyjson.AppendStringASCII(b, err.Error())
	return append(b, '}')
}

// sessionMeta is the JSON head of a session reply frame.
type sessionMeta struct {
	K       string          `json:"k"`  // V, B, H, E, P (a Response), N (nothing)
	St      int             `json:"st"` // the worker holds state for the session
	Bg      int             `json:"bg"` // background tasks are pending
	Status  int             `json:"status"`
	Headers [][2]string     `json:"headers"`
	V       json.RawMessage `json:"v"`  // a Response's ref
	H       int             `json:"h"`  // the Response is an app exception handler's
	SS      int             `json:"ss"` // the sub-Response's status
	SH      [][2]string     `json:"sh"` // and headers

	stream *Stream // the body of a streamed "P" reply (its start frame)
}

// decodeSession splits a session reply frame into its meta and data.
func decodeSession(f frame) (sessionMeta, []byte, error) {
	var m sessionMeta
	if f.kind != kindSession && f.kind != kindStreamStart {
		if _, err := decodeFrame(f); err != nil {
			return m, nil, err
		}
		return m, nil, fmt.Errorf("bridge: unexpected frame %q for a session call", f.kind)
	}
	if len(f.payload) < 4 {
		return m, nil, errors.New("bridge: short session frame")
	}
	n := binary.BigEndian.Uint32(f.payload)
	if uint64(n) > uint64(len(f.payload)-4) {
		return m, nil, errors.New("bridge: bad session frame length")
	}
	if fm, ok := commonMeta(f.payload[4 : 4+n]); ok {
		m = fm
	} else if err := json.Unmarshal(f.payload[4:4+n], &m); err != nil {
		if f.stream != nil {
			f.stream.Close()
		}
		return m, nil, fmt.Errorf("bridge: bad session frame: %w", err)
	}
	m.stream = f.stream
	return m, f.payload[4+n:], nil
}

// commonMeta decodes the metas of the usual replies (a value or a body, the end of a
// session) without reflection: the exact text worker.py writes for them.
func commonMeta(b []byte) (sessionMeta, bool) {
	switch string(b) {
	case `{"k":"V","bg":0}`:
		return sessionMeta{K: "V"}, true
	case `{"k":"B","bg":0}`:
		return sessionMeta{K: "B"}, true
	case `{"k":"N","bg":0}`, `{"k":"N"}`:
		return sessionMeta{K: "N"}, true
	case `{"k":"V","bg":0,"st":1}`:
		return sessionMeta{K: "V", St: 1}, true
	case `{"k":"B","bg":0,"st":1}`:
		return sessionMeta{K: "B", St: 1}, true
	case `{"k":"B","bg":1,"st":1}`:
		return sessionMeta{K: "B", Bg: 1, St: 1}, true
	}
	return sessionMeta{}, false
}

// err is the error of an H or E reply.
func (m sessionMeta) err(data []byte) error {
	var kind byte
	switch m.K {
	case "H":
		kind = kindHTTP
	case "E":
		kind = kindExcept
	default:
		m.closeStream()
		return fmt.Errorf("bridge: unexpected session reply %q", m.K)
	}
	_, err := decodeFrame(frame{kind: kind, payload: data})
	return err
}

// response is the RawResponse of a P reply (Stream set when it is streamed).
func (m sessionMeta) response(body []byte) (*RawResponse, error) {
	h, err := rawHeaders(m.Headers)
	if err != nil {
		m.closeStream()
		return nil, err
	}
	return &RawResponse{Status: m.Status, Headers: h, Body: body, Stream: m.stream}, nil
}

// closeStream cancels the stream of a reply that is not used as a response.
func (m sessionMeta) closeStream() {
	if m.stream != nil {
		m.stream.Close()
	}
}

// rawHeaders turns headers sent as latin-1 decoded text back into their bytes.
func rawHeaders(hs [][2]string) ([][2]string, error) {
	if len(hs) == 0 {
		return nil, nil
	}
	out := make([][2]string, len(hs))
	for i, h := range hs {
		k, ok1 := latin1(h[0])
		v, ok2 := latin1(h[1])
		if !ok1 || !ok2 {
			return nil, errors.New("bridge: header outside latin-1 in a reply")
		}
		out[i] = [2]string{k, v}
	}
	return out, nil
}
