// Package pyval is the dynamic Python value of translated handler bodies
// (codegen/translate): None, bool, int (int64 fast path, math/big beyond), float, str,
// bytes, list, tuple, dict (insertion-ordered; 1, 1.0 and True are one key), pydantic
// model instances, Enum members (Enum: .value, .name, str(), repr, == as the mixed-in
// base, `is`; encoded as their value) and UUIDs (UUID: str(), .hex, .version, ==; encoded
// as the hyphenated string), with Python's exact semantics for what the translated subset does:
// arithmetic (overflow to big ints, floor division and modulo with Python's signs,
// correctly rounded true division, float ** with CPython's special cases), comparisons
// across int/float/bool, `in`, truthiness, subscripts and slices, str methods with full
// Unicode case mapping, format() / f-strings / str.format / %-formatting, float repr, and
// the builtins len, str, repr, ascii, int, float, bool, abs, min, max, sum (CPython 3.11's
// left-to-right addition), round (with ndigits: ties to even on the exact value), divmod,
// dict(iterable) and isinstance, the list / tuple / dict / str / bytes methods translated
// code calls (CallMethodKw, ListSort, DelItem; listdict.go, strmore.go), and a standard
// library subset: hashlib digests (HashDigest), base64 encoders (B64Encode), math floor /
// ceil / sqrt / fabs / isclose / isnan / isinf / isfinite and its float constants,
// compare_digest (stdlib.go), json.dumps and json.loads with CPython's output and
// JSONDecodeError messages (JSONDumps, JSONLoads; jsonmod.go). No reflection.
//
// Dates, datetimes, timedeltas and Decimals (temporal_ops.go, temporal_methods.go,
// decimal.go) have CPython's arithmetic and comparisons: timedeltas normalized with
// |days| <= 999999999 (OverflowError beyond), dates within years 1..9999, timedelta * /
// float rounded half to even on the exact value, aware datetimes compared and subtracted
// through their offsets; Decimal arithmetic in the default context (28 significant
// digits, ROUND_HALF_EVEN, exact then rounded once, ideal exponents as CPython),
// Decimal // and % truncating toward zero, quantize with every ROUND_* mode; the generic
// operations call them through temporal_hooks.go. Error messages name the classes as
// CPython does ('datetime.date', 'decimal.Decimal'); decimal's DivisionByZero and
// InvalidOperation are ZeroDivisionError / ArithmeticError subclasses. A datetime built
// with tzinfo=timezone.utc is a UTCDateTime (its repr, and set_cookie's expires=, which
// Starlette formats with email.utils.format_datetime(usegmt=True)). Sets a body
// builds (SetOf, SetDisplay; set_ops.go) keep first-insertion order: the translator uses
// them only where order cannot show.
//
// Response objects (respobj.go): NewResponse / NewRedirectResponse build the Starlette
// responses a body returns (*ResponseObj, rendered and headed as Starlette 0.47.3 does);
// ResponseParamOf wraps FastAPI's Response parameter; RespSetStatus, RespSetHeader,
// RespAppendHeader, RespSetCookie and RespDeleteCookie act on either (testdata/
// responses.json is recorded from Starlette by testdata/record_responses.py). The
// Request parameter is package pyval/pyreq (runtime/request imports pyval).
//
// Exceptions caught by a translated try statement: ExcMatch(err, classes...) is the
// except clause's test (the builtin hierarchy; HTTPException is an Exception; errors that
// are not Python exceptions match nothing), CaughtOf(err) the value `except ... as e`
// binds (str(e), repr(e) as CPython and Starlette spell them) and RaiseValue(e) is `raise
// e`.
//
// App exception classes (exc_app.go): an *ExcClass per class (its name, module.QualName,
// app base or builtin root, class attributes); NewAppException(c, args...) is an instance
// before __init__ runs (a *Caught value: args set as BaseException.__new__ sets them),
// ExcInit is BaseException.__init__ (super().__init__), ExcSetAttr / ExcGetAttr its
// attributes (instance, args, then class attributes), ExcIsInstance isinstance, and
// ExcLookup / HandlerResponse the exception hook's lookup of a translated handler along
// the MRO and its response. HTTPExceptionValue and BuiltinExceptionValue (exc_http.go)
// are HTTPException(...) and ValueError(...)... built as values, raised later.
//
// Operations that can raise return (Value, error); the error is a *Exception carrying the
// Python class ("KeyError", "ZeroDivisionError"...): FastAPI answers it with its default
// 500 unless the app has an exception handler for the class or a base (Exception.IsInstance
// walks the builtin hierarchy; pydantic's ValidationError is a ValueError). HTTPException
// builds the *response.HTTPException of `raise HTTPException(...)`.
//
// Lists and dicts are shared by reference as in Python. Values made by Frozen (module
// constants, constant results) are read-only and may carry their pre-encoded path-B JSON:
// encoding a frozen constant result is a copy.
//
// # Encoding responses
//
// Every Value implements response.JSONable: out.Value(status, v) (or AppendJSONable) is
// FastAPI's path B, jsonable_encoder + json.dumps(ensure_ascii=False, allow_nan=False,
// separators=(",", ":")), including its quirks (str keys starting with "_sa" dropped,
// bytes decoded as UTF-8, non-str keys spelled as json.dumps spells them, models dumped
// in json mode by alias). Dumps{v} is plain json.dumps (an HTTPException's detail).
//
// Path A (a response model): the generated encoder validates the returned value in
// pydantic's python mode. When the value is already an instance of the response model
// (v.(*GeneratedModel)), use it as is (pydantic does not revalidate instances). Otherwise
// ValidationInput(v) gives the JSON value to feed the model's JSON-mode decoder; lax
// python mode and JSON mode agree on every Value kind except: bytes (passed as their UTF-8
// text), tuples (as lists), non-str dict keys (as strings), and model instances nested in
// containers (revalidated from their model_dump(), so their fields-set becomes "all
// fields"). A failure is a ResponseValidationError: 500.
//
// # The Model contract (implemented by generated model structs)
//
//	type Model interface {
//		Value                      // TypeName() is the class name
//		Class() *Class             // one shared descriptor per model class
//		Field(i int) Value         // field i of Class().Fields (ir.Model.Fields order)
//		Encode(e *validate.Encoder) // the per-model encoder
//	}
//
// Class.Fields lists the fields in pydantic's order with Exclude (Field(exclude=True))
// and NoRepr (Field(repr=False)). Field converts the typed field to a Value: str -> Str,
// int -> Int (FromValidateInt), float -> Float, bool -> Bool, bytes -> Bytes, None ->
// None, Optional[T] -> None or T, list[T] -> a new *List, tuple -> Tuple, dict -> a new
// *Dict, a nested model -> its Model, Any (a pyjson.Value) -> FromJSON. The translator
// refuses attribute access to fields of other types, so Field is never asked for them
// (return None). GetAttr, ModelDump (model_dump() / dict()), repr/str (pydantic's
// "Item(name='x', price=1.0)" / "name='x' price=1.0"), == (same class, equal fields) and
// path-B encoding are built on these four methods.
//
// Constructing a model from a body, Item(name=..., price=...), calls the generated
// func(kw *Dict) (Value, error): it validates kw in python mode (ValidationInput(kw) then
// the JSON-mode decoder is the intended implementation) and returns the model, or an
// &Exception{Class: "ValidationError"} (a 500 when raised in a body, as in FastAPI).
// codegen/translate/testdata/diff/models_go.txt holds two models written that way (the
// differential tests run them against pydantic).
//
// Values handed to a translated body as parameters must be built per call (never a
// Frozen value): the body may mutate the lists and dicts it owns.
//
// # Known differences from CPython
//
// NaN dict keys are never found again (CPython finds the same NaN object by identity);
// `is` is identity only for None, True, False, lists and dicts; a negative number raised to
// a fractional power (a complex in Python) raises "UnsupportedComplex"; bytes % args raises
// "UnsupportedOperation"; float ** with a non-integer exponent uses Go's math.Pow (integer
// exponents are correctly rounded, as glibc's pow); Unicode tables are Go's (15.0), so
// characters assigned after Unicode 14 (CPython 3.11) case-map and print as Go says;
// list.sort() whose comparison raises leaves the list unchanged (CPython may leave it
// partly sorted); a dict iterated while keys are deleted and as many re-added raises no
// RuntimeError (CPython's "dictionary keys changed during iteration"); float NaNs have no
// identity, so [nan] == [nan] is False (True in CPython, which compares the same object).
// Arithmetic on a Decimal infinity or NaN, Decimal ** and float components of
// timedelta() raise "UnsupportedOperation" (not modelled; the translator refuses the
// static cases).
package pyval
