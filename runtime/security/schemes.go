package security

import (
	"github.com/covetpy/covetgen/runtime/response"

	"github.com/covetpy/covetgen/runtime/internal/starlette"
)

// notAuthenticated is the HTTPException every scheme raises.
func notAuthenticated(wwwAuthenticate string) *response.HTTPException {
	return &response.HTTPException{
		Status:  401,
		Detail:  "Not authenticated",
		Headers: response.Headers{{Name: "www-authenticate", Value: wwwAuthenticate}},
	}
}

// authorizationSchemeParam is fastapi.security.utils.get_authorization_scheme_param.
func authorizationSchemeParam(authorization string) (scheme, param string) {
	if authorization == "" {
		return "", ""
	}
	scheme, param, _ = partitionSpace(authorization)
	return scheme, pyStrip(param)
}

// BasicCredentials is HTTPBasicCredentials.
type BasicCredentials struct {
	Username, Password string
}

// HTTPBasic is HTTPBasic(realm=..., auto_error=...).
type HTTPBasic struct {
	Realm       string
	NoAutoError bool
}

// Error is the scheme's 401: WWW-Authenticate `Basic realm="..."`, or
// `Basic` without a realm.
func (s HTTPBasic) Error() *response.HTTPException {
	if s.Realm != "" {
		return notAuthenticated(`Basic realm="` + s.Realm + `"`)
	}
	return notAuthenticated("Basic")
}

// Credentials reads the Authorization header value. A missing header or
// another scheme is ok=false with NoAutoError; a Basic header that does not
// decode (base64, ASCII, a ":") is the 401 even with NoAutoError.
func (s HTTPBasic) Credentials(authorization string) (BasicCredentials, bool, error) {
	scheme, param := authorizationSchemeParam(authorization)
	if authorization == "" || !starlette.EqualFoldASCII(scheme, "basic") {
		if s.NoAutoError {
			return BasicCredentials{}, false, nil
		}
		return BasicCredentials{}, false, s.Error()
	}
	if !isASCII(param) {
		return BasicCredentials{}, false, s.Error()
	}
	data, ok := b64decode(param)
	if !ok || !isASCII(string(data)) {
		return BasicCredentials{}, false, s.Error()
	}
	user, pass, found := partitionColon(string(data))
	if !found {
		return BasicCredentials{}, false, s.Error()
	}
	return BasicCredentials{Username: user, Password: pass}, true, nil
}

func partitionColon(s string) (string, string, bool) {
	for i := 0; i < len(s); i++ {
		if s[i] == ':' {
			return s[:i], s[i+1:], true
		}
	}
	return s, "", false
}

// AuthorizationCredentials is HTTPAuthorizationCredentials.
type AuthorizationCredentials struct {
	Scheme, Credentials string
}

// HTTPBase is HTTPBase(scheme=...): any "<scheme> <credentials>" header is
// accepted, whatever its scheme; the 401 names Scheme title-cased.
type HTTPBase struct {
	Scheme      string
	NoAutoError bool
}

// Error is the scheme's 401.
func (s HTTPBase) Error() *response.HTTPException { return notAuthenticated(pyTitle(s.Scheme)) }

// Credentials reads the Authorization header value.
func (s HTTPBase) Credentials(authorization string) (AuthorizationCredentials, bool, error) {
	return httpCredentials(authorization, "", s.NoAutoError, s.Error)
}

// HTTPBearer is HTTPBearer(auto_error=...) (bearerFormat only shows in
// OpenAPI).
type HTTPBearer struct{ NoAutoError bool }

// Error is the scheme's 401 (WWW-Authenticate: Bearer).
func (s HTTPBearer) Error() *response.HTTPException { return notAuthenticated("Bearer") }

// Credentials reads the Authorization header value: "Bearer <token>", the
// scheme case-insensitive and kept as sent.
func (s HTTPBearer) Credentials(authorization string) (AuthorizationCredentials, bool, error) {
	return httpCredentials(authorization, "bearer", s.NoAutoError, s.Error)
}

// HTTPDigest is HTTPDigest(auto_error=...): only the "Digest <params>"
// split; the digest itself is the app's to check.
type HTTPDigest struct{ NoAutoError bool }

// Error is the scheme's 401 (WWW-Authenticate: Digest).
func (s HTTPDigest) Error() *response.HTTPException { return notAuthenticated("Digest") }

// Credentials reads the Authorization header value.
func (s HTTPDigest) Credentials(authorization string) (AuthorizationCredentials, bool, error) {
	return httpCredentials(authorization, "digest", s.NoAutoError, s.Error)
}

func httpCredentials(authorization, want string, noAutoError bool, fail func() *response.HTTPException) (AuthorizationCredentials, bool, error) {
	scheme, cred := authorizationSchemeParam(authorization)
	if authorization == "" || scheme == "" || cred == "" || want != "" && !starlette.EqualFoldASCII(scheme, want) {
		if noAutoError {
			return AuthorizationCredentials{}, false, nil
		}
		return AuthorizationCredentials{}, false, fail()
	}
	return AuthorizationCredentials{Scheme: scheme, Credentials: cred}, true, nil
}

// APIKey is APIKeyHeader, APIKeyQuery or APIKeyCookie (where the value
// comes from is the caller's: the first header, the last query value, the
// cookie as Starlette parses it).
type APIKey struct {
	NoAutoError bool
}

// Error is the 401 of every API key scheme (WWW-Authenticate: APIKey).
func (k APIKey) Error() *response.HTTPException { return notAuthenticated("APIKey") }

// Check is APIKeyBase.check_api_key: a missing or empty value is ok=false
// with NoAutoError, else the 401.
func (k APIKey) Check(value string) (string, bool, error) {
	if value == "" {
		if k.NoAutoError {
			return "", false, nil
		}
		return "", false, k.Error()
	}
	return value, true, nil
}

// OAuth2 is OAuth2(flows=...) and OpenIdConnect: the Authorization header
// value is returned whole, whatever its scheme.
type OAuth2 struct{ NoAutoError bool }

// Error is the 401 (WWW-Authenticate: Bearer).
func (o OAuth2) Error() *response.HTTPException { return notAuthenticated("Bearer") }

// Authorization reads the Authorization header value.
func (o OAuth2) Authorization(authorization string) (string, bool, error) {
	if authorization == "" {
		if o.NoAutoError {
			return "", false, nil
		}
		return "", false, o.Error()
	}
	return authorization, true, nil
}

// OpenIdConnect behaves as OAuth2.
type OpenIdConnect = OAuth2

// OAuth2PasswordBearer is OAuth2PasswordBearer(tokenUrl, ...) and
// OAuth2AuthorizationCodeBearer: the token after "Bearer ".
type OAuth2PasswordBearer struct{ NoAutoError bool }

// OAuth2AuthorizationCodeBearer behaves as OAuth2PasswordBearer.
type OAuth2AuthorizationCodeBearer = OAuth2PasswordBearer

// Error is the 401 (WWW-Authenticate: Bearer).
func (o OAuth2PasswordBearer) Error() *response.HTTPException { return notAuthenticated("Bearer") }

// Token reads the Authorization header value: "Bearer <token>" (scheme
// case-insensitive) gives the stripped rest, possibly empty ("Bearer"
// alone gives "").
func (o OAuth2PasswordBearer) Token(authorization string) (string, bool, error) {
	scheme, param := authorizationSchemeParam(authorization)
	if authorization == "" || !starlette.EqualFoldASCII(scheme, "bearer") {
		if o.NoAutoError {
			return "", false, nil
		}
		return "", false, o.Error()
	}
	return param, true, nil
}

// SecurityScopes is SecurityScopes: the scopes of the Security()
// dependencies leading to this one, outermost first.
type SecurityScopes []string

// String is scope_str: the scopes joined by spaces.
func (s SecurityScopes) String() string {
	n := 0
	for _, x := range s {
		n += len(x) + 1
	}
	b := make([]byte, 0, n)
	for i, x := range s {
		if i > 0 {
			b = append(b, ' ')
		}
		b = append(b, x...)
	}
	return string(b)
}
