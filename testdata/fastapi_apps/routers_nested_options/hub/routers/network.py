from ipaddress import IPv4Address, IPv4Network
from typing import Optional

from fastapi import APIRouter

from ..models import Contact, Host, Label, ManagedHost

NET_TAGS = ["network"]
NET_TAGS.append("infra")

router = APIRouter(prefix="/network", tags=NET_TAGS)


@router.post("/hosts", response_model=Host)
async def add_host(host: ManagedHost):
    return host


@router.get("/hosts/{address}")
async def find_host(address: IPv4Address, within: Optional[IPv4Network] = None):
    return {"address": str(address), "inside": within is not None and address in within}


@router.post("/contacts", response_model=Contact)
async def add_contact(contact: Contact):
    return contact


@router.post("/labels")
async def add_labels(labels: list[Label]) -> list[Label]:
    return labels
