package middleware

import (
	"errors"
	"net/http"
	"slices"
	"strings"

	"github.com/covetpy/covetgen/runtime/internal/starlette"
)

// TrustedHost returns TrustedHostMiddleware(allowed_hosts, www_redirect).
// allowedHosts nil means Starlette's default ["*"]. Patterns are exact host
// names, "*", or "*.domain" (matching any host ending in ".domain"); the
// error reports a pattern Starlette's assertion rejects.
//
// A request whose Host (up to the first ":") matches no pattern gets 400
// "Invalid host header", unless wwwRedirect is set and "www."+host is a
// pattern: then a 307 to the same URL on the www. host. The comparison is
// case-sensitive, as Starlette's is.
func TrustedHost(allowedHosts []string, wwwRedirect bool) (func(http.Handler) http.Handler, error) {
	if allowedHosts == nil {
		allowedHosts = []string{"*"}
	}
	for _, p := range allowedHosts {
		if len(p) > 1 && strings.Contains(p[1:], "*") || strings.HasPrefix(p, "*") && p != "*" && !strings.HasPrefix(p, "*.") {
			return nil, errors.New("trustedhost: domain wildcard patterns must be like '*.example.com'")
		}
	}
	hosts := slices.Clone(allowedHosts)
	allowAny := slices.Contains(hosts, "*")
	return func(next http.Handler) http.Handler {
		if allowAny {
			return next
		}
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			host := starlette.Latin1(r.Host)
			if i := strings.IndexByte(host, ':'); i >= 0 {
				host = host[:i]
			}
			valid, www := false, false
			for _, p := range hosts {
				if host == p || strings.HasPrefix(p, "*") && strings.HasSuffix(host, p[1:]) {
					valid = true
					break
				} else if "www."+host == p {
					www = true
				}
			}
			switch {
			case valid:
				next.ServeHTTP(w, r)
			case www && wwwRedirect:
				u := starlette.Split(starlette.RequestURL(r, starlette.Path(r)))
				u.Netloc = "www." + u.Netloc
				starlette.WriteRedirect(w, http.StatusTemporaryRedirect, u.String())
			default:
				starlette.WritePlain(w, http.StatusBadRequest, "Invalid host header")
			}
		})
	}, nil
}

// HTTPSRedirect is HTTPSRedirectMiddleware: a request over http (ws) gets a
// 307 to the same URL over https (wss), the port dropped when it is 80 or
// 443. A Host whose port Python cannot parse gives the plain 500 Starlette's
// ValueError ends in.
func HTTPSRedirect(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		scheme := starlette.Scheme(r)
		if scheme != "http" {
			next.ServeHTTP(w, r)
			return
		}
		target := "https"
		if isWebSocket(r) {
			target = "wss"
		}
		u := starlette.Split(starlette.RequestURL(r, starlette.Path(r)))
		port, hasPort, err := u.Port()
		if err != nil {
			starlette.WritePlain(w, http.StatusInternalServerError, "Internal Server Error")
			return
		}
		if hasPort && (port == 80 || port == 443) {
			u.Netloc, _ = u.Hostname()
		}
		u.Scheme = target
		starlette.WriteRedirect(w, http.StatusTemporaryRedirect, u.String())
	})
}
