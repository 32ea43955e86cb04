package request

// ParamName is the name of path parameter i (false when the route names fewer).
func (r *Request) ParamName(i int) (string, bool) {
	if i < 0 || i >= len(r.names) || i >= len(r.params) {
		return "", false
	}
	return r.names[i], true
}
