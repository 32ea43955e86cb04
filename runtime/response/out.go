package response

import (
	"io"
	"time"

	"github.com/covetpy/covetgen/runtime/validate"
)

// Param is the state of FastAPI's `response: Response` parameter: a status
// that overrides the route's, and headers (cookies included) appended after
// content-length and content-type of the route's response.
type Param struct {
	Status  int
	Headers Headers
}

// SetCookie is response.set_cookie(...).
func (p *Param) SetCookie(c Cookie) error {
	v, err := c.Format(time.Now())
	if err != nil {
		return err
	}
	p.Headers = append(p.Headers, Header{"set-cookie", v})
	return nil
}

// DeleteCookie is response.delete_cookie(key, path=..., domain=...).
func (p *Param) DeleteCookie(c Cookie) error {
	c.Value, c.MaxAge, c.Expires = "", 0, 0
	return p.SetCookie(c)
}

// Out is the response side of one request: the Response parameter, the
// BackgroundTasks parameter, a reusable body buffer, and the response the
// endpoint produced. The router owns and recycles it; an endpoint must not
// keep it after returning.
type Out struct {
	Param Param
	Tasks BackgroundTasks
	resp  Response
	buf   []byte
	set   bool
	enc   validate.Encoder // Encoder's (out_encoder.go)
}

// Reset empties o for the next request, keeping its buffers.
func (o *Out) Reset() {
	o.Param.Status = 0
	o.Param.Headers = o.Param.Headers[:0]
	o.Tasks.reset()
	o.resp.Headers = o.resp.Headers[:0]
	o.resp.Body, o.resp.Stream, o.resp.Handler, o.resp.Background = nil, nil, nil, nil
	o.resp.Kind, o.resp.Status = KindBytes, 0
	if cap(o.buf) > maxKeptBuf {
		o.buf = nil
	}
	o.buf = o.buf[:0]
	o.set = false
}

// Buf returns the empty body buffer to append an encoded body to. It is
// reused by later requests once the response is sent.
func (o *Out) Buf() []byte {
	if cap(o.buf) == 0 {
		o.buf = make([]byte, 0, 1024)
	}
	return o.buf[:0]
}

// Response returns the response produced so far (nil before one of the
// producing methods was called).
func (o *Out) Response() *Response {
	if !o.set {
		return nil
	}
	return &o.resp
}

func (o *Out) status(route int) int {
	if o.Param.Status != 0 {
		return o.Param.Status
	}
	if route == 0 {
		return 200
	}
	return route
}

// JSON produces the route's default response for an encoded JSON body:
// status is the route's status_code (the Response parameter's wins),
// headers content-length, content-type application/json, then the
// parameter's. For a status without a body (1xx, 204, 205, 304) the body is
// dropped, as FastAPI does. body usually is Buf() with the value appended.
func (o *Out) JSON(status int, body []byte) error {
	return o.Content(status, "application/json", body)
}

// Content is JSON for a route whose response_class has another media type
// ("" for a plain Response: no content-type).
func (o *Out) Content(status int, mediaType string, body []byte) error {
	st := o.status(status)
	switch {
	case sameArray(body, o.buf):
	case len(body) > cap(o.buf) && len(body) <= maxKeptBuf:
		// Buf() outgrew its array: have a large enough one next time. A
		// body from elsewhere (a constant, the caller's data) is never
		// adopted, so it is never written into later.
		o.buf = make([]byte, 0, cap(body))
	}
	o.resp.Status, o.resp.Kind, o.resp.Body = st, KindBytes, body
	o.resp.initHeaders(nil, mediaType, true)
	if !BodyAllowed(st) {
		o.resp.Body = nil
		if st == 205 {
			// Starlette announces the rendered body's length and sends none;
			// a server cannot send that, so 205 goes out empty and framed.
			o.resp.Headers.Set("content-length", "0")
		}
	}
	o.resp.Headers = append(o.resp.Headers, o.Param.Headers...)
	o.resp.Background = &o.Tasks
	o.set = true
	return nil
}

// maxKeptBuf bounds the body buffer an Out keeps between requests.
const maxKeptBuf = 1 << 20

// sameArray reports whether b lies in buf's array.
func sameArray(b, buf []byte) bool {
	if cap(b) == 0 || cap(buf) == 0 {
		return false
	}
	return &b[:cap(b)][0] == &buf[:cap(buf)][0]
}

// Value produces the default JSON response for a dynamic value, encoded
// like jsonable_encoder + json.dumps (path B). An unencodable value is the
// returned error (a 500).
func (o *Out) Value(status int, v any) error {
	b, err := AppendJSONable(o.Buf(), v)
	if err != nil {
		return err
	}
	return o.JSON(status, b)
}

// Stream produces a streaming response of the route (generator endpoints):
// headers are media type then the parameter's; no content-length.
func (o *Out) Stream(status int, mediaType string, fn func(w io.Writer) error) error {
	st := o.status(status)
	o.resp.Status, o.resp.Kind = st, KindStream
	o.resp.Stream = fn
	o.resp.initHeaders(nil, mediaType, false)
	o.resp.Headers = append(o.resp.Headers, o.Param.Headers...)
	o.resp.Background = &o.Tasks
	o.set = true
	return nil
}

// Send produces a Response object the endpoint returned: the Response
// parameter's status and headers do not apply; the BackgroundTasks
// parameter does when r has no background of its own (FastAPI: when its
// background is None; an empty one of its own still replaces them).
func (o *Out) Send(r *Response) error {
	o.resp = *r
	if o.resp.Background == nil {
		o.resp.Background = &o.Tasks
	}
	o.set = true
	return nil
}
