"""Dependencies: a request id, a dependency factory, pagination, decorators."""
import functools
from typing import Annotated, Optional

from fastapi import Header, Query

REGISTRY: list[str] = []


async def request_id(x_request_id: Annotated[Optional[str], Header()] = None) -> Optional[str]:
    return x_request_id


def require_header(name: str, typ: type = str):
    """A dependency factory: the header's name and type are the factory's arguments."""

    async def dependency(value: Annotated[typ, Header(alias=name)]):
        return value

    return dependency


class Paging:
    def __init__(self, page: int = Query(1, ge=1), size: int = Query(20, ge=1, le=100)):
        self.page = page
        self.size = size


def audited(func):
    """Wraps an endpoint; FastAPI still reads the endpoint's own signature."""

    @functools.wraps(func)
    async def wrapper(*args, **kwargs):
        return await func(*args, **kwargs)

    return wrapper


def registered(func):
    REGISTRY.append(func.__name__)
    return func
