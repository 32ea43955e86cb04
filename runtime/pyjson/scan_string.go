package pyjson

// str is scanstring_unicode with strict=True. On entry p.s[p.i] == '"'.
func (p *parser) str(kind Kind) error {
	s := p.s
	begin := p.i
	start := begin + 1
	i := start
	var flags uint8
	// Fast path: no escapes, the node points into the text.
	for {
		if i >= len(s) {
			return p.syntax(MsgUnterminated, begin)
		}
		c := s[i]
		if c == '"' {
			p.nodes = append(p.nodes, node{kind: kind, flags: flags, a: uint32(start), b: uint32(i - start)})
			p.i = i + 1
			return nil
		}
		if c == '\\' {
			break
		}
		if c < 0x20 {
			return p.syntax(MsgControlChar, i)
		}
		if c >= 0x80 {
			n, sur := seqLen(s, i)
			if n == 0 {
				return &InputError{Kind: InvalidEncoding, Offset: i}
			}
			if sur {
				flags |= flagSurrogate
			}
			i += n
			continue
		}
		i++
	}
	// Slow path: unescape into the shared buffer.
	escStart := len(p.esc)
	p.esc = append(p.esc, s[start:i]...)
	for {
		if i >= len(s) {
			return p.syntax(MsgUnterminated, begin)
		}
		c := s[i]
		switch {
		case c == '"':
			p.nodes = append(p.nodes, node{kind: kind, flags: flags | flagEsc,
				a: uint32(escStart), b: uint32(len(p.esc) - escStart)})
			p.i = i + 1
			return nil
		case c == '\\':
			if i+1 >= len(s) {
				return p.syntax(MsgUnterminated, begin)
			}
			e := s[i+1]
			if e != 'u' {
				switch e {
				case '"', '\\', '/':
				case 'b':
					e = '\b'
				case 'f':
					e = '\f'
				case 'n':
					e = '\n'
				case 'r':
					e = '\r'
				case 't':
					e = '\t'
				default:
					return p.syntax(MsgInvalidEscape, i)
				}
				p.esc = append(p.esc, e)
				i += 2
				continue
			}
			end := i + 6
			if end >= len(s) {
				return p.syntax(MsgInvalidUEscape, i+1)
			}
			r, ok := hex4(s[i+2 : end])
			if !ok {
				return p.syntax(MsgInvalidUEscape, i+1)
			}
			if r >= 0xD800 && r < 0xDC00 && end+6 < len(s) && s[end] == '\\' && s[end+1] == 'u' {
				r2, ok := hex4(s[end+2 : end+6])
				if !ok {
					return p.syntax(MsgInvalidUEscape, end+1)
				}
				if r2 >= 0xDC00 && r2 < 0xE000 {
					r = 0x10000 + (r-0xD800)<<10 + (r2 - 0xDC00)
					end += 6
				}
			}
			if r >= 0xD800 && r < 0xE000 {
				flags |= flagSurrogate
			}
			p.esc = appendWTF8(p.esc, r)
			i = end
		case c < 0x20:
			return p.syntax(MsgControlChar, i)
		case c >= 0x80:
			n, sur := seqLen(s, i)
			if n == 0 {
				return &InputError{Kind: InvalidEncoding, Offset: i}
			}
			if sur {
				flags |= flagSurrogate
			}
			p.esc = append(p.esc, s[i:i+n]...)
			i += n
		default:
			p.esc = append(p.esc, c)
			i++
		}
	}
}

func hex4(b []byte) (rune, bool) {
	var r rune
	for _, c := range b {
		r <<= 4
		switch {
		case c >= '0' && c <= '9':
			r |= rune(c - '0')
		case c >= 'a' && c <= 'f':
			r |= rune(c - 'a' + 10)
		case c >= 'A' && c <= 'F':
			r |= rune(c - 'A' + 10)
		default:
			return 0, false
		}
	}
	return r, true
}
