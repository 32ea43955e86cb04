package pyval

import (
	"bytes"
	"strconv"

	"github.com/covetpy/covetgen/runtime/pyjson"
)

// UploadFile is a Starlette UploadFile: a file part of a multipart form as a parameter
// receives it: validated and passed on (to the bridge, which rebuilds a Starlette
// UploadFile from it), or read by translated code (upload_ops.go).
type UploadFile struct {
	// Filename is the part's filename (decoded as Starlette decodes it).
	Filename string
	// Headers are the part's headers in wire order: names lower-case, values latin-1
	// decoded.
	Headers []UploadHeader
	// Data is the file's content.
	Data []byte
	// pos is the file's position (read and seek move it).
	pos int
}

// UploadHeader is one header of an uploaded part.
type UploadHeader struct {
	Name, Value string
}

// TypeName is "UploadFile".
func (*UploadFile) TypeName() string { return "UploadFile" }

// ContentType is UploadFile.content_type: the part's first content-type header; ok is
// false when it has none (None).
func (u *UploadFile) ContentType() (ct string, ok bool) {
	for _, h := range u.Headers {
		if h.Name == "content-type" {
			return h.Value, true
		}
	}
	return "", false
}

// Size is UploadFile.size: the length of the data.
func (u *UploadFile) Size() int { return len(u.Data) }

// The operations of the package that pass an UploadFile through (str, repr, bool, ==,
// jsonable_encoder; see extValue). Anything else is the translator's to refuse.

// uploadSpool is the max_size of the SpooledTemporaryFile Starlette's form parser gives
// each file (and UploadFile's _max_mem_size).
const uploadSpool = 1024 * 1024

func (u *UploadFile) pyStr() Str { return Str(u.pyRepr()) }
func (*UploadFile) truthy() bool { return true }
func (u *UploadFile) eq(o Value) bool {
	p, ok := o.(*UploadFile)
	return ok && p == u
}

// pyRepr is Starlette's UploadFile.__repr__, with Headers.__repr__: a dict when no name
// repeats, else the raw pairs.
func (u *UploadFile) pyRepr() string {
	var b []byte
	b = append(b, "UploadFile(filename="...)
	b = append(b, reprText(Str(u.Filename))...)
	b = append(b, ", size="...)
	b = strconv.AppendInt(b, int64(len(u.Data)), 10)
	b = append(b, ", headers=Headers("...)
	seen := map[string]bool{}
	dup := false
	for _, h := range u.Headers {
		dup = dup || seen[h.Name]
		seen[h.Name] = true
	}
	open, closing := "{", "}"
	if dup {
		open, closing = "raw=[", "]"
	}
	b = append(b, open...)
	for i, h := range u.Headers {
		if i > 0 {
			b = append(b, ", "...)
		}
		if dup {
			b = append(b, '(')
			b = append(b, reprText(Bytes(latin1Bytes(h.Name)))...)
			b = append(b, ", "...)
			b = append(b, reprText(Bytes(latin1Bytes(h.Value)))...)
			b = append(b, ')')
			continue
		}
		b = append(b, reprText(Str(h.Name))...)
		b = append(b, ": "...)
		b = append(b, reprText(Str(h.Value))...)
	}
	b = append(b, closing...)
	return string(append(b, "))"...))
}

func (u *UploadFile) appendJSONable(dst []byte) ([]byte, error) { return u.AppendJSONable(dst) }

// AppendInputJSON is AppendJSONable: an UploadFile as the input of a validation error
// (what FastAPI's 422 body shows for a file sent where text is expected).
func (u *UploadFile) AppendInputJSON(dst []byte) ([]byte, error) { return u.AppendJSONable(dst) }

// AppendJSONable writes jsonable_encoder(u), as json.dumps writes it: its vars, the
// spooled file as appendSpoolJSONable gives it and the headers as dict(headers) (a
// repeated name keeps its first value at its first position). The file is taken to be
// at its position (0, where the form parser leaves it, until a body reads it).
func (u *UploadFile) AppendJSONable(dst []byte) ([]byte, error) {
	var err error
	dst = append(dst, `{"filename":`...)
	if dst, err = pyjson.AppendString(dst, u.Filename); err != nil {
		return dst, err
	}
	dst = append(dst, `,"file":`...)
	dst = appendSpoolJSONable(dst, u.Data, u.pos)
	dst = append(dst, `,"size":`...)
	dst = strconv.AppendInt(dst, int64(len(u.Data)), 10)
	dst = append(dst, `,"headers":{`...)
	seen := map[string]bool{}
	for _, h := range u.Headers {
		if seen[h.Name] {
			continue
		}
		if len(seen) > 0 {
			dst = append(dst, ',')
		}
		seen[h.Name] = true
		if dst, err = pyjson.AppendString(dst, h.Name); err != nil {
			return dst, err
		}
		dst = append(dst, ':')
		if dst, err = pyjson.AppendString(dst, h.Value); err != nil {
			return dst, err
		}
	}
	dst = append(dst, `},"_max_mem_size":`...)
	dst = strconv.AppendInt(dst, uploadSpool, 10)
	return append(dst, '}'), nil
}

// appendSpoolJSONable writes jsonable_encoder of the SpooledTemporaryFile holding data
// at position pos: dict(file) when that succeeds -- its lines from pos on, when every one
// is two bytes long, are (key, value) pairs of ints; no lines give {} -- else its vars
// (the constructor arguments gone once the data rolled over to disk).
func appendSpoolJSONable(dst, data []byte, pos int) []byte {
	if pos > len(data) {
		pos = len(data)
	}
	if pairs, ok := linePairs(data[pos:]); ok {
		dst = append(dst, '{')
		for i, p := range pairs {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = append(dst, '"')
			dst = strconv.AppendInt(dst, int64(p[0]), 10)
			dst = append(dst, `":`...)
			dst = strconv.AppendInt(dst, int64(p[1]), 10)
		}
		return append(dst, '}')
	}
	rolled := len(data) > uploadSpool
	dst = append(dst, `{"_file":{},"_max_size":`...)
	dst = strconv.AppendInt(dst, uploadSpool, 10)
	dst = append(dst, `,"_rolled":`...)
	dst = strconv.AppendBool(dst, rolled)
	if !rolled {
		dst = append(dst, `,"_TemporaryFileArgs":{"mode":"w+b","buffering":-1,"suffix":null,"prefix":null,"encoding":null,"newline":null,"dir":null,"errors":null}`...)
	}
	return append(dst, '}')
}

// linePairs is dict() over the lines of data: ok when each line (its "\n" included) is
// two bytes; a repeated first byte keeps its first position and takes the last value.
func linePairs(data []byte) ([][2]byte, bool) {
	var pairs [][2]byte
	at := map[byte]int{}
	for len(data) > 0 {
		n := bytes.IndexByte(data, '\n') + 1
		if n == 0 {
			n = len(data)
		}
		if n != 2 {
			return nil, false
		}
		if i, ok := at[data[0]]; ok {
			pairs[i][1] = data[1]
		} else {
			at[data[0]] = len(pairs)
			pairs = append(pairs, [2]byte{data[0], data[1]})
		}
		data = data[n:]
	}
	return pairs, true
}

// appendValidation: an UploadFile has no JSON form a validator reads back.
func (u *UploadFile) appendValidation(dst []byte, _ int) ([]byte, error) {
	return dst, typeError("cannot validate a value of type %s", u.TypeName())
}

// reprText is repr(v) of a str or bytes (which cannot fail).
func reprText(v Value) string {
	s, _ := Repr(v)
	return string(s)
}
