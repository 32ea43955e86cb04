package validate

// URLStrDefault is the str default of an HttpUrl / AnyUrl model field: pydantic does not
// validate defaults, so the field holds the str itself (serialized as that text; a str,
// not a URL, in Python code; equal to the default for exclude_defaults).
func URLStrDefault(s string, anyURL bool) URL { return URL{href: s, any: anyURL, str: true} }

// IsStrDefault reports a URLStrDefault value.
func (u URL) IsStrDefault() bool { return u.str }
