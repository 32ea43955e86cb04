"""The opaque-model case table: how a body parameter of a type covetgen does not generate
is validated, and how a response model of such a type is serialized.

usage: python3 opaque_cases.py real            (FastAPI itself: the recording)
       python3 opaque_cases.py compat BRIDGE   (worker.py's validate_body and
                                                _serialize_response, with the stand-ins)

Prints {"stack": ..., "versions": ..., "cases": {name: value}} on stdout. A body case is
the 422 body FastAPI's handler renders for the errors (or the repr of the validated
value); a response case is the body serialize_response gives (dump_json for the default
response class, else JSONResponse of dump_python(mode="json")) or the
ResponseValidationError's errors. tools/goldens/record_compat.py records the real run
into opaque_golden.json; opaque_compat_test.go requires the compat run to equal it. The
compat run renders the 422 body from worker.py's error list as the Go service does.
"""

import sys

if __name__ == "__main__":
    _STACK = sys.argv[1] if len(sys.argv) > 1 else ""
    if _STACK == "compat":
        sys.path.insert(1, sys.argv[2])
        import covetgen_compat

        if not covetgen_compat.install():
            sys.exit("opaque_cases.py compat: the real fastapi is importable; unset PYTHONPATH")
        import worker
        sys.path.remove(sys.argv[2])
    elif _STACK == "real":
        import fastapi

        if getattr(fastapi, "__covetgen_compat__", False):
            sys.exit("opaque_cases.py real: fastapi is the compat stand-in")
    else:
        sys.exit(__doc__)

import asyncio
import dataclasses
import json
import platform
from typing import Annotated, Generic, List, Literal, Optional, TypeVar, Union

import pydantic
from pydantic import (BaseModel, ConfigDict, Field, RootModel, computed_field, field_validator,
                      model_validator)
from pydantic.alias_generators import to_camel

import fastapi
import fastapi.encoders
from fastapi import Body
from fastapi.responses import JSONResponse

T = TypeVar("T")


class Owner(BaseModel):
    name: str
    email: str

    @field_validator("email")
    @classmethod
    def email_has_at(cls, v):
        if "@" not in v:
            raise ValueError("email must contain @")
        return v.lower()


class Booking(BaseModel):
    owner: Owner
    start: int
    end: int

    @model_validator(mode="before")
    @classmethod
    def default_end(cls, data):
        if isinstance(data, dict) and "end" not in data and isinstance(data.get("start"), int):
            data = {**data, "end": data["start"] + 1}
        return data

    @model_validator(mode="after")
    def check(self):
        if self.end <= self.start:
            raise ValueError("end must be after start")
        return self

    @computed_field
    @property
    def hours(self) -> int:
        return self.end - self.start


class Cat(BaseModel):
    kind: Literal["cat"]
    name: str
    lives: int = 9


class Dog(BaseModel):
    kind: Literal["dog"]
    weight: float = Field(gt=0)
    nick: Optional[str] = None


Pet = Annotated[Union[Cat, Dog], Field(discriminator="kind")]


class Page(BaseModel, Generic[T]):
    items: List[T]
    total: int

    @computed_field
    @property
    def more(self) -> bool:
        return len(self.items) < self.total


@dataclasses.dataclass
class Recipe:
    title: str
    servings: int
    tags: List[str] = dataclasses.field(default_factory=list)


class Camel(BaseModel):
    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True)
    first_name: str
    last_name: Optional[str] = None


class Loose(BaseModel):
    model_config = ConfigDict(extra="allow")
    a: int


class Strict(BaseModel):
    model_config = ConfigDict(strict=True)
    n: int


class Tags(RootModel[List[str]]):
    pass


def ep_booking(booking: Booking):
    pass


def ep_pet(pet: Pet):
    pass


def ep_pets(pets: List[Pet]):
    pass


def ep_embed(pet: Annotated[Pet, Body(embed=True)], booking: Booking):
    pass


def ep_recipe(recipe: Recipe = Body(...)):
    pass


def ep_camel(person: Camel):
    pass


def ep_loose(x: Loose):
    pass


def ep_strict(x: Strict):
    pass


def ep_tags(tags: Tags):
    pass


def ep_union(x: Union[Cat, Owner]):
    pass


def ep_default_marker(pet: Pet = Body(...)):
    pass


def ep_optional(pet: Annotated[Optional[Pet], Body()] = None):
    pass


# (name, function, parameter, value, embedded)
BODY = [
    ("booking-ok", ep_booking, "booking", {"owner": {"name": "Ann", "email": "A@X.IO"}, "start": 9}, False),
    ("booking-email", ep_booking, "booking", {"owner": {"name": "Ann", "email": "nope"}, "start": 9}, False),
    ("booking-hours", ep_booking, "booking", {"owner": {"name": "Ann", "email": "a@x"}, "start": 9, "end": 8}, False),
    ("booking-missing", ep_booking, "booking", {"start": "x"}, False),
    ("booking-str", ep_booking, "booking", "booking", False),
    ("booking-bytes", ep_booking, "booking", b'{"start": 1}', False),
    ("pet-cat", ep_pet, "pet", {"kind": "cat", "name": "Tom"}, False),
    ("pet-dog-weight", ep_pet, "pet", {"kind": "dog", "weight": -1}, False),
    ("pet-kind-unknown", ep_pet, "pet", {"kind": "cow"}, False),
    ("pet-kind-missing", ep_pet, "pet", {"name": "x"}, False),
    ("pet-list", ep_pet, "pet", [1], False),
    ("pets", ep_pets, "pets", [{"kind": "cat", "name": "a"}, {"kind": "dog", "weight": "h"}, 3], False),
    ("pets-dict", ep_pets, "pets", {"kind": "cat"}, False),
    ("embed-pet", ep_embed, "pet", {"kind": "dog", "weight": 0}, True),
    ("embed-booking", ep_embed, "booking", {"owner": None, "start": 1}, True),
    ("recipe-ok", ep_recipe, "recipe", {"title": "T", "servings": "2", "extra": 1}, False),
    ("recipe-bad", ep_recipe, "recipe", {"title": 5, "servings": "x", "tags": "a"}, False),
    ("camel-alias", ep_camel, "person", {"firstName": "A", "lastName": "B"}, False),
    ("camel-name", ep_camel, "person", {"first_name": "A"}, False),
    ("camel-missing", ep_camel, "person", {"last_name": "B"}, False),
    ("loose-extra", ep_loose, "x", {"a": "1", "b": [1, {"c": None}]}, False),
    ("strict-str", ep_strict, "x", {"n": "1"}, False),
    ("strict-float", ep_strict, "x", {"n": 1.0}, False),
    ("tags-ok", ep_tags, "tags", ["a", "b"], False),
    ("tags-bad", ep_tags, "tags", ["a", 1, None], False),
    ("union-smart", ep_union, "x", {"kind": "cat", "name": "n", "email": "E@x"}, False),
    ("union-bad", ep_union, "x", {"name": 1}, False),
    ("default-marker", ep_default_marker, "pet", {"kind": "dog", "weight": 0}, False),
    ("optional-marker", ep_optional, "pet", {"kind": "dog", "weight": 0}, False),
    ("nan-input", ep_booking, "booking", {"owner": {"name": "n", "email": "e@x"}, "start": 1.5}, False),
]


class Bumped(BaseModel):
    n: int

    @field_validator("n")
    @classmethod
    def bump(cls, v):
        return v + 1


def make_bumped():
    """A model whose validation is not idempotent: sending it to Go and rebuilding it
    from its fields would change it (opaque_session_test.go)."""
    return Bumped(n=1)


def echo(value):
    """Returns its argument: opaque_test.go's endpoint for the response cases."""
    return value


def ep_return_booking() -> Booking:
    pass


def ep_return_pets() -> List[Pet]:
    pass


def ep_plain():
    pass


BOOKING = {"owner": {"name": "Ann", "email": "A@X"}, "start": 9}

# (name, endpoint, response_model source (None: the return annotation), result thunk,
#  options: include/exclude as (Python value, the bridge's tagged JSON), flags, dump_json)
RESPONSE = [
    ("booking-dict", ep_return_booking, None, lambda: BOOKING, {}),
    ("booking-instance", ep_return_booking, None, lambda: Booking(**BOOKING), {}),
    ("booking-plain-class", ep_return_booking, None, lambda: Booking(**BOOKING), {"dj": False}),
    ("booking-invalid", ep_return_booking, None, lambda: {"owner": {"name": "x", "email": "y"}, "start": 3}, {}),
    ("booking-exclude", ep_return_booking, None, lambda: BOOKING,
     {"exclude": ({"owner": {"email"}}, '{"$t":"dict","v":[["owner",{"$t":"set","v":["email"]}]]}')}),
    ("booking-include", ep_return_booking, None, lambda: BOOKING,
     {"include": ({"start", "hours"}, '{"$t":"set","v":["hours","start"]}')}),
    ("pets", ep_return_pets, None, lambda: [{"kind": "cat", "name": "a"}, Dog(kind="dog", weight=2)], {}),
    ("pets-unset", ep_return_pets, None, lambda: [{"kind": "cat", "name": "a"}, Dog(kind="dog", weight=2)], {"unset": True}),
    ("pets-none", ep_return_pets, None, lambda: [{"kind": "dog", "weight": 1.5}], {"none": True}),
    ("pets-invalid", ep_return_pets, None, lambda: [{"kind": "dog", "weight": 0}, "x"], {}),
    ("page", ep_plain, "Page[Cat]", lambda: Page[Cat](items=[Cat(kind="cat", name="a")], total=3), {}),
    ("page-dict", ep_plain, "Page[Cat]", lambda: {"items": [{"kind": "cat", "name": "b", "lives": 1}], "total": 1}, {"defaults": True}),
    ("page-other-class", ep_plain, "Page[Cat]", lambda: Page[Dog](items=[], total=0), {}),
    ("recipe", ep_plain, "Recipe", lambda: Recipe(title="t", servings=2), {}),
    ("recipe-dict", ep_plain, "Recipe", lambda: {"title": "T", "servings": "2", "ingredients": []}, {"dj": False}),
    ("recipe-invalid", ep_plain, "Recipe", lambda: {"title": "T"}, {}),
    ("camel-alias", ep_plain, "Camel", lambda: {"firstName": "A"}, {}),
    ("camel-no-alias", ep_plain, "Camel", lambda: {"firstName": "A"}, {"alias": False}),
    ("loose", ep_plain, "Loose", lambda: Loose(a=1, b={"c": (1, 2)}), {}),
    ("tags", ep_plain, "Tags", lambda: ["x"], {}),
    ("union", ep_plain, "Union[Cat, Dog]", lambda: {"kind": "dog", "weight": 3}, {}),
    ("optional-none", ep_plain, "Optional[Booking]", lambda: None, {}),
]


def render_real_body(fn, param, value, embedded):
    from fastapi.dependencies.utils import get_dependant
    dep = get_dependant(path="/x", call=fn)
    field = next(f for f in dep.body_params if f.name == param)
    loc = ("body", field.alias) if embedded else ("body",)
    v, errors = field.validate(value, {}, loc=loc)
    if errors:
        return JSONResponse({"detail": fastapi.encoders.jsonable_encoder(errors)}).body.decode("utf-8")
    return repr(v)


def render_compat_body(fn, param, value, embedded):
    name = "%s:%s" % (fn.__module__, fn.__qualname__)
    v, errs = worker.validate_body(name, fn, param, value, ("body", param) if embedded else ("body",))
    if not errs:
        return repr(v)
    # As the Go service writes its 422 body from the worker's list.
    def dumps(x):
        return json.dumps(x, ensure_ascii=False, separators=(",", ":"))
    items = []
    for e in json.loads(worker._jsonable_errors(errs)):
        s = '{"type":%s,"loc":%s,"msg":%s,"input":%s' % (dumps(e["type"]), dumps(e["loc"]), dumps(e["msg"]), e["input"])
        if e["ctx"] is not None:
            s += ',"ctx":{%s}' % ",".join("%s:%s" % (dumps(k), v) for k, v in e["ctx"])
        items.append(s + "}")
    return '{"detail":[%s]}' % ",".join(items)


def render_real_response(fn, src, result, opts):
    from fastapi.dependencies.utils import get_typed_return_annotation
    from fastapi.exceptions import ResponseValidationError
    from fastapi.routing import serialize_response
    from fastapi.utils import create_model_field
    model = eval(src) if src else get_typed_return_annotation(fn)
    field = create_model_field(name="Response_x", type_=model, mode="serialization")
    dj = opts.get("dj", True)
    try:
        content = asyncio.run(serialize_response(
            field=field, response_content=result,
            include=opts["include"][0] if "include" in opts else None,
            exclude=opts["exclude"][0] if "exclude" in opts else None,
            by_alias=opts.get("alias", True), exclude_unset=opts.get("unset", False),
            exclude_defaults=opts.get("defaults", False), exclude_none=opts.get("none", False),
            dump_json=dj))
    except ResponseValidationError as e:
        return {"error": type(e).__name__, "errors": fastapi.encoders.jsonable_encoder(e.errors())}
    return (content if dj else JSONResponse(content).body).decode("utf-8")


def render_compat_response(fn, src, result, opts):
    spec = {"model": src or "", "mod": "__main__", "alias": 1 if opts.get("alias", True) else 0,
            "unset": opts.get("unset", False), "defaults": opts.get("defaults", False),
            "none": opts.get("none", False), "dj": opts.get("dj", True)}
    for k, key in (("include", "inc"), ("exclude", "exc")):
        if k in opts:
            spec[key] = json.loads(opts[k][1])
    name = "%s:%s" % (fn.__module__, fn.__qualname__)
    try:
        body = worker._serialize_response(fn, name, spec, result, None)
    except worker._web.ResponseValidationError as e:
        return {"error": type(e).__name__, "errors": fastapi.encoders.jsonable_encoder(e.errors())}
    return body.decode("utf-8")


def safe(f, *args):
    try:
        return f(*args)
    except Exception as e:  # recorded: the compat run must fail the same way
        return {"raised": type(e).__name__, "msg": str(e)}


def main():
    if _STACK == "compat":
        worker._jsonable_encoder = fastapi.encoders.jsonable_encoder
        worker._BaseModel = BaseModel
        worker._web = worker._Web()
        body, response = render_compat_body, render_compat_response
    else:
        body, response = render_real_body, render_real_response
    cases = {}
    for name, fn, param, value, embedded in BODY:
        cases["body/" + name] = safe(body, fn, param, value, embedded)
    for name, fn, src, result, opts in RESPONSE:
        cases["response/" + name] = safe(response, fn, src, result(), opts)
    versions = {"python": platform.python_version(), "pydantic": pydantic.VERSION,
                "fastapi": getattr(fastapi, "__version__", "")}
    json.dump({"stack": _STACK, "versions": versions, "cases": cases}, sys.stdout, ensure_ascii=True, sort_keys=True)


if __name__ == "__main__":
    main()
