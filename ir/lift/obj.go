package lift

import (
	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
)

// obj is an abstract Python object.
type obj interface{}

type (
	// valObj is a known scalar constant (containers are seqObj/dictObj).
	valObj struct{ v ir.Value }
	// fwObj is a framework name, canonical and dotted ("fastapi.Query", "builtins.int").
	fwObj struct{ name string }
	// fwCall is the result of calling a framework callable that covetgen reads by its
	// arguments: Query(...), Depends(...), Field(...), OAuth2PasswordBearer(...), StaticFiles(...).
	fwCall struct {
		name string
		args []obj
		kw   []kwArg
		pos  ir.Pos
	}
	// aliasObj is a subscripted generic: Optional[int], list[str], Annotated[...], Page[Item].
	aliasObj struct {
		origin obj
		args   []obj
		pos    ir.Pos
	}
	// unionObj is X | Y between types.
	unionObj struct {
		members []obj
		pos     ir.Pos
	}
	// seqObj is a list, tuple or set display.
	seqObj struct {
		kind  string // "list", "tuple", "set"
		items []obj
	}
	// dictObj is a dict display.
	dictObj struct {
		keys, vals []obj
	}
	// moduleObj is a module of the app; fwModule a framework module.
	moduleObj struct{ ms *modState }
	// classObj is a class defined in the app.
	classObj struct {
		ms    *modState
		def   *ast.ClassDef
		bases []obj
		// kw are the class keywords (metaclass=..., extra="forbid").
		kw  []kwArg
		pos ir.Pos
		// decorators are the evaluated decorators (dataclass, ...).
		decorators []obj
		// attrs are the class body's own bindings, evaluated when the class is defined.
		attrs *scope
		// lifted forms, built on first use.
		model   *ir.Model
		enum    *ir.Enum
		class   *ir.Class
		lifting bool
		// params/args of a parametrized generic model
		genericArgs []obj
		// config is a model's effective config (inherited keys merged), once lifted.
		config dictObj
	}
	// funcObj is a function defined in the app.
	funcObj struct {
		ms    *modState
		def   ast.Stmt // *ast.FunctionDef or *ast.AsyncFunctionDef
		name  string
		args  *ast.Arguments
		ret   ast.Expr
		body  []ast.Stmt
		async bool
		pos   ir.Pos
		// defaults are the evaluated default values (positional then keyword-only), nil where
		// a parameter has none.
		defaults map[string]obj
		// self is the bound receiver for a method obtained from an instance.
		self obj
		// cls is the class a method is defined in.
		cls        *classObj
		decorators []obj
		callable   *ir.Callable
		// scope is where the def statement ran: annotations are evaluated there (closures
		// of a dependency factory included).
		scope *scope
		// wraps is the function functools.wraps(f) copied onto this one (its __wrapped__).
		wraps obj
		// wrapper is set on the function an app decorator wrapped with functools.wraps: the
		// object the decorator returned, which FastAPI calls (it reads this function's
		// signature through __wrapped__). The ir.Callable describes the wrapper: its name
		// is the wrapper's qualified name ("decorator.<locals>.wrapper"), its position
		// where the decorator is applied (wrapPos).
		wrapper *funcObj
		wrapPos ir.Pos
		// serial tells apart the function objects one def statement makes when it runs in
		// a function (a dependency factory's closures): 0 for a def that ran once, at module
		// or class level. Dependencies are cached by the function object.
		serial int
		// qual is the qualified name of a def run in a function ("outer.<locals>.name").
		qual string
		// notes say what decorators did that covetgen cannot follow; an endpoint or a
		// dependency carrying notes is unresolved.
		notes []ir.Diagnostic
	}
	// lambdaObj is a lambda expression (a default_factory).
	lambdaObj struct {
		ms  *modState
		def *ast.Lambda
		pos ir.Pos
	}
	// instanceObj is an instance of an app class built at module level.
	instanceObj struct {
		cls  *classObj
		args []obj
		kw   []kwArg
		pos  ir.Pos
	}
	// appObj is a FastAPI() instance.
	appObj struct {
		router   *routerObj
		kw       []kwArg
		pos      ir.Pos
		name     string
		webhooks *routerObj
		entries  []appEntry
		startup  []*ir.Callable
		shutdown []*ir.Callable
		ir       *ir.App
		// openapiOverride are the places that replace app.openapi / app.openapi_schema.
		openapiOverride []ir.Pos
		// problems are what the lift could not take exactly in what changes every route
		// (middleware, exception handlers): they mark the app Unresolved.
		problems ir.Diagnostics
	}
	// boundMethod is obj.attr where the object has methods covetgen interprets.
	boundMethod struct {
		recv obj
		name string
	}
	// routeDecorator is app.get("/path", ...) waiting for its function.
	routeDecorator struct {
		router  *routerObj
		methods []string
		path    obj
		kw      []kwArg
		pos     ir.Pos
		kind    ir.RouteKind
		// problems are keywords the method does not take or the lift does not follow.
		problems []ir.Diagnostic
	}
	// registerDecorator is @app.exception_handler(X), @app.middleware("http"),
	// @app.on_event("startup").
	registerDecorator struct {
		app  *appObj
		kind string
		args []obj
		pos  ir.Pos
	}
	// unknownObj is something the interpreter could not know; why says what.
	unknownObj struct {
		why string
		pos ir.Pos
	}
)

// kwArg is one keyword argument (name "" for **kwargs).
type kwArg struct {
	name string
	val  obj
	pos  ir.Pos
}

// routerEntry is one item of a router's route list: a route or an included router.
type routerEntry struct {
	route   *pendingRoute
	include *includeCall
}

// appEntry records app-level registrations other than routes, in order.
type appEntry struct {
	mount      *ir.Mount
	middleware *ir.Middleware
	handler    *ir.ExceptionHandler
}

// includeCall is router.include_router(child, ...).
type includeCall struct {
	child *routerObj
	kw    []kwArg
	pos   ir.Pos
	ms    *modState
}

// pendingRoute is a route as registered on a router, lifted when the app is flattened.
type pendingRoute struct {
	kind    ir.RouteKind
	path    string
	methods []string
	fn      obj
	kw      []kwArg
	pos     ir.Pos
	ms      *modState
	// settings of the router at registration (FastAPI copies them into the route then).
	router routerSettings
	diags  ir.Diagnostics
}

// kwGet returns the keyword argument called name.
func kwGet(kw []kwArg, name string) (obj, bool) {
	for i := len(kw) - 1; i >= 0; i-- {
		if kw[i].name == name {
			return kw[i].val, true
		}
	}
	return nil, false
}
