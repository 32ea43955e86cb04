package parser

import "github.com/covetpy/covetgen/parser/ast"

// slab hands out nodes of one type from chunks, to cut the allocation count: the tree of a
// file is built and dropped as a whole, so chunking costs little memory.
type slab[T any] struct {
	buf []T
	n   int
}

func (s *slab[T]) alloc() *T {
	if len(s.buf) == 0 {
		s.n = min(max(s.n*2, 8), 64)
		s.buf = make([]T, s.n)
	}
	x := &s.buf[0]
	s.buf = s.buf[1:]
	return x
}

func newNode[T any](s *slab[T], v T) *T {
	x := s.alloc()
	*x = v
	return x
}

// nodeSlabs are the chunked allocators of the most frequent nodes.
type nodeSlabs struct {
	names     slab[ast.Name]
	consts    slab[ast.Constant]
	attrs     slab[ast.Attribute]
	calls     slab[ast.Call]
	subs      slab[ast.Subscript]
	binops    slab[ast.BinOp]
	keywords  slab[ast.Keyword]
	args      slab[ast.Arg]
	exprStmts slab[ast.ExprStmt]
	assigns   slab[ast.Assign]
	compares  slab[ast.Compare]
	tuples    slab[ast.Tuple]
	strs      slab[string]
	exprChunk []ast.Expr
	stmtChunk []ast.Stmt
}

// exprList returns a new list of n expressions, carved from a shared chunk.
func (p *parser) exprList(n int) []ast.Expr {
	if n > 64 {
		return make([]ast.Expr, n)
	}
	if len(p.exprChunk) < n {
		p.exprChunk = make([]ast.Expr, 512)
	}
	out := p.exprChunk[:n:n]
	p.exprChunk = p.exprChunk[n:]
	return out
}

func (p *parser) stmtList(n int) []ast.Stmt {
	if n > 64 {
		return make([]ast.Stmt, n)
	}
	if len(p.stmtChunk) < n {
		p.stmtChunk = make([]ast.Stmt, 256)
	}
	out := p.stmtChunk[:n:n]
	p.stmtChunk = p.stmtChunk[n:]
	return out
}

// scratch stacks: lists are gathered on a shared stack and copied out at their exact size.
func (p *parser) exprsFrom(mark int) []ast.Expr {
	n := len(p.exprStack) - mark
	if n == 0 {
		return nil
	}
	out := p.exprList(n)
	copy(out, p.exprStack[mark:])
	clear(p.exprStack[mark:])
	p.exprStack = p.exprStack[:mark]
	return out
}

func (p *parser) stmtsFrom(mark int) []ast.Stmt {
	n := len(p.stmtStack) - mark
	if n == 0 {
		return nil
	}
	out := p.stmtList(n)
	copy(out, p.stmtStack[mark:])
	clear(p.stmtStack[mark:])
	p.stmtStack = p.stmtStack[:mark]
	return out
}

func (p *parser) keywordsFrom(mark int) []*ast.Keyword {
	n := len(p.kwStack) - mark
	if n == 0 {
		return nil
	}
	out := make([]*ast.Keyword, n)
	copy(out, p.kwStack[mark:])
	clear(p.kwStack[mark:])
	p.kwStack = p.kwStack[:mark]
	return out
}
