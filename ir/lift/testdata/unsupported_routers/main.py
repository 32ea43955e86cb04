"""A service whose routers and settings are only known at run time."""
from typing import Annotated

from fastapi import APIRouter, FastAPI, Query
from fastapi.routing import APIRoute
from pydantic import BaseModel, Field

import plugins
import settings

app = FastAPI(title="Plugins", root_path=settings.ROOT_PATH)
api = APIRouter(prefix=settings.API_PREFIX, tags=["api"])


class Item(BaseModel):
    name: str = Field(description=settings.ITEM_DOC)
    qty: int = Field(ge=settings.MIN_QTY)


@api.get("/items", summary=settings.SUMMARY)
def list_items(limit: Annotated[int, Query(le=settings.MIN_QTY * 100)] = 10) -> list[Item]:
    return []


@app.get("/health")
def health():
    return {"ok": True}


app.include_router(api)
app.include_router(plugins.router_for("billing"), prefix="/billing")
for router in plugins.load_routers():
    app.include_router(router, prefix="/plugins")


class TimedRoute(APIRoute):
    def get_route_handler(self):
        handler = super().get_route_handler()

        async def timed(request):
            return await handler(request)

        return timed


timed = APIRouter(prefix="/timed", route_class=TimedRoute)


@timed.get("/ping")
def timed_ping():
    return "pong"


app.include_router(timed)
