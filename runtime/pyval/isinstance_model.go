package pyval

// IsModelInstance is isinstance(v, C) for the app's model classes named by quals
// ("module:QualName"): v is an instance of one of them, a generated model or an Object the
// bridge received. The translator names every subclass of C (codegen/translate
// isinstance_model.go), so the test is the identity of v's class.
func IsModelInstance(v Value, quals ...string) bool {
	var q string
	switch x := v.(type) {
	case Model:
		q = x.Class().Qual
	case *Object:
		q = x.Class
	default:
		return false
	}
	if q == "" {
		return false
	}
	for _, want := range quals {
		if q == want {
			return true
		}
	}
	return false
}
