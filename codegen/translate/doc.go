// Package translate turns the body of a FastAPI handler, and of the module-level functions
// it calls, into Go code over runtime/pyval values with Python's exact semantics: whole
// function or nothing.
//
// # API
//
//	// Var is a name visible in the body: the Go expression that yields it as a
//	// pyval.Value, and its IR type (nil: unknown).
//	type Var struct {
//		Go     jen.Code
//		Type   *ir.Type
//		Shared bool // the value is not owned by the call: the body may not mutate it
//	}
//
//	// Scope is what a body may refer to.
//	type Scope struct {
//		Vars   map[string]Var // the function's parameters that have a value (a parameter
//		                      // missing here makes the body refuse when it uses it)
//		App    *ir.App        // the lifted app: models are looked up here
//		Module string         // dotted name of the module defining the function
//		Unit   *Unit          // shared by every body of one generated package (nil: only
//		                      // parameters, literals and builtins resolve)
//		Response    bool      // the endpoint's result goes to path B as is
//		ReturnModel *ir.Model // the endpoint's result goes to path A with this plain
//		                      // dataclass as response model (unvalidated_dataclass.go)
//	}
//
//	// Func translates fn (*ast.FunctionDef or *ast.AsyncFunctionDef) to the statements
//	// of a Go function returning (pyval.Value, error). On refusal code is nil and diags
//	// holds one diagnostic, "file:line:col: cannot translate <construct>", at the first
//	// offending construct. Func never panics.
//	func Func(fn ast.Stmt, scope *Scope) (code []jen.Code, diags []ir.Diagnostic)
//
//	// GenFunc is Func for a generator used as a yield dependency: its yield statement
//	// calls yield (a Go expression of type func(pyval.Value) error) and raises what it
//	// returns; yielded is the static type of the value yielded (yield.go).
//	func GenFunc(fn ast.Stmt, scope *Scope, yield jen.Code) (code []jen.Code, yielded *ir.Type, diags []ir.Diagnostic)
//
//	// StreamFunc is Func for a generator endpoint FastAPI streams (stream.go): each yield
//	// statement, anywhere, calls yield, which writes the item (runtime/pyval's Stream).
//	func StreamFunc(fn ast.Stmt, scope *Scope, yield jen.Code) ([]jen.Code, []ir.Diagnostic)
//
//	// FuncResult is Func that also returns the static type of the function's result:
//	// the model every return yields (rettype.go), nil when unknown. The code generator
//	// types a dependency's value with it: FastAPI passes that value unchanged (deptype.go).
//	func FuncResult(fn ast.Stmt, scope *Scope) (code []jen.Code, result *ir.Type, diags []ir.Diagnostic)
//
//	func GoName(py string) string          // Go identifier of a Python parameter or local
//	func StmtBoundNames(st ast.Stmt) []string // names a statement may bind (nested blocks; "*" for a star import)
//	func Holdable(t *ir.Type) bool         // whether a pyval.Value can carry type t
//
//	type Names struct {
//		ModelNew      func(m *ir.Model) jen.Code
//		ResponseClass func(name string) (code jen.Code, base, why string, ok bool) // respclass.go
//	}
//	func DefaultNames() Names              // ModelNew: jen.Id("New" + m.Name)
//	func NewUnit(prog *load.Program, names Names) *Unit
//	func (u *Unit) Decls() []jen.Code      // package-level declarations to emit once
//	func (u *Unit) Models() []*ir.Model    // models whose constructor the bodies call
//	func (u *Unit) SetState(keys []string)            // module state living in Go
//	func (u *Unit) SetStateKept(why map[string]string) // why other module state stays in Python
//	func (u *Unit) Helpers() []Helper      // app functions translated for the bodies
//	func (u *Unit) NullableFields(app *ir.App, m *ir.Model) []string // fields of m a model_copy(update=) may set to None (unvalidated_model.go)
//	func (u *Unit) NullRestorable(app *ir.App, t *ir.Type) (mentions bool, why string) // whether validating as t may meet such an instance, and why its None could be lost
//	func (u *Unit) ResultModelFree(defKey string) bool // a translated def's results hold no model instance (rettype_free.go)
//
// # How generated code holds a body
//
// The statements Func returns form the body of a Go func with results (pyval.Value, error).
// The natural shape, which the tests use, is one Go func per Python function whose
// parameters are the Python parameters named GoName(name), all of type pyval.Value, with
// Var.Go = jen.Id(GoName(name)). A Var.Go of any other form is evaluated once, at the top
// of the body, into a local called GoName(name). Locals are named after the Python names
// (GoName appends "_" to Go keywords, predeclared identifiers and the names translated code
// uses: err, pyval, math, _t<N>, pyc_*, pyfn_*, pyk_*); temporaries are _t1, _t2...
// Only parameters whose type is Holdable belong in Vars (pyval cannot carry a datetime,
// UUID, Enum...).
//
// Every statement is preceded by a comment with its Python source line
// ("// main.py:23: if item_id not in ITEMS:"; an elif's comment opens its block). The
// returned error is a *pyval.Exception (any Python exception: KeyError, TypeError,
// pydantic's ValidationError... FastAPI answers 500 unless the app has a handler for its
// class: see Exception.IsInstance) or a *response.HTTPException (raise HTTPException).
// The value returned implements response.JSONable (path B); see runtime/pyval for path A.
//
// Parameters are owned by the call (fresh per request, as FastAPI builds them, never a
// pyval.Frozen value): the body may mutate list and dict parameters. Set Var.Shared for a
// value that is not (a cached dependency result shared across requests): mutating it is
// then refused.
//
// # Unit: module constants, helpers, models
//
// A Unit resolves module-level names through the loaded program (imports, defs, classes,
// assignments) and collects what the bodies need at package level; call Decls after the
// last Func and emit them once, in order:
//
//   - module constants (a module-level name bound once to a value computable at
//     generation time, never rebound, and — for lists and dicts — never mutated, aliased
//     for mutation or passed to unknown code anywhere in the app) become package
//     variables pyc_<module>_<NAME>, built once at init, frozen and shared read-only;
//   - constant results (a display with constant contents, returned or used as-is) become
//     frozen package variables pyk_<N> carrying their pre-encoded path-B JSON, so
//     returning one costs a pointer and encoding it is a copy;
//   - app functions a body calls (module-level def / async def, undecorated or decorated
//     only by route decorators) are translated once each into Go funcs
//     pyfn_<module>_<name>(params pyval.Value) (pyval.Value, error), parameters in
//     declaration order, defaults (constants) filled in at the call site; a helper that
//     cannot be translated makes its caller refuse, quoting the helper's own diagnostic
//     ("cannot translate call of g (m.py:4:5: cannot translate for loop)");
//   - model constructors are not emitted: Item(name=..., **kw) calls Names.ModelNew(m),
//     which the code generator provides for every model Models lists, with the signature
//     func(kw *pyval.Dict) (pyval.Value, error): m(**kw) validated as pydantic does in
//     python mode, a failure being a *pyval.Exception of class "ValidationError" (a 500
//     when raised in a body, as in FastAPI). The value returned implements pyval.Model
//     (see runtime/pyval's package documentation for that contract and for
//     pyval.ValidationInput, the bridge to the JSON-mode decoders).
//
// Names are deterministic: given the same sequence of Func calls, the same Go names.
//
// # The subset
//
// Statements: return, raise HTTPException(status_code, detail, headers) (fastapi's,
// starlette's, positional or keyword), raise of a builtin exception class, if/elif/else,
// assert, pass, docstrings, expression statements, assignment to names (chained, tuple
// unpacking), augmented and annotated assignment, subscript assignment, del (of locals,
// and of items of dicts and lists the function owns) and the mutating list / dict methods
// (append extend insert pop remove reverse clear sort(key=, reverse=); pop setdefault
// update clear popitem) on dicts and lists the function owns (built by a display,
// model_dump(), copy()... or a request parameter).
//
// try / except / else / finally (try.go): except clauses name builtin exception classes,
// HTTPException, pydantic's ValidationError, app exception classes, or tuples of them (bare except, Exception
// and BaseException catch everything a body raises); `as name` binds the exception for
// str(name), repr(name), f"{name}" / f"{name!r}" and `raise name` only (it is unbound when
// the handler ends, as in Python); bare raise re-raises the exception being handled;
// `raise ... from None` or from a bound local (the cause changes nothing a client sees).
// A raise inside a try body stores the error and jumps (goto) to the handlers: the body
// is a Go block, so the jump never skips a declaration. A finally clause runs on every
// path and re-raises an unhandled error; return, break and continue inside a try
// statement with a finally clause are refused. Locals bound in the body are, in the
// handlers, possibly unbound and of unknown type.
//
// App exception classes (exc_class.go, exc_use.go, exc_value.go): a module-level class
// whose one base is Exception, ValueError, TypeError, KeyError, LookupError, IndexError,
// RuntimeError, ArithmeticError, ZeroDivisionError, NotImplementedError, AssertionError,
// OverflowError or another such app class, whose body holds only a docstring, pass, class
// attributes bound to literals and an undecorated __init__ returning nothing. X(...) and
// raise X(...) / raise X build a *pyval.Caught wrapping a *pyval.Exception of Type the
// class's *pyval.ExcClass (package variable pyx_<module>_<Class>): args are the
// positional arguments (BaseException.__new__), then __init__ runs as a helper taking
// self, in which self.attr = v stores an instance attribute and super().__init__(...)
// calls the base's __init__ (BaseException's sets args). except X (matched along the app
// hierarchy, then the builtin one), isinstance(v, X) (exception classes only), and on a
// name holding an app exception (`except X as e` when every class named is an app class,
// a handler's exc parameter) e.attr: instance attributes, args, then class attributes,
// else AttributeError. Unit.ExceptionType gives the code generator that static type.
// HTTPException(...) and builtin exceptions may be built as values (bound, passed,
// raised later): an HTTPException value keeps its arguments (a None detail becomes the
// phrase at once, as Starlette does) and checks its headers when raised; its
// status_code, detail and headers can be read, and a caught one's (`except
// HTTPException as e`) status_code and detail.
//
// Expressions: literals but complex, f-strings (conversions, nested
// format specs), names, arithmetic (+ - * / // % ** unary - + ~, bit operators, shifts,
// str % args), comparisons (chained; is / is not with None, True, False or between
// lists/dicts; in / not in), not, and/or (returning operands), conditional expressions,
// dict/list/tuple displays (with * and ** unpacking), subscripts and slices, model field
// access (static types from the IR), fastapi.status constants, calls of the builtins len
// str repr ascii int float bool abs min max sum round isinstance list tuple dict, of the
// str methods upper lower strip lstrip rstrip startswith endswith replace split join
// format find rfind index rindex count removeprefix removesuffix partition rpartition
// zfill ljust rjust center isdecimal isascii encode (constant "utf-8" / "ascii"), of
// bytes.decode (same encodings) and bytes.hex, list / tuple count and index, dict.get,
// dict.copy, list.copy, model_dump() / dict(), model and TypedDict construction, app
// functions (await of async ones); round(x, ndigits) (ties to even on the exact value),
// divmod, dict(iterable or mapping); starred assignment targets (a, *rest = xs).
//
// Models (dumpext.go, modelcopy.go, getattr.go, rettype.go): model_dump(exclude_unset=,
// exclude_none=) with constant booleans (exclude_unset refused when a field may hold a
// model: a model stored in a field was revalidated, its fields set is not the
// instance's); m.model_copy(update={"field": value, ...}) only when validating the copy
// gives pydantic's unvalidated copy (constant field names, each value of the field's
// exact static type, no constraint on them, no alias, factory or validator in the model,
// fields of str/int/float/bool/None/plain Enum types and lists and Optionals of them);
// getattr(model, name) when every value name may take (a constant, a Literal parameter,
// or a str method with constant arguments applied to one: sort.lstrip("-")) is a field.
// A call of an app function whose every return yields an instance of one model (and whose
// end is unreachable) has that model's type; so does list(x) of a typed iterable and a
// list display of instances of one model: their fields can be read.
//
// Standard library (stdlib.go, hashcall.go), for modules bound by `import m` / `import m
// as n` and called as m.f(...): hashlib.md5 / sha1 / sha224 / sha256 / sha384 / sha512
// (data).hexdigest() / .digest(), base64.b64encode / standard_b64encode /
// urlsafe_b64encode, math.floor / ceil / sqrt / fabs / isclose(rel_tol=, abs_tol=) /
// isnan / isinf / isfinite and math.pi / e / tau / inf / nan, secrets.compare_digest and
// hmac.compare_digest, json.dumps(obj, indent=, sort_keys=, ensure_ascii=, separators=,
// allow_nan=) and json.loads(s) (except json.JSONDecodeError catches its errors).
// Also (hashext.go, dumpjson.go): hmac.new(key, msg, digestmod).hexdigest() / .digest()
// (digestmod hashlib.<algo> or its name), hashlib.blake2b(data, digest_size=, key=),
// hash objects bound to a local (h = hashlib.sha256() / hashlib.new("md5", data) /
// hashlib.blake2b(...) / hmac.new(...); h.update(data); h.hexdigest(); h.digest()),
// base64.b64decode(s, validate=) / standard_b64decode / urlsafe_b64decode (except
// binascii.Error catches their errors, CPython's messages), b.decode(encoding,
// errors="replace" / "ignore") for UTF-8 and ASCII, and model.model_dump_json() without arguments
// (pydantic's JSON, by the model's encoder).
//
// Regular expressions (recall.go; runtime/pyval/re*.go): NAME = re.compile(pattern,
// flags) at module level (a constant, immutable whatever the app calls on it),
// re.search / match / fullmatch / findall / finditer / sub / subn / split(pattern, ...) with a
// constant pattern, the same methods of a module-level pattern, and on the match objects
// they return group / groups / groupdict / start / end / span and m[g] (finditer only as
// the iterable of a for loop or a comprehension, collected first). A match object
// (or None) is only bound to a name, tested for truth or against None, subscripted or
// the receiver of those methods. A pattern is accepted only when pyval.ConvertRe proves
// Go's regexp/syntax program, run by pyval's code-point backtracker, gives CPython's
// results: backreferences, lookaround of more than one character, atomic groups, possessive quantifiers, repeats of
// subpatterns that match the empty string, inline flags after the start, re.LOCALE and
// case-insensitive patterns with non-ASCII cased characters (or sets mixing letters
// with \d \s \w) are refused, naming the construct; ASCII letters under re.I match
// what CPython's do (i also İ and ı, k the Kelvin sign, s ſ);
// \d \s \w are CPython's Unicode classes (tables recorded from python3), $ \b \B
// behave as CPython's. sub / subn replacements are constant strs (templates checked at
// generation time) or lambdas of one parameter (a match object).
//
// Request and response objects (reqresp.go, reqobj.go): a body may build Response,
// JSONResponse, HTMLResponse, PlainTextResponse and RedirectResponse objects (content,
// status_code — statically an int —, headers, media_type; url for a redirect) and return
// them: their static type marks them, Unit.BuildsResponses tells the code generator that
// results may be a *pyval.ResponseObj, which the handler sends as is. On those and on
// FastAPI's `response: Response` parameter (Var.Type a class named fastapi.Response):
// status_code (read; assigned an int), headers[name] = value, headers.append(name, value),
// set_cookie(...) and delete_cookie(...) (max_age / expires statically int, str or None).
// An app-defined subclass of Response, JSONResponse, HTMLResponse or PlainTextResponse is
// built the same way when Names.ResponseClass knows it (respclass.go): the code generator
// gives its *pyval.ResponseClass (media type, translated render method), the object has
// its base class's static type, and a class it cannot render makes the call refused.
// The `request: Request` parameter (fastapi.Request) is read-only through
// runtime/pyval/pyreq: request.method, request.url.path / query / scheme / netloc,
// request.headers / query_params / cookies .get(key[, default]) and [key],
// query_params.getlist / multi_items, request.scope.get / [] of root_path, path, method,
// scheme and type; (reqbody.go, reqvalues.go) await request.body() / request.json(),
// str(request.url), str(request.base_url), str(request.url_for("name")) of a route without
// path parameters the app names once, request.cookies and request.path_params (the
// latter when no route converts its parameters), dict() of those and of
// request.query_params, request.headers.getlist(key), request.client (a tuple or None)
// and its host / port. A name holding any of them is used only as the base of those
// attributes (or returned, for a built response): other uses are refused.
//
// FileResponse(path, ...) (fileresp.go) is built like them (runtime/static sends it);
// only its status_code is read. Its path may be a str or a path the app computes from
// __file__ (fspath.go): a module-level Path(__file__)... / "x" is a package variable the
// generated main sets from the app's root (AppPathInit), usable in FileResponse, str() and
// further / and .parent only. await request.form() (reqform.go) gives the FormData:
// multi_items(), getlist(key), get(key[, default]); its values (str or UploadFile) take
// the UploadFile operations and hasattr(value, NAME) of an UploadFile-only attribute.
// d.setdefault(k, [] or {}) may be mutated when d is a local dict holding only fresh
// containers.
//
// UploadFile parameters (upload.go; UploadFile, Optional[UploadFile] and the items of a
// list[UploadFile]): await f.read([size]) / f.seek(offset), f.filename, f.content_type,
// f.size and f.headers.items() / keys() / values() / get() / getlist() / [key], with
// Starlette's results (runtime/pyval/upload_ops.go). bytes.decode (decode.go) takes the
// utf-8, ascii and latin-1 codecs and the strict, replace and ignore error handlers,
// positionally or by keyword.
//
// Plain standard-library dataclasses (ir.Model.DataclassWhy == "") are generated as
// models: their fields are read as a model's; model_dump(), model_copy() and their
// construction are refused.
//
// @app.middleware("http") functions (callnext.go, run by runtime/pyval/pymw): the code
// generator gives the first parameter the Request type and the second CallNextType().
// call_next is used only as `await call_next(request)` of that very request, outside try
// statements; the downstream response it returns answers status_code (read; assigned an
// int), headers[name] (read, KeyError, and assigned), headers.get(name[, default]) and
// headers.append(name, value), set_cookie(...) and delete_cookie(...), and may be
// returned, as may a response object the body built. len(request.query_params) and len(request.cookies) count distinct names.
//
// Dates, datetimes, timedeltas and Decimals (temporal.go) are full values: pyval does
// their arithmetic (date ± timedelta, date - date, datetime ± timedelta, datetime -
// datetime, timedelta with ints, floats and timedeltas; Decimal + - * / // % with
// Decimals and ints in the default context: 28 digits, ROUND_HALF_EVEN), comparisons,
// str / repr, int() / float() / round() / abs() of a Decimal and jsonable_encoder's
// encoding. Attributes and methods are checked against the static type: .year .month
// .day (.hour .minute .second .microsecond of a datetime), weekday() isoweekday()
// isoformat() toordinal() replace(year=, month=, day=) date(); timedelta .days .seconds
// .microseconds total_seconds(); Decimal.quantize(exp, rounding=ROUND_*); strftime(fmt)
// and f"{d:fmt}" of dates with the directives of pyval.StrftimeDirectives. Constructors:
// date(), datetime() naive or with tzinfo=timezone.utc, timedelta() of int components,
// date.today(), datetime.now() / now(timezone.utc) / utcnow() / today(), Decimal() of a
// str, int, float or Decimal (a constant string must be finite); Decimal ** and format
// specs on Decimals are refused. A datetime may be set_cookie's expires=.
//
// Sets (set.go): set(iterable), frozenset(iterable), set displays and set
// comprehensions a body builds, and values of set types, only where their iteration
// order cannot show: the argument of sorted() or len(), the right operand of in / not
// in, an operand of | & - ^ in such a position; a one-item set display may also be an
// item of a returned display.
//
// A module-level set display of constants ({"a", "b"}, never mutated) is held as a frozen
// dict of its members and may only be the right operand of in / not in (its iteration
// order and repr are a set's, which a dict does not reproduce).
//
// Loops (loops.go): for over any iterable (lists live, as CPython: items appended by the
// body are visited; a dict changing size raises RuntimeError), over range() (1-3
// arguments), enumerate(x, start), zip(...), reversed(...), d.items() / keys() / values(),
// with tuple targets; while; break, continue and else on both. List and dict
// comprehensions (filters, nested generators, Python 3 scoping) anywhere; generator
// expressions only as the argument of list() tuple() sorted() any() all() str.join()
// (collected first, as those do), sum() min() max() (folded as items come) — any() and
// all() stop at the first decisive item. sorted(it, key=, reverse=) (stable; CPython's
// comparison order for short lists, so a mixed-type TypeError names the same types),
// min / max with key= and default=. lambda only as a key= function (one plain
// parameter; any callable name, len or str say, is accepted too). Module constants may be
// comprehensions over constants (folded at generation time); one that cannot be folded
// but translates (a comprehension of model constructions, a helper's result) is computed
// once at init and frozen (an exception there panics: the import fails in Python).
//
// Enum members and UUIDs (parameters and model fields of an Enum or UUID type, members
// written Color.RED; see extvals.go) are used only as .value / .name / .hex / .version,
// str(x), type(x).__name__, in one-operator comparisons (is, is not, ==, !=) and as items
// of a display returned by an endpoint written by path B (Scope.Response); any other use
// refuses, since a mixed-in enum behaves as its base type there. Enums must be plain
// `class E(Enum)`, `(str, Enum)`, `(int, Enum)`, IntEnum or StrEnum classes that only
// assign str or int members. Also (enumiter.go, dumpext.go): an Enum class iterated by a
// for loop or a comprehension (members in definition order, aliases left out; the loop
// variable is a member used as above), .value / .name of a model field or of E.MEMBER
// (t.priority.value), values of model_copy(update={...}), and model_dump() of a model
// with Enum fields spread with ** into a model construction (Todo(**x.model_dump()),
// which validates the members back); a dump holding members used otherwise is refused.
//
// Instances of plain app classes (instances.go, instconst.go): a Var of type
// ClassType(class) holds a *pyval.Instance of a module-level class without bases or
// decorators whose body holds only __init__, __call__, methods, @property getters and
// class attributes (NAME = value, NAME: T = value; Unit.CheckClass says why another is
// not). Such a name is used only as the base of an attribute: read (an instance attribute,
// AttributeError when missing; a property runs its getter; a class attribute, below),
// assigned (only by an endpoint-like function on a parameter that is not Shared: an
// __init__'s self, a class dependency's instance), or a method called (positional and
// keyword arguments, await of async ones); or it is passed to an app function whose
// parameter is annotated with the class (C, Annotated[C, ...] or an alias of it), every
// call passing an instance of exactly that class (instargs.go); getters and methods are
// translated once each as helpers pyfn_<module>_<Class>_<name>(self, ...). Unit.ConstInstance
// evaluates at generation time a module-level instance whose __init__ only stores
// parameters and literals (None, bool, int, float, str) into self, for a callable
// instance dependency whose __call__ is translated with that instance as a Shared self.
//
// # Background tasks (background.go, background_sleep.go)
//
// FastAPI's BackgroundTasks parameter is used only as the receiver of
// tasks.add_task(fn, *args, **kwargs), fn an app function translated as a helper: the
// arguments are evaluated and bound when add_task runs, and the call is queued
// (pyval.AddTask) to run after the response is sent, holding the state mutex when fn
// touches module state living in Go. A body may build BackgroundTasks() and
// BackgroundTask(fn, ...) and give them (or the parameter, or None) as background= of a
// response object it builds: they then replace the parameter's tasks, as in FastAPI.
// `await asyncio.sleep(delay)` with an int or float
// literal delay sleeps (not at all for zero or less).
//
// asyncio (asyncio_gather.go, asyncio_taskgroup.go): `await asyncio.gather(...)` of
// asyncio.sleep(delay, result=r) and of calls (or one starred generator of calls) of
// async app functions with one suspension profile — none, or only a first statement
// `await asyncio.sleep(<constant>)`, the same for all — runs the coroutines one after the
// other in argument order (their arguments evaluated first), which is asyncio's order for
// that profile; the result is the list of results, the first exception raised after all
// ran; `await asyncio.wait_for(h(...), timeout)` with h of that profile and timeout None
// or a constant above twice its sleep is `await h(...)`; `async with asyncio.TaskGroup()
// as g:` whose block only makes g.create_task(h(names or constants)) (alone, assigned,
// or in a list comprehension over a local list) runs the tasks at the block's end, an
// ExceptionGroup when some raised, and task.result() reads them (pyval.TaskGroup). App
// function parameters annotated with an app model (helper_modelparams.go) are read as
// that model, every call passing a value statically of that model. ord(c), and map(fn,
// it) as the argument of sum min max any all sorted list tuple (builtin_mapord.go);
// inst.attr += number on an owned plain-class instance (instances_aug.go).
// Unit.PythonReach lists the app
// functions a function may run, for the code generator's state plan: those a bridged
// route runs (its tasks, its helpers) run in CPython.
//
// # Typed fast path (fast.go, fast_stmt.go, fast_expr.go, fast_call.go; runtime/pyfast)
//
// Func puts in front of the generic body of a pure function with a loop or a
// comprehension — parameters of static type int, float, bool or str, locals only, calls
// of len, min, max, sum, abs, round, float, list and range only, no await — a closure
// computing it over int64, float64, bool, []rune and slices, with one kind per local
// inferred by a fixpoint. Off the happy path (int64 overflow, index out of range, zero
// divisor, a parameter of another kind, a str with lone surrogates) the closure returns
// (nil, false) and the generic body, the reference, reruns the call: purity makes that
// invisible. A function outside the subset simply has no fast path. The snippets of
// testdata/diff/fastpath.snip take it, deoptimizing cases included.
//
// # Module state (state.go, state_scan.go)
//
// A module-level name the app mutates or rebinds is refused, unless the code generator
// made it live in Go (Unit.SetState, with the keys StateVars lists, after checking that
// every def referring to it translates). It is then one package variable holding a
// pyval.Value, built at init as the module's assignment builds it (a value computable at
// generation time, or the translated expression, as module constants computed at init);
// bodies read it, mutate it (subscript stores, del, the mutating list / dict methods, also
// through locals bound to it or to items reached from it: items = DB; row = items[k]; for
// row in DB.values()) and rebind it under `global NAME`. A Unit with state freezes no
// value (constants, constant results): a constant stored into state is then mutated
// through it as Python mutates the one object. Unit.TouchesState tells which translated
// defs touch state (themselves or through helpers): their caller holds the mutex
// Unit.StateMutex declares for as long as it uses their results.
//
// Module state that is never rebound and whose assignment is annotated (`TODOS:
// Dict[int, Todo] = {}`; int, str, float, bool, app models, and Dict / List of those)
// has that static type (statetype.go), which the translator keeps true: a store into it
// or into a container reached from it (subscript stores and augmented assignments,
// append, insert, setdefault; extend and update of a container of the same static type)
// whose key or value may have another static type is refused. Its items are then typed
// (TODOS[k].done, for t in TODOS.values(): t.priority).
// Containers reached through x.get(k), x.setdefault(k, d) and x.pop(k) are checked as
// x[k] is; an empty list or dict display stored as an item (ROOMS[k] = [],
// ROOMS.setdefault(k, []).append(text)) has the item type, being a new container no
// other name refers to; a local bound to such an item (row = ROOMS.get(k)) is checked
// against the item type its bindings reach (itemmut.go).
//
// Module state computed at init by its translated expression (a display of model
// constructions: `ITEMS_DB: dict[int, Item] = {1: Item(...)}`) has its annotation as
// static type when the display's items have it (statetype.go's initFits); without an
// annotation, a display of constructions of one model (constant keys of one type for a
// dict) gives it that type (modelDisplayType). A keyword argument Decimal("120.50") to a
// Decimal field of a model construction is passed as the string (decimalarg.go: pydantic
// validates both into the same Decimal) when the literal certainly satisfies the field.
//
// A function-local `from M import N [as A]` (localimport.go) translates when M is imported
// with the app, the statement is one of the body's own, A is bound nowhere else in the
// function and used only after it: A is then the module-level name M.N (module state
// included). A function importing module state in its body touches it (state_scan.go).
//
// Module state a function run at import touches (called at module level, applied as a
// decorator, a method of a class instantiated there, or called by such a function) stays in
// Python: its value after import is not the assignment's (state_import.go).
//
// Unit.SetStateKept records why a name stays in Python (the first refusal of a function
// keeping it there): a use of it is refused with "use of NAME (module state kept in
// Python because file:line:col: cannot translate ...)", `global NAME` with "global
// statement (NAME: module state kept in Python because ...)".
//
// Yield dependencies (yield.go; GenFunc, driven by runtime/pyval/pygen): a generator used
// with Depends() yields once, at the top level of its body or of a try statement's body
// there; `yield v` calls the code generator's callback and raises, at that point, the
// exception FastAPI throws in (the try statements around it see it as raised there).
// Handlers catching Exception or BaseException around the yield are refused (request
// validation errors are thrown in too). A local holding an instance of a plain app class
// may be yielded (the dependency's value then has the instance's type).
//
// Generator endpoints and streaming responses (stream.go, stream_resp.go, stream_sse.go):
// StreamFunc translates a generator endpoint in continuation-passing style, `yield v`
// (any number, anywhere a statement may be) calling the callback that encodes and writes
// v; when the stream stops (the client went away, an item failed to encode) the callback
// returns an error no except clause catches, so finally clauses run as for CPython's
// GeneratorExit (handlers of a bare except, BaseException or GeneratorExit around a yield
// are refused). StreamingResponse(gen(args), status_code=, headers=, media_type=) of an
// app generator function translates it once as pyfn_gen_<module>_<name>(yield, params),
// its arguments evaluated when the response is built; StreamingResponse(iter(x)) and of
// other iterables iterate them when the response is sent. ServerSentEvent(...) is
// accepted as the value of a yield statement of a generator endpoint (keyword arguments,
// str fields statically str or None, retry an int). Generators touching module state are
// refused (they run while the response is sent, after the handler's lock is released).
//
// Instances built in a body (instnew.go): Cls(args) of a plain app class, as the whole
// value of an assignment to a local name (elsewhere the instance would lose its type),
// runs its __init__ translated once as a constructor helper pyfn_<module>_<Class>_new
// (self owned, the other parameters not); a local bound only by such constructions is
// owned by the function, which may assign its attributes.
//
// Class attributes of plain app classes (classattr.go, classattr_use.go) are module state
// under the key "module.Class.attr" (StateVars lists them; their value must be a
// constant): Class.attr and cls.attr with cls = type(inst) (a name used only as the base
// of class attributes) read the state, assignments and augmented assignments through them
// rebind it; inst.attr reads the state, or, when the app may assign an attribute of that
// name on an instance, the instance's own attribute first (pyval.InstGetAttrOr), as
// Python does; inst.attr = v and inst.attr += v store on the instance. The functions that
// may reach them are every def naming the class or an attribute of one of its attribute
// names; code run at import naming the class (but as Annotated's first argument) or a
// route using the class as a dependency keeps them in Python.
//
// Optional values (narrow.go): after `if x is None:` whose block cannot fall through (or
// inside `if x is not None:`), a local of type Optional[X] has type X; STATE.get(k) on
// module state typed dict[K, M] of a model has type Optional[M], and a helper whose every
// return yields an instance of one model or None has type Optional[M] for its callers.
//
// Literal values (litspec.go): an attribute of an instance of a plain class has the type
// of the str Literal annotating the __init__ parameter stored into it when that store is
// the app's only store of an attribute of that name and the app never names the class
// but in parameter annotations (FastAPI builds and validates the instances: a class
// dependency); a call of an app function passing a value of a str Literal type (or a str
// constant) to a parameter annotated str or not annotated, which the function uses as a
// getattr name or passes on, translates a specialization of the function
// (pyfn_<module>_<name>_<N>) with that parameter of that Literal type. In the handlers of `except HTTPException as
// exc`, exc.status_code and exc.detail are read (exc_use.go).
//
// Refused: sets used otherwise (iteration, set methods and operators, returning a set of
// more than one item), tzinfo other than timezone.utc, generator expressions elsewhere, lambdas
// elsewhere, async for, except* and except clauses for other classes, with,
// global (but of module state living in Go), nonlocal, imports (but `from M import A` of a
// framework package or of a module imported with the app, every use following it in its
// block: localimport.go) and the rest of the standard library (re.compile inside a
// function, named functions as sub replacements, re.escape...), nested def/class, walrus,
// del of slices and attributes, match, yield (but in GenFunc), attribute assignment, calls of other functions and methods, dataclass and
// RootModel construction, models with validators, recursion, mutation of values the
// function does not own, module state that is mutated or rebound anywhere in the app and
// does not live in Go.
package translate
