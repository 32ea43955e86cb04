package validate

import "github.com/covetpy/covetgen/runtime/pyjson"

// IP validates a value of the IP type t (an ipaddress class or a pydantic IPvAny type).
func (s *State) IP(v pyjson.Value, t IPType, out *IP) bool {
	ip, err := t.FromJSON(v)
	if err != nil {
		return s.fail(err)
	}
	s.Floor(Lax)
	*out = ip
	return true
}

// IP writes an IP value: str(value) under every mode.
func (e *Encoder) IP(ip IP) {
	var err error
	if e.Buf, err = ip.AppendJSON(e.Buf); err != nil {
		e.fail(err)
	}
}
