package response

import (
	"errors"
	"io"
	"net/http"
	"net/textproto"
	"strconv"
	"unicode/utf8"
)

// errLatin1 is Starlette's UnicodeEncodeError for a header value that is
// not latin-1.
var errLatin1 = errors.New("'latin-1' codec can't encode header value")

// latin1 turns a header value (a Python str, held as UTF-8) into the
// latin-1 bytes Starlette puts on the wire.
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
	b := make([]byte, 0, len(s))
	for _, r := range s {
		if r > 0xff || r == utf8.RuneError {
			return "", errLatin1
		}
		b = append(b, byte(r))
	}
	return string(b), nil
}

// canonicalKey returns the net/http form of a lower-case header name,
// without allocating for the common ones.
func canonicalKey(name string) string {
	switch name {
	case "content-length":
		return "Content-Length"
	case "content-type":
		return "Content-Type"
	case "location":
		return "Location"
	case "allow":
		return "Allow"
	case "set-cookie":
		return "Set-Cookie"
	case "www-authenticate":
		return "Www-Authenticate"
	case "cache-control":
		return "Cache-Control"
	case "vary":
		return "Vary"
	case "etag":
		return "Etag"
	case "last-modified":
		return "Last-Modified"
	case "content-encoding":
		return "Content-Encoding"
	case "content-disposition":
		return "Content-Disposition"
	case "accept-ranges":
		return "Accept-Ranges"
	}
	return textproto.CanonicalMIMEHeaderKey(name)
}

// Prepare checks that every header can be sent (latin-1 values, valid
// status) before anything is written; the error is a 500 in Starlette.
func (r *Response) Prepare() error {
	if r.Kind != KindHandler && (r.Status < 100 || r.Status > 999) {
		return errors.New("invalid HTTP status code " + strconv.Itoa(r.Status))
	}
	if err := prepareHandler(r); err != nil { // handler_hooks.go
		return err
	}
	for _, f := range r.Headers {
		if _, err := latin1(f.Value); err != nil {
			return err
		}
	}
	return nil
}

// Write sends r on w: headers, status and (except for HEAD, which
// net/http drops itself) the body. Call Prepare first; Write reports only
// transport errors. A streaming response is flushed after every write.
func (r *Response) Write(w http.ResponseWriter, req *http.Request) error {
	h := w.Header()
	if n := len(r.Headers); n > 0 {
		vals := make([]string, n)
		for i, f := range r.Headers {
			v, _ := latin1(f.Value)
			vals[i] = v
			k := canonicalKey(f.Name)
			if old := h[k]; old == nil {
				h[k] = vals[i : i+1 : i+1]
			} else {
				h[k] = append(old, v)
			}
		}
	}
	if _, ok := h["Content-Type"]; !ok {
		// Starlette sends none: keep net/http from sniffing one.
		h["Content-Type"] = nil
	}
	switch r.Kind {
	case KindHandler:
		if r.Handler == nil {
			w.WriteHeader(r.Status)
			return nil
		}
		r.Handler.ServeHTTP(w, req)
		skipBackground(r) // handler_hooks.go
		return nil
	case KindStream:
		w.WriteHeader(r.Status)
		rc := http.NewResponseController(w)
		_ = rc.Flush()
		if r.Stream == nil || req.Method == http.MethodHead {
			return nil
		}
		return r.Stream(flushWriter{w, rc})
	}
	w.WriteHeader(r.Status)
	if len(r.Body) > 0 && req.Method != http.MethodHead {
		_, err := w.Write(r.Body)
		return err
	}
	return nil
}

type flushWriter struct {
	w  io.Writer
	rc *http.ResponseController
}

func (f flushWriter) Write(p []byte) (int, error) {
	n, err := f.w.Write(p)
	if err != nil {
		return n, err
	}
	return n, f.rc.Flush()
}
