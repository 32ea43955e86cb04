package parser

import (
	"github.com/covetpy/covetgen/parser/ast"
	"github.com/covetpy/covetgen/parser/token"
)

// parseCall parses a call's parenthesized arguments; the current token is '('.
func (p *parser) parseCall(fn ast.Expr, start token.Pos) ast.Expr {
	p.enter(17)
	defer p.leave(17)
	args, kws := p.parseArguments(true)
	return newNode(&p.calls, ast.Call{Func: fn, Args: args, Keywords: kws, Span: mkSpan(start, p.prevEnd)})
}

// lastComprehensionItem is _PyPegen_get_last_comprehension_item.
func lastComprehensionItem(c *ast.Comprehension) ast.Expr {
	if len(c.Ifs) == 0 {
		return c.Iter
	}
	return c.Ifs[len(c.Ifs)-1]
}

// parseArguments parses '(' [arguments] ')'. A lone generator expression argument is
// allowed when genexpOK.
func (p *parser) parseArguments(genexpOK bool) ([]ast.Expr, []*ast.Keyword) {
	open := p.tok()
	p.next()
	argMark, kwMark := len(p.exprStack), len(p.kwStack)
	sawKw, sawDStar := false, false
	for p.kind != token.RPAR {
		t := p.tok()
		switch {
		case t.Kind == token.STAR:
			comma := p.toks[p.pos-1]
			st := p.parseStarredArg()
			if sawDStar {
				p.errorRange("SyntaxError", comma.Start, endOf(st), "iterable argument unpacking follows keyword argument unpacking")
			}
			p.exprStack = append(p.exprStack, st)
		case t.Kind == token.DOUBLESTAR:
			p.next()
			v := p.parseExpression()
			if p.kind == token.EQUAL {
				p.next()
				x := p.parseExpression()
				p.errorRange("SyntaxError", t.Start, endOf(x), "cannot assign to keyword argument unpacking")
			}
			kw := newNode(&p.keywords, ast.Keyword{Value: v, Span: mkSpan(t.Start, p.prevEnd)})
			p.kwStack = append(p.kwStack, kw)
			sawDStar = true
		case t.Kind == token.NAME && p.peek(1) == token.EQUAL:
			eq := p.peekTok(1)
			p.next()
			p.next()
			if p.kind == token.COMMA || p.kind == token.RPAR {
				p.errorRange("SyntaxError", t.Start, eq.End, "expected argument value expression")
			}
			v := p.parseExpression()
			if p.atForQuiet() {
				p.parseComprehensions()
				p.errorRange("SyntaxError", t.Start, eq.End, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?")
			}
			kw := newNode(&p.keywords, ast.Keyword{Arg: newNode(&p.strs, p.ident(t)), Value: v, Span: mkSpan(t.Start, p.prevEnd)})
			p.kwStack = append(p.kwStack, kw)
			sawKw = true
		case (t.Kind == token.TRUE || t.Kind == token.FALSE || t.Kind == token.NONE) && p.peek(1) == token.EQUAL:
			p.errorRange("SyntaxError", t.Start, p.peekTok(1).End, "cannot assign to "+t.Kind.String())
		default:
			isFirst := len(p.exprStack) == argMark && len(p.kwStack) == kwMark
			if !isFirst && (sawKw || sawDStar) {
				// CPython's first pass reads no positional argument after keywords: unless
				// one parses (for the error of its second pass), the error is here
				s := p.save()
				ok := p.trySpecific(func() { p.parseExpression() })
				p.restore(s)
				if !ok {
					p.fail(p.tok())
				}
			}
			startIdx := p.pos
			var e ast.Expr
			if t.Kind == token.NAME && p.peek(1) == token.COLONEQUAL {
				e = p.parseNamedExpression()
			} else {
				e = p.parseExpression()
			}
			if (isFirst && p.atFor()) || (!isFirst && p.atForQuiet()) {
				forTok := p.tok()
				gens := p.parseComprehensions()
				last := lastComprehensionItem(gens[len(gens)-1])
				if !genexpOK && len(p.exprStack) == argMark && len(p.kwStack) == kwMark {
					p.fail(forTok)
				}
				if len(p.exprStack) > argMark || len(p.kwStack) > kwMark || p.kind == token.COMMA {
					p.errorNodes(e, last, "Generator expression must be parenthesized")
				}
				if p.kind != token.RPAR {
					p.fail(p.tok())
				}
				g := &ast.GeneratorExp{Elt: e, Generators: gens, Span: mkSpan(open.Start, p.tok().End)}
				p.exprStack = append(p.exprStack, g)
				continue
			}
			if _, walrus := e.(*ast.NamedExpr); p.kind == token.EQUAL && !(walrus && t.Kind == token.NAME && p.toks[startIdx+1].Kind == token.COLONEQUAL) {
				eq := p.tok()
				p.errorRange("SyntaxError", p.toks[startIdx].Start, eq.End, "expression cannot contain assignment, perhaps you meant \"==\"?")
			}
			if sawDStar || sawKw {
				// RAISE_SYNTAX_ERROR: at the last token read, after the rest of the
				// arguments (invalid_arguments: args ',' args)
				last := p.pos
				p.try(func() {
					for p.got(token.COMMA) {
						last = p.pos
						if p.kind == token.STAR || p.kind == token.DOUBLESTAR {
							p.next()
						} else if p.kind == token.NAME && p.peek(1) == token.EQUAL {
							p.next()
							p.next()
						}
						p.parseExpression()
						last = p.pos
					}
				})
				t := &p.toks[last]
				if sawDStar {
					p.errorAt(t, "positional argument follows keyword argument unpacking")
				}
				p.errorAt(t, "positional argument follows keyword argument")
			}
			p.exprStack = append(p.exprStack, e)
		}
		if !p.got(token.COMMA) {
			break
		}
	}
	p.expectClose(token.RPAR)
	return p.exprsFrom(argMark), p.keywordsFrom(kwMark)
}

func (p *parser) parseStarredArg() ast.Expr {
	st := p.tok()
	p.next()
	if !startsExpr(p.kind) {
		p.errorAt(p.tok(), "Invalid star expression")
	}
	v := p.parseExpression()
	if p.kind == token.EQUAL {
		p.next()
		x := p.parseExpression()
		p.errorRange("SyntaxError", st.Start, endOf(x), "cannot assign to iterable argument unpacking")
	}
	return &ast.Starred{Value: v, Ctx: ast.Load, Span: mkSpan(st.Start, p.prevEnd)}
}

// parseParams parses a parameter list up to (not including) the closing ')' or, for a
// lambda, ':'.
func (p *parser) parseParams(lambda bool) *ast.Arguments {
	closer := token.RPAR
	if lambda {
		closer = token.COLON
	}
	a := &ast.Arguments{}
	sawSlash, sawStar, sawDefault := false, false, false
	var kwargTok *token.Token
	nparams := 0
	for p.kind != closer {
		t := p.tok()
		if kwargTok != nil {
			// anything after **kwargs
			switch t.Kind {
			case token.NAME, token.STAR, token.DOUBLESTAR, token.SLASH:
				p.errorAt(t, "arguments cannot follow var-keyword argument")
			}
			p.fail(t)
		}
		switch t.Kind {
		case token.SLASH:
			if nparams == 0 {
				if p.peek(1) == token.COMMA {
					p.errorAt(t, "at least one argument must precede /")
				}
				p.fail(t)
			}
			if sawSlash {
				p.errorAt(t, "/ may appear only once")
			}
			if sawStar {
				p.errorAt(t, "/ must be ahead of *")
			}
			sawSlash = true
			a.Posonlyargs = a.Args
			a.Args = nil
			p.next()
			if p.kind == token.STAR {
				p.errorAt(p.tok(), "expected comma between / and *")
			}
		case token.STAR:
			if sawStar {
				if k := p.peek(1); k == token.NAME || k == token.COMMA {
					p.errorAt(t, "* argument may appear only once")
				}
				p.fail(t)
			}
			sawStar = true
			p.next()
			if p.kind == token.COMMA {
				if p.peek(1) == closer || p.peek(1) == token.DOUBLESTAR {
					p.namedMustFollowBareStar(t, lambda)
				}
			} else if p.kind == closer {
				p.namedMustFollowBareStar(t, lambda)
			} else {
				arg := p.parseParam(lambda, true)
				a.Vararg = arg
				if p.kind == token.EQUAL {
					p.errorAt(p.tok(), "var-positional argument cannot have default value")
				}
			}
		case token.DOUBLESTAR:
			p.next()
			arg := p.parseParam(lambda, false)
			a.Kwarg = arg
			if p.kind == token.EQUAL {
				p.errorAt(p.tok(), "var-keyword argument cannot have default value")
			}
			kwargTok = t
		case token.NAME:
			arg := p.parseParam(lambda, false)
			nparams++
			var def ast.Expr
			if p.kind == token.EQUAL {
				eq := p.tok()
				p.next()
				if p.kind == token.COMMA || p.kind == closer {
					p.errorAt(eq, "expected default value expression")
				}
				def = p.parseExpression()
			}
			if sawStar {
				a.Kwonlyargs = append(a.Kwonlyargs, arg)
				a.KwDefaults = append(a.KwDefaults, def)
			} else {
				if def != nil {
					sawDefault = true
					a.Defaults = append(a.Defaults, def)
				} else if sawDefault {
					if p.kind != token.COMMA && p.kind != closer {
						p.fail(p.tok())
					}
					p.errorNode(arg, "parameter without a default follows parameter with a default")
				}
				a.Args = append(a.Args, arg)
			}
		case token.LPAR:
			open := t
			if p.try(func() {
				p.next()
				for {
					p.expect(token.NAME)
					if !p.got(token.COMMA) || p.kind == token.RPAR {
						break
					}
				}
				if p.kind != token.RPAR {
					p.fail(p.tok())
				}
			}) {
				if lambda {
					p.errorRange("SyntaxError", open.Start, p.tok().End, "Lambda expression parameters cannot be parenthesized")
				}
				p.errorRange("SyntaxError", open.Start, p.tok().End, "Function parameters cannot be parenthesized")
			}
			p.fail(t)
		default:
			p.fail(t)
		}
		if !p.got(token.COMMA) {
			break
		}
	}
	if p.kind != closer {
		p.fail(p.tok())
	}
	return a
}

func (p *parser) namedMustFollowBareStar(star *token.Token, lambda bool) {
	if lambda {
		// RAISE_SYNTAX_ERROR: at the last token read
		t := p.peekTok(0)
		if p.kind == token.COMMA {
			t = p.peekTok(1)
		}
		p.errorAt(t, "named arguments must follow bare *")
	}
	p.errorAt(star, "named arguments must follow bare *")
}

// parseParam parses NAME [':' annotation]; starAnnotation allows ': *expr' (for *args).
func (p *parser) parseParam(lambda, starAnnotation bool) *ast.Arg {
	t := p.tok()
	if t.Kind != token.NAME {
		p.fail(t)
	}
	p.next()
	arg := newNode(&p.args, ast.Arg{Arg: p.ident(t)})
	if !lambda && p.kind == token.COLON {
		p.next()
		if starAnnotation && p.kind == token.STAR {
			arg.Annotation = p.parseStarExpression()
		} else {
			arg.Annotation = p.parseExpression()
		}
	}
	arg.Span = mkSpan(t.Start, p.prevEnd)
	return arg
}

// parseLambda: 'lambda' [lambda_params] ':' expression.
func (p *parser) parseLambda() ast.Expr {
	p.enter(1)
	defer p.leave(1)
	start := p.tok().Start
	p.next()
	var args *ast.Arguments
	if p.kind == token.COLON {
		args = &ast.Arguments{}
	} else {
		args = p.parseParams(true)
	}
	p.expect(token.COLON)
	if p.kind == token.FSTRING_MIDDLE {
		p.errorRange("SyntaxError", start, p.prevEnd, "f-string: lambda expressions are not allowed without parentheses")
	}
	body := p.parseExpression()
	return &ast.Lambda{Args: args, Body: body, Span: mkSpan(start, p.prevEnd)}
}
