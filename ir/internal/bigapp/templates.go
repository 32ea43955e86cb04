package bigapp

// The shared modules of the app.

const enumsPy = `"""Enumerations shared by every domain."""
from enum import Enum, IntEnum


class Status(str, Enum):
    """Lifecycle of a record."""

    draft = "draft"
    active = "active"
    archived = "archived"
    deleted = "deleted"


class Priority(IntEnum):
    low = 1
    normal = 2
    high = 3
    urgent = 4


class SortOrder(str, Enum):
    asc = "asc"
    desc = "desc"


class Region(str, Enum):
    eu = "eu-west"
    us = "us-east"
    ap = "ap-south"
`

const depsPy = `"""Dependencies shared by the routers: database session, pagination, authentication."""
from typing import Annotated, Optional

from fastapi import Depends, Header, HTTPException, Query, Security, status
from fastapi.security import OAuth2PasswordBearer, SecurityScopes

from ..models.common import User

oauth2_scheme = OAuth2PasswordBearer(
    tokenUrl="/api/auth/token",
    scopes={"read": "Read records", "write": "Change records", "admin": "Administer the service"},
)


async def get_db():
    """A pretend database session, opened per request."""
    session = {"open": True}
    try:
        yield session
    finally:
        session["open"] = False


class Pagination:
    """Offset pagination with bounds."""

    def __init__(
        self,
        skip: Annotated[int, Query(ge=0, description="Items to skip")] = 0,
        limit: Annotated[int, Query(ge=1, le=500, description="Page size")] = 50,
    ):
        self.skip = skip
        self.limit = limit


async def get_current_user(token: Annotated[str, Depends(oauth2_scheme)]) -> User:
    if not token:
        raise HTTPException(status_code=status.HTTP_401_UNAUTHORIZED, detail="Not authenticated")
    return User(id=1, name="demo", scopes=["read", "write"])


async def get_scoped_user(
    security_scopes: SecurityScopes,
    user: Annotated[User, Depends(get_current_user)],
) -> User:
    for scope in security_scopes.scopes:
        if scope not in user.scopes:
            raise HTTPException(status_code=status.HTTP_403_FORBIDDEN, detail="Missing scope")
    return user


ReadUser = Annotated[User, Security(get_scoped_user, scopes=["read"])]
WriteUser = Annotated[User, Security(get_scoped_user, scopes=["write"])]


async def audit_trail(x_request_id: Annotated[Optional[str], Header(max_length=64)] = None):
    return x_request_id


def tenant_header(x_tenant: Annotated[str, Header(min_length=1)] = "public") -> str:
    return x_tenant
`

const commonPy = `"""Models shared by every domain."""
from datetime import datetime
from typing import Generic, Optional, TypeVar

from pydantic import BaseModel, Field

T = TypeVar("T")


class User(BaseModel):
    id: int
    name: str
    scopes: list[str] = []


class Message(BaseModel):
    """An error or status message."""

    detail: str
    code: Optional[str] = None


class Timestamps(BaseModel):
    created_at: datetime
    updated_at: Optional[datetime] = None


class Page(BaseModel, Generic[T]):
    """One page of a listing."""

    items: list[T]
    total: int = Field(ge=0)
    skip: int = 0
    limit: int = 50
`

const mainHead = `"""Entry point: the FastAPI application and its routers."""
from typing import Annotated

from fastapi import APIRouter, Depends, FastAPI
from fastapi.middleware.cors import CORSMiddleware

from .core.deps import get_db, tenant_header
from .models.common import Message
`

const mainBody = `app = FastAPI(
    title="Generated service",
    version="3.2.1",
    description="Many domains, one service.",
    dependencies=[Depends(tenant_header)],
)
app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["*"])


@app.get("/health", response_model=Message, tags=["ops"])
async def health() -> Message:
    """Liveness probe."""
    return Message(detail="ok")


@app.get("/ready", tags=["ops"], responses={503: {"model": Message}})
async def ready(db: Annotated[dict, Depends(get_db)]):
    return {"ready": db["open"]}


api = APIRouter(responses={500: {"model": Message, "description": "Server error"}})
`

// The models module of a domain: {{D}}/{{d}} are its names, {{P}}/{{p}} the previous
// domain's.
const modelsHead = `"""Models of the {{d}} domain."""
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Annotated, Literal, Optional, Union
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, field_validator

from ..core.enums import Priority, Region, Status
from .common import Timestamps
`

const modelsBody = `

class {{D}}Kind(str, Enum):
    """Kinds of {{d}}."""

    standard = "standard"
    premium = "premium"
    internal = "internal"
    legacy = "legacy"


class {{D}}Tag(BaseModel):
    name: Annotated[str, Field(min_length=1, max_length=32, pattern=r"^[a-z0-9-]+$")]
    weight: float = Field(1.0, ge=0, le=10)


class {{D}}Address(BaseModel):
    street: str = Field(max_length=200)
    city: str
    postcode: Annotated[str, Field(min_length=3, max_length=10)]
    region: Region = Region.eu


class {{D}}Base(BaseModel):
    """Fields every {{d}} representation shares."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(..., min_length=2, max_length=120, description="Display name of the {{d}}")
    description: Optional[str] = Field(None, max_length=2000)
    kind: {{D}}Kind = {{D}}Kind.standard
    status: Status = Status.active
    priority: Priority = Priority.normal
    tags: list[{{D}}Tag] = Field(default_factory=list, max_length=20)
    price: Decimal = Field(Decimal("0"), ge=0, max_digits=12, decimal_places=2)
    quantity: int = Field(0, ge=0, le=1_000_000)
    homepage: Optional[HttpUrl] = None
    labels: dict[str, str] = {}
    address: Optional[{{D}}Address] = None
    due: Optional[date] = None

    @field_validator("name")
    @classmethod
    def strip_name(cls, v: str) -> str:
        return v.strip()


class {{D}}Create({{D}}Base):
    """Payload to create a {{d}}."""

    owner_id: UUID
    source: Literal["web", "api", "import"] = "api"


class {{D}}Update(BaseModel):
    """Partial update of a {{d}}: every field optional."""

    name: Optional[str] = Field(None, min_length=2, max_length=120)
    description: Optional[str] = None
    kind: Optional[{{D}}Kind] = None
    status: Optional[Status] = None
    price: Optional[Decimal] = Field(None, ge=0)
    quantity: Optional[int] = Field(None, ge=0)
    tags: Optional[list[{{D}}Tag]] = None


class {{D}}Summary(BaseModel):
    id: int
    name: str
    kind: {{D}}Kind
    status: Status = Status.active
`

const modelsOutFirst = `

class {{D}}Out({{D}}Base, Timestamps):
    """A stored {{d}}."""

    id: int = Field(..., gt=0)
    owner_id: UUID
    revision: int = 1
`

const modelsOutPrev = `

class {{D}}Out({{D}}Base, Timestamps):
    """A stored {{d}}, linked to a {{p}}."""

    id: int = Field(..., gt=0)
    owner_id: UUID
    revision: int = 1
    {{p}}: Optional[{{P}}Summary] = None
    related: list[{{P}}Summary] = []
`

const modelsTail = `

class {{D}}Event(BaseModel):
    """Something that happened to a {{d}}."""

    at: datetime
    kind: Literal["created", "updated", "deleted"]
    payload: Union[{{D}}Summary, dict[str, str], None] = None


class {{D}}Stats(BaseModel):
    count: int = 0
    by_kind: dict[str, int] = {}
    mean_price: Optional[float] = None
    histogram: list[tuple[int, int]] = []
`

const routerPy = `"""HTTP API of the {{d}} domain."""
from typing import Annotated, Optional
from uuid import UUID

from fastapi import APIRouter, Body, Depends, Header, HTTPException, Path, Query, Response, status

from ..core.deps import Pagination, ReadUser, WriteUser, get_db
from ..core.enums import SortOrder, Status
from ..models.common import Message, Page
from ..models.{{d}} import (
    {{D}}Create,
    {{D}}Event,
    {{D}}Kind,
    {{D}}Out,
    {{D}}Stats,
    {{D}}Summary,
    {{D}}Tag,
    {{D}}Update,
)

router = APIRouter(
    prefix="/{{d}}s",
    tags=["{{d}}"],
    dependencies=[Depends(get_db)],
    responses={404: {"model": Message, "description": "{{D}} not found"}},
)

ItemId = Annotated[int, Path(gt=0, description="The {{d}} id")]


@router.get("/", response_model=Page[{{D}}Summary], summary="List {{d}}s")
async def list_{{d}}s(
    page: Annotated[Pagination, Depends()],
    user: ReadUser,
    kind: Optional[{{D}}Kind] = None,
    status_: Annotated[Optional[Status], Query(alias="status")] = None,
    q: Annotated[Optional[str], Query(max_length=50, description="Search text")] = None,
    order: SortOrder = SortOrder.asc,
    tag: Annotated[list[str], Query()] = [],
):
    """List the {{d}}s visible to the user, in the requested order."""
    return Page(items=[], total=0, skip=page.skip, limit=page.limit)


@router.get("/{item_id}", response_model={{D}}Out)
async def get_{{d}}(
    item_id: ItemId,
    user: ReadUser,
    x_request_id: Annotated[Optional[str], Header()] = None,
):
    """Fetch one {{d}}."""
    raise HTTPException(status_code=404, detail="{{D}} not found")


@router.post("/", response_model={{D}}Out, status_code=status.HTTP_201_CREATED)
async def create_{{d}}(body: {{D}}Create, user: WriteUser):
    """Create a {{d}}.

    The owner must exist.
    \f
    Internal: the id is assigned by the store.
    """
    raise HTTPException(status_code=501)


@router.put("/{item_id}", response_model={{D}}Out)
async def replace_{{d}}(item_id: ItemId, body: {{D}}Create, user: WriteUser):
    raise HTTPException(status_code=501)


@router.patch("/{item_id}", response_model={{D}}Out, response_model_exclude_unset=True)
async def update_{{d}}(item_id: ItemId, body: {{D}}Update, user: WriteUser):
    raise HTTPException(status_code=501)


@router.delete("/{item_id}", status_code=status.HTTP_204_NO_CONTENT, response_class=Response)
async def delete_{{d}}(item_id: ItemId, user: WriteUser, hard: bool = False):
    return Response(status_code=204)


@router.post("/{item_id}/tags", response_model=list[{{D}}Tag])
async def add_{{d}}_tags(
    item_id: ItemId,
    tags: Annotated[list[{{D}}Tag], Body(embed=True, max_length=10)],
    user: WriteUser,
    replace: Annotated[bool, Query()] = False,
):
    return tags


@router.get("/{item_id}/events", response_model=list[{{D}}Event], deprecated=True)
async def {{d}}_events(item_id: ItemId, user: ReadUser, since: Optional[str] = None, limit: int = Query(20, le=100)):
    return []


@router.get("/stats/{kind}", response_model={{D}}Stats, response_model_exclude_none=True)
async def {{d}}_stats(kind: {{D}}Kind, owner: Optional[UUID] = None):
    return {{D}}Stats()
`
