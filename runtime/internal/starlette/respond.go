package starlette

import (
	"net/http"
	"strconv"

	"github.com/covetpy/covetgen/runtime/pyjson"
)

// Header is one header field to send, name as Starlette would lower-case it.
type Header struct{ Name, Value string }

// WritePlain writes a PlainTextResponse: extra headers first, then
// content-length and content-type "text/plain; charset=utf-8".
func WritePlain(w http.ResponseWriter, status int, body string, extra ...Header) {
	h := w.Header()
	for _, x := range extra {
		h.Set(x.Name, x.Value)
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	h.Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(status)
	if body != "" {
		_, _ = w.Write([]byte(body))
	}
}

// WriteDetail writes FastAPI's default HTTPException response:
// {"detail": detail} as JSONResponse renders it, after the exception's own
// headers.
func WriteDetail(w http.ResponseWriter, status int, detail string, extra ...Header) {
	h := w.Header()
	for _, x := range extra {
		h.Set(x.Name, x.Value)
	}
	if status == http.StatusNoContent || status == http.StatusNotModified || status == 205 || status < 200 {
		// FastAPI answers these with an empty Response.
		w.WriteHeader(status)
		return
	}
	body := make([]byte, 0, 16+len(detail))
	body = append(body, `{"detail":`...)
	body, err := pyjson.AppendString(body, detail)
	if err != nil {
		WritePlain(w, http.StatusInternalServerError, "Internal Server Error")
		return
	}
	body = append(body, '}')
	h.Set("Content-Length", strconv.Itoa(len(body)))
	h.Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

// WriteRedirect writes a RedirectResponse to location (already a URL
// string; it is quoted here as Starlette does): content-length 0, no
// content-type.
func WriteRedirect(w http.ResponseWriter, status int, location string) {
	h := w.Header()
	h.Set("Content-Length", "0")
	h.Set("Location", Quote(location, RedirectSafe))
	w.WriteHeader(status)
}
