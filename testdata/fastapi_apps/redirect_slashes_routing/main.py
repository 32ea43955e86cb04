from enum import Enum
from typing import Annotated, Optional
from uuid import UUID

from fastapi import APIRouter, FastAPI, Path, Request, Response

app = FastAPI(title="Routing rules")


class ModelName(str, Enum):
    alexnet = "alexnet"
    resnet = "resnet"
    lenet = "lenet"


# fixed path declared before the parameterised one: reachable
@app.get("/users/me")
async def read_user_me():
    return {"user_id": "the current user"}


@app.get("/users/{user_id}")
async def read_user(user_id: str):
    return {"user_id": user_id}


# fixed path declared after the parameterised one: shadowed for GET
@app.get("/teams/{team_id}")
def read_team(team_id: int):
    return {"team_id": team_id}


@app.get("/teams/special")
def read_special_team():
    return {"team": "special"}


@app.post("/teams/special")
def create_special_team():
    return {"created": "special"}


@app.get("/models/{model_name}")
async def get_model(model_name: ModelName):
    if model_name is ModelName.alexnet:
        return {"model_name": model_name, "message": "Deep Learning FTW!"}
    if model_name.value == "lenet":
        return {"model_name": model_name, "message": "LeCNN all the images"}
    return {"model_name": model_name, "message": "Have some residuals"}


@app.get("/files/{file_path:path}")
async def read_file(file_path: str):
    return {"file_path": file_path}


@app.get("/convert/int/{n:int}")
def convert_int(n: int):
    return {"n": n, "type": "int"}


@app.get("/convert/float/{x:float}")
def convert_float(x: float):
    return {"x": x}


@app.get("/convert/uuid/{u:uuid}")
def convert_uuid(u: UUID):
    return {"u": str(u), "version": u.version}


@app.get("/convert/{anything}")
def convert_fallback(anything: str):
    return {"fallback": anything}


# trailing-slash routes
@app.get("/items/")
def list_items(limit: int = 2):
    return {"items": ["a", "b", "c"][:limit]}


@app.get("/orders")
def list_orders(status: Optional[str] = None):
    return {"orders": [], "status": status}


# method handling: two routes on one path, the first partial match decides `allow`
@app.get("/things/{thing_id}")
def get_thing(thing_id: int):
    return {"thing_id": thing_id, "method": "GET"}


@app.put("/things/{thing_id}")
def put_thing(thing_id: int, payload: dict):
    return {"thing_id": thing_id, "method": "PUT", "payload": payload}


@app.api_route("/multi", methods=["GET", "POST"])
async def multi(request: Request):
    return {"method": request.method}


@app.api_route("/explicit-head", methods=["GET", "HEAD"])
def explicit_head(response: Response):
    response.headers["X-Handled"] = "yes"
    return {"head": "supported"}


@app.api_route("/explicit-options", methods=["OPTIONS"])
def explicit_options(response: Response):
    response.headers["Allow"] = "GET, OPTIONS"
    return None


def legacy_handler(code: Annotated[int, Path(ge=1)]):
    return {"legacy_code": code}


app.add_api_route("/legacy/{code}", legacy_handler, methods=["GET", "DELETE"], tags=["legacy"])
app.add_api_route("/legacy-status", lambda: {"ok": True}, name="legacy_status", include_in_schema=False)

router = APIRouter(prefix="/nested", redirect_slashes=False)


@router.get("/leaf/")
def leaf():
    return {"leaf": True}


app.include_router(router)

strict = FastAPI(title="Strict slashes", redirect_slashes=False)


@strict.get("/thing")
def strict_thing():
    return {"strict": "no slash"}


@strict.get("/other/")
def strict_other():
    return {"strict": "slash"}


app.mount("/strict", strict)
