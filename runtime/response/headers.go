package response

import "strings"

// Header is one raw header field; Name is lower-case, as Starlette keeps it.
type Header struct {
	Name, Value string
}

// Headers is Starlette's ordered raw header list (MutableHeaders).
type Headers []Header

// lower lower-cases an ASCII header name without allocating when it
// already is.
func lower(name string) string {
	for i := 0; i < len(name); i++ {
		if c := name[i]; c >= 'A' && c <= 'Z' {
			return strings.ToLower(name)
		}
	}
	return name
}

// Get returns the first value of name (case-insensitive).
func (h Headers) Get(name string) (string, bool) {
	name = lower(name)
	for _, f := range h {
		if f.Name == name {
			return f.Value, true
		}
	}
	return "", false
}

// Has reports whether name is present.
func (h Headers) Has(name string) bool {
	_, ok := h.Get(name)
	return ok
}

// Values returns every value of name in order.
func (h Headers) Values(name string) []string {
	name = lower(name)
	var out []string
	for _, f := range h {
		if f.Name == name {
			out = append(out, f.Value)
		}
	}
	return out
}

// Set is headers[name] = value: the first field of that name takes the
// value in place and the others are removed; a new name is appended.
func (h *Headers) Set(name, value string) {
	name = lower(name)
	found := false
	out := (*h)[:0]
	for _, f := range *h {
		if f.Name == name {
			if found {
				continue
			}
			found = true
			f.Value = value
		}
		out = append(out, f)
	}
	if !found {
		out = append(out, Header{name, value})
	}
	*h = out
}

// Append adds a field (headers.append(name, value)).
func (h *Headers) Append(name, value string) {
	*h = append(*h, Header{lower(name), value})
}

// SetDefault is headers.setdefault(name, value).
func (h *Headers) SetDefault(name, value string) string {
	if v, ok := h.Get(name); ok {
		return v
	}
	h.Append(name, value)
	return value
}

// Del removes every field of name (del headers[name]).
func (h *Headers) Del(name string) {
	name = lower(name)
	out := (*h)[:0]
	for _, f := range *h {
		if f.Name != name {
			out = append(out, f)
		}
	}
	*h = out
}

// FromPairs builds raw headers from a Python headers mapping in order
// (names lower-cased).
func FromPairs(pairs ...[2]string) Headers {
	h := make(Headers, 0, len(pairs))
	for _, p := range pairs {
		h.Append(p[0], p[1])
	}
	return h
}
