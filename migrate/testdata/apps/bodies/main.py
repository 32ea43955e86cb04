"""A project-tracker API mixing several body parameters with path and query ones."""

from typing import Annotated, Optional, Union

from fastapi import Body, FastAPI, Path, Query
from pydantic import BaseModel, Field

app = FastAPI(title="Tracker")


class Task(BaseModel):
    title: str
    estimate: float = Field(1.0, gt=0)
    done: bool = False


class User(BaseModel):
    username: str
    full_name: Optional[str] = None


class Comment(BaseModel):
    text: str = Field(min_length=1)


@app.put("/tasks/{task_id}")
async def update_task(
    task_id: Annotated[int, Path(ge=1)],
    task: Task,
    user: User,
    importance: Annotated[int, Body(gt=0, le=5)],
    q: Optional[str] = None,
):
    result = {"task_id": task_id, "task": task, "user": user, "importance": importance}
    if q:
        result["q"] = q
    return result


@app.put("/tasks/{task_id}/embedded")
def update_task_embedded(task_id: int, task: Annotated[Task, Body(embed=True)]):
    return {"task_id": task_id, "task": task}


@app.post("/tasks/{task_id}/comments")
def add_comment(task_id: int, comment: Comment = Body(embed=True, alias="payload"), notify: bool = Query(False)):
    return {"task_id": task_id, "text": comment.text, "notify": notify}


@app.post("/tasks/{task_id}/assign")
def assign(
    task_id: int,
    assignee: str = Body(...),
    hours: float = Body(0, ge=0),
    reason: Union[str, None] = Body(None, max_length=40),
):
    return {"task_id": task_id, "assignee": assignee, "hours": hours, "reason": reason}


@app.post("/counter")
def set_counter(value: Annotated[int, Body()]):
    return {"value": value, "next": value + 1}


@app.post("/counter/embedded")
def set_counter_embedded(value: Annotated[int, Body(embed=True)]):
    return {"value": value}


@app.post("/label")
def set_label(label: str = Body(min_length=2)):
    return {"label": label}


@app.post("/tasks/{task_id}/optional-user")
def optional_user(task_id: int, task: Task, user: Union[User, None] = None):
    return {"task_id": task_id, "task": task, "user": user}


@app.post("/settings")
def settings(data: Annotated[dict, Body()], dry_run: bool = False):
    return {"keys": data, "dry_run": dry_run}


class Tagged(BaseModel):
    title: str = Field(min_length=1)
    tags: dict[str, int] = {}
    children: list[Task] = []
    meta: Optional[dict] = None


@app.post("/tagged")
def tagged(doc: Tagged, strict: Annotated[bool, Query()] = False):
    return {"doc": doc, "strict": strict}
