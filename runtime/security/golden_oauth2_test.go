package security_test

import (
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/covetpy/covetgen/internal/replay"
	"github.com/covetpy/covetgen/runtime/request"
	"github.com/covetpy/covetgen/runtime/response"
	"github.com/covetpy/covetgen/runtime/router"
	"github.com/covetpy/covetgen/runtime/security"
)

// testdata/fastapi_apps/security_oauth2: the password flow with scopes.

type fakeUser struct {
	username, fullName, email, password string
	disabled                            bool
	scopes                              []string
}

var fakeUsers = map[string]fakeUser{
	"johndoe": {"johndoe", "John Doe", "johndoe@example.com", "secret", false, []string{"me", "items"}},
	"alice":   {"alice", "Alice Wonderson", "alice@example.com", "secret2", true, []string{"me"}},
}

var (
	oauth2Scheme   = security.OAuth2PasswordBearer{}
	optionalScheme = security.OAuth2PasswordBearer{NoAutoError: true}
	errBadLogin    = response.NewHTTPException(400, "Incorrect username or password")
)

// decodeToken is the app's decode_token; ok=false for its ValueError.
func decodeToken(token string) (string, []string, bool) {
	user, scopes, sep := strings.Cut(token, ".")
	if !sep || user == "" {
		return "", nil, false
	}
	var list []string
	for _, s := range strings.Split(scopes, ",") {
		if s != "" {
			list = append(list, s)
		}
	}
	return user, list, true
}

func getCurrentUser(rq *request.Request, scopes security.SecurityScopes) (fakeUser, error) {
	token, _, err := oauth2Scheme.Token(authorizationValue(rq))
	if err != nil {
		return fakeUser{}, err
	}
	authenticate := "Bearer"
	if len(scopes) > 0 {
		authenticate = `Bearer scope="` + scopes.String() + `"`
	}
	credentialsErr := response.NewHTTPException(401, "Could not validate credentials", [2]string{"WWW-Authenticate", authenticate})
	user, tokenScopes, ok := decodeToken(token)
	if !ok {
		return fakeUser{}, credentialsErr
	}
	rec, ok := fakeUsers[user]
	if !ok {
		return fakeUser{}, credentialsErr
	}
	for _, s := range scopes {
		if !slices.Contains(tokenScopes, s) {
			return fakeUser{}, response.NewHTTPException(401, "Not enough permissions", [2]string{"WWW-Authenticate", authenticate})
		}
	}
	return rec, nil
}

func getCurrentActiveUser(rq *request.Request, scopes security.SecurityScopes) (fakeUser, error) {
	u, err := getCurrentUser(rq, append(scopes, "me"))
	if err != nil {
		return u, err
	}
	if u.disabled {
		return u, response.NewHTTPException(400, "Inactive user")
	}
	return u, nil
}

func login(rq *request.Request, out *response.Out, strict bool) error {
	form, err := rq.Form()
	if err != nil {
		return err
	}
	fd, verrs := security.ParsePasswordForm(form, strict)
	if len(verrs) > 0 {
		return &response.RequestValidationError{Errors: verrs}
	}
	rec, ok := fakeUsers[fd.Username]
	if !ok || rec.password != fd.Password {
		return errBadLogin
	}
	granted := fd.Scopes
	if !strict {
		granted = nil
		for _, s := range fd.Scopes {
			if slices.Contains(rec.scopes, s) {
				granted = append(granted, s)
			}
		}
	}
	return obj(out, "access_token", rec.username+"."+strings.Join(granted, ","), "token_type", "bearer")
}

func userJSON(out *response.Out, u fakeUser) error {
	return obj(out, "username", u.username, "email", u.email, "full_name", u.fullName, "disabled", u.disabled)
}

func securityOAuth2App(t *testing.T) *router.Router {
	rt := router.New(router.Options{})
	add := func(path, method string, h router.Handler) {
		if err := rt.API(path, []string{method}, h); err != nil {
			t.Fatal(err)
		}
	}
	add("/token", "POST", func(rq *request.Request, out *response.Out) error { return login(rq, out, false) })
	add("/token/strict", "POST", func(rq *request.Request, out *response.Out) error { return login(rq, out, true) })
	add("/users/me/", "GET", func(rq *request.Request, out *response.Out) error {
		u, err := getCurrentActiveUser(rq, nil)
		if err != nil {
			return err
		}
		return userJSON(out, u)
	})
	add("/users/me/items/", "GET", func(rq *request.Request, out *response.Out) error {
		u, err := getCurrentActiveUser(rq, security.SecurityScopes{"items"})
		if err != nil {
			return err
		}
		b := append(out.Buf(), `[{"item_id":"Foo","owner":"`...)
		b = append(b, u.username...)
		return out.JSON(200, append(b, `"}]`...))
	})
	add("/status/", "GET", func(rq *request.Request, out *response.Out) error {
		u, err := getCurrentUser(rq, nil)
		if err != nil {
			return err
		}
		return obj(out, "status", "ok", "user", u.username)
	})
	add("/raw-token", "GET", func(rq *request.Request, out *response.Out) error {
		token, _, err := oauth2Scheme.Token(authorizationValue(rq))
		if err != nil {
			return err
		}
		return obj(out, "token", token)
	})
	add("/maybe-user", "GET", func(rq *request.Request, out *response.Out) error {
		token, ok, _ := optionalScheme.Token(authorizationValue(rq))
		if !ok {
			return obj(out, "user", nil)
		}
		user, scopes, ok := decodeToken(token)
		if !ok {
			return obj(out, "user", nil, "error", "bad token")
		}
		list := make([]any, len(scopes))
		for i, s := range scopes {
			list[i] = s
		}
		return obj(out, "user", user, "scopes", list)
	})
	return rt
}

func TestGoldenSecurityOAuth2(t *testing.T) {
	app := replay.AppDir(t, "security_oauth2")
	replay.Prepare(t, app)
	srv := httptest.NewServer(securityOAuth2App(t))
	defer srv.Close()
	replay.Run(t, app, srv.URL)
}
