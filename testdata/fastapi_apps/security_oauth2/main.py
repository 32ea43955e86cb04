"""OAuth2 password flow with scopes, using fake (unsigned) tokens."""
from typing import Annotated, Optional

from fastapi import Depends, FastAPI, HTTPException, Security, status
from fastapi.security import (
    OAuth2PasswordBearer,
    OAuth2PasswordRequestForm,
    OAuth2PasswordRequestFormStrict,
    SecurityScopes,
)
from pydantic import BaseModel, ValidationError

FAKE_USERS = {
    "johndoe": {
        "username": "johndoe",
        "full_name": "John Doe",
        "email": "johndoe@example.com",
        "password": "secret",
        "disabled": False,
        "scopes": ["me", "items"],
    },
    "alice": {
        "username": "alice",
        "full_name": "Alice Wonderson",
        "email": "alice@example.com",
        "password": "secret2",
        "disabled": True,
        "scopes": ["me"],
    },
}

oauth2_scheme = OAuth2PasswordBearer(
    tokenUrl="token",
    scopes={"me": "Read information about the current user.", "items": "Read items."},
    description="Fake password flow",
)
optional_scheme = OAuth2PasswordBearer(tokenUrl="token", auto_error=False, scheme_name="OptionalOAuth2")

app = FastAPI(title="OAuth2 scopes demo")


class Token(BaseModel):
    access_token: str
    token_type: str


class TokenData(BaseModel):
    username: Optional[str] = None
    scopes: list[str] = []


class User(BaseModel):
    username: str
    email: Optional[str] = None
    full_name: Optional[str] = None
    disabled: Optional[bool] = None


def encode_token(username: str, scopes: list[str]) -> str:
    return f"{username}.{','.join(scopes)}"


def decode_token(token: str) -> TokenData:
    username, sep, scopes = token.partition(".")
    if not sep or not username:
        raise ValueError("malformed token")
    return TokenData(username=username, scopes=[s for s in scopes.split(",") if s])


async def get_current_user(security_scopes: SecurityScopes, token: Annotated[str, Depends(oauth2_scheme)]) -> User:
    if security_scopes.scopes:
        authenticate_value = f'Bearer scope="{security_scopes.scope_str}"'
    else:
        authenticate_value = "Bearer"
    credentials_exception = HTTPException(
        status_code=status.HTTP_401_UNAUTHORIZED,
        detail="Could not validate credentials",
        headers={"WWW-Authenticate": authenticate_value},
    )
    try:
        token_data = decode_token(token)
    except (ValueError, ValidationError):
        raise credentials_exception
    record = FAKE_USERS.get(token_data.username)
    if record is None:
        raise credentials_exception
    for scope in security_scopes.scopes:
        if scope not in token_data.scopes:
            raise HTTPException(
                status_code=status.HTTP_401_UNAUTHORIZED,
                detail="Not enough permissions",
                headers={"WWW-Authenticate": authenticate_value},
            )
    return User(**record)


async def get_current_active_user(current_user: Annotated[User, Security(get_current_user, scopes=["me"])]):
    if current_user.disabled:
        raise HTTPException(status_code=400, detail="Inactive user")
    return current_user


@app.post("/token")
async def login(form_data: Annotated[OAuth2PasswordRequestForm, Depends()]) -> Token:
    record = FAKE_USERS.get(form_data.username)
    if not record or record["password"] != form_data.password:
        raise HTTPException(status_code=400, detail="Incorrect username or password")
    granted = [s for s in form_data.scopes if s in record["scopes"]]
    return Token(access_token=encode_token(record["username"], granted), token_type="bearer")


@app.post("/token/strict", response_model=Token)
def login_strict(form_data: OAuth2PasswordRequestFormStrict = Depends()):
    record = FAKE_USERS.get(form_data.username)
    if not record or record["password"] != form_data.password:
        raise HTTPException(status_code=400, detail="Incorrect username or password")
    return {"access_token": encode_token(record["username"], form_data.scopes), "token_type": "bearer", "extra": 1}


@app.get("/users/me/", response_model=User)
async def read_users_me(current_user: Annotated[User, Depends(get_current_active_user)]):
    return current_user


@app.get("/users/me/items/")
async def read_own_items(current_user: Annotated[User, Security(get_current_active_user, scopes=["items"])]):
    return [{"item_id": "Foo", "owner": current_user.username}]


@app.get("/status/")
async def read_system_status(current_user: Annotated[User, Depends(get_current_user)]):
    return {"status": "ok", "user": current_user.username}


@app.get("/raw-token")
def raw_token(token: str = Depends(oauth2_scheme)):
    return {"token": token}


@app.get("/maybe-user")
async def maybe_user(token: Annotated[Optional[str], Depends(optional_scheme)]):
    if token is None:
        return {"user": None}
    try:
        data = decode_token(token)
    except ValueError:
        return {"user": None, "error": "bad token"}
    return {"user": data.username, "scopes": data.scopes}
