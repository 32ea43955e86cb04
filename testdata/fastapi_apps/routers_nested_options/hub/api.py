from fastapi import APIRouter, Depends
from fastapi.responses import JSONResponse

from .deps import require_header
from .ids import method_id
from .routers import catalog, legacy, network

api = APIRouter(prefix="/api", responses={503: {"description": "Maintenance"}})
api.include_router(catalog.router, prefix="/v1")
api.include_router(
    network.router,
    prefix="/v1",
    tags=["net"],
    dependencies=[Depends(require_header("x-api-version", int))],
    generate_unique_id_function=method_id,
    default_response_class=JSONResponse,
)
api.include_router(legacy.router, deprecated=False)

internal = APIRouter(prefix="/internal", include_in_schema=False)


@internal.get("/config")
async def config():
    return {"debug": False}


api.include_router(internal)
