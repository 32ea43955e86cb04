"""An audit-log API that groups query, header and cookie parameters into models."""

from typing import Annotated, Literal, Optional

from fastapi import Cookie, FastAPI, Header, Query
from pydantic import BaseModel, ConfigDict, Field

app = FastAPI(title="Audit log")


class LogFilter(BaseModel):
    limit: int = Field(50, gt=0, le=200)
    offset: int = Field(0, ge=0)
    order_by: Literal["created_at", "severity"] = "created_at"
    tags: list[str] = []
    actor: Optional[str] = None


class StrictLogFilter(BaseModel):
    model_config = ConfigDict(extra="forbid")

    since: str = Field(pattern=r"^\d{4}-\d{2}-\d{2}$")
    severity: int = Field(1, ge=1, le=5)


class ClientHeaders(BaseModel):
    user_agent: str
    x_request_id: Optional[str] = None
    x_tenant: str = "public"
    accept_language: list[str] = []


class RawHeaders(BaseModel):
    x_api_key: str
    x_trace: Optional[str] = None


class StrictHeaders(BaseModel):
    model_config = ConfigDict(extra="forbid")

    x_client: str


class SessionCookies(BaseModel):
    session_id: str
    theme: Literal["light", "dark"] = "light"
    tracker: Optional[str] = None


class StrictCookies(BaseModel):
    model_config = ConfigDict(extra="forbid")

    session_id: str


@app.get("/logs")
async def list_logs(filters: Annotated[LogFilter, Query()]):
    return {"filters": filters}


@app.get("/logs/strict")
def list_logs_strict(filters: Annotated[StrictLogFilter, Query()]):
    return filters


@app.get("/client")
def read_client(headers: Annotated[ClientHeaders, Header()]):
    return headers


@app.get("/client/raw")
def read_client_raw(headers: Annotated[RawHeaders, Header(convert_underscores=False)]):
    return headers


@app.get("/client/strict")
def read_client_strict(headers: Annotated[StrictHeaders, Header()]):
    return headers


@app.get("/session")
def read_session(cookies: Annotated[SessionCookies, Cookie()]):
    return cookies


@app.get("/session/strict")
def read_session_strict(cookies: Annotated[StrictCookies, Cookie()]):
    return {"session_id": cookies.session_id}


# Individual header and cookie parameters, default-value style.
@app.get("/headers")
def read_headers(
    user_agent: Optional[str] = Header(None),
    x_token: list[str] = Header(default=[]),
    x_count: int = Header(0),
    strange_header: Optional[str] = Header(default=None, convert_underscores=False),
    x_alias: Optional[str] = Header(default=None, alias="X-Custom-Name"),
):
    return {
        "user_agent": user_agent,
        "x_token": x_token,
        "x_count": x_count,
        "strange_header": strange_header,
        "x_alias": x_alias,
    }


@app.get("/cookies")
async def read_cookies(
    ads_id: Annotated[Optional[str], Cookie()] = None,
    visits: Annotated[int, Cookie(ge=0)] = 0,
    pref: Annotated[Optional[str], Cookie(alias="user-pref")] = None,
):
    return {"ads_id": ads_id, "visits": visits, "pref": pref}


@app.get("/required-header")
def required_header(x_key: Annotated[str, Header(min_length=4)]):
    return {"x_key": x_key}
