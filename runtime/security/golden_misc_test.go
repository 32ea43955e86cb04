package security_test

import (
	"crypto/subtle"
	"net/http/httptest"
	"testing"

	"github.com/covetpy/covetgen/internal/replay"
	"github.com/covetpy/covetgen/runtime/pyjson"
	"github.com/covetpy/covetgen/runtime/request"
	"github.com/covetpy/covetgen/runtime/response"
	"github.com/covetpy/covetgen/runtime/router"
	"github.com/covetpy/covetgen/runtime/security"
	"github.com/covetpy/covetgen/runtime/validate"
)

// testdata/fastapi_apps/security_misc, in the shape generated code takes:
// each Depends(scheme) is a call of the scheme's method on the request
// input it reads; an error is returned as the HTTPException it is.

var (
	basic              = security.HTTPBasic{Realm: "covet"}
	basicOptional      = security.HTTPBasic{NoAutoError: true}
	bearer             = security.HTTPBearer{}
	bearerOptional     = security.HTTPBearer{NoAutoError: true}
	digest             = security.HTTPDigest{}
	apiKey             = security.APIKey{}
	apiKeyOptional     = security.APIKey{NoAutoError: true}
	oidc               = security.OpenIdConnect{}
	oidcOptional       = security.OpenIdConnect{NoAutoError: true}
	validKeys          = map[string]bool{"k-123": true, "k-456": true}
	errIncorrectBasic  = response.NewHTTPException(401, "Incorrect username or password", [2]string{"WWW-Authenticate", "Basic"})
	errInvalidAPIKey   = response.NewHTTPException(403, "Invalid API key")
	errNoKeyAnywhere   = response.NewHTTPException(401, "No API key in header, query or cookie")
	authorizationValue = func(rq *request.Request) string { v, _ := rq.Header("Authorization"); return v }
)

// obj writes a JSON object of string/nil members in order.
func obj(out *response.Out, kv ...any) error {
	b := append(out.Buf(), '{')
	for i := 0; i < len(kv); i += 2 {
		if i > 0 {
			b = append(b, ',')
		}
		b, _ = pyjson.AppendString(b, kv[i].(string))
		b = append(b, ':')
		var err error
		if b, err = pyjson.Append(b, kv[i+1]); err != nil {
			return err
		}
	}
	return out.JSON(200, append(b, '}'))
}

func optStr(s string, ok bool) any {
	if ok {
		return s
	}
	return nil
}

func checkBasic(rq *request.Request) (string, error) {
	c, _, err := basic.Credentials(authorizationValue(rq))
	if err != nil {
		return "", err
	}
	okUser := subtle.ConstantTimeCompare([]byte(c.Username), []byte("stanley")) == 1
	okPass := subtle.ConstantTimeCompare([]byte(c.Password), []byte("swordfish")) == 1
	if !(okUser && okPass) {
		return "", errIncorrectBasic
	}
	return c.Username, nil
}

func securityMiscApp(t *testing.T) *router.Router {
	rt := router.New(router.Options{})
	add := func(path string, h router.Handler) {
		if err := rt.API(path, []string{"GET"}, h); err != nil {
			t.Fatal(err)
		}
	}
	add("/basic/me", func(rq *request.Request, out *response.Out) error {
		u, err := checkBasic(rq)
		if err != nil {
			return err
		}
		return obj(out, "username", u)
	})
	add("/basic/raw", func(rq *request.Request, out *response.Out) error {
		c, _, err := basic.Credentials(authorizationValue(rq))
		if err != nil {
			return err
		}
		return obj(out, "username", c.Username, "password", c.Password)
	})
	add("/basic/optional", func(rq *request.Request, out *response.Out) error {
		c, ok, err := basicOptional.Credentials(authorizationValue(rq))
		if err != nil {
			return err
		}
		if !ok {
			return obj(out, "anonymous", true)
		}
		return obj(out, "anonymous", false, "username", c.Username)
	})
	add("/bearer", func(rq *request.Request, out *response.Out) error {
		c, _, err := bearer.Credentials(authorizationValue(rq))
		if err != nil {
			return err
		}
		return obj(out, "scheme", c.Scheme, "credentials", c.Credentials)
	})
	add("/bearer/optional", func(rq *request.Request, out *response.Out) error {
		c, ok, err := bearerOptional.Credentials(authorizationValue(rq))
		if err != nil {
			return err
		}
		return obj(out, "credentials", optStr(c.Credentials, ok))
	})
	add("/digest", func(rq *request.Request, out *response.Out) error {
		c, _, err := digest.Credentials(authorizationValue(rq))
		if err != nil {
			return err
		}
		return obj(out, "scheme", c.Scheme, "credentials", c.Credentials)
	})
	headerKey := func(rq *request.Request) string { v, _ := rq.Header("X-Api-Key"); return v }
	queryKey := func(rq *request.Request) string { v, _ := rq.Query().Get("api_key"); return v }
	cookieKey := func(rq *request.Request) string { v, _ := rq.Cookie("session"); return v }
	add("/header-key", func(rq *request.Request, out *response.Out) error {
		k, _, err := apiKey.Check(headerKey(rq))
		if err != nil {
			return err
		}
		if !validKeys[k] {
			return errInvalidAPIKey
		}
		return obj(out, "key", k)
	})
	add("/header-key/optional", func(rq *request.Request, out *response.Out) error {
		k, ok, _ := apiKeyOptional.Check(headerKey(rq))
		return obj(out, "key", optStr(k, ok))
	})
	add("/query-key", func(rq *request.Request, out *response.Out) error {
		k, _, err := apiKey.Check(queryKey(rq))
		if err != nil {
			return err
		}
		return obj(out, "key", k)
	})
	add("/query-key/optional", func(rq *request.Request, out *response.Out) error {
		k, ok, _ := apiKeyOptional.Check(queryKey(rq))
		return obj(out, "key", optStr(k, ok))
	})
	add("/cookie-key", func(rq *request.Request, out *response.Out) error {
		k, _, err := apiKey.Check(cookieKey(rq))
		if err != nil {
			return err
		}
		return obj(out, "session", k)
	})
	add("/cookie-key/optional", func(rq *request.Request, out *response.Out) error {
		k, ok, _ := apiKeyOptional.Check(cookieKey(rq))
		return obj(out, "session", optStr(k, ok))
	})
	add("/oidc", func(rq *request.Request, out *response.Out) error {
		a, _, err := oidc.Authorization(authorizationValue(rq))
		if err != nil {
			return err
		}
		return obj(out, "authorization", a)
	})
	add("/oidc/optional", func(rq *request.Request, out *response.Out) error {
		a, ok, _ := oidcOptional.Authorization(authorizationValue(rq))
		return obj(out, "authorization", optStr(a, ok))
	})
	add("/any-key", func(rq *request.Request, out *response.Out) error {
		h, hok, _ := apiKeyOptional.Check(headerKey(rq))
		q, qok, _ := apiKeyOptional.Check(queryKey(rq))
		c, cok, _ := apiKeyOptional.Check(cookieKey(rq))
		switch {
		case hok:
			return obj(out, "source", "header", "key", h)
		case qok:
			return obj(out, "source", "query", "key", q)
		case cok:
			return obj(out, "source", "cookie", "key", c)
		}
		return errNoKeyAnywhere
	})
	add("/both", func(rq *request.Request, out *response.Out) error {
		// dependencies=[Depends(header_key)] first, then the endpoint's.
		if _, _, err := apiKey.Check(headerKey(rq)); err != nil {
			return err
		}
		c, _, err := bearer.Credentials(authorizationValue(rq))
		if err != nil {
			return err
		}
		var errs response.Errors
		limit := validate.IntOf(5)
		if v, ok := rq.Query().Get("limit"); ok {
			var e *validate.Error
			limit, e = validate.IntFromString(v)
			errs.Add(e, "query", "limit")
		}
		if err := errs.Err(); err != nil {
			return err
		}
		n, _ := limit.Int64()
		return obj(out, "token", c.Credentials, "limit", n)
	})
	return rt
}

func TestGoldenSecurityMisc(t *testing.T) {
	app := replay.AppDir(t, "security_misc")
	replay.Prepare(t, app)
	srv := httptest.NewServer(securityMiscApp(t))
	defer srv.Close()
	replay.Run(t, app, srv.URL)
}
