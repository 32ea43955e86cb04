package ast

import (
	"strconv"
	"strings"
)

// Dump returns the text of python3.13's ast.dump(node, include_attributes=attrs): the
// single-line form, with empty lists and None-valued optional fields omitted.
func Dump(n Node, attrs bool) string {
	d := &dumper{attrs: attrs}
	d.node(n)
	return d.b.String()
}

// dumper accumulates a dump; first records whether the current argument list is still empty.
type dumper struct {
	b     strings.Builder
	attrs bool
	first bool
}

// node dumps n; a nil entry of a node list (a `**d` key in Dict.keys, a keyword-only parameter
// without a default in Arguments.kw_defaults) is Python's None.
func (d *dumper) node(n Node) {
	if n == nil {
		d.b.WriteString("None")
		return
	}
	n.dump(d)
}

func (d *dumper) open(name string) {
	d.b.WriteString(name)
	d.b.WriteByte('(')
	d.first = true
}

func (d *dumper) close() {
	d.b.WriteByte(')')
	d.first = false
}

func (d *dumper) field(name string) {
	if !d.first {
		d.b.WriteString(", ")
	}
	d.first = false
	d.b.WriteString(name)
	d.b.WriteByte('=')
}

func (d *dumper) openList()  { d.b.WriteByte('['); d.first = true }
func (d *dumper) closeList() { d.b.WriteByte(']'); d.first = false }

func (d *dumper) elem() {
	if !d.first {
		d.b.WriteString(", ")
	}
	d.first = false
}

func (d *dumper) str(s string)     { d.b.WriteString(StrRepr(s)) }
func (d *dumper) int(i int)        { d.b.WriteString(strconv.Itoa(i)) }
func (d *dumper) enum(name string) { d.b.WriteString(name); d.b.WriteString("()") }

func (d *dumper) value(v Value) {
	if v == nil {
		v = None
	}
	d.b.WriteString(v.Repr())
}

func (d *dumper) span(s *Span) {
	if !d.attrs {
		return
	}
	d.field("lineno")
	d.int(s.Lineno)
	d.field("col_offset")
	d.int(s.ColOffset)
	d.field("end_lineno")
	d.int(s.EndLineno)
	d.field("end_col_offset")
	d.int(s.EndColOffset)
}
