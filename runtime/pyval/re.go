package pyval

import (
	"fmt"
	"strconv"
	"strings"
)

// RePattern is a compiled Python pattern (re.compile's result), of a str pattern that
// ConvertRe accepts: immutable, shared by every request.
type RePattern struct {
	src   string
	flags int
	syn   *reSyntax
	prog  *reProg
}

// ReMatch is a match object: its subject and capture offsets (code points).
type ReMatch struct {
	pat  *RePattern
	s    string
	offs []int // byte offset of each code point of s, and len(s)
	caps []int
}

func (*RePattern) TypeName() string { return "Pattern" }
func (*ReMatch) TypeName() string   { return "Match" }

// ReCompile is re.compile(src, flags) of a pattern ConvertRe accepts (the code generator
// checked it): an error otherwise.
func ReCompile(src string, flags int) (*RePattern, error) {
	syn, err := ConvertRe(src, flags)
	if err != nil {
		return nil, raise("re.error", err.Error())
	}
	prog, err := compileReSyntax(syn)
	if err != nil {
		return nil, raise("re.error", err.Error())
	}
	return &RePattern{src: src, flags: flags, syn: syn, prog: prog}, nil
}

// reSubj is a pattern method's pattern and its decoded subject: the string, its code
// points and their byte offsets (and len(str)).
type reSubj struct {
	pat  *RePattern
	str  string
	in   []rune
	offs []int
}

// reSubject decodes the string argument s of a method of pat.
func reSubject(pat *RePattern, s Value) (*reSubj, error) {
	str, ok := s.(Str)
	if !ok {
		return nil, typeError("expected string or bytes-like object, got '%s'", s.TypeName())
	}
	in := make([]rune, 0, len(str))
	offs := make([]int, 0, len(str)+1)
	for i := 0; i < len(str); {
		r, n := decodeWTF8(string(str[i:]))
		in = append(in, r)
		offs = append(offs, i)
		i += n
	}
	offs = append(offs, len(str))
	return &reSubj{pat: pat, str: string(str), in: in, offs: offs}, nil
}

// reArgs reads the receiver p and subject s of a pattern method.
func reArgs(p, s Value) (*reSubj, error) {
	pat, err := asPattern(p)
	if err != nil {
		return nil, err
	}
	return reSubject(pat, s)
}

// match is the match object of caps in the subject.
func (x *reSubj) match(caps []int) *ReMatch {
	return &ReMatch{pat: x.pat, s: x.str, offs: x.offs, caps: caps}
}

// text is the subject between code points a and b.
func (x *reSubj) text(a, b int) string { return x.str[x.offs[a]:x.offs[b]] }

// eachLimited calls fn(last, caps) for the matches sub and split replace or split at,
// last the code point where the previous one ended: all when limit is 0, none when it is
// negative, else the first limit, until fn returns false. It returns where the last
// match ended and how many matches fn accepted.
func (x *reSubj) eachLimited(limit int64, fn func(last int, caps []int) bool) (int, int64) {
	last, done := 0, int64(0)
	if limit < 0 {
		return last, done
	}
	reEach(x.pat, x.in, func(caps []int) bool {
		if !fn(last, caps) {
			return false
		}
		last = caps[1]
		done++
		return limit == 0 || done < limit
	})
	return last, done
}

func asPattern(p Value) (*RePattern, error) {
	pat, ok := p.(*RePattern)
	if !ok {
		return nil, attrError(p, "search")
	}
	return pat, nil
}

// ReSearch is pattern.search(s) (mode 0), pattern.match(s) (1) or pattern.fullmatch(s)
// (2): a *ReMatch or None.
func ReSearch(p, s Value, mode int) (Value, error) {
	x, err := reArgs(p, s)
	if err != nil {
		return nil, err
	}
	caps := x.pat.prog.newExec(x.in).search(0, reMode(mode), false)
	if caps == nil {
		return None, nil
	}
	return x.match(caps), nil
}

// reEach calls fn for each match CPython's finditer gives, in order, until fn returns
// false.
func reEach(pat *RePattern, in []rune, fn func(caps []int) bool) {
	x := pat.prog.newExec(in)
	pos, must := 0, false
	for pos <= len(in) {
		caps := x.search(pos, reSearchMode, must)
		if caps == nil || !fn(caps) {
			return
		}
		must = caps[1] == caps[0]
		pos = caps[1]
	}
}

// ReFindall is pattern.findall(s).
func ReFindall(p, s Value) (Value, error) {
	x, err := reArgs(p, s)
	if err != nil {
		return nil, err
	}
	out := &List{}
	g := x.pat.syn.groups
	reEach(x.pat, x.in, func(caps []int) bool {
		m := x.match(caps)
		switch g {
		case 0:
			out.Items = append(out.Items, m.text(0, Str("")))
		case 1:
			out.Items = append(out.Items, m.text(1, Str("")))
		default:
			t := make(Tuple, g)
			for i := range t {
				t[i] = m.text(i+1, Str(""))
			}
			out.Items = append(out.Items, t)
		}
		return true
	})
	return out, nil
}

// reCount reads a count or maxsplit argument.
func reCount(v Value) (int64, error) {
	switch x := v.(type) {
	case Int:
		v, ok := x.Int64()
		if !ok {
			return 0, overflowError("Python int too large to convert to C ssize_t")
		}
		return v, nil
	case Bool:
		if x {
			return 1, nil
		}
		return 0, nil
	}
	return 0, typeError("'%s' object cannot be interpreted as an integer", v.TypeName())
}

// ReSub is pattern.sub(repl, s, count) (n false) or pattern.subn (n true: a (str, int)
// tuple), repl a str template (\1, \g<name>...).
func ReSub(p, repl, s, count Value, n bool) (Value, error) {
	pat, err := asPattern(p)
	if err != nil {
		return nil, err
	}
	tmpl, ok := repl.(Str)
	if !ok {
		return nil, typeError("expected str instance, %s found", repl.TypeName())
	}
	parts, err := ParseReTemplate(string(tmpl), pat.syn.groups, pat.syn.index)
	if err != nil {
		return nil, err
	}
	x, err := reSubject(pat, s)
	if err != nil {
		return nil, err
	}
	limit, err := reCount(count)
	if err != nil {
		return nil, err
	}
	var b strings.Builder
	last, done := x.eachLimited(limit, func(last int, caps []int) bool {
		m := x.match(caps)
		b.WriteString(x.text(last, caps[0]))
		for _, part := range parts {
			if part.group < 0 {
				b.WriteString(part.lit)
			} else if t, ok := m.text(part.group, Str("")).(Str); ok {
				b.WriteString(string(t))
			}
		}
		return true
	})
	b.WriteString(x.text(last, len(x.in)))
	if n {
		return Tuple{Str(b.String()), IntOf(done)}, nil
	}
	return Str(b.String()), nil
}

// ReSplit is pattern.split(s, maxsplit).
func ReSplit(p, s, maxsplit Value) (Value, error) {
	x, err := reArgs(p, s)
	if err != nil {
		return nil, err
	}
	limit, err := reCount(maxsplit)
	if err != nil {
		return nil, err
	}
	out := &List{}
	last, _ := x.eachLimited(limit, func(last int, caps []int) bool {
		m := x.match(caps)
		out.Items = append(out.Items, Str(x.text(last, caps[0])))
		for g := 1; g <= x.pat.syn.groups; g++ {
			out.Items = append(out.Items, m.text(g, None))
		}
		return true
	})
	out.Items = append(out.Items, Str(x.text(last, len(x.in))))
	return out, nil
}

// reTemplatePart is a literal (group -1) or a group reference of a sub() template.
type reTemplatePart struct {
	lit   string
	group int
}

// ParseReTemplate parses a sub() replacement template for a pattern with groups groups
// (index: the named ones) as CPython does; its errors are CPython's (re.error, or the
// IndexError of an unknown group name).
func ParseReTemplate(t string, groups int, index map[string]int) ([]reTemplatePart, error) {
	var parts []reTemplatePart
	var lit strings.Builder
	flush := func() {
		if lit.Len() > 0 {
			parts = append(parts, reTemplatePart{lit: lit.String(), group: -1})
			lit.Reset()
		}
	}
	addGroup := func(g int) error {
		if g > groups {
			return raise("re.error", fmt.Sprintf("invalid group reference %d", g))
		}
		flush()
		parts = append(parts, reTemplatePart{group: g})
		return nil
	}
	isDigit := func(i int) bool { return i < len(t) && t[i] >= '0' && t[i] <= '9' }
	isOctal := func(i int) bool { return i < len(t) && t[i] >= '0' && t[i] <= '7' }
	for i := 0; i < len(t); {
		if t[i] != '\\' {
			r, n := decodeWTF8(t[i:])
			lit.WriteString(t[i : i+n])
			_ = r
			i += n
			continue
		}
		if i+1 >= len(t) {
			return nil, raise("re.error", "bad escape (end of pattern)")
		}
		c := t[i+1]
		i += 2
		switch {
		case c == 'g':
			if i >= len(t) || t[i] != '<' {
				return nil, raise("re.error", "missing <")
			}
			end := strings.IndexByte(t[i+1:], '>')
			if end < 0 {
				return nil, raise("re.error", "missing >, unterminated name")
			}
			name := t[i+1 : i+1+end]
			i += end + 2
			if name == "" {
				return nil, raise("re.error", "missing group name")
			}
			if isIdentifier(name) {
				g, ok := index[name]
				if !ok {
					return nil, raise("IndexError", fmt.Sprintf("unknown group name '%s'", name))
				}
				if err := addGroup(g); err != nil {
					return nil, err
				}
				continue
			}
			g, err := strconv.Atoi(name)
			if err != nil || g < 0 || strings.ContainsAny(name, "+-_ ") {
				return nil, raise("re.error", fmt.Sprintf("bad character in group name %s", reprString(Str(name))))
			}
			if err := addGroup(g); err != nil {
				return nil, err
			}
		case c == '0':
			v := 0
			for k := 0; k < 2 && isOctal(i); k++ {
				v = v*8 + int(t[i]-'0')
				i++
			}
			lit.WriteRune(rune(v & 0xff))
		case c >= '1' && c <= '9':
			if isDigit(i) {
				if c <= '7' && isOctal(i) && isOctal(i+1) {
					v := int(c-'0')*64 + int(t[i]-'0')*8 + int(t[i+1]-'0')
					if v > 0o377 {
						return nil, raise("re.error", fmt.Sprintf("octal escape value \\%s outside of range 0-0o377", t[i-1:i+2]))
					}
					lit.WriteRune(rune(v))
					i += 2
					continue
				}
				g := int(c-'0')*10 + int(t[i]-'0')
				i++
				if err := addGroup(g); err != nil {
					return nil, err
				}
				continue
			}
			if err := addGroup(int(c - '0')); err != nil {
				return nil, err
			}
		default:
			switch c {
			case 'a':
				lit.WriteByte('\a')
			case 'b':
				lit.WriteByte('\b')
			case 'f':
				lit.WriteByte('\f')
			case 'n':
				lit.WriteByte('\n')
			case 'r':
				lit.WriteByte('\r')
			case 't':
				lit.WriteByte('\t')
			case 'v':
				lit.WriteByte('\v')
			case '\\':
				lit.WriteByte('\\')
			default:
				if c < 128 && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
					return nil, raise("re.error", fmt.Sprintf("bad escape \\%c", c))
				}
				lit.WriteByte('\\') // kept as is, with its backslash
				_, n := decodeWTF8(t[i-1:])
				lit.WriteString(t[i-1 : i-1+n])
				i += n - 1
			}
		}
	}
	flush()
	return parts, nil
}

// text is group g's text, or def when it did not participate.
func (m *ReMatch) text(g int, def Value) Value {
	a, b := m.caps[2*g], m.caps[2*g+1]
	if a < 0 || b < 0 {
		return def
	}
	return Str(m.s[m.offs[a]:m.offs[b]])
}

// asMatch reads the receiver of a match method (None: the AttributeError Python raises).
func asMatch(m Value, method string) (*ReMatch, error) {
	x, ok := m.(*ReMatch)
	if !ok {
		return nil, attrError(m, method)
	}
	return x, nil
}

func attrError(v Value, name string) error {
	return raise("AttributeError", fmt.Sprintf("'%s' object has no attribute '%s'", v.TypeName(), name))
}

// groupIndex resolves a group argument: an int or a group name.
func (m *ReMatch) groupIndex(g Value) (int, error) {
	switch x := g.(type) {
	case Int:
		if v, ok := x.Int64(); ok && v >= 0 && v <= int64(m.pat.syn.groups) {
			return int(v), nil
		}
	case Bool:
		if x {
			if m.pat.syn.groups >= 1 {
				return 1, nil
			}
		} else {
			return 0, nil
		}
	case Str:
		if i, ok := m.pat.syn.index[string(x)]; ok {
			return i, nil
		}
	}
	return 0, raise("IndexError", "no such group")
}

// ReGroup is m.group(*args).
func ReGroup(m Value, args ...Value) (Value, error) {
	x, err := asMatch(m, "group")
	if err != nil {
		return nil, err
	}
	if len(args) == 0 {
		return x.text(0, None), nil
	}
	out := make(Tuple, len(args))
	for i, a := range args {
		g, err := x.groupIndex(a)
		if err != nil {
			return nil, err
		}
		out[i] = x.text(g, None)
	}
	if len(args) == 1 {
		return out[0], nil
	}
	return out, nil
}

// ReItem is m[g].
func ReItem(m, g Value) (Value, error) {
	x, ok := m.(*ReMatch)
	if !ok {
		return nil, typeError("'%s' object is not subscriptable", m.TypeName())
	}
	i, err := x.groupIndex(g)
	if err != nil {
		return nil, err
	}
	return x.text(i, None), nil
}

// ReGroups is m.groups(default).
func ReGroups(m, def Value) (Value, error) {
	x, err := asMatch(m, "groups")
	if err != nil {
		return nil, err
	}
	out := make(Tuple, x.pat.syn.groups)
	for i := range out {
		out[i] = x.text(i+1, def)
	}
	return out, nil
}

// ReGroupdict is m.groupdict(default).
func ReGroupdict(m, def Value) (Value, error) {
	x, err := asMatch(m, "groupdict")
	if err != nil {
		return nil, err
	}
	d, _ := NewDict()
	for _, name := range x.pat.syn.names {
		if err := d.Set(Str(name), x.text(x.pat.syn.index[name], def)); err != nil {
			return nil, err
		}
	}
	return d, nil
}

// ReSpan is m.start(g) (which 0), m.end(g) (1) or m.span(g) (2); g nil is group 0.
func ReSpan(m, g Value, which int) (Value, error) {
	x, err := asMatch(m, [...]string{"start", "end", "span"}[which])
	if err != nil {
		return nil, err
	}
	i := 0
	if g != nil {
		if i, err = x.groupIndex(g); err != nil {
			return nil, err
		}
	}
	a, b := x.caps[2*i], x.caps[2*i+1]
	if a < 0 || b < 0 {
		a, b = -1, -1
	}
	switch which {
	case 0:
		return IntOf(int64(a)), nil
	case 1:
		return IntOf(int64(b)), nil
	}
	return Tuple{IntOf(int64(a)), IntOf(int64(b))}, nil
}

// MustCompileRe is ReCompile for generated code, whose patterns the code generator
// checked with ConvertRe: it panics (at init) only if that check was skipped.
func MustCompileRe(src string, flags int) Value {
	p, err := ReCompile(src, flags)
	if err != nil {
		panic(err)
	}
	return p
}

// ReGroupCount is the number of capturing groups of a pattern ConvertRe accepts, and its
// named groups' numbers (for the code generator's checks of sub() templates).
func ReGroupCount(src string, flags int) (int, map[string]int, error) {
	syn, err := ConvertRe(src, flags)
	if err != nil {
		return 0, nil, err
	}
	return syn.groups, syn.index, nil
}

// ReFinditer is pattern.finditer(s), collected: a list of the match objects (the subject
// is an immutable str, so collecting first changes nothing a loop over them sees).
func ReFinditer(p, s Value) (Value, error) {
	x, err := reArgs(p, s)
	if err != nil {
		return nil, err
	}
	out := &List{}
	reEach(x.pat, x.in, func(caps []int) bool {
		out.Items = append(out.Items, x.match(append([]int(nil), caps...)))
		return true
	})
	return out, nil
}

// ReSubFunc is pattern.sub(fn, s, count) (n false) or subn with a callable replacement:
// fn is called with each match object in order; None stands for "", another non-str
// result is the TypeError CPython's join raises once every match was replaced.
func ReSubFunc(p Value, fn func(Value) (Value, error), s, count Value, n bool) (Value, error) {
	x, err := reArgs(p, s)
	if err != nil {
		return nil, err
	}
	limit, err := reCount(count)
	if err != nil {
		return nil, err
	}
	var items []Value // CPython's list of pieces, joined at the end
	var ferr error
	last, done := x.eachLimited(limit, func(last int, caps []int) bool {
		if last < caps[0] {
			items = append(items, Str(x.text(last, caps[0])))
		}
		v, err := fn(x.match(caps))
		if err != nil {
			ferr = err
			return false
		}
		if v != None {
			items = append(items, v)
		}
		return true
	})
	if ferr != nil {
		return nil, ferr
	}
	if last < len(x.in) {
		items = append(items, Str(x.text(last, len(x.in))))
	}
	var b strings.Builder
	for i, it := range items {
		s, ok := it.(Str)
		if !ok {
			return nil, typeError(fmt.Sprintf("sequence item %d: expected str instance, %%s found", i), it.TypeName())
		}
		b.WriteString(string(s))
	}
	if n {
		return Tuple{Str(b.String()), IntOf(done)}, nil
	}
	return Str(b.String()), nil
}
