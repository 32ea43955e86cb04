package bridge

import (
	"fmt"

	"github.com/covetpy/covetgen/runtime/pyval"
)

// nullGuard refuses to send a model instance holding a None stored unvalidated by
// model_copy(update=) (pyval.NullableModel): the worker rebuilds models with
// model_validate, which would reject that None where the Python app's instance holds it.
func nullGuard(m pyval.Model) error {
	n, ok := m.(pyval.NullableModel)
	if !ok {
		return nil
	}
	for i, f := range n.Class().Fields {
		if n.NullField(i) {
			return fmt.Errorf("%w: %s instance holding an unvalidated None in field %s", ErrUnsupportedArg, n.Class().Name, f.Name)
		}
	}
	return nil
}
