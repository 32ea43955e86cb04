package parser

import (
	"strconv"

	"github.com/covetpy/covetgen/parser/ast"
	"github.com/covetpy/covetgen/parser/literal"
	"github.com/covetpy/covetgen/parser/token"
)

// tryMatch parses a match statement if the soft keyword 'match' begins one, and returns nil
// (with the parser where it was) otherwise.
func (p *parser) tryMatch() ast.Stmt {
	k := p.peek(1)
	if !startsExpr(k) && k != token.STAR {
		return nil
	}
	s := p.save()
	matchTok := *p.tok()
	var subject ast.Expr
	ok := p.tryFirst(func() {
		p.next()
		subject = p.parseSubject()
	})
	if !ok || (p.kind != token.COLON && p.kind != token.NEWLINE) {
		p.restore(s)
		return nil
	}
	if p.kind == token.NEWLINE {
		nl := p.tok()
		p.restore(s)
		if p.try(func() { p.parseSimpleStmts(nil) }) {
			p.restore(s)
			return nil
		}
		p.restore(s)
		p.errorAt(nl, "expected ':'")
	}
	// ':' NEWLINE INDENT is required for the match statement.
	if p.peek(1) != token.NEWLINE {
		p.restore(s)
		return nil
	}
	p.next() // ':'
	p.next() // NEWLINE
	if p.kind != token.INDENT {
		t := p.tok()
		p.tokenError("IndentationError", t, "expected an indented block after 'match' statement on line "+strconv.Itoa(matchTok.Start.Line))
	}
	p.next()
	var cases []*ast.MatchCase
	for p.kind != token.DEDENT && p.kind != token.EOF {
		if !p.isName("case") {
			p.fail(p.tok())
		}
		cases = append(cases, p.parseCase())
	}
	p.next()
	return &ast.Match{Subject: subject, Cases: cases, Span: mkSpan(matchTok.Start, p.blockEnd())}
}

// parseSubject: subject_expr.
func (p *parser) parseSubject() ast.Expr {
	start := p.tok().Start
	first := p.parseStarNamedExpression()
	if p.kind != token.COMMA {
		if _, ok := first.(*ast.Starred); ok {
			p.fail(p.tok())
		}
		return first
	}
	elts := []ast.Expr{first}
	for p.got(token.COMMA) {
		if !startsExpr(p.kind) && p.kind != token.STAR {
			break
		}
		elts = append(elts, p.parseStarNamedExpression())
	}
	return &ast.Tuple{Elts: elts, Ctx: ast.Load, Span: mkSpan(start, p.prevEnd)}
}

func (p *parser) parseCase() *ast.MatchCase {
	caseTok := *p.tok()
	p.next()
	pat := p.parsePatterns()
	var guard ast.Expr
	if p.got(token.IF) {
		guard = p.parseNamedExpression()
	}
	p.headerColon()
	body := p.parseBlock("'case' statement", caseTok.Start.Line)
	return &ast.MatchCase{Pattern: pat, Guard: guard, Body: body}
}

// parsePatterns: open_sequence_pattern | pattern.
func (p *parser) parsePatterns() ast.Pattern {
	start := p.tok().Start
	first := p.parseMaybeStarPattern()
	if p.kind != token.COMMA {
		if _, ok := first.(*ast.MatchStar); ok {
			p.fail(p.tok())
		}
		return first
	}
	pats := []ast.Pattern{first}
	for p.got(token.COMMA) {
		if p.kind == token.COLON || p.kind == token.IF {
			break
		}
		pats = append(pats, p.parseMaybeStarPattern())
	}
	return &ast.MatchSequence{Patterns: pats, Span: mkSpan(start, p.prevEnd)}
}

func (p *parser) parseMaybeStarPattern() ast.Pattern {
	if p.kind == token.STAR {
		start := p.tok().Start
		p.next()
		t := p.tok()
		if t.Kind != token.NAME {
			p.fail(t)
		}
		p.next()
		var name *string
		if t.Lit != "_" {
			s := p.ident(t)
			name = &s
		}
		return &ast.MatchStar{Name: name, Span: mkSpan(start, p.prevEnd)}
	}
	return p.parsePattern()
}

// parsePattern: as_pattern | or_pattern.
func (p *parser) parsePattern() ast.Pattern {
	p.enter(5)
	defer p.leave(5)
	start := p.tok().Start
	pat := p.parseOrPattern()
	if p.kind != token.AS {
		return pat
	}
	p.next()
	t := p.tok()
	if t.Kind == token.NAME {
		switch p.peek(1) {
		case token.DOT, token.LPAR, token.EQUAL:
			p.fail(p.peekTok(1))
		default:
			if t.Lit == "_" {
				p.errorAt(t, "cannot use '_' as a target")
			}
			p.next()
			name := p.ident(t)
			return &ast.MatchAs{Pattern: pat, Name: &name, Span: mkSpan(start, p.prevEnd)}
		}
	}
	p.fail(t)
	return nil
}

func (p *parser) parseOrPattern() ast.Pattern {
	start := p.tok().Start
	first := p.parseClosedPattern()
	if p.kind != token.VBAR {
		return first
	}
	pats := []ast.Pattern{first}
	for p.got(token.VBAR) {
		pats = append(pats, p.parseClosedPattern())
	}
	return &ast.MatchOr{Patterns: pats, Span: mkSpan(start, p.prevEnd)}
}

func (p *parser) parseClosedPattern() ast.Pattern {
	t := p.tok()
	start := t.Start
	switch t.Kind {
	case token.NUMBER, token.MINUS:
		v := p.parseSignedNumberExpr()
		return &ast.MatchValue{Value: v, Span: mkSpan(start, p.prevEnd)}
	case token.STRING, token.FSTRING_START:
		v := p.parseStrings()
		return &ast.MatchValue{Value: v, Span: mkSpan(start, p.prevEnd)}
	case token.NONE:
		p.next()
		return &ast.MatchSingleton{Value: ast.None, Span: mkSpan(start, p.prevEnd)}
	case token.TRUE:
		p.next()
		return &ast.MatchSingleton{Value: ast.Bool(true), Span: mkSpan(start, p.prevEnd)}
	case token.FALSE:
		p.next()
		return &ast.MatchSingleton{Value: ast.Bool(false), Span: mkSpan(start, p.prevEnd)}
	case token.NAME:
		if t.Lit == "_" {
			p.next()
			return &ast.MatchAs{Span: mkSpan(start, p.prevEnd)}
		}
		var e ast.Expr = &ast.Name{Id: p.ident(t), Ctx: ast.Load, Span: mkSpan(t.Start, t.End)}
		p.next()
		dotted := false
		for p.kind == token.DOT {
			p.next()
			n := p.tok()
			if n.Kind != token.NAME {
				p.fail(n)
			}
			p.next()
			e = &ast.Attribute{Value: e, Attr: p.ident(n), Ctx: ast.Load, Span: mkSpan(start, p.prevEnd)}
			dotted = true
		}
		if p.kind == token.LPAR {
			return p.parseClassPattern(e, start)
		}
		if p.kind == token.EQUAL {
			p.fail(p.tok())
		}
		if dotted {
			return &ast.MatchValue{Value: e, Span: mkSpan(start, p.prevEnd)}
		}
		name := e.(*ast.Name).Id
		return &ast.MatchAs{Name: &name, Span: mkSpan(start, p.prevEnd)}
	case token.LPAR:
		p.next()
		if p.kind == token.RPAR {
			p.next()
			return &ast.MatchSequence{Span: mkSpan(start, p.prevEnd)}
		}
		first := p.parseMaybeStarPattern()
		if p.kind == token.RPAR {
			if _, ok := first.(*ast.MatchStar); ok {
				p.fail(p.tok())
			}
			p.next()
			return first
		}
		pats := []ast.Pattern{first}
		if p.kind != token.COMMA {
			p.fail(p.tok())
		}
		for p.got(token.COMMA) {
			if p.kind == token.RPAR {
				break
			}
			pats = append(pats, p.parseMaybeStarPattern())
		}
		p.expectClose(token.RPAR)
		return &ast.MatchSequence{Patterns: pats, Span: mkSpan(start, p.prevEnd)}
	case token.LSQB:
		p.next()
		var pats []ast.Pattern
		for p.kind != token.RSQB {
			pats = append(pats, p.parseMaybeStarPattern())
			if !p.got(token.COMMA) {
				break
			}
		}
		p.expectClose(token.RSQB)
		return &ast.MatchSequence{Patterns: pats, Span: mkSpan(start, p.prevEnd)}
	case token.LBRACE:
		return p.parseMappingPattern()
	}
	p.fail(t)
	return nil
}

// parseSignedNumberExpr: signed_number !('+'|'-') | complex_number.
func (p *parser) parseSignedNumberExpr() ast.Expr {
	start := p.tok().Start
	neg := false
	if p.kind == token.MINUS {
		neg = true
		p.next()
	}
	t := p.tok()
	if t.Kind != token.NUMBER {
		p.fail(t)
	}
	v, err := literal.Number(t.Lit)
	if err != nil {
		p.literalError(t, err)
	}
	p.next()
	var e ast.Expr = &ast.Constant{Value: v, Span: mkSpan(t.Start, t.End)}
	if neg {
		e = &ast.UnaryOp{Op: ast.USub, Operand: e, Span: mkSpan(start, p.prevEnd)}
	}
	if p.kind != token.PLUS && p.kind != token.MINUS {
		return e
	}
	// complex_number: signed_real_number ('+'|'-') imaginary_number
	if _, isImag := v.(ast.Complex); isImag {
		p.errorRange("SyntaxError", t.Start, t.End, "real number required in complex literal")
	}
	op := ast.Add
	if p.kind == token.MINUS {
		op = ast.Sub
	}
	p.next()
	it := p.tok()
	if it.Kind != token.NUMBER {
		p.fail(it)
	}
	iv, err := literal.Number(it.Lit)
	if err != nil {
		p.literalError(it, err)
	}
	if _, isImag := iv.(ast.Complex); !isImag {
		p.errorRange("SyntaxError", it.Start, it.End, "imaginary number required in complex literal")
	}
	p.next()
	imag := &ast.Constant{Value: iv, Span: mkSpan(it.Start, it.End)}
	return &ast.BinOp{Left: e, Op: op, Right: imag, Span: mkSpan(start, p.prevEnd)}
}

func (p *parser) parseClassPattern(cls ast.Expr, start token.Pos) ast.Pattern {
	p.next() // '('
	var pats []ast.Pattern
	var kwdAttrs []string
	var kwdPats []ast.Pattern
	var firstBadPositional ast.Pattern
	var lastBadPositional ast.Pattern
	for p.kind != token.RPAR {
		if p.kind == token.NAME && p.peek(1) == token.EQUAL {
			t := p.tok()
			p.next()
			p.next()
			kwdAttrs = append(kwdAttrs, p.ident(t))
			kwdPats = append(kwdPats, p.parsePattern())
		} else {
			pat := p.parsePattern()
			if len(kwdAttrs) > 0 {
				if firstBadPositional == nil {
					firstBadPositional = pat
				}
				lastBadPositional = pat
			} else {
				pats = append(pats, pat)
			}
		}
		if !p.got(token.COMMA) {
			break
		}
	}
	if firstBadPositional != nil {
		p.errorNodes(firstBadPositional, lastBadPositional, "positional patterns follow keyword patterns")
	}
	p.expectClose(token.RPAR)
	return &ast.MatchClass{Cls: cls, Patterns: pats, KwdAttrs: kwdAttrs, KwdPatterns: kwdPats, Span: mkSpan(start, p.prevEnd)}
}

func (p *parser) parseMappingPattern() ast.Pattern {
	start := p.tok().Start
	p.next()
	var keys []ast.Expr
	var pats []ast.Pattern
	var rest *string
	for p.kind != token.RBRACE {
		if p.kind == token.DOUBLESTAR {
			p.next()
			t := p.tok()
			if t.Kind != token.NAME || t.Lit == "_" {
				p.fail(t)
			}
			p.next()
			s := p.ident(t)
			rest = &s
			p.got(token.COMMA)
			break
		}
		keys = append(keys, p.parseMappingKey())
		if p.kind != token.COLON {
			p.fail(p.tok())
		}
		p.next()
		pats = append(pats, p.parsePattern())
		if !p.got(token.COMMA) {
			break
		}
	}
	p.expectClose(token.RBRACE)
	return &ast.MatchMapping{Keys: keys, Patterns: pats, Rest: rest, Span: mkSpan(start, p.prevEnd)}
}

// parseMappingKey: literal_expr | attr.
func (p *parser) parseMappingKey() ast.Expr {
	t := p.tok()
	switch t.Kind {
	case token.NUMBER, token.MINUS:
		return p.parseSignedNumberExpr()
	case token.STRING, token.FSTRING_START:
		return p.parseStrings()
	case token.NONE, token.TRUE, token.FALSE:
		return p.parseAtom()
	case token.NAME:
		start := t.Start
		var e ast.Expr = &ast.Name{Id: p.ident(t), Ctx: ast.Load, Span: mkSpan(t.Start, t.End)}
		p.next()
		if p.kind != token.DOT {
			p.fail(p.tok())
		}
		for p.kind == token.DOT {
			p.next()
			n := p.tok()
			if n.Kind != token.NAME {
				p.fail(n)
			}
			p.next()
			e = &ast.Attribute{Value: e, Attr: p.ident(n), Ctx: ast.Load, Span: mkSpan(start, p.prevEnd)}
		}
		return e
	}
	p.fail(t)
	return nil
}
