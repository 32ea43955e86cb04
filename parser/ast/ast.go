// Package ast declares the syntax tree of Python 3.13 source in the shape of CPython's ast
// module: the same node classes, field names and field order (generated from python3.13's
// own ast metadata by gen_nodes.py), and CPython's position attributes. A dumper prints a
// tree exactly as python3.13's ast.dump does; Inspect walks every node of a tree.
package ast

//go:generate sh -c "PYENV_VERSION=3.13.0 python3 gen_nodes.py > nodes_gen.go && gofmt -w nodes_gen.go"

// Node is any node of the tree.
type Node interface {
	dump(d *dumper)
}

// Span holds CPython's position attributes: a 1-based lineno / end_lineno and a 0-based
// col_offset / end_col_offset counted in UTF-8 bytes from the start of the line.
type Span struct {
	Lineno       int
	ColOffset    int
	EndLineno    int
	EndColOffset int
}

// GetSpan returns the node's position attributes.
func (s *Span) GetSpan() *Span { return s }

// Spanned is implemented by every node that carries position attributes.
type Spanned interface {
	Node
	GetSpan() *Span
}

// Comment is a comment in the source: its text from '#' to the end of the line, and where it
// starts. Comments are not part of CPython's tree; the parser returns them beside it.
type Comment struct {
	Text   string
	Lineno int
	Col    int
}

// File is the result of parsing one file: the module and the comments it holds.
type File struct {
	Module   *Module
	Comments []Comment
}
