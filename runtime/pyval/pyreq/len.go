package pyreq

import "github.com/covetpy/covetgen/runtime/pyval"

// Len is len(request.<mapping>) for mapping "query_params" or "cookies": the number of
// distinct names (QueryParams is an ImmutableMultiDict, whose len counts keys; cookies
// is a dict, the last value of a name winning).
func Len(v pyval.Value, mapping string) (pyval.Value, error) {
	r, err := asRequest(v)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	switch mapping {
	case "query_params":
		for _, p := range r.rq.Query().Pairs() {
			seen[p.Name] = true
		}
	case "cookies":
		for _, p := range r.rq.Cookies() {
			seen[p.Name] = true
		}
	default:
		return nil, pyval.NewException("NotImplementedError", pyval.Str("len of request."+mapping))
	}
	return pyval.IntOf(int64(len(seen))), nil
}
