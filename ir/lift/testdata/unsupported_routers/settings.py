"""Settings read from a file at import time: nothing here is known statically."""
import json
import pathlib

CONFIG = json.loads(pathlib.Path("config.json").read_text())
ROOT_PATH = CONFIG["root_path"]
API_PREFIX = CONFIG.get("prefix", "/api")
ITEM_DOC = CONFIG["docs"]["item"]
MIN_QTY = CONFIG["min_qty"]
SUMMARY = CONFIG["summary"]
