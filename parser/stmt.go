package parser

import (
	"strconv"
	"strings"

	"github.com/covetpy/covetgen/parser/ast"
	"github.com/covetpy/covetgen/parser/token"
)

// parseStatement parses one statement (a compound statement, or a line of simple
// statements) and appends it to list.
func (p *parser) parseStatement(list []ast.Stmt) []ast.Stmt {
	switch p.kind {
	case token.DEF:
		return append(list, p.parseFuncDef(nil))
	case token.AT:
		return append(list, p.parseDecorated())
	case token.ASYNC:
		switch p.peek(1) {
		case token.DEF:
			return append(list, p.parseFuncDef(nil))
		case token.WITH:
			return append(list, p.parseWith())
		case token.FOR:
			return append(list, p.parseFor())
		}
		p.fail(p.peekTok(1))
	case token.IF:
		return append(list, p.parseIf())
	case token.CLASS:
		return append(list, p.parseClassDef(nil))
	case token.WITH:
		return append(list, p.parseWith())
	case token.FOR:
		return append(list, p.parseFor())
	case token.TRY:
		return append(list, p.parseTry())
	case token.WHILE:
		return append(list, p.parseWhile())
	case token.NAME:
		if p.tok().Lit == "match" {
			if s := p.tryMatch(); s != nil {
				return append(list, s)
			}
		}
	case token.INDENT:
		p.fail(p.tok())
	}
	return p.parseSimpleStmts(list)
}

// parseSimpleStmts: simple_stmt (';' simple_stmt)* [';'] NEWLINE.
func (p *parser) parseSimpleStmts(list []ast.Stmt) []ast.Stmt {
	for {
		list = append(list, p.parseSimpleStmt())
		if p.kind == token.SEMI {
			p.next()
			if p.kind == token.NEWLINE {
				break
			}
			continue
		}
		break
	}
	if p.kind != token.NEWLINE {
		p.simpleStmtEndError()
	}
	p.next()
	return list
}

// simpleStmtEndError reports the error for a simple statement followed by something other
// than ';' or NEWLINE.
func (p *parser) simpleStmtEndError() {
	p.fail(p.tok())
}

func (p *parser) parseSimpleStmt() ast.Stmt {
	t := p.tok()
	start := t.Start
	switch t.Kind {
	case token.PASS:
		p.next()
		return &ast.Pass{Span: mkSpan(start, p.prevEnd)}
	case token.BREAK:
		p.next()
		return &ast.Break{Span: mkSpan(start, p.prevEnd)}
	case token.CONTINUE:
		p.next()
		return &ast.Continue{Span: mkSpan(start, p.prevEnd)}
	case token.RETURN:
		p.next()
		var v ast.Expr
		if startsExpr(p.kind) || p.kind == token.STAR {
			v = p.parseStarExpressions()
		}
		return &ast.Return{Value: v, Span: mkSpan(start, p.prevEnd)}
	case token.RAISE:
		return p.parseRaise()
	case token.GLOBAL, token.NONLOCAL:
		p.next()
		var names []string
		for {
			n := p.tok()
			if n.Kind != token.NAME {
				p.fail(n)
			}
			names = append(names, p.ident(n))
			p.next()
			if !p.got(token.COMMA) {
				break
			}
		}
		if t.Kind == token.GLOBAL {
			return &ast.Global{Names: names, Span: mkSpan(start, p.prevEnd)}
		}
		return &ast.Nonlocal{Names: names, Span: mkSpan(start, p.prevEnd)}
	case token.DEL:
		return p.parseDel()
	case token.ASSERT:
		return p.parseAssert()
	case token.IMPORT:
		return p.parseImport()
	case token.FROM:
		return p.parseFromImport()
	case token.NAME:
		if t.Lit == "type" && p.peek(1) == token.NAME {
			return p.parseTypeAlias()
		}
	}
	return p.parseExprStmt()
}

func (p *parser) parseRaise() ast.Stmt {
	rt := p.tok()
	start := rt.Start
	p.next()
	var exc, cause ast.Expr
	if startsExpr(p.kind) {
		exc = p.parseExpression()
		if p.got(token.FROM) {
			cause = p.parseExpression()
		}
	}
	return &ast.Raise{Exc: exc, Cause: cause, Span: mkSpan(start, p.prevEnd)}
}

func (p *parser) parseDel() ast.Stmt {
	start := p.tok().Start
	p.next()
	first := p.pos
	var targets []ast.Expr
	for {
		if !startsExpr(p.kind) && p.kind != token.STAR {
			break
		}
		targets = append(targets, p.parseDelTarget())
		if !p.got(token.COMMA) {
			break
		}
	}
	if len(targets) == 0 || (p.kind != token.SEMI && p.kind != token.NEWLINE) {
		// invalid_del_stmt: 'del' star_expressions
		s := p.save()
		var e ast.Expr
		ok := p.try(func() {
			p.restore(state{pos: first, level: p.level, prevEnd: p.prevEnd})
			e = p.parseStarExpressions()
		})
		if ok {
			if bad := invalidTarget(e, delTargets); bad != nil {
				p.errorNode(bad, "cannot delete "+exprName(bad))
			}
		}
		p.restore(s)
		p.fail(p.tok())
	}
	for _, t := range targets {
		p.checkTarget(t, delTargets)
	}
	return &ast.Delete{Targets: targets, Span: mkSpan(start, p.prevEnd)}
}

func (p *parser) parseDelTarget() ast.Expr {
	if p.kind == token.STAR {
		start := p.tok().Start
		p.next()
		v := p.parseBitOr()
		e := &ast.Starred{Value: v, Ctx: ast.Load, Span: mkSpan(start, p.prevEnd)}
		p.errorNode(e, "cannot delete starred")
	}
	return p.parsePrimary()
}

func (p *parser) parseAssert() ast.Stmt {
	start := p.tok().Start
	p.next()
	test := p.parseAssertExpr()
	var msg ast.Expr
	if p.got(token.COMMA) {
		msg = p.parseAssertExpr()
	}
	return &ast.Assert{Test: test, Msg: msg, Span: mkSpan(start, p.prevEnd)}
}

func (p *parser) parseAssertExpr() ast.Expr {
	return p.parseExpression()
}

// parseDottedName: NAME ('.' NAME)*, joined with dots.
func (p *parser) parseDottedName() string {
	t := p.tok()
	if t.Kind != token.NAME {
		p.fail(t)
	}
	name := p.ident(t)
	p.next()
	if p.kind != token.DOT {
		return name
	}
	var b strings.Builder
	b.WriteString(name)
	for p.kind == token.DOT {
		p.next()
		t := p.tok()
		if t.Kind != token.NAME {
			p.fail(t)
		}
		b.WriteByte('.')
		b.WriteString(p.ident(t))
		p.next()
	}
	return b.String()
}

func (p *parser) parseImport() ast.Stmt {
	it := p.tok()
	start := it.Start
	p.next()
	if p.kind == token.NEWLINE {
		p.errorAt(p.tok(), "Expected one or more names after 'import'")
	}
	var names []*ast.Alias
	for {
		as := p.tok().Start
		name := p.parseDottedName()
		a := &ast.Alias{Name: name}
		if p.got(token.AS) {
			a.Asname = p.importAsName()
		}
		a.Span = mkSpan(as, p.prevEnd)
		names = append(names, a)
		if !p.got(token.COMMA) {
			break
		}
	}
	if p.kind == token.FROM {
		// invalid_import: 'import' dotted_name+ 'from' dotted_name
		s := p.save()
		p.next()
		if p.kind == token.NAME {
			p.errorRange("SyntaxError", it.Start, p.tok().End, "Did you mean to use 'from ... import ...' instead?")
		}
		p.restore(s)
	}
	return &ast.Import{Names: names, Span: mkSpan(start, p.prevEnd)}
}

// importAsName parses the NAME after 'as' in an import, with invalid_import_from_as_name's
// error for other targets.
func (p *parser) importAsName() *string {
	t := p.tok()
	if t.Kind == token.NAME {
		s := p.ident(t)
		p.next()
		return &s
	}
	p.fail(t)
	return nil
}

func (p *parser) parseFromImport() ast.Stmt {
	start := p.tok().Start
	p.next()
	level := 0
	for p.kind == token.DOT || p.kind == token.ELLIPSIS {
		if p.kind == token.DOT {
			level++
		} else {
			level += 3
		}
		p.next()
	}
	var module *string
	if p.kind == token.NAME {
		m := p.parseDottedName()
		module = &m
	} else if level == 0 {
		p.fail(p.tok())
	}
	if p.kind != token.IMPORT {
		p.fail(p.tok())
	}
	p.next()
	var names []*ast.Alias
	switch p.kind {
	case token.STAR:
		t := p.tok()
		p.next()
		names = []*ast.Alias{{Name: "*", Span: mkSpan(t.Start, t.End)}}
	case token.LPAR:
		p.next()
		names = p.parseImportAsNames(true)
		p.expectClose(token.RPAR)
	case token.NEWLINE:
		p.errorAt(p.tok(), "Expected one or more names after 'import'")
	default:
		names = p.parseImportAsNames(false)
	}
	return &ast.ImportFrom{Module: module, Names: names, Level: level, Span: mkSpan(start, p.prevEnd)}
}

func (p *parser) parseImportAsNames(paren bool) []*ast.Alias {
	var names []*ast.Alias
	for {
		t := p.tok()
		if t.Kind != token.NAME {
			p.fail(t)
		}
		p.next()
		a := &ast.Alias{Name: p.ident(t)}
		if p.got(token.AS) {
			a.Asname = p.importAsName()
		}
		a.Span = mkSpan(t.Start, p.prevEnd)
		names = append(names, a)
		if p.kind != token.COMMA {
			break
		}
		p.next()
		if paren && p.kind == token.RPAR {
			break
		}
		if !paren && p.kind == token.NEWLINE {
			p.errorAt(p.tok(), "trailing comma not allowed without surrounding parentheses")
		}
	}
	return names
}

// parseTypeAlias: "type" NAME [type_params] '=' expression.
func (p *parser) parseTypeAlias() ast.Stmt {
	start := p.tok().Start
	p.next()
	name := p.name(ast.Store)
	var tps []ast.TypeParam
	if p.kind == token.LSQB {
		tps = p.parseTypeParams()
	}
	p.expect(token.EQUAL)
	v := p.parseExpression()
	return &ast.TypeAlias{Name: name, TypeParams: tps, Value: v, Span: mkSpan(start, p.prevEnd)}
}

// parseTypeParams: '[' type_param (',' type_param)* [','] ']'.
func (p *parser) parseTypeParams() []ast.TypeParam {
	p.next()
	if p.kind == token.RSQB {
		p.errorAt(p.tok(), "Type parameter list cannot be empty")
	}
	var tps []ast.TypeParam
	for {
		t := p.tok()
		switch t.Kind {
		case token.NAME:
			p.next()
			tv := &ast.TypeVar{Name: p.ident(t)}
			if p.got(token.COLON) {
				tv.Bound = p.parseExpression()
			}
			if p.got(token.EQUAL) {
				tv.DefaultValue = p.parseExpression()
			}
			tv.Span = mkSpan(t.Start, p.prevEnd)
			tps = append(tps, tv)
		case token.STAR, token.DOUBLESTAR:
			p.next()
			n := p.tok()
			if n.Kind != token.NAME {
				p.fail(n)
			}
			p.next()
			if p.kind == token.COLON {
				colon := p.tok()
				p.next()
				e := p.parseExpression()
				what := "bound"
				if _, ok := e.(*ast.Tuple); ok {
					what = "constraints"
				}
				kind := "TypeVarTuple"
				if t.Kind == token.DOUBLESTAR {
					kind = "ParamSpec"
				}
				p.errorRange("SyntaxError", colon.Start, endOf(e), "cannot use "+what+" with "+kind)
			}
			var def ast.Expr
			if p.got(token.EQUAL) {
				if t.Kind == token.STAR {
					def = p.parseStarExpression()
				} else {
					def = p.parseExpression()
				}
			}
			if t.Kind == token.STAR {
				tps = append(tps, &ast.TypeVarTuple{Name: p.ident(n), DefaultValue: def, Span: mkSpan(t.Start, p.prevEnd)})
			} else {
				tps = append(tps, &ast.ParamSpec{Name: p.ident(n), DefaultValue: def, Span: mkSpan(t.Start, p.prevEnd)})
			}
		default:
			p.fail(t)
		}
		if !p.got(token.COMMA) || p.kind == token.RSQB {
			break
		}
	}
	p.expectClose(token.RSQB)
	return tps
}

// parseExprStmt parses an expression statement, an assignment, an annotated assignment or
// an augmented assignment.
func (p *parser) parseExprStmt() ast.Stmt {
	startIdx := p.pos
	start := p.tok().Start
	var e ast.Expr
	if p.kind == token.YIELD {
		e = p.parseYield()
	} else {
		if !startsExpr(p.kind) && p.kind != token.STAR {
			p.fail(p.tok())
		}
		e = p.parseStarExpressions()
	}
	switch p.kind {
	case token.NEWLINE, token.SEMI:
		return newNode(&p.exprStmts, ast.ExprStmt{Value: e, Span: mkSpan(start, p.prevEnd)})
	case token.COLONEQUAL:
		// invalid_named_expression: expression ':=' expression, for a target that is not a
		// bare name (a bare name parses as a named expression, and the error is generic)
		_, isTuple := e.(*ast.Tuple)
		if _, isName := e.(*ast.Name); !isTuple && !(isName && p.pos == startIdx+1) {
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
	case token.EQUAL:
		return p.parseAssign(e, start, startIdx)
	case token.COLON:
		return p.parseAnnAssign(e, start, startIdx)
	}
	if op, ok := augOp(p.kind); ok {
		switch e.(type) {
		case *ast.Name, *ast.Attribute, *ast.Subscript:
		default:
			p.errorNode(e, "'"+exprName(e)+"' is an illegal expression for augmented assignment")
		}
		setContext(e, ast.Store)
		p.next()
		var v ast.Expr
		if p.kind == token.YIELD {
			v = p.parseYield()
		} else {
			v = p.parseStarExpressions()
		}
		return &ast.AugAssign{Target: e, Op: op, Value: v, Span: mkSpan(start, p.prevEnd)}
	}
	p.simpleStmtEndError()
	return nil
}

func augOp(k token.Kind) (ast.Operator, bool) {
	switch k {
	case token.PLUSEQUAL:
		return ast.Add, true
	case token.MINEQUAL:
		return ast.Sub, true
	case token.STAREQUAL:
		return ast.Mult, true
	case token.ATEQUAL:
		return ast.MatMult, true
	case token.SLASHEQUAL:
		return ast.Div, true
	case token.PERCENTEQUAL:
		return ast.Mod, true
	case token.AMPEREQUAL:
		return ast.BitAnd, true
	case token.VBAREQUAL:
		return ast.BitOr, true
	case token.CIRCUMFLEXEQUAL:
		return ast.BitXor, true
	case token.LEFTSHIFTEQUAL:
		return ast.LShift, true
	case token.RIGHTSHIFTEQUAL:
		return ast.RShift, true
	case token.DOUBLESTAREQUAL:
		return ast.Pow, true
	case token.DOUBLESLASHEQUAL:
		return ast.FloorDiv, true
	}
	return 0, false
}

func (p *parser) parseAssign(first ast.Expr, start token.Pos, startIdx int) ast.Stmt {
	targets := p.exprList(1)
	targets[0] = first
	eqIdx := p.pos
	for {
		p.next() // '='
		var v ast.Expr
		if p.kind == token.YIELD {
			v = p.parseYield()
		} else {
			if !startsExpr(p.kind) && p.kind != token.STAR {
				// invalid_assignment: (star_targets '=')* a=star_expressions '='
				for _, t := range targets {
					p.checkAssignTarget(t)
				}
				p.fail(p.tok())
			}
			v = p.parseStarExpressions()
		}
		if p.kind != token.EQUAL {
			if invalidTarget(first, starTargets) != nil {
				p.invalidFirstTarget(first, startIdx, eqIdx)
			}
			for _, t := range targets {
				p.checkAssignTarget(t)
			}
			return newNode(&p.assigns, ast.Assign{Targets: targets, Value: v, Span: mkSpan(start, p.prevEnd)})
		}
		targets = append(targets, v)
	}
}

// checkAssignTarget reports an invalid assignment target, and otherwise sets its context.
func (p *parser) checkAssignTarget(t ast.Expr) {
	if bad := invalidTarget(t, starTargets); bad != nil {
		switch t.(type) {
		case *ast.Yield, *ast.YieldFrom:
			p.errorNode(t, "assignment to yield expression not possible")
		}
		p.errorNode(bad, "cannot assign to "+exprName(bad))
	}
	setContext(t, ast.Store)
}

// invalidFirstTarget reports invalid_named_expression's errors, which CPython reaches
// through invalid_assignment when the first target of an assignment is invalid: the last
// element of that target, followed by '=' and a bitwise_or not followed by '=' or ':='.
func (p *parser) invalidFirstTarget(first ast.Expr, startIdx, eqIdx int) {
	last := first
	lastIdx := startIdx
	if tup, ok := first.(*ast.Tuple); ok && samePos(startOf(first), p.toks[startIdx].Start) && p.toks[startIdx].Kind != token.LPAR {
		last = tup.Elts[len(tup.Elts)-1]
		depth := 0
		for i := startIdx; i < eqIdx; i++ {
			switch p.toks[i].Kind {
			case token.LPAR, token.LSQB, token.LBRACE:
				depth++
			case token.RPAR, token.RSQB, token.RBRACE:
				depth--
			case token.COMMA:
				if depth == 0 && i+1 < eqIdx {
					lastIdx = i + 1
				}
			}
		}
	}
	if _, ok := last.(*ast.Starred); ok {
		return
	}
	if p.toks[lastIdx].Kind == token.STAR {
		return
	}
	// the right-hand side: a bitwise_or not followed by '=' or ':='
	s := p.save()
	var rhs ast.Expr
	ok := p.try(func() {
		p.pos = eqIdx + 1
		p.kind = p.toks[p.pos].Kind
		rhs = p.parseBitOr()
	})
	after := p.kind
	p.restore(s)
	if !ok || after == token.EQUAL || after == token.COLONEQUAL {
		return
	}
	if _, isName := last.(*ast.Name); isName && lastIdx+1 == eqIdx && p.toks[lastIdx].Kind == token.NAME {
		p.errorNodes(last, rhs, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?")
	}
	if !isBitOrLevel(last) || p.startsWithDisplay(lastIdx) {
		return
	}
	p.errorNode(last, "cannot assign to "+exprName(last)+" here. Maybe you meant '==' instead of '='?")
}

func (p *parser) parseAnnAssign(target ast.Expr, start token.Pos, startIdx int) ast.Stmt {
	simple := 0
	switch target.(type) {
	case *ast.Name, *ast.Attribute, *ast.Subscript:
	default:
		// the invalid_assignment messages need an expression after ':'
		colon := p.tok()
		s := p.save()
		furthest := p.furthest
		ok := p.try(func() {
			p.next()
			p.parseExpression()
		})
		p.restore(s)
		p.furthest = furthest
		if !ok {
			p.fail(colon)
		}
	}
	switch t := target.(type) {
	case *ast.Name:
		if p.pos == startIdx+1 {
			simple = 1
		}
	case *ast.Attribute, *ast.Subscript:
	case *ast.Tuple:
		p.errorNode(t, "only single target (not tuple) can be annotated")
	case *ast.List:
		p.errorNode(t, "only single target (not list) can be annotated")
	default:
		p.errorNode(t, "illegal target for annotation")
	}
	setContext(target, ast.Store)
	p.next() // ':'
	ann := p.parseExpression()
	var v ast.Expr
	if p.got(token.EQUAL) {
		if p.kind == token.YIELD {
			v = p.parseYield()
		} else {
			v = p.parseStarExpressions()
		}
	}
	return &ast.AnnAssign{Target: target, Annotation: ann, Value: v, Simple: simple, Span: mkSpan(start, p.prevEnd)}
}

// ---------------------------------------------------------------------------
// Blocks and compound statements

// parseBlock: ':' then NEWLINE INDENT statements DEDENT | simple_stmts. what names the
// statement for the indentation error ("'if' statement on line 3").
func (p *parser) parseBlock(what string, line int) []ast.Stmt {
	if p.kind == token.NEWLINE {
		p.next()
		if p.kind != token.INDENT {
			t := p.tok()
			p.tokenError("IndentationError", t, "expected an indented block after "+what+" on line "+strconv.Itoa(line))
		}
		p.next()
		mark := len(p.stmtStack)
		for p.kind != token.DEDENT && p.kind != token.EOF {
			p.compact()
			p.stmtStack = p.parseStatement(p.stmtStack)
		}
		p.next()
		return p.stmtsFrom(mark)
	}
	mark := len(p.stmtStack)
	p.stmtStack = p.parseSimpleStmts(p.stmtStack)
	return p.stmtsFrom(mark)
}

// blockEnd is the end of a compound statement: the last token its last block consumed
// (a trailing ';' included), not the end of its last statement.
func (p *parser) blockEnd() token.Pos {
	return p.prevEnd
}

func (p *parser) parseIf() ast.Stmt {
	t := *p.tok()
	p.next()
	test := p.parseNamedExpression()
	p.headerColon()
	body := p.parseBlock("'"+t.Lit+"' statement", t.Start.Line)
	n := &ast.If{Test: test, Body: body}
	switch p.kind {
	case token.ELIF:
		n.Orelse = []ast.Stmt{p.parseIf()}
	case token.ELSE:
		n.Orelse = p.parseElse()
	}
	if len(n.Orelse) > 0 {
		n.Span = mkSpan(t.Start, p.blockEnd())
	} else {
		n.Span = mkSpan(t.Start, p.blockEnd())
	}
	return n
}

// headerColon expects the ':' after a statement header's expression; a NEWLINE instead
// gives "expected ':'".
func (p *parser) headerColon() {
	if p.kind == token.COLON {
		p.next()
		return
	}
	if p.kind == token.NEWLINE {
		p.errorAt(p.tok(), "expected ':'")
	}
	p.fail(p.tok())
}

func (p *parser) parseElse() []ast.Stmt {
	t := *p.tok()
	p.next()
	if p.kind != token.COLON {
		p.errorAt(p.tok(), "expected ':'")
	}
	p.next()
	body := p.parseBlock("'else' statement", t.Start.Line)
	return body
}

func (p *parser) parseWhile() ast.Stmt {
	t := *p.tok()
	p.next()
	test := p.parseNamedExpression()
	p.headerColon()
	body := p.parseBlock("'while' statement", t.Start.Line)
	n := &ast.While{Test: test, Body: body}
	if p.kind == token.ELSE {
		n.Orelse = p.parseElse()
		n.Span = mkSpan(t.Start, p.blockEnd())
	} else {
		n.Span = mkSpan(t.Start, p.blockEnd())
	}
	return n
}

func (p *parser) parseFor() ast.Stmt {
	start := p.tok().Start
	isAsync := p.kind == token.ASYNC
	if isAsync {
		p.next()
	}
	forTok := *p.tok()
	p.next()
	target := p.parseForTarget(false)
	p.next() // 'in'

	if !startsExpr(p.kind) && p.kind != token.STAR {
		p.fail(p.tok())
	}
	iter := p.parseStarExpressions()
	p.headerColon()
	body := p.parseBlock("'for' statement", forTok.Start.Line)
	var orelse []ast.Stmt
	end := p.blockEnd()
	if p.kind == token.ELSE {
		orelse = p.parseElse()
		end = p.blockEnd()
	}
	if isAsync {
		return &ast.AsyncFor{Target: target, Iter: iter, Body: body, Orelse: orelse, Span: mkSpan(start, end)}
	}
	return &ast.For{Target: target, Iter: iter, Body: body, Orelse: orelse, Span: mkSpan(start, end)}
}

func (p *parser) parseWith() ast.Stmt {
	start := p.tok().Start
	isAsync := p.kind == token.ASYNC
	if isAsync {
		p.next()
	}
	withTok := *p.tok()
	p.next()
	var items []*ast.WithItem
	parsed := false
	if p.kind == token.LPAR && p.parenWithLooksLikeItems() {
		parsed = p.tryFirst(func() {
			p.next()
			for {
				items = append(items, p.parseWithItem())
				if !p.got(token.COMMA) || p.kind == token.RPAR {
					break
				}
			}
			p.expectClose(token.RPAR)
			if p.kind != token.COLON {
				p.fail(p.tok())
			}
		})
		if !parsed {
			items = nil
		}
	}
	if !parsed {
		for {
			items = append(items, p.parseWithItem())
			if p.kind != token.COMMA {
				break
			}
			p.next()
		}
	}
	p.headerColon()
	body := p.parseBlock("'with' statement", withTok.Start.Line)
	if isAsync {
		return &ast.AsyncWith{Items: items, Body: body, Span: mkSpan(start, p.blockEnd())}
	}
	return &ast.With{Items: items, Body: body, Span: mkSpan(start, p.blockEnd())}
}

// parenWithLooksLikeItems reports whether the '(' after 'with' closes with ')' ':' — the
// only case where the parenthesized with-items form can apply.
func (p *parser) parenWithLooksLikeItems() bool {
	depth := 0
	for i := 0; ; i++ {
		switch p.peek(i) {
		case token.LPAR, token.LSQB, token.LBRACE:
			depth++
		case token.RPAR, token.RSQB, token.RBRACE:
			depth--
			if depth == 0 {
				return p.peek(i+1) == token.COLON
			}
		case token.NEWLINE, token.EOF, token.ILLEGAL:
			return false
		}
	}
}

func (p *parser) parseWithItem() *ast.WithItem {
	e := p.parseExpression()
	item := &ast.WithItem{ContextExpr: e}
	if p.kind == token.AS {
		p.next()
		start := p.save()
		var t ast.Expr
		if p.tryFirst(func() { t = p.parseStarTarget() }) && withItemEnd(p.kind) {
			p.checkTarget(t, starTargets)
			item.OptionalVars = t
			return item
		}
		// invalid_with_item: expression 'as' expression &(',' | ')' | ':')
		s := p.save()
		p.restore(start)
		var x ast.Expr
		if p.try(func() { x = p.parseExpression() }) && withItemEnd(p.kind) {
			if bad := invalidTarget(x, starTargets); bad != nil {
				p.errorNode(bad, "cannot assign to "+exprName(bad))
			}
		}
		p.restore(s)
		p.fail(p.tok())
	}
	return item
}

func withItemEnd(k token.Kind) bool {
	return k == token.COMMA || k == token.RPAR || k == token.COLON
}

func (p *parser) parseTry() ast.Stmt {
	t := *p.tok()
	p.next()
	p.blockColonIndent()
	body := p.parseBlock("'try' statement", t.Start.Line)
	var handlers []*ast.ExceptHandler
	star := false
	for p.kind == token.EXCEPT {
		if len(handlers) > 0 && (p.peek(1) == token.STAR) != star {
			et := p.tok()
			if !star {
				p.errorRange("SyntaxError", et.Start, p.peekTok(1).End, "cannot have both 'except' and 'except*' on the same 'try'")
			}
			p.errorAt(et, "cannot have both 'except' and 'except*' on the same 'try'")
		}
		h, isStar := p.parseExcept()
		star = isStar
		handlers = append(handlers, h)
	}
	var orelse, final []ast.Stmt
	if p.kind == token.ELSE && len(handlers) > 0 {
		orelse = p.parseElse()
	}
	if p.kind == token.FINALLY {
		ft := *p.tok()
		p.next()
		p.blockColonIndent()
		final = p.parseBlock("'finally' statement", ft.Start.Line)
	}
	if len(handlers) == 0 && final == nil {
		p.errorAtLastToken("expected 'except' or 'finally' block")
	}
	var end token.Pos
	switch {
	case final != nil:
		end = p.blockEnd()
	case orelse != nil:
		end = p.blockEnd()
	default:
		end = endOf(handlers[len(handlers)-1])
	}
	if star {
		return &ast.TryStar{Body: body, Handlers: handlers, Orelse: orelse, Finalbody: final, Span: mkSpan(t.Start, end)}
	}
	return &ast.Try{Body: body, Handlers: handlers, Orelse: orelse, Finalbody: final, Span: mkSpan(t.Start, end)}
}

// blockColonIndent handles `&&':'` after try/finally: a missing ':' is "expected ':'".
func (p *parser) blockColonIndent() {
	if p.kind != token.COLON {
		p.errorAt(p.tok(), "expected ':'")
	}
	p.next()
}

func (p *parser) parseExcept() (*ast.ExceptHandler, bool) {
	t := *p.tok()
	p.next()
	star := false
	what := "'except' statement"
	if p.kind == token.STAR {
		star = true
		what = "'except*' statement"
		p.next()
		if p.kind == token.NEWLINE || p.kind == token.COLON {
			p.errorAt(p.tok(), "expected one or more exception types")
		}
	}
	h := &ast.ExceptHandler{}
	if p.kind != token.COLON {
		if p.kind == token.NEWLINE {
			p.errorAt(p.tok(), "expected ':'")
		}
		typStart := p.tok().Start
		h.Type = p.parseExpression()
		if p.kind == token.COMMA {
			// multiple types without parentheses
			s := p.save()
			ok := p.try(func() {
				p.next()
				p.parseExpressions()
				if p.got(token.AS) {
					p.expect(token.NAME)
				}
				if p.kind != token.COLON {
					p.fail(p.tok())
				}
			})
			p.restore(s)
			if ok {
				p.errorRange("SyntaxError", typStart, typStart, "multiple exception types must be parenthesized")
			}
			p.fail(p.tok())
		}
		if p.got(token.AS) {
			n := p.tok()
			if n.Kind != token.NAME {
				p.fail(n)
			}
			name := p.ident(n)
			p.next()
			h.Name = &name
		}
	}
	if p.kind != token.COLON {
		if p.kind == token.NEWLINE {
			p.errorAt(p.tok(), "expected ':'")
		}
		p.fail(p.tok())
	}
	p.next()
	h.Body = p.parseBlock(what, t.Start.Line)
	h.Span = mkSpan(t.Start, p.blockEnd())
	return h, star
}

// parseExpressions: expression (',' expression)* [','].
func (p *parser) parseExpressions() ast.Expr {
	start := p.tok().Start
	e := p.parseExpression()
	if p.kind != token.COMMA {
		return e
	}
	elts := []ast.Expr{e}
	for p.got(token.COMMA) {
		if !startsExpr(p.kind) {
			break
		}
		elts = append(elts, p.parseExpression())
	}
	return &ast.Tuple{Elts: elts, Ctx: ast.Load, Span: mkSpan(start, p.prevEnd)}
}

func (p *parser) parseDecorated() ast.Stmt {
	var decos []ast.Expr
	for p.kind == token.AT {
		p.next()
		decos = append(decos, p.parseNamedExpression())
		if p.kind != token.NEWLINE {
			p.fail(p.tok())
		}
		p.next()
	}
	switch p.kind {
	case token.DEF:
		return p.parseFuncDef(decos)
	case token.ASYNC:
		if p.peek(1) == token.DEF {
			return p.parseFuncDef(decos)
		}
		p.fail(p.peekTok(1))
	case token.CLASS:
		return p.parseClassDef(decos)
	}
	p.fail(p.tok())
	return nil
}

func (p *parser) parseFuncDef(decos []ast.Expr) ast.Stmt {
	start := p.tok().Start
	isAsync := p.kind == token.ASYNC
	if isAsync {
		p.next()
	}
	defTok := *p.tok()
	p.next()
	nt := p.tok()
	if nt.Kind != token.NAME {
		p.fail(nt)
	}
	name := p.ident(nt)
	p.next()
	var tps []ast.TypeParam
	if p.kind == token.LSQB {
		lsqb := p.tok()
		if p.peek(1) == token.RSQB {
			tps = p.parseTypeParams() // "Type parameter list cannot be empty"
		}
		if !p.trySpecific(func() { tps = p.parseTypeParams() }) {
			p.errorAt(lsqb, "expected '('")
		}
	}
	if p.kind != token.LPAR {
		p.errorAt(p.tok(), "expected '('")
	}
	p.next()
	var args *ast.Arguments
	if p.kind == token.RPAR {
		args = &ast.Arguments{}
	} else {
		args = p.parseParams(false)
	}
	p.expectClose(token.RPAR)
	var returns ast.Expr
	if p.kind == token.RARROW {
		if !startsExpr(p.peek(1)) {
			p.errorAt(p.tok(), "expected ':'")
		}
		p.next()
		returns = p.parseExpression()
	}
	if p.kind != token.COLON {
		p.errorAt(p.tok(), "expected ':'")
	}
	p.next()
	body := p.parseBlock("function definition", defTok.Start.Line)
	span := mkSpan(start, p.blockEnd())
	if isAsync {
		return &ast.AsyncFunctionDef{Name: name, Args: args, Body: body, DecoratorList: decos, Returns: returns, TypeParams: tps, Span: span}
	}
	return &ast.FunctionDef{Name: name, Args: args, Body: body, DecoratorList: decos, Returns: returns, TypeParams: tps, Span: span}
}

func (p *parser) parseClassDef(decos []ast.Expr) ast.Stmt {
	t := *p.tok()
	p.next()
	nt := p.tok()
	if nt.Kind != token.NAME {
		p.fail(nt)
	}
	name := p.ident(nt)
	p.next()
	var tps []ast.TypeParam
	if p.kind == token.LSQB {
		tps = p.parseTypeParams()
	}
	var bases []ast.Expr
	var kws []*ast.Keyword
	if p.kind == token.LPAR {
		bases, kws = p.parseArguments(false)
	}
	p.headerColon()
	body := p.parseBlock("class definition", t.Start.Line)
	return &ast.ClassDef{Name: name, Bases: bases, Keywords: kws, Body: body, DecoratorList: decos, TypeParams: tps, Span: mkSpan(t.Start, p.blockEnd())}
}
