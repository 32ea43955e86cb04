from fastapi import APIRouter, Depends, FastAPI

from . import constants
from .constants import ADMIN_TAG, FULL_PREFIX
from .dependencies import get_query_token
from .internal import admin
from .internal.admin import verify_admin
from .routers import items, users_router as users

app = FastAPI(title="Shop", version=constants.VERSION, dependencies=[Depends(get_query_token)])

api = APIRouter(prefix=FULL_PREFIX, responses={418: {"description": "I'm a teapot"}})
api.include_router(users)
api.include_router(items.router)
api.include_router(
    admin.router,
    prefix=f"/{ADMIN_TAG}",
    tags=[ADMIN_TAG],
    dependencies=[Depends(verify_admin)],
    responses={418: {"description": "Admin teapot"}},
    deprecated=False,
)
app.include_router(api)


@app.get("/")
async def root():
    return {"message": "Hello Bigger Applications!", "prefix": FULL_PREFIX}
