from typing import Annotated, Optional
from fastapi import APIRouter, FastAPI, File, Form, UploadFile, Response, Header
from fastapi.responses import FileResponse, RedirectResponse, StreamingResponse, ORJSONResponse
from pydantic import BaseModel, Field

class Out(BaseModel):
    v: float = 1

app = FastAPI(default_response_class=ORJSONResponse, openapi_version="3.1.0", summary="", description="desc")
r = APIRouter(default_response_class=RedirectResponse)

@r.get("/go")
def go(): ...

@r.get("/go-json", response_class=ORJSONResponse)
def go_json(): ...

app.include_router(r, prefix="/r")

@app.get("/file", response_class=FileResponse)
def file(): ...

@app.get("/raw")
def raw() -> Response: ...

@app.get("/stream")
def stream() -> StreamingResponse: ...

@app.post("/files")
async def files(fs: list[UploadFile], f: Annotated[bytes, File(description="raw")], opt: Optional[UploadFile] = None,
                note: str = Form(min_length=2), h: Optional[str] = Header(None)) -> Out: ...

@app.post("/single")
async def single(f: UploadFile): ...

@app.post("/single-form")
async def single_form(name: Annotated[str, Form()]): ...

@app.api_route("/multi", methods=["put", "patch", "delete"])
def multi(x: int): ...
