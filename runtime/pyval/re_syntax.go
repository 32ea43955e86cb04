package pyval

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// Python's re flag values (re.IGNORECASE...), as the flags argument carries them.
const (
	ReIgnoreCase = 2
	ReLocale     = 4
	ReMultiline  = 8
	ReDotAll     = 16
	ReUnicode    = 32
	ReVerbose    = 64
	ReASCII      = 256
)

// reMaxRepeat bounds counted repetitions: Go's regexp/syntax refuses counts above 1000.
const reMaxRepeat = 1000

// reRange is an inclusive range of code points.
type reRange struct{ lo, hi rune }

// reSyntax is a Python str pattern converted to Go's regexp/syntax (Perl flags): every
// literal is spelled \x{...}, \d \s \w and their negations are explicit classes of the
// code points CPython matches (re_tables.go, or ASCII under re.ASCII), `^` is \A (or
// (?m:^) under re.MULTILINE), `$` is (?m:$) and \Z is \z. The executor (re_exec.go) gives
// (?m:$) Python's meaning (end, or before a final newline) unless multiline, and \b \B
// Python's word characters; it matches code points, as CPython does.
type reSyntax struct {
	goSrc     string
	groups    int            // capturing groups
	names     []string       // group names in definition order
	index     map[string]int // group name -> number
	multiline bool
	ascii     bool
	// caps maps each capture group of goSrc, by Go number, to a Python group (> 0) or to
	// a one-character lookaround assertion (-1 - its index in asserts).
	caps    []int
	asserts []reAssert
}

// reAssert is a lookaround of one character: (?=c) (?!c) (?<=c) (?<!c), spelled in goSrc
// as an empty capture group the executor tests.
type reAssert struct {
	behind, negate bool
	ranges         []reRange
}

// reNode is a parsed pattern item.
type reNode struct {
	op       reOp
	r        rune      // reLit
	ranges   []reRange // reClass: sorted, disjoint
	anchor   string    // reAnchor: Go syntax
	group    int       // reGroup: capture number (0: non-capturing)
	kids     []*reNode // reGroup: one child (a reAlt); reAlt: sequences (reSeq); reSeq: items
	min, max int       // reRepeat (max -1: unbounded)
	lazy     bool
	look     int // reLook
}

type reOp int

const (
	reLit reOp = iota
	reClass
	reAny
	reAnchor
	reGroup
	reAlt
	reSeq
	reRepeat
	reLook // a one-character lookaround: look is its index in reParser.asserts
)

// reParser parses a Python pattern (CPython's re._parser rules) into reNodes, refusing
// the constructs whose meaning Go's regexp/syntax cannot give.
type reParser struct {
	src     []rune
	pos     int
	flags   int
	verbose bool
	groups  int
	names   []string
	index   map[string]int
	open    map[int]bool
	asserts []reAssert
	// casedClass: the set being parsed holds a cased character (under re.IGNORECASE)
	casedClass bool
}

// reRefusal is a construct the converter refuses: why names it.
type reRefusal struct{ why string }

func (r reRefusal) Error() string { return r.why }

func (p *reParser) refuse(format string, args ...any) {
	panic(reRefusal{fmt.Sprintf(format, args...)})
}

// ConvertRe checks a Python str pattern and its flags and converts it; err (never a
// panic) names the first construct whose behaviour Go's regexp cannot reproduce, or the
// pattern's error.
func ConvertRe(pattern string, flags int) (rs *reSyntax, err error) {
	defer func() {
		if r := recover(); r != nil {
			ref, ok := r.(reRefusal)
			if !ok {
				panic(r)
			}
			rs, err = nil, ref
		}
	}()
	const known = ReIgnoreCase | ReLocale | ReMultiline | ReDotAll | ReUnicode | ReVerbose | ReASCII
	if flags&^known != 0 || flags < 0 {
		return nil, reRefusal{fmt.Sprintf("regular expression flags %d", flags)}
	}
	p := &reParser{src: []rune(pattern), index: map[string]int{}, open: map[int]bool{}}
	p.flags = flags | p.leadingFlags()
	if p.flags&ReLocale != 0 {
		p.refuse("regular expression flag re.LOCALE (str patterns refuse it)")
	}
	if p.flags&ReASCII != 0 && p.flags&ReUnicode != 0 {
		p.refuse("regular expression flags re.ASCII and re.UNICODE together (incompatible)")
	}
	p.verbose = p.flags&ReVerbose != 0
	root := p.alt()
	if p.pos < len(p.src) {
		p.refuse("regular expression with an unbalanced parenthesis")
	}
	var b strings.Builder
	p.emit(&b, root)
	return &reSyntax{goSrc: b.String(), groups: p.groups, names: p.names, index: p.index,
		multiline: p.flags&ReMultiline != 0, ascii: p.flags&ReASCII != 0, caps: capMap(root, p.asserts), asserts: p.asserts}, nil
}

// leadingFlags reads a global flags group, (?aimsux), at the start of the pattern.
func (p *reParser) leadingFlags() int {
	if !strings.HasPrefix(string(p.src), "(?") {
		return 0
	}
	f := 0
	i := 2
	for ; i < len(p.src); i++ {
		switch p.src[i] {
		case 'a':
			f |= ReASCII
		case 'i':
			f |= ReIgnoreCase
		case 'L':
			f |= ReLocale
		case 'm':
			f |= ReMultiline
		case 's':
			f |= ReDotAll
		case 'u':
			f |= ReUnicode
		case 'x':
			f |= ReVerbose
		case ')':
			if i == 2 {
				p.refuse("regular expression group (?)")
			}
			p.pos = i + 1
			return f
		default:
			return 0 // a scoped group or another extension: parsed later
		}
	}
	return 0
}

func (p *reParser) peek() (rune, bool) {
	if p.pos < len(p.src) {
		return p.src[p.pos], true
	}
	return 0, false
}

func (p *reParser) match(r rune) bool {
	if c, ok := p.peek(); ok && c == r {
		p.pos++
		return true
	}
	return false
}

// alt parses alternatives up to ')' or the end.
func (p *reParser) alt() *reNode {
	n := &reNode{op: reAlt}
	for {
		n.kids = append(n.kids, p.seq())
		if !p.match('|') {
			return n
		}
	}
}

// seq parses one alternative.
func (p *reParser) seq() *reNode {
	n := &reNode{op: reSeq}
	for {
		c, ok := p.peek()
		if !ok || c == '|' || c == ')' {
			return n
		}
		p.pos++
		if p.verbose {
			if strings.ContainsRune(" \t\n\r\v\f", c) {
				continue
			}
			if c == '#' {
				for p.pos < len(p.src) && p.src[p.pos] != '\n' {
					p.pos++
				}
				if p.pos < len(p.src) {
					p.pos++
				}
				continue
			}
		}
		switch c {
		case '\\':
			n.kids = append(n.kids, p.escape())
		case '[':
			n.kids = append(n.kids, p.class())
		case '.':
			n.kids = append(n.kids, &reNode{op: reAny})
		case '^':
			n.kids = append(n.kids, p.anchor('^'))
		case '$':
			n.kids = append(n.kids, p.anchor('$'))
		case '(':
			n.kids = append(n.kids, p.group())
		case '*', '+', '?', '{':
			min, max, ok := p.quantifier(c)
			if !ok {
				n.kids = append(n.kids, p.lit('{'))
				continue
			}
			if len(n.kids) == 0 || n.kids[len(n.kids)-1].op == reAnchor {
				p.refuse("regular expression with nothing to repeat (an error in Python)")
			}
			last := n.kids[len(n.kids)-1]
			if last.op == reRepeat {
				p.refuse("regular expression with a multiple repeat (an error in Python)")
			}
			rep := &reNode{op: reRepeat, min: min, max: max, kids: []*reNode{last}}
			if p.match('?') {
				rep.lazy = true
			} else if p.match('+') {
				p.refuse("possessive quantifier in a regular expression (Go's regexp has none)")
			}
			if nullable(last) {
				p.refuse("repetition of a subpattern that can match the empty string in a regular expression (its captures differ between Python and Go)")
			}
			if min > reMaxRepeat || max > reMaxRepeat {
				p.refuse("repetition count above %d in a regular expression", reMaxRepeat)
			}
			n.kids[len(n.kids)-1] = rep
		default:
			n.kids = append(n.kids, p.lit(c))
		}
	}
}

// quantifier reads a quantifier whose first character c was consumed; ok false for a
// '{' that is a literal (then nothing more is consumed).
func (p *reParser) quantifier(c rune) (min, max int, ok bool) {
	switch c {
	case '*':
		return 0, -1, true
	case '+':
		return 1, -1, true
	case '?':
		return 0, 1, true
	}
	here := p.pos
	if r, ok := p.peek(); ok && r == '}' {
		return 0, 0, false
	}
	digits := func() string {
		s := p.pos
		for p.pos < len(p.src) && p.src[p.pos] >= '0' && p.src[p.pos] <= '9' {
			p.pos++
		}
		return string(p.src[s:p.pos])
	}
	lo := digits()
	hi := lo
	if p.match(',') {
		hi = digits()
	}
	if !p.match('}') {
		p.pos = here
		return 0, 0, false
	}
	min, max = 0, -1
	if lo != "" {
		min = atoiCapped(lo)
	}
	if hi != "" {
		max = atoiCapped(hi)
		if max < min {
			p.refuse("regular expression with min repeat greater than max repeat (an error in Python)")
		}
	}
	return min, max, true
}

func atoiCapped(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil || n > 1<<30 {
		return 1 << 30
	}
	return n
}

func (p *reParser) lit(r rune) *reNode {
	if p.flags&ReIgnoreCase != 0 && reCased(r) {
		return &reNode{op: reClass, ranges: normRanges(p.fold(r))}
	}
	return &reNode{op: reLit, r: r}
}

// fold is what the cased character r matches under re.IGNORECASE: an ASCII letter
// matches what CPython's tables say (reFoldASCII: i also matches İ and ı, k the Kelvin
// sign, s ſ), or only its two cases under re.ASCII; other cased characters are refused.
func (p *reParser) fold(r rune) []reRange {
	lower := unicode.ToLower(r)
	if r >= 128 || lower >= 128 || !unicode.IsLetter(r) {
		p.refuse("case-insensitive regular expression with the non-ASCII cased character %q (Python's and Go's case folding differ)", r)
	}
	rs := []reRange{{lower, lower}, {unicode.ToUpper(r), unicode.ToUpper(r)}}
	if p.flags&ReASCII == 0 {
		for _, c := range reFoldASCII[lower] {
			rs = append(rs, reRange{c, c})
		}
	}
	return rs
}

// reCased reports whether case-insensitive matching may change what r matches.
func reCased(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsUpper(r) || unicode.IsLower(r) || unicode.IsTitle(r) ||
		unicode.SimpleFold(r) != r || unicode.ToLower(r) != r || unicode.ToUpper(r) != r
}

func (p *reParser) anchor(c rune) *reNode {
	multi := p.flags&ReMultiline != 0
	switch {
	case c == '^' && multi:
		return &reNode{op: reAnchor, anchor: `(?m:^)`}
	case c == '^':
		return &reNode{op: reAnchor, anchor: `\A`}
	}
	return &reNode{op: reAnchor, anchor: `(?m:$)`} // re_exec.go gives it Python's meaning
}

// group parses what follows '('.
func (p *reParser) group() *reNode {
	num := 0
	if p.match('?') {
		c, ok := p.peek()
		if !ok {
			p.refuse("regular expression with an unterminated group")
		}
		p.pos++
		switch {
		case c == ':':
		case c == 'P' && p.match('<'):
			name := p.until('>')
			if !isIdentifier(name) {
				p.refuse("regular expression group name %q (an error in Python)", name)
			}
			if _, dup := p.index[name]; dup {
				p.refuse("regular expression group name %q defined twice (an error in Python)", name)
			}
			p.groups++
			num = p.groups
			p.index[name] = num
			p.names = append(p.names, name)
		case c == 'P' && p.match('='):
			p.refuse("backreference (?P=...) in a regular expression (Go's regexp has none)")
		case c == '#':
			for {
				r, ok := p.peek()
				if !ok {
					p.refuse("regular expression with an unterminated comment")
				}
				p.pos++
				if r == ')' {
					return &reNode{op: reSeq}
				}
			}
		case c == '=' || c == '!':
			return p.lookaround(false, c == '!')
		case c == '<' && p.match('='):
			return p.lookaround(true, false)
		case c == '<' && p.match('!'):
			return p.lookaround(true, true)
		case c == '>':
			p.refuse("atomic group in a regular expression (Go's regexp has none)")
		case c == '(':
			p.refuse("conditional group in a regular expression (Go's regexp has none)")
		case strings.ContainsRune("aiLmsux-", c):
			p.refuse("inline flags inside a regular expression (only a global group at its start)")
		default:
			p.refuse("regular expression extension (?%c", c)
		}
	} else {
		p.groups++
		num = p.groups
	}
	p.open[num] = true
	body := p.alt()
	delete(p.open, num)
	if !p.match(')') {
		p.refuse("regular expression with a missing ), unterminated subpattern (an error in Python)")
	}
	return &reNode{op: reGroup, group: num, kids: []*reNode{body}}
}

// lookaround parses the body of a lookaround (after its opening): only one character (a
// literal, a class or .) is accepted, which the executor tests without Go's help.
func (p *reParser) lookaround(behind, negate bool) *reNode {
	kind := "lookahead"
	if behind {
		kind = "lookbehind"
	}
	body := p.alt()
	if !p.match(')') {
		p.refuse("regular expression with a missing ), unterminated subpattern (an error in Python)")
	}
	if len(body.kids) != 1 || len(body.kids[0].kids) != 1 {
		p.refuse("%s assertion of other than one character in a regular expression (Go's regexp has none)", kind)
	}
	a := reAssert{behind: behind, negate: negate}
	switch it := body.kids[0].kids[0]; it.op {
	case reLit:
		a.ranges = []reRange{{it.r, it.r}}
	case reClass:
		a.ranges = it.ranges
	case reAny:
		a.ranges = []reRange{{0, '\n' - 1}, {'\n' + 1, unicode.MaxRune}}
		if p.flags&ReDotAll != 0 {
			a.ranges = []reRange{{0, unicode.MaxRune}}
		}
	default:
		p.refuse("%s assertion of other than one character in a regular expression (Go's regexp has none)", kind)
	}
	p.asserts = append(p.asserts, a)
	return &reNode{op: reLook, look: len(p.asserts) - 1}
}

// capMap numbers the capture groups of the Go pattern (Python groups and lookarounds, in
// source order).
func capMap(n *reNode, asserts []reAssert) []int {
	caps := []int{0}
	var walk func(n *reNode)
	walk = func(n *reNode) {
		switch n.op {
		case reLook:
			caps = append(caps, -1-n.look)
		case reGroup:
			if n.group > 0 {
				caps = append(caps, n.group)
			}
		}
		for _, k := range n.kids {
			walk(k)
		}
	}
	walk(n)
	return caps
}

func (p *reParser) until(end rune) string {
	s := p.pos
	for p.pos < len(p.src) && p.src[p.pos] != end {
		p.pos++
	}
	if p.pos >= len(p.src) {
		p.refuse("regular expression with a missing %c (an error in Python)", end)
	}
	name := string(p.src[s:p.pos])
	p.pos++
	return name
}

func isIdentifier(s string) bool {
	if s == "" || s[0] >= '0' && s[0] <= '9' {
		return false
	}
	for _, r := range s {
		if r != '_' && (r < 'a' || r > 'z') && (r < 'A' || r > 'Z') && (r < '0' || r > '9') {
			return false // non-ASCII names are refused too (Python's identifier rules are Unicode's)
		}
	}
	return true
}

// hexEscape reads exactly n hex digits.
func (p *reParser) hexEscape(n int, what string) rune {
	if p.pos+n > len(p.src) {
		p.refuse("incomplete escape %s in a regular expression (an error in Python)", what)
	}
	v, err := strconv.ParseUint(string(p.src[p.pos:p.pos+n]), 16, 32)
	if err != nil || strings.ContainsAny(string(p.src[p.pos:p.pos+n]), "+-_xX") {
		p.refuse("incomplete escape %s in a regular expression (an error in Python)", what)
	}
	p.pos += n
	if v > unicode.MaxRune {
		p.refuse("bad escape %s in a regular expression (an error in Python)", what)
	}
	return rune(v)
}

func isOct(r rune) bool { return r >= '0' && r <= '7' }

// escape parses an escape outside a class (the backslash consumed).
func (p *reParser) escape() *reNode {
	c, ok := p.peek()
	if !ok {
		p.refuse("regular expression ending in a backslash (an error in Python)")
	}
	p.pos++
	switch c {
	case 'A':
		return &reNode{op: reAnchor, anchor: `\A`}
	case 'Z':
		return &reNode{op: reAnchor, anchor: `\z`}
	case 'b':
		return &reNode{op: reAnchor, anchor: `\b`}
	case 'B':
		return &reNode{op: reAnchor, anchor: `\B`}
	case 'd', 'D', 's', 'S', 'w', 'W':
		return &reNode{op: reClass, ranges: p.category(c)}
	}
	if r, ok := p.charEscape(c, false); ok {
		return p.lit(r)
	}
	if c >= '1' && c <= '9' {
		// octal (three digits, the first two octal) or a group reference
		if p.pos+1 < len(p.src) && isOct(c) && isOct(p.src[p.pos]) && isOct(p.src[p.pos+1]) {
			v := (c-'0')*64 + (p.src[p.pos]-'0')*8 + p.src[p.pos+1] - '0'
			if v > 0o377 {
				p.refuse("octal escape outside of range 0-0o377 in a regular expression (an error in Python)")
			}
			p.pos += 2
			return p.lit(v)
		}
		p.refuse("backreference \\%c in a regular expression (Go's regexp has none)", c)
	}
	p.refuse("bad escape \\%c in a regular expression (an error in Python)", c)
	return nil
}

// charEscape reads the escapes both contexts share that stand for one character (c, the
// letter after the backslash, consumed); ok false for the others.
func (p *reParser) charEscape(c rune, inClass bool) (rune, bool) {
	switch c {
	case 'a':
		return '\a', true
	case 'f':
		return '\f', true
	case 'n':
		return '\n', true
	case 'r':
		return '\r', true
	case 't':
		return '\t', true
	case 'v':
		return '\v', true
	case '\\':
		return '\\', true
	case 'x':
		return p.hexEscape(2, `\x`), true
	case 'u':
		return p.hexEscape(4, `\u`), true
	case 'U':
		return p.hexEscape(8, `\U`), true
	case 'N':
		p.refuse(`named character escape \N{...} in a regular expression`)
	case '0':
		v := rune(0)
		for i := 0; i < 2 && p.pos < len(p.src) && isOct(p.src[p.pos]); i++ {
			v = v*8 + p.src[p.pos] - '0'
			p.pos++
		}
		return v, true
	}
	if inClass && isOct(c) {
		v := c - '0'
		for i := 0; i < 2 && p.pos < len(p.src) && isOct(p.src[p.pos]); i++ {
			v = v*8 + p.src[p.pos] - '0'
			p.pos++
		}
		if v > 0o377 {
			p.refuse("octal escape outside of range 0-0o377 in a regular expression (an error in Python)")
		}
		return v, true
	}
	if c >= '0' && c <= '9' || c < 128 && unicode.IsLetter(c) {
		return 0, false
	}
	return c, true // an escaped punctuation or non-ASCII character: itself
}

// category is the class \d \D \s \S \w \W stands for.
func (p *reParser) category(c rune) []reRange {
	var rs []reRange
	ascii := p.flags&ReASCII != 0
	switch c {
	case 'd', 'D':
		rs = reDigit
		if ascii {
			rs = []reRange{{'0', '9'}}
		}
	case 's', 'S':
		rs = reSpace
		if ascii {
			rs = []reRange{{'\t', '\r'}, {' ', ' '}}
		}
	case 'w', 'W':
		rs = reWord
		if ascii {
			rs = []reRange{{'0', '9'}, {'A', 'Z'}, {'_', '_'}, {'a', 'z'}}
		}
	}
	if unicode.IsUpper(c) {
		return complementRanges(rs)
	}
	return rs
}

// class parses a set (the '[' consumed).
func (p *reParser) class() *reNode {
	negate := p.match('^')
	var rs []reRange
	first := true
	p.casedClass = false
	hasCat := false
	for {
		c, ok := p.peek()
		if !ok {
			p.refuse("regular expression with an unterminated character set (an error in Python)")
		}
		p.pos++
		if c == ']' && !first {
			break
		}
		first = false
		lo, single, cat := p.classItem(c)
		hasCat = hasCat || cat != nil
		if p.pos+1 < len(p.src) && p.src[p.pos] == '-' && p.src[p.pos+1] == ']' {
			p.pos += 2
			rs = append(rs, cat...)
			if single {
				rs = append(rs, p.classRange(lo, lo)...)
			}
			rs = append(rs, p.classRange('-', '-')...)
			break
		}
		if p.pos < len(p.src) && p.src[p.pos] == '-' {
			p.pos++
			if p.pos >= len(p.src) {
				p.refuse("regular expression with an unterminated character set (an error in Python)")
			}
			c2 := p.src[p.pos]
			p.pos++
			hi, single2, _ := p.classItem(c2)
			if !single || !single2 || hi < lo {
				p.refuse("bad character range in a regular expression (an error in Python)")
			}
			rs = append(rs, p.classRange(lo, hi)...)
			continue
		}
		rs = append(rs, cat...)
		if single {
			rs = append(rs, p.classRange(lo, lo)...)
		}
	}
	if p.casedClass && hasCat {
		// CPython then tests \d \s \w on the lowercased character
		p.refuse("case-insensitive character set mixing letters with \\d, \\s or \\w in a regular expression")
	}
	rs = normRanges(rs)
	if negate {
		rs = complementRanges(rs)
	}
	return &reNode{op: reClass, ranges: rs}
}

// classItem reads one member of a set (c consumed): a character, or a category.
func (p *reParser) classItem(c rune) (r rune, single bool, cat []reRange) {
	if c != '\\' {
		return c, true, nil
	}
	e, ok := p.peek()
	if !ok {
		p.refuse("regular expression with an unterminated character set (an error in Python)")
	}
	p.pos++
	switch e {
	case 'd', 'D', 's', 'S', 'w', 'W':
		return 0, false, p.category(e)
	case 'b':
		return '\b', true, nil
	}
	if r, ok := p.charEscape(e, true); ok {
		return r, true, nil
	}
	p.refuse("bad escape \\%c in a regular expression (an error in Python)", e)
	return 0, false, nil
}

func (p *reParser) classRange(lo, hi rune) []reRange {
	rs := []reRange{{lo, hi}}
	if p.flags&ReIgnoreCase != 0 {
		for r := lo; r <= hi; r++ {
			if reCased(r) {
				rs = append(rs, p.fold(r)...)
				p.casedClass = true
			}
		}
	}
	return rs
}

// normRanges sorts and merges ranges.
func normRanges(rs []reRange) []reRange {
	rs = append([]reRange(nil), rs...)
	sort.Slice(rs, func(i, j int) bool { return rs[i].lo < rs[j].lo })
	var out []reRange
	for _, r := range rs {
		if n := len(out); n > 0 && r.lo <= out[n-1].hi+1 {
			if r.hi > out[n-1].hi {
				out[n-1].hi = r.hi
			}
			continue
		}
		out = append(out, r)
	}
	return out
}

// complementRanges is every code point (surrogates included, as a str may hold them)
// outside rs.
func complementRanges(rs []reRange) []reRange {
	rs = normRanges(rs)
	var out []reRange
	next := rune(0)
	for _, r := range rs {
		if r.lo > next {
			out = append(out, reRange{next, r.lo - 1})
		}
		next = r.hi + 1
	}
	if next <= unicode.MaxRune {
		out = append(out, reRange{next, unicode.MaxRune})
	}
	return out
}

// nullable reports whether n can match the empty string.
func nullable(n *reNode) bool {
	switch n.op {
	case reLit, reClass, reAny:
		return false
	case reAnchor, reLook:
		return true
	case reGroup:
		return nullable(n.kids[0])
	case reAlt:
		for _, k := range n.kids {
			if nullable(k) {
				return true
			}
		}
		return false
	case reSeq:
		for _, k := range n.kids {
			if !nullable(k) {
				return false
			}
		}
		return true
	case reRepeat:
		return n.min == 0 || nullable(n.kids[0])
	}
	return true
}

// emit writes n in Go's syntax.
func (p *reParser) emit(b *strings.Builder, n *reNode) {
	switch n.op {
	case reLit:
		fmt.Fprintf(b, `\x{%X}`, n.r)
	case reClass:
		if len(n.ranges) == 0 {
			b.WriteString(`[^\x{0}-\x{10FFFF}]`)
			return
		}
		b.WriteByte('[')
		for _, r := range n.ranges {
			if r.lo == r.hi {
				fmt.Fprintf(b, `\x{%X}`, r.lo)
			} else {
				fmt.Fprintf(b, `\x{%X}-\x{%X}`, r.lo, r.hi)
			}
		}
		b.WriteByte(']')
	case reAny:
		if p.flags&ReDotAll != 0 {
			b.WriteString(`(?s:.)`)
		} else {
			b.WriteString(`(?-s:.)`)
		}
	case reAnchor:
		b.WriteString(n.anchor)
	case reLook:
		b.WriteString("()") // the executor's assertion (reSyntax.caps)
	case reGroup:
		if n.group > 0 {
			b.WriteByte('(')
		} else {
			b.WriteString("(?:")
		}
		p.emit(b, n.kids[0])
		b.WriteByte(')')
	case reAlt:
		b.WriteString("(?:")
		for i, k := range n.kids {
			if i > 0 {
				b.WriteByte('|')
			}
			p.emit(b, k)
		}
		b.WriteByte(')')
	case reSeq:
		for _, k := range n.kids {
			p.emit(b, k)
		}
	case reRepeat:
		b.WriteString("(?:")
		p.emit(b, n.kids[0])
		b.WriteByte(')')
		switch {
		case n.min == 0 && n.max == -1:
			b.WriteByte('*')
		case n.min == 1 && n.max == -1:
			b.WriteByte('+')
		case n.min == 0 && n.max == 1:
			b.WriteByte('?')
		case n.max == -1:
			fmt.Fprintf(b, "{%d,}", n.min)
		default:
			fmt.Fprintf(b, "{%d,%d}", n.min, n.max)
		}
		if n.lazy {
			b.WriteByte('?')
		}
	}
}
