package codegen

// The runtime packages generated code imports.
const (
	pkgPyval      = "github.com/covetpy/covetgen/runtime/pyval"
	pkgPyfile     = "github.com/covetpy/covetgen/runtime/pyval/pyfile"
	pkgValidate   = "github.com/covetpy/covetgen/runtime/validate"
	pkgPyjson     = "github.com/covetpy/covetgen/runtime/pyjson"
	pkgRequest    = "github.com/covetpy/covetgen/runtime/request"
	pkgResponse   = "github.com/covetpy/covetgen/runtime/response"
	pkgRouter     = "github.com/covetpy/covetgen/runtime/router"
	pkgServer     = "github.com/covetpy/covetgen/runtime/server"
	pkgDocs       = "github.com/covetpy/covetgen/runtime/docs"
	pkgStatic     = "github.com/covetpy/covetgen/runtime/static"
	pkgSecurity   = "github.com/covetpy/covetgen/runtime/security"
	pkgMiddleware = "github.com/covetpy/covetgen/runtime/middleware"
	pkgBridge     = "github.com/covetpy/covetgen/runtime/bridge"
	pkgPycall     = "github.com/covetpy/covetgen/runtime/pycall"
)
