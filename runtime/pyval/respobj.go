package pyval

import (
	"strings"
	"time"

	"github.com/covetpy/covetgen/runtime/response"
)

// Response objects in translated bodies: the Starlette responses a body builds and
// returns (JSONResponse(...), RedirectResponse(...)...) and FastAPI's `response: Response`
// parameter. Both answer status_code, headers[...] = / headers.append and set_cookie /
// delete_cookie with Starlette 0.47.3's exact results; only a built one may be returned.

// ResponseObj is a Starlette response object built by a body. The generated handler
// sends Resp() as is when the endpoint returns it (FastAPI applies neither the response
// model nor the Response parameter to it).
type ResponseObj struct {
	r     response.Response
	class string
}

// TypeName is the response class's name.
func (r *ResponseObj) TypeName() string { return r.class }

// Resp is the response to send.
func (r *ResponseObj) Resp() *response.Response { return &r.r }

// ResponseParam is FastAPI's `response: Response` parameter: its status (None until set)
// and headers apply to the route's own response.
type ResponseParam struct{ p *response.Param }

// TypeName is "Response".
func (*ResponseParam) TypeName() string { return "Response" }

// ResponseParamOf wraps the request's Response parameter state.
func ResponseParamOf(p *response.Param) *ResponseParam { return &ResponseParam{p: p} }

// respClassMedia is each class's media_type attribute ("" for None).
var respClassMedia = map[string]string{
	"Response": "", "JSONResponse": "application/json", "HTMLResponse": "text/html",
	"PlainTextResponse": "text/plain",
}

// NewResponse is cls(content, status_code, headers, media_type) for cls one of Response,
// JSONResponse, HTMLResponse and PlainTextResponse; a nil argument is one not given.
// JSONResponse renders with json.dumps(ensure_ascii=False, allow_nan=False,
// separators=(",", ":")); the others take str (UTF-8), bytes or None.
func NewResponse(class string, content, status, headers, mediaType Value) (Value, error) {
	media, known := respClassMedia[class]
	if !known {
		return nil, raise("NotImplementedError", "response class "+class)
	}
	return newResponse(&ResponseClass{Name: class, Base: class, Media: media}, content, status, headers, mediaType)
}

// newResponse is NewResponse for class c (NewCustomResponse).
func newResponse(c *ResponseClass, content, status, headers, mediaType Value) (Value, error) {
	media, class := c.Media, c.Name
	st, err := respStatus(status, 200)
	if err != nil {
		return nil, err
	}
	if mediaType != nil && !IsNone(mediaType) {
		s, ok := mediaType.(Str)
		if !ok {
			return nil, raise("AttributeError", "'"+mediaType.TypeName()+"' object has no attribute 'startswith'")
		}
		media = string(s)
	}
	var body []byte
	if c.Render != nil {
		if content == nil {
			content = None
		}
		if body, err = renderBytes(c.Render, content); err != nil {
			return nil, err
		}
	} else if c.Base == "JSONResponse" {
		if content == nil {
			content = None
		}
		s, err := JSONDumps(content, DumpsOptions{EnsureASCII: False, AllowNaN: False, Separators: Tuple{Str(","), Str(":")}})
		if err != nil {
			return nil, err
		}
		if body, err = utf8Bytes(string(s.(Str))); err != nil {
			return nil, err
		}
	} else {
		switch c := content.(type) {
		case nil, NoneType:
			body = []byte{}
		case Bytes:
			body = []byte(c)
		case Str:
			if body, err = utf8Bytes(string(c)); err != nil {
				return nil, err
			}
		default:
			return nil, raise("AttributeError", "'"+content.TypeName()+"' object has no attribute 'encode'")
		}
	}
	hs, err := respHeaders(headers)
	if err != nil {
		return nil, err
	}
	return &ResponseObj{r: *response.New(st, body, media, hs), class: class}, nil
}

// NewRedirectResponse is RedirectResponse(url, status_code=307, headers=None): an empty
// body, then location = quote(str(url)) set over the headers.
func NewRedirectResponse(url, status, headers Value) (Value, error) {
	st, err := respStatus(status, 307)
	if err != nil {
		return nil, err
	}
	hs, err := respHeaders(headers)
	if err != nil {
		return nil, err
	}
	u, err := StrOf(url)
	if err != nil {
		return nil, err
	}
	return &ResponseObj{r: *response.RedirectResponse(string(u), st, hs), class: "RedirectResponse"}, nil
}

func utf8Bytes(s string) ([]byte, error) {
	b, err := CallMethod(Str(s), "encode")
	if err != nil {
		return nil, err
	}
	return []byte(b.(Bytes)), nil
}

// respStatus reads a status_code argument: an int a server can send.
func respStatus(v Value, def int) (int, error) {
	if v == nil {
		return def, nil
	}
	i, ok := v.(Int)
	if !ok || i.big != nil || i.small < 100 || i.small > 599 {
		return 0, raise("UnsupportedStatus", "status_code "+reprString(v))
	}
	return int(i.small), nil
}

// respHeaders reads a headers argument: None or a dict of str to str, names lower-cased.
func respHeaders(v Value) (response.Headers, error) {
	if v == nil || IsNone(v) {
		return nil, nil
	}
	d, ok := v.(*Dict)
	if !ok {
		return nil, raise("AttributeError", "'"+v.TypeName()+"' object has no attribute 'items'")
	}
	hs := make(response.Headers, 0, len(d.keys))
	for i, k := range d.keys {
		name, value, err := headerPair(k, d.vals[i])
		if err != nil {
			return nil, err
		}
		hs = append(hs, response.Header{Name: name, Value: value})
	}
	return hs, nil
}

// headerPair is (key.lower(), value) checked as Starlette encodes them (latin-1).
func headerPair(k, v Value) (string, string, error) {
	ks, ok := k.(Str)
	if !ok {
		return "", "", raise("AttributeError", "'"+k.TypeName()+"' object has no attribute 'lower'")
	}
	vs, ok := v.(Str)
	if !ok {
		return "", "", raise("AttributeError", "'"+v.TypeName()+"' object has no attribute 'encode'")
	}
	low, err := CallMethod(ks, "lower")
	if err != nil {
		return "", "", err
	}
	name := string(low.(Str))
	if !isLatin1(name) || !isLatin1(string(vs)) {
		return "", "", raise("UnicodeEncodeError", "'latin-1' codec can't encode characters")
	}
	return name, string(vs), nil
}

func isLatin1(s string) bool {
	for _, r := range s {
		if r > 0xff {
			return false
		}
	}
	return true
}

// respHeadersOf returns the header list of a response object or parameter.
func respHeadersOf(obj Value) (*response.Headers, error) {
	switch o := obj.(type) {
	case *ResponseObj:
		return &o.r.Headers, nil
	case *ResponseParam:
		return &o.p.Headers, nil
	}
	return nil, raise("AttributeError", "'"+obj.TypeName()+"' object has no attribute 'headers'")
}

// RespSetHeader is obj.headers[key] = value.
func RespSetHeader(obj, key, value Value) error {
	h, err := respHeadersOf(obj)
	if err != nil {
		return err
	}
	name, v, err := headerPair(key, value)
	if err != nil {
		return err
	}
	h.Set(name, v)
	return nil
}

// RespAppendHeader is obj.headers.append(key, value).
func RespAppendHeader(obj, key, value Value) (Value, error) {
	h, err := respHeadersOf(obj)
	if err != nil {
		return nil, err
	}
	name, v, err := headerPair(key, value)
	if err != nil {
		return nil, err
	}
	h.Append(name, v)
	return None, nil
}

// RespStatus is obj.status_code (None for a Response parameter not set yet).
func RespStatus(obj Value) (Value, error) {
	switch o := obj.(type) {
	case *ResponseObj:
		return IntOf(int64(o.r.Status)), nil
	case *ResponseParam:
		if o.p.Status == 0 {
			return None, nil
		}
		return IntOf(int64(o.p.Status)), nil
	}
	return nil, raise("AttributeError", "'"+obj.TypeName()+"' object has no attribute 'status_code'")
}

// RespSetStatus is obj.status_code = status (an int a server can send).
func RespSetStatus(obj, status Value) error {
	st, err := respStatus(status, 0)
	if err != nil {
		return err
	}
	switch o := obj.(type) {
	case *ResponseObj:
		o.r.Status = st
	case *ResponseParam:
		o.p.Status = st
	default:
		return raise("AttributeError", "'"+obj.TypeName()+"' object has no attribute 'status_code'")
	}
	return nil
}

// cookieReserved are http.cookies.Morsel's reserved keys (Python 3.11).
var cookieReserved = map[string]bool{"expires": true, "path": true, "comment": true, "domain": true,
	"max-age": true, "secure": true, "httponly": true, "version": true, "samesite": true}

// CookieArgs are the arguments of set_cookie / delete_cookie; nil is an argument not
// given (its default applies).
type CookieArgs struct {
	Key, Value, MaxAge, Expires, Path, Domain, Secure, HTTPOnly, SameSite Value
}

// RespSetCookie is obj.set_cookie(key, value="", max_age=None, expires=None, path="/",
// domain=None, secure=False, httponly=False, samesite="lax"). max_age and expires are
// ints, strs or None (a datetime expires is refused by the translator).
func RespSetCookie(obj Value, a CookieArgs) (Value, error) {
	c, err := cookieOf(a)
	if err != nil {
		return nil, err
	}
	if err := respAddCookie(obj, c); err != nil {
		return nil, err
	}
	return None, nil
}

// RespDeleteCookie is obj.delete_cookie(key, path="/", domain=None, secure=False,
// httponly=False, samesite="lax"): max-age 0 and expires now.
func RespDeleteCookie(obj Value, a CookieArgs) (Value, error) {
	a.Value, a.MaxAge, a.Expires = nil, IntOf(0), IntOf(0)
	return RespSetCookie(obj, a)
}

func respAddCookie(obj Value, c response.Cookie) error {
	h, err := respHeadersOf(obj)
	if err != nil {
		return err
	}
	v, err := c.Format(time.Now())
	if err != nil {
		if strings.HasPrefix(err.Error(), "samesite") {
			return raise("AssertionError", err.Error())
		}
		return raise("CookieError", err.Error())
	}
	if !isLatin1(v) {
		return raise("UnicodeEncodeError", "'latin-1' codec can't encode characters")
	}
	h.Append("set-cookie", v)
	return nil
}

// cookieOf converts set_cookie's arguments as http.cookies.Morsel renders them.
func cookieOf(a CookieArgs) (response.Cookie, error) {
	var c response.Cookie
	key, ok := a.Key.(Str)
	if !ok {
		return c, raise("AttributeError", "'"+typeNameOf(a.Key)+"' object has no attribute 'lower'")
	}
	low, err := CallMethod(key, "lower")
	if err != nil {
		return c, err
	}
	if cookieReserved[string(low.(Str))] {
		return c, raise("CookieError", "Attempt to set a reserved key "+reprString(key))
	}
	c.Key = string(key)
	if a.Value != nil {
		s, err := StrOf(a.Value)
		if err != nil {
			return c, err
		}
		c.Value = string(s)
	}
	if c.MaxAge, err = cookieNumber(a.MaxAge); err != nil {
		return c, err
	}
	if s, ok, err := cookieExpires(a.Expires); ok { // a datetime (temporal_utc.go)
		if err != nil {
			return c, err
		}
		c.Expires = s
	} else if c.Expires, err = cookieNumber(a.Expires); err != nil {
		return c, err
	}
	c.Path = "/"
	if a.Path != nil {
		if c.Path, err = cookieText(a.Path); err != nil {
			return c, err
		}
	}
	if c.Domain, err = cookieText(a.Domain); err != nil {
		return c, err
	}
	c.Secure = a.Secure != nil && Truthy(a.Secure)
	c.HTTPOnly = a.HTTPOnly != nil && Truthy(a.HTTPOnly)
	c.SameSite = "lax"
	if a.SameSite != nil {
		switch s := a.SameSite.(type) {
		case NoneType:
			c.SameSite = ""
		case Str:
			l, err := CallMethod(s, "lower")
			if err != nil {
				return c, err
			}
			switch l.(Str) {
			case "strict", "lax", "none":
			default:
				return c, raise("AssertionError", "samesite must be either 'strict', 'lax' or 'none'")
			}
			c.SameSite = string(s)
		default:
			return c, raise("AttributeError", "'"+s.TypeName()+"' object has no attribute 'lower'")
		}
	}
	return c, nil
}

// cookieNumber is a max_age / expires value: nil (None), an int (bools are ints) or the
// str() of anything else.
func cookieNumber(v Value) (any, error) {
	switch x := v.(type) {
	case nil, NoneType:
		return nil, nil
	case Bool:
		if x {
			return 1, nil
		}
		return 0, nil
	case Int:
		if x.big == nil && x.small >= -1<<40 && x.small <= 1<<40 {
			return int(x.small), nil
		}
		return nil, raise("OverflowError", "cookie time out of range")
	}
	s, err := StrOf(v)
	if err != nil {
		return nil, err
	}
	return string(s), nil
}

// cookieText is a path / domain value: "" for None (left out), else its str().
func cookieText(v Value) (string, error) {
	if v == nil || IsNone(v) {
		return "", nil
	}
	s, err := StrOf(v)
	if err != nil {
		return "", err
	}
	return string(s), nil
}

func typeNameOf(v Value) string {
	if v == nil {
		return "NoneType"
	}
	return v.TypeName()
}
