package response

import (
	"io"
	"net/http"
	"strconv"
	"time"
)

// Kind tells how a Response's body is produced.
type Kind uint8

const (
	// KindBytes: Body is the whole body.
	KindBytes Kind = iota
	// KindStream: Stream writes the body (StreamingResponse); no
	// content-length, chunked on HTTP/1.1.
	KindStream
	// KindHandler: Handler writes status, headers and body itself (e.g. a
	// FileResponse); Headers are set on the writer first.
	KindHandler
)

// Response is a Starlette Response: status, raw headers in order, body.
type Response struct {
	Status  int
	Headers Headers
	Body    []byte
	Kind    Kind
	// Stream writes the body of a KindStream response; each Write is
	// flushed to the client.
	Stream func(w io.Writer) error
	// Handler serves a KindHandler response.
	Handler http.Handler
	// Background runs after the response is sent (Response(background=...)).
	Background *BackgroundTasks
}

// New is Response(content, status_code, headers, media_type): headers as
// given, then content-length (unless given, or for 1xx/204/304), then
// content-type (unless given; text/* gets "; charset=utf-8").
func New(status int, body []byte, mediaType string, headers Headers) *Response {
	r := &Response{Status: status, Body: body}
	r.initHeaders(headers, mediaType, true)
	return r
}

// initHeaders is Response.init_headers; withLength false is for bodies
// that are not bytes (StreamingResponse, whose body attribute is unset).
func (r *Response) initHeaders(headers Headers, mediaType string, withLength bool) {
	r.Headers = append(r.Headers[:0], headers...)
	if withLength && !headers.Has("content-length") && !(r.Status < 200 || r.Status == 204 || r.Status == 304) {
		r.Headers = append(r.Headers, Header{"content-length", strconv.Itoa(len(r.Body))})
	}
	if mediaType != "" && !headers.Has("content-type") {
		r.Headers = append(r.Headers, Header{"content-type", ContentType(mediaType)})
	}
}

// ContentType is the content-type Starlette sends for a media type: text/*
// without a charset gets "; charset=utf-8".
func ContentType(mediaType string) string {
	if len(mediaType) >= 5 && mediaType[:5] == "text/" && !containsFold(mediaType, "charset=") {
		return mediaType + "; charset=utf-8"
	}
	return mediaType
}

func containsFold(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		match := true
		for j := 0; j < len(sub); j++ {
			c := s[i+j]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != sub[j] {
				match = false
				break
			}
		}
		if match {
			return true
		}
	}
	return false
}

// JSONResponse is JSONResponse(content) for content already encoded with
// json.dumps (or pydantic): media type application/json.
func JSONResponse(status int, body []byte, headers Headers) *Response {
	return New(status, body, "application/json", headers)
}

// HTMLResponse is HTMLResponse(content).
func HTMLResponse(status int, body string, headers Headers) *Response {
	return New(status, []byte(body), "text/html", headers)
}

// PlainTextResponse is PlainTextResponse(content).
func PlainTextResponse(status int, body string, headers Headers) *Response {
	return New(status, []byte(body), "text/plain", headers)
}

// RedirectResponse is RedirectResponse(url, status_code): an empty body,
// content-length 0 and a location quoted as Starlette quotes it.
func RedirectResponse(url string, status int, headers Headers) *Response {
	if status == 0 {
		status = 307
	}
	r := New(status, []byte{}, "", headers)
	r.Headers.Set("location", QuoteURL(url))
	return r
}

// StreamingResponse is StreamingResponse(content, status_code, headers,
// media_type): no content-length; fn writes the body.
func StreamingResponse(status int, mediaType string, headers Headers, fn func(w io.Writer) error) *Response {
	r := &Response{Status: status, Kind: KindStream, Stream: fn}
	r.initHeaders(headers, mediaType, false)
	return r
}

// SetCookie appends a set-cookie header (Response.set_cookie).
func (r *Response) SetCookie(c Cookie) error {
	v, err := c.Format(time.Now())
	if err != nil {
		return err
	}
	r.Headers = append(r.Headers, Header{"set-cookie", v})
	return nil
}

// DeleteCookie is Response.delete_cookie(key, path, domain, ...).
func (r *Response) DeleteCookie(c Cookie) error {
	c.Value, c.MaxAge, c.Expires = "", 0, 0
	return r.SetCookie(c)
}
