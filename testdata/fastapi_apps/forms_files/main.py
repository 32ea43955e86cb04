"""A document-upload portal using HTML forms and multipart uploads."""

import hashlib
from typing import Annotated, List, Literal, Optional, Union

from fastapi import Depends, FastAPI, File, Form, HTTPException, UploadFile
from fastapi.security import OAuth2PasswordRequestForm
from pydantic import BaseModel, ConfigDict, Field

app = FastAPI(title="Upload portal")


class LoginForm:
    """Collects OAuth2-password-style credentials from a form, like FastAPI's own helper."""

    def __init__(
        self,
        *,
        grant_type: Annotated[Union[str, None], Form(pattern="^password$")] = None,
        username: Annotated[str, Form()],
        password: Annotated[str, Form(json_schema_extra={"format": "password"})],
        scope: Annotated[str, Form()] = "",
        client_id: Annotated[Union[str, None], Form()] = None,
    ):
        self.grant_type = grant_type
        self.username = username
        self.password = password
        self.scopes = scope.split()
        self.client_id = client_id


class Profile(BaseModel):
    display_name: str = Field(min_length=2)
    age: int = Field(ge=0)
    newsletter: bool = False
    interests: list[str] = []


class StrictFilter(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: Literal["pdf", "image"]
    limit: int = 10


@app.post("/login")
async def login(username: Annotated[str, Form()], password: Annotated[str, Form(min_length=4)]):
    return {"username": username, "password_length": len(password)}


@app.post("/token")
def token(form: Annotated[LoginForm, Depends()]):
    if form.password != "secret":
        raise HTTPException(status_code=400, detail="Incorrect username or password")
    return {"access_token": form.username, "token_type": "bearer", "scopes": form.scopes, "client_id": form.client_id}


@app.post("/token/standard")
def token_standard(form_data: OAuth2PasswordRequestForm = Depends()):
    return {"username": form_data.username, "scopes": form_data.scopes, "grant_type": form_data.grant_type}


@app.post("/profile")
def profile(data: Annotated[Profile, Form()]):
    return data


@app.post("/search")
def search(filters: Annotated[StrictFilter, Form()]):
    return filters


@app.post("/tags")
def tags(tag: List[str] = Form(), note: Optional[str] = Form(None)):
    return {"tags": tag, "note": note}


@app.post("/numbers")
def numbers(count: int = Form(), ratio: float = Form(1.0), agree: bool = Form(False)):
    return {"count": count, "ratio": ratio, "agree": agree}


@app.post("/files/bytes")
async def upload_bytes(file: Annotated[bytes, File(description="A file read as bytes")]):
    return {"file_size": len(file), "sha1": hashlib.sha1(file).hexdigest()}


@app.post("/files/upload")
async def upload_file(file: UploadFile):
    content = await file.read()
    return {
        "filename": file.filename,
        "content_type": file.content_type,
        "size": file.size,
        "text": content.decode("utf-8", errors="replace"),
    }


@app.post("/files/optional")
async def upload_optional(file: Annotated[Union[UploadFile, None], File()] = None):
    if file is None:
        return {"message": "No upload file sent"}
    return {"filename": file.filename}


@app.post("/files/many")
async def upload_many(files: Annotated[list[UploadFile], File(description="Several files")]):
    out = []
    for f in files:
        data = await f.read()
        out.append({"filename": f.filename, "size": len(data), "content_type": f.content_type})
    return {"count": len(out), "files": out}


@app.post("/files/many-bytes")
def upload_many_bytes(files: List[bytes] = File()):
    return {"sizes": [len(f) for f in files]}


@app.post("/documents")
async def create_document(
    title: Annotated[str, Form(max_length=30)],
    document: Annotated[UploadFile, File()],
    thumbnail: Annotated[bytes, File()] = b"",
    public: Annotated[bool, Form()] = False,
):
    body = await document.read()
    return {
        "title": title,
        "public": public,
        "document": {"filename": document.filename, "size": len(body), "content_type": document.content_type},
        "thumbnail_size": len(thumbnail),
        "headers": {k: v for k, v in document.headers.items() if k != "content-disposition"},
    }
