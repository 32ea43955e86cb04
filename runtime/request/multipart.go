package request

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/covetpy/covetgen/runtime/response"
)

// python-multipart's limits.
const (
	mpMaxHeaderCount = 8
	mpMaxHeaderSize  = 4096 + 128
	mpMaxBoundaryLen = 256
)

type mpState uint8

const (
	mpStart mpState = iota
	mpStartBoundary
	mpHeaderFieldStart
	mpHeaderField
	mpHeaderValueStart
	mpHeaderValue
	mpHeaderValueAlmostDone
	mpHeadersAlmostDone
	mpPartDataStart
	mpPartData
	mpEndBoundary
	mpEnd
)

const (
	flagPartBoundary = 1
	flagLastBoundary = 2
)

// mpError is a parse error (MultipartParseError): FastAPI's 400 "There was
// an error parsing the body".
type mpError struct{ msg string }

func (e *mpError) Error() string { return e.msg }

// mpException is Starlette's MultiPartException: a 400 with its message.
func mpException(msg string) error {
	return &response.HTTPException{Status: 400, Detail: msg}
}

// isTokenChar is python-multipart's TOKEN_CHARS (RFC 7230 tchar).
func isTokenChar(c byte) bool {
	switch {
	case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		return true
	}
	return strings.IndexByte("!#$%&'*+-.^_`|~", c) >= 0
}

// mpBuilder is Starlette's MultiPartParser: the callbacks turning parser
// events into form items.
type mpBuilder struct {
	limits      FormLimits
	charset     string
	items       []FormItem
	files       int
	fields      int
	headerName  []byte
	headerValue []byte
	// current part
	disposition    []byte
	hasDisposition bool
	name           string
	data           []byte
	file           *UploadFile
	headers        []Pair
}

func (b *mpBuilder) decode(src []byte) string {
	switch strings.ToLower(strings.ReplaceAll(b.charset, "_", "-")) {
	case "utf-8", "utf8", "u8", "utf":
		if utf8.Valid(src) {
			return string(src)
		}
	}
	return Latin1(string(src))
}

func (b *mpBuilder) partBegin() {
	b.disposition, b.hasDisposition = nil, false
	b.name, b.data, b.file, b.headers = "", nil, nil, nil
}

func (b *mpBuilder) partData(p []byte) error {
	if b.file == nil {
		if len(b.data)+len(p) > b.limits.MaxPartSize {
			return mpException("Part exceeded maximum size of " + strconv.Itoa(b.limits.MaxPartSize/1024) + "KB.")
		}
		b.data = append(b.data, p...)
		return nil
	}
	b.file.Data = append(b.file.Data, p...)
	return nil
}

func (b *mpBuilder) partEnd() {
	if b.file == nil {
		b.items = append(b.items, FormItem{Name: b.name, Value: b.decode(b.data)})
		return
	}
	b.items = append(b.items, FormItem{Name: b.name, File: b.file})
}

func (b *mpBuilder) headerEnd() {
	field := bytes.ToLower(b.headerName)
	if string(field) == "content-disposition" {
		b.disposition, b.hasDisposition = append([]byte(nil), b.headerValue...), true
	}
	b.headers = append(b.headers, Pair{string(field), Latin1(string(b.headerValue))})
	b.headerName, b.headerValue = b.headerName[:0], b.headerValue[:0]
}

func (b *mpBuilder) headersFinished() error {
	var opts map[string]string
	if b.hasDisposition {
		_, opts = ParseOptionsHeader(Latin1(string(b.disposition)))
	}
	name, ok := opts["name"]
	if !ok {
		return mpException(`The Content-Disposition header field "name" must be provided.`)
	}
	b.name = b.decode(latin1Bytes(name))
	if fn, ok := opts["filename"]; ok {
		b.files++
		if b.files > b.limits.MaxFiles {
			return mpException("Too many files. Maximum number of files is " + strconv.Itoa(b.limits.MaxFiles) + ".")
		}
		f := &UploadFile{Filename: b.decode(latin1Bytes(fn)), Headers: b.headers, Data: []byte{}}
		for _, h := range b.headers {
			if h.Name == "content-type" {
				f.ContentType, f.HasContentType = h.Value, true
				break
			}
		}
		b.file = f
		return nil
	}
	b.fields++
	if b.fields > b.limits.MaxFields {
		return mpException("Too many fields. Maximum number of fields is " + strconv.Itoa(b.limits.MaxFields) + ".")
	}
	b.file = nil
	return nil
}

// latin1Bytes encodes a string of code points <= U+00FF back to bytes.
func latin1Bytes(s string) []byte {
	out := make([]byte, 0, len(s))
	for _, r := range s {
		out = append(out, byte(r))
	}
	return out
}

// parseMultipart runs python-multipart's MultipartParser over the whole
// body (one chunk) with Starlette's callbacks.
func parseMultipart(body []byte, params map[string]string, limits FormLimits) (*Form, error) {
	charset := "utf-8"
	if c, ok := params["charset"]; ok {
		charset = c
	}
	boundary, ok := params["boundary"]
	if !ok {
		return nil, mpException("Missing boundary in multipart.")
	}
	bnd := latin1Bytes(boundary)
	if len(bnd) > mpMaxBoundaryLen {
		return nil, errParsingBody()
	}
	b := &mpBuilder{limits: limits, charset: charset}
	p := &mpParser{boundary: append([]byte("\r\n--"), bnd...), b: b}
	if err := p.write(body); err != nil {
		if _, ok := err.(*mpError); ok {
			return nil, errParsingBody()
		}
		return nil, err
	}
	return &Form{Items: b.items}, nil
}

// mpParser is python-multipart's MultipartParser state machine.
type mpParser struct {
	boundary []byte
	b        *mpBuilder
}

func (p *mpParser) write(data []byte) error {
	b := p.b
	boundary := p.boundary
	blen := len(boundary)
	length := len(data)
	state := mpStart
	index, flags := 0, 0
	headerCount, headerSize := 0, 0
	markField, markValue, markData := -1, -1, -1

	advance := func(n int) error {
		headerSize += n
		if headerSize > mpMaxHeaderSize {
			return &mpError{"Maximum header size exceeded"}
		}
		return nil
	}

	i := 0
	for i < length {
		c := data[i]
		switch state {
		case mpStart:
			if c == '\r' || c == '\n' {
				j := bytes.IndexByte(data[i:], '-')
				if j < 0 {
					i = length
					continue
				}
				i += j
				continue
			}
			index = 0
			state = mpStartBoundary
			i--
		case mpStartBoundary:
			switch {
			case index == blen-2:
				if c == '-' {
					state = mpEndBoundary
				} else if c != '\r' {
					return &mpError{"Did not find CR at end of boundary"}
				}
				index++
			case index == blen-1:
				if c != '\n' {
					return &mpError{"Did not find LF at end of boundary"}
				}
				index = 0
				b.partBegin()
				headerCount, headerSize = 0, 0
				state = mpHeaderFieldStart
			default:
				if c != boundary[index+2] {
					return &mpError{"Expected boundary character"}
				}
				index++
			}
		case mpHeaderFieldStart:
			index = 0
			if c != '\r' {
				headerCount++
				if headerCount > mpMaxHeaderCount {
					return &mpError{"Maximum header count exceeded"}
				}
				headerSize = 0
			}
			markField = i
			state = mpHeaderField
			i--
		case mpHeaderField:
			if c == '\r' && index == 0 {
				markField = -1
				state = mpHeadersAlmostDone
				i++
				continue
			}
			colon := bytes.IndexByte(data[i:], ':')
			end := length
			if colon >= 0 {
				colon += i
				end = colon
			}
			n := end - i
			if colon >= 0 {
				n++
			}
			if err := advance(n); err != nil {
				return err
			}
			for k := i; k < end; k++ {
				if !isTokenChar(data[k]) {
					return &mpError{"Found invalid character in header"}
				}
			}
			index += end - i
			if colon < 0 {
				i = length
				continue
			}
			if index == 0 {
				return &mpError{"Found 0-length header"}
			}
			i = colon
			if markField >= 0 && i > markField {
				b.headerName = append(b.headerName, data[markField:i]...)
			}
			markField = -1
			state = mpHeaderValueStart
		case mpHeaderValueStart:
			if c == ' ' {
				if err := advance(1); err != nil {
					return err
				}
				i++
				continue
			}
			markValue = i
			state = mpHeaderValue
			i--
		case mpHeaderValue:
			cr := bytes.IndexByte(data[i:], '\r')
			end := length
			if cr >= 0 {
				cr += i
				end = cr
			}
			if err := advance(end - i); err != nil {
				return err
			}
			if cr < 0 {
				i = length
				continue
			}
			i = cr
			if markValue >= 0 && i > markValue {
				b.headerValue = append(b.headerValue, data[markValue:i]...)
			}
			markValue = -1
			b.headerEnd()
			headerSize = 0
			state = mpHeaderValueAlmostDone
		case mpHeaderValueAlmostDone:
			if c != '\n' {
				return &mpError{"Did not find LF character at end of header"}
			}
			state = mpHeaderFieldStart
		case mpHeadersAlmostDone:
			if c != '\n' {
				return &mpError{"Did not find LF at end of headers"}
			}
			if err := b.headersFinished(); err != nil {
				return err
			}
			state = mpPartDataStart
		case mpPartDataStart:
			markData = i
			state = mpPartData
			i--
		case mpPartData:
			prevIndex := index
			if index == 0 {
				i0 := bytes.Index(data[i:], boundary)
				if i0 >= 0 {
					i0 += i
					index = blen - 1
					i = i0 + blen - 1
					c = data[i]
				} else {
					// No whole boundary: the data runs to the end of the body (a
					// truncated message); a trailing partial boundary is held back
					// as python-multipart does at the end of a chunk.
					lo := max(i, length-blen+1)
					k := bytes.LastIndexByte(data[lo:length], boundary[0])
					if k >= 0 {
						k += lo
						if bytes.HasPrefix(boundary, data[k:length]) {
							index = length - k
						}
					}
					i = length
					continue
				}
			}
			switch {
			case index < blen:
				if boundary[index] == c {
					index++
				} else {
					index = 0
				}
			case index == blen:
				index++
				switch c {
				case '\r':
					flags |= flagPartBoundary
				case '-':
					flags |= flagLastBoundary
				default:
					index = 0
				}
			case index == blen+1:
				if flags&flagPartBoundary != 0 {
					if c == '\n' {
						flags &^= flagPartBoundary
						if end := i - index; markData >= 0 && end > markData {
							if err := b.partData(data[markData:end]); err != nil {
								return err
							}
						}
						markData = -1
						b.partEnd()
						b.partBegin()
						headerCount, headerSize = 0, 0
						index = 0
						state = mpHeaderFieldStart
						i++
						continue
					}
					index = 0
					flags &^= flagPartBoundary
				} else if flags&flagLastBoundary != 0 {
					if c == '-' {
						if end := i - index; markData >= 0 && end > markData {
							if err := b.partData(data[markData:end]); err != nil {
								return err
							}
						}
						markData = -1
						b.partEnd()
						state = mpEnd
					} else {
						index = 0
					}
				}
			}
			if index == 0 && prevIndex > 0 {
				i--
			}
		case mpEndBoundary:
			if index == blen-1 {
				if c != '-' {
					return &mpError{"Did not find - at end of boundary"}
				}
				index++
				state = mpEnd
			}
		case mpEnd:
			i = length
			continue
		}
		i++
	}
	// End of the (only) chunk: data before a possible partial boundary is
	// delivered; the part itself never ends (finalize() checks nothing).
	if markData >= 0 {
		if end := length - index; end > markData {
			if err := b.partData(data[markData:end]); err != nil {
				return err
			}
		}
	}
	return nil
}
