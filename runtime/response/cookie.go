package response

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Cookie is the arguments of Starlette's Response.set_cookie. Use
// NewCookie for its defaults (path "/", samesite "lax"). An empty Path,
// Domain or SameSite leaves the attribute out, as None or "" does.
type Cookie struct {
	Key, Value string
	// MaxAge is nil, an int or a string.
	MaxAge any
	// Expires is nil, a UTC time.Time (format_datetime(usegmt=True)), an
	// int (seconds from now, http.cookies' _getdate) or a string.
	Expires                any
	Path, Domain, SameSite string
	Secure, HTTPOnly       bool
}

// NewCookie is set_cookie(key, value) with Starlette's defaults.
func NewCookie(key, value string) Cookie {
	return Cookie{Key: key, Value: value, Path: "/", SameSite: "lax"}
}

// DeletionCookie is delete_cookie(key): max-age 0 and expires now.
func DeletionCookie(key string) Cookie {
	c := NewCookie(key, "")
	c.MaxAge, c.Expires = 0, 0
	return c
}

const cookieLegal = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-.^_`|~:"

func cookieLegalKey(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if strings.IndexByte(cookieLegal, s[i]) < 0 {
			return false
		}
	}
	return true
}

// cookieQuote is http.cookies._quote.
func cookieQuote(s string) string {
	if cookieLegalKey(s) {
		return s
	}
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r < 0x20 || r == ',' || r == ';' || (r >= 0x7f && r <= 0xff):
			fmt.Fprintf(&b, "\\%03o", r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

var weekdays = [...]string{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"}
var months = [...]string{"", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

func pyWeekday(t time.Time) string { return weekdays[(int(t.Weekday())+6)%7] }

// getdate is http.cookies._getdate(future) relative to now.
func getdate(now time.Time, future int) string {
	t := now.Add(time.Duration(future) * time.Second).UTC()
	return fmt.Sprintf("%s, %02d %3s %4d %02d:%02d:%02d GMT",
		pyWeekday(t), t.Day(), months[t.Month()], t.Year(), t.Hour(), t.Minute(), t.Second())
}

// formatDatetimeGMT is email.utils.format_datetime(dt, usegmt=True).
func formatDatetimeGMT(t time.Time) (string, error) {
	if t.Location() != time.UTC {
		return "", errors.New("usegmt option requires a UTC datetime")
	}
	return fmt.Sprintf("%s, %02d %s %04d %02d:%02d:%02d GMT",
		pyWeekday(t), t.Day(), months[t.Month()], t.Year(), t.Hour(), t.Minute(), t.Second()), nil
}

// Format renders the set-cookie value as Starlette does
// (SimpleCookie.output(header="").strip()); now is used for int expires.
// An illegal key or attribute is an error (Python raises: a 500).
func (c Cookie) Format(now time.Time) (string, error) {
	if !cookieLegalKey(c.Key) {
		return "", fmt.Errorf("http.cookies.CookieError: Illegal key %q", c.Key)
	}
	switch strings.ToLower(c.SameSite) {
	case "", "strict", "lax", "none":
	default:
		return "", errors.New("samesite must be either 'strict', 'lax' or 'none'")
	}
	parts := []string{c.Key + "=" + cookieQuote(c.Value)}
	// Attributes in sorted key order: comment, domain, expires, httponly,
	// max-age, path, samesite, secure, version.
	if c.Domain != "" {
		parts = append(parts, "Domain="+c.Domain)
	}
	switch e := c.Expires.(type) {
	case nil:
	case int:
		parts = append(parts, "expires="+getdate(now, e))
	case time.Time:
		s, err := formatDatetimeGMT(e)
		if err != nil {
			return "", err
		}
		parts = append(parts, "expires="+s)
	case string:
		if e != "" {
			parts = append(parts, "expires="+e)
		}
	default:
		return "", fmt.Errorf("unsupported expires value %T", e)
	}
	if c.HTTPOnly {
		parts = append(parts, "HttpOnly")
	}
	switch m := c.MaxAge.(type) {
	case nil:
	case int:
		parts = append(parts, "Max-Age="+strconv.Itoa(m))
	case string:
		if m != "" {
			parts = append(parts, "Max-Age="+m)
		}
	default:
		return "", fmt.Errorf("unsupported max_age value %T", m)
	}
	if c.Path != "" {
		parts = append(parts, "Path="+c.Path)
	}
	if c.SameSite != "" {
		parts = append(parts, "SameSite="+c.SameSite)
	}
	if c.Secure {
		parts = append(parts, "Secure")
	}
	return strings.TrimSpace(strings.Join(parts, "; ")), nil
}
