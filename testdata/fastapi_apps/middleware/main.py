from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.middleware.trustedhost import TrustedHostMiddleware
from fastapi.responses import JSONResponse, PlainTextResponse

app = FastAPI(title="Middleware stack")

app.add_middleware(GZipMiddleware, minimum_size=600, compresslevel=6)
app.add_middleware(
    CORSMiddleware,
    allow_origins=["https://app.example.com", "http://localhost:3000"],
    allow_origin_regex=r"https://.*\.preview\.example\.org",
    allow_credentials=True,
    allow_methods=["GET", "POST", "PUT"],
    allow_headers=["X-Custom-Header", "Authorization"],
    expose_headers=["X-Served-By"],
    max_age=300,
)
app.add_middleware(TrustedHostMiddleware, allowed_hosts=["testserver", "*.example.com", "localhost"])


@app.middleware("http")
async def add_served_by(request: Request, call_next):
    if request.url.path == "/blocked":
        return JSONResponse({"detail": "Blocked by middleware"}, status_code=451)
    response = await call_next(request)
    response.headers["X-Served-By"] = "covet-mw"
    response.headers["X-Path-Seen"] = request.url.path
    return response


@app.middleware("http")
async def count_query(request: Request, call_next):
    response = await call_next(request)
    response.headers["X-Query-Count"] = str(len(request.query_params))
    return response


@app.get("/small")
def small():
    return {"message": "tiny"}


@app.get("/large")
def large(n: int = 100):
    return {"items": [{"id": i, "label": f"item number {i}"} for i in range(n)]}


@app.get("/text", response_class=PlainTextResponse)
def text(repeat: int = 1):
    return "lorem ipsum dolor sit amet " * repeat


@app.post("/echo")
async def echo(payload: dict):
    return {"received": payload}


@app.put("/things/{thing_id}")
async def put_thing(thing_id: int, payload: dict):
    return {"id": thing_id, **payload}


@app.delete("/things/{thing_id}")
async def delete_thing(thing_id: int):
    return {"deleted": thing_id}


@app.get("/blocked")
def blocked():
    return {"unreachable": True}


@app.get("/boom")
def boom():
    raise RuntimeError("kaboom")
