"""The route table the bridge worker finds route targets in, for every app of a corpus.

usage: python3 route_table.py real BRIDGE APP_DIR...    (the real stack importable: the recording)
       python3 route_table.py compat BRIDGE APP_DIR...  (installs BRIDGE/covetgen_compat.py)

BRIDGE is runtime/bridge (worker.py is imported from it). Each APP_DIR has a meta.json
naming its app ("module:attr") and the environment it needs. For each app, every route
worker.py's lookup sees (through the mounts, the included routers expanded) is listed with
its methods, name, endpoint and dependency tree, each callable described by its module and
qualified name; "r" is whether worker._route_callable finds that very object again from
its route target. Prints {"stack": ..., "apps": {dir name: [route...]}} as JSON.
tools/goldens/record_compat.py records the real run into route_table.json;
compat_routes_test.go requires the compat run to equal it. Run with PYTHONHASHSEED=0.
"""

import importlib
import json
import os
import sys
import traceback


def describe(obj):
    """module:qualname of a function, class or function wrapper (a framework's without
    its module, which differs between the real packages and the stand-ins); an instance
    by its class."""
    if getattr(obj, "__qualname__", None) is not None:
        mod = getattr(obj, "__module__", "") or ""
        qual = getattr(obj, "__qualname__", "?")
        if mod.split(".")[0] in ("fastapi", "starlette"):
            return qual
        return mod + ":" + qual
    return "instance of " + describe(type(obj))


def routes_of(worker, root, app, mounts):
    out = []
    for r in worker._route_table(app):
        d = getattr(r, "dependant", None)
        if d is None or getattr(r, "methods", None) is None:
            continue
        spec = {"mounts": mounts, "path": r.path, "name": r.name, "methods": sorted(r.methods)}

        def found(path, want):
            try:
                return worker._route_callable(root, {"route": spec, "dep": path}) is want
            except Exception as e:  # noqa: BLE001 - recorded as the case's value
                return "%s: %s" % (type(e).__name__, e)

        def tree(node, path):
            return [{"call": describe(s.call), "name": s.name, "r": found(path + [i], s.call),
                     "deps": tree(s, path + [i])} for i, s in enumerate(node.dependencies)]

        out.append(dict(spec, endpoint=describe(r.endpoint), r=found([], r.endpoint), deps=tree(d, [])))
    for r in app.router.routes:
        sub = getattr(r, "app", None)
        if getattr(r, "methods", None) is None and getattr(sub, "router", None) is not None:
            out.extend(routes_of(worker, root, sub, mounts + [r.path]))
    return out


def main(stack, bridge, app_dirs):
    sys.path.insert(1, bridge)
    if stack == "compat":
        import covetgen_compat

        if not covetgen_compat.install():
            sys.exit("route_table.py compat: the real fastapi is importable; unset PYTHONPATH")
    import fastapi

    if getattr(fastapi, "__covetgen_compat__", False) != (stack == "compat"):
        sys.exit("route_table.py: fastapi is not the %s stack" % stack)
    import worker

    sys.path.remove(bridge)
    here = os.getcwd()
    out = {}
    for app_dir in app_dirs:
        app_dir = os.path.abspath(app_dir)
        with open(os.path.join(app_dir, "meta.json"), encoding="utf-8") as f:
            meta = json.load(f)
        module, _, attr = meta["app"].partition(":")
        before, env = set(sys.modules), dict(os.environ)
        os.environ.update(meta.get("env") or {})
        sys.path.insert(0, app_dir)
        os.chdir(app_dir)
        try:
            app = importlib.import_module(module)
            for part in attr.split(".") if attr else []:
                app = getattr(app, part)
            out[os.path.basename(app_dir)] = routes_of(worker, app, app, [])
        except BaseException as e:  # noqa: BLE001 - recorded as the app's value
            out[os.path.basename(app_dir)] = "".join(traceback.format_exception_only(type(e), e)).strip()
        finally:
            os.chdir(here)
            sys.path.remove(app_dir)
            os.environ.clear()
            os.environ.update(env)
            for name in set(sys.modules) - before:
                if not name.startswith(("fastapi", "starlette", "pydantic")):
                    del sys.modules[name]
    json.dump({"stack": stack, "apps": out}, sys.stdout, indent=1, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    if len(sys.argv) < 4 or sys.argv[1] not in ("real", "compat"):
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
