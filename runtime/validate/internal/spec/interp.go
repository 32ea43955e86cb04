package spec

import (
	"math"
	"strconv"
	"time"

	"github.com/covetpy/covetgen/runtime/pyjson"
	"github.com/covetpy/covetgen/runtime/validate"
)

// Val is a validated value of any Type.
type Val struct {
	I     validate.Int
	F     float64
	S     string
	B     bool
	Bytes []byte
	U     validate.UUID
	D     validate.Decimal
	Date  validate.Date
	Time  validate.Time
	DT    validate.DateTime
	Dur   validate.Duration
	Idx   int          // literal / enum member
	Any   pyjson.Value // any
	Null  bool         // optional / none: None
	List  []Val
	Pairs []validate.Pair[Val, Val]
	// Member and Sub are a union's winning member and its value.
	Member int
	Sub    *Val
	Model  *ModelVal
}

// ModelVal is a validated model.
type ModelVal struct {
	M      *Model
	Fields []Val
	Set    validate.FieldsSet
	Extras []validate.Pair[string, pyjson.Value]
}

// Interp validates and dumps values of a Schema with the validate API.
type Interp struct {
	S    *Schema
	comp map[*Type]*compiled
	mods map[string]*modelPlan
}

// NewInterp prepares an interpreter for s.
func NewInterp(s *Schema) *Interp {
	return &Interp{S: s, comp: map[*Type]*compiled{}, mods: map[string]*modelPlan{}}
}

type compiled struct {
	ic      *validate.IntConstraints
	fc      *validate.FloatConstraints
	sc      *validate.StrConstraints
	bc      *validate.BytesConstraints
	dc      *validate.DecimalConstraints
	tc      *validate.DurationConstraints
	length  *validate.Length
	lit     *validate.Literal
	enum    *validate.Enum
	hasher  *validate.Hasher[Val]
	tags    []string
	tagged  *validate.Tagged
	tagged2 []int // tag index -> member
}

func (in *Interp) compile(t *Type) *compiled {
	if c, ok := in.comp[t]; ok {
		return c
	}
	c := &compiled{}
	in.comp[t] = c
	if t.MinLen != nil || t.MaxLen != nil {
		c.length = &validate.Length{Min: t.MinLen, Max: t.MaxLen}
	}
	switch t.Kind {
	case "int":
		ic := &validate.IntConstraints{Gt: intp(t.Gt), Ge: intp(t.Ge), Lt: intp(t.Lt), Le: intp(t.Le), MultipleOf: intp(t.MultipleOf)}
		if *ic != (validate.IntConstraints{}) {
			c.ic = ic
		}
	case "float":
		c.fc = &validate.FloatConstraints{Gt: floatp(t.Gt), Ge: floatp(t.Ge), Lt: floatp(t.Lt), Le: floatp(t.Le),
			MultipleOf: floatp(t.MultipleOf), AllowInfNan: t.InfNan}
	case "str":
		sc := &validate.StrConstraints{StripWhitespace: t.Strip, ToLower: t.Lower, ToUpper: t.Upper, MinLength: t.MinLen, MaxLength: t.MaxLen}
		if t.Pattern != "" {
			p, err := validate.CompilePattern(t.Pattern)
			if err != nil {
				panic(err)
			}
			sc.Pattern = p
		}
		c.sc = sc
	case "bytes":
		c.bc = &validate.BytesConstraints{MinLength: t.MinLen, MaxLength: t.MaxLen}
	case "decimal":
		c.dc = &validate.DecimalConstraints{Gt: decp(t.Gt), Ge: decp(t.Ge), Lt: decp(t.Lt), Le: decp(t.Le),
			MultipleOf: decp(t.MultipleOf), MaxDigits: t.MaxDigits, DecimalPlaces: t.Places}
		if t.InfNan != nil {
			c.dc.AllowInfNan = *t.InfNan
		}
	case "timedelta":
		c.tc = &validate.DurationConstraints{Gt: durp(t.Gt), Ge: durp(t.Ge), Lt: durp(t.Lt), Le: durp(t.Le)}
	case "literal":
		c.lit = validate.NewLiteral(choices(t.Values)...)
	case "enum":
		e := in.S.Enum(t.Ref)
		c.enum = validate.NewEnum(e.Int, choices(e.Values)...)
	case "set", "frozenset":
		c.hasher = in.hasher(t.Items[0])
	case "dict":
		if t.Items[0].Kind != "str" || t.Items[0].Lower || t.Items[0].Upper || t.Items[0].Strip {
			c.hasher = in.hasher(t.Items[0])
		}
	case "union":
		for _, m := range t.Items {
			c.tags = append(c.tags, in.S.Tag(m))
		}
	case "tagged":
		var tags []validate.Choice
		keys := []string{t.Disc}
		for mi, m := range t.Items {
			for _, f := range in.S.Model(m.Ref).Fields {
				if f.Name == t.Disc {
					if f.Alias != "" && len(keys) == 1 {
						keys = append(keys, f.Alias)
					}
					for _, ch := range choices(f.Type.Values) {
						tags = append(tags, ch)
						c.tagged2 = append(c.tagged2, mi)
					}
				}
			}
		}
		c.tagged = validate.NewTagged(keys, tags...)
	}
	return c
}

func choices(vals []any) []validate.Choice {
	out := make([]validate.Choice, len(vals))
	for i, v := range vals {
		switch x := v.(type) {
		case nil:
			out[i] = validate.NoneChoice()
		case bool:
			out[i] = validate.BoolChoice(x)
		case string:
			out[i] = validate.StrChoice(x)
		case float64:
			out[i] = validate.IntChoice(int64(x))
		case int:
			out[i] = validate.IntChoice(int64(x))
		}
	}
	return out
}

func intp(s string) *validate.Int {
	if s == "" {
		return nil
	}
	v, err := validate.IntFromString(s)
	if err != nil {
		panic("bad int constraint " + s)
	}
	return &v
}

func floatp(s string) *float64 {
	if s == "" {
		return nil
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		panic("bad float constraint " + s)
	}
	return &f
}

func decp(s string) *validate.Decimal {
	if s == "" {
		return nil
	}
	d, ok := validate.ParseDecimal(s)
	if !ok {
		panic("bad decimal constraint " + s)
	}
	return &d
}

// durp reads a timedelta bound given in (possibly fractional) seconds.
func durp(s string) *validate.Duration {
	if s == "" {
		return nil
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		panic("bad timedelta constraint " + s)
	}
	us := int64(math.Round(f * 1e6))
	d := time.Duration(us) * time.Microsecond
	days := int64(d / (24 * time.Hour))
	rem := d - time.Duration(days)*24*time.Hour
	if rem < 0 {
		days--
		rem += 24 * time.Hour
	}
	return &validate.Duration{Days: days, Seconds: int32(rem / time.Second), Microseconds: int32(rem % time.Second / time.Microsecond)}
}

func (in *Interp) hasher(t *Type) *validate.Hasher[Val] {
	switch t.Kind {
	case "int":
		return &validate.Hasher[Val]{Hash: func(v Val) int64 { return validate.HashInt(v.I) },
			Equal: func(a, b Val) bool { return a.I.Cmp(b.I) == 0 }, Ordered: true}
	case "float":
		return &validate.Hasher[Val]{Hash: func(v Val) int64 { return validate.HashFloat(v.F) },
			Equal: func(a, b Val) bool { return a.F == b.F }, Ordered: true}
	case "bool":
		return &validate.Hasher[Val]{Hash: func(v Val) int64 { return validate.HashBool(v.B) },
			Equal: func(a, b Val) bool { return a.B == b.B }, Ordered: true}
	case "uuid":
		return &validate.Hasher[Val]{Hash: func(v Val) int64 { return validate.HashUUID(v.U) },
			Equal: func(a, b Val) bool { return a.U == b.U }, Ordered: true}
	case "decimal":
		return &validate.Hasher[Val]{Hash: func(v Val) int64 { return validate.HashDecimal(v.D) },
			Equal: func(a, b Val) bool { return validate.DecimalHasher.Equal(a.D, b.D) }, Ordered: true}
	case "str":
		return &validate.Hasher[Val]{Hash: func(v Val) int64 { return validate.HashStr(v.S) },
			Equal: func(a, b Val) bool { return a.S == b.S }}
	case "literal", "enum":
		return &validate.Hasher[Val]{Hash: func(v Val) int64 { return int64(v.Idx) },
			Equal: func(a, b Val) bool { return a.Idx == b.Idx }}
	case "date":
		return &validate.Hasher[Val]{Hash: func(v Val) int64 { return validate.DateHasher.Hash(v.Date) },
			Equal: func(a, b Val) bool { return a.Date == b.Date }}
	}
	return nil // unhashable
}

// Decode validates v as t into out.
func (in *Interp) Decode(s *validate.State, t *Type, v pyjson.Value, out *Val) bool {
	c := in.compile(t)
	switch t.Kind {
	case "int":
		return s.Int(v, c.ic, &out.I)
	case "float":
		return s.Float(v, c.fc, &out.F)
	case "str":
		return s.Str(v, c.sc, &out.S)
	case "bool":
		return s.Bool(v, &out.B)
	case "bytes":
		return s.Bytes(v, c.bc, &out.Bytes)
	case "none":
		out.Null = true
		return s.None(v)
	case "any":
		return s.Any(v, &out.Any)
	case "uuid":
		return s.UUID(v, &out.U)
	case "decimal":
		return s.Decimal(v, c.dc, &out.D)
	case "date":
		return s.Date(v, &out.Date)
	case "time":
		return s.Time(v, &out.Time)
	case "datetime":
		return s.DateTime(v, &out.DT)
	case "timedelta":
		return s.Duration(v, c.tc, &out.Dur)
	case "literal":
		return s.Literal(v, c.lit, &out.Idx)
	case "enum":
		return s.Enum(v, c.enum, &out.Idx)
	case "list":
		return validate.List(s, v, c.length, in.decoder(t.Items[0]), &out.List)
	case "sequence":
		return validate.Sequence(s, v, c.length, in.decoder(t.Items[0]), &out.List)
	case "tuple":
		return validate.Tuple(s, v, c.length, in.decoder(t.Items[0]), &out.List)
	case "set", "frozenset":
		return validate.Set(s, v, c.length, in.decoder(t.Items[0]), c.hasher, t.Kind == "frozenset", &out.List)
	case "tuplefix":
		tp, ok := validate.BeginTuple(s, v, len(t.Items), c.length)
		if !ok {
			return false
		}
		out.List = make([]Val, len(t.Items))
		for i, it := range t.Items {
			if x, ok := tp.Item(i); ok {
				s.PushIndex(i)
				if in.Decode(s, it, x, &out.List[i]) {
					tp.Valid()
				}
				s.Pop()
			} else {
				tp.Missing(i)
			}
		}
		return tp.End()
	case "dict":
		return validate.Dict(s, v, c.length, in.decoder(t.Items[0]), in.decoder(t.Items[1]), c.hasher, &out.Pairs)
	case "optional":
		if v.IsNull() {
			out.Null = true
			return true
		}
		return in.Decode(s, t.Items[0], v, out)
	case "union":
		vals := make([]Val, len(t.Items))
		u := s.Union(t.Mode == "left_to_right")
		for i, m := range t.Items {
			if u.Try(c.tags[i]) {
				u.Result(i, in.Decode(s, m, v, &vals[i]))
			}
		}
		i, ok := u.End()
		if ok {
			out.Member, out.Sub = i, &vals[i]
		}
		return ok
	case "tagged":
		ti, loc, ok := c.tagged.Select(s, v)
		if !ok {
			return false
		}
		mi := c.tagged2[ti]
		s.Push(loc)
		out.Member, out.Sub = mi, &Val{}
		ok = in.Decode(s, t.Items[mi], v, out.Sub)
		s.Pop()
		return ok
	case "model":
		return in.decodeModel(s, in.S.Model(t.Ref), v, out)
	}
	panic("unknown kind " + t.Kind)
}

func (in *Interp) decoder(t *Type) validate.Decoder[Val] {
	return func(s *validate.State, v pyjson.Value, out *Val) bool { return in.Decode(s, t, v, out) }
}

// modelPlan is what a generator derives from a model: the lookup keys.
type modelPlan struct {
	keys       []string       // slot -> key
	slotOf     map[string]int // key -> slot
	fieldSlots [][]int        // field -> slots, in lookup order
	missingKey []string       // field -> loc of its missing error
	defaults   []*Val
}

func (in *Interp) plan(m *Model) *modelPlan {
	if p, ok := in.mods[m.Name]; ok {
		return p
	}
	p := &modelPlan{slotOf: map[string]int{}}
	slot := func(k string) int {
		if i, ok := p.slotOf[k]; ok {
			return i
		}
		p.slotOf[k] = len(p.keys)
		p.keys = append(p.keys, k)
		return len(p.keys) - 1
	}
	for _, f := range m.Fields {
		byAlias := f.ValAlias
		if len(byAlias) == 0 && f.Alias != "" {
			byAlias = []string{f.Alias}
		}
		var slots []int
		for _, k := range byAlias {
			slots = append(slots, slot(k))
		}
		if len(byAlias) == 0 || m.PopulateByName {
			slots = append(slots, slot(f.Name))
		}
		p.fieldSlots = append(p.fieldSlots, slots)
		if len(byAlias) > 0 {
			p.missingKey = append(p.missingKey, byAlias[0])
		} else {
			p.missingKey = append(p.missingKey, f.Name)
		}
		var def *Val
		switch {
		case f.Factory == "list":
			def = &Val{List: []Val{}}
		case f.Factory == "dict":
			def = &Val{Pairs: []validate.Pair[Val, Val]{}}
		case f.Default != nil:
			def = in.defaultVal(f)
		}
		p.defaults = append(p.defaults, def)
	}
	in.mods[m.Name] = p
	return p
}

// defaultVal decodes a field default (pydantic does not validate it; the
// tests only use defaults that are valid values of their type).
func (in *Interp) defaultVal(f Field) *Val {
	d, err := pyjson.Parse(f.Default)
	if err != nil {
		panic(err)
	}
	s := validate.NewState()
	v := &Val{}
	if !in.Decode(s, f.Type, d.Root(), v) {
		panic("invalid default for " + f.Name)
	}
	return v
}

func (in *Interp) decodeModel(s *validate.State, m *Model, v pyjson.Value, out *Val) bool {
	if m.Dataclass {
		if !s.DataclassInput(v, m.Name) {
			return false
		}
	} else if !s.ModelInput(v) {
		return false
	}
	p := in.plan(m)
	lookup := func(k string) int {
		if i, ok := p.slotOf[k]; ok {
			return i
		}
		return -1
	}
	mark := s.Mark()
	slots := make([]pyjson.Value, len(p.keys))
	used := make([]bool, len(p.keys))
	validate.Collect(v, slots, lookup)
	mv := &ModelVal{M: m, Fields: make([]Val, len(m.Fields))}
	out.Model = mv
	for fi, f := range m.Fields {
		found := -1
		for _, si := range p.fieldSlots[fi] {
			if validate.Present(slots[si]) {
				found = si
				break
			}
		}
		switch {
		case found >= 0:
			used[found] = true
			s.PushKey(p.keys[found])
			if in.Decode(s, f.Type, slots[found], &mv.Fields[fi]) {
				mv.Set.Add(fi)
			}
			s.Pop()
		case p.defaults[fi] != nil:
			mv.Fields[fi] = *p.defaults[fi]
		default:
			s.Missing(p.missingKey[fi], v)
		}
	}
	switch m.Extra {
	case "forbid":
		s.ForbidExtras(v, lookup, used, m.Dataclass)
	case "allow":
		mv.Extras = validate.AllowExtras(v, lookup, used)
	}
	if m.Dataclass {
		return s.DataclassEnd(mark, mv.Set.Len())
	}
	return s.ModelEnd(mark, mv.Set.Len(), len(mv.Extras))
}

// ValidateJSON parses body and validates it as the schema's root type: the
// dumped value or FastAPI's encoding of the error list.
func (in *Interp) ValidateJSON(body []byte) (*Val, []*validate.Error) {
	d, err := pyjson.Parse(body)
	if err != nil {
		panic(err)
	}
	s := validate.NewState()
	v := &Val{}
	if !in.Decode(s, in.S.Root, d.Root(), v) {
		if len(s.Errors()) == 0 {
			panic("failure without errors")
		}
		return nil, s.Errors()
	}
	if len(s.Errors()) != 0 {
		panic("success with errors")
	}
	return v, nil
}
