package security

// b64decode is base64.b64decode(s) with validate=False, i.e. CPython's
// binascii.a2b_base64 in non-strict mode: characters outside the alphabet
// are skipped, a pad that completes a quantum ends the data, leftover bits
// are ignored. ok is false where Python raises binascii.Error ("Incorrect
// padding", or one data character more than a multiple of four). s must be
// ASCII (b64decode raises ValueError otherwise; callers check).
func b64decode(s string) ([]byte, bool) {
	out := make([]byte, 0, len(s)*3/4)
	var leftchar byte
	quadPos, pads := 0, 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '=' {
			if quadPos >= 2 {
				pads++
				if quadPos+pads >= 4 {
					return out, true
				}
			}
			continue
		}
		v := b64value(c)
		if v < 0 {
			continue
		}
		pads = 0
		switch quadPos {
		case 0:
			quadPos, leftchar = 1, byte(v)
		case 1:
			quadPos = 2
			out = append(out, leftchar<<2|byte(v)>>4)
			leftchar = byte(v) & 0x0f
		case 2:
			quadPos = 3
			out = append(out, leftchar<<4|byte(v)>>2)
			leftchar = byte(v) & 0x03
		case 3:
			quadPos = 0
			out = append(out, leftchar<<6|byte(v))
			leftchar = 0
		}
	}
	return out, quadPos == 0
}

func b64value(c byte) int {
	switch {
	case 'A' <= c && c <= 'Z':
		return int(c - 'A')
	case 'a' <= c && c <= 'z':
		return int(c-'a') + 26
	case '0' <= c && c <= '9':
		return int(c-'0') + 52
	case c == '+':
		return 62
	case c == '/':
		return 63
	}
	return -1
}
