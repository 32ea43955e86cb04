package parser

import (
	"github.com/covetpy/covetgen/parser/ast"
	"github.com/covetpy/covetgen/parser/literal"
	"github.com/covetpy/covetgen/parser/scanner"
	"github.com/covetpy/covetgen/parser/token"
)

// startsFactor reports whether a token of kind k can begin a factor (an operand of a binary
// operator).
func startsFactor(k token.Kind) bool {
	return startsExpr(k) && k != token.NOT && k != token.LAMBDA
}

// startsExpr reports whether a token of kind k can begin an expression.
func startsExpr(k token.Kind) bool {
	switch k {
	case token.NAME, token.NUMBER, token.STRING, token.FSTRING_START, token.LPAR, token.LSQB,
		token.LBRACE, token.MINUS, token.PLUS, token.TILDE, token.ELLIPSIS, token.NOT,
		token.LAMBDA, token.AWAIT, token.TRUE, token.FALSE, token.NONE:
		return true
	}
	return false
}

func (p *parser) ident(t *token.Token) string {
	s := t.Lit
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return scanner.NormalizeIdent(s)
		}
	}
	return s
}

func (p *parser) name(ctx ast.ExprContext) *ast.Name {
	t := p.tok()
	if t.Kind != token.NAME {
		p.fail(t)
	}
	n := newNode(&p.names, ast.Name{Id: p.ident(t), Ctx: ctx, Span: mkSpan(t.Start, t.End)})
	p.next()
	return n
}

// parseStarExpressions: star_expressions (a tuple without parentheses when there are commas).
func (p *parser) parseStarExpressions() ast.Expr {
	start := p.tok().Start
	e := p.parseStarExpression()
	if p.kind != token.COMMA {
		return e
	}
	mark := len(p.exprStack)
	p.exprStack = append(p.exprStack, e)
	for p.got(token.COMMA) {
		if !startsExpr(p.kind) && p.kind != token.STAR {
			break
		}
		x := p.parseStarExpression()
		p.exprStack = append(p.exprStack, x)
	}
	return newNode(&p.tuples, ast.Tuple{Elts: p.exprsFrom(mark), Ctx: ast.Load, Span: mkSpan(start, p.prevEnd)})
}

// parseStarExpression: '*' bitwise_or | expression.
func (p *parser) parseStarExpression() ast.Expr {
	if p.kind == token.STAR {
		start := p.tok().Start
		p.next()
		v := p.parseBitOr()
		return &ast.Starred{Value: v, Ctx: ast.Load, Span: mkSpan(start, p.prevEnd)}
	}
	return p.parseExpression()
}

// invalidFirstStar reports invalid_starred_expression for a '*' that begins a display and
// no expression follows.
func (p *parser) invalidFirstStar() {
	if p.kind == token.STAR && !startsExpr(p.peek(1)) {
		p.errorAt(p.peekTok(1), "Invalid star expression")
	}
}

// parseStarNamedExpression: '*' bitwise_or | named_expression.
func (p *parser) parseStarNamedExpression() ast.Expr {
	if p.kind == token.STAR {
		start := p.tok().Start
		p.next()
		v := p.parseBitOr()
		return &ast.Starred{Value: v, Ctx: ast.Load, Span: mkSpan(start, p.prevEnd)}
	}
	return p.parseNamedExpression()
}

// parseNamedExpression: assignment_expression | expression !':='.
func (p *parser) parseNamedExpression() ast.Expr {
	if p.kind == token.NAME && p.peek(1) == token.COLONEQUAL {
		start := p.tok().Start
		target := p.name(ast.Store)
		p.next()
		v := p.parseExpression()
		return &ast.NamedExpr{Target: target, Value: v, Span: mkSpan(start, p.prevEnd)}
	}
	start := p.pos
	e := p.parseExpression()
	switch p.kind {
	case token.COLONEQUAL:
		p.invalidWalrus(e)
	case token.EQUAL:
		p.invalidNamedAssign(e, start)
	}
	return e
}

// invalidWalrus reports invalid_named_expression's "expression ':=' expression" error for a
// target that is not a name; the current token is ':='.
func (p *parser) invalidWalrus(e ast.Expr) {
	s := p.save()
	ok := p.try(func() {
		p.next()
		p.parseExpression()
	})
	p.restore(s)
	if ok {
		p.errorNode(e, "cannot use assignment expressions with "+exprName(e))
	}
}

// invalidNamedAssign reports invalid_named_expression's errors for `e = ...` where only an
// expression may stand; it returns when none applies.
func (p *parser) invalidNamedAssign(e ast.Expr, startIdx int) {
	st := p.toks[startIdx].Kind
	s := p.save()
	var rhs ast.Expr
	ok := p.try(func() {
		p.next()
		rhs = p.parseBitOr()
	})
	if !ok || p.kind == token.EQUAL || p.kind == token.COLONEQUAL {
		p.restore(s)
		return
	}
	p.fetchedLine = max(p.fetchedLine, p.tok().Start.Line)
	p.restore(s)
	if _, isName := e.(*ast.Name); isName && st == token.NAME && p.pos == startIdx+1 {
		p.errorNodes(e, rhs, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?")
	}
	if isBitOrLevel(e) && !p.startsWithDisplay(startIdx) {
		p.errorNode(e, "cannot assign to "+exprName(e)+" here. Maybe you meant '==' instead of '='?")
	}
}

// startsWithDisplay reports whether the tokens at index i begin with a complete list, tuple,
// generator expression, True, None or False (the negative lookahead of
// invalid_named_expression).
func (p *parser) startsWithDisplay(i int) bool {
	switch p.toks[i].Kind {
	case token.TRUE, token.FALSE, token.NONE:
		return true
	case token.LSQB, token.LPAR:
	default:
		return false
	}
	s := p.save()
	defer p.restore(s)
	p.pos = i
	p.kind = p.toks[i].Kind
	var a ast.Expr
	if !p.try(func() { a = p.parseAtom() }) {
		return false
	}
	switch a.(type) {
	case *ast.List, *ast.GeneratorExp:
		return true
	case *ast.Tuple:
		return samePos(startOf(a), p.toks[i].Start)
	}
	return false
}

// isBitOrLevel reports whether e can be the result of bitwise_or (no comparison, not,
// boolean operator, conditional, lambda or named expression at its top).
func isBitOrLevel(e ast.Expr) bool {
	switch x := e.(type) {
	case *ast.Compare, *ast.BoolOp, *ast.IfExp, *ast.Lambda, *ast.NamedExpr, *ast.Yield, *ast.YieldFrom, *ast.Starred:
		return false
	case *ast.UnaryOp:
		return x.Op != ast.Not
	}
	return true
}

// parseExpression: expression (conditional expression, disjunction or lambda).
func (p *parser) parseExpression() ast.Expr {
	p.enter(1)
	defer p.leave(1)
	if p.kind == token.LAMBDA {
		return p.parseLambda()
	}
	startIdx := p.pos
	start := p.tok().Start
	e := p.parseDisjunction()
	if p.kind == token.IF {
		p.next()
		test := p.parseDisjunction()
		if p.kind != token.ELSE {
			if p.kind != token.COLON {
				p.errorNodes(e, test, "expected 'else' after 'if' expression")
			}
			p.fail(p.tok())
		}
		p.next()
		orelse := p.parseExpression()
		return &ast.IfExp{Test: test, Body: e, Orelse: orelse, Span: mkSpan(start, p.prevEnd)}
	}
	if startsExpr(p.kind) {
		p.missingComma(e, startIdx)
	}
	return e
}

// missingComma reports invalid_expression's errors for an expression followed directly by
// another one; it returns when none applies.
func (p *parser) missingComma(a ast.Expr, startIdx int) {
	t0 := p.toks[startIdx]
	// invalid_expression: !(NAME STRING | SOFT_KEYWORD) disjunction expression_without_invalid
	nameString := t0.Kind == token.NAME && startIdx+1 < len(p.toks) && (p.toks[startIdx+1].Kind == token.STRING || p.toks[startIdx+1].Kind == token.FSTRING_START)
	commaTried := !nameString && !(t0.Kind == token.NAME && isSoftKeyword(t0.Lit))
	if commaTried {
		legacyName := false
		if n, ok := a.(*ast.Name); ok && (n.Id == "print" || n.Id == "exec") && p.pos == startIdx+1 {
			legacyName = true
		}
		s := p.save()
		var b ast.Expr
		var lvl int
		var afterLine int
		ok := p.try(func() {
			b = p.parseExpressionNoInvalid()
			lvl = p.level
			afterLine = p.tok().Start.Line
		})
		p.restore(s)
		if ok && lvl > 0 && !legacyName {
			p.fetchedLine = afterLine
			p.errorNodes(a, b, "invalid syntax. Perhaps you forgot a comma?")
		}
	}
	// invalid_legacy_expression: NAME !'(' star_expressions, for print and exec; parsing
	// the star_expressions can raise errors of its own.
	n, ok := a.(*ast.Name)
	if !ok || p.pos != startIdx+1 || p.kind == token.LPAR {
		return
	}
	s := p.save()
	var b ast.Expr
	parse := func() { b = p.parseStarExpressions() }
	if commaTried {
		// CPython memoized the expressions there without its diagnoses while trying the
		// missing comma, so none can fire now
		ok = p.try(parse)
	} else {
		ok = p.trySpecific(parse)
	}
	p.restore(s)
	if ok && (n.Id == "print" || n.Id == "exec") {
		p.errorNodes(a, b, "Missing parentheses in call to '"+n.Id+"'. Did you mean "+n.Id+"(...)?")
	}
}

// parseExpressionNoInvalid parses an expression without the missing-comma diagnosis.
func (p *parser) parseExpressionNoInvalid() ast.Expr {
	if p.kind == token.LAMBDA {
		return p.parseLambda()
	}
	start := p.tok().Start
	e := p.parseDisjunction()
	if p.kind == token.IF {
		p.next()
		test := p.parseDisjunction()
		p.expect(token.ELSE)
		orelse := p.parseExpression()
		return &ast.IfExp{Test: test, Body: e, Orelse: orelse, Span: mkSpan(start, p.prevEnd)}
	}
	return e
}

// isSoftKeyword is CPython's SOFT_KEYWORD lookahead, which compares only as many characters
// as the name has: any non-empty prefix of a soft keyword ("m", "ca", "typ") matches.
func isSoftKeyword(s string) bool {
	for _, kw := range [...]string{"_", "case", "match", "type"} {
		if s != "" && len(s) <= len(kw) && kw[:len(s)] == s {
			return true
		}
	}
	return false
}

func (p *parser) parseDisjunction() ast.Expr {
	start := p.tok().Start
	e := p.parseConjunction()
	if p.kind != token.OR {
		return e
	}
	mark := len(p.exprStack)
	p.exprStack = append(p.exprStack, e)
	for p.got(token.OR) {
		x := p.parseConjunction()
		p.exprStack = append(p.exprStack, x)
	}
	return &ast.BoolOp{Op: ast.Or, Values: p.exprsFrom(mark), Span: mkSpan(start, p.prevEnd)}
}

func (p *parser) parseConjunction() ast.Expr {
	start := p.tok().Start
	e := p.parseInversion()
	if p.kind != token.AND {
		return e
	}
	mark := len(p.exprStack)
	p.exprStack = append(p.exprStack, e)
	for p.got(token.AND) {
		x := p.parseInversion()
		p.exprStack = append(p.exprStack, x)
	}
	return &ast.BoolOp{Op: ast.And, Values: p.exprsFrom(mark), Span: mkSpan(start, p.prevEnd)}
}

func (p *parser) parseInversion() ast.Expr {
	if p.kind == token.NOT {
		p.enter(1)
		defer p.leave(1)
		start := p.tok().Start
		p.next()
		operand := p.parseInversion()
		return &ast.UnaryOp{Op: ast.Not, Operand: operand, Span: mkSpan(start, p.prevEnd)}
	}
	return p.parseComparison()
}

func (p *parser) cmpOp() (ast.CmpOp, int) {
	switch p.kind {
	case token.EQEQUAL:
		return ast.Eq, 1
	case token.NOTEQUAL:
		if p.tok().Lit == "<>" { // only with barry_as_FLUFL, which compile() does not honour here
			return 0, 0
		}
		return ast.NotEq, 1
	case token.LESS:
		return ast.Lt, 1
	case token.LESSEQUAL:
		return ast.LtE, 1
	case token.GREATER:
		return ast.Gt, 1
	case token.GREATEREQUAL:
		return ast.GtE, 1
	case token.IN:
		return ast.In, 1
	case token.NOT:
		if p.peek(1) == token.IN {
			return ast.NotIn, 2
		}
		// CPython looked at the token after 'not' before giving up
		p.furthestAt(p.pos + 1)
	case token.IS:
		if p.peek(1) == token.NOT {
			return ast.IsNot, 2
		}
		return ast.Is, 1
	}
	return 0, 0
}

func (p *parser) parseComparison() ast.Expr {
	start := p.tok().Start
	e := p.parseBitOr()
	op, n := p.cmpOp()
	if n == 0 {
		return e
	}
	var ops []ast.CmpOp
	var comps []ast.Expr
	for n > 0 {
		p.next()
		if n == 2 {
			p.next()
		}
		ops = append(ops, op)
		comps = append(comps, p.parseBitOr())
		op, n = p.cmpOp()
	}
	return newNode(&p.compares, ast.Compare{Left: e, Ops: ops, Comparators: comps, Span: mkSpan(start, p.prevEnd)})
}

// binary operator precedences: | ^ & (<< >>) (+ -) (* / // % @)
func binOp(k token.Kind) (ast.Operator, int) {
	switch k {
	case token.VBAR:
		return ast.BitOr, 1
	case token.CIRCUMFLEX:
		return ast.BitXor, 2
	case token.AMPER:
		return ast.BitAnd, 3
	case token.LEFTSHIFT:
		return ast.LShift, 4
	case token.RIGHTSHIFT:
		return ast.RShift, 4
	case token.PLUS:
		return ast.Add, 5
	case token.MINUS:
		return ast.Sub, 5
	case token.STAR:
		return ast.Mult, 6
	case token.SLASH:
		return ast.Div, 6
	case token.DOUBLESLASH:
		return ast.FloorDiv, 6
	case token.PERCENT:
		return ast.Mod, 6
	case token.AT:
		return ast.MatMult, 6
	}
	return 0, 0
}

func (p *parser) parseBitOr() ast.Expr {
	return p.parseBinary(1)
}

func (p *parser) parseBinary(minPrec int) ast.Expr {
	start := p.tok().Start
	left := p.parseFactor()
	for n := p.depth; ; n++ {
		if n > p.maxChain {
			p.maxChain = n
		}
		op, prec := binOp(p.kind)
		if prec < minPrec || prec == 0 {
			return left
		}
		if k := p.peek(1); !startsFactor(k) && !(k == token.NOT && prec >= 5) {
			// CPython's left-recursive rule backtracks to the left operand, having
			// read the token after the operator
			p.furthestAt(p.pos + 1)
			return left
		}
		p.next()
		if p.kind == token.NOT && prec >= 5 {
			nt := p.tok()
			p.next()
			x := p.parseInversion()
			p.errorRange("SyntaxError", nt.Start, endOf(x), "'not' after an operator must be parenthesized")
		}
		right := p.parseBinary(prec + 1)
		left = newNode(&p.binops, ast.BinOp{Left: left, Op: op, Right: right, Span: mkSpan(start, p.prevEnd)})
	}
}

func (p *parser) parseFactor() ast.Expr {
	var op ast.UnaryOpKind
	switch p.kind {
	case token.PLUS:
		op = ast.UAdd
	case token.MINUS:
		op = ast.USub
	case token.TILDE:
		op = ast.Invert
	default:
		return p.parsePower()
	}
	p.enter(1)
	defer p.leave(1)
	start := p.tok().Start
	p.next()
	if p.kind == token.NOT {
		nt := p.tok()
		p.next()
		x := p.parseFactor()
		p.errorRange("SyntaxError", nt.Start, endOf(x), "'not' after an operator must be parenthesized")
	}
	operand := p.parseFactor()
	return &ast.UnaryOp{Op: op, Operand: operand, Span: mkSpan(start, p.prevEnd)}
}

func (p *parser) parsePower() ast.Expr {
	start := p.tok().Start
	var e ast.Expr
	if p.kind == token.AWAIT {
		p.next()
		v := p.parsePrimary()
		e = &ast.Await{Value: v, Span: mkSpan(start, p.prevEnd)}
	} else {
		e = p.parsePrimary()
	}
	if p.kind == token.DOUBLESTAR {
		p.enter(2)
		defer p.leave(2)
		p.next()
		right := p.parseFactor()
		return &ast.BinOp{Left: e, Op: ast.Pow, Right: right, Span: mkSpan(start, p.prevEnd)}
	}
	return e
}

func (p *parser) parsePrimary() ast.Expr {
	start := p.tok().Start
	e := p.parseAtom()
	return p.parseTrailers(e, start)
}

func (p *parser) parseTrailers(e ast.Expr, start token.Pos) ast.Expr {
	for n := p.depth; ; n++ {
		if n > p.maxChain {
			p.maxChain = n
		}
		switch p.kind {
		case token.DOT:
			if p.peek(1) != token.NAME {
				// CPython backtracks to the primary before the '.', having read past it
				p.furthestAt(p.pos + 1)
				return e
			}
			p.next()
			t := p.tok()
			p.next()
			e = newNode(&p.attrs, ast.Attribute{Value: e, Attr: p.ident(t), Ctx: ast.Load, Span: mkSpan(start, p.prevEnd)})
		case token.LPAR, token.LSQB:
			x, ok := p.parseBracketTrailer(e, start)
			if !ok {
				// CPython's left-recursive primary backtracks to the shorter primary
				return e
			}
			e = x
		default:
			return e
		}
	}
}

// parseBracketTrailer parses a call or subscript of e. A generic syntax error inside makes it
// report false, with the parser back at the bracket (and the error's place recorded as the
// furthest read); specific errors propagate.
func (p *parser) parseBracketTrailer(e ast.Expr, start token.Pos) (x ast.Expr, ok bool) {
	s := p.save()
	ne, ns, nk := len(p.exprStack), len(p.stmtStack), len(p.kwStack)
	depth := p.depth
	defer func() {
		if r := recover(); r != nil {
			if _, isB := r.(bailout); !isB || p.err == nil || p.err.Msg != "invalid syntax" {
				panic(r)
			}
			p.furthestAt(p.pos)
			p.restore(s)
			p.depth = depth
			p.exprStack, p.stmtStack, p.kwStack = p.exprStack[:ne], p.stmtStack[:ns], p.kwStack[:nk]
			x, ok = e, false
		}
	}()
	if p.kind == token.LPAR {
		return p.parseCall(e, start), true
	}
	p.next()
	sl := p.parseSlices()
	p.expectClose(token.RSQB)
	return newNode(&p.subs, ast.Subscript{Value: e, Slice: sl, Ctx: ast.Load, Span: mkSpan(start, p.prevEnd)}), true
}

// expectClose expects a closing bracket.
func (p *parser) expectClose(k token.Kind) {
	if p.kind != k {
		p.fail(p.tok())
	}
	p.next()
}

// parseSlices: slices (inside '[' ']').
func (p *parser) parseSlices() ast.Expr {
	start := p.tok().Start
	var first ast.Expr
	if p.kind == token.STAR {
		first = p.parseStarredExpression()
	} else {
		first = p.parseSlice()
		if p.kind != token.COMMA {
			return first
		}
	}
	elts := []ast.Expr{first}
	for p.got(token.COMMA) {
		if p.kind == token.RSQB {
			break
		}
		if p.kind == token.STAR {
			elts = append(elts, p.parseStarredExpression())
		} else {
			elts = append(elts, p.parseSlice())
		}
	}
	return &ast.Tuple{Elts: elts, Ctx: ast.Load, Span: mkSpan(start, p.prevEnd)}
}

// parseStarredExpression: '*' expression.
func (p *parser) parseStarredExpression() ast.Expr {
	start := p.tok().Start
	p.next()
	if !startsExpr(p.kind) {
		p.errorAt(p.tok(), "Invalid star expression")
	}
	v := p.parseExpression()
	return &ast.Starred{Value: v, Ctx: ast.Load, Span: mkSpan(start, p.prevEnd)}
}

func (p *parser) parseSlice() ast.Expr {
	start := p.tok().Start
	var lower, upper, step ast.Expr
	if p.kind != token.COLON {
		if p.kind == token.NAME && p.peek(1) == token.COLONEQUAL {
			return p.parseNamedExpression()
		}
		lower = p.parseNamedExpressionOrExpr()
		if p.kind != token.COLON {
			return lower
		}
	}
	p.next() // ':'
	if p.kind != token.COLON && p.kind != token.COMMA && p.kind != token.RSQB {
		upper = p.parseExpression()
	}
	if p.got(token.COLON) {
		if p.kind != token.COMMA && p.kind != token.RSQB {
			step = p.parseExpression()
		}
	}
	return &ast.Slice{Lower: lower, Upper: upper, Step: step, Span: mkSpan(start, p.prevEnd)}
}

// parseNamedExpressionOrExpr parses an expression that may be followed by ':' (a slice's
// lower bound) or be a named expression.
func (p *parser) parseNamedExpressionOrExpr() ast.Expr {
	startIdx := p.pos
	e := p.parseExpression()
	switch p.kind {
	case token.COLONEQUAL:
		p.invalidWalrus(e)
	case token.EQUAL:
		p.invalidNamedAssign(e, startIdx)
	}
	return e
}

func (p *parser) parseAtom() ast.Expr {
	t := p.tok()
	switch t.Kind {
	case token.NAME:
		n := newNode(&p.names, ast.Name{Id: p.ident(t), Ctx: ast.Load, Span: mkSpan(t.Start, t.End)})
		p.next()
		return n
	case token.NUMBER:
		v, err := literal.Number(t.Lit)
		if err != nil {
			p.literalError(t, err)
		}
		p.next()
		return newNode(&p.consts, ast.Constant{Value: v, Span: mkSpan(t.Start, t.End)})
	case token.STRING, token.FSTRING_START:
		return p.parseStrings()
	case token.TRUE, token.FALSE, token.NONE, token.ELLIPSIS:
		var v ast.Value
		switch t.Kind {
		case token.TRUE:
			v = ast.Bool(true)
		case token.FALSE:
			v = ast.Bool(false)
		case token.NONE:
			v = ast.None
		default:
			v = ast.Ellipsis
		}
		p.next()
		return &ast.Constant{Value: v, Span: mkSpan(t.Start, t.End)}
	case token.LPAR:
		return p.parseParen()
	case token.LSQB:
		return p.parseList()
	case token.LBRACE:
		return p.parseBrace()
	}
	p.fail(t)
	return nil
}

func (p *parser) parseParen() ast.Expr {
	p.enter(17)
	defer p.leave(17)
	open := p.tok()
	start := open.Start
	p.next()
	switch p.kind {
	case token.RPAR:
		p.next()
		return &ast.Tuple{Ctx: ast.Load, Span: mkSpan(start, p.prevEnd)}
	case token.YIELD:
		e := p.parseYield()
		p.expectClose(token.RPAR)
		return e
	case token.DOUBLESTAR:
		st := p.tok()
		p.next()
		p.parseExpression()
		if p.atForQuiet() {
			p.fail(st)
		}
		if p.kind == token.RPAR {
			p.errorAt(st, "cannot use double starred expression here")
		}
		p.fail(p.tok())
	}
	p.invalidFirstStar()
	first := p.parseStarNamedExpression()
	if p.atFor() {
		if _, ok := first.(*ast.Starred); ok {
			p.fail(p.tok())
		}
		gens := p.parseComprehensions()
		p.expectClose(token.RPAR)
		return &ast.GeneratorExp{Elt: first, Generators: gens, Span: mkSpan(start, p.prevEnd)}
	}
	switch p.kind {
	case token.RPAR:
		if st, ok := first.(*ast.Starred); ok {
			p.errorNode(st, "cannot use starred expression here")
		}
		p.next()
		return first
	case token.COMMA:
		mark := len(p.exprStack)
		p.exprStack = append(p.exprStack, first)
		for p.got(token.COMMA) {
			if p.kind == token.RPAR {
				break
			}
			x := p.parseStarNamedExpression()
			p.exprStack = append(p.exprStack, x)
		}
		p.expectClose(token.RPAR)
		return newNode(&p.tuples, ast.Tuple{Elts: p.exprsFrom(mark), Ctx: ast.Load, Span: mkSpan(start, p.prevEnd)})
	}
	p.fail(p.tok())
	return nil
}

func (p *parser) parseList() ast.Expr {
	p.enter(17)
	defer p.leave(17)
	start := p.tok().Start
	p.next()
	if p.kind == token.RSQB {
		p.next()
		return &ast.List{Ctx: ast.Load, Span: mkSpan(start, p.prevEnd)}
	}
	if p.kind == token.DOUBLESTAR {
		p.fail(p.tok())
	}
	p.invalidFirstStar()
	first := p.parseStarNamedExpression()
	if p.atFor() {
		if _, ok := first.(*ast.Starred); ok {
			p.errorNode(first, "iterable unpacking cannot be used in comprehension")
		}
		gens := p.parseComprehensions()
		p.expectClose(token.RSQB)
		return &ast.ListComp{Elt: first, Generators: gens, Span: mkSpan(start, p.prevEnd)}
	}
	elts := p.parseDisplayRest(first, token.RSQB)
	return &ast.List{Elts: elts, Ctx: ast.Load, Span: mkSpan(start, p.prevEnd)}
}

// parseDisplayRest parses the elements after the first of a list or set display up to and
// including the closing bracket, reporting a comprehension whose target lacks parentheses
// (`[a, b for ...]`) as CPython does.
func (p *parser) parseDisplayRest(first ast.Expr, closing token.Kind) []ast.Expr {
	mark := len(p.exprStack)
	p.exprStack = append(p.exprStack, first)
	for p.got(token.COMMA) {
		if p.atForQuiet() {
			if len(p.exprStack)-mark == 1 {
				p.errorRange("SyntaxError", startOf(first), p.toks[p.pos-1].End, "did you forget parentheses around the comprehension target?")
			}
			p.errorNodes(first, p.exprStack[len(p.exprStack)-1], "did you forget parentheses around the comprehension target?")
		}
		if p.kind == closing {
			break
		}
		x := p.parseStarNamedExpression()
		p.exprStack = append(p.exprStack, x)
		if p.atForQuiet() {
			p.errorNodes(first, x, "did you forget parentheses around the comprehension target?")
		}
	}
	p.expectClose(closing)
	return p.exprsFrom(mark)
}

func (p *parser) parseBrace() ast.Expr {
	p.enter(17)
	defer p.leave(17)
	start := p.tok().Start
	p.next()
	if p.kind == token.RBRACE {
		p.next()
		return &ast.Dict{Span: mkSpan(start, p.prevEnd)}
	}
	if p.kind == token.DOUBLESTAR {
		st := p.tok()
		s := p.save()
		p.next()
		if p.try(func() { p.parseBitOr() }) && p.atForQuiet() {
			p.errorAt(st, "dict unpacking cannot be used in dict comprehension")
		}
		p.restore(s)
		return p.parseDictRest(start, nil, nil)
	}
	firstStart := p.tok().Start
	p.invalidFirstStar()
	first := p.parseStarNamedExpression()
	if p.kind == token.COLON {
		if _, ok := first.(*ast.Starred); ok {
			p.fail(p.tok())
		}
		if _, ok := first.(*ast.NamedExpr); ok && samePos(startOf(first), firstStart) {
			p.fail(p.tok())
		}
		colon := p.tok()
		p.next()
		if p.kind == token.RBRACE || p.kind == token.COMMA {
			p.errorAt(colon, "expression expected after dictionary key and ':'")
		}
		if p.kind == token.STAR {
			st := p.tok()
			p.next()
			x := p.parseBitOr()
			p.errorRange("SyntaxError", st.Start, endOf(x), "cannot use a starred expression in a dictionary value")
		}
		value := p.parseExpression()
		if p.atFor() {
			gens := p.parseComprehensions()
			p.expectClose(token.RBRACE)
			return &ast.DictComp{Key: first, Value: value, Generators: gens, Span: mkSpan(start, p.prevEnd)}
		}
		return p.parseDictRest(start, []ast.Expr{first}, []ast.Expr{value})
	}
	if p.atFor() {
		if _, ok := first.(*ast.Starred); ok {
			p.errorNode(first, "iterable unpacking cannot be used in comprehension")
		}
		gens := p.parseComprehensions()
		p.expectClose(token.RBRACE)
		return &ast.SetComp{Elt: first, Generators: gens, Span: mkSpan(start, p.prevEnd)}
	}
	elts := p.parseDisplayRest(first, token.RBRACE)
	return &ast.Set{Elts: elts, Span: mkSpan(start, p.prevEnd)}
}

// parseDictRest parses the remaining key/value pairs of a dict display; the current token
// is '**' or a ',' after the given pairs.
func (p *parser) parseDictRest(start token.Pos, keys, values []ast.Expr) ast.Expr {
	if len(keys) == 0 {
		// at '**'
		k, v := p.parseKVPair()
		keys = append(keys, k)
		values = append(values, v)
	}
	for p.got(token.COMMA) {
		if p.kind == token.RBRACE {
			break
		}
		k, v := p.parseKVPair()
		keys = append(keys, k)
		values = append(values, v)
	}
	if p.kind != token.RBRACE {
		if len(keys) > 0 && keys[len(keys)-1] == nil && p.atForQuiet() {
			p.fail(p.tok())
		}
	}
	p.expectClose(token.RBRACE)
	return &ast.Dict{Keys: keys, Values: values, Span: mkSpan(start, p.prevEnd)}
}

func (p *parser) parseKVPair() (ast.Expr, ast.Expr) {
	if p.kind == token.DOUBLESTAR {
		p.next()
		v := p.parseBitOr()
		return nil, v
	}
	if p.kind == token.STAR {
		p.fail(p.tok())
	}
	k := p.parseExpressionNoInvalid()
	if p.kind != token.COLON {
		// CPython reports the key's start line with its end column
		s := spanOf(k)
		pos := token.Pos{Line: s.Lineno, Col: s.EndColOffset - 1}
		p.errorRange("SyntaxError", pos, pos, "':' expected after dictionary key")
	}
	colon := p.tok()
	p.next()
	if p.kind == token.RBRACE || p.kind == token.COMMA {
		p.errorAt(colon, "expression expected after dictionary key and ':'")
	}
	if p.kind == token.STAR {
		st := p.tok()
		p.next()
		x := p.parseBitOr()
		p.errorRange("SyntaxError", st.Start, endOf(x), "cannot use a starred expression in a dictionary value")
	}
	v := p.parseExpression()
	return k, v
}

// parseComprehensions: for_if_clauses.
func (p *parser) parseComprehensions() []*ast.Comprehension {
	var gens []*ast.Comprehension
	for {
		isAsync := 0
		if p.kind == token.ASYNC {
			if p.peek(1) != token.FOR {
				p.fail(p.peekTok(1))
			}
			isAsync = 1
			p.next()
		} else if p.kind != token.FOR {
			return gens
		}
		p.next()
		target := p.parseForTarget(true)
		p.next() // 'in'

		iter := p.parseDisjunction()
		var ifs []ast.Expr
		for p.kind == token.IF {
			p.next()
			ifs = append(ifs, p.parseDisjunction())
		}
		gens = append(gens, &ast.Comprehension{Target: target, Iter: iter, Ifs: ifs, IsAsync: isAsync})
	}
}

// parseYield: yield_expr.
func (p *parser) parseYield() ast.Expr {
	start := p.tok().Start
	p.next()
	if p.got(token.FROM) {
		v := p.parseExpression()
		return &ast.YieldFrom{Value: v, Span: mkSpan(start, p.prevEnd)}
	}
	var v ast.Expr
	if startsExpr(p.kind) || p.kind == token.STAR {
		v = p.parseStarExpressions()
	}
	return &ast.Yield{Value: v, Span: mkSpan(start, p.prevEnd)}
}

func (p *parser) literalError(t *token.Token, err *literal.Error) {
	p.errorRange("SyntaxError", t.Start, t.End, err.Msg)
}
