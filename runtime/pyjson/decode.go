package pyjson

import "math"

// DefaultMaxDepth is the deepest nesting of arrays/objects accepted, as
// measured through FastAPI under uvicorn (see the package comment).
const DefaultMaxDepth = 959

// maxIntDigits is CPython's default sys.get_int_max_str_digits().
const maxIntDigits = 4300

// largeObject is the member count from which duplicate keys are found with
// a map instead of a linear scan.
const largeObject = 24

// Options tunes a parse. The zero value means the defaults.
type Options struct {
	// MaxDepth bounds nesting; 0 means DefaultMaxDepth.
	MaxDepth int
}

// Parse decodes a request body as json.loads(body) does.
// The error is a *SyntaxError or an *InputError.
func Parse(data []byte) (*Doc, error) {
	d := &Doc{}
	if err := d.Parse(data, Options{}); err != nil {
		return nil, err
	}
	return d, nil
}

// Parse decodes data into d, reusing d's buffers. On error d is empty.
func (d *Doc) Parse(data []byte, opt Options) error {
	d.nodes = d.nodes[:0]
	d.text, d.esc = "", ""
	if uint64(len(data)) >= math.MaxUint32/2 {
		return &InputError{Kind: TooLarge}
	}
	text, isUTF8, bad, ok := decodeText(data)
	if !ok {
		return &InputError{Kind: InvalidEncoding, Offset: bad}
	}
	maxDepth := opt.MaxDepth
	if maxDepth <= 0 {
		maxDepth = DefaultMaxDepth
	}
	p := parser{s: text, nodes: d.nodes, esc: d.escBuf[:0], maxDepth: maxDepth, stack: d.stack[:0]}
	err := p.run()
	d.nodes, d.escBuf, d.stack = p.nodes, p.esc, p.stack[:0]
	if err != nil {
		d.nodes = d.nodes[:0]
		if isUTF8 {
			// CPython decodes the whole body before parsing: an encoding error
			// anywhere wins over the syntax error.
			if i := firstInvalid(text, p.validTo); i >= 0 {
				return &InputError{Kind: InvalidEncoding, Offset: i}
			}
		}
		if se, ok := err.(*SyntaxError); ok {
			se.Pos = charIndex(text, se.Pos)
		}
		return err
	}
	d.text = string(text)
	if len(p.esc) > 0 {
		d.esc = string(p.esc)
	}
	return nil
}

// frame is an open array or object on the parser's explicit stack.
type frame struct {
	node  uint32 // index of the container node
	count uint32 // live members/elements so far
	// started: the first element (or the closer) has been looked at.
	started bool
	keys    map[string]uint32
}

type parser struct {
	s        []byte
	i        int
	nodes    []node
	esc      []byte
	stack    []frame
	maxDepth int
	// validTo: every byte before it has been checked as WTF-8.
	validTo int
}

func isWS(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func (p *parser) skipWS() {
	for p.i < len(p.s) && isWS(p.s[p.i]) {
		p.i++
	}
}

func (p *parser) syntax(msg string, at int) error {
	if at > p.validTo {
		p.validTo = at
	}
	return &SyntaxError{Msg: msg, Pos: at}
}

// run is the iterative equivalent of JSONDecoder.decode / scan_once.
func (p *parser) run() error {
	p.skipWS()
	if err := p.value(); err != nil {
		return err
	}
	for len(p.stack) > 0 {
		if err := p.step(); err != nil {
			return err
		}
	}
	p.skipWS()
	if p.i != len(p.s) {
		return p.syntax(MsgExtraData, p.i)
	}
	return nil
}

// step continues the innermost open container: its first element, or what
// follows one of its values.
func (p *parser) step() error {
	top := &p.stack[len(p.stack)-1]
	isObj := p.nodes[top.node].kind == KindObject
	p.skipWS()
	closer := byte(']')
	if isObj {
		closer = '}'
	}
	if !top.started {
		top.started = true
		if p.i < len(p.s) && p.s[p.i] == closer {
			p.i++
			p.close()
			return nil
		}
		if isObj {
			return p.member()
		}
		top.count = 1
		return p.value()
	}
	if p.i < len(p.s) && p.s[p.i] == closer {
		p.i++
		p.close()
		return nil
	}
	if p.i >= len(p.s) || p.s[p.i] != ',' {
		return p.syntax(MsgExpectingComma, p.i)
	}
	p.i++
	p.skipWS()
	if isObj {
		return p.member()
	}
	top.count++
	return p.value()
}

// close finishes the innermost container.
func (p *parser) close() {
	top := p.stack[len(p.stack)-1]
	p.stack = p.stack[:len(p.stack)-1]
	n := &p.nodes[top.node]
	n.a = top.count
	n.b = uint32(len(p.nodes))
}

// member parses `"key" : value` (the value possibly only opened).
func (p *parser) member() error {
	if p.i >= len(p.s) || p.s[p.i] != '"' {
		return p.syntax(MsgExpectingProperty, p.i)
	}
	k := uint32(len(p.nodes))
	if err := p.str(KindString); err != nil {
		return err
	}
	p.skipWS()
	if p.i >= len(p.s) || p.s[p.i] != ':' {
		return p.syntax(MsgExpectingColon, p.i)
	}
	p.i++
	p.skipWS()
	p.nodes[k].c = k + 1
	top := &p.stack[len(p.stack)-1]
	if first, dup := p.dupKey(top, k); dup {
		p.nodes[first].c = k + 1
		p.nodes[k].flags |= flagDead
	} else {
		top.count++
	}
	return p.value()
}

// dupKey finds a live key of the innermost object equal to key node k.
func (p *parser) dupKey(top *frame, k uint32) (uint32, bool) {
	ks := p.keyBytes(k)
	if top.keys != nil {
		if j, ok := top.keys[string(ks)]; ok {
			return j, true
		}
		top.keys[string(ks)] = k
		return 0, false
	}
	if top.count >= largeObject {
		top.keys = make(map[string]uint32, 2*largeObject)
		for j := top.node + 1; j < k; j = p.next(j + 1) {
			if p.nodes[j].flags&flagDead == 0 {
				top.keys[string(p.keyBytes(j))] = j
			}
		}
		top.keys[string(ks)] = k
		return 0, false
	}
	for j := top.node + 1; j < k; j = p.next(j + 1) {
		if p.nodes[j].flags&flagDead == 0 && string(p.keyBytes(j)) == string(ks) {
			return j, true
		}
	}
	return 0, false
}

// keyBytes returns a string node's decoded bytes during parsing.
func (p *parser) keyBytes(k uint32) []byte {
	n := p.nodes[k]
	if n.flags&flagEsc != 0 {
		return p.esc[n.a : n.a+n.b]
	}
	return p.s[n.a : n.a+n.b]
}

// open pushes a new container node; step parses its content.
func (p *parser) open(kind Kind) error {
	if len(p.stack) >= p.maxDepth {
		if p.i > p.validTo {
			p.validTo = p.i
		}
		return &InputError{Kind: TooDeep, Offset: p.i}
	}
	p.stack = append(p.stack, frame{node: uint32(len(p.nodes))})
	p.nodes = append(p.nodes, node{kind: kind})
	p.i++
	return nil
}

// value is scan_once: it parses a scalar or opens a container. On entry
// p.i is at the value (whitespace already skipped).
func (p *parser) value() error {
	s, i := p.s, p.i
	if i >= len(s) {
		return p.syntax(MsgExpectingValue, i)
	}
	switch c := s[i]; c {
	case '"':
		return p.str(KindString)
	case '{':
		return p.open(KindObject)
	case '[':
		return p.open(KindArray)
	case 'n':
		if hasLit(s, i, "null") {
			return p.lit(KindNull, 4)
		}
	case 't':
		if hasLit(s, i, "true") {
			return p.lit(KindTrue, 4)
		}
	case 'f':
		if hasLit(s, i, "false") {
			return p.lit(KindFalse, 5)
		}
	case 'N':
		if hasLit(s, i, "NaN") {
			return p.special(3)
		}
	case 'I':
		if hasLit(s, i, "Infinity") {
			return p.special(8)
		}
	case '-':
		if hasLit(s, i, "-Infinity") {
			return p.special(9)
		}
	}
	return p.number()
}

func hasLit(s []byte, i int, lit string) bool {
	return len(s)-i >= len(lit) && string(s[i:i+len(lit)]) == lit
}

func (p *parser) lit(k Kind, n int) error {
	p.nodes = append(p.nodes, node{kind: k, a: uint32(p.i), b: uint32(n)})
	p.i += n
	return nil
}

func (p *parser) special(n int) error {
	p.nodes = append(p.nodes, node{kind: KindFloat, flags: flagSpecial, a: uint32(p.i), b: uint32(n)})
	p.i += n
	return nil
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// number is _match_number_unicode.
func (p *parser) number() error {
	s, start := p.s, p.i
	i := start
	if i < len(s) && s[i] == '-' {
		i++
	}
	switch {
	case i < len(s) && s[i] >= '1' && s[i] <= '9':
		i++
		for i < len(s) && isDigit(s[i]) {
			i++
		}
	case i < len(s) && s[i] == '0':
		i++
	default:
		return p.syntax(MsgExpectingValue, start)
	}
	intEnd := i
	isFloat := false
	if i+1 < len(s) && s[i] == '.' && isDigit(s[i+1]) {
		isFloat = true
		i += 2
		for i < len(s) && isDigit(s[i]) {
			i++
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		e := i
		i++
		if i < len(s) && (s[i] == '-' || s[i] == '+') {
			i++
		}
		d := i
		for i < len(s) && isDigit(s[i]) {
			i++
		}
		if i > d {
			isFloat = true
		} else {
			i = e
		}
	}
	kind := KindInt
	if isFloat {
		kind = KindFloat
	} else {
		digits := intEnd - start
		if s[start] == '-' {
			digits--
		}
		if digits > maxIntDigits {
			if start > p.validTo {
				p.validTo = start
			}
			return &InputError{Kind: IntTooLong, Offset: start}
		}
	}
	p.nodes = append(p.nodes, node{kind: kind, a: uint32(start), b: uint32(i - start)})
	p.i = i
	return nil
}

// next returns the index of the node after the subtree rooted at v.
func (p *parser) next(v uint32) uint32 {
	if k := p.nodes[v].kind; k == KindArray || k == KindObject {
		return p.nodes[v].b
	}
	return v + 1
}
