package validate

import (
	"strconv"
	"strings"

	"github.com/covetpy/covetgen/runtime/pyjson"
)

// URL is a validated pydantic URL (HttpUrl, AnyUrl), kept as str(url): the WHATWG
// serialization pydantic-core's url crate gives it.
type URL struct {
	href string
	any  bool // an AnyUrl, else an HttpUrl
	str  bool // a str default pydantic keeps unvalidated (url_default.go)
}

// Class is the pydantic class of the URL: "HttpUrl" or "AnyUrl".
func (u URL) Class() string {
	if u.any {
		return "AnyUrl"
	}
	return "HttpUrl"
}

// String is str(url).
func (u URL) String() string { return u.href }

// AppendJSON writes the URL as pydantic does: a JSON string of str(url).
func (u URL) AppendJSON(dst []byte) []byte {
	out, _ := pyjson.AppendString(dst, u.href)
	return out
}

// HTTPURLMaxLength is HttpUrl's max_length.
const HTTPURLMaxLength = 2083

// HTTPURLFromString validates a parameter string as pydantic's HttpUrl.
func HTTPURLFromString(s string) (URL, *Error) { return urlFromString(s, httpURL) }

// HTTPURLFromJSON validates a decoded JSON value as pydantic's HttpUrl (strings
// only: url_type otherwise).
func HTTPURLFromJSON(v pyjson.Value) (URL, *Error) { return urlFromJSON(v, httpURL) }

// urlFromString validates a parameter string with parse (httpURL, anyURL).
func urlFromString(s string, parse func(string, any) (URL, *Error)) (URL, *Error) {
	u, err := parse(s, nil)
	return withStr(u, err, s)
}

// urlFromJSON validates a decoded JSON value with parse: strings only, url_type otherwise.
func urlFromJSON(v pyjson.Value, parse func(string, any) (URL, *Error)) (URL, *Error) {
	if v.Kind() != pyjson.KindString {
		return URL{}, newErr("url_type", "URL input should be a string or URL", v)
	}
	u, err := parse(v.Str(), nil)
	return withValue(u, err, v)
}

func httpURL(s string, input any) (URL, *Error) {
	if len(s) > HTTPURLMaxLength {
		return URL{}, newErr("url_too_long", "URL should have at most 2083 characters", input, CtxItem{"max_length", HTTPURLMaxLength})
	}
	href, scheme, e := parseURL(s)
	if e != "" {
		return URL{}, newErr("url_parsing", "Input should be a valid URL, "+e, input, CtxItem{"error", e})
	}
	if scheme != "http" && scheme != "https" {
		const want = "'http' or 'https'"
		return URL{}, newErr("url_scheme", "URL scheme should be "+want, input, CtxItem{"expected_schemes", want})
	}
	return URL{href: href}, nil
}

// defaultPorts are the special schemes of the URL standard with their default ports
// ("" for file).
var defaultPorts = map[string]string{"http": "80", "https": "443", "ws": "80", "wss": "443", "ftp": "21", "file": ""}

// parseURL parses s as the url crate does (the WHATWG URL standard, no base URL): the
// serialization of the URL and its scheme, or e, the url crate's error message.
func parseURL(s string) (href, scheme, e string) {
	if s == "" {
		return "", "", "input is empty"
	}
	s = strings.TrimFunc(s, func(r rune) bool { return r <= 0x20 })
	if strings.ContainsAny(s, "\t\n\r") {
		s = strings.NewReplacer("\t", "", "\n", "", "\r", "").Replace(s)
	}
	colon := schemeEnd(s)
	if colon < 0 {
		return "", "", "relative URL without a base"
	}
	scheme, rest := strings.ToLower(s[:colon]), s[colon+1:]
	defPort, special := defaultPorts[scheme]
	if scheme == "file" {
		href, e := parseFileURL(rest)
		return href, scheme, e
	}
	if !special {
		href, e := parseNonSpecialURL(scheme, rest)
		return href, scheme, e
	}
	rest = strings.TrimLeft(rest, `/\`)
	end := strings.IndexAny(rest, `/\?#`)
	if end < 0 {
		end = len(rest)
	}
	auth, rest := rest[:end], rest[end:]
	var user, pass string
	if at := strings.LastIndexByte(auth, '@'); at >= 0 {
		user, pass, _ = strings.Cut(auth[:at], ":")
		auth = auth[at+1:]
	}
	hostText, port, e := splitHostPort(auth)
	if e != "" {
		return "", scheme, e
	}
	host, e := parseHost(hostText)
	if e != "" {
		return "", scheme, e
	}
	var b strings.Builder
	b.WriteString(scheme)
	b.WriteString("://")
	if user != "" || pass != "" {
		b.WriteString(percentEncode(user, userinfoSet))
		if pass != "" {
			b.WriteByte(':')
			b.WriteString(percentEncode(pass, userinfoSet))
		}
		b.WriteByte('@')
	}
	b.WriteString(host)
	if port != "" && port != defPort {
		b.WriteByte(':')
		b.WriteString(port)
	}
	path, query, frag, hasQuery, hasFrag := rest, "", "", false, false
	if i := strings.IndexByte(path, '#'); i >= 0 {
		path, frag, hasFrag = path[:i], path[i+1:], true
	}
	if i := strings.IndexByte(path, '?'); i >= 0 {
		path, query, hasQuery = path[:i], path[i+1:], true
	}
	b.WriteString(specialPath(path))
	if hasQuery {
		b.WriteByte('?')
		b.WriteString(percentEncode(query, specialQuerySet))
	}
	if hasFrag {
		b.WriteByte('#')
		b.WriteString(percentEncode(frag, fragmentSet))
	}
	return b.String(), scheme, ""
}

// schemeEnd is the index of the colon ending a valid scheme, or -1.
func schemeEnd(s string) int {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
		case i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.'):
		case i > 0 && c == ':':
			return i
		default:
			return -1
		}
	}
	return -1
}

// splitHostPort splits an authority's host from its port (the first colon outside
// brackets); the port is normalized (leading zeros dropped) and checked.
func splitHostPort(auth string) (host, port, e string) {
	inBrackets := false
	for i := 0; i < len(auth); i++ {
		switch auth[i] {
		case '[':
			inBrackets = true
		case ']':
			inBrackets = false
		case ':':
			if inBrackets {
				continue
			}
			p := auth[i+1:]
			if p == "" {
				return auth[:i], "", ""
			}
			for j := 0; j < len(p); j++ {
				if p[j] < '0' || p[j] > '9' {
					return "", "", "invalid port number"
				}
			}
			p = strings.TrimLeft(p, "0")
			if p == "" {
				p = "0"
			}
			if n, err := strconv.Atoi(p); err != nil || n > 65535 {
				return "", "", "invalid port number"
			}
			return auth[:i], p, ""
		}
	}
	return auth, "", ""
}

// specialPath serializes the path of a special URL: segments split on / and \,
// percent-encoded, dot segments resolved; "/" when empty.
func specialPath(path string) string {
	if path == "" {
		return "/"
	}
	parts := splitAny(path[1:])
	var segs []string
	for i, p := range parts {
		last := i == len(parts)-1
		switch lp := strings.ToLower(p); lp {
		case "..", ".%2e", "%2e.", "%2e%2e":
			if len(segs) > 0 {
				segs = segs[:len(segs)-1]
			}
			if last {
				segs = append(segs, "")
			}
		case ".", "%2e":
			if last {
				segs = append(segs, "")
			}
		default:
			segs = append(segs, percentEncode(p, pathSet))
		}
	}
	return "/" + strings.Join(segs, "/")
}

// splitAny splits s on every / and \.
func splitAny(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '/' || s[i] == '\\' {
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}

// The percent-encode sets of the url crate (beyond C0 controls and non-ASCII).
const (
	fragmentSet     = " \"<>`"
	specialQuerySet = " \"#<>'"
	pathSet         = " \"#<>?`{}"
	userinfoSet     = " \"#<>?`{}/:;=@[\\]^|"
)

// percentEncode encodes the bytes of s that are C0 controls, DEL, non-ASCII or in set.
func percentEncode(s, set string) string {
	const hx = "0123456789ABCDEF"
	var b []byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c >= 0x7F || strings.IndexByte(set, c) >= 0 {
			if b == nil {
				b = append(make([]byte, 0, len(s)+8), s[:i]...)
			}
			b = append(b, '%', hx[c>>4], hx[c&15])
			continue
		}
		if b != nil {
			b = append(b, c)
		}
	}
	if b == nil {
		return s
	}
	return string(b)
}
