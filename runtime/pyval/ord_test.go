package pyval

import "testing"

func TestOrd(t *testing.T) {
	cases := []struct {
		in   Value
		want string // repr of the result, or the exception's message
	}{
		{Str("a"), "97"},
		{Str("é"), "233"},
		{Str("\xed\xa0\x80"), "55296"}, // a lone surrogate (WTF-8)
		{Bytes("\xff"), "255"},
		{Str("ab"), "ord() expected a character, but string of length 2 found"},
		{Str(""), "ord() expected a character, but string of length 0 found"},
		{Bytes("ab"), "ord() expected a character, but string of length 2 found"},
		{IntValue(5), "ord() expected string of length 1, but int found"},
	}
	for _, c := range cases {
		v, err := Ord(c.in)
		got := ""
		if err != nil {
			got = err.(*Exception).Msg
		} else {
			r, _ := Repr(v)
			got = string(r)
		}
		if got != c.want {
			t.Errorf("Ord(%v) = %q, want %q", c.in, got, c.want)
		}
	}
}
