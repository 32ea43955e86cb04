"""Travel quote aggregator: async endpoints fanning out to fake providers with asyncio."""
import asyncio
from typing import Annotated, AsyncIterator, Optional

from fastapi import Depends, FastAPI, Header, HTTPException, Query
from pydantic import BaseModel, Field

app = FastAPI(title="Quote aggregator")

PROVIDERS = {"acme": 1.00, "globex": 0.95, "initech": 1.10}
AUDIT: list[str] = []


class Quote(BaseModel):
    provider: str
    price: float


class Trip(BaseModel):
    origin: str = Field(min_length=3, max_length=3)
    destination: str = Field(min_length=3, max_length=3)
    passengers: int = Field(default=1, ge=1, le=9)


class Comparison(BaseModel):
    route: str
    quotes: list[Quote]
    cheapest: Optional[Quote]


class Session:
    def __init__(self, user: str):
        self.user = user
        self.calls = 0


async def fetch_quote(provider: str, trip: Trip) -> Quote:
    await asyncio.sleep(0.01)
    base = 100 + 7 * (len(trip.origin + trip.destination) + sum(map(ord, trip.destination)) % 50)
    return Quote(provider=provider, price=round(base * PROVIDERS[provider] * trip.passengers, 2))


async def get_session(x_user: Annotated[str, Header()] = "anonymous") -> AsyncIterator[Session]:
    session = Session(x_user)
    await asyncio.sleep(0)
    AUDIT.append(f"open {session.user}")
    try:
        yield session
    finally:
        AUDIT.append(f"close {session.user} calls={session.calls}")


async def known_providers(providers: Annotated[list[str], Query()] = ["acme", "globex", "initech"]) -> list[str]:
    await asyncio.sleep(0)
    unknown = [p for p in providers if p not in PROVIDERS]
    if unknown:
        raise HTTPException(status_code=400, detail={"unknown_providers": unknown})
    return providers


@app.post("/quotes/compare", response_model=Comparison)
async def compare(
    trip: Trip,
    session: Annotated[Session, Depends(get_session)],
    providers: Annotated[list[str], Depends(known_providers)],
):
    quotes = await asyncio.gather(*(fetch_quote(p, trip) for p in providers))
    session.calls += len(quotes)
    cheapest = min(quotes, key=lambda q: q.price) if quotes else None
    return Comparison(route=f"{trip.origin}-{trip.destination}", quotes=list(quotes), cheapest=cheapest)


@app.get("/quotes/{provider}", response_model=Quote)
async def single(provider: str, origin: str, destination: str, session: Annotated[Session, Depends(get_session)]):
    if provider not in PROVIDERS:
        raise HTTPException(status_code=404, detail="Unknown provider")
    session.calls += 1
    return await fetch_quote(provider, Trip(origin=origin, destination=destination))


@app.get("/quotes/{provider}/guarded", response_model=Quote)
async def guarded(provider: str, origin: str = "AMS", destination: str = "JFK"):
    if provider not in PROVIDERS:
        raise HTTPException(status_code=404, detail="Unknown provider")
    return await asyncio.wait_for(fetch_quote(provider, Trip(origin=origin, destination=destination)), timeout=5)


@app.post("/quotes/batch")
async def batch(trips: list[Trip], provider: str = "acme") -> list[Quote]:
    if provider not in PROVIDERS:
        raise HTTPException(status_code=404, detail="Unknown provider")
    async with asyncio.TaskGroup() as group:
        tasks = [group.create_task(fetch_quote(provider, trip)) for trip in trips]
    return [task.result() for task in tasks]


@app.get("/health")
async def health():
    results = await asyncio.gather(asyncio.sleep(0.01, result="db"), asyncio.sleep(0.01, result="cache"))
    return {"ok": True, "checked": list(results)}


@app.get("/audit")
async def audit(session: Annotated[Session, Depends(get_session)]):
    return {"user": session.user, "log": AUDIT[-6:]}


@app.delete("/audit", status_code=204)
async def clear_audit():
    AUDIT.clear()
