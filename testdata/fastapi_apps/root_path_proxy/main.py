"""An app configured with root_path, as if served behind a proxy that strips /api/v1."""
from pathlib import Path

from fastapi import APIRouter, FastAPI, Request
from fastapi.staticfiles import StaticFiles

HERE = Path(__file__).resolve().parent

app = FastAPI(
    title="Behind a proxy",
    root_path="/api/v1",
    servers=[{"url": "https://stag.example.com", "description": "Staging environment"}],
)


@app.get("/app")
def read_main(request: Request):
    return {
        "message": "Hello World",
        "root_path": request.scope.get("root_path"),
        "path": request.url.path,
        "url": str(request.url),
        "url_for": str(request.url_for("read_main")),
    }


router = APIRouter(prefix="/reports")


@router.get("/{report_id}")
async def read_report(report_id: int, request: Request):
    return {"report_id": report_id, "path": request.url.path}


app.include_router(router)

sub = FastAPI(title="Proxied sub-app")


@sub.get("/ping")
def sub_ping(request: Request):
    return {"ping": "pong", "root_path": request.scope.get("root_path"), "path": request.url.path}


app.mount("/sub", sub)
app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
