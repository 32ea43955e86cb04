package pyval

import "strings"

// Exception is a Python exception raised by translated code: FastAPI answers it with its
// default 500 unless the app registered a handler for its class (match with IsInstance).
type Exception struct {
	// Class is the exception's class name ("KeyError", "ValidationError"...).
	Class string
	// Args are the exception's args; Msg is str(exc).
	Args []Value
	Msg  string
	// Type is the app class of an app exception (exc_app.go), nil for a builtin one;
	// Attrs its instance attributes.
	Type  *ExcClass
	Attrs *Dict
}

func (e *Exception) Error() string {
	if e.Msg == "" {
		return e.Class
	}
	return e.Class + ": " + e.Msg
}

// parents maps a builtin exception class to its base.
var parents = map[string]string{
	"Exception":           "BaseException",
	"ArithmeticError":     "Exception",
	"ZeroDivisionError":   "ArithmeticError",
	"OverflowError":       "ArithmeticError",
	"LookupError":         "Exception",
	"KeyError":            "LookupError",
	"IndexError":          "LookupError",
	"TypeError":           "Exception",
	"ValueError":          "Exception",
	"UnicodeError":        "ValueError",
	"UnicodeDecodeError":  "UnicodeError",
	"UnicodeEncodeError":  "UnicodeError",
	"ValidationError":     "ValueError",        // pydantic_core.ValidationError
	"JSONDecodeError":     "ValueError",        // json.JSONDecodeError
	"binascii.Error":      "ValueError",        // binascii.Error (b64.go)
	"re.error":            "Exception",         // re.error (re.go)
	"DivisionByZero":      "ZeroDivisionError", // decimal.DivisionByZero (also a DecimalException)
	"InvalidOperation":    "ArithmeticError",   // decimal.InvalidOperation (a DecimalException)
	"AttributeError":      "Exception",
	"NameError":           "Exception",
	"UnboundLocalError":   "NameError",
	"AssertionError":      "Exception",
	"RuntimeError":        "Exception",
	"RecursionError":      "RuntimeError",
	"NotImplementedError": "RuntimeError",
	"MemoryError":         "Exception",
	"PermissionError":     "OSError",
	"FileNotFoundError":   "OSError",
	"OSError":             "Exception",
}

// IsBuiltinException reports whether name is a builtin exception class this package knows.
func IsBuiltinException(name string) bool {
	_, ok := parents[name]
	return ok || name == "BaseException"
}

// IsInstance reports whether the exception is an instance of class (its own class or a
// base, by name).
func (e *Exception) IsInstance(class string) bool {
	c0 := e.Class
	if e.Type != nil {
		if e.Type.has(class) {
			return true
		}
		c0 = e.Type.Builtin
	}
	for c := c0; c != ""; c = parents[c] {
		if c == class {
			return true
		}
	}
	return false
}

// NewException is class(*args), as `raise class(args...)` builds it.
func NewException(class string, args ...Value) *Exception {
	e := &Exception{Class: class, Args: args}
	switch {
	case len(args) == 1 && class == "KeyError":
		e.Msg = reprString(args[0])
	case len(args) == 1:
		s, _ := StrOf(args[0])
		e.Msg = string(s)
	case len(args) > 1:
		e.Msg = reprString(Tuple(args))
	}
	return e
}

func raise(class, msg string) *Exception {
	return &Exception{Class: class, Args: []Value{Str(msg)}, Msg: msg}
}

func typeError(format string, names ...string) *Exception {
	return raise("TypeError", fill(format, names))
}

func valueError(msg string) *Exception    { return raise("ValueError", msg) }
func zeroDivision(msg string) *Exception  { return raise("ZeroDivisionError", msg) }
func overflowError(msg string) *Exception { return raise("OverflowError", msg) }

// KeyError is KeyError(key).
func KeyError(key Value) *Exception { return NewException("KeyError", key) }

// fill replaces each %s of format with the next name.
func fill(format string, names []string) string {
	var b strings.Builder
	for {
		i := strings.Index(format, "%s")
		if i < 0 || len(names) == 0 {
			b.WriteString(format)
			return b.String()
		}
		b.WriteString(format[:i])
		b.WriteString(names[0])
		names = names[1:]
		format = format[i+2:]
	}
}

// Unbound is the UnboundLocalError of reading local name before assignment.
func Unbound(name string) error {
	return raise("UnboundLocalError", "cannot access local variable '"+name+"' where it is not associated with a value")
}

// AssertionFailed is AssertionError(msg...) of a failed assert.
func AssertionFailed(msg ...Value) error {
	return NewException("AssertionError", msg...)
}

func reprString(v Value) string {
	s, _ := Repr(v)
	return string(s)
}
