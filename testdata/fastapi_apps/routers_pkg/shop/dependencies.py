from typing import Annotated

from fastapi import Header, HTTPException, Query, status

from .constants import SECRET_TOKEN as _SECRET


async def get_token_header(x_token: Annotated[str, Header()]):
    if x_token != _SECRET:
        raise HTTPException(status_code=400, detail="X-Token header invalid")


def get_query_token(token: str = Query(default="jessica")):
    if token != "jessica":
        raise HTTPException(status_code=status.HTTP_400_BAD_REQUEST, detail="No Jessica token provided")
    return token
