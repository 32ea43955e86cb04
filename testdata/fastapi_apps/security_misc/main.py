import secrets
from typing import Annotated, Optional

from fastapi import Depends, FastAPI, HTTPException, Security, status
from fastapi.security import (
    APIKeyCookie,
    APIKeyHeader,
    APIKeyQuery,
    HTTPAuthorizationCredentials,
    HTTPBasic,
    HTTPBasicCredentials,
    HTTPBearer,
    HTTPDigest,
    OpenIdConnect,
)

app = FastAPI(title="Security schemes")

basic = HTTPBasic(realm="covet")
basic_optional = HTTPBasic(auto_error=False)
bearer = HTTPBearer(bearerFormat="opaque", description="Opaque bearer token")
bearer_optional = HTTPBearer(auto_error=False)
digest = HTTPDigest()
header_key = APIKeyHeader(name="X-API-Key")
header_key_optional = APIKeyHeader(name="X-API-Key", auto_error=False, scheme_name="OptionalHeaderKey")
query_key = APIKeyQuery(name="api_key", description="Key in the query string")
query_key_optional = APIKeyQuery(name="api_key", auto_error=False, scheme_name="OptionalQueryKey")
cookie_key = APIKeyCookie(name="session")
cookie_key_optional = APIKeyCookie(name="session", auto_error=False, scheme_name="OptionalCookieKey")
oidc = OpenIdConnect(openIdConnectUrl="https://example.com/.well-known/openid-configuration")
oidc_optional = OpenIdConnect(openIdConnectUrl="/oidc", auto_error=False, scheme_name="OptionalOIDC")

VALID_KEYS = {"k-123", "k-456"}


def check_basic(credentials: Annotated[HTTPBasicCredentials, Depends(basic)]) -> str:
    ok_user = secrets.compare_digest(credentials.username.encode("utf8"), b"stanley")
    ok_pass = secrets.compare_digest(credentials.password.encode("utf8"), b"swordfish")
    if not (ok_user and ok_pass):
        raise HTTPException(
            status_code=status.HTTP_401_UNAUTHORIZED,
            detail="Incorrect username or password",
            headers={"WWW-Authenticate": "Basic"},
        )
    return credentials.username


@app.get("/basic/me")
def basic_me(username: Annotated[str, Depends(check_basic)]):
    return {"username": username}


@app.get("/basic/raw")
def basic_raw(credentials: HTTPBasicCredentials = Security(basic)):
    return {"username": credentials.username, "password": credentials.password}


@app.get("/basic/optional")
def basic_opt(credentials: Optional[HTTPBasicCredentials] = Depends(basic_optional)):
    if credentials is None:
        return {"anonymous": True}
    return {"anonymous": False, "username": credentials.username}


@app.get("/bearer")
async def bearer_route(creds: Annotated[HTTPAuthorizationCredentials, Depends(bearer)]):
    return {"scheme": creds.scheme, "credentials": creds.credentials}


@app.get("/bearer/optional")
async def bearer_opt(creds: Annotated[Optional[HTTPAuthorizationCredentials], Depends(bearer_optional)]):
    return {"credentials": creds.credentials if creds else None}


@app.get("/digest")
def digest_route(creds: HTTPAuthorizationCredentials = Depends(digest)):
    return {"scheme": creds.scheme, "credentials": creds.credentials}


async def valid_header_key(key: Annotated[str, Security(header_key)]) -> str:
    if key not in VALID_KEYS:
        raise HTTPException(status_code=403, detail="Invalid API key")
    return key


@app.get("/header-key")
async def header_key_route(key: Annotated[str, Depends(valid_header_key)]):
    return {"key": key}


@app.get("/header-key/optional")
async def header_key_opt(key: Annotated[Optional[str], Depends(header_key_optional)]):
    return {"key": key}


@app.get("/query-key")
def query_key_route(api_key: str = Depends(query_key)):
    return {"key": api_key}


@app.get("/query-key/optional")
def query_key_opt(api_key: Optional[str] = Depends(query_key_optional)):
    return {"key": api_key}


@app.get("/cookie-key")
def cookie_key_route(session: Annotated[str, Depends(cookie_key)]):
    return {"session": session}


@app.get("/cookie-key/optional")
def cookie_key_opt(session: Annotated[Optional[str], Depends(cookie_key_optional)]):
    return {"session": session}


@app.get("/oidc")
def oidc_route(authorization: Annotated[str, Depends(oidc)]):
    return {"authorization": authorization}


@app.get("/oidc/optional")
def oidc_opt(authorization: Annotated[Optional[str], Depends(oidc_optional)]):
    return {"authorization": authorization}


@app.get("/any-key")
def any_key(
    h: Annotated[Optional[str], Depends(header_key_optional)],
    q: Annotated[Optional[str], Depends(query_key_optional)],
    c: Annotated[Optional[str], Depends(cookie_key_optional)],
):
    key = h or q or c
    if key is None:
        raise HTTPException(status_code=401, detail="No API key in header, query or cookie")
    return {"source": "header" if h else "query" if q else "cookie", "key": key}


@app.get("/both", dependencies=[Depends(header_key)])
def both(creds: Annotated[HTTPAuthorizationCredentials, Depends(bearer)], limit: int = 5):
    return {"token": creds.credentials, "limit": limit}
