package request

import "strings"

// Pair is one name/value of a query string or urlencoded form.
type Pair struct {
	Name, Value string
}

// ParseQS appends to dst the pairs of a raw query string (bytes as sent)
// as Starlette's QueryParams gets them:
// parse_qsl(raw.decode("latin-1"), keep_blank_values=True): split on '&',
// empty pieces skipped, a piece without '=' has an empty value, '+' is a
// space and %XX escapes decode as UTF-8 with errors="replace".
func ParseQS(dst []Pair, raw string) []Pair {
	if raw == "" {
		return dst
	}
	raw = Latin1(raw)
	for raw != "" {
		var piece string
		if i := strings.IndexByte(raw, '&'); i >= 0 {
			piece, raw = raw[:i], raw[i+1:]
		} else {
			piece, raw = raw, ""
		}
		if piece == "" {
			continue
		}
		name, value, _ := strings.Cut(piece, "=")
		dst = append(dst, Pair{Unquote(name, true), Unquote(value, true)})
	}
	return dst
}

// Query is a parsed query string (an ImmutableMultiDict).
type Query struct {
	pairs []Pair
}

// Get returns the last value of name (query_params[name]).
func (q *Query) Get(name string) (string, bool) {
	for i := len(q.pairs) - 1; i >= 0; i-- {
		if q.pairs[i].Name == name {
			return q.pairs[i].Value, true
		}
	}
	return "", false
}

// Has reports whether name is present.
func (q *Query) Has(name string) bool {
	_, ok := q.Get(name)
	return ok
}

// All returns every value of name in order (query_params.getlist(name));
// nil when absent.
func (q *Query) All(name string) []string {
	var out []string
	for _, p := range q.pairs {
		if p.Name == name {
			out = append(out, p.Value)
		}
	}
	return out
}

// Pairs returns all pairs in order (the slice is the Query's own).
func (q *Query) Pairs() []Pair { return q.pairs }

// Len is the number of pairs.
func (q *Query) Len() int { return len(q.pairs) }
