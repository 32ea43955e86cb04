from fastapi import APIRouter, HTTPException

import shop.models as m
from shop.constants import USERS_PREFIX

from ..db import USERS_DB

router = APIRouter(prefix=USERS_PREFIX, tags=["users"])


@router.get("/", response_model=list[m.User])
def read_users():
    return list(USERS_DB.values())


@router.get("/me", response_model=m.User)
async def read_user_me():
    return {"username": "fakecurrentuser", "password": "should-not-leak"}


@router.get("/{username}", response_model=m.User, response_model_exclude_unset=True)
async def read_user(username: str):
    user = USERS_DB.get(username)
    if user is None:
        raise HTTPException(status_code=404, detail=f"User {username} not found")
    return user


@router.get("/{username}/items", response_model=list[m.Item], tags=["items"])
def read_user_items(username: str, limit: int = 10):
    from ..db import ITEMS_DB

    return [i for i in ITEMS_DB.values() if i.owner == username][:limit]
