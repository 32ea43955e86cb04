from typing import Annotated

from fastapi import APIRouter, Depends, Header, HTTPException

from ..constants import ADMIN_TAG, ADMIN_TOKEN
from ..db import ITEMS_DB

router = APIRouter()
stats_router = APIRouter(prefix="/stats", tags=["stats"])
hidden_router = APIRouter()


def verify_admin(x_admin: Annotated[str | None, Header()] = None):
    if x_admin != ADMIN_TOKEN:
        raise HTTPException(status_code=403, detail="Admin only")
    return x_admin


@router.post("/")
async def update_admin():
    return {"message": "Admin getting schwifty"}


@stats_router.get("/counts")
def counts():
    return {"items": len(ITEMS_DB)}


@stats_router.get("/prices", deprecated=True)
def prices():
    return {"total": sum(i.price for i in ITEMS_DB.values())}


@hidden_router.get("/debug")
def debug():
    return {"debug": True, "tag": ADMIN_TAG}


router.include_router(stats_router, responses={500: {"description": "Stats backend down"}})
router.include_router(hidden_router, prefix="/hidden", include_in_schema=False)
