package validate

// Hasher tells set and dict validation how values of T compare as Python set
// members / dict keys do. Hash must agree with Equal. Ordered means Hash is
// CPython's own (unseeded) hash, so a set of T is written in CPython's
// table order; otherwise sets keep first-insertion order.
type Hasher[T any] struct {
	Hash    func(T) int64
	Equal   func(a, b T) bool
	Ordered bool
}

// Hashers of the scalar types.
var (
	IntHasher     = &Hasher[Int]{Hash: HashInt, Equal: func(a, b Int) bool { return a.Cmp(b) == 0 }, Ordered: true}
	FloatHasher   = &Hasher[float64]{Hash: HashFloat, Equal: func(a, b float64) bool { return a == b }, Ordered: true}
	BoolHasher    = &Hasher[bool]{Hash: HashBool, Equal: func(a, b bool) bool { return a == b }, Ordered: true}
	UUIDHasher    = &Hasher[UUID]{Hash: HashUUID, Equal: func(a, b UUID) bool { return a == b }, Ordered: true}
	DecimalHasher = &Hasher[Decimal]{Hash: HashDecimal, Equal: func(a, b Decimal) bool { return a.cmp(b) == 0 && a.IsFinite() }, Ordered: true}
	StrHasher     = &Hasher[string]{Hash: HashStr, Equal: func(a, b string) bool { return a == b }}
	BytesHasher   = &Hasher[[]byte]{Hash: func(b []byte) int64 { return HashStr(string(b)) }, Equal: func(a, b []byte) bool { return string(a) == string(b) }}
	// IndexHasher compares Literal/Enum member indexes (hashes are seeded in
	// CPython: str and Enum members).
	IndexHasher    = &Hasher[int]{Hash: func(i int) int64 { return int64(i) }, Equal: func(a, b int) bool { return a == b }}
	DateHasher     = &Hasher[Date]{Hash: func(d Date) int64 { return int64(d.Year*10000 + d.Month*100 + d.Day) }, Equal: func(a, b Date) bool { return a == b }}
	DurationHasher = &Hasher[Duration]{Hash: func(d Duration) int64 { return d.Days*86400 + int64(d.Seconds) }, Equal: func(a, b Duration) bool { return a == b }}
)

// index is a hash index over items of a slice, for dict key dedup and
// unordered sets.
type index[T any] struct {
	key   *Hasher[T]
	items func(i int) T
	m     map[int64][]int32
}

// lookup returns the position of an item equal to x, or -1.
func (ix *index[T]) lookup(h int64, x T) int {
	for _, i := range ix.m[h] {
		if ix.key.Equal(ix.items(int(i)), x) {
			return int(i)
		}
	}
	return -1
}

func (ix *index[T]) insert(h int64, i int) {
	if ix.m == nil {
		ix.m = make(map[int64][]int32)
	}
	ix.m[h] = append(ix.m[h], int32(i))
}
