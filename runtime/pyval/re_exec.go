package pyval

import (
	"regexp/syntax"
	"sort"
)

// reProg is a converted pattern compiled by Go's regexp/syntax, run by a backtracking
// executor over code points: in priority order, as CPython's matcher, so the first
// match found is Python's; (pc, position) states that failed once are not retried, so a
// search costs at most len(program) x len(input) steps.
type reProg struct {
	prog      *syntax.Prog
	ncap      int // capture slots: 2 x (groups + 1)
	multiline bool
	ascii     bool
	caps      []int      // Go group -> Python group, or -1 - lookaround index
	asserts   []reAssert // one-character lookarounds
}

func compileReSyntax(rs *reSyntax) (*reProg, error) {
	re, err := syntax.Parse(rs.goSrc, syntax.Perl)
	if err != nil {
		return nil, err
	}
	prog, err := syntax.Compile(re.Simplify())
	if err != nil {
		return nil, err
	}
	return &reProg{prog: prog, ncap: 2 * (rs.groups + 1), multiline: rs.multiline, ascii: rs.ascii,
		caps: rs.caps, asserts: rs.asserts}, nil
}

// reMode is how a search is anchored.
type reMode int

const (
	reSearchMode reMode = iota // re.search: any start from pos
	reMatchMode                // re.match: starting at pos
	reFullMode                 // re.fullmatch: starting at pos, ending at the end
)

// reExec holds one input and the visited set of its searches.
type reExec struct {
	p       *reProg
	in      []rune
	visited []uint64 // bit pos*len(prog)+pc
	stack   []reJob
}

type reJob struct {
	pc      uint32
	pos     int
	restore bool // restore caps[slot] = old
	slot    int
	old     int
}

// reMaxVisited bounds the visited set (bits): beyond it the executor backtracks without
// one, as CPython's matcher always does (same results, CPython's worst-case time).
const reMaxVisited = 1 << 26

func (p *reProg) newExec(in []rune) *reExec {
	n := len(p.prog.Inst) * (len(in) + 1)
	if n > reMaxVisited {
		return &reExec{p: p, in: in}
	}
	return &reExec{p: p, in: in, visited: make([]uint64, (n+63)/64)}
}

// isWord is Python's word character (\w, and \b's test).
func (x *reExec) isWord(r rune) bool {
	if x.p.ascii {
		return r < 128 && (r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')
	}
	return inRanges(reWord, r)
}

func inRanges(rs []reRange, r rune) bool {
	i := sort.Search(len(rs), func(i int) bool { return rs[i].hi >= r })
	return i < len(rs) && rs[i].lo <= r
}

// look reports whether a one-character lookaround holds at pos.
func (x *reExec) look(a *reAssert, pos int) bool {
	i := pos
	if a.behind {
		i--
	}
	in := i >= 0 && i < len(x.in) && inRanges(a.ranges, x.in[i])
	return in != a.negate
}

// empty reports whether the zero-width assertions op hold at pos, as CPython's do.
func (x *reExec) empty(op syntax.EmptyOp, pos int) bool {
	n := len(x.in)
	if op&syntax.EmptyBeginText != 0 && pos != 0 {
		return false
	}
	if op&syntax.EmptyEndText != 0 && pos != n {
		return false
	}
	if op&syntax.EmptyBeginLine != 0 && !(pos == 0 || x.in[pos-1] == '\n') {
		return false
	}
	if op&syntax.EmptyEndLine != 0 {
		if x.p.multiline {
			if !(pos == n || x.in[pos] == '\n') {
				return false
			}
		} else if !(pos == n || pos == n-1 && x.in[pos] == '\n') { // Python's `$`
			return false
		}
	}
	if op&(syntax.EmptyWordBoundary|syntax.EmptyNoWordBoundary) != 0 {
		if n == 0 {
			return false // CPython: neither \b nor \B matches in an empty string
		}
		before := pos > 0 && x.isWord(x.in[pos-1])
		after := pos < n && x.isWord(x.in[pos])
		if op&syntax.EmptyWordBoundary != 0 && before == after {
			return false
		}
		if op&syntax.EmptyNoWordBoundary != 0 && before != after {
			return false
		}
	}
	return true
}

// search finds the first match from pos (mode), in Python's order; mustAdvance rejects
// a match ending at pos (after an empty match, as CPython's finditer, sub and split).
// The result is the capture slots (code point offsets, -1 unset), or nil.
func (x *reExec) search(pos int, mode reMode, mustAdvance bool) []int {
	x.clearFrom(pos * len(x.p.prog.Inst))
	caps := make([]int, x.p.ncap)
	for start := pos; start <= len(x.in); start++ {
		for i := range caps {
			caps[i] = -1
		}
		if x.try(start, pos, mode, mustAdvance, caps) {
			return caps
		}
		if mode != reSearchMode {
			break
		}
	}
	return nil
}

// clearFrom clears the visited bits from bit i on (the states of positions a search from
// i / len(prog) may reach).
func (x *reExec) clearFrom(i int) {
	for ; i%64 != 0 && i/64 < len(x.visited); i++ {
		x.visited[i/64] &^= 1 << (i % 64)
	}
	clear(x.visited[min(i/64, len(x.visited)):])
}

func (x *reExec) try(start, searchPos int, mode reMode, mustAdvance bool, caps []int) bool {
	ni := len(x.p.prog.Inst)
	n := len(x.in)
	x.stack = append(x.stack[:0], reJob{pc: uint32(x.p.prog.Start), pos: start})
	for len(x.stack) > 0 {
		j := x.stack[len(x.stack)-1]
		x.stack = x.stack[:len(x.stack)-1]
		if j.restore {
			caps[j.slot] = j.old
			continue
		}
		pc, pos := j.pc, j.pos
	run:
		for {
			if x.visited != nil {
				bit := pos*ni + int(pc)
				if x.visited[bit/64]&(1<<(bit%64)) != 0 {
					break
				}
				x.visited[bit/64] |= 1 << (bit % 64)
			}
			inst := &x.p.prog.Inst[pc]
			switch inst.Op {
			case syntax.InstAlt, syntax.InstAltMatch:
				x.stack = append(x.stack, reJob{pc: inst.Arg, pos: pos})
				pc = inst.Out
			case syntax.InstRune, syntax.InstRune1, syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
				if pos >= n {
					break run
				}
				r := x.in[pos]
				switch inst.Op {
				case syntax.InstRune:
					if !inst.MatchRune(r) {
						break run
					}
				case syntax.InstRune1:
					if r != inst.Rune[0] {
						break run
					}
				case syntax.InstRuneAnyNotNL:
					if r == '\n' {
						break run
					}
				}
				pos++
				pc = inst.Out
			case syntax.InstCapture:
				g := int(inst.Arg / 2)
				if g >= len(x.p.caps) {
					pc = inst.Out
					continue
				}
				if py := x.p.caps[g]; py < 0 {
					if inst.Arg%2 == 0 && !x.look(&x.p.asserts[-1-py], pos) {
						break run
					}
				} else {
					slot := 2*py + int(inst.Arg%2)
					x.stack = append(x.stack, reJob{restore: true, slot: slot, old: caps[slot]})
					caps[slot] = pos
				}
				pc = inst.Out
			case syntax.InstEmptyWidth:
				if !x.empty(syntax.EmptyOp(inst.Arg), pos) {
					break run
				}
				pc = inst.Out
			case syntax.InstNop:
				pc = inst.Out
			case syntax.InstMatch:
				if mode == reFullMode && pos != n || mustAdvance && pos == searchPos {
					break run
				}
				caps[0], caps[1] = start, pos
				return true
			default: // InstFail
				break run
			}
		}
	}
	return false
}
