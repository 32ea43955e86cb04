package pyval

// MembersList is list(E) for the Enum class c: a new list of its members in definition
// order, aliases left out (a name whose value equals an earlier member's value names
// that member, and iterating the class does not yield it again).
func (c *EnumClass) MembersList() *List {
	items := make([]Value, 0, len(c.members))
	for i := range c.members {
		if c.aliasOf(i) < 0 {
			items = append(items, c.members[i])
		}
	}
	return &List{Items: items}
}

// aliasOf is the index of the earlier member whose value equals member i's (-1: none).
func (c *EnumClass) aliasOf(i int) int {
	for j := 0; j < i; j++ {
		if Eq(c.Values[j], c.Values[i]) {
			return j
		}
	}
	return -1
}
