package pymw

import (
	"github.com/covetpy/covetgen/runtime/pyval"
	"github.com/covetpy/covetgen/runtime/response"
)

// SetCookie is response.set_cookie(...) on the downstream response: the Set-Cookie
// field Response.set_cookie formats (pyval.RespSetCookie's), appended.
func SetCookie(v pyval.Value, a pyval.CookieArgs) (pyval.Value, error) {
	return cookie(v, a, "set_cookie", pyval.RespSetCookie)
}

// DeleteCookie is response.delete_cookie(...) on the downstream response.
func DeleteCookie(v pyval.Value, a pyval.CookieArgs) (pyval.Value, error) {
	return cookie(v, a, "delete_cookie", pyval.RespDeleteCookie)
}

// cookie formats the field with set on a scratch Response parameter and appends it.
func cookie(v pyval.Value, a pyval.CookieArgs, attr string, set func(pyval.Value, pyval.CookieArgs) (pyval.Value, error)) (pyval.Value, error) {
	d, err := asDownstream(v, attr)
	if err != nil {
		return nil, err
	}
	var p response.Param
	if _, err := set(pyval.ResponseParamOf(&p), a); err != nil {
		return nil, err
	}
	h := d.resp.Header()
	for _, f := range p.Headers {
		val, err := latin1(f.Value)
		if err != nil {
			return nil, err
		}
		h["Set-Cookie"] = append(h["Set-Cookie"], val)
	}
	return pyval.None, nil
}
