"""A small shop service split into routers."""
from .models import Item, User, ItemCreate
from . import constants

__all__ = ["Item", "User", "ItemCreate", "constants"]
