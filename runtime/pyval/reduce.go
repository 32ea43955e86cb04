package pyval

// Reducer folds the items of a generator expression as they are produced, as sum(),
// min() and max() consume their iterable: an error stops the iteration at once.
type Reducer struct {
	push   func(v Value) error
	result func() (Value, error)
}

// Push folds the next item.
func (r *Reducer) Push(v Value) error { return r.push(v) }

// Result is the value of the fold once the iterable is exhausted.
func (r *Reducer) Result() (Value, error) { return r.result() }

// NewSum starts sum(<items>, start) (start nil: 0).
func NewSum(start Value) (*Reducer, error) {
	if start == nil {
		start = Int{}
	}
	switch start.(type) {
	case Str:
		return nil, typeError("sum() can't sum strings [use ''.join(seq) instead]")
	case Bytes:
		return nil, typeError("sum() can't sum bytes [use b''.join(seq) instead]")
	}
	acc := start
	return &Reducer{
		push: func(v Value) (err error) {
			acc, err = Add(acc, v)
			return err
		},
		result: func() (Value, error) { return acc, nil },
	}, nil
}

// NewMinMax starts min(<items>, key=key, default=def) (max: max(...)).
func NewMinMax(max bool, key KeyFunc, def Value) *Reducer {
	op, name := opLt, "min"
	if max {
		op, name = opGt, "max"
	}
	var best, bestKey Value
	return &Reducer{
		push: func(v Value) error {
			k := v
			if key != nil {
				var err error
				if k, err = key(v); err != nil {
					return err
				}
			}
			if best == nil {
				best, bestKey = v, k
				return nil
			}
			better, err := order(k, bestKey, op)
			if err != nil {
				return err
			}
			if better {
				best, bestKey = v, k
			}
			return nil
		},
		result: func() (Value, error) {
			if best == nil {
				if def != nil {
					return def, nil
				}
				return nil, valueError(name + "() arg is an empty sequence")
			}
			return best, nil
		},
	}
}
