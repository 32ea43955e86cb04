package ir

import "fmt"

// Pos is a position in the Python source: the file path as given to the loader, a 1-based
// line and a 1-based column (in UTF-8 bytes, CPython's col_offset + 1).
type Pos struct {
	File string
	Line int
	Col  int
}

// IsValid reports whether the position is known.
func (p Pos) IsValid() bool { return p.Line > 0 }

// String formats the position as file:line:col.
func (p Pos) String() string {
	if !p.IsValid() {
		if p.File != "" {
			return p.File
		}
		return "-"
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Diagnostic is something the lifter could not resolve statically.
type Diagnostic struct {
	Pos Pos
	Msg string
}

// String formats the diagnostic as file:line:col: message.
func (d Diagnostic) String() string { return d.Pos.String() + ": " + d.Msg }

// Diagnostics is a list of diagnostics, appended to as lifting goes.
type Diagnostics []Diagnostic

// Add appends a diagnostic.
func (ds *Diagnostics) Add(pos Pos, format string, args ...any) {
	*ds = append(*ds, Diagnostic{Pos: pos, Msg: fmt.Sprintf(format, args...)})
}
