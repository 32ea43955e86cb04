"""Every name the compat module provides, imported as apps import them."""

from fastapi import (APIRouter, BackgroundTasks, Body, Cookie, Depends, FastAPI, File, Form, Header,
                     HTTPException, Path, Query, Request, Response, Security, UploadFile, status)
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import (FileResponse, HTMLResponse, JSONResponse, PlainTextResponse,
                               RedirectResponse, StreamingResponse)
from fastapi.security import (APIKeyHeader, HTTPAuthorizationCredentials, HTTPBasic,
                              HTTPBasicCredentials, HTTPBearer, OAuth2PasswordBearer,
                              OAuth2PasswordRequestForm, SecurityScopes)
from fastapi.staticfiles import StaticFiles
from starlette import status as starlette_status
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import Request as StarletteRequest
from starlette.responses import Response as StarletteResponse

app = FastAPI(title="imports")
router = APIRouter(prefix="/r")
app.add_middleware(CORSMiddleware, allow_origins=["*"])
oauth2 = OAuth2PasswordBearer(tokenUrl="token")
basic = HTTPBasic()
key = APIKeyHeader(name="x-key")


def dep():
    return 1


@router.get("/x")
def routed(q: str = Query(None), p: int = Path(...), h: str = Header(None), c: str = Cookie(None),
           d=Depends(dep), token: str = Depends(oauth2)):
    return q


@app.post("/y", status_code=status.HTTP_201_CREATED)
async def posted(b: dict = Body(...), f: str = Form(None), u: UploadFile = File(None)):
    return b


app.include_router(router)


def check():
    e = HTTPException(status_code=404)
    return {
        "decorated": routed.__name__ == "routed" and posted.__name__ == "posted",
        "status": [status.HTTP_404_NOT_FOUND, starlette_status.HTTP_422_UNPROCESSABLE_ENTITY,
                   status.HTTP_418_IM_A_TEAPOT, status.WS_1008_POLICY_VIOLATION],
        "exc": [isinstance(e, StarletteHTTPException), e.detail, e.status_code],
        "depends": Depends(dep).dependency is dep,
        "creds": HTTPBasicCredentials(username="u", password="p").username,
        "jsonable": jsonable_encoder({"a": (1, 2), "b": b"x"}),
    }
