from fastapi import APIRouter
from pydantic import BaseModel


class Event(BaseModel):
    kind: str
    resource_id: int


events = APIRouter()


@events.post("{$callback_url}/events/{$request.body.id}")
def event_notification(body: Event):
    """The hub posts an event here when the resource changes."""
