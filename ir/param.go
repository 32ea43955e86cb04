package ir

// ParamIn is where FastAPI reads a parameter from.
type ParamIn int

// Parameter locations, and the special objects FastAPI injects by type.
const (
	InQuery ParamIn = iota
	InPath
	InHeader
	InCookie
	InBody
	InForm
	InFile
	// The special parameters FastAPI fills by annotation rather than from the request data.
	InRequest
	InWebSocket
	InHTTPConnection
	InResponse
	InBackgroundTasks
	InSecurityScopes
)

var paramInNames = [...]string{"query", "path", "header", "cookie", "body", "form", "file",
	"request", "websocket", "http_connection", "response", "background_tasks", "security_scopes"}

func (p ParamIn) String() string {
	if int(p) < len(paramInNames) {
		return paramInNames[p]
	}
	return "?"
}

// IsSpecial reports whether the location is an injected object rather than request data.
func (p ParamIn) IsSpecial() bool { return p >= InRequest }

// IsBody reports whether the parameter is read from the request body.
func (p ParamIn) IsBody() bool { return p == InBody || p == InForm || p == InFile }

// Param is one parameter of an endpoint or a dependency, classified as FastAPI does.
type Param struct {
	// Name is the Python parameter name.
	Name string
	In   ParamIn
	Type *Type
	Info FieldInfo
	// IncludeInSchema is false for Query(include_in_schema=False) and kin.
	IncludeInSchema bool
	// ConvertUnderscores is Header(convert_underscores=...) (default true).
	ConvertUnderscores bool
	// Embed is Body(embed=True); MediaType the body's media type ("application/json",
	// "application/x-www-form-urlencoded", "multipart/form-data").
	Embed     bool
	MediaType string
	// OpenAPIExamples is openapi_examples=...; Example the deprecated example=... (nil when
	// unset).
	OpenAPIExamples Value
	Example         Value
	Pos             Pos
}

// Alias returns the name the parameter is read under: its alias, else its name.
func (p *Param) Alias() string {
	if p.Info.Alias != nil {
		return *p.Info.Alias
	}
	return p.Name
}

// CallableKind tells what a Depends() target is.
type CallableKind int

// Kinds of callables.
const (
	// FunctionCallable is a def / async def (possibly a generator: a yield dependency).
	FunctionCallable CallableKind = iota
	// ClassCallable is a class called to build the dependency (its __init__ signature counts).
	ClassCallable
	// InstanceCallable is an instance whose __call__ is the dependency.
	InstanceCallable
	// FrameworkCallable is a class of FastAPI's own (OAuth2PasswordBearer(...), HTTPBasic(),
	// OAuth2PasswordRequestForm...).
	FrameworkCallable
)

// Callable is a function, a class or an instance used as an endpoint or a dependency.
type Callable struct {
	Kind CallableKind
	// Name is the function or class name; Module its module; QualName its qualified name.
	// For a FrameworkCallable, Name is the qualified framework name ("fastapi.security.HTTPBasic").
	Name, Module, QualName string
	IsAsync                bool
	// IsGenerator marks a function that yields (a yield dependency).
	IsGenerator bool
	// Doc is the docstring as written.
	Doc *string
	// Instance is the constant arguments an instance was built with (InstanceCallable and
	// FrameworkCallable), keyword name -> value, positional ones under "0", "1"...
	Instance *Dict
	// Class is the class of an InstanceCallable or ClassCallable.
	Class *Class
	// Key identifies the Python object (FastAPI caches and de-duplicates dependencies by the
	// callable object): the qualified name of a function or class, the creation position of
	// an instance.
	Key string
	Pos Pos
}

// SecurityScheme is the OpenAPI security scheme a security dependency declares.
type SecurityScheme struct {
	// Class is FastAPI's class ("OAuth2PasswordBearer", "HTTPBasic", "APIKeyHeader"...).
	Class string
	// Name is the scheme name (scheme_name=, else the class name).
	Name string
	// Model is the scheme's OpenAPI object (jsonable_encoder(model, by_alias=True,
	// exclude_none=True)) as FastAPI builds it.
	Model *Dict
	// AutoError is auto_error=.
	AutoError bool
}

// Dependant is an endpoint or a dependency with its parameters and sub-dependencies, in
// FastAPI's order.
type Dependant struct {
	Call *Callable
	// Name is the parameter the dependency fills ("" for dependencies=[...] entries and for
	// the endpoint itself).
	Name   string
	Params []*Param
	// Deps are the sub-dependencies, in declaration order (dependencies= entries first for
	// an endpoint, then the parameters' Depends()).
	Deps     []*Dependant
	UseCache bool
	// Scope is Depends(scope=...) ("" when not given).
	Scope string
	// Security is set for a security scheme dependency. OwnScopes are Security(scopes=...);
	// ParentScopes the scopes of the Security() dependants above it.
	Security     *SecurityScheme
	OwnScopes    []string
	ParentScopes []string
	// IsSecurity marks a Security() (rather than a Depends()).
	IsSecurity bool
	Pos        Pos
}

// Walk calls f for d and every sub-dependant, depth first in declaration order.
func (d *Dependant) Walk(f func(*Dependant)) {
	f(d)
	for _, s := range d.Deps {
		s.Walk(f)
	}
}
