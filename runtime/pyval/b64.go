package pyval

import "fmt"

// b64Table maps a byte to its base64 value (the standard alphabet), 0xff for others.
var b64Table = func() (t [256]byte) {
	for i := range t {
		t[i] = 0xff
	}
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
	for i := 0; i < len(alphabet); i++ {
		t[alphabet[i]] = byte(i)
	}
	return t
}()

// b64Input is base64's _bytes_from_decode_data: a str must be ASCII.
func b64Input(s Value) (string, error) {
	switch x := s.(type) {
	case Bytes:
		return string(x), nil
	case Str:
		if !isASCII(string(x)) {
			return "", valueError("string argument should contain only ASCII characters")
		}
		return string(x), nil
	}
	return "", typeError("argument should be a bytes-like object or ASCII string, not '%s'", s.TypeName())
}

// B64Decode is base64.b64decode(s, validate=validate) (validate nil: False; urlsafe:
// base64.urlsafe_b64decode(s), which maps - and _ to + and / first):
// binascii.a2b_base64's decoding, its errors binascii.Error (a ValueError) with CPython's
// messages.
func B64Decode(s, validate Value, urlsafe bool) (Value, error) {
	return b64Decode(s, validate != nil && Truthy(validate), urlsafe)
}

func b64Decode(s Value, validate, urlsafe bool) (Value, error) {
	in, err := b64Input(s)
	if err != nil {
		return nil, err
	}
	if urlsafe {
		b := []byte(in)
		for i, c := range b {
			switch c {
			case '-':
				b[i] = '+'
			case '_':
				b[i] = '/'
			}
		}
		in = string(b)
	}
	return a2bBase64(in, validate)
}

func binasciiError(msg string) error { return raise("binascii.Error", msg) }

// a2bBase64 is binascii.a2b_base64(data, strict_mode=strict).
func a2bBase64(data string, strict bool) (Value, error) {
	out := make([]byte, 0, len(data)/4*3+3)
	if strict && len(data) > 0 && data[0] == '=' {
		return nil, binasciiError("Leading padding not allowed")
	}
	quad, pads := 0, 0
	var left byte
	padding := false
	for i := 0; i < len(data); i++ {
		c := data[i]
		if c == '=' {
			padding = true
			if quad >= 2 {
				pads++
				if quad+pads >= 4 {
					if strict && i+1 < len(data) {
						return nil, binasciiError("Excess data after padding")
					}
					return Bytes(out), nil
				}
			}
			continue
		}
		v := b64Table[c]
		if v == 0xff {
			if strict {
				return nil, binasciiError("Only base64 data is allowed")
			}
			continue
		}
		if strict && padding {
			return nil, binasciiError("Discontinuous padding not allowed")
		}
		pads = 0
		switch quad {
		case 0:
			quad, left = 1, v
		case 1:
			quad = 2
			out = append(out, left<<2|v>>4)
			left = v & 0x0f
		case 2:
			quad = 3
			out = append(out, left<<4|v>>2)
			left = v & 0x03
		case 3:
			quad = 0
			out = append(out, left<<6|v)
			left = 0
		}
	}
	switch quad {
	case 0:
		return Bytes(out), nil
	case 1:
		return nil, binasciiError(fmt.Sprintf("Invalid base64-encoded string: number of data characters (%d) cannot be 1 more than a multiple of 4", len(out)/3*4+1))
	}
	return nil, binasciiError("Incorrect padding")
}
