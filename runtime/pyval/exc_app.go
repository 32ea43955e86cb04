package pyval

import (
	"errors"

	"github.com/covetpy/covetgen/runtime/response"
)

// ExcClass is an exception class the app defines (class X(Exception), class Y(X)...):
// generated code declares one per class, once, and builds its instances with
// NewAppException. Translated code never sees the class itself, only its instances
// (wrapped as a *Caught value, as an exception bound by `except ... as e` is).
type ExcClass struct {
	// Name is the class's __name__ (what repr and type(e).__name__ spell).
	Name string
	// Qual is "module.QualName": what except clauses, isinstance and the exception
	// handlers match (builtin classes are matched by their bare name).
	Qual string
	// Base is the app class it derives from; nil when it derives from Builtin directly.
	Base *ExcClass
	// Builtin is the builtin exception class at the root of its bases ("Exception",
	// "ValueError"...); set on every class of a chain.
	Builtin string
	// Attrs are the class attributes the class body assigns (constants), by name.
	Attrs *Dict
}

// has reports whether qual names c or one of its app bases.
func (c *ExcClass) has(qual string) bool {
	for ; c != nil; c = c.Base {
		if c.Qual == qual {
			return true
		}
	}
	return false
}

// NewAppException is class(*args) before __init__ runs: BaseException.__new__ stores the
// positional arguments as args, whatever __init__ does with them afterwards.
func NewAppException(c *ExcClass, args ...Value) Value {
	e := &Exception{Class: c.Name, Type: c, Attrs: &Dict{}}
	e.setArgs(args)
	return &Caught{err: e}
}

// setArgs is BaseException.__init__(*args): args, and str() of the exception.
func (e *Exception) setArgs(args []Value) {
	e.Args = append([]Value(nil), args...)
	root := e.Class
	if e.Type != nil {
		root = e.Type.Builtin
	}
	switch {
	case len(args) == 0:
		e.Msg = ""
	case len(args) == 1 && root == "KeyError":
		e.Msg = reprString(args[0])
	case len(args) == 1:
		s, _ := StrOf(args[0])
		e.Msg = string(s)
	default:
		e.Msg = reprString(Tuple(e.Args))
	}
}

// appExc returns the app exception v holds (nil: another value).
func appExc(v Value) *Exception {
	if c, ok := v.(*Caught); ok {
		if e, ok := c.err.(*Exception); ok && e.Type != nil {
			return e
		}
	}
	return nil
}

// ExcInit is BaseException.__init__(self, *args) called by an app __init__ through
// super().__init__(...): it replaces args (and so str(self)).
func ExcInit(self Value, args ...Value) (Value, error) {
	e := appExc(self)
	if e == nil {
		return nil, typeError("descriptor '__init__' requires a 'BaseException' object")
	}
	e.setArgs(args)
	return None, nil
}

// ExcSetAttr is self.name = v on an app exception.
func ExcSetAttr(self Value, name string, v Value) error {
	e := appExc(self)
	if e == nil {
		return raise("AttributeError", "'"+self.TypeName()+"' object has no attribute '"+name+"'")
	}
	e.Attrs.SetStr(name, v)
	return nil
}

// ExcGetAttr is e.name for an exception value: an app exception's instance attributes,
// its args, then its classes' attributes (most derived first); an HTTPException's
// status_code, detail and headers. Anything else is an AttributeError.
func ExcGetAttr(v Value, name string) (Value, error) {
	c, ok := v.(*Caught)
	if !ok {
		return nil, raise("AttributeError", "'"+v.TypeName()+"' object has no attribute '"+name+"'")
	}
	switch e := c.err.(type) {
	case *httpValue:
		if x, ok := httpValueAttr(e, name); ok {
			return x, nil
		}
		return nil, raise("AttributeError", "'HTTPException' object has no attribute '"+name+"'")
	case *Exception:
		if e.Attrs != nil {
			if x, found := e.Attrs.GetStr(name); found {
				return x, nil
			}
		}
		if name == "args" {
			return Tuple(append([]Value(nil), e.Args...)), nil
		}
		for k := e.Type; k != nil; k = k.Base {
			if k.Attrs == nil {
				continue
			}
			if x, found := k.Attrs.GetStr(name); found {
				return x, nil
			}
		}
		return nil, raise("AttributeError", "'"+e.Class+"' object has no attribute '"+name+"'")
	case *response.HTTPException:
		switch name {
		case "status_code":
			return IntValue(int64(e.Status)), nil
		case "detail":
			return httpDetail(e)
		}
		return nil, raise("AttributeError", "'HTTPException' object has no attribute '"+name+"'")
	}
	return nil, raise("AttributeError", "'"+c.TypeName()+"' object has no attribute '"+name+"'")
}

// ExcIsInstance is isinstance(v, classes) for exception classes: app classes by their
// Qual, builtin ones by name. Values that are not exceptions are instances of none.
func ExcIsInstance(v Value, classes ...string) bool {
	c, ok := v.(*Caught)
	return ok && ExcMatch(c.err, classes...)
}

// ExcLookup is Starlette's handler lookup: the index in classes of the first class of the
// exception's MRO that has a handler (-1: none), and the exception as the value the
// handler receives. Only app exceptions are looked up.
func ExcLookup(err error, classes ...string) (int, Value) {
	var e *Exception
	if !errors.As(err, &e) || e.Type == nil {
		return -1, nil
	}
	for k := e.Type; k != nil; k = k.Base {
		for i, c := range classes {
			if c == k.Qual {
				return i, &Caught{err: e}
			}
		}
	}
	return -1, nil
}

// HandlerResponse is the response of an exception handler translated code ran: the
// Response object it returned (anything else fails as Starlette fails calling it as an
// ASGI app: a 500), or its own error.
func HandlerResponse(res Value, err error) (*response.Response, error) {
	if err != nil {
		return nil, err
	}
	if r, ok := res.(*ResponseObj); ok {
		return r.Resp(), nil
	}
	return nil, typeError("'%s' object is not callable", res.TypeName())
}

// appendCaught is jsonable_encoder of an exception value: dict(exc) fails, so it encodes
// vars(exc), its instance attributes (an app exception's attributes, none for a builtin
// one, status_code, detail and headers for an HTTPException built as a value). A raised
// HTTPException has lost the headers object it was given: encoding it is an error.
func appendCaught(dst []byte, c *Caught, depth int) ([]byte, error) {
	switch e := c.err.(type) {
	case *Exception:
		if e.Type != nil {
			return appendB(dst, e.Attrs, depth+1)
		}
		if e.Class != "ValidationError" && e.Class != "JSONDecodeError" {
			return append(dst, "{}"...), nil
		}
	case *httpValue:
		return appendB(dst, DictOf(Str("status_code"), e.status, Str("detail"), e.detail, Str("headers"), e.headers), depth+1)
	}
	return dst, typeError("cannot encode the exception %s", c.TypeName())
}

// errValidationText is the failure of str() or repr() of a pydantic ValidationError:
// its text (the model's title, each error's location, message, type and input, the
// documentation links) is not reproduced, so the request fails loudly (a 500 logged as
// such) rather than answer another text. It is not a Python exception: no except clause
// catches it.
var errValidationText = errors.New("covetgen: str() / repr() of a pydantic ValidationError is not reproduced")

// unreproducible returns errValidationText for a pydantic ValidationError.
func unreproducible(e *Exception) error {
	if e.Type == nil && e.Class == "ValidationError" {
		return errValidationText
	}
	return nil
}
