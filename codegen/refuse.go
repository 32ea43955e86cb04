package codegen

import (
	"fmt"
	"sort"
	"strings"

	"github.com/covetpy/covetgen/ir"
)

// Refusal is one reason the app cannot be migrated: a construct at a Python position.
type Refusal struct {
	Pos ir.Pos
	// What names the construct ("dependency with yield", "response_model on a union").
	What string
}

// String formats the refusal as file:line:col: cannot translate <construct>.
func (r Refusal) String() string { return r.Pos.String() + ": cannot translate " + r.What }

// refusals collects refusals without duplicates.
type refusals struct {
	list []Refusal
	seen map[Refusal]bool
	// at is the app position a refusal falls back to when its own position is not in the
	// app's sources (framework stubs such as OAuth2PasswordRequestForm's parameters).
	at ir.Pos
}

func (rs *refusals) add(pos ir.Pos, format string, args ...any) {
	if !pos.IsValid() || strings.HasPrefix(pos.File, "<") {
		pos = rs.at
	}
	r := Refusal{Pos: pos, What: fmt.Sprintf(format, args...)}
	if rs.seen == nil {
		rs.seen = map[Refusal]bool{}
	}
	if rs.seen[r] {
		return
	}
	rs.seen[r] = true
	rs.list = append(rs.list, r)
}

func (rs *refusals) len() int { return len(rs.list) }

// sorted returns the refusals by file, line and column.
func (rs *refusals) sorted() []Refusal {
	out := append([]Refusal(nil), rs.list...)
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Pos, out[j].Pos
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
	return out
}
