from fastapi import Depends, FastAPI

from .api import api
from .deps import request_id
from .models import Message

app = FastAPI(
    title="Hub",
    version="2.1.0",
    responses={500: {"model": Message, "description": "Unexpected error"}},
    dependencies=[Depends(request_id)],
)
app.include_router(api)
app.include_router(api, prefix="/mirror", include_in_schema=False)


@app.get("/", include_in_schema=False)
async def root():
    return {"hub": True}
