package server

import (
	"io"
	"net"
	"net/http"
	"strconv"
	"sync"

	"github.com/covetpy/covetgen/runtime/request"
	"github.com/covetpy/covetgen/runtime/response"
)

// accessLog writes uvicorn's access line:
//
//	INFO:     127.0.0.1:54321 - "GET /items/5?q=x HTTP/1.1" 200 OK
type accessLog struct {
	mu       sync.Mutex
	w        io.Writer
	rootPath string
}

func (l *accessLog) write(r *http.Request, status int) {
	if status == 0 {
		status = 200
	}
	b := make([]byte, 0, 128)
	b = append(b, "INFO:     "...)
	b = appendClient(b, r.RemoteAddr)
	b = append(b, ` - "`...)
	b = append(b, r.Method...)
	b = append(b, ' ')
	b = appendQuoted(b, l.rootPath+request.DecodePath(r.URL.Path))
	if r.URL.RawQuery != "" {
		b = append(b, '?')
		b = append(b, r.URL.RawQuery...)
	}
	b = append(b, " HTTP/"...)
	b = strconv.AppendInt(b, int64(r.ProtoMajor), 10)
	if r.ProtoMajor < 2 {
		b = append(b, '.')
		b = strconv.AppendInt(b, int64(r.ProtoMinor), 10)
	}
	b = append(b, `" `...)
	b = strconv.AppendInt(b, int64(status), 10)
	b = append(b, ' ')
	phrase, _ := response.Phrase(status)
	b = append(b, phrase...)
	b = append(b, '\n')
	l.mu.Lock()
	l.w.Write(b)
	l.mu.Unlock()
}

// appendClient is "%s:%d" % scope["client"].
func appendClient(b []byte, remote string) []byte {
	host, port, err := net.SplitHostPort(remote)
	if err != nil {
		return append(b, remote...)
	}
	b = append(b, host...)
	b = append(b, ':')
	return append(b, port...)
}

// appendQuoted is urllib.parse.quote(path) (safe "/").
func appendQuoted(b []byte, s string) []byte {
	const hx = "0123456789ABCDEF"
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9',
			c == '_', c == '.', c == '-', c == '~', c == '/':
			b = append(b, c)
		default:
			b = append(b, '%', hx[c>>4], hx[c&15])
		}
	}
	return b
}
