// Package security reproduces the credential extraction of
// fastapi.security and its errors: HTTPBasic, HTTPBearer, HTTPDigest (and
// HTTPBase), APIKeyHeader/Query/Cookie, OAuth2, OAuth2PasswordBearer,
// OAuth2AuthorizationCodeBearer, OpenIdConnect, SecurityScopes and the
// OAuth2PasswordRequestForm(Strict) form fields.
//
// Each scheme is a small value built from the Python constructor's
// arguments (NoAutoError is auto_error=False). Its method takes the raw
// input the Python __call__ reads — the first Authorization header, the
// API key's header / last query value / cookie — as the Python str
// runtime/request returns (header bytes decoded as latin-1), "" when
// absent, and returns the dependency's value, ok=false for None, or the
// *response.HTTPException FastAPI raises: 401 {"detail":"Not authenticated"}
// with the scheme's WWW-Authenticate header (Basic [realm="..."], Bearer,
// Digest, APIKey). A generated endpoint returns that error as is.
package security
