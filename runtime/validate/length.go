package validate

// CheckLength is min_length/max_length of a list, tuple or set already
// built. fieldType is pydantic's name ("List", "Tuple", "Set",
// "Frozenset", "Dictionary"). A set's too_long is reported while it is
// built: "not more", no length. The container decoders (List, Tuple, Set,
// Dict) apply pydantic's exact ordering of length and item errors.
func CheckLength(fieldType string, n int, minLen, maxLen *int, input any) *Error {
	if minLen != nil && n < *minLen {
		return tooShort(fieldType, *minLen, n, input)
	}
	if maxLen != nil && n > *maxLen {
		if fieldType == "Set" || fieldType == "Frozenset" {
			return tooLongSet(fieldType, *maxLen, input)
		}
		return tooLong(fieldType, *maxLen, n, input)
	}
	return nil
}
