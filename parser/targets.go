package parser

import (
	"github.com/covetpy/covetgen/parser/ast"
	"github.com/covetpy/covetgen/parser/token"
)

type targetMode int

const (
	starTargets targetMode = iota
	forTargets
	delTargets
)

// exprName is _PyPegen_get_expr_name: how error messages name an expression.
func exprName(e ast.Expr) string {
	switch x := e.(type) {
	case *ast.Attribute:
		return "attribute"
	case *ast.Subscript:
		return "subscript"
	case *ast.Starred:
		return "starred"
	case *ast.Name:
		return "name"
	case *ast.List:
		return "list"
	case *ast.Tuple:
		return "tuple"
	case *ast.Lambda:
		return "lambda"
	case *ast.Call:
		return "function call"
	case *ast.BoolOp, *ast.BinOp, *ast.UnaryOp:
		return "expression"
	case *ast.GeneratorExp:
		return "generator expression"
	case *ast.Yield, *ast.YieldFrom:
		return "yield expression"
	case *ast.Await:
		return "await expression"
	case *ast.ListComp:
		return "list comprehension"
	case *ast.SetComp:
		return "set comprehension"
	case *ast.DictComp:
		return "dict comprehension"
	case *ast.Dict:
		return "dict literal"
	case *ast.Set:
		return "set display"
	case *ast.JoinedStr, *ast.FormattedValue:
		return "f-string expression"
	case *ast.Constant:
		switch v := x.Value.(type) {
		case ast.NoneValue:
			return "None"
		case ast.Bool:
			if v {
				return "True"
			}
			return "False"
		case ast.EllipsisValue:
			return "ellipsis"
		}
		return "literal"
	case *ast.Compare:
		return "comparison"
	case *ast.IfExp:
		return "conditional expression"
	case *ast.NamedExpr:
		return "named expression"
	}
	return "expression"
}

// invalidTarget is _PyPegen_get_invalid_target: the first sub-expression of e that cannot
// be a target, or nil.
func invalidTarget(e ast.Expr, mode targetMode) ast.Expr {
	switch x := e.(type) {
	case *ast.List:
		for _, el := range x.Elts {
			if t := invalidTarget(el, mode); t != nil {
				return t
			}
		}
		return nil
	case *ast.Tuple:
		for _, el := range x.Elts {
			if t := invalidTarget(el, mode); t != nil {
				return t
			}
		}
		return nil
	case *ast.Starred:
		if mode == delTargets {
			return e
		}
		return invalidTarget(x.Value, mode)
	case *ast.Compare:
		if mode == forTargets {
			if x.Ops[0] == ast.In {
				return invalidTarget(x.Left, mode)
			}
			return nil
		}
		return e
	case *ast.Name, *ast.Subscript, *ast.Attribute:
		return nil
	}
	return e
}

// setContext sets ctx on a target expression and its sub-targets, as
// _PyPegen_set_expr_context does.
func setContext(e ast.Expr, ctx ast.ExprContext) {
	switch x := e.(type) {
	case *ast.Name:
		x.Ctx = ctx
	case *ast.Attribute:
		x.Ctx = ctx
	case *ast.Subscript:
		x.Ctx = ctx
	case *ast.Starred:
		x.Ctx = ctx
		setContext(x.Value, ctx)
	case *ast.List:
		x.Ctx = ctx
		for _, el := range x.Elts {
			setContext(el, ctx)
		}
	case *ast.Tuple:
		x.Ctx = ctx
		for _, el := range x.Elts {
			setContext(el, ctx)
		}
	}
}

// checkTarget reports "cannot assign to ..." / "cannot delete ..." for an invalid target,
// and otherwise sets its context.
func (p *parser) checkTarget(e ast.Expr, mode targetMode) {
	if bad := invalidTarget(e, mode); bad != nil {
		if mode == delTargets {
			p.errorNode(bad, "cannot delete "+exprName(bad))
		}
		p.errorNode(bad, "cannot assign to "+exprName(bad))
	}
	if mode == delTargets {
		setContext(e, ast.Del)
	} else {
		setContext(e, ast.Store)
	}
}

// parseForTarget parses the star_targets of a for loop or comprehension, which 'in' follows.
// Targets are primaries (names, attributes, subscripts, parenthesized or bracketed target
// lists), optionally starred. When they do not parse, or 'in' does not follow, the
// diagnoses of invalid_for_if_clause (comprehensions only) and invalid_for_target come
// before the generic error.
func (p *parser) parseForTarget(comprehension bool) ast.Expr {
	start := p.save()
	var e ast.Expr
	ok := p.tryFirst(func() { e = p.parseStarTargets() })
	if ok && p.kind == token.IN {
		p.checkTarget(e, forTargets)
		return e
	}
	if comprehension {
		// invalid_for_if_clause: bitwise_or (',' bitwise_or)* [','] !'in'
		s := p.save()
		p.restore(start)
		var notIn bool
		if p.try(func() {
			for {
				p.parseBitOr()
				if !p.got(token.COMMA) || !startsExpr(p.kind) {
					break
				}
			}
			notIn = p.kind != token.IN
		}) && notIn {
			p.errorAt(p.tok(), "'in' expected after for-loop variables")
		}
		p.restore(s)
	}
	// invalid_for_target: star_expressions, then the target check
	s := p.save()
	p.restore(start)
	var full ast.Expr
	if p.try(func() { full = p.parseStarExpressions() }) {
		if bad := invalidTarget(full, forTargets); bad != nil {
			p.errorNode(bad, "cannot assign to "+exprName(bad))
		}
	}
	p.restore(s)
	if !ok {
		p.restore(start)
		p.parseStarTargets() // fails again, with the generic error
	}
	p.fail(p.tok())
	return nil
}

// parseStarTargets: star_target (',' star_target)* [','], as a Tuple when there are commas.
func (p *parser) parseStarTargets() ast.Expr {
	start := p.tok().Start
	e := p.parseStarTarget()
	if p.kind != token.COMMA {
		return e
	}
	mark := len(p.exprStack)
	p.exprStack = append(p.exprStack, e)
	for p.got(token.COMMA) {
		if !startsExpr(p.kind) && p.kind != token.STAR {
			break
		}
		x := p.parseStarTarget()
		p.exprStack = append(p.exprStack, x)
	}
	return newNode(&p.tuples, ast.Tuple{Elts: p.exprsFrom(mark), Ctx: ast.Store, Span: mkSpan(start, p.prevEnd)})
}

// parseStarTarget: '*' star_target | a primary (validated by checkTarget).
func (p *parser) parseStarTarget() ast.Expr {
	if p.kind == token.STAR {
		start := p.tok().Start
		p.next()
		if p.kind == token.STAR {
			p.fail(p.tok())
		}
		v := p.parseStarTarget()
		return &ast.Starred{Value: v, Ctx: ast.Store, Span: mkSpan(start, p.prevEnd)}
	}
	return p.parsePrimary()
}
