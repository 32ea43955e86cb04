package middleware

import (
	"net/http"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/covetpy/covetgen/runtime/internal/starlette"
)

// CORSOptions are CORSMiddleware's arguments.
type CORSOptions struct {
	AllowOrigins     []string
	AllowMethods     []string // nil: Starlette's default ["GET"]; "*" allows all
	AllowHeaders     []string
	AllowCredentials bool
	AllowOriginRegex string // Python re syntax as far as RE2 shares it; matched with fullmatch
	ExposeHeaders    []string
	MaxAge           *int // nil: 600
}

// corsAllMethods is ALL_METHODS, what "*" in allow_methods stands for.
func corsAllMethods() []string {
	return []string{"DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"}
}

// corsSafelisted is SAFELISTED_HEADERS, always allowed in preflights.
func corsSafelisted() []string {
	return []string{"Accept", "Accept-Language", "Content-Language", "Content-Type"}
}

type cors struct {
	allowOrigins   []string
	allowMethods   []string
	allowHeaders   []string // lower-cased
	allowAll       bool
	allowAllHdrs   bool
	explicitOrigin bool
	originRegex    *regexp.Regexp
	simple         []starlette.Header
	preflight      []starlette.Header
}

// CORS returns CORSMiddleware. The error is for an origin regex RE2 cannot
// compile (Python-only syntax such as look-arounds).
func CORS(o CORSOptions) (func(http.Handler) http.Handler, error) {
	c := &cors{allowOrigins: o.AllowOrigins}
	methods := o.AllowMethods
	if methods == nil {
		methods = []string{"GET"}
	}
	if slices.Contains(methods, "*") {
		methods = corsAllMethods()
	}
	c.allowMethods = methods
	if o.AllowOriginRegex != "" {
		re, err := regexp.Compile(`^(?:` + o.AllowOriginRegex + `)\z`)
		if err != nil {
			return nil, err
		}
		c.originRegex = re
	}
	c.allowAll = slices.Contains(o.AllowOrigins, "*")
	c.allowAllHdrs = slices.Contains(o.AllowHeaders, "*")
	c.explicitOrigin = !c.allowAll || o.AllowCredentials

	if c.allowAll {
		c.simple = append(c.simple, starlette.Header{Name: "Access-Control-Allow-Origin", Value: "*"})
	}
	if o.AllowCredentials {
		c.simple = append(c.simple, starlette.Header{Name: "Access-Control-Allow-Credentials", Value: "true"})
	}
	if len(o.ExposeHeaders) > 0 {
		c.simple = append(c.simple, starlette.Header{Name: "Access-Control-Expose-Headers", Value: strings.Join(o.ExposeHeaders, ", ")})
	}

	if c.explicitOrigin {
		c.preflight = append(c.preflight, starlette.Header{Name: "Vary", Value: "Origin"})
	} else {
		c.preflight = append(c.preflight, starlette.Header{Name: "Access-Control-Allow-Origin", Value: "*"})
	}
	maxAge := 600
	if o.MaxAge != nil {
		maxAge = *o.MaxAge
	}
	c.preflight = append(c.preflight,
		starlette.Header{Name: "Access-Control-Allow-Methods", Value: strings.Join(methods, ", ")},
		starlette.Header{Name: "Access-Control-Max-Age", Value: strconv.Itoa(maxAge)})
	// sorted(SAFELISTED_HEADERS | set(allow_headers)): code-point order, no duplicates.
	all := append(corsSafelisted(), o.AllowHeaders...)
	sort.Strings(all)
	all = slices.Compact(all)
	if !c.allowAllHdrs {
		c.preflight = append(c.preflight, starlette.Header{Name: "Access-Control-Allow-Headers", Value: strings.Join(all, ", ")})
	}
	if o.AllowCredentials {
		c.preflight = append(c.preflight, starlette.Header{Name: "Access-Control-Allow-Credentials", Value: "true"})
	}
	for _, h := range all {
		c.allowHeaders = append(c.allowHeaders, starlette.LowerASCII(h))
	}
	return c.middleware, nil
}

func (c *cors) middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		origins, ok := r.Header["Origin"]
		if !ok || len(origins) == 0 || isWebSocket(r) {
			next.ServeHTTP(w, r)
			return
		}
		origin := origins[0]
		if _, preflight := r.Header["Access-Control-Request-Method"]; preflight && r.Method == http.MethodOptions {
			c.preflightResponse(w, r, origin)
			return
		}
		hasCookie := len(r.Header["Cookie"]) > 0
		hw := &hookWriter{ResponseWriter: w, hook: func(_ int, h http.Header) {
			for _, x := range c.simple {
				h.Set(x.Name, x.Value)
			}
			if (c.allowAll && hasCookie) || (!c.allowAll && c.isAllowedOrigin(origin)) {
				h.Set("Access-Control-Allow-Origin", origin)
				addVary(h, "Origin")
			}
		}}
		next.ServeHTTP(hw, r)
		hw.finish()
	})
}

func (c *cors) isAllowedOrigin(origin string) bool {
	if c.allowAll {
		return true
	}
	// Starlette compares the latin-1 decoded header with the configured strings.
	o := starlette.Latin1(origin)
	if c.originRegex != nil && c.originRegex.MatchString(o) {
		return true
	}
	return slices.Contains(c.allowOrigins, o)
}

func (c *cors) preflightResponse(w http.ResponseWriter, r *http.Request, origin string) {
	headers := slices.Clone(c.preflight)
	var failures []string
	if c.isAllowedOrigin(origin) {
		if c.explicitOrigin {
			headers = append(headers, starlette.Header{Name: "Access-Control-Allow-Origin", Value: origin})
		}
	} else {
		failures = append(failures, "origin")
	}
	if !slices.Contains(c.allowMethods, r.Header.Get("Access-Control-Request-Method")) {
		failures = append(failures, "method")
	}
	if reqHeaders, ok := r.Header["Access-Control-Request-Headers"]; ok && len(reqHeaders) > 0 {
		if c.allowAllHdrs {
			headers = append(headers, starlette.Header{Name: "Access-Control-Allow-Headers", Value: reqHeaders[0]})
		} else {
			for _, h := range strings.Split(starlette.LowerASCII(reqHeaders[0]), ",") {
				if !slices.Contains(c.allowHeaders, starlette.StripLatin1(h)) {
					failures = append(failures, "headers")
					break
				}
			}
		}
	}
	if len(failures) > 0 {
		starlette.WritePlain(w, http.StatusBadRequest, "Disallowed CORS "+strings.Join(failures, ", "), headers...)
		return
	}
	starlette.WritePlain(w, http.StatusOK, "OK", headers...)
}
