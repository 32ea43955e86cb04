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
	// The file is a SpooledTemporaryFile(max_size=1 MiB): jsonable_encoder gives its
	// vars(), which lose the constructor arguments once the data rolled over to disk.
	const maxSpool = 1024 * 1024
	file := pyjson.Dict{{Key: "_file", Value: pyjson.Dict{}}, {Key: "_max_size", Value: int64(maxSpool)},
		{Key: "_rolled", Value: len(u.Data) > maxSpool}}
	if len(u.Data) <= maxSpool {
		file = append(file, pyjson.Member{Key: "_TemporaryFileArgs", Value: pyjson.Dict{
			{Key: "mode", Value: "w+b"}, {Key: "buffering", Value: int64(-1)}, {Key: "suffix", Value: nil},
			{Key: "prefix", Value: nil}, {Key: "encoding", Value: nil}, {Key: "newline", Value: nil},
			{Key: "dir", Value: nil}, {Key: "errors", Value: nil}}})
	}
	return pyjson.Dict{
		{Key: "filename", Value: u.Filename},
		{Key: "file", Value: file},
		{Key: "size", Value: int64(len(u.Data))},
		{Key: "headers", Value: headers},
		{Key: "_max_mem_size", Value: int64(1024 * 1024)},
	}
}

// UploadFileInput is an UploadFile as a pydantic error reports it in the 422 body
// (jsonable_encoder of the object's attributes): generated code uses it when a form field
// that is not a file receives one.
func UploadFileInput(u *request.UploadFile) pyjson.Dict { return uploadFileInput(u) }
