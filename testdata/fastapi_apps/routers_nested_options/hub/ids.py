"""Operation ids: the route's first tag and name, or its name and first method."""
from fastapi.routing import APIRoute


def tagged_id(route: APIRoute) -> str:
    return f"{route.tags[0]}-{route.name}"


def method_id(route: APIRoute) -> str:
    return f"{route.name}_{sorted(route.methods)[0].lower()}"
