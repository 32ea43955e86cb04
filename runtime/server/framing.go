package server

import (
	"bytes"
	"net/textproto"

	"github.com/covetpy/covetgen/runtime/request"
)

// framer follows HTTP/1.1 framing on the bytes net/http reads from a connection (the
// request line, the header block, the body by Content-Length or chunked encoding, then
// the next request) and records each request head's header names in received order.
//
// It decides body framing as net/http's server does (Transfer-Encoding ignored on
// HTTP/1.0, only a single "chunked" coding, otherwise Content-Length, otherwise no body)
// and gives up — for good — on anything it does not follow: a malformed line, an
// HTTP/2 connection preface, a body framing net/http would refuse. A connection whose
// bytes net/http refuses is closed by net/http after its error response, so giving up
// there never costs an ordered request; see the fuzz test for the agreement.
type framer struct {
	st    framerState
	fail  bool
	line  []byte // request line prefix, a Content-Length/Transfer-Encoding value, a chunk-size line
	name  []byte // the header name being read
	field fieldKind
	// pending: a header value has ended its line but may continue (obs-fold).
	pending bool

	minor   int  // HTTP/1.x minor version of the current request
	skip    bool // the head is not dispatched to the handler (OPTIONS *)
	names   []request.HeaderName
	cl      []byte // last Content-Length value (trimmed)
	ncl     int
	clBad   bool
	te      []byte
	nte     int
	remain  uint64 // body bytes (or chunk bytes) still to come
	trailer bool   // reading chunked trailer lines

	emit func([]request.HeaderName) // receives each complete head
}

type framerState uint8

const (
	stStart      framerState = iota // before a request line (blank lines skipped)
	stReqLine                       // inside the request line
	stFieldStart                    // at the start of a header line
	stName                          // inside a header name
	stValue                         // inside a header value
	stHeadCR                        // after the CR of the blank line ending the head
	stBody                          // Content-Length body
	stChunkLine                     // inside a chunk-size line
	stChunkData                     // inside chunk data
	stChunkCR                       // expecting the CR after chunk data
	stChunkLF                       // expecting the LF after chunk data
)

type fieldKind uint8

const (
	fieldOther fieldKind = iota
	fieldContentLength
	fieldTransferEncoding
)

// Limits past which the framer gives up (net/http refuses far earlier).
const (
	maxFramerLine  = 8 << 10
	maxFramerName  = 1 << 10
	maxFramerNames = 1 << 10
)

// feed advances the framer over p. It returns false once the framer has given up.
func (f *framer) feed(p []byte) bool {
	for i := 0; i < len(p) && !f.fail; {
		switch f.st {
		case stBody:
			n := uint64(len(p) - i)
			if n >= f.remain {
				i += int(f.remain)
				f.remain = 0
				f.st = stStart
			} else {
				f.remain -= n
				i = len(p)
			}
			continue
		case stChunkData:
			n := uint64(len(p) - i)
			if n >= f.remain {
				i += int(f.remain)
				f.remain = 0
				f.st = stChunkCR
			} else {
				f.remain -= n
				i = len(p)
			}
			continue
		case stValue, stReqLine, stName:
			if n := f.bulk(p[i:]); n > 0 {
				i += n
				continue
			}
		}
		c := p[i]
		i++
		f.byte(c)
	}
	return !f.fail
}

// bulk consumes the run of ordinary bytes at the start of p inside a request line, a
// header value or a header name (up to the byte ending it, which byte handles) and
// returns its length.
func (f *framer) bulk(p []byte) int {
	switch f.st {
	case stValue:
		n := bytes.IndexByte(p, '\n')
		if n < 0 {
			n = len(p)
		}
		if f.field != fieldOther {
			if len(f.line)+n > maxFramerLine {
				f.fail = true
				return 0
			}
			f.line = append(f.line, p[:n]...)
		}
		return n
	case stReqLine:
		n := bytes.IndexByte(p, '\n')
		if n < 0 {
			n = len(p)
		}
		if len(f.line)+n > maxFramerLine {
			f.fail = true
			return 0
		}
		f.line = append(f.line, p[:n]...)
		return n
	default: // stName
		n := 0
		for n < len(p) && p[n] != ':' && p[n] != '\n' && p[n] != '\r' {
			n++
		}
		if len(f.name)+n > maxFramerName {
			f.fail = true
			return 0
		}
		f.name = append(f.name, p[:n]...)
		return n
	}
}

// byte advances the framer over one byte outside a body.
func (f *framer) byte(c byte) {
	switch f.st {
	case stStart:
		if c == '\r' || c == '\n' {
			return
		}
		f.line = f.line[:0]
		f.names = f.names[:0]
		f.ncl, f.nte, f.clBad, f.pending = 0, 0, false, false
		f.cl, f.te = f.cl[:0], f.te[:0]
		f.st = stReqLine
		f.appendLine(c)
	case stReqLine:
		if c == '\n' {
			f.requestLine()
			f.st = stFieldStart
			return
		}
		f.appendLine(c)
	case stFieldStart:
		if c == ' ' || c == '\t' {
			// obs-fold: the line continues the previous value (net/http joins the
			// lines with a space).
			if !f.pending {
				f.fail = true
				return
			}
			if f.field != fieldOther {
				f.appendLine(' ')
			}
			f.st = stValue
			return
		}
		if f.pending {
			f.endValue()
		}
		switch c {
		case '\r':
			f.st = stHeadCR
		case '\n':
			f.endHead()
		default:
			f.name = append(f.name[:0], c)
			f.st = stName
		}
	case stName:
		switch c {
		case ':':
			f.startValue()
		case '\n', '\r':
			f.fail = true
		default:
			if len(f.name) >= maxFramerName {
				f.fail = true
				return
			}
			f.name = append(f.name, c)
		}
	case stValue:
		if c == '\n' {
			if f.field != fieldOther {
				f.line = trimCR(f.line)
			}
			f.st = stFieldStart
			return
		}
		if f.field != fieldOther {
			f.appendLine(c)
		}
	case stHeadCR:
		if c != '\n' {
			f.fail = true
			return
		}
		f.endHead()
	case stChunkLine:
		if c == '\n' {
			f.chunkLine()
			return
		}
		f.appendLine(c)
	case stChunkCR:
		if c != '\r' {
			f.fail = true
		}
		f.st = stChunkLF
	case stChunkLF:
		if c != '\n' {
			f.fail = true
		}
		f.line = f.line[:0]
		f.st = stChunkLine
	}
}

func (f *framer) appendLine(c byte) {
	if len(f.line) >= maxFramerLine {
		f.fail = true
		return
	}
	f.line = append(f.line, c)
}

// requestLine checks the request line: an HTTP/1.x request other than the HTTP/2
// preface, and notes OPTIONS * (answered by net/http itself, not the handler).
func (f *framer) requestLine() {
	l := trimCR(f.line)
	m := indexByte(l, ' ')
	if m <= 0 {
		f.fail = true
		return
	}
	rest := l[m+1:]
	t := indexByte(rest, ' ')
	if t < 0 {
		f.fail = true
		return
	}
	target, proto := rest[:t], rest[t+1:]
	if len(proto) != 8 || string(proto[:7]) != "HTTP/1." || proto[7] < '0' || proto[7] > '9' {
		f.fail = true // HTTP/2 preface, HTTP/0.9, HTTP/2.0 over HTTP/1: not followed
		return
	}
	f.minor = int(proto[7] - '0')
	f.skip = string(l[:m]) == "OPTIONS" && string(target) == "*"
	f.line = f.line[:0]
}

// startValue ends a header name.
func (f *framer) startValue() {
	f.st = stValue
	f.pending = true
	f.field = fieldOther
	f.line = f.line[:0]
	if f.trailer {
		return
	}
	if len(f.names) >= maxFramerNames {
		f.fail = true
		return
	}
	n := nameOf(f.name)
	f.names = append(f.names, n)
	switch n.Canon {
	case "Content-Length":
		f.field = fieldContentLength
	case "Transfer-Encoding":
		f.field = fieldTransferEncoding
	}
}

// endValue ends a header field, continuation lines included.
func (f *framer) endValue() {
	f.pending = false
	switch f.field {
	case fieldContentLength:
		v := trimOWS(f.line)
		if f.ncl > 0 && string(v) != string(f.cl) {
			f.clBad = true
		}
		f.cl = append(f.cl[:0], v...)
		f.ncl++
	case fieldTransferEncoding:
		f.te = append(f.te[:0], trimOWS(f.line)...)
		f.nte++
	}
}

// endHead ends a header block: the head is emitted and the body framing decided.
func (f *framer) endHead() {
	if f.trailer {
		f.trailer = false
		f.st = stStart
		return
	}
	if !f.skip && f.emit != nil {
		f.emit(append([]request.HeaderName(nil), f.names...))
	}
	f.field = fieldOther
	switch {
	case f.nte > 0 && f.minor >= 1:
		if f.nte != 1 || !equalFoldASCII(f.te, "chunked") {
			f.fail = true // net/http answers 501 and closes
			return
		}
		f.line = f.line[:0]
		f.st = stChunkLine
	case f.ncl > 0:
		n, ok := parseDecimal(f.cl)
		if !ok || f.clBad {
			f.fail = true // net/http answers 400 and closes
			return
		}
		f.remain = n
		f.st = stBody
		if n == 0 {
			f.st = stStart
		}
	default:
		f.st = stStart
	}
}

// chunkLine reads a chunk-size line (CRLF-terminated, extensions after ';').
func (f *framer) chunkLine() {
	l := f.line
	if len(l) == 0 || l[len(l)-1] != '\r' || indexByte(l[:len(l)-1], '\r') >= 0 {
		f.fail = true
		return
	}
	l = l[:len(l)-1]
	for len(l) > 0 && (l[len(l)-1] == ' ' || l[len(l)-1] == '\t') {
		l = l[:len(l)-1]
	}
	if i := indexByte(l, ';'); i >= 0 {
		l = l[:i]
	}
	n, ok := parseHex(l)
	if !ok {
		f.fail = true
		return
	}
	f.line = f.line[:0]
	if n == 0 {
		f.trailer = true
		f.st = stFieldStart
		return
	}
	f.remain = n
	f.st = stChunkData
}

// nameOf is a received header name in both forms; common names do not allocate.
func nameOf(raw []byte) request.HeaderName {
	var buf [64]byte
	if len(raw) <= len(buf) {
		lower := buf[:len(raw)]
		for i, c := range raw {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			lower[i] = c
		}
		if n, ok := commonNames[string(lower)]; ok {
			return n
		}
	}
	canon := textproto.CanonicalMIMEHeaderKey(string(raw))
	lower := make([]byte, len(raw))
	for i, c := range raw {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		lower[i] = c
	}
	return request.HeaderName{Lower: string(lower), Canon: canon}
}

// commonNames interns frequent header names (read-only).
var commonNames = func() map[string]request.HeaderName {
	m := map[string]request.HeaderName{}
	for _, n := range []string{
		"host", "user-agent", "accept", "accept-encoding", "accept-language", "connection",
		"content-type", "content-length", "transfer-encoding", "cookie", "authorization",
		"origin", "referer", "cache-control", "pragma", "expect", "upgrade", "if-none-match",
		"if-modified-since", "if-range", "range", "x-forwarded-for", "x-forwarded-proto",
		"x-request-id", "x-token", "sec-fetch-mode", "sec-fetch-site", "sec-fetch-dest",
		"te", "keep-alive", "dnt",
	} {
		m[n] = request.HeaderName{Lower: n, Canon: textproto.CanonicalMIMEHeaderKey(n)}
	}
	return m
}()

func trimCR(b []byte) []byte {
	if len(b) > 0 && b[len(b)-1] == '\r' {
		return b[:len(b)-1]
	}
	return b
}

func trimOWS(b []byte) []byte {
	for len(b) > 0 && (b[0] == ' ' || b[0] == '\t') {
		b = b[1:]
	}
	for len(b) > 0 && (b[len(b)-1] == ' ' || b[len(b)-1] == '\t' || b[len(b)-1] == '\r') {
		b = b[:len(b)-1]
	}
	return b
}

func indexByte(b []byte, c byte) int {
	for i, x := range b {
		if x == c {
			return i
		}
	}
	return -1
}

func equalFoldASCII(b []byte, s string) bool {
	if len(b) != len(s) {
		return false
	}
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != s[i] {
			return false
		}
	}
	return true
}

// parseDecimal parses a Content-Length value (digits only).
func parseDecimal(b []byte) (uint64, bool) {
	if len(b) == 0 || len(b) > 18 {
		return 0, false
	}
	var n uint64
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + uint64(c-'0')
	}
	return n, true
}

// parseHex parses a chunk size.
func parseHex(b []byte) (uint64, bool) {
	if len(b) == 0 || len(b) > 16 {
		return 0, false
	}
	var n uint64
	for _, c := range b {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			c = c - 'A' + 10
		default:
			return 0, false
		}
		n = n<<4 | uint64(c)
	}
	return n, true
}
