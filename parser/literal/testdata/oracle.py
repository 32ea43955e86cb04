"""Oracle for the differential tests of package literal (run by literal's tests with
Python 3.13; one process answers every question).

Reads one JSON request from stdin:
    {"strings": [token text, ...], "numbers": [token text, ...],
     "fstrings": [[middle text, raw], ...], "stdlib": bool, "names": bool}
and writes one JSON answer to stdout with, for each text, a result:
    {"t": "str"|"bytes", "v": hex of WTF-8 / bytes, "r": repr, "u": kind == "u"}
    {"t": "int", "v": hex(v)}   {"t": "float"|"complex", "v": float.hex, "r": repr}
    {"e": SyntaxError message}
"""

import ast
import io
import json
import os
import sys
import sysconfig
import tokenize
import warnings

warnings.simplefilter("ignore")


def value(v, kind=None):
    if isinstance(v, str):
        return {"t": "str", "v": v.encode("utf-8", "surrogatepass").hex(), "r": repr(v),
                "u": kind == "u"}
    if isinstance(v, bytes):
        return {"t": "bytes", "v": v.hex(), "r": repr(v), "u": kind == "u"}
    if isinstance(v, bool) or v is None:
        raise TypeError(type(v))
    if isinstance(v, int):
        return {"t": "int", "v": hex(v)}
    if isinstance(v, float):
        return {"t": "float", "v": v.hex(), "r": repr(v)}
    if isinstance(v, complex):
        assert v.real == 0
        return {"t": "complex", "v": v.imag.hex(), "r": repr(v)}
    raise TypeError(type(v))


def literal(text):
    """The value of one string, bytes or number token, as the parser makes it."""
    try:
        tree = ast.parse(text, mode="eval")
    except SyntaxError as e:
        return {"e": e.msg}
    node = tree.body
    if not isinstance(node, ast.Constant):
        return {"e": "not a single constant: " + type(node).__name__}
    return value(node.value, node.kind)


QUOTES = ('"', "'", '"""', "'''")


def fmiddle(text, raw, quote=None):
    """The value of f-string literal text (braces doubled), wrapped in an f-string."""
    prefix = "rf" if raw else "f"
    first_err = None
    for q in ((quote,) if quote else ()) + QUOTES:
        src = prefix + q + text + q
        try:
            tree = ast.parse(src, mode="eval")
        except SyntaxError as e:
            if first_err is None and e.msg.startswith(("(unicode error)", "(value error)")):
                first_err = e.msg
            continue
        node = tree.body
        if not isinstance(node, ast.JoinedStr):
            continue
        if not all(isinstance(v, ast.Constant) for v in node.values):
            continue
        return value("".join(v.value for v in node.values))
    if first_err is not None:
        return {"e": first_err}
    return None


def stdlib_tokens():
    roots = [sysconfig.get_paths()["stdlib"]]
    files = []
    for root in roots:
        for d, dirs, fs in os.walk(root):
            dirs.sort()
            for f in sorted(fs):
                if f.endswith(".py"):
                    files.append(os.path.join(d, f))
    strings, numbers, fms = {}, {}, {}
    nfiles = bad = fm_skipped = 0
    counts = {"string_tokens": 0, "number_tokens": 0, "fmiddle_runs": 0}
    for path in files:
        try:
            with open(path, "rb") as fh:
                enc, _ = tokenize.detect_encoding(fh.readline)
            with open(path, encoding=enc, newline="") as fh:
                src = fh.read()
            toks = list(tokenize.generate_tokens(io.StringIO(src).readline))
        except (SyntaxError, UnicodeDecodeError, tokenize.TokenError, ValueError):
            bad += 1
            continue
        nfiles += 1
        lines = src.split("\n")

        def slice_src(start, end):
            (r1, c1), (r2, c2) = start, end
            if r1 == r2:
                return lines[r1 - 1][c1:c2]
            parts = [lines[r1 - 1][c1:]]
            parts += lines[r1:r2 - 1]
            parts.append(lines[r2 - 1][:c2])
            return "\n".join(parts)

        fstack = []  # (raw, quote) of enclosing f-strings
        i = 0
        while i < len(toks):
            t = toks[i]
            if t.type == tokenize.STRING:
                counts["string_tokens"] += 1
                if t.string not in strings:
                    strings[t.string] = None
            elif t.type == tokenize.NUMBER:
                counts["number_tokens"] += 1
                if t.string not in numbers:
                    numbers[t.string] = None
            elif t.type == tokenize.FSTRING_START:
                p = t.string.rstrip("'\"")
                fstack.append(("r" in p.lower(), t.string[len(p):]))
            elif t.type == tokenize.FSTRING_END:
                fstack.pop()
            elif t.type == tokenize.FSTRING_MIDDLE:
                j = i
                while j + 1 < len(toks) and toks[j + 1].type == tokenize.FSTRING_MIDDLE:
                    j += 1
                text = slice_src(t.start, toks[j + 1].start)
                i = j
                if text:
                    counts["fmiddle_runs"] += 1
                    key = (text, fstack[-1][0])
                    if key not in fms:
                        fms[key] = fstack[-1][1]
            i += 1
    out = {"files": nfiles, "bad_files": bad, "counts": counts}
    out["strings"] = [[s, literal(s)] for s in strings]
    out["numbers"] = [[s, literal(s)] for s in numbers]
    fl = []
    for (text, raw), quote in fms.items():
        r = fmiddle(text, raw, quote)
        if r is None:
            fm_skipped += 1
            continue
        fl.append([text, raw, r])
    out["fmiddles"] = fl
    out["fmiddle_skipped"] = fm_skipped
    return out


def names():
    import unicodedata
    out = []
    for c in range(0x110000):
        n = unicodedata.name(chr(c), None)
        if n is None:
            continue
        low = n.lower()
        try:
            lv = unicodedata.lookup(low)
            lc = ord(lv) if len(lv) == 1 else -1
        except KeyError:
            lc = -1
        out.append([c, n, lc])
    aliases, seqs = [], []
    for pua in range(0xF0000, 0xF0400):
        r = chr(pua).encode("ascii", "namereplace")
        if not r.startswith(b"\\N{"):
            continue
        n = r[3:-1].decode("ascii")
        v = unicodedata.lookup(n)
        if len(v) == 1:
            aliases.append([ord(v), n])
        else:
            seqs.append([n, literal("'\\N{%s}'" % n)])
    return {"version": unicodedata.unidata_version, "names": out, "aliases": aliases,
            "named_sequences": seqs}


def main():
    req = json.load(sys.stdin)
    resp = {
        "version": sys.version,
        "strings": [literal(s) for s in req.get("strings", [])],
        "numbers": [literal(s) for s in req.get("numbers", [])],
        "fstrings": [fmiddle(t, raw) for t, raw in req.get("fstrings", [])],
    }
    if req.get("stdlib"):
        resp["stdlib"] = stdlib_tokens()
    if req.get("names"):
        resp["names"] = names()
    json.dump(resp, sys.stdout)


if __name__ == "__main__":
    main()
