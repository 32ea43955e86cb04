package validate

import (
	"strings"

	"github.com/covetpy/covetgen/runtime/pyjson"
)

// AnyURLFromString validates a parameter string as pydantic's AnyUrl (any scheme).
func AnyURLFromString(s string) (URL, *Error) { return urlFromString(s, anyURL) }

// AnyURLFromJSON validates a decoded JSON value as pydantic's AnyUrl.
func AnyURLFromJSON(v pyjson.Value) (URL, *Error) { return urlFromJSON(v, anyURL) }

func anyURL(s string, input any) (URL, *Error) {
	href, _, e := parseURL(s)
	if e != "" {
		return URL{}, newErr("url_parsing", "Input should be a valid URL, "+e, input, CtxItem{"error", e})
	}
	return URL{href: href, any: true}, nil
}

// nonSpecialQuerySet is the query percent-encode set of non-special schemes.
const nonSpecialQuerySet = " \"#<>"

// forbiddenHost are the code points an opaque host may not hold.
const forbiddenHost = "\x00\t\n\r #/:<>?@[\\]^|"

// parseNonSpecialURL parses what follows "scheme:" for a scheme without special
// meaning: an authority when it starts with //, a path resolved of its dot segments when
// it starts with /, an opaque path otherwise.
func parseNonSpecialURL(scheme, rest string) (string, string) {
	var b strings.Builder
	b.WriteString(scheme)
	b.WriteByte(':')
	rest, query, frag, hasQuery, hasFrag := splitQueryFragment(rest)
	switch {
	case strings.HasPrefix(rest, "//"):
		auth := rest[2:]
		path := ""
		if i := strings.IndexByte(auth, '/'); i >= 0 {
			auth, path = auth[:i], auth[i:]
		}
		b.WriteString("//")
		at := strings.LastIndexByte(auth, '@')
		if at >= 0 && auth[at+1:] == "" || strings.HasPrefix(auth[at+1:], ":") {
			return "", "empty host"
		}
		if at >= 0 {
			user, pass, _ := strings.Cut(auth[:at], ":")
			auth = auth[at+1:]
			if user != "" || pass != "" {
				b.WriteString(percentEncode(user, userinfoSet))
				if pass != "" {
					b.WriteByte(':')
					b.WriteString(percentEncode(pass, userinfoSet))
				}
				b.WriteByte('@')
			}
		}
		host, port, e := splitHostPort(auth)
		if e != "" {
			return "", e
		}
		if strings.HasPrefix(host, "[") {
			h, e := parseHost(host)
			if e != "" {
				return "", e
			}
			host = h
		} else {
			if strings.ContainsAny(host, forbiddenHost) {
				return "", "invalid domain character"
			}
			host = percentEncode(host, "")
		}
		b.WriteString(host)
		if port != "" {
			b.WriteByte(':')
			b.WriteString(port)
		}
		if path != "" {
			b.WriteString(dotPath(path))
		}
	case strings.HasPrefix(rest, "/"):
		p := dotPath(rest)
		if strings.HasPrefix(p, "//") {
			b.WriteString("/.")
		}
		b.WriteString(p)
	default:
		b.WriteString(percentEncode(rest, ""))
	}
	if hasQuery {
		b.WriteByte('?')
		b.WriteString(percentEncode(query, nonSpecialQuerySet))
	}
	if hasFrag {
		b.WriteByte('#')
		b.WriteString(percentEncode(frag, fragmentSet))
	}
	return b.String(), ""
}

// parseFileURL parses what follows "file:": a host (localhost dropped) when it starts
// with two slashes, then the path.
func parseFileURL(rest string) (string, string) {
	rest, query, frag, hasQuery, hasFrag := splitQueryFragment(rest)
	rest = strings.ReplaceAll(rest, `\`, "/")
	host, path := "", rest
	if strings.HasPrefix(rest, "//") {
		auth := rest[2:]
		path = ""
		if i := strings.IndexByte(auth, '/'); i >= 0 {
			auth, path = auth[:i], auth[i:]
		}
		if auth != "" {
			h, e := parseHost(auth)
			if e != "" {
				return "", e
			}
			if h != "localhost" {
				host = h
			}
		}
	}
	if !strings.HasPrefix(path, "/") {
		path = "/" + path
	}
	var b strings.Builder
	b.WriteString("file://")
	b.WriteString(host)
	b.WriteString(specialPath(path))
	if hasQuery {
		b.WriteByte('?')
		b.WriteString(percentEncode(query, specialQuerySet))
	}
	if hasFrag {
		b.WriteByte('#')
		b.WriteString(percentEncode(frag, fragmentSet))
	}
	return b.String(), ""
}

// splitQueryFragment splits s at the first # and the first ? before it.
func splitQueryFragment(s string) (rest, query, frag string, hasQuery, hasFrag bool) {
	rest = s
	if i := strings.IndexByte(rest, '#'); i >= 0 {
		rest, frag, hasFrag = rest[:i], rest[i+1:], true
	}
	if i := strings.IndexByte(rest, '?'); i >= 0 {
		rest, query, hasQuery = rest[:i], rest[i+1:], true
	}
	return
}

// dotPath resolves the dot segments of a path starting with / (split on / only) and
// percent-encodes its segments.
func dotPath(path string) string {
	parts := strings.Split(path[1:], "/")
	var segs []string
	for i, p := range parts {
		last := i == len(parts)-1
		switch strings.ToLower(p) {
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
