package starlette

import (
	"net"
	"net/http"
	"strconv"
	"strings"
)

// Scheme is the ASGI scope's scheme for r: r.URL.Scheme when the server
// set it (for example from trusted proxy headers), else https under TLS,
// else http.
func Scheme(r *http.Request) string {
	if r.URL != nil && r.URL.Scheme != "" {
		return r.URL.Scheme
	}
	if r.TLS != nil {
		return "https"
	}
	return "http"
}

// RequestURL is str(starlette.datastructures.URL(scope=scope)): scheme, the
// first Host header (latin-1), the decoded path (scope["path"]) and the raw
// query string. With no Host header the server's address is used, the port
// dropped when it is the scheme's default.
func RequestURL(r *http.Request, path string) string {
	scheme := Scheme(r)
	var b strings.Builder
	if r.Host != "" {
		b.WriteString(scheme)
		b.WriteString("://")
		b.WriteString(Latin1(r.Host))
	} else if addr, ok := r.Context().Value(http.LocalAddrContextKey).(net.Addr); ok {
		host, port, err := net.SplitHostPort(addr.String())
		if err == nil {
			b.WriteString(scheme)
			b.WriteString("://")
			b.WriteString(host)
			if !(port == "80" && (scheme == "http" || scheme == "ws")) && !(port == "443" && (scheme == "https" || scheme == "wss")) {
				b.WriteByte(':')
				b.WriteString(port)
			}
		}
	}
	b.WriteString(path)
	if r.URL != nil && r.URL.RawQuery != "" {
		b.WriteByte('?')
		b.WriteString(r.URL.RawQuery)
	}
	return b.String()
}

// Path is scope["path"] for r: the percent-decoded path, decoded as UTF-8
// with U+FFFD replacement as uvicorn does.
func Path(r *http.Request) string {
	if r.URL == nil {
		return ""
	}
	return DecodeUTF8Replace(r.URL.Path)
}

// SplitURL is urllib.parse.urlsplit for the absolute URLs RequestURL
// builds: scheme, netloc, path, query and fragment.
type SplitURL struct {
	Scheme, Netloc, Path, Query, Fragment string
}

// Split parses u like urllib.parse.urlsplit (for "scheme://..." input).
func Split(u string) SplitURL {
	var s SplitURL
	u = strings.TrimLeft(u, "\x00\x01\x02\x03\x04\x05\x06\x07\x08\t\n\x0b\x0c\r\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")
	if strings.ContainsAny(u, "\t\r\n") {
		u = strings.NewReplacer("\t", "", "\r", "", "\n", "").Replace(u)
	}
	if i := strings.IndexByte(u, ':'); i > 0 && validScheme(u[:i]) {
		s.Scheme, u = strings.ToLower(u[:i]), u[i+1:]
	}
	if strings.HasPrefix(u, "//") {
		rest := u[2:]
		end := len(rest)
		if i := strings.IndexAny(rest, "/?#"); i >= 0 {
			end = i
		}
		s.Netloc, u = rest[:end], rest[end:]
	}
	if i := strings.IndexByte(u, '#'); i >= 0 {
		u, s.Fragment = u[:i], u[i+1:]
	}
	if i := strings.IndexByte(u, '?'); i >= 0 {
		u, s.Query = u[:i], u[i+1:]
	}
	s.Path = u
	return s
}

func validScheme(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
		case i > 0 && ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.'):
		default:
			return false
		}
	}
	return true
}

// String is urllib.parse.urlunsplit.
func (s SplitURL) String() string {
	var b strings.Builder
	if s.Scheme != "" {
		b.WriteString(s.Scheme)
		b.WriteByte(':')
	}
	usesNetloc := s.Scheme == "http" || s.Scheme == "https" || s.Scheme == "ws" || s.Scheme == "wss" || s.Scheme == ""
	path := s.Path
	if s.Netloc != "" || (s.Scheme != "" && usesNetloc && !strings.HasPrefix(path, "//")) {
		if path != "" && path[0] != '/' {
			path = "/" + path
		}
		b.WriteString("//")
		b.WriteString(s.Netloc)
	}
	b.WriteString(path)
	if s.Query != "" {
		b.WriteByte('?')
		b.WriteString(s.Query)
	}
	if s.Fragment != "" {
		b.WriteByte('#')
		b.WriteString(s.Fragment)
	}
	return b.String()
}

// hostinfo is urllib's _hostinfo: the host and port text of netloc.
func (s SplitURL) hostinfo() (host, port string, hasPort bool) {
	hi := s.Netloc
	if i := strings.LastIndexByte(hi, '@'); i >= 0 {
		hi = hi[i+1:]
	}
	if i := strings.IndexByte(hi, '['); i >= 0 {
		br := hi[i+1:]
		if j := strings.IndexByte(br, ']'); j >= 0 {
			host, port = br[:j], br[j+1:]
			if k := strings.IndexByte(port, ':'); k >= 0 {
				port = port[k+1:]
			} else {
				port = ""
			}
		} else {
			host = br
		}
	} else if j := strings.IndexByte(hi, ':'); j >= 0 {
		host, port = hi[:j], hi[j+1:]
	} else {
		host = hi
	}
	return host, port, port != ""
}

// Hostname is SplitResult.hostname: the host lower-cased (a zone id after
// "%" kept as is); ok is false where Python gives None.
func (s SplitURL) Hostname() (string, bool) {
	h, _, _ := s.hostinfo()
	if h == "" {
		return "", false
	}
	zone := ""
	if i := strings.IndexByte(h, '%'); i >= 0 {
		h, zone = h[:i], h[i:]
	}
	return strings.ToLower(h) + zone, true
}

// Port is SplitResult.port: ok is false for no port; err is set where Python
// raises ValueError (not ASCII digits, or out of 0..65535).
func (s SplitURL) Port() (port int, ok bool, err error) {
	_, p, has := s.hostinfo()
	if !has {
		return 0, false, nil
	}
	for i := 0; i < len(p); i++ {
		if p[i] < '0' || p[i] > '9' {
			return 0, false, &PortError{p}
		}
	}
	n, perr := strconv.Atoi(strings.TrimLeft(p, "0"))
	if strings.TrimLeft(p, "0") == "" {
		n, perr = 0, nil
	}
	if perr != nil || n > 65535 {
		return 0, false, &PortError{p}
	}
	return n, true, nil
}

// PortError is the ValueError urllib raises for a bad port.
type PortError struct{ Port string }

func (e *PortError) Error() string { return "invalid port " + strconv.Quote(e.Port) }

// Quote is urllib.parse.quote(s, safe): UTF-8 bytes outside
// "A-Za-z0-9_.-~" and safe are percent-encoded with upper-case hex.
func Quote(s, safe string) string {
	const hex = "0123456789ABCDEF"
	n := 0
	for i := 0; i < len(s); i++ {
		if !quoteSafe(s[i], safe) {
			n++
		}
	}
	if n == 0 {
		return s
	}
	b := make([]byte, 0, len(s)+2*n)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if quoteSafe(c, safe) {
			b = append(b, c)
		} else {
			b = append(b, '%', hex[c>>4], hex[c&15])
		}
	}
	return string(b)
}

func quoteSafe(c byte, safe string) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	case c == '_' || c == '.' || c == '-' || c == '~':
		return true
	case c < 0x80:
		return strings.IndexByte(safe, c) >= 0
	}
	return false
}

// RedirectSafe is the safe set RedirectResponse quotes its location with.
const RedirectSafe = ":/%#?=@[]!$&'()*+,;"
