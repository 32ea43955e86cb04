// Package scanner implements a lexer for Python 3.13 source text, in the manner of
// go/scanner. It reproduces the behaviour of CPython 3.13's tokenizer (Parser/lexer):
// the same tokens, the same positions (lineno / col_offset in UTF-8 bytes) and the same
// lexical errors, with the same messages and locations.
//
// The scanner works on the decoded source: New strips a UTF-8 byte order mark, honours a
// PEP 263 coding cookie, converts the text to UTF-8 and translates "\r\n" and lone "\r"
// line ends to "\n" as CPython does; if the text does not end with a newline one is
// appended (CPython's implicit newline). Source returns that text; every token position
// indexes into it.
//
// Tokens are produced lazily by Next. Comments are not returned but collected (Comments);
// NL tokens (newlines inside brackets, blank and comment-only lines) are not returned.
//
// F-strings (PEP 701) are returned as CPython's tokenizer returns them: FSTRING_START,
// then FSTRING_MIDDLE chunks, LBRACE, the expression's tokens, optionally EXCLAMATION and
// NAME, optionally COLON followed by the format spec's FSTRING_MIDDLE chunks and nested
// fields, RBRACE, ... FSTRING_END. Like CPython, a doubled brace "{{" or "}}" in the
// literal text ends a FSTRING_MIDDLE chunk: the chunk includes the first brace and the
// second brace belongs to no token, so FSTRING_MIDDLE text never contains a doubled brace
// and needs no folding (it still contains backslash escapes, undecoded). A chunk may be
// empty (e.g. the empty format spec of f"{x:}"), exactly as in CPython.
//
// Positions are those python3.13's tokenize module reports (in bytes rather than
// characters): NEWLINE is the "\n" after the line's last token or comment, INDENT spans
// the indentation, DEDENT is empty at the first token of the dedented line (or at the
// start of the line after the last one, at EOF), EOF is at column 0 of that line.
//
// Lexical errors stop the scanner (Next returns ILLEGAL, then EOF; Err tells). Two
// conditions are left to the parser, as CPython leaves them to its parser: a file ending
// inside brackets (Next returns EOF; OpenBracket names the bracket for "'(' was never
// closed"), and characters that start no token ('$', '?', '`'), which Next returns as
// ILLEGAL tokens while Err stays nil; "<>" is returned as NOTEQUAL with Lit "<>".
//
//go:generate sh -c "PYENV_VERSION=3.13.0 python3 gen_tables.py > tables_gen.go && gofmt -w tables_gen.go"
package scanner

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/covetpy/covetgen/parser/token"
)

// Error is a lexical error. Pos is where CPython reports it: Line is the SyntaxError's
// lineno, Offset a byte offset into Source and Col a byte count such that CPython's
// 1-based SyntaxError.offset (counted in characters) is the number of characters in
// Source()[Offset-Col:Offset] plus one. Offset-Col is the start of the line except for
// one CPython quirk: "unexpected character after line continuation character" counts
// from the first line of a multi-line token or continuation that precedes it. Another
// quirk: for "leading zeros in decimal integer literals ..." CPython's offset is Col+1
// (bytes, not characters). Errors of New have Line 0 (CPython reports no location).
// Kind is "SyntaxError", "IndentationError" or "TabError".
//
// CPython's tokenizer raises some errors itself, and signals others (TabError,
// IndentationError, line continuation, unexpected EOF) with an error code that the parser
// turns into an exception; only the former override a generic "invalid syntax" when
// CPython's parser tokenizes the rest of the file after one (see Raised).
type Error struct {
	Pos  token.Pos
	Msg  string
	Kind string
}

// Raised reports whether CPython's tokenizer raises e itself (rather than setting an
// error code the parser reports). After a generic "invalid syntax", CPython tokenizes the
// rest of the file and lets a raised tokenizer error replace it (unless inside an
// f-string); errors that are not raised do not.
func (e *Error) Raised() bool {
	switch e.Kind {
	case "TabError", "IndentationError":
		return false
	}
	switch e.Msg {
	case "unexpected character after line continuation character", "unexpected EOF while parsing":
		return false
	}
	return !strings.HasSuffix(e.Msg, "' was never closed")
}

func (e *Error) Error() string {
	return fmt.Sprintf("%d:%d: %s: %s", e.Pos.Line, e.Pos.Col, e.Kind, e.Msg)
}

const (
	eof            = -1
	tabSize        = 8
	maxIndent      = 100 // MAXINDENT
	maxLevel       = 200 // MAXLEVEL
	maxFStringLvl  = 150 // MAXFSTRINGLEVEL
	maxExprNesting = 3   // MAX_EXPR_NESTING
)

// mode is CPython's tokenizer_mode: the base regular mode, or one f-string.
type mode struct {
	fstring        bool // scanning the literal text of an f-string (TOK_FSTRING_MODE)
	quote          byte
	quoteSize      int
	raw            bool
	start          int // offset of the f-string's first character (its prefix)
	startLine      int
	startLineStart int
	depth          int // curly_bracket_depth
	exprStart      int // curly_bracket_expr_start_depth
	inFormatSpec   bool
	debug          bool
}

type paren struct {
	c      byte
	line   int
	col    int
	offset int
}

// Scanner tokenizes one source file.
type Scanner struct {
	src  []byte
	text string // src as a string: token texts are substrings of it

	// reading state
	pos           int
	line          int
	lineStart     int
	prevLineStart int
	nulLine       int // start offset of the first line holding a NUL byte, or -1

	// token start
	start          int
	startLine      int
	startLineStart int

	// CPython's tok->buf: the start of the line read while no token was started; the
	// column of "unexpected character after line continuation character" counts from it.
	bufStart   int
	readUpTo   int  // the start offset of the last line read
	tokStarted bool // CPython's tok->start != NULL

	atBOL    bool
	indstack []int
	altstack []int
	pendin   int
	parens   []paren
	modes    []mode

	err      *Error
	done     bool
	comments []token.Token
}

// Source returns the decoded UTF-8 source that token positions index into.
func (s *Scanner) Source() []byte { return s.src }

// Err returns the first error, or nil.
func (s *Scanner) Err() *Error { return s.err }

// OpenBracket reports the innermost bracket still open: its character and position.
// At EOF this is the bracket CPython's "'(' was never closed" names.
func (s *Scanner) OpenBracket() (c byte, pos token.Pos, ok bool) {
	n := len(s.parens)
	if n == 0 {
		return 0, token.Pos{}, false
	}
	p := s.parens[n-1]
	return p.c, token.Pos{Offset: p.offset, Line: p.line, Col: p.col}, true
}

// InFString reports whether the scanner is inside an f-string.
func (s *Scanner) InFString() bool { return len(s.modes) > 1 }

// Comments returns the comments seen so far, in source order.
func (s *Scanner) Comments() []token.Token { return s.comments }

func newScanner(src []byte) *Scanner {
	s := &Scanner{
		src:      src,
		text:     string(src),
		line:     1,
		atBOL:    true,
		indstack: []int{0},
		altstack: []int{0},
		modes:    []mode{{exprStart: -1}},
		nulLine:  -1,
	}
	for i, c := range src {
		if c == 0 {
			j := i
			for j > 0 && src[j-1] != '\n' {
				j--
			}
			s.nulLine = j
			break
		}
	}
	return s
}

// nextc returns the next byte, or eof.
func (s *Scanner) nextc() int {
	if s.pos >= len(s.src) {
		return eof
	}
	if s.pos == s.nulLine && (s.pos == 0 || s.src[s.pos-1] == '\n') {
		if s.err == nil {
			s.setErr(s.line, s.pos, "source code cannot contain null bytes", "SyntaxError")
		}
		s.pos = len(s.src)
		return eof
	}
	if s.pos == s.lineStart && s.pos > s.readUpTo {
		s.readUpTo = s.pos
		if !s.tokStarted {
			s.bufStart = s.pos
		}
	}
	c := s.src[s.pos]
	s.pos++
	if c == '\n' {
		s.line++
		s.prevLineStart = s.lineStart
		s.lineStart = s.pos
	}
	return int(c)
}

// backup undoes the last nextc that returned c.
func (s *Scanner) backup(c int) {
	if c == eof {
		return
	}
	s.pos--
	if c == '\n' {
		s.line--
		s.lineStart = s.prevLineStart
		// Backups never cross two newlines in a row, so prevLineStart is not needed again
		// before the next newline is consumed.
	}
}

func (s *Scanner) peek() int {
	if s.pos >= len(s.src) {
		return eof
	}
	return int(s.src[s.pos])
}

// cpyLine returns CPython's idea of the current line: the line of the last character
// consumed (CPython moves to the next line only when it reads from it).
func (s *Scanner) cpyLine() (line, lineStart int) {
	if s.pos > 0 && s.src[s.pos-1] == '\n' && s.lineStart == s.pos {
		return s.line - 1, s.prevLineStart
	}
	return s.line, s.lineStart
}

func (s *Scanner) setErr(line, offset int, msg, kind string) {
	if s.err != nil {
		return
	}
	ls := offset
	for ls > 0 && s.src[ls-1] != '\n' {
		ls--
	}
	s.err = &Error{Pos: token.Pos{Offset: offset, Line: line, Col: offset - ls}, Msg: msg, Kind: kind}
}

// syntaxError reports msg as CPython's _PyTokenizer_syntaxerror does: at the current
// position (the character just before the cursor).
func (s *Scanner) syntaxError(msg string) {
	line, ls := s.cpyLine()
	off := s.pos
	if off > ls {
		_, n := utf8.DecodeLastRune(s.src[ls:off])
		off -= n
	}
	s.setErr(line, off, msg, "SyntaxError")
}

// errorAt reports msg at a known line and byte offset.
func (s *Scanner) errorAt(line, offset int, msg, kind string) {
	s.setErr(line, offset, msg, kind)
}

func (s *Scanner) fail() token.Token {
	s.done = true
	p := s.posAt(s.pos)
	if s.err != nil {
		p = s.err.Pos
	}
	return token.Token{Kind: token.ILLEGAL, Start: p, End: p}
}

func (s *Scanner) posAt(off int) token.Pos {
	return token.Pos{Offset: off, Line: s.line, Col: off - s.lineStart}
}

func (s *Scanner) startPos() token.Pos {
	return token.Pos{Offset: s.start, Line: s.startLine, Col: s.start - s.startLineStart}
}

func (s *Scanner) markStart() {
	s.tokStarted = true
	s.start = s.pos
	s.startLine = s.line
	s.startLineStart = s.lineStart
}

func (s *Scanner) make(k token.Kind) token.Token {
	return token.Token{Kind: k, Start: s.startPos(), End: s.posAt(s.pos), Lit: s.text[s.start:s.pos]}
}

// Next returns the next token. At the end of the input it returns EOF, also when
// brackets are still open (OpenBracket tells which; CPython's parser then reports
// "'(' was never closed"). After a lexical error it returns ILLEGAL once, and EOF from
// then on; Err returns the error.
//
// An ILLEGAL token while Err() is nil is a character that starts no token ('$', '?',
// '`'): CPython's tokenizer returns it as a generic OP that no grammar rule accepts, so
// the parser reports "invalid syntax" at it. Scanning may continue after it.
func (s *Scanner) Next() token.Token {
	if s.done {
		p := s.posAt(len(s.src))
		if s.err != nil {
			p = s.err.Pos
		}
		return token.Token{Kind: token.EOF, Start: p, End: p}
	}
	if s.err != nil {
		return s.fail()
	}
	var t token.Token
	if m := &s.modes[len(s.modes)-1]; m.fstring {
		t = s.fstringMode(m)
	} else {
		t = s.normalMode(m)
	}
	if s.err != nil {
		return s.fail()
	}
	if t.Kind == token.EOF {
		s.done = true
	}
	return t
}

func isPotentialIdentStart(c int) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c >= 128
}

func isPotentialIdentChar(c int) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c >= 128
}

func isDigit(c int) bool { return c >= '0' && c <= '9' }

func isXDigit(c int) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// continuationLine is tok_continuation_line: called after a backslash was consumed.
// It returns false after reporting an error.
func (s *Scanner) continuationLine() bool {
	c := s.nextc()
	if c != '\n' {
		// E_LINECONT: reported at the character after the backslash, but CPython counts
		// the column from tok->buf, which is an earlier line when the backslash follows
		// a multi-line token or another continuation.
		line, _ := s.cpyLine()
		off := s.pos - 1
		if c == eof {
			off = s.pos
		}
		if s.err == nil {
			s.err = &Error{Pos: token.Pos{Offset: off, Line: line, Col: off - s.bufStart}, Msg: "unexpected character after line continuation character", Kind: "SyntaxError"}
		}
		return false
	}
	c = s.nextc()
	if c == eof {
		s.eofError()
		return false
	}
	s.backup(c)
	return true
}

// eofError reports CPython's E_EOF error: "unexpected EOF while parsing" at the end of
// the last line, or the innermost unclosed bracket.
func (s *Scanner) eofError() {
	if s.err != nil {
		return
	}
	if n := len(s.parens); n > 0 {
		p := s.parens[n-1]
		s.errorAt(p.line, p.offset, fmt.Sprintf("'%c' was never closed", p.c), "SyntaxError")
		return
	}
	line, ls := s.cpyLine()
	off := s.pos
	if off > ls && s.src[off-1] == '\n' {
		off--
	}
	s.errorAt(line, off, "unexpected EOF while parsing", "SyntaxError")
}

func (s *Scanner) normalMode(m *mode) token.Token {
	blankline := false
nextline:
	blankline = false
	s.tokStarted = false
	if s.atBOL {
		col, altcol, contCol := 0, 0, 0
		s.atBOL = false
		var c int
		for {
			c = s.nextc()
			if c == ' ' {
				col++
				altcol++
			} else if c == '\t' {
				col = (col/tabSize + 1) * tabSize
				altcol++
			} else if c == '\f' {
				col, altcol = 0, 0
			} else if c == '\\' {
				if contCol == 0 {
					contCol = col
				}
				if !s.continuationLine() {
					return token.Token{}
				}
			} else {
				break
			}
		}
		s.backup(c)
		if c == '#' || c == '\n' || c == '\r' {
			blankline = true
		}
		if !blankline && len(s.parens) == 0 {
			if contCol != 0 {
				col, altcol = contCol, contCol
			}
			top := len(s.indstack) - 1
			if col == s.indstack[top] {
				if altcol != s.altstack[top] {
					s.indentError()
					return token.Token{}
				}
			} else if col > s.indstack[top] {
				if top+1 >= maxIndent {
					s.errorAt(s.line, s.lineStart, "too many levels of indentation", "IndentationError")
					return token.Token{}
				}
				if altcol <= s.altstack[top] {
					s.indentError()
					return token.Token{}
				}
				s.pendin++
				s.indstack = append(s.indstack, col)
				s.altstack = append(s.altstack, altcol)
			} else {
				for top > 0 && col < s.indstack[top] {
					s.pendin--
					top--
				}
				s.indstack = s.indstack[:top+1]
				s.altstack = s.altstack[:top+1]
				if col != s.indstack[top] {
					// E_DEDENT, reported at the end of the line.
					line, ls := s.line, s.lineStart
					end := ls
					for end < len(s.src) && s.src[end] != '\n' {
						end++
					}
					s.errorAt(line, end, "unindent does not match any outer indentation level", "IndentationError")
					return token.Token{}
				}
				if altcol != s.altstack[top] {
					s.indentError()
					return token.Token{}
				}
			}
		}
	}

	s.markStart()
	if s.pendin != 0 {
		if s.pendin < 0 {
			s.pendin++
			return token.Token{Kind: token.DEDENT, Start: s.startPos(), End: s.startPos()}
		}
		s.pendin--
		t := token.Token{Kind: token.INDENT, Start: token.Pos{Offset: s.lineStart, Line: s.line}, End: s.startPos()}
		t.Lit = s.text[s.lineStart:s.pos]
		return t
	}

again:
	s.tokStarted = false
	c := s.nextc()
	for c == ' ' || c == '\t' || c == '\f' {
		c = s.nextc()
	}
	s.tokStarted = true
	if c == eof {
		s.start = s.pos
	} else {
		s.start = s.pos - 1
	}
	s.startLine, s.startLineStart = s.line, s.lineStart
	if c == '\n' {
		s.startLine, s.startLineStart = s.line-1, s.prevLineStart
	}

	// Comment
	if c == '#' {
		// The comment runs to the end of the line (the source always ends with one).
		if i := bytes.IndexByte(s.src[s.pos:], '\n'); i >= 0 {
			s.pos += i
		} else {
			s.pos = len(s.src)
		}
		s.comments = append(s.comments, s.make(token.COMMENT))
		c = s.nextc()
		s.start = s.pos - 1
		if c == eof {
			s.start = s.pos
		}
		s.startLine, s.startLineStart = s.line, s.lineStart
		if c == '\n' {
			s.startLine, s.startLineStart = s.line-1, s.prevLineStart
		}
	}

	if c == eof {
		if s.err != nil {
			return token.Token{}
		}
		p := s.posAt(s.pos)
		return token.Token{Kind: token.EOF, Start: p, End: p}
	}

	// Identifier
	if isPotentialIdentStart(c) {
		sawB, sawR, sawU, sawF := false, false, false, false
		for {
			if !(sawB || sawU || sawF) && (c == 'b' || c == 'B') {
				sawB = true
			} else if !(sawB || sawU || sawR || sawF) && (c == 'u' || c == 'U') {
				sawU = true
			} else if !(sawR || sawU) && (c == 'r' || c == 'R') {
				sawR = true
			} else if !(sawF || sawB || sawU) && (c == 'f' || c == 'F') {
				sawF = true
			} else {
				break
			}
			c = s.nextc()
			if c == '"' || c == '\'' {
				if sawF {
					return s.fstringStart(c)
				}
				return s.stringLit(c)
			}
		}
		nonascii := false
		if isPotentialIdentChar(c) {
			// c was consumed; the rest of the name lies on this line (no newline is an
			// identifier byte), so it is scanned without nextc's bookkeeping.
			if c >= 128 {
				nonascii = true
			}
			p := s.pos
			for p < len(s.src) {
				b := s.src[p]
				if !isPotentialIdentChar(int(b)) {
					break
				}
				if b >= 128 {
					nonascii = true
				}
				p++
			}
			s.pos = p
		} else {
			s.backup(c)
		}
		if nonascii && !s.verifyIdentifier() {
			return token.Token{}
		}
		t := s.make(token.NAME)
		if n := len(t.Lit); n >= 2 && n <= 8 && (t.Lit[0] >= 'a' || t.Lit[0] == 'F' || t.Lit[0] == 'N' || t.Lit[0] == 'T') {
			t.Kind = token.Lookup(t.Lit)
		}
		return t
	}

	// Newline
	if c == '\n' {
		s.atBOL = true
		if blankline || len(s.parens) > 0 {
			goto nextline
		}
		st := s.startPos()
		en := st
		en.Offset++
		en.Col++
		return token.Token{Kind: token.NEWLINE, Start: st, End: en, Lit: "\n"}
	}

	// Period or number starting with a period
	if c == '.' {
		c = s.nextc()
		if isDigit(c) {
			return s.number(c, true)
		} else if c == '.' {
			c = s.nextc()
			if c == '.' {
				return s.make(token.ELLIPSIS)
			}
			s.backup(c)
			s.backup('.')
		} else {
			s.backup(c)
		}
		return s.make(token.DOT)
	}

	if isDigit(c) {
		return s.number(c, false)
	}

	if c == '"' || c == '\'' {
		return s.stringLit(c)
	}

	// Line continuation
	if c == '\\' {
		if !s.continuationLine() {
			return token.Token{}
		}
		goto again
	}

	// Punctuation inside an f-string replacement field
	inF := len(s.modes) > 1
	if (c == ':' || c == '}' || c == '!' || c == '{') && inF && m.exprStart >= 0 {
		cursor := m.depth
		if c != '{' {
			cursor--
		}
		if c == ':' && cursor == m.exprStart {
			m.fstring = true
			m.inFormatSpec = true
			return s.make(token.COLON)
		}
	}

	// Two- and three-character operators
	{
		c2 := s.nextc()
		if k := twoChars(c, c2); k != token.ILLEGAL {
			c3 := s.nextc()
			if k3 := threeChars(c, c2, c3); k3 != token.ILLEGAL {
				k = k3
			} else {
				s.backup(c3)
			}
			return s.make(k)
		}
		s.backup(c2)
	}

	switch c {
	case '(', '[', '{':
		if len(s.parens) >= maxLevel {
			s.syntaxError("too many nested parentheses")
			return token.Token{}
		}
		s.parens = append(s.parens, paren{c: byte(c), line: s.line, col: s.start - s.lineStart, offset: s.start})
		if inF {
			m.depth++
		}
	case ')', ']', '}':
		if inF && m.depth == 0 && c == '}' {
			s.syntaxError("f-string: single '}' is not allowed")
			return token.Token{}
		}
		if len(s.parens) == 0 {
			s.syntaxError(fmt.Sprintf("unmatched '%c'", c))
			return token.Token{}
		}
		top := s.parens[len(s.parens)-1]
		s.parens = s.parens[:len(s.parens)-1]
		opening := top.c
		if !(opening == '(' && c == ')' || opening == '[' && c == ']' || opening == '{' && c == '}') {
			if inF && opening == '{' && m.depth-1 == m.exprStart {
				s.syntaxError(fmt.Sprintf("f-string: unmatched '%c'", c))
				return token.Token{}
			}
			if top.line != s.line {
				s.syntaxError(fmt.Sprintf("closing parenthesis '%c' does not match opening parenthesis '%c' on line %d", c, opening, top.line))
			} else {
				s.syntaxError(fmt.Sprintf("closing parenthesis '%c' does not match opening parenthesis '%c'", c, opening))
			}
			return token.Token{}
		}
		if inF {
			m.depth--
			if m.depth < 0 {
				s.syntaxError(fmt.Sprintf("f-string: unmatched '%c'", c))
				return token.Token{}
			}
			if c == '}' && m.depth == m.exprStart {
				m.exprStart--
				m.fstring = true
				m.inFormatSpec = false
				m.debug = false
			}
		}
	}

	if c < 0x20 || c == 0x7f {
		s.syntaxError(fmt.Sprintf("invalid non-printable character U+%04X", c))
		return token.Token{}
	}
	if c == '=' && m.exprStart >= 0 {
		m.debug = true
	}
	// For a character no operator starts with ('$', '?', '`'), CPython returns a generic
	// OP token that no grammar rule accepts: we return ILLEGAL without an error, and
	// scanning may go on.
	return s.make(oneChar(c))
}

func (s *Scanner) indentError() {
	s.errorAt(s.line, s.lineStart, "inconsistent use of tabs and spaces in indentation", "TabError")
}

// radixDigits scans the digits of an 0o or 0b literal after its prefix, with CPython's
// errors ("invalid digit '9' in octal literal", "invalid binary literal", ...); digit tells
// the base's digits and kind names it. It returns the character after the number, and false
// once an error is reported.
func (s *Scanner) radixDigits(digit func(int) bool, kind string) (int, bool) {
	c := s.nextc()
	for {
		if c == '_' {
			c = s.nextc()
		}
		if !digit(c) {
			if isDigit(c) {
				s.syntaxError(fmt.Sprintf("invalid digit '%c' in %s literal", c, kind))
			} else {
				s.backup(c)
				s.syntaxError("invalid " + kind + " literal")
			}
			return c, false
		}
		for digit(c) {
			c = s.nextc()
		}
		if c != '_' {
			break
		}
	}
	if isDigit(c) {
		s.syntaxError(fmt.Sprintf("invalid digit '%c' in %s literal", c, kind))
		return c, false
	}
	return c, s.verifyEndOfNumber(c, kind)
}

// verifyEndOfNumber is verify_end_of_number: c is the character after the number.
func (s *Scanner) verifyEndOfNumber(c int, kind string) bool {
	r := false
	switch c {
	case 'a':
		r = s.lookahead("nd")
	case 'e':
		r = s.lookahead("lse")
	case 'f':
		r = s.lookahead("or")
	case 'i':
		c2 := s.nextc()
		r = c2 == 'f' || c2 == 'n' || c2 == 's'
		s.backup(c2)
	case 'o':
		r = s.lookahead("r")
	case 'n':
		r = s.lookahead("ot")
	}
	if r {
		// CPython emits a SyntaxWarning here; the number ends before the keyword.
		return true
	}
	if c >= 0 && c < 128 && isPotentialIdentChar(c) {
		s.backup(c)
		s.syntaxError("invalid " + kind + " literal")
		return false
	}
	return true
}

func (s *Scanner) lookahead(test string) bool {
	p := s.pos
	for i := 0; i < len(test); i++ {
		if p >= len(s.src) || s.src[p] != test[i] {
			return false
		}
		p++
	}
	c := eof
	if p < len(s.src) {
		c = int(s.src[p])
	}
	return !isPotentialIdentChar(c)
}

// decimalTail is tok_decimal_tail; it returns 0 after an error.
func (s *Scanner) decimalTail() int {
	var c int
	for {
		c = s.nextc()
		for isDigit(c) {
			c = s.nextc()
		}
		if c != '_' {
			break
		}
		c = s.nextc()
		if !isDigit(c) {
			s.backup(c)
			s.syntaxError("invalid decimal literal")
			return 0
		}
	}
	return c
}

// number scans a numeric literal whose first character c was consumed; if fraction, a
// '.' was consumed and c is the first digit after it.
func (s *Scanner) number(c int, fraction bool) token.Token {
	if fraction {
		goto fraction
	}
	if c == '0' {
		c = s.nextc()
		switch {
		case c == 'x' || c == 'X':
			c = s.nextc()
			for {
				if c == '_' {
					c = s.nextc()
				}
				if !isXDigit(c) {
					s.backup(c)
					s.syntaxError("invalid hexadecimal literal")
					return token.Token{}
				}
				for isXDigit(c) {
					c = s.nextc()
				}
				if c != '_' {
					break
				}
			}
			if !s.verifyEndOfNumber(c, "hexadecimal") {
				return token.Token{}
			}
		case c == 'o' || c == 'O':
			var ok bool
			if c, ok = s.radixDigits(func(c int) bool { return c >= '0' && c < '8' }, "octal"); !ok {
				return token.Token{}
			}
		case c == 'b' || c == 'B':
			var ok bool
			if c, ok = s.radixDigits(func(c int) bool { return c == '0' || c == '1' }, "binary"); !ok {
				return token.Token{}
			}
		default:
			nonzero := false
			for {
				if c == '_' {
					c = s.nextc()
					if !isDigit(c) {
						s.backup(c)
						s.syntaxError("invalid decimal literal")
						return token.Token{}
					}
				}
				if c != '0' {
					break
				}
				c = s.nextc()
			}
			if isDigit(c) {
				nonzero = true
				c = s.decimalTail()
				if c == 0 {
					return token.Token{}
				}
			}
			if c == '.' {
				c = s.nextc()
				goto fraction
			} else if c == 'e' || c == 'E' {
				goto exponent
			} else if c == 'j' || c == 'J' {
				goto imaginary
			} else if nonzero {
				s.backup(c)
				s.errorAt(s.startLine, s.start, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", "SyntaxError")
				return token.Token{}
			}
			if !s.verifyEndOfNumber(c, "decimal") {
				return token.Token{}
			}
		}
		s.backup(c)
		return s.make(token.NUMBER)
	}
	// Decimal
	c = s.decimalTail()
	if c == 0 {
		return token.Token{}
	}
	if c == '.' {
		c = s.nextc()
		goto fraction
	}
	goto afterFraction
fraction:
	if isDigit(c) {
		c = s.decimalTail()
		if c == 0 {
			return token.Token{}
		}
	}
afterFraction:
	if c == 'e' || c == 'E' {
		goto exponent
	}
	if c == 'j' || c == 'J' {
		goto imaginary
	}
	if !s.verifyEndOfNumber(c, "decimal") {
		return token.Token{}
	}
	s.backup(c)
	return s.make(token.NUMBER)
exponent:
	{
		e := c
		c = s.nextc()
		if c == '+' || c == '-' {
			c = s.nextc()
			if !isDigit(c) {
				s.backup(c)
				s.syntaxError("invalid decimal literal")
				return token.Token{}
			}
		} else if !isDigit(c) {
			s.backup(c)
			if !s.verifyEndOfNumber(e, "decimal") {
				return token.Token{}
			}
			s.backup(e)
			return s.make(token.NUMBER)
		}
		c = s.decimalTail()
		if c == 0 {
			return token.Token{}
		}
		if c == 'j' || c == 'J' {
			goto imaginary
		}
		if !s.verifyEndOfNumber(c, "decimal") {
			return token.Token{}
		}
		s.backup(c)
		return s.make(token.NUMBER)
	}
imaginary:
	c = s.nextc()
	if !s.verifyEndOfNumber(c, "imaginary") {
		return token.Token{}
	}
	s.backup(c)
	return s.make(token.NUMBER)
}

// stringLit scans a (non-f) string literal; the prefix and the opening quote were consumed.
func (s *Scanner) stringLit(quote int) token.Token {
	quoteSize, endQuoteSize := 1, 0
	escapedQuote := false
	c := s.nextc()
	if c == quote {
		c = s.nextc()
		if c == quote {
			quoteSize = 3
		} else {
			endQuoteSize = 1
		}
	}
	if c != quote {
		s.backup(c)
	}
	for endQuoteSize != quoteSize {
		c = s.nextc()
		if s.err != nil {
			return token.Token{}
		}
		if c == eof || quoteSize == 1 && c == '\n' {
			detected, _ := s.cpyLine()
			if len(s.modes) > 1 {
				m := &s.modes[len(s.modes)-1]
				if int(m.quote) == quote && m.quoteSize == quoteSize {
					s.errorAt(s.startLine, s.start, "f-string: expecting '}'", "SyntaxError")
					return token.Token{}
				}
			}
			var msg string
			switch {
			case quoteSize == 3:
				msg = fmt.Sprintf("unterminated triple-quoted string literal (detected at line %d)", detected)
			case escapedQuote:
				msg = fmt.Sprintf("unterminated string literal (detected at line %d); perhaps you escaped the end quote?", detected)
			default:
				msg = fmt.Sprintf("unterminated string literal (detected at line %d)", detected)
			}
			s.errorAt(s.startLine, s.start, msg, "SyntaxError")
			return token.Token{}
		}
		if c == quote {
			endQuoteSize++
		} else {
			endQuoteSize = 0
			if c == '\\' {
				c = s.nextc()
				if c == quote {
					escapedQuote = true
				}
			}
		}
	}
	return s.make(token.STRING)
}

func oneChar(c int) token.Kind {
	switch c {
	case '!':
		return token.EXCLAMATION
	case '%':
		return token.PERCENT
	case '&':
		return token.AMPER
	case '(':
		return token.LPAR
	case ')':
		return token.RPAR
	case '*':
		return token.STAR
	case '+':
		return token.PLUS
	case ',':
		return token.COMMA
	case '-':
		return token.MINUS
	case '.':
		return token.DOT
	case '/':
		return token.SLASH
	case ':':
		return token.COLON
	case ';':
		return token.SEMI
	case '<':
		return token.LESS
	case '=':
		return token.EQUAL
	case '>':
		return token.GREATER
	case '@':
		return token.AT
	case '[':
		return token.LSQB
	case ']':
		return token.RSQB
	case '^':
		return token.CIRCUMFLEX
	case '{':
		return token.LBRACE
	case '|':
		return token.VBAR
	case '}':
		return token.RBRACE
	case '~':
		return token.TILDE
	}
	return token.ILLEGAL
}

func twoChars(c1, c2 int) token.Kind {
	switch c1 {
	case '!':
		if c2 == '=' {
			return token.NOTEQUAL
		}
	case '%':
		if c2 == '=' {
			return token.PERCENTEQUAL
		}
	case '&':
		if c2 == '=' {
			return token.AMPEREQUAL
		}
	case '*':
		switch c2 {
		case '*':
			return token.DOUBLESTAR
		case '=':
			return token.STAREQUAL
		}
	case '+':
		if c2 == '=' {
			return token.PLUSEQUAL
		}
	case '-':
		switch c2 {
		case '=':
			return token.MINEQUAL
		case '>':
			return token.RARROW
		}
	case '/':
		switch c2 {
		case '/':
			return token.DOUBLESLASH
		case '=':
			return token.SLASHEQUAL
		}
	case ':':
		if c2 == '=' {
			return token.COLONEQUAL
		}
	case '<':
		switch c2 {
		case '<':
			return token.LEFTSHIFT
		case '=':
			return token.LESSEQUAL
		case '>':
			return token.NOTEQUAL // "<>": the parser rejects it (Barry as FLUFL)
		}
	case '=':
		if c2 == '=' {
			return token.EQEQUAL
		}
	case '>':
		switch c2 {
		case '=':
			return token.GREATEREQUAL
		case '>':
			return token.RIGHTSHIFT
		}
	case '@':
		if c2 == '=' {
			return token.ATEQUAL
		}
	case '^':
		if c2 == '=' {
			return token.CIRCUMFLEXEQUAL
		}
	case '|':
		if c2 == '=' {
			return token.VBAREQUAL
		}
	}
	return token.ILLEGAL
}

func threeChars(c1, c2, c3 int) token.Kind {
	if c3 != '=' {
		if c1 == '.' && c2 == '.' && c3 == '.' {
			return token.ELLIPSIS
		}
		return token.ILLEGAL
	}
	switch {
	case c1 == '*' && c2 == '*':
		return token.DOUBLESTAREQUAL
	case c1 == '/' && c2 == '/':
		return token.DOUBLESLASHEQUAL
	case c1 == '<' && c2 == '<':
		return token.LEFTSHIFTEQUAL
	case c1 == '>' && c2 == '>':
		return token.RIGHTSHIFTEQUAL
	}
	return token.ILLEGAL
}
