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

// parseTargetList parses star_targets where they are followed by 'in' (for loops and
// comprehensions): elements are parsed at bitwise_or level so that 'in' is not consumed.
func (p *parser) parseTargetList(mode targetMode) ast.Expr {
	start := p.tok().Start
	startIdx, startEnd := p.pos, p.prevEnd
	e := p.parseTargetElem()
	if p.kind == token.COMMA {
		elts := []ast.Expr{e}
		for p.got(token.COMMA) {
			if !startsExpr(p.kind) && p.kind != token.STAR {
				break
			}
			elts = append(elts, p.parseTargetElem())
		}
		e = &ast.Tuple{Elts: elts, Ctx: ast.Store, Span: mkSpan(start, p.prevEnd)}
	}
	if p.kind != token.IN {
		// invalid_for_target: star_expressions, then the target check
		s := p.save()
		var full ast.Expr
		if p.try(func() {
			p.restore(state{pos: startIdx, level: p.level, prevEnd: startEnd})
			full = p.parseStarExpressions()
		}) {
			p.restore(s)
			if bad := invalidTarget(full, mode); bad != nil {
				p.errorNode(bad, "cannot assign to "+exprName(bad))
			}
		}
		p.restore(s)
	}
	p.checkTarget(e, mode)
	return e
}

func (p *parser) parseTargetElem() ast.Expr {
	if p.kind == token.STAR {
		start := p.tok().Start
		p.next()
		if p.kind == token.STAR {
			p.fail(p.tok())
		}
		v := p.parseTargetElem()
		return &ast.Starred{Value: v, Ctx: ast.Store, Span: mkSpan(start, p.prevEnd)}
	}
	return p.parseBitOr()
}
