package pyval

import "github.com/covetpy/covetgen/runtime/validate"

// EnumClass describes an enum.Enum subclass: its name, its mixed-in base ("str", "int" or
// "" for a plain Enum) and its members in definition order.
type EnumClass struct {
	Name    string // class name (type(m).__name__)
	Qual    string // module-qualified name: two descriptors of one class compare equal
	Base    string
	Names   []string
	Values  []Value
	members []Enum
	// strValue: str(m) is str(m.value) (IntEnum, StrEnum).
	strValue bool
}

// StrIsValue marks an IntEnum or StrEnum class (str(m) is str(m.value)) and returns c.
func (c *EnumClass) StrIsValue() *EnumClass {
	c.strValue = true
	return c
}

// NewEnumClass builds the descriptor of an Enum class (generated code, at init).
func NewEnumClass(name, qual, base string, names []string, values []Value) *EnumClass {
	c := &EnumClass{Name: name, Qual: qual, Base: base, Names: names, Values: values}
	c.members = make([]Enum, len(names))
	for i := range names {
		c.members[i] = Enum{c: c, i: i}
		if j := c.aliasOf(i); j >= 0 {
			c.members[i] = c.members[j] // an alias names the earlier member (enumiter.go)
		}
	}
	return c
}

// Member is the i-th member of the class.
func (c *EnumClass) Member(i int) Value { return c.members[i] }

// Enum is an Enum member. Translated code only reads .value / .name, str(), compares it
// (is, ==) and returns it in a display; other operations are refused by the translator.
type Enum struct {
	c *EnumClass
	i int
}

func (e Enum) TypeName() string { return e.c.Name }

// EnumQual is the member's class as "module.QualName" (EnumClass.Qual).
func (e Enum) EnumQual() string { return e.c.Qual }

// EnumValue is member.value.
func (e Enum) EnumValue() Value { return e.c.Values[e.i] }

// EnumName is member.name.
func (e Enum) EnumName() Str { return Str(e.c.Names[e.i]) }

func (e Enum) same(o Enum) bool { return e.i == o.i && (e.c == o.c || e.c.Qual == o.c.Qual) }

// enumEq is a == b when a is a member: members of mixed-in enums compare as their value
// (str.__eq__ / int.__eq__), plain members by identity.
func enumEq(x Enum, b Value) bool {
	if y, ok := b.(Enum); ok && x.same(y) {
		return true
	}
	if x.c.Base == "" {
		return false
	}
	if y, ok := b.(Enum); ok {
		if y.c.Base == "" {
			return false
		}
		b = y.EnumValue()
	}
	return Eq(x.EnumValue(), b)
}

// UUID is a uuid.UUID.
type UUID validate.UUID

func (UUID) TypeName() string { return "UUID" }

// Hex is u.hex.
func (u UUID) Hex() Str {
	const hx = "0123456789abcdef"
	b := make([]byte, 32)
	for i, c := range u {
		b[2*i], b[2*i+1] = hx[c>>4], hx[c&0xF]
	}
	return Str(b)
}

// Version is u.version: the version number for RFC 4122 UUIDs, else None.
func (u UUID) Version() Value {
	if u[8]&0xc0 != 0x80 {
		return None
	}
	return IntOf(int64(u[6] >> 4))
}

// extStr is str(v) for the kinds of this file (ok false: not one of them).
func extStr(v Value) (Str, bool) {
	switch x := v.(type) {
	case Enum:
		if x.c.strValue {
			s, err := StrOf(x.EnumValue())
			return s, err == nil
		}
		return Str(x.c.Name + "." + x.c.Names[x.i]), true
	case UUID:
		return Str(validate.UUID(x).String()), true
	case Date:
		return x.Isoformat(), true
	case extValue:
		return x.pyStr(), true
	}
	return "", false
}

// extRepr is repr(v) for the kinds of this file.
func extRepr(v Value) (string, bool) {
	switch x := v.(type) {
	case Enum:
		r, err := Repr(x.EnumValue())
		if err != nil {
			return "", false
		}
		return "<" + x.c.Name + "." + x.c.Names[x.i] + ": " + string(r) + ">", true
	case UUID:
		return "UUID('" + validate.UUID(x).String() + "')", true
	case Date:
		d := validate.Date(x)
		return "datetime.date(" + itoa(d.Year) + ", " + itoa(d.Month) + ", " + itoa(d.Day) + ")", true
	case extValue:
		return x.pyRepr(), true
	}
	return "", false
}

// Date is a datetime.date.
type Date validate.Date

func (Date) TypeName() string { return "date" }

// Isoformat is d.isoformat() (also str(d)): YYYY-MM-DD.
func (d Date) Isoformat() Str {
	b := validate.Date(d).AppendJSON(nil)
	return Str(b[1 : len(b)-1])
}

// DateAttr is d.year, d.month or d.day (name "year", "month" or "day").
func (d Date) DateAttr(name string) Value {
	switch name {
	case "year":
		return IntOf(int64(d.Year))
	case "month":
		return IntOf(int64(d.Month))
	}
	return IntOf(int64(d.Day))
}

func (d Date) cmp(o Date) int {
	a, b := validate.Date(d), validate.Date(o)
	switch {
	case a.Year != b.Year:
		return sign(a.Year - b.Year)
	case a.Month != b.Month:
		return sign(a.Month - b.Month)
	}
	return sign(a.Day - b.Day)
}

func sign(i int) int {
	switch {
	case i < 0:
		return -1
	case i > 0:
		return 1
	}
	return 0
}
