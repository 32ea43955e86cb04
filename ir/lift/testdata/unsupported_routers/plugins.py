"""Routers discovered at import time."""
import importlib
import pkgutil

from fastapi import APIRouter


def load_routers() -> list[APIRouter]:
    found = []
    for mod in pkgutil.iter_modules(["plugins"]):
        found.append(importlib.import_module(f"plugins.{mod.name}").router)
    return found


def router_for(name: str) -> APIRouter:
    return importlib.import_module(f"plugins.{name}").router
