from dataclasses import dataclass, field
from typing import Annotated, Optional, Union
from typing_extensions import TypedDict
from fastapi import APIRouter, Depends, FastAPI, Form, HTTPException, Security
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse
from fastapi.security import APIKeyCookie, HTTPBearer, OAuth2PasswordBearer, SecurityScopes
from pydantic import BaseModel, RootModel

class Msg(BaseModel):
    detail: str

class Cat(BaseModel):
    meow: bool = True

class Dog(BaseModel):
    bark: bool = True

@dataclass
class Point:
    """A point."""
    x: float
    y: float = 0.0
    labels: list[str] = field(default_factory=list)

class TD(TypedDict):
    a: int
    b: str

class Ids(RootModel[list[int]]):
    pass

class LoginForm(BaseModel):
    user: str
    pw: str

oauth = OAuth2PasswordBearer(tokenUrl="/token", scopes={"read": "Read", "write": "Write"}, description="OAuth")
cookie = APIKeyCookie(name="sid", auto_error=False)
bearer = HTTPBearer(bearerFormat="JWT", scheme_name="jwt")

def get_user(scopes: SecurityScopes, token: Annotated[str, Depends(oauth)]):
    return token

class MyJSON(JSONResponse):
    media_type = "application/vnd.api+json"

router = APIRouter(responses={404: {"model": Msg}, "4XX": {"description": "Client"}})

@router.get("/pets/{pid}", response_model=Union[Cat, Dog], responses={"default": {"description": "Oops"}, 418: {"content": {"text/plain": {}}}})
def pet(pid: int, u=Security(get_user, scopes=["read"])): ...

@router.post("/points", response_class=MyJSON, status_code=202)
def points(p: Point, td: TD) -> list[Point]: ...

app = FastAPI()
app.include_router(router, prefix="/v1", tags=["v1"])
app.include_router(router, prefix="/v2", deprecated=True, dependencies=[Depends(cookie)])

@app.get("/html", response_class=HTMLResponse, responses={200: {"model": Msg}})
def html(): ...

@app.get("/text", response_class=PlainTextResponse)
def text(s: str = ""): ...

@app.post("/ids")
def ids(ids: Ids, u=Security(get_user, scopes=["write", "read"]), b=Depends(bearer)) -> Ids: ...

@app.post("/login")
def login(form: Annotated[LoginForm, Form()]): ...

@app.post("/upload")
def upload(name: str = Form(), note: Optional[str] = Form(None)): ...

@app.delete("/x", status_code=204, response_model=None)
def delete_x(): ...
