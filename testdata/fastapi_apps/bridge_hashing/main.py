"""Content-addressed blob store with signed webhooks: hashlib digests, HMAC, base64."""
import base64
import binascii
import hashlib
import hmac
from typing import Annotated, Literal

from fastapi import FastAPI, Header, HTTPException, Query
from pydantic import BaseModel, Field

WEBHOOK_SECRET = b"whsec-covetgen-test"

app = FastAPI(title="Blob store")

BLOBS: dict[str, bytes] = {}


class Upload(BaseModel):
    content: str
    encoding: Literal["utf-8", "base64"] = "utf-8"


class Stored(BaseModel):
    sha256: str
    md5: str
    size: int


class Digests(BaseModel):
    text: str = Field(min_length=1)
    salt: str = ""


class WebhookEvent(BaseModel):
    event: str
    object_id: int


def sign(payload: bytes) -> str:
    return hmac.new(WEBHOOK_SECRET, payload, hashlib.sha256).hexdigest()


@app.post("/blobs", response_model=Stored, status_code=201)
def put_blob(upload: Upload):
    if upload.encoding == "base64":
        try:
            data = base64.b64decode(upload.content, validate=True)
        except binascii.Error:
            raise HTTPException(status_code=400, detail="content is not valid base64")
    else:
        data = upload.content.encode("utf-8")
    key = hashlib.sha256(data).hexdigest()
    BLOBS[key] = data
    return Stored(sha256=key, md5=hashlib.md5(data).hexdigest(), size=len(data))


@app.get("/blobs/{key}")
def get_blob(key: str, as_text: bool = False):
    data = BLOBS.get(key)
    if data is None:
        raise HTTPException(status_code=404, detail="Blob not found")
    if as_text:
        return {"key": key, "text": data.decode("utf-8", errors="replace")}
    return {"key": key, "b64": base64.b64encode(data).decode("ascii"), "urlsafe": base64.urlsafe_b64encode(data).decode("ascii")}


@app.post("/digests")
def digests(body: Digests, size: Annotated[int, Query(ge=1, le=64)] = 16):
    raw = (body.salt + body.text).encode("utf-8")
    return {
        "sha256": hashlib.sha256(raw).hexdigest(),
        "md5": hashlib.md5(raw).hexdigest(),
        "sha1": hashlib.sha1(raw).hexdigest(),
        "blake2b": hashlib.blake2b(raw, digest_size=size).hexdigest(),
        "blake2b_keyed": hashlib.blake2b(raw, digest_size=size, key=b"k").hexdigest(),
    }


@app.post("/webhooks/sign")
def sign_event(event: WebhookEvent):
    payload = event.model_dump_json().encode("utf-8")
    return {"payload": payload.decode("utf-8"), "signature": "sha256=" + sign(payload)}


@app.post("/webhooks/receive")
def receive_event(event: WebhookEvent, x_signature: Annotated[str, Header()]):
    expected = "sha256=" + sign(event.model_dump_json().encode("utf-8"))
    if not hmac.compare_digest(expected, x_signature):
        raise HTTPException(status_code=401, detail="Invalid signature", headers={"WWW-Authenticate": "Signature"})
    return {"accepted": event.event, "object_id": event.object_id}


@app.get("/tokens/{user}")
def basic_token(user: str, password: str):
    token = base64.b64encode(f"{user}:{password}".encode("utf-8")).decode("ascii")
    return {"authorization": "Basic " + token, "fingerprint": hashlib.sha256(token.encode()).hexdigest()[:12]}
