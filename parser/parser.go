// Package parser parses Python 3.13 source into the syntax tree of package ast, the same
// tree (node for node, position for position) as CPython 3.13's own parser builds, and
// rejects the sources CPython rejects with CPython's messages where it can.
//
// It is a hand-written recursive-descent parser over the whole token stream of a file,
// with precedence climbing for binary operators. Backtracking is used only in a few rare,
// bounded places (parenthesized with-items, the soft keyword match).
package parser

import (
	"bytes"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/covetpy/covetgen/parser/ast"
	"github.com/covetpy/covetgen/parser/scanner"
	"github.com/covetpy/covetgen/parser/token"
)

// Error is a syntax error as CPython reports it. Line and EndLine are 1-based; Col and EndCol
// are 1-based character offsets (SyntaxError.offset / end_offset); Kind is "SyntaxError",
// "IndentationError" or "TabError".
type Error struct {
	Filename        string
	Line, Col       int
	EndLine, EndCol int
	Kind, Msg       string
}

func (e *Error) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s: %s", e.Filename, e.Line, e.Col, e.Kind, e.Msg)
}

// maxDepth bounds the parser's recursion. CPython's parser fails with a MemoryError past
// 6000 levels of its rules; enter's weights approximate how many of its levels each of our
// recursive steps stands for (one per unary operator, 'not' or conditional expression, two per
// '**' or lambda, about eighteen per bracket), and 30 are in use at the top.
const maxDepth = 6000 - 30

// bailout is the panic value that unwinds the parser on the first error.
type bailout struct{}

type parser struct {
	filename string
	src      []byte
	toks     []token.Token
	pos      int        // index of the current token
	kind     token.Kind // kind of the current token
	prevEnd  token.Pos  // end of the last consumed token other than NEWLINE/INDENT/DEDENT
	level    int        // bracket nesting after the last consumed token
	depth    int
	maxChain int // a bound on the depth of left-nested nodes built in loops
	err      *Error
	furthest int // the furthest token index where a failed trial parse stopped
	maxPos   int // the furthest token index any trial parse reached
	// noFullCheck marks errors that CPython reports without tokenizing the rest of the file
	// (unexpected indent/unindent).
	noFullCheck bool
	// fetchedLine is the line of the furthest token CPython read before raising the error,
	// where it is known to be past the current token.
	fetchedLine int

	nodeSlabs
	exprStack []ast.Expr
	stmtStack []ast.Stmt
	kwStack   []*ast.Keyword

	scanErr  *scanner.Error // the scanner's error, if the stream ends in ILLEGAL
	sc       *scanner.Scanner
	scanDone bool // the scanner returned EOF or ILLEGAL
	bufp     *[]token.Token
	trials   int           // active trial parses (no compaction meanwhile)
	brackets []token.Token // brackets open at the end of what was read
	fdepth   int           // f-strings open at the end of what was read

	// lines caches the start offset of each line, for byte→character column conversion.
	lineStarts []int
}

// ParseFile parses the source of one file.
func ParseFile(filename string, src []byte) (f *ast.File, err error) {
	p := &parser{filename: filename}
	if bytes.IndexByte(src, 0) >= 0 {
		return nil, &Error{Filename: filename, Kind: "SyntaxError", Msg: "source code string cannot contain null bytes"}
	}
	sc, serr := scanner.New(src)
	if serr != nil {
		if se, ok := serr.(*scanner.Error); ok {
			p.src = src
			return nil, p.fromScanError(se)
		}
		return nil, &Error{Filename: filename, Line: 1, Col: 1, EndLine: 1, EndCol: 1, Kind: "SyntaxError", Msg: serr.Error()}
	}
	p.src = sc.Source()
	p.start(sc)
	mod, perr := p.parseModule()
	p.release()
	if perr != nil {
		return nil, perr
	}
	f = &ast.File{Module: mod}
	if cs := sc.Comments(); len(cs) > 0 {
		f.Comments = make([]ast.Comment, len(cs))
		for i, c := range cs {
			f.Comments[i] = ast.Comment{Text: c.Lit, Lineno: c.Start.Line, Col: c.Start.Col}
		}
	}
	return f, nil
}

// tokPool recycles token buffers between files.
var tokPool = sync.Pool{New: func() any { b := make([]token.Token, 0, 1024); return &b }}

// start primes the token buffer.
func (p *parser) start(sc *scanner.Scanner) {
	p.sc = sc
	bp := tokPool.Get().(*[]token.Token)
	p.bufp = bp
	p.toks = (*bp)[:0]
	p.fill(0)
	p.pos = 0
	p.kind = p.toks[0].Kind
}

func (p *parser) release() {
	if p.bufp != nil && cap(p.toks) <= 1<<16 {
		clear(p.toks) // drop references to this file's text
		*p.bufp = p.toks[:0]
		tokPool.Put(p.bufp)
	}
	p.bufp = nil
	p.toks = nil
}

// fill reads tokens until the buffer holds index i (or the stream has ended).
func (p *parser) fill(i int) {
	for len(p.toks) <= i && !p.scanDone {
		t := p.sc.Next()
		switch t.Kind {
		case token.EOF:
			p.scanDone = true
		case token.ILLEGAL:
			// Without an error, ILLEGAL is a character no token starts with ('?', '$'):
			// CPython's tokenizer returns it as an operator that the parser rejects, and
			// goes on.
			if p.scanErr = p.sc.Err(); p.scanErr != nil {
				p.scanDone = true
			}
		case token.FSTRING_START:
			p.fdepth++
		case token.FSTRING_END:
			p.fdepth--
		case token.LPAR, token.LSQB, token.LBRACE:
			p.brackets = append(p.brackets, t)
		case token.RPAR, token.RSQB, token.RBRACE:
			if len(p.brackets) > 0 {
				p.brackets = p.brackets[:len(p.brackets)-1]
			}
		}
		p.toks = append(p.toks, t)
	}
}

// compact drops the tokens before the current one; it is called between statements, where
// nothing refers to earlier token indices.
func (p *parser) compact() {
	if p.trials > 0 || p.pos < 512 {
		return
	}
	n := copy(p.toks, p.toks[p.pos:])
	p.toks = p.toks[:n]
	p.furthest = max(p.furthest-p.pos, 0)
	p.maxPos = max(p.maxPos-p.pos, 0)
	p.pos = 0
}

// drain reads the rest of the token stream (after a parser error, as CPython does, to find
// tokenizer errors further on).
func (p *parser) drain() {
	for !p.scanDone {
		p.fill(len(p.toks))
		if len(p.toks) > 1<<12 {
			// keep memory bounded: from here on only the last token matters
			last := len(p.toks) - 1
			if p.pos+1 < last {
				p.toks[p.pos+1] = p.toks[last]
				p.toks = p.toks[:p.pos+2]
			}
		}
	}
}

func (p *parser) parseModule() (mod *ast.Module, err error) {
	defer func() {
		if r := recover(); r != nil {
			mod = nil
			if _, ok := r.(bailout); !ok {
				// a bug: report it rather than crash the caller
				err = &Error{Filename: p.filename, Kind: "InternalError", Msg: fmt.Sprintf("parser panic: %v", r)}
				return
			}
			err = p.finalError()
		}
	}()
	mod = &ast.Module{}
	for p.kind != token.EOF {
		p.compact()
		p.stmtStack = p.parseStatement(p.stmtStack)
	}
	mod.Body = p.stmtsFrom(0)
	if p.maxChain > maxTreeDepth/2 && treeDepth(reflect.ValueOf(mod)) > maxTreeDepth {
		return nil, &Error{Filename: p.filename, Kind: "RecursionError", Msg: "maximum recursion depth exceeded during ast construction"}
	}
	return mod, nil
}

// finalError decides between the parser's error and the scanner's, as CPython does: a
// tokenizer error found anywhere in the file wins over a parser error, except that a bracket
// left open at the end of the file wins only when it opened on a line before the parser's
// error.
func (p *parser) finalError() *Error {
	if p.err == nil {
		if p.scanErr != nil {
			return p.fromScanError(p.scanErr)
		}
		return nil
	}
	if p.atScanError(p.tok()) {
		return p.fromScanError(p.scanErr)
	}
	if p.noFullCheck {
		return p.err
	}
	errLine := p.errTokLine()
	p.drain()
	if p.fdepth > 0 || (p.scanErr != nil && isFStringError(p.scanErr)) {
		// CPython keeps the parser's error when its tokenizer fails inside an f-string
		return p.err
	}
	if p.scanErr == nil || !scanErrRaises(p.scanErr) {
		// CPython's check stops at the end, or at a tokenizer error that sets no exception
		// (bad indentation, a bad line continuation): only a bracket still open then can
		// replace the parser's error.
		if b := p.unclosedBracket(); b != nil && b.Start.Line < errLine {
			return &Error{Filename: p.filename, Kind: "SyntaxError", Msg: "'" + b.Kind.String() + "' was never closed",
				Line: b.Start.Line, Col: p.charCol(b.Start.Line, b.Start.Col) + 1, EndLine: b.Start.Line, EndCol: p.charCol(b.Start.Line, b.Start.Col) + 1}
		}
		return p.err
	}
	if isUnclosedError(p.scanErr) {
		if p.scanErr.Pos.Line < errLine {
			return p.fromScanError(p.scanErr)
		}
		return p.err
	}
	return p.fromScanError(p.scanErr)
}

// unclosedBracket returns the innermost bracket left open at the end of the token stream.
func (p *parser) unclosedBracket() *token.Token {
	p.drain()
	if len(p.brackets) == 0 {
		return nil
	}
	return &p.brackets[len(p.brackets)-1]
}

// scanErrRaises reports whether CPython's tokenizer raises the error as an exception at once;
// the others (E_DEDENT, E_TABSPACE, E_LINECONT, E_EOF, E_TOODEEP) only stop it, and become
// exceptions when the parser itself reaches them.
func scanErrRaises(e *scanner.Error) bool {
	switch e.Msg {
	case "unindent does not match any outer indentation level",
		"inconsistent use of tabs and spaces in indentation",
		"unexpected character after line continuation character",
		"unexpected EOF while parsing",
		"too many levels of indentation":
		return false
	}
	return !isUnclosedError(e)
}

// isFStringError reports whether the scanner failed inside an f-string.
func isFStringError(e *scanner.Error) bool {
	return strings.HasPrefix(e.Msg, "f-string") || strings.HasPrefix(e.Msg, "unterminated f-string")
}

func isUnclosedError(e *scanner.Error) bool {
	m := e.Msg
	return len(m) > len(" was never closed") && m[len(m)-len(" was never closed"):] == " was never closed"
}

func (p *parser) fromScanError(se *scanner.Error) *Error {
	kind := se.Kind
	if kind == "" {
		kind = "SyntaxError"
	}
	e := &Error{Filename: p.filename, Kind: kind, Msg: se.Msg}
	e.Line = se.Pos.Line
	e.Col = p.charCol(se.Pos.Line, se.Pos.Col) + 1
	if e.Line <= 0 {
		e.Col = -1 // errors of the source's encoding: CPython gives no position
	}
	e.EndLine, e.EndCol = scanErrEnd(se, e)
	return e
}

// ---------------------------------------------------------------------------
// Token handling

func (p *parser) tok() *token.Token { return &p.toks[p.pos] }

// peek returns the kind of the token n places ahead of the current one.
func (p *parser) peek(n int) token.Kind {
	i := p.pos + n
	if i >= len(p.toks) {
		p.fill(i)
		if i >= len(p.toks) {
			return p.toks[len(p.toks)-1].Kind
		}
	}
	return p.toks[i].Kind
}

func (p *parser) peekTok(n int) *token.Token {
	i := p.pos + n
	if i >= len(p.toks) {
		p.fill(i)
		if i >= len(p.toks) {
			i = len(p.toks) - 1
		}
	}
	return &p.toks[i]
}

func (p *parser) next() {
	t := &p.toks[p.pos]
	switch t.Kind {
	case token.NEWLINE, token.INDENT, token.DEDENT:
	case token.EOF, token.ILLEGAL:
		// never move past the end, nor consume a bad character
		p.fail(t)
		return
	case token.LPAR, token.LSQB, token.LBRACE:
		p.level++
		p.prevEnd = t.End
	case token.RPAR, token.RSQB, token.RBRACE:
		p.level--
		p.prevEnd = t.End
	default:
		p.prevEnd = t.End
	}
	p.pos++
	if p.pos >= len(p.toks) {
		p.fill(p.pos)
	}
	p.kind = p.toks[p.pos].Kind
}

// state is a saved parser position for the few bounded backtracking points.
type state struct {
	pos, level int
	prevEnd    token.Pos
}

func (p *parser) save() state { return state{p.pos, p.level, p.prevEnd} }

func (p *parser) restore(s state) {
	p.pos, p.level, p.prevEnd = s.pos, s.level, s.prevEnd
	p.kind = p.toks[p.pos].Kind
	p.err = nil
}

// try runs f, reporting whether it finished without a syntax error; on an error the
// parser is restored to where it was.
//
// Trial parses that stand for CPython's diagnostic second pass leave no trace; those that
// stand for its first pass (tryFirst) record how far they read, which is where a generic
// "invalid syntax" is reported.
func (p *parser) try(f func()) (ok bool) { return p.tryOpt(f, false, false) }

// tryFirst is try for alternatives CPython's first pass explores.
func (p *parser) tryFirst(f func()) (ok bool) { return p.tryOpt(f, false, true) }

// trySpecific is try, except that a specific error (one of the invalid_* rules' messages)
// raised inside f is reported rather than backtracked over.
func (p *parser) trySpecific(f func()) (ok bool) { return p.tryOpt(f, true, false) }

func (p *parser) tryOpt(f func(), keepSpecific, recordFurthest bool) (ok bool) {
	s := p.save()
	depth := p.depth
	p.trials++
	ne, ns, nk := len(p.exprStack), len(p.stmtStack), len(p.kwStack)
	defer func() {
		p.trials--
		if r := recover(); r != nil {
			if _, isB := r.(bailout); !isB {
				panic(r)
			}
			if keepSpecific && p.err != nil && p.err.Msg != "invalid syntax" {
				p.trials--
				panic(r)
			}
			if recordFurthest && p.pos > p.furthest {
				p.furthest = p.pos
			}
			p.restore(s)
			p.depth = depth
			p.exprStack, p.stmtStack, p.kwStack = p.exprStack[:ne], p.stmtStack[:ns], p.kwStack[:nk]
			ok = false
		}
	}()
	furthest := p.furthest
	defer func() {
		// runs first, before any restore
		p.maxPos = max(p.maxPos, p.pos)
		if !recordFurthest {
			p.furthest = furthest
		}
	}()
	f()
	return true
}

func (p *parser) got(k token.Kind) bool {
	if p.kind == k {
		p.next()
		return true
	}
	return false
}

func (p *parser) expect(k token.Kind) *token.Token {
	if p.kind != k {
		p.fail(p.tok())
	}
	t := p.tok()
	p.next()
	return t
}

// expectColon expects ':' and reports "expected ':'" otherwise.
func (p *parser) expectColon() {
	if p.kind != token.COLON {
		p.errorAt(p.tok(), "expected ':'")
	}
	p.next()
}

func (p *parser) isName(s string) bool {
	return p.kind == token.NAME && p.tok().Lit == s
}

func (p *parser) enter(w int) {
	p.depth += w
	if p.depth > maxDepth {
		p.err = &Error{Filename: p.filename, Kind: "MemoryError", Msg: "Parser stack overflowed - Python source too complex to parse"}
		p.noFullCheck = true
		panic(bailout{})
	}
}

func (p *parser) leave(w int) { p.depth -= w }

// ---------------------------------------------------------------------------
// Errors

// fail reports a generic syntax error at token t ("invalid syntax", or the scanner's error
// when t is where the scanner stopped, or an indentation error for INDENT/DEDENT).
func (p *parser) fail(t *token.Token) {
	switch t.Kind {
	case token.ILLEGAL:
		if p.atScanError(t) {
			p.err = p.fromScanError(p.scanErr)
			panic(bailout{})
		}
	case token.INDENT, token.DEDENT:
		// CPython reports these at the tokenizer's cursor: the end of the indentation.
		msg := "unexpected indent"
		if t.Kind == token.DEDENT {
			msg = "unexpected unindent"
		}
		line, col := t.End.Line, p.charCol(t.End.Line, t.End.Col)
		if t.Start.Offset >= len(p.src) {
			line, col = p.endOfSource()
		}
		p.err = &Error{Filename: p.filename, Kind: "IndentationError", Msg: msg, Line: line, Col: col, EndLine: line, EndCol: -1}
		p.noFullCheck = true
		panic(bailout{})
	case token.EOF:
		if b := p.unclosedBracket(); b != nil {
			p.errorRange("SyntaxError", b.Start, b.Start, "'"+b.Kind.String()+"' was never closed")
		}
		// CPython's ENDMARKER has no column: "invalid syntax" on the last line, offset 0.
		line := t.Start.Line
		for i := p.pos; i >= 0; i-- {
			if i < len(p.toks) && p.toks[i].Kind == token.NEWLINE {
				line = p.toks[i].Start.Line
				break
			}
		}
		p.err = &Error{Filename: p.filename, Kind: "SyntaxError", Msg: "invalid syntax", Line: line, EndLine: line}
		panic(bailout{})
	}
	if p.furthest > p.pos && p.furthest < len(p.toks) {
		t = &p.toks[p.furthest]
	}
	p.errorAt(t, "invalid syntax")
}

// atScanError reports whether t is the token where the scanner stopped with an error.
func (p *parser) atScanError(t *token.Token) bool {
	return t.Kind == token.ILLEGAL && p.scanErr != nil && len(p.toks) > 0 && t == &p.toks[len(p.toks)-1]
}

func (p *parser) errorAt(t *token.Token, msg string) {
	if p.atScanError(t) {
		p.fail(t)
	}
	p.tokenError("SyntaxError", t, msg)
}

// tokenError reports an error at token t. CPython has no column for DEDENT and ENDMARKER
// tokens and uses its tokenizer's cursor instead: the indentation of the dedented line, or
// at the end of the file the end of the last line.
func (p *parser) tokenError(kind string, t *token.Token, msg string) {
	if t.Kind == token.NEWLINE {
		// CPython's NEWLINE after a comment starts at the comment.
		cs := p.sc.Comments()
		i := sort.Search(len(cs), func(i int) bool { return cs[i].End.Offset >= t.Start.Offset })
		if i < len(cs) && cs[i].End.Offset == t.Start.Offset {
			p.errorRange(kind, cs[i].Start, t.End, msg)
		}
	}
	if t.Kind != token.DEDENT && t.Kind != token.EOF {
		p.errorRange(kind, t.Start, t.End, msg)
	}
	e := &Error{Filename: p.filename, Kind: kind, Msg: msg, EndCol: -1}
	if t.Kind == token.DEDENT && t.Start.Offset < len(p.src) {
		e.Line, e.Col = t.End.Line, p.charCol(t.End.Line, t.End.Col)
	} else {
		e.Line, e.Col = p.endOfSource()
	}
	e.EndLine = e.Line
	p.err = e
	panic(bailout{})
}

// errorAtLastToken reports msg where CPython's RAISE_SYNTAX_ERROR puts it: at the last token
// read.
func (p *parser) errorAtLastToken(msg string) {
	p.errorAt(p.tok(), msg)
}

func (p *parser) errorNode(n ast.Node, msg string) {
	s := spanOf(n)
	p.errorRange("SyntaxError", token.Pos{Line: s.Lineno, Col: s.ColOffset}, token.Pos{Line: s.EndLineno, Col: s.EndColOffset}, msg)
}

func (p *parser) errorNodes(a, b ast.Node, msg string) {
	s, e := spanOf(a), spanOf(b)
	p.errorRange("SyntaxError", token.Pos{Line: s.Lineno, Col: s.ColOffset}, token.Pos{Line: e.EndLineno, Col: e.EndColOffset}, msg)
}

func (p *parser) errorRange(kind string, start, end token.Pos, msg string) {
	e := &Error{Filename: p.filename, Kind: kind, Msg: msg}
	e.Line = start.Line
	e.Col = p.charCol(start.Line, start.Col) + 1
	e.EndLine = end.Line
	e.EndCol = p.charCol(end.Line, end.Col) + 1
	p.err = e
	panic(bailout{})
}

// errTokLine is the line of the furthest token read when the error was raised: CPython
// compares it with the line of a bracket left open (see finalError).
func (p *parser) errTokLine() int {
	line := p.err.Line
	if p.pos < len(p.toks) && p.toks[p.pos].Start.Line > line {
		line = p.toks[p.pos].Start.Line
	}
	for _, i := range [...]int{p.furthest, p.maxPos} {
		if i < len(p.toks) && p.toks[i].Start.Line > line {
			line = p.toks[i].Start.Line
		}
	}
	return max(line, p.fetchedLine)
}

// charCol converts a byte column on a line to a character column.
func (p *parser) charCol(line, col int) int {
	if p.lineStarts == nil {
		p.lineStarts = append(p.lineStarts, 0, 0)
		for i, c := range p.src {
			if c == '\n' {
				p.lineStarts = append(p.lineStarts, i+1)
			}
		}
	}
	if line <= 0 || line >= len(p.lineStarts) {
		return col
	}
	start := p.lineStarts[line]
	end := start + col
	// CPython clamps an offset past the end of the line to the line's end
	lineEnd := len(p.src)
	if line+1 < len(p.lineStarts) {
		lineEnd = p.lineStarts[line+1] - 1
	}
	if end > lineEnd+1 {
		end = lineEnd
	}
	if end > len(p.src) {
		end = len(p.src)
	}
	return utf8.RuneCount(p.src[start:end])
}

func spanOf(n ast.Node) *ast.Span {
	if s, ok := n.(ast.Spanned); ok {
		return s.GetSpan()
	}
	return &ast.Span{}
}

func mkSpan(start, end token.Pos) ast.Span {
	return ast.Span{Lineno: start.Line, ColOffset: start.Col, EndLineno: end.Line, EndColOffset: end.Col}
}

func startOf(n ast.Node) token.Pos {
	s := spanOf(n)
	return token.Pos{Line: s.Lineno, Col: s.ColOffset}
}

func endOf(n ast.Node) token.Pos {
	s := spanOf(n)
	return token.Pos{Line: s.EndLineno, Col: s.EndColOffset}
}

// scanErrEnd returns the end of a scanner error's range: the scanner reports a point.
func scanErrEnd(se *scanner.Error, e *Error) (int, int) {
	return e.Line, e.Col
}

// maxTreeDepth is the deepest tree CPython turns into Python objects: past it, ast2obj fails
// with a RecursionError (its C recursion limit, less what compile itself uses).
const maxTreeDepth = 9998

var nodeType = reflect.TypeOf((*ast.Node)(nil)).Elem()

// treeDepth returns the number of nodes on the longest path from v down, counting every
// node type as CPython's ast2obj does. It is used only on suspiciously deep trees.
func treeDepth(v reflect.Value) int {
	switch v.Kind() {
	case reflect.Interface:
		if v.IsNil() {
			return 0
		}
		return treeDepth(v.Elem())
	case reflect.Pointer:
		if v.IsNil() || v.Elem().Kind() != reflect.Struct || !v.Type().Implements(nodeType) {
			return 0
		}
		v = v.Elem()
		d := 0
		for i := 0; i < v.NumField(); i++ {
			if f := v.Field(i); v.Type().Field(i).IsExported() {
				d = max(d, treeDepth(f))
			}
		}
		return d + 1
	case reflect.Slice:
		d := 0
		for i := 0; i < v.Len(); i++ {
			d = max(d, treeDepth(v.Index(i)))
		}
		return d
	}
	return 0
}

// furthestAt records that CPython's first pass read token i.
func (p *parser) furthestAt(i int) {
	if i > p.furthest {
		p.furthest = i
	}
}

// atFor reports whether a comprehension's 'for' or 'async for' begins here.
func (p *parser) atFor() bool {
	switch p.kind {
	case token.FOR:
		return true
	case token.ASYNC:
		if p.peek(1) == token.FOR {
			return true
		}
		p.furthestAt(p.pos + 1)
	}
	return false
}

// atForQuiet is atFor where CPython's first pass tries no comprehension.
func (p *parser) atForQuiet() bool {
	return p.kind == token.FOR || (p.kind == token.ASYNC && p.peek(1) == token.FOR)
}

// samePos compares two positions by line and column (node spans carry no offsets).
func samePos(a, b token.Pos) bool { return a.Line == b.Line && a.Col == b.Col }

// endOfSource returns where CPython's tokenizer cursor is at the end of the file, as an
// error position: the last line, and its length in characters (newline included).
func (p *parser) endOfSource() (line, col int) {
	p.charCol(1, 0) // fills lineStarts
	n := len(p.src)
	line = len(p.lineStarts) - 1
	for line > 1 && p.lineStarts[line] >= n {
		line--
	}
	return line, utf8.RuneCount(p.src[p.lineStarts[line]:n])
}
