package pyval

// sliceIndex62 is sliceIndex clamped into [-2**62, 2**62] (the bounds sliceIndices works
// in), without a big.Int for an int that fits in an int64.
func sliceIndex62(v Value) (int64, bool, error) {
	if v == nil || IsNone(v) {
		return 0, false, nil
	}
	i, ok := asInt(v)
	if !ok {
		return 0, false, typeError("slice indices must be integers or None or have an __index__ method")
	}
	const lim = 1 << 62
	if i.big != nil {
		if i.big.Sign() < 0 {
			return -lim, true, nil
		}
		return lim, true, nil
	}
	return min(max(i.small, -lim), lim), true, nil
}

// sliceLen is the number of positions from start towards stop (excluded) by step (not 0).
func sliceLen(start, stop, step int64) int {
	switch {
	case step > 0 && stop > start:
		return int((stop - start + step - 1) / step)
	case step < 0 && start > stop:
		return int((start - stop - step - 1) / -step)
	}
	return 0
}
