package lift

import (
	"math/big"
	"regexp"
	"strconv"
	"strings"

	"github.com/covetpy/covetgen/ir"
)

var builtinNames = map[string]bool{}

func init() {
	for _, n := range strings.Fields(`ArithmeticError AssertionError AttributeError BaseException
	Exception KeyError LookupError NotImplementedError OSError RuntimeError TypeError ValueError
	ZeroDivisionError IndexError PermissionError FileNotFoundError TimeoutError ConnectionError
	Ellipsis NotImplemented abs all any ascii bin bool bytearray bytes callable chr classmethod complex dict
	dir divmod enumerate filter float format frozenset getattr hasattr hash hex id int isinstance issubclass
	iter len list map max memoryview min next object oct open ord pow print property range repr reversed
	round set setattr slice sorted staticmethod str sum super tuple type vars zip`) {
		builtinNames[n] = true
	}
}

func isBuiltin(name string) bool { return builtinNames[name] }

// canonAliases maps framework names to the one spelling the lifter matches on.
var canonAliases = map[string]string{
	"typing.List": "builtins.list", "typing.Dict": "builtins.dict", "typing.Set": "builtins.set",
	"typing.FrozenSet": "builtins.frozenset", "typing.Tuple": "builtins.tuple", "typing.Type": "builtins.type",
	"typing.Text": "builtins.str", "typing.Deque": "collections.deque",
	"fastapi.Response":                         "fastapi.responses.Response",
	"fastapi.routing.APIRouter":                "fastapi.APIRouter",
	"fastapi.applications.FastAPI":             "fastapi.FastAPI",
	"fastapi.requests.Request":                 "fastapi.Request",
	"starlette.requests.Request":               "fastapi.Request",
	"starlette.requests.HTTPConnection":        "fastapi.requests.HTTPConnection",
	"fastapi.background.BackgroundTasks":       "fastapi.BackgroundTasks",
	"starlette.background.BackgroundTasks":     "fastapi.BackgroundTasks",
	"fastapi.datastructures.UploadFile":        "fastapi.UploadFile",
	"starlette.datastructures.UploadFile":      "fastapi.UploadFile",
	"fastapi.websockets.WebSocket":             "fastapi.WebSocket",
	"starlette.websockets.WebSocket":           "fastapi.WebSocket",
	"fastapi.websockets.WebSocketDisconnect":   "fastapi.WebSocketDisconnect",
	"starlette.websockets.WebSocketDisconnect": "fastapi.WebSocketDisconnect",
	"fastapi.exceptions.HTTPException":         "fastapi.HTTPException",
	"fastapi.exceptions.WebSocketException":    "fastapi.WebSocketException",
	"fastapi.staticfiles.StaticFiles":          "starlette.staticfiles.StaticFiles",
	"fastapi.templating.Jinja2Templates":       "starlette.templating.Jinja2Templates",
	"fastapi.status":                           "starlette.status",
	"fastapi.testclient.TestClient":            "starlette.testclient.TestClient",
	"fastapi.security.SecurityScopes":          "fastapi.security.SecurityScopes",
	"pydantic.fields.Field":                    "pydantic.Field",
	"pydantic.main.BaseModel":                  "pydantic.BaseModel",
	"pydantic.config.ConfigDict":               "pydantic.ConfigDict",
	"pydantic.root_model.RootModel":            "pydantic.RootModel",
	"pydantic.fields.computed_field":           "pydantic.computed_field",
	"decimal.Decimal":                          "decimal.Decimal",
	"dataclasses.dataclass":                    "dataclasses.dataclass",
}

// canon returns the canonical spelling of a dotted framework name.
func canon(name string) string {
	if c, ok := canonAliases[name]; ok {
		return c
	}
	for _, p := range []struct{ from, to string }{
		{"typing_extensions.", "typing."},
		{"collections.abc.", "typing."},
		{"fastapi.param_functions.", "fastapi."},
		{"fastapi.params.", "fastapi."},
		{"fastapi.middleware.", "starlette.middleware."},
		{"starlette.responses.", "fastapi.responses."},
		{"pydantic.functional_validators.", "pydantic."},
		{"pydantic.functional_serializers.", "pydantic."},
		{"pydantic.types.", "pydantic."},
		{"pydantic.networks.", "pydantic."},
		{"pydantic.aliases.", "pydantic."},
	} {
		if rest, ok := strings.CutPrefix(name, p.from); ok {
			return canon(p.to + rest)
		}
	}
	for _, sub := range []string{"oauth2", "http", "api_key", "open_id_connect_url", "utils", "base"} {
		if rest, ok := strings.CutPrefix(name, "fastapi.security."+sub+"."); ok {
			return "fastapi.security." + rest
		}
	}
	return name
}

var statusRE = regexp.MustCompile(`^(?:starlette|fastapi)\.status\.(?:HTTP|WS)_(\d+)(?:_\w+)?$`)

// httpStatusNames are http.HTTPStatus members (Python 3.13).
var httpStatusNames = map[string]int{
	"CONTINUE": 100, "SWITCHING_PROTOCOLS": 101, "PROCESSING": 102, "EARLY_HINTS": 103, "OK": 200,
	"CREATED": 201, "ACCEPTED": 202, "NON_AUTHORITATIVE_INFORMATION": 203, "NO_CONTENT": 204,
	"RESET_CONTENT": 205, "PARTIAL_CONTENT": 206, "MULTI_STATUS": 207, "ALREADY_REPORTED": 208,
	"IM_USED": 226, "MULTIPLE_CHOICES": 300, "MOVED_PERMANENTLY": 301, "FOUND": 302, "SEE_OTHER": 303,
	"NOT_MODIFIED": 304, "USE_PROXY": 305, "TEMPORARY_REDIRECT": 307, "PERMANENT_REDIRECT": 308,
	"BAD_REQUEST": 400, "UNAUTHORIZED": 401, "PAYMENT_REQUIRED": 402, "FORBIDDEN": 403, "NOT_FOUND": 404,
	"METHOD_NOT_ALLOWED": 405, "NOT_ACCEPTABLE": 406, "PROXY_AUTHENTICATION_REQUIRED": 407,
	"REQUEST_TIMEOUT": 408, "CONFLICT": 409, "GONE": 410, "LENGTH_REQUIRED": 411,
	"PRECONDITION_FAILED": 412, "CONTENT_TOO_LARGE": 413, "REQUEST_ENTITY_TOO_LARGE": 413,
	"URI_TOO_LONG": 414, "REQUEST_URI_TOO_LONG": 414, "UNSUPPORTED_MEDIA_TYPE": 415,
	"RANGE_NOT_SATISFIABLE": 416, "REQUESTED_RANGE_NOT_SATISFIABLE": 416, "EXPECTATION_FAILED": 417,
	"IM_A_TEAPOT": 418, "MISDIRECTED_REQUEST": 421, "UNPROCESSABLE_CONTENT": 422,
	"UNPROCESSABLE_ENTITY": 422, "LOCKED": 423, "FAILED_DEPENDENCY": 424, "TOO_EARLY": 425,
	"UPGRADE_REQUIRED": 426, "PRECONDITION_REQUIRED": 428, "TOO_MANY_REQUESTS": 429,
	"REQUEST_HEADER_FIELDS_TOO_LARGE": 431, "UNAVAILABLE_FOR_LEGAL_REASONS": 451,
	"INTERNAL_SERVER_ERROR": 500, "NOT_IMPLEMENTED": 501, "BAD_GATEWAY": 502, "SERVICE_UNAVAILABLE": 503,
	"GATEWAY_TIMEOUT": 504, "HTTP_VERSION_NOT_SUPPORTED": 505, "VARIANT_ALSO_NEGOTIATES": 506,
	"INSUFFICIENT_STORAGE": 507, "LOOP_DETECTED": 508, "NOT_EXTENDED": 510,
	"NETWORK_AUTHENTICATION_REQUIRED": 511,
}

// frameworkAttr evaluates mod.attr on a framework name.
func frameworkAttr(mod, attr string, pos ir.Pos) obj {
	full := canon(mod + "." + attr)
	if m := statusRE.FindStringSubmatch(canon(mod) + "." + attr); m != nil {
		n, _ := strconv.ParseInt(m[1], 10, 64)
		return valObj{ir.Int{V: big.NewInt(n)}}
	}
	if mod == "http.HTTPStatus" {
		if code, ok := httpStatusNames[attr]; ok {
			return valObj{ir.NewInt(int64(code))}
		}
	}
	if attr == "value" && strings.HasPrefix(mod, "http.HTTPStatus.") {
		if code, ok := httpStatusNames[strings.TrimPrefix(mod, "http.HTTPStatus.")]; ok {
			return valObj{ir.NewInt(int64(code))}
		}
	}
	return fwObj{full}
}
