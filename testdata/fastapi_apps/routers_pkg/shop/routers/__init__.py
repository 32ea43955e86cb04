from . import items, users
from .users import router as users_router

__all__ = ["items", "users", "users_router"]
