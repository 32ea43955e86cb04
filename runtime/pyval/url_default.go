package pyval

import "github.com/covetpy/covetgen/runtime/validate"

// FromURL is a URL field's value in Python: a pydantic URL, or the str of a str default
// (validate.URLStrDefault), which pydantic keeps as it was given.
func FromURL(u validate.URL) Value {
	if u.IsStrDefault() {
		return Str(u.String())
	}
	return URL(u)
}
