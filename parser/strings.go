package parser

import (
	"strings"

	"github.com/covetpy/covetgen/parser/ast"
	"github.com/covetpy/covetgen/parser/literal"
	"github.com/covetpy/covetgen/parser/token"
)

var uKind = "u"

// stringConstant decodes one STRING token.
func (p *parser) stringConstant(t *token.Token) *ast.Constant {
	v, u, err := literal.String(t.Lit)
	if err != nil {
		p.literalError(t, err)
	}
	c := newNode(&p.consts, ast.Constant{Value: v, Span: mkSpan(t.Start, t.End)})
	if u {
		c.Kind = &uKind
	}
	return c
}

// parseStrings: strings — one or more adjacent string, bytes and f-string literals.
func (p *parser) parseStrings() ast.Expr {
	t := p.tok()
	if t.Kind == token.STRING && p.peek(1) != token.STRING && p.peek(1) != token.FSTRING_START {
		c := p.stringConstant(t)
		p.next()
		return c
	}
	start := t.Start
	var parts []ast.Expr
	bytesFound, strFound, fstrFound := false, false, false
	for p.kind == token.STRING || p.kind == token.FSTRING_START {
		if p.kind == token.STRING {
			c := p.stringConstant(p.tok())
			if _, ok := c.Value.(ast.Bytes); ok {
				bytesFound = true
			} else {
				strFound = true
			}
			parts = append(parts, c)
			p.next()
		} else {
			parts = append(parts, p.parseFString())
			fstrFound = true
		}
	}
	if bytesFound && (strFound || fstrFound) {
		p.errorAt(p.tok(), "cannot mix bytes and nonbytes literals")
	}
	span := mkSpan(start, p.prevEnd)
	if bytesFound {
		var b strings.Builder
		for _, x := range parts {
			b.WriteString(string(x.(*ast.Constant).Value.(ast.Bytes)))
		}
		return &ast.Constant{Value: ast.Bytes(b.String()), Kind: parts[0].(*ast.Constant).Kind, Span: span}
	}
	if !fstrFound {
		var b strings.Builder
		for _, x := range parts {
			b.WriteString(string(x.(*ast.Constant).Value.(ast.Str)))
		}
		return &ast.Constant{Value: ast.Str(b.String()), Kind: parts[0].(*ast.Constant).Kind, Span: span}
	}
	var flat []ast.Expr
	for _, x := range parts {
		if js, ok := x.(*ast.JoinedStr); ok {
			flat = append(flat, js.Values...)
		} else {
			flat = append(flat, x)
		}
	}
	return &ast.JoinedStr{Values: foldConstants(flat), Span: span}
}

func isEmptyStr(e ast.Expr) bool {
	c, ok := e.(*ast.Constant)
	if !ok {
		return false
	}
	s, ok := c.Value.(ast.Str)
	return ok && s == ""
}

// foldConstants merges runs of adjacent string constants (the merged constant spans the
// run and takes the first one's kind) and drops empty ones, as _PyPegen_concatenate_strings
// does for f-strings.
func foldConstants(flat []ast.Expr) []ast.Expr {
	out := flat[:0:0]
	for i := 0; i < len(flat); i++ {
		e := flat[i]
		if c, ok := e.(*ast.Constant); ok {
			if i+1 < len(flat) {
				if _, ok2 := flat[i+1].(*ast.Constant); ok2 {
					var b strings.Builder
					last := c
					j := i
					for ; j < len(flat); j++ {
						cj, ok := flat[j].(*ast.Constant)
						if !ok {
							break
						}
						if s, ok := cj.Value.(ast.Str); ok {
							b.WriteString(string(s))
						}
						last = cj
					}
					i = j - 1
					e = &ast.Constant{Value: ast.Str(b.String()), Kind: c.Kind, Span: ast.Span{
						Lineno: c.Lineno, ColOffset: c.ColOffset, EndLineno: last.EndLineno, EndColOffset: last.EndColOffset}}
				}
			}
			if isEmptyStr(e) {
				continue
			}
		}
		out = append(out, e)
	}
	return out
}

func fstringRaw(lit string) bool {
	for i := 0; i < len(lit); i++ {
		switch lit[i] {
		case 'r', 'R':
			return true
		case '"', '\'':
			return false
		}
	}
	return false
}

// parseFString: FSTRING_START fstring_middle* FSTRING_END.
func (p *parser) parseFString() *ast.JoinedStr {
	st := p.tok()
	raw := fstringRaw(st.Lit)
	p.next()
	var values []ast.Expr
	var decodeErr *literal.Error
	for p.kind != token.FSTRING_END {
		switch p.kind {
		case token.FSTRING_MIDDLE:
			c, err := p.fstringMiddle(raw)
			if err != nil && decodeErr == nil {
				decodeErr = err
			}
			values = append(values, c)
		case token.LBRACE:
			v := p.parseReplacementField(raw)
			if js, ok := v.(*ast.JoinedStr); ok {
				values = append(values, js.Values...)
			} else {
				values = append(values, v)
			}
		default:
			p.fail(p.tok())
		}
	}
	end := p.tok()
	if decodeErr != nil {
		// CPython decodes the literal parts once the f-string is parsed, and reports
		// their errors at its closing quote
		p.literalError(end, decodeErr)
	}
	p.next()
	return &ast.JoinedStr{Values: foldConstants(values), Span: mkSpan(st.Start, end.End)}
}

// fstringMiddle decodes a FSTRING_MIDDLE token; the caller reports a decoding error.
func (p *parser) fstringMiddle(raw bool) (*ast.Constant, *literal.Error) {
	t := p.tok()
	s, err := literal.FStringMiddle(t.Lit, raw)
	p.next()
	end := t.End
	// A doubled brace ends a chunk after its first brace; CPython's constant covers both.
	if n := len(t.Lit); n > 0 && (t.Lit[n-1] == '{' || t.Lit[n-1] == '}') && end.Offset < len(p.src) && p.src[end.Offset] == t.Lit[n-1] {
		end.Col++
		end.Offset++
	}
	return &ast.Constant{Value: ast.Str(s), Span: mkSpan(t.Start, end)}, err
}

// parseReplacementField: '{' annotated_rhs ['='] ['!' NAME] [':' format_spec*] '}'. It
// returns a FormattedValue, or for a debug expression a JoinedStr of the text and the value.
func (p *parser) parseReplacementField(raw bool) ast.Expr {
	lbrace := p.tok()
	p.next()
	switch p.kind {
	case token.EQUAL, token.EXCLAMATION, token.COLON, token.RBRACE:
		p.errorAt(p.tok(), "f-string: valid expression required before '"+p.kind.String()+"'")
	}
	var e ast.Expr
	first := p.tok()
	if !p.trySpecific(func() {
		if p.kind == token.YIELD {
			e = p.parseYield()
		} else {
			e = p.parseStarExpressions()
		}
	}) {
		p.errorAt(first, "f-string: expecting a valid expression after '{'")
	}
	debug := false
	if p.kind == token.EQUAL {
		debug = true
		p.next()
	}
	conversion := -1
	var convTok *token.Token
	var stopTok *token.Token // the token ending the debug text
	if p.kind == token.EXCLAMATION {
		bang := p.tok()
		stopTok = bang
		p.next()
		t := p.tok()
		if t.Kind != token.NAME {
			if p.kind == token.COLON || p.kind == token.RBRACE {
				p.errorAt(t, "f-string: missing conversion character")
			}
			p.errorAt(t, "f-string: invalid conversion character")
		}
		if t.Start.Offset != bang.End.Offset {
			p.errorRange("SyntaxError", bang.Start, t.End, "f-string: conversion type must come right after the exclamanation mark")
		}
		convTok = t
		p.next()
		switch t.Lit {
		case "s", "r", "a":
			conversion = int(t.Lit[0])
		default:
			p.errorAt(t, "f-string: invalid conversion character "+ast.StrRepr(t.Lit)+": expected 's', 'r', or 'a'")
		}
	}
	var spec ast.Expr
	if p.kind == token.COLON {
		colon := p.tok()
		if stopTok == nil {
			stopTok = colon
		}
		p.next()
		var items []ast.Expr
		for p.kind == token.FSTRING_MIDDLE || p.kind == token.LBRACE {
			if p.kind == token.FSTRING_MIDDLE {
				c, err := p.fstringMiddle(raw)
				if err != nil {
					// CPython decodes a format spec's text at once and lets the codec's
					// UnicodeDecodeError through, positionless
					p.err = &Error{Filename: p.filename, Kind: "UnicodeDecodeError", Msg: strings.TrimPrefix(err.Msg, "(unicode error) ")}
					p.noFullCheck = true
					panic(bailout{})
				}
				items = append(items, c)
			} else {
				items = append(items, p.parseReplacementField(raw))
			}
		}
		span := mkSpan(colon.Start, p.prevEnd)
		nonEmpty := items[:0:0]
		for _, it := range items {
			if !isEmptyStr(it) {
				nonEmpty = append(nonEmpty, it)
			}
		}
		if len(nonEmpty) == 0 {
			spec = &ast.JoinedStr{Span: span}
		} else if _, ok := nonEmpty[0].(*ast.Constant); ok && len(nonEmpty) == 1 {
			spec = &ast.JoinedStr{Values: nonEmpty, Span: span}
		} else {
			var flat []ast.Expr
			for _, x := range nonEmpty {
				if js, ok := x.(*ast.JoinedStr); ok {
					flat = append(flat, js.Values...)
				} else {
					flat = append(flat, x)
				}
			}
			spec = &ast.JoinedStr{Values: foldConstants(flat), Span: span}
		}
	}
	if p.kind != token.RBRACE {
		if p.kind == token.EOF || p.atScanError(p.tok()) {
			p.fail(p.tok()) // "'{' was never closed", or the scanner's error
		}
		switch {
		case spec != nil:
			p.errorAt(p.tok(), "f-string: expecting '}', or format specs")
		case convTok != nil:
			p.errorAt(p.tok(), "f-string: expecting ':' or '}'")
		case debug:
			p.errorAt(p.tok(), "f-string: expecting '!', or ':', or '}'")
		}
		p.errorAt(p.tok(), "f-string: expecting '=', or '!', or ':', or '}'")
	}
	rbrace := p.tok()
	if stopTok == nil {
		stopTok = rbrace
	}
	p.next()
	if debug && conversion == -1 && spec == nil {
		conversion = 'r'
	}
	fv := &ast.FormattedValue{Value: e, Conversion: conversion, FormatSpec: spec, Span: mkSpan(lbrace.Start, rbrace.End)}
	if !debug {
		return fv
	}
	text := string(p.src[lbrace.End.Offset:stopTok.Start.Offset])
	if strings.IndexByte(text, '#') >= 0 {
		text = stripHashes(text)
	}
	if !raw && strings.IndexByte(text, '\\') >= 0 {
		if s, err := literal.FStringMiddle(text, false); err == nil {
			text = s
		}
	}
	dt := &ast.Constant{Value: ast.Str(text), Span: mkSpan(lbrace.End, stopTok.Start)}
	return &ast.JoinedStr{Values: []ast.Expr{dt, fv}}
}

// stripHashes removes each '#' and what follows it up to the end of its line, as CPython's
// tokenizer does to the text of a debug expression (even a '#' inside a string).
func stripHashes(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '#' {
			for i < len(s) && s[i] != '\n' {
				i++
			}
			if i < len(s) {
				b.WriteByte('\n')
			}
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
