package ir

// App is a FastAPI application.
type App struct {
	// Module and Attr locate the instance ("main", "app").
	Module, Attr string
	Title        string
	Version      string
	// OpenAPIVersion is "3.1.0" unless the app sets openapi_version.
	OpenAPIVersion string
	Summary        *string
	Description    string
	TermsOfService *string
	Contact        Value
	LicenseInfo    Value
	// OpenAPITags is openapi_tags=; Servers servers= (both nil when unset).
	OpenAPITags Value
	Servers     Value
	// RootPath is root_path= (else the deprecated openapi_prefix=).
	RootPath string
	// OpenAPIURL is nil when the app sets openapi_url=None; DocsURL, RedocURL alike.
	OpenAPIURL, DocsURL, RedocURL *string
	SwaggerUIOAuth2RedirectURL    *string
	SwaggerUIParameters           Value
	// SwaggerUIInitOAuth is swagger_ui_init_oauth= (nil when unset): the initOAuth object
	// the /docs page passes to Swagger UI.
	SwaggerUIInitOAuth         Value
	SeparateInputOutputSchemas bool
	RedirectSlashes            bool
	ExternalDocs               Value
	// RootPathInServers is root_path_in_servers= (default true). It does not change
	// app.openapi(): only the served OpenAPIURL document, which gets {"url": root_path}
	// prepended to its servers when the request's root_path (rstrip "/") is not empty and no
	// server has that url.
	RootPathInServers bool
	// Debug is debug=: unhandled exceptions are answered with a traceback page instead of
	// "Internal Server Error".
	Debug bool
	// Extra is FastAPI(**extra): keywords outside FastAPI()'s signature, kept on app.extra and
	// used by nothing (empty when none).
	Extra *Dict
	// Routes are the app's routes (APIRoutes, websockets, plain Starlette routes) in
	// registration order, included routers flattened.
	Routes []*Route
	// Webhooks are the routes of app.webhooks.
	Webhooks          []*Route
	Mounts            []*Mount
	Middleware        []*Middleware
	ExceptionHandlers []*ExceptionHandler
	// Lifespan / startup / shutdown hooks, by function name.
	Lifespan         *Callable
	StartupHandlers  []*Callable
	ShutdownHandlers []*Callable
	// Models and Enums are every model and enum the app's routes reach (and the ones
	// lifted on the way), in the order they were first met.
	Models []*Model
	Enums  []*Enum
	Diags  Diagnostics
	Pos    Pos
	// RoutesUnresolved is set when some routes could not be found (an include_router of a
	// router the lifter could not resolve); OpenAPIUnresolved when the document depends on
	// values the lifter could not compute (a title read from a file, an unreadable
	// generate_unique_id_function).
	RoutesUnresolved  bool
	OpenAPIUnresolved bool
	// Unresolved is set when something that changes every route (middleware, exception
	// handlers) could not be lifted exactly; Diags says what.
	Unresolved bool
}

// RouteKind tells what a route is.
type RouteKind int

// Kinds of routes.
const (
	// APIRoute is a FastAPI path operation.
	APIRoute RouteKind = iota
	// WebSocketRoute is @app.websocket.
	WebSocketRoute
	// StarletteRoute is a plain starlette Route (add_route).
	StarletteRoute
)

// Route is one path operation.
type Route struct {
	Kind RouteKind
	// Path is the full path with router prefixes, as FastAPI's path_format.
	Path string
	// Template is the same path as registered, convertors kept ("/files/{p:path}"): what
	// Starlette compiles and matches.
	Template string
	// Methods are upper case, in the iteration order of FastAPI's method set under
	// PYTHONHASHSEED=0 (the first one names the default operation id).
	Methods []string
	// Name is the route name (the endpoint function's name unless name= is given).
	Name     string
	Endpoint *Callable
	// Dependant is the endpoint's dependant: dependencies= of the app, routers and route
	// first, then the endpoint's own parameters' dependencies.
	Dependant *Dependant
	// StatusCode is status_code= (nil when not given: the response class's default applies).
	StatusCode *int
	// ResponseModel is the effective response model (response_model=, else the return
	// annotation when it is a valid pydantic field type); nil when there is none.
	ResponseModel *Type
	ResponseClass *ResponseClass
	// ResponseClassDefault is true when the class comes from a default (route, router or app
	// default_response_class, or JSONResponse) rather than response_class=.
	ResponseClassDefault bool
	ResponseDescription  string
	// Responses is responses= merged from routers, in order (key: status code or "default").
	Responses []*ExtraResponse
	Tags      []string
	Summary   *string
	// Description is description=, else the endpoint's cleaned docstring, cut at \f.
	Description string
	// OperationID is the effective operation id: operation_id=, else the route's unique id
	// (FastAPI's generate_unique_id, or the app's generate_unique_id_function run on the
	// route).
	OperationID *string
	Deprecated  bool
	// IncludeInSchema is false for include_in_schema=False here or on an including router.
	IncludeInSchema bool
	OpenAPIExtra    Value
	Callbacks       []*Route
	// ResponseModelInclude... are the response_model_* filters, as given.
	ResponseModelInclude, ResponseModelExclude Value
	ResponseModelByAlias                       bool
	ResponseModelExcludeUnset                  bool
	ResponseModelExcludeDefaults               bool
	ResponseModelExcludeNone                   bool
	// StreamItem is the item type of a generator endpoint (JSON lines / SSE), nil otherwise.
	StreamItem *Type
	// StrictContentType is the effective strict_content_type (route, else its router, else
	// the including routers', else the app's; default true): when false, a JSON body sent
	// without a Content-Type header is still parsed as JSON.
	StrictContentType bool
	// IsJSONStream / IsSSEStream mark generator endpoints FastAPI streams itself.
	IsJSONStream, IsSSEStream bool
	Pos                       Pos
	// Unresolved is set when part of the route could not be lifted; Diags says what.
	Unresolved bool
	Diags      Diagnostics
}

// ExtraResponse is one entry of responses=.
type ExtraResponse struct {
	// Key is the status code as written: an Int or a Str ("default", "4XX").
	Key Value
	// Spec is the entry's dict without "model".
	Spec *Dict
	// Model is the entry's "model" type, if any.
	Model *Type
	Pos   Pos
}

// ResponseClass is a Response subclass used as response_class.
type ResponseClass struct {
	// Name is the qualified name ("fastapi.responses.JSONResponse", "main.CustomJSON").
	Name string
	// MediaType is the class's media_type ("" when it has none).
	MediaType string
	// IsJSON is true for JSONResponse and its subclasses.
	IsJSON bool
	// DefaultStatus is the default status_code of its __init__ (200 for most classes, 307
	// for RedirectResponse).
	DefaultStatus int
	Pos           Pos
}

// Mount is app.mount(path, app, name=).
type Mount struct {
	Path, Name string
	// Sub is a mounted FastAPI sub-application; Static a StaticFiles instance.
	Sub    *App
	Static *StaticFiles
	// Other is the source text of anything else mounted.
	Other string
	Pos   Pos
	// Unresolved is set when the mount's path, name or StaticFiles arguments could not be
	// evaluated exactly (the app's Diags say what; Static.Directory is "" then).
	Unresolved bool
}

// StaticFiles is a starlette StaticFiles instance.
type StaticFiles struct {
	// Directory is directory= as written, relative to the working directory unless absolute;
	// "" when it is not known (a diagnostic says why). When the app computes it from the
	// module's __file__ (Path(__file__).parent / "static", os.path.join(os.path.dirname(
	// __file__), "static")), Directory is that path relative to the app root (cleaned, "."
	// for the root itself) and RootRelative is set.
	Directory    string
	RootRelative bool
	HTML         bool
	CheckDir     bool
	// FollowSymlink is follow_symlink=.
	FollowSymlink bool
}

// Middleware is one add_middleware(...) or @app.middleware("http").
type Middleware struct {
	// Class is the middleware class ("fastapi.middleware.cors.CORSMiddleware") or "http" for a
	// function middleware.
	Class string
	// Options are the keyword arguments, evaluated, and the positional arguments after the
	// class (Middleware(cls, *args) / add_middleware(cls, *args)) under their index (Int keys).
	Options *Dict
	Func    *Callable
	Pos     Pos
}

// ExceptionHandler is an exception_handler registration.
type ExceptionHandler struct {
	// Exception is the exception class's qualified name, or "" when Code is used.
	Exception string
	Code      int
	Handler   *Callable
	Pos       Pos
}
