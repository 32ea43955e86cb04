"""Mounts, static files, docs settings and root_path."""
from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

app = FastAPI(
    title="Mounts",
    root_path="/api",
    docs_url="/documentation",
    redoc_url=None,
    openapi_url="/spec.json",
    swagger_ui_parameters={"deepLinking": False, "syntaxHighlight": {"theme": "obsidian"}},
    redirect_slashes=True,
)


@app.get("/hello")
def hello(name: str = "x"):
    return {"hello": name}


@app.get("/slash/")
def slash():
    return {"slash": True}


sub = FastAPI(title="Sub", redirect_slashes=False)


@sub.get("/ping")
def ping():
    return {"ping": "pong"}


@sub.get("/trail/")
def trail():
    return {"trail": True}


nodocs = FastAPI(title="No docs", openapi_url=None)


@nodocs.get("/x")
def nodocs_x():
    return {"x": 1}


app.mount("/sub", sub)
app.mount("/nodocs", nodocs)
app.mount("/static", StaticFiles(directory="static"), name="static")
app.mount("/site", StaticFiles(directory="site", html=True), name="site")
