"""Imports apps with covetgen_compat's stand-ins installed, as worker.py does.

usage: python3 import_apps.py BRIDGE APP_DIR...

Each APP_DIR has a meta.json naming its app ("module:attr"). Prints a JSON object
{APP_DIR: "ok" or the error} on stdout; compat_test.go requires "ok" for every app of the
corpus (the bridge worker cannot start on an app whose fastapi imports the stand-ins lack).
"""

import importlib
import json
import os
import sys
import traceback


def main(bridge, app_dirs):
    sys.path.insert(1, bridge)
    import covetgen_compat

    if not covetgen_compat.install():
        sys.exit("import_apps.py: the real fastapi is importable; unset PYTHONPATH")
    sys.path.remove(bridge)
    here = os.getcwd()
    out = {}
    for app_dir in app_dirs:
        app_dir = os.path.abspath(app_dir)
        with open(os.path.join(app_dir, "meta.json"), encoding="utf-8") as f:
            module, _, attr = json.load(f)["app"].partition(":")
        before = set(sys.modules)
        sys.path.insert(0, app_dir)
        os.chdir(app_dir)
        try:
            obj = importlib.import_module(module)
            for part in attr.split(".") if attr else []:
                obj = getattr(obj, part)
            out[app_dir] = "ok"
        except BaseException as e:
            out[app_dir] = "".join(traceback.format_exception_only(type(e), e)).strip()
        finally:
            os.chdir(here)
            sys.path.remove(app_dir)
            for name in set(sys.modules) - before:
                if not name.startswith(("fastapi", "starlette")):
                    del sys.modules[name]
    json.dump(out, sys.stdout, indent=1, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2:])
