package translate

// Exception handlers of app exception classes: an app exception raised by translated code
// is answered by the handler Starlette's lookup finds along its class's MRO, which must
// then run in Go too. The code generator says which classes have handlers and translates
// a handler on demand; building an instance of a class whose handler does not run in Go
// is refused (the route is bridged, and the worker runs the Python handler).

// excGate is what SetExceptionHandlers recorded.
type excGate struct {
	handled map[string]bool
	native  func(qual string) string
}

// SetExceptionHandlers records the app exception classes (module.QualName) the app
// registered handlers for; native(qual) makes the handler of qual run in Go and returns
// "" or why it cannot.
func (u *Unit) SetExceptionHandlers(classes []string, native func(qual string) string) {
	u.excGate = &excGate{handled: map[string]bool{}, native: native}
	for _, c := range classes {
		u.excGate.handled[c] = true
	}
}

// excHandlerCheck refuses building an instance of info when the handler Starlette would
// pick for it does not run in Go.
func (f *fn) excHandlerCheck(info *excInfo) string {
	g := f.u.excGate
	if g == nil {
		return ""
	}
	for k := info; k != nil; k = k.base {
		if g.handled[k.qual] {
			if why := g.native(k.qual); why != "" {
				return "its exception handler for " + k.name + " does not run in Go: " + why
			}
			return ""
		}
	}
	return ""
}
