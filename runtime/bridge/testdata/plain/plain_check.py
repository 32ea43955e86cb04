"""Checks worker.py's one-validation rebuild of plain model trees against its level-by-level
rebuild: python3 plain_check.py WORKER_DIR prints, per case, whether the plain path took the
value and whether both give the same instance (class, fields set, values, at every level)."""

import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(1, sys.argv[1])
import worker  # noqa: E402
from pydantic import BaseModel  # noqa: E402

worker._BaseModel = BaseModel
worker._app_module = "plainmodels"
import plainmodels  # noqa: E402,F401


def tag(cls, v, **extra):
    return dict({"$t": "model", "cls": "plainmodels:" + cls, "v": v}, **extra)


CUST = tag("Customer", {"name": "Ada", "email": "ada@x.org"})
ITEM = tag("LineItem", {"sku": "ABC", "quantity": 2})
CASES = {
    "order": tag("Order", {"order_id": 1, "customer": CUST, "items": [ITEM, tag("LineItem", {"sku": "X", "quantity": 1, "unit_price": 2.5})],
                           "note": "door", "tags": {"a": 1}}),
    "order backup": tag("Order", {"order_id": 2, "customer": CUST, "items": [ITEM], "backup": CUST, "internal_code": "vip"}),
    "order backup None": tag("Order", {"order_id": 3, "customer": CUST, "items": [ITEM], "backup": None}),
    "leaf": CUST,
    "alias by name": tag("Team", {"lead": tag("Person", {"full_name": "Ada"}), "members": [tag("Person", {"full_name": "Bo"})]}),
    "field validator": tag("Checked", {"customer": CUST}),
    "model validator": tag("Before", {"customer": CUST}),
    "date tag inside": tag("Holder", {"dated": tag("Dated", {"when": {"$t": "date", "v": "2024-02-29"}})}),
    "dict with tag key": tag("Order", {"order_id": 4, "customer": CUST, "items": [ITEM], "tags": {"$t": "dict", "v": [["a", 1]]}}),
    "any field": tag("Loose", {"anything": CUST}),
    "union of models": tag("Pet", {"pet": tag("Cat", {"name": "Tom"})}),
    "strict": tag("Strict", {"customer": CUST}),
    "recursive": tag("Tree", {"label": "a", "children": [tag("Tree", {"label": "b"})]}),
    "subclass in field": tag("Order", {"order_id": 5, "customer": tag("VIP", {"name": "Ada", "email": "a@b", "level": 2}), "items": [ITEM]}),
    "object with set": tag("Order", {"order_id": 6, "customer": CUST, "items": [ITEM], "internal_code": "std", "note": None,
                                     "backup": None, "tags": {}}, set=["order_id", "customer", "items"]),
    "nested with set": tag("Order", {"order_id": 7, "customer": tag("Customer", {"name": "Ada", "email": "a@b"}, set=["name"]), "items": [ITEM]}),
}


def describe(o):
    if isinstance(o, BaseModel):
        return {"class": type(o).__qualname__, "set": sorted(o.model_fields_set),
                "fields": {k: describe(getattr(o, k)) for k in type(o).model_fields}}
    if isinstance(o, (list, tuple)):
        return [type(o).__name__] + [describe(x) for x in o]
    if isinstance(o, dict):
        return {"dict": {str(k): describe(x) for k, x in o.items()}}
    return [type(o).__name__, repr(o)]


def build(v, plain):
    saved = worker._plain_rebuild
    if not plain:
        worker._plain_rebuild = lambda v: None
    try:
        return describe(worker.decode(v))
    except Exception as e:
        return ["raised", type(e).__name__]
    finally:
        worker._plain_rebuild = saved


out = {}
for name, v in CASES.items():
    got, ref = build(v, True), build(v, False)
    took = "set" not in v and worker._plain_rebuild(v) is not None
    out[name] = {"plain": took, "equal": got == ref, "got": got, "ref": ref}
print(json.dumps(out))
