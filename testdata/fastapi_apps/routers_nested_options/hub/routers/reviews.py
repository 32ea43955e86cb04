from typing import Annotated

from fastapi import APIRouter, Depends

from ..deps import require_header

router = APIRouter(dependencies=[Depends(require_header("x-reviewer"))])
moderation = APIRouter()


@router.get("")
async def list_reviews(product_id: int, reviewer: Annotated[str, Depends(require_header("x-reviewer"))]):
    return {"product_id": product_id, "reviewer": reviewer, "reviews": []}


@router.post("", status_code=201)
async def add_review(product_id: int, text: str):
    return {"product_id": product_id, "text": text}


@moderation.get("/moderation")
async def moderation_queue(product_id: int):
    return {"product_id": product_id, "queue": []}


router.include_router(moderation, include_in_schema=False)
