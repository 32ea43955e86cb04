package validate

import "strconv"

// CheckLength is min_length/max_length of a list, tuple or set. fieldType
// is pydantic's name ("List", "Tuple", "Set", "Frozenset", "Dictionary").
// A set's too_long is reported while it is built: "not more", no length.
func CheckLength(fieldType string, n int, minLen, maxLen *int, input any) *Error {
	if minLen != nil && n < *minLen {
		m := *minLen
		return newErr("too_short", fieldType+" should have at least "+strconv.Itoa(m)+" item"+plural(m)+
			" after validation, not "+strconv.Itoa(n), input,
			CtxItem{"field_type", fieldType}, CtxItem{"min_length", m}, CtxItem{"actual_length", n})
	}
	if maxLen != nil && n > *maxLen {
		m := *maxLen
		if fieldType == "Set" || fieldType == "Frozenset" {
			return newErr("too_long", fieldType+" should have at most "+strconv.Itoa(m)+" item"+plural(m)+
				" after validation, not more", input,
				CtxItem{"field_type", fieldType}, CtxItem{"max_length", m}, CtxItem{"actual_length", nil})
		}
		return newErr("too_long", fieldType+" should have at most "+strconv.Itoa(m)+" item"+plural(m)+
			" after validation, not "+strconv.Itoa(n), input,
			CtxItem{"field_type", fieldType}, CtxItem{"max_length", m}, CtxItem{"actual_length", n})
	}
	return nil
}
