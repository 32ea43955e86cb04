package codegen

import (
	"strings"
	"testing"
)

// TestAppExceptionHandlers checks which routes raising the app's exception classes are
// native: those whose exception's handler (found along the class's MRO) translates, or
// that has none; a route raising a class whose handler does not translate is bridged.
func TestAppExceptionHandlers(t *testing.T) {
	const src = `from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
app = FastAPI()


class AppError(Exception):
    status = 400

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class NotFound(AppError):
    status = 404


class Opaque(Exception):
    pass


class Unhandled(Exception):
    pass


@app.exception_handler(AppError)
async def app_error(request: Request, exc: AppError):
    return JSONResponse(status_code=404, content={"status": exc.status, "message": exc.message, "path": request.url.path})


@app.exception_handler(Opaque)
async def opaque(request: Request, exc: Opaque):
    with open("x") as f:
        return JSONResponse({"x": f.read()})


@app.get("/found/{name}")
def found(name: str):
    if name == "x":
        raise NotFound(f"no {name}")
    return {"name": name}


@app.get("/opaque")
def raises_opaque():
    raise Opaque()


@app.get("/unhandled")
def raises_unhandled():
    raise Unhandled("boom")
`
	out, rs := generate(t, src)
	if len(rs) > 0 {
		t.Fatalf("refused: %v", rs)
	}
	if out.Routes != 2 || out.Bridged != 1 {
		t.Errorf("%d native and %d bridged routes, want 2 and 1", out.Routes, out.Bridged)
	}
	exc := string(out.Files["exceptions.go"])
	for _, want := range []string{
		`func py_app_error(request, exc pyval.Value) (pyval.Value, error)`,
		`i, exc := pyval.ExcLookup(err, "main.AppError", "main.Opaque")`,
		`return pyval.HandlerResponse(py_app_error(pyreq.Of(rq), exc))`,
		`return appExceptions.Exceptions(rq, err)`,
	} {
		if !strings.Contains(exc, want) {
			t.Errorf("exceptions.go lacks %q:\n%s", want, exc)
		}
	}
	if strings.Contains(exc, "py_opaque") {
		t.Errorf("exceptions.go has the handler that does not translate:\n%s", exc)
	}
	if !strings.Contains(string(out.Files["app.go"]), "opt.Exceptions = appExceptionHandlers") {
		t.Errorf("app.go does not install the hook:\n%s", out.Files["app.go"])
	}
	main := string(out.Files["main_py.go"])
	if !strings.Contains(main, "cannot translate call of Opaque (its exception handler for Opaque does not run in Go: main.py:33:5: cannot translate with statement)") {
		t.Errorf("main_py.go does not give the reason /opaque is bridged:\n%s", main)
	}
}

// TestHTTPExceptionHandlers checks that handlers of HTTPException and of status codes
// whose bodies translate run in Go (no bridge is needed for them), the status code's
// first, and that one that does not translate is still called through the bridge.
func TestHTTPExceptionHandlers(t *testing.T) {
	const head = `from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import JSONResponse, PlainTextResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
app = FastAPI()


@app.exception_handler(StarletteHTTPException)
async def http_handler(request: Request, exc: StarletteHTTPException):
    return JSONResponse(status_code=exc.status_code, content={"error": exc.detail, "path": request.url.path})


@app.get("/items/{n}")
def item(n: int):
    if n > 3:
        raise HTTPException(status_code=404, detail=f"no item {n}")
    return {"n": n}
`
	tests := []struct {
		name, extra string
		bridge      bool
		want        []string
	}{
		{"http only", "", false, []string{
			`return pyval.HandlerResponse(py_http_handler(pyreq.Of(rq), pyval.CaughtOf(he)))`,
			`return nil, nil`,
		}},
		{"status code first", "\n\n@app.exception_handler(418)\ndef teapot(request, exc):\n    return PlainTextResponse(\"short and stout\", status_code=418)\n", false, []string{
			"case 418:\n\t\t\treturn pyval.HandlerResponse(py_teapot(pyreq.Of(rq), pyval.CaughtOf(he)))",
			`return pyval.HandlerResponse(py_http_handler(pyreq.Of(rq), pyval.CaughtOf(he)))`,
		}},
		{"status code bridged", "\n\n@app.exception_handler(418)\ndef teapot(request, exc):\n    return PlainTextResponse(str(exc.headers), status_code=418)\n", true, []string{
			"case 418:\n\t\t\treturn appExceptions.Exceptions(rq, err)",
			`return pyval.HandlerResponse(py_http_handler(pyreq.Of(rq), pyval.CaughtOf(he)))`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, rs := generate(t, head+tt.extra)
			if len(rs) > 0 {
				t.Fatalf("refused: %v", rs)
			}
			if _, ok := out.Files["bridge.go"]; ok != tt.bridge {
				t.Errorf("bridge.go written: %v, want %v", ok, tt.bridge)
			}
			exc := string(out.Files["exceptions.go"])
			for _, want := range tt.want {
				if !strings.Contains(exc, want) {
					t.Errorf("exceptions.go lacks %q:\n%s", want, exc)
				}
			}
		})
	}
}
