package scanner

import "github.com/covetpy/covetgen/parser/token"

// makeTo returns a token of kind k from the token start to end, an offset on the current
// line at or before the cursor.
func (s *Scanner) makeTo(k token.Kind, end int) token.Token {
	return token.Token{Kind: k, Start: s.startPos(), End: token.Pos{Offset: end, Line: s.line, Col: end - s.lineStart}, Lit: s.text[s.start:end]}
}

// fstringStart is reached when the prefix of an f-string and its first quote were consumed.
func (s *Scanner) fstringStart(quote int) token.Token {
	quoteSize := 1
	after := s.nextc()
	if after == quote {
		after2 := s.nextc()
		if after2 == quote {
			quoteSize = 3
		} else {
			s.backup(after2)
			s.backup(after)
		}
	}
	if after != quote {
		s.backup(after)
	}
	if len(s.modes) >= maxFStringLvl {
		s.syntaxError("too many nested f-strings")
		return token.Token{}
	}
	t := s.make(token.FSTRING_START)
	raw := false
	switch s.src[s.start] {
	case 'f', 'F':
		raw = s.src[s.start+1] == 'r' || s.src[s.start+1] == 'R'
	default:
		raw = true
	}
	s.modes = append(s.modes, mode{
		fstring:        true,
		quote:          byte(quote),
		quoteSize:      quoteSize,
		raw:            raw,
		start:          s.start,
		startLine:      s.startLine,
		startLineStart: s.startLineStart,
		exprStart:      -1,
	})
	return t
}

// fstringMode is tok_get_fstring_mode: it scans the literal text of an f-string.
func (s *Scanner) fstringMode(m *mode) token.Token {
	s.markStart()
	c := s.nextc()
	if c == '{' {
		peek := s.nextc()
		s.backup(peek)
		s.backup(c)
		if peek != '{' {
			m.exprStart++
			if m.exprStart >= maxExprNesting {
				s.syntaxError("f-string: expressions nested too deeply")
				return token.Token{}
			}
			m.fstring = false
			return s.normalMode(m)
		}
	} else {
		s.backup(c)
	}

	// At the end of the string?
	i := 0
	for ; i < m.quoteSize; i++ {
		q := s.nextc()
		if q != int(m.quote) {
			s.backup(q)
			break
		}
	}
	if i == m.quoteSize {
		t := s.make(token.FSTRING_END)
		s.modes = s.modes[:len(s.modes)-1]
		return t
	}
	// Back up over the quotes matched so far.
	for ; i > 0; i-- {
		s.backup(int(m.quote))
	}

	endQuoteSize := 0
	unicodeEscape := false
	for endQuoteSize != m.quoteSize {
		c := s.nextc()
		if s.err != nil {
			return token.Token{}
		}
		inFormatSpec := m.inFormatSpec && m.exprStart >= 0
		if c == eof || m.quoteSize == 1 && c == '\n' {
			if inFormatSpec && c == '\n' {
				s.backup(c)
				m.fstring = false
				m.inFormatSpec = false
				return s.make(token.FSTRING_MIDDLE)
			}
			detected, _ := s.cpyLine()
			if m.quoteSize == 3 {
				s.errorAt(m.startLine, m.start, sprintf("unterminated triple-quoted f-string literal (detected at line %d)", detected), "SyntaxError")
			} else {
				s.errorAt(m.startLine, m.start, sprintf("unterminated f-string literal (detected at line %d)", detected), "SyntaxError")
			}
			return token.Token{}
		}
		if c == int(m.quote) {
			endQuoteSize++
			continue
		}
		endQuoteSize = 0
		switch c {
		case '{':
			peek := s.nextc()
			if peek != '{' || inFormatSpec {
				s.backup(peek)
				s.backup(c)
				m.exprStart++
				if m.exprStart >= maxExprNesting {
					s.syntaxError("f-string: expressions nested too deeply")
					return token.Token{}
				}
				m.fstring = false
				m.inFormatSpec = false
				return s.make(token.FSTRING_MIDDLE)
			}
			return s.makeTo(token.FSTRING_MIDDLE, s.pos-1)
		case '}':
			if unicodeEscape {
				return s.make(token.FSTRING_MIDDLE)
			}
			peek := s.nextc()
			if peek == '}' && !inFormatSpec && m.depth == 0 {
				return s.makeTo(token.FSTRING_MIDDLE, s.pos-1)
			}
			s.backup(peek)
			s.backup(c)
			m.fstring = false
			m.inFormatSpec = false
			return s.make(token.FSTRING_MIDDLE)
		case '\\':
			peek := s.nextc()
			if peek == '{' || peek == '}' {
				s.backup(peek)
				continue
			}
			if !m.raw && peek == 'N' {
				peek = s.nextc()
				if peek == '{' {
					unicodeEscape = true
				} else {
					s.backup(peek)
				}
			}
		}
	}
	for i := 0; i < m.quoteSize; i++ {
		s.backup(int(m.quote))
	}
	return s.make(token.FSTRING_MIDDLE)
}
