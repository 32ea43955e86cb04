package pyval

// InstGetAttrOr is o.name where the class of o has a class attribute of that name whose
// value is class: the instance's own attribute when it has one (it shadows the class
// attribute), else the class attribute, as Python's attribute lookup does for a plain
// value (not a descriptor).
func InstGetAttrOr(o Value, name string, class Value) Value {
	if inst, ok := o.(*Instance); ok {
		if v, found := inst.Attrs.GetStr(name); found {
			return v
		}
	}
	return class
}
