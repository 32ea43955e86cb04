"""Forms, OAuth2 password forms, security scopes and dependency chains: the generator's own
coverage, written with what the body translator supports."""
from typing import Annotated, List, Optional

from fastapi import Depends, FastAPI, File, Form, HTTPException, Security
from fastapi.security import OAuth2PasswordBearer, OAuth2PasswordRequestForm, OAuth2PasswordRequestFormStrict, SecurityScopes

app = FastAPI(title="Forms and OAuth2")

oauth2 = OAuth2PasswordBearer(tokenUrl="token", scopes={"me": "Me", "items": "Items"})


@app.post("/login")
def login(username: Annotated[str, Form()], password: Annotated[str, Form(min_length=4)]):
    return {"username": username, "password_length": len(password)}


@app.post("/numbers")
def numbers(count: int = Form(), ratio: float = Form(1.0), agree: bool = Form(False), note: Optional[str] = Form(None)):
    return {"count": count, "ratio": ratio, "agree": agree, "note": note}


@app.post("/tags")
def tags(tag: List[str] = Form(), limit: int = Form(3, ge=1)):
    return {"tags": tag, "limit": limit}


@app.post("/raw")
def raw(data: Annotated[bytes, File()], label: Annotated[str, Form(max_length=5)] = "x"):
    return {"size": len(data), "label": label}


@app.post("/token")
def token(form: Annotated[OAuth2PasswordRequestForm, Depends()]):
    if form.password != "secret":
        raise HTTPException(status_code=400, detail="Incorrect username or password")
    return {"access_token": form.username, "scopes": form.scopes, "grant_type": form.grant_type,
            "client_id": form.client_id, "client_secret": form.client_secret}


@app.post("/token/strict")
def token_strict(form: Annotated[OAuth2PasswordRequestFormStrict, Depends()]):
    return {"user": form.username, "grant_type": form.grant_type, "scopes": form.scopes}


@app.post("/token/echo")
def token_echo(form: Annotated[OAuth2PasswordRequestForm, Depends()]):
    return form


def current_scopes(security_scopes: SecurityScopes, token: Annotated[str, Depends(oauth2)]):
    return {"token": token, "scopes": security_scopes.scopes, "scope_str": security_scopes.scope_str}


def active(info: Annotated[dict, Security(current_scopes, scopes=["me"])]):
    if info["token"] == "disabled":
        raise HTTPException(status_code=400, detail="Inactive user")
    return info


@app.get("/me")
def me(info: Annotated[dict, Depends(active)]):
    return info


@app.get("/me/items")
def my_items(info: Annotated[dict, Security(active, scopes=["items"])], q: Optional[str] = None):
    return {"info": info, "q": q}


@app.get("/status")
def status(info: Annotated[dict, Depends(current_scopes)]):
    return {"status": "ok", "scopes": info["scopes"]}
