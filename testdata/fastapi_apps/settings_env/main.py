"""Settings read from environment variables into a pydantic model (no pydantic-settings)."""
import os
from functools import lru_cache
from typing import Annotated, Mapping

from fastapi import Depends, FastAPI, HTTPException, Query
from pydantic import BaseModel, Field, ValidationError, field_validator

ENV_MAP = {
    "APP_NAME": "app_name",
    "ADMIN_EMAIL": "admin_email",
    "ITEMS_PER_USER": "items_per_user",
    "APP_DEBUG": "debug",
    "ALLOWED_ORIGINS": "allowed_origins",
}


class Settings(BaseModel):
    app_name: str = "Awesome API"
    admin_email: str = "admin@example.com"
    items_per_user: int = Field(default=50, gt=0, le=1000)
    debug: bool = False
    allowed_origins: list[str] = ["http://localhost"]

    @field_validator("allowed_origins", mode="before")
    @classmethod
    def split_commas(cls, value):
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return value


def settings_from(environ: Mapping[str, str]) -> Settings:
    data = {field: environ[var] for var, field in ENV_MAP.items() if var in environ}
    return Settings(**data)


@lru_cache
def get_settings() -> Settings:
    return settings_from(os.environ)


SettingsDep = Annotated[Settings, Depends(get_settings)]

app = FastAPI(title=get_settings().app_name)


@app.get("/info")
async def info(settings: SettingsDep):
    return {
        "app_name": settings.app_name,
        "admin_email": settings.admin_email,
        "items_per_user": settings.items_per_user,
    }


@app.get("/settings", response_model=Settings, response_model_exclude={"admin_email"})
def read_settings(settings: SettingsDep):
    return settings


@app.get("/settings/defaults", response_model_exclude_defaults=True, response_model=Settings)
def non_default_settings(settings: Settings = Depends(get_settings)):
    return settings


@app.get("/items")
def list_items(settings: SettingsDep, count: Annotated[int, Query(ge=0)] = 3):
    if count > settings.items_per_user:
        raise HTTPException(
            status_code=400,
            detail=f"{settings.app_name} allows at most {settings.items_per_user} items per user",
        )
    return [{"id": i, "owner": settings.admin_email} for i in range(count)]


@app.get("/preview")
def preview(
    app_name: str | None = None,
    items_per_user: str | None = None,
    debug: str | None = None,
    origins: str | None = Query(default=None, alias="ALLOWED_ORIGINS"),
):
    """Validate a would-be environment without applying it."""
    env = {}
    for var, value in (("APP_NAME", app_name), ("ITEMS_PER_USER", items_per_user), ("APP_DEBUG", debug), ("ALLOWED_ORIGINS", origins)):
        if value is not None:
            env[var] = value
    try:
        candidate = settings_from(env)
    except ValidationError as exc:
        raise HTTPException(status_code=400, detail=exc.errors(include_url=False, include_context=False))
    return {"valid": True, "settings": candidate.model_dump()}
