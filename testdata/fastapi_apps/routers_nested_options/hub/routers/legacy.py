from fastapi import APIRouter
from fastapi.responses import JSONResponse, PlainTextResponse

router = APIRouter(prefix="/legacy", tags=["legacy"], deprecated=True, default_response_class=PlainTextResponse)


@router.get("/ping")
async def ping():
    return "pong"


@router.get("/status", response_class=JSONResponse, deprecated=False)
async def status():
    return {"status": "ok"}


def legacy_route(path: str):
    """Registers an endpoint on the legacy router: a decorator factory."""

    def register(fn):
        router.get(path)(fn)
        return fn

    return register


@legacy_route("/version")
async def version():
    return "1.0"
