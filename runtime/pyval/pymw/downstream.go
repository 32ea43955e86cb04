package pymw

import (
	"net/textproto"
	"strings"

	"github.com/covetpy/covetgen/runtime/middleware"
	"github.com/covetpy/covetgen/runtime/pyval"
)

// Downstream is the response call_next returns (Starlette's _StreamingResponse): the
// downstream status and header fields, kept as they were sent (content-length
// included), its body still to stream.
type Downstream struct{ resp *middleware.Response }

// TypeName is "_StreamingResponse".
func (*Downstream) TypeName() string { return "_StreamingResponse" }

func asDownstream(v pyval.Value, attr string) (*Downstream, error) {
	d, ok := v.(*Downstream)
	if !ok {
		return nil, pyval.NewException("AttributeError", pyval.Str("'"+v.TypeName()+"' object has no attribute '"+attr+"'"))
	}
	return d, nil
}

// Status is response.status_code.
func Status(v pyval.Value) (pyval.Value, error) {
	d, err := asDownstream(v, "status_code")
	if err != nil {
		return nil, err
	}
	return pyval.IntOf(int64(d.resp.Status)), nil
}

// SetStatus is response.status_code = status. Starlette stores any value and fails
// when sending one the server cannot: here an int out of 100..599 (or not an int)
// raises at once, as the send would, a 500 either way.
func SetStatus(v, status pyval.Value) error {
	d, err := asDownstream(v, "status_code")
	if err != nil {
		return err
	}
	i, isInt := status.(pyval.Int)
	n, small := i.Int64()
	if !isInt || !small || n < 100 || n > 599 {
		r, _ := pyval.Repr(status)
		return pyval.NewException("UnsupportedStatus", pyval.Str("status_code "+string(r)))
	}
	d.resp.Status = int(n)
	return nil
}

// headerName is key.lower() encoded in latin-1, as the http.Header key.
func headerName(key pyval.Value) (string, error) {
	ks, ok := key.(pyval.Str)
	if !ok {
		return "", pyval.NewException("AttributeError", pyval.Str("'"+key.TypeName()+"' object has no attribute 'lower'"))
	}
	low, err := pyval.CallMethod(ks, "lower")
	if err != nil {
		return "", err
	}
	b, err := latin1(string(low.(pyval.Str)))
	if err != nil {
		return "", err
	}
	return textproto.CanonicalMIMEHeaderKey(b), nil
}

// headerValue is value encoded in latin-1.
func headerValue(value pyval.Value) (string, error) {
	vs, ok := value.(pyval.Str)
	if !ok {
		return "", pyval.NewException("AttributeError", pyval.Str("'"+value.TypeName()+"' object has no attribute 'encode'"))
	}
	return latin1(string(vs))
}

// latin1 encodes s as Python's str.encode("latin-1").
func latin1(s string) (string, error) {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return s, nil
	}
	var b strings.Builder
	for _, r := range s {
		if r > 0xff {
			return "", pyval.NewException("UnicodeEncodeError", pyval.Str("'latin-1' codec can't encode characters"))
		}
		b.WriteByte(byte(r))
	}
	return b.String(), nil
}

// fromLatin1 decodes a header value as Starlette does (latin-1).
func fromLatin1(b string) pyval.Str {
	for i := 0; i < len(b); i++ {
		if b[i] >= 0x80 {
			rs := make([]rune, len(b))
			for j := 0; j < len(b); j++ {
				rs[j] = rune(b[j])
			}
			return pyval.Str(string(rs))
		}
	}
	return pyval.Str(b)
}

// SetHeader is response.headers[key] = value: the field replaces every field of that
// name.
func SetHeader(v, key, value pyval.Value) error {
	d, err := asDownstream(v, "headers")
	if err != nil {
		return err
	}
	name, err := headerName(key)
	if err != nil {
		return err
	}
	val, err := headerValue(value)
	if err != nil {
		return err
	}
	d.resp.Header()[name] = []string{val}
	return nil
}

// AppendHeader is response.headers.append(key, value).
func AppendHeader(v, key, value pyval.Value) (pyval.Value, error) {
	d, err := asDownstream(v, "headers")
	if err != nil {
		return nil, err
	}
	name, err := headerName(key)
	if err != nil {
		return nil, err
	}
	val, err := headerValue(value)
	if err != nil {
		return nil, err
	}
	h := d.resp.Header()
	h[name] = append(h[name], val)
	return pyval.None, nil
}

// DelHeader is `del response.headers[key]`: every field of that name goes (no error
// when there is none, as MutableHeaders.__delitem__).
func DelHeader(v, key pyval.Value) error {
	d, err := asDownstream(v, "headers")
	if err != nil {
		return err
	}
	name, err := headerName(key)
	if err != nil {
		return err
	}
	delete(d.resp.Header(), name)
	return nil
}

// lookupHeader finds the first field of key's name.
func lookupHeader(v, key pyval.Value) (pyval.Value, bool, error) {
	d, err := asDownstream(v, "headers")
	if err != nil {
		return nil, false, err
	}
	name, err := headerName(key)
	if err != nil {
		return nil, false, err
	}
	vals := d.resp.Header()[name]
	if len(vals) == 0 {
		return nil, false, nil
	}
	return fromLatin1(vals[0]), true, nil
}

// GetHeader is response.headers.get(key, default) (def nil: None).
func GetHeader(v, key, def pyval.Value) (pyval.Value, error) {
	s, found, err := lookupHeader(v, key)
	if err != nil {
		return nil, err
	}
	if !found {
		if def == nil {
			return pyval.None, nil
		}
		return def, nil
	}
	return s, nil
}

// Header is response.headers[key]: KeyError(key) when absent.
func Header(v, key pyval.Value) (pyval.Value, error) {
	s, found, err := lookupHeader(v, key)
	if err != nil {
		return nil, err
	}
	if !found {
		return nil, pyval.NewException("KeyError", key)
	}
	return s, nil
}
