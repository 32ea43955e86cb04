"""An in-memory notes/todo service with full CRUD."""

from enum import Enum
from typing import Annotated, Dict, List, Literal, Optional

from fastapi import FastAPI, HTTPException, Path, Query, Response, status
from pydantic import BaseModel, Field

app = FastAPI(title="Todo store", version="0.3.0")


class Priority(str, Enum):
    low = "low"
    medium = "medium"
    high = "high"


class TodoCreate(BaseModel):
    title: str = Field(min_length=1, max_length=80)
    description: Optional[str] = None
    priority: Priority = Priority.medium
    tags: List[str] = []
    estimate_hours: float = Field(1.0, ge=0, le=100)


class TodoUpdate(BaseModel):
    title: Optional[str] = Field(default=None, min_length=1, max_length=80)
    description: Optional[str] = None
    priority: Optional[Priority] = None
    tags: Optional[List[str]] = None
    estimate_hours: Optional[float] = Field(default=None, ge=0, le=100)
    done: Optional[bool] = None


class Todo(BaseModel):
    id: int
    title: str
    description: Optional[str] = None
    priority: Priority
    tags: List[str]
    estimate_hours: float
    done: bool = False


class TodoPage(BaseModel):
    total: int
    offset: int
    limit: int
    items: List[Todo]


TODOS: Dict[int, Todo] = {}
_next_id = 1


@app.post("/todos", response_model=Todo, status_code=status.HTTP_201_CREATED)
def create_todo(todo: TodoCreate, response: Response):
    global _next_id
    new = Todo(id=_next_id, **todo.model_dump())
    TODOS[new.id] = new
    _next_id += 1
    response.headers["Location"] = f"/todos/{new.id}"
    return new


@app.get("/todos", response_model=TodoPage)
def list_todos(
    offset: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=50)] = 10,
    done: Optional[bool] = None,
    priority: Optional[Priority] = None,
    tag: Annotated[Optional[List[str]], Query()] = None,
    q: Annotated[Optional[str], Query(min_length=2)] = None,
    sort: Literal["id", "-id", "title", "-title", "estimate_hours", "-estimate_hours"] = "id",
):
    rows = list(TODOS.values())
    if done is not None:
        rows = [t for t in rows if t.done == done]
    if priority is not None:
        rows = [t for t in rows if t.priority == priority]
    if tag:
        rows = [t for t in rows if all(x in t.tags for x in tag)]
    if q:
        rows = [t for t in rows if q.lower() in t.title.lower()]
    key = sort.lstrip("-")
    rows.sort(key=lambda t: (getattr(t, key), t.id), reverse=sort.startswith("-"))
    return TodoPage(total=len(rows), offset=offset, limit=limit, items=rows[offset : offset + limit])


def _get_or_404(todo_id: int) -> Todo:
    try:
        return TODOS[todo_id]
    except KeyError:
        raise HTTPException(status_code=404, detail=f"Todo {todo_id} not found") from None


@app.get("/todos/{todo_id}", response_model=Todo)
async def read_todo(todo_id: Annotated[int, Path(ge=1)]):
    return _get_or_404(todo_id)


@app.put("/todos/{todo_id}", response_model=Todo)
async def replace_todo(todo_id: Annotated[int, Path(ge=1)], todo: TodoCreate):
    current = _get_or_404(todo_id)
    updated = Todo(id=todo_id, done=current.done, **todo.model_dump())
    TODOS[todo_id] = updated
    return updated


@app.patch("/todos/{todo_id}", response_model=Todo)
def patch_todo(todo_id: int, patch: TodoUpdate):
    current = _get_or_404(todo_id)
    changes = patch.model_dump(exclude_unset=True)
    updated = current.model_copy(update=changes)
    TODOS[todo_id] = updated
    return updated


@app.delete("/todos/{todo_id}", status_code=204)
def delete_todo(todo_id: int) -> None:
    _get_or_404(todo_id)
    del TODOS[todo_id]


@app.post("/todos/{todo_id}/complete", response_model=Todo)
def complete_todo(todo_id: int):
    todo = _get_or_404(todo_id)
    if todo.done:
        raise HTTPException(status_code=409, detail="Already completed")
    TODOS[todo_id] = todo.model_copy(update={"done": True})
    return TODOS[todo_id]


@app.get("/stats")
def stats():
    by_priority = {p.value: 0 for p in Priority}
    for t in TODOS.values():
        by_priority[t.priority.value] += 1
    return {
        "count": len(TODOS),
        "done": sum(1 for t in TODOS.values() if t.done),
        "by_priority": by_priority,
        "hours_left": sum(t.estimate_hours for t in TODOS.values() if not t.done),
    }
