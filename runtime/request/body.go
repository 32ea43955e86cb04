package request

import (
	"errors"
	"io"
	"net/http"
	"strings"

	"github.com/covetpy/covetgen/runtime/pyjson"
	"github.com/covetpy/covetgen/runtime/response"
	"github.com/covetpy/covetgen/runtime/validate"
)

// ErrBodyTooLarge is the 413 answered when a body exceeds the limit.
var errBodyTooLarge = &response.HTTPException{Status: 413}

// errParsingBody is FastAPI's 400 for a body it cannot decode.
func errParsingBody() error {
	return &response.HTTPException{Status: 400, Detail: "There was an error parsing the body"}
}

// Body reads the whole body once (request.body()). Beyond MaxBody, or the
// server's limit, it fails with a 413 HTTPException.
func (r *Request) Body() ([]byte, error) {
	if r.bodyRead {
		return r.body, r.bodyErr
	}
	r.bodyRead = true
	hr := r.HTTP
	if hr.Body == nil || hr.Body == http.NoBody {
		r.body = []byte{}
		return r.body, nil
	}
	limit := r.MaxBody
	if limit > 0 && hr.ContentLength > limit {
		r.bodyErr = errBodyTooLarge
		return nil, r.bodyErr
	}
	var src io.Reader = hr.Body
	if limit > 0 {
		src = io.LimitReader(hr.Body, limit+1)
	}
	var buf []byte
	if n := hr.ContentLength; n > 0 && (limit <= 0 || n <= limit) {
		buf = make([]byte, 0, n+1)
	} else {
		buf = make([]byte, 0, 512)
	}
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := src.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			var mbe *http.MaxBytesError
			if errors.As(err, &mbe) {
				r.bodyErr = errBodyTooLarge
			} else {
				r.bodyErr = err
			}
			return nil, r.bodyErr
		}
	}
	if limit > 0 && int64(len(buf)) > limit {
		r.bodyErr = errBodyTooLarge
		return nil, r.bodyErr
	}
	r.body = buf
	return buf, nil
}

// BodyKind tells what a FastAPI body turned out to be.
type BodyKind uint8

const (
	// BodyEmpty: no body bytes (a required body is then "missing").
	BodyEmpty BodyKind = iota
	// BodyJSON: parsed JSON (Value; may be JSON null).
	BodyJSON
	// BodyRaw: not declared as JSON; validated as the raw bytes.
	BodyRaw
)

// JSONBody holds the body as FastAPI hands it to validation.
type JSONBody struct {
	Kind  BodyKind
	Value pyjson.Value
	Raw   []byte
}

// IsJSONContentType reports FastAPI's JSON rule for a Content-Type value:
// email.message's get_content_maintype() == "application" and subtype
// "json" or "*+json" (parameters ignored, case-insensitive; a value
// without exactly one '/' is text/plain).
func IsJSONContentType(ct string) bool {
	main, _, _ := strings.Cut(ct, ";")
	main = strings.ToLower(pyStrip(main))
	if strings.Count(main, "/") != 1 {
		return false
	}
	kind, sub, _ := strings.Cut(main, "/")
	return kind == "application" && (sub == "json" || strings.HasSuffix(sub, "+json"))
}

// JSON reads a non-form body as FastAPI does: empty -> BodyEmpty; with a
// JSON content type (or none, when strictContentType is false) it is
// parsed with CPython's json, a syntax error being the json_invalid 422
// and an undecodable body the 400 "There was an error parsing the body";
// any other content type leaves the raw bytes.
func (r *Request) JSON(strictContentType bool) (JSONBody, error) {
	body, err := r.Body()
	if err != nil {
		return JSONBody{}, err
	}
	if len(body) == 0 {
		return JSONBody{Kind: BodyEmpty}, nil
	}
	ct, _ := r.Header("Content-Type")
	parse := false
	if ct == "" {
		parse = !strictContentType
	} else {
		parse = IsJSONContentType(ct)
	}
	if !parse {
		return JSONBody{Kind: BodyRaw, Raw: body}, nil
	}
	doc, err := pyjson.Parse(body)
	if err != nil {
		var se *pyjson.SyntaxError
		if errors.As(err, &se) {
			return JSONBody{}, &response.RequestValidationError{Errors: []*validate.Error{{
				Type:  "json_invalid",
				Loc:   []validate.LocItem{validate.Key("body"), validate.Index(se.Pos)},
				Msg:   "JSON decode error",
				Input: pyjson.Dict{},
				Ctx:   []validate.CtxItem{{Key: "error", Value: se.Msg}},
			}}}
		}
		return JSONBody{}, errParsingBody()
	}
	return JSONBody{Kind: BodyJSON, Value: doc.Root()}, nil
}

// IsParseBodyError reports the error FastAPI gives a Form parameter when the body is not
// a well-formed form ("There was an error parsing the body"); request.form() called by
// an endpoint raises the parser's own exception there instead.
func IsParseBodyError(err error) bool {
	h, ok := err.(*response.HTTPException)
	return ok && h.Status == 400 && h.Detail == "There was an error parsing the body"
}
