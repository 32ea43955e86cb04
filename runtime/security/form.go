package security

import (
	"github.com/covetpy/covetgen/runtime/pyjson"
	"github.com/covetpy/covetgen/runtime/request"
	"github.com/covetpy/covetgen/runtime/validate"
)

// PasswordForm is OAuth2PasswordRequestForm's fields. The optional ones
// are nil for None.
type PasswordForm struct {
	GrantType    *string
	Username     string
	Password     string
	Scopes       []string // scope.split()
	ClientID     *string
	ClientSecret *string
}

// grantTypePattern is Form(pattern="^password$").
var grantTypePattern = mustPattern("^password$")

func mustPattern(p string) *validate.StrConstraints {
	re, err := validate.CompilePattern(p)
	if err != nil {
		panic(err) // a constant pattern
	}
	return &validate.StrConstraints{Pattern: re}
}

// ParsePasswordForm reads OAuth2PasswordRequestForm (strict=false) or
// OAuth2PasswordRequestFormStrict (grant_type required) from a parsed form
// as FastAPI validates the class's Form() parameters: the last value of a
// name counts, an empty string is missing, errors come in parameter order
// (grant_type, username, password, scope, client_id, client_secret) with
// loc ["body", name].
func ParsePasswordForm(f *request.Form, strict bool) (PasswordForm, []*validate.Error) {
	var out PasswordForm
	var errs []*validate.Error
	field := func(name string, required bool) (string, bool) {
		it, ok := f.Get(name)
		if !ok || !it.IsFile() && it.Value == "" {
			if required {
				errs = append(errs, &validate.Error{Type: "missing", Loc: loc(name), Msg: "Field required"})
			}
			return "", false
		}
		if it.IsFile() {
			errs = append(errs, &validate.Error{Type: "string_type", Loc: loc(name),
				Msg: "Input should be a valid string", Input: uploadFileInput(it.File)})
			return "", false
		}
		return it.Value, true
	}
	if v, ok := field("grant_type", strict); ok {
		if _, verr := grantTypePattern.Apply(v, v); verr != nil {
			errs = append(errs, verr.WithLoc(validate.Key("body"), validate.Key("grant_type")))
		} else {
			out.GrantType = &v
		}
	}
	out.Username, _ = field("username", true)
	out.Password, _ = field("password", true)
	scope, _ := field("scope", false)
	out.Scopes = pySplit(scope)
	if v, ok := field("client_id", false); ok {
		out.ClientID = &v
	}
	if v, ok := field("client_secret", false); ok {
		out.ClientSecret = &v
	}
	return out, errs
}

func loc(name string) []validate.LocItem {
	return []validate.LocItem{validate.Key("body"), validate.Key(name)}
}

// uploadFileInput approximates jsonable_encoder(UploadFile), the input of
// the error for a file sent where a string is expected. FastAPI's own
// rendering of the spooled file object ("file") is not reproducible; it is
// written as {}.
func uploadFileInput(u *request.UploadFile) pyjson.Dict {
	headers := pyjson.Dict{}
	for _, h := range u.Headers {
		headers.Set(h.Name, h.Value)
	}
	return pyjson.Dict{
		{Key: "filename", Value: u.Filename},
		{Key: "file", Value: pyjson.Dict{}},
		{Key: "size", Value: int64(len(u.Data))},
		{Key: "headers", Value: headers},
		{Key: "_max_mem_size", Value: int64(1024 * 1024)},
	}
}
