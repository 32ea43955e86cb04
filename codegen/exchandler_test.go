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
