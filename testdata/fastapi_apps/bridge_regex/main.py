"""Blog publishing helpers built on re: slugs, tag extraction, log-line parsing, validation."""
import re
from typing import Optional

from fastapi import Body, FastAPI, HTTPException, Query
from pydantic import BaseModel, Field

app = FastAPI(title="Blog text tools")

NON_WORD = re.compile(r"[^\w\s-]", re.UNICODE)
SEPARATORS = re.compile(r"[-\s_]+")
HASHTAG = re.compile(r"(?<!\w)#(\w{2,30})")
MENTION = re.compile(r"@([A-Za-z0-9_]{1,15})\b")
EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@(?P<domain>[A-Za-z0-9.-]+\.[A-Za-z]{2,})$")
SEMVER = re.compile(r"^v?(?P<major>0|[1-9]\d*)\.(?P<minor>0|[1-9]\d*)\.(?P<patch>0|[1-9]\d*)(?:-(?P<pre>[0-9A-Za-z.-]+))?$")
LOG_LINE = re.compile(
    r'(?P<ip>\d{1,3}(?:\.\d{1,3}){3}) - - \[(?P<when>[^\]]+)\] "(?P<method>[A-Z]+) (?P<path>\S+) HTTP/[\d.]+" (?P<status>\d{3}) (?P<size>\d+|-)'
)


def slugify(title: str, max_length: int = 50) -> str:
    text = NON_WORD.sub("", title).strip().lower()
    return SEPARATORS.sub("-", text)[:max_length].strip("-")


class Draft(BaseModel):
    title: str = Field(min_length=1)
    body: str


class Post(BaseModel):
    slug: str
    title: str
    tags: list[str]
    mentions: list[str]
    words: int


class Version(BaseModel):
    major: int
    minor: int
    patch: int
    prerelease: Optional[str] = None


class LogEntry(BaseModel):
    ip: str
    method: str
    path: str
    status: int
    size: Optional[int]


@app.post("/posts/preview", response_model=Post)
def preview(draft: Draft):
    tags = sorted({t.lower() for t in HASHTAG.findall(draft.body)})
    return Post(
        slug=slugify(draft.title),
        title=draft.title,
        tags=tags,
        mentions=MENTION.findall(draft.body),
        words=len(re.findall(r"\b\w+\b", draft.body)),
    )


@app.get("/slugify")
def slug(title: str, max_length: int = Query(default=50, ge=5)):
    return {"slug": slugify(title, max_length)}


@app.get("/emails/{address}/domain")
def email_domain(address: str):
    m = EMAIL.match(address)
    if m is None:
        raise HTTPException(status_code=422, detail=f"not an email address: {address!r}")
    return {"domain": m.group("domain").lower()}


@app.get("/versions/{tag}", response_model=Version)
def parse_version(tag: str):
    m = SEMVER.fullmatch(tag)
    if not m:
        raise HTTPException(status_code=400, detail="invalid semantic version")
    parts = m.groupdict()
    return Version(major=parts["major"], minor=parts["minor"], patch=parts["patch"], prerelease=parts["pre"])


@app.post("/logs/parse", response_model=list[LogEntry])
def parse_logs(lines: list[str]):
    entries = []
    for line in lines:
        m = LOG_LINE.search(line)
        if m:
            size = m["size"]
            entries.append(LogEntry(ip=m["ip"], method=m["method"], path=m["path"], status=int(m["status"]), size=None if size == "-" else int(size)))
    return entries


@app.post("/redact")
def redact(text: str = Body(embed=True, max_length=500)):
    redacted, n = re.subn(r"\b(\d{4})[ -]?\d{4}[ -]?\d{4}[ -]?(\d{4})\b", r"\1-XXXX-XXXX-\2", text)
    return {"text": re.sub(r"[\w.+-]+@[\w-]+\.[\w.]+", "<email>", redacted, flags=re.I), "cards": n}
