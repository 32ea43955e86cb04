"""Generate names.zlib, the Unicode character name table behind \\N{...} escapes.

Run with Python 3.13 (its unicodedata is the reference; the table must match it exactly):

    PYENV_VERSION=3.13.0 python3 gen_names.py

The table holds what CPython's \\N escape accepts (Modules/unicodedata.c _getcode with
with_named_seq=0): every character name, minus the algorithmic ones, plus the name aliases of
NameAliases.txt. Named sequences are left out: \\N rejects them.

Decompressed (zlib), the file is ASCII text:

    pyunames <unidata_version> <number of names> <number of aliases>
    C <first> <last>          a range of CJK UNIFIED IDEOGRAPH-<hex> names (hex code points)
    R <first> <last> <prefix> every code point in the range is named prefix + "%04X" % code
    A <code> <name>           a name alias (hex code point)
    N
    then one line per remaining name, by increasing code point: the distance to the previous
    named code point minus one in lowercase hex (empty for 0), one byte 0x80 + k where k is the
    length of the prefix shared with the previous name, and the rest of the name.

HANGUL SYLLABLE names are computed by the Go code and not stored.
"""

import os
import re
import sys
import unicodedata
import zlib

HEX_RUN = re.compile(r"(.*-)([0-9A-F]{4,6})")


def main():
    if sys.version_info[:2] != (3, 13):
        sys.exit("gen_names.py must run under Python 3.13")
    cjk = []  # [first, last]
    runs = []  # [first, last, prefix]
    names = []  # (code, name)
    for c in range(0x110000):
        n = unicodedata.name(chr(c), None)
        if n is None:
            continue
        if n.startswith("HANGUL SYLLABLE "):
            assert 0xAC00 <= c <= 0xD7A3, hex(c)
            continue
        if n.startswith("CJK UNIFIED IDEOGRAPH-"):
            assert n == "CJK UNIFIED IDEOGRAPH-%X" % c, n
            if cjk and cjk[-1][1] == c - 1:
                cjk[-1][1] = c
            else:
                cjk.append([c, c])
            continue
        m = HEX_RUN.fullmatch(n)
        if m and m.group(2) == "%04X" % c:
            if runs and runs[-1][1] == c - 1 and runs[-1][2] == m.group(1):
                runs[-1][1] = c
            else:
                runs.append([c, c, m.group(1)])
            continue
        assert re.fullmatch(r"[A-Z0-9 -]+", n), n
        names.append((c, n))
    # Runs of one are cheaper as plain names.
    for r in [r for r in runs if r[0] == r[1]]:
        runs.remove(r)
        names.append((r[0], r[2] + "%04X" % r[0]))
    names.sort()

    # Name aliases: CPython keeps them at private-use code points from U+F0000, where the
    # namereplace error handler (unlike unicodedata.name) spells them out; named sequences
    # follow from U+F0200 and are not accepted by \N.
    aliases = []
    for pua in range(0xF0000, 0xF0200):
        r = chr(pua).encode("ascii", "namereplace")
        if not r.startswith(b"\\N{"):
            continue
        name = r[3:-1].decode("ascii")
        v = unicodedata.lookup(name)
        assert len(v) == 1, name
        assert eval("'\\N{%s}'" % name) == v, name
        aliases.append((ord(v), name))
    for pua in range(0xF0200, 0xF0400):
        r = chr(pua).encode("ascii", "namereplace")
        if r.startswith(b"\\N{"):
            assert len(unicodedata.lookup(r[3:-1].decode("ascii"))) > 1

    out = bytearray()
    out += b"pyunames %s %d %d\n" % (
        unicodedata.unidata_version.encode(), len(names), len(aliases))
    for a, b in cjk:
        out += b"C %x %x\n" % (a, b)
    for a, b, p in runs:
        out += b"R %x %x %s\n" % (a, b, p.encode())
    for c, n in aliases:
        out += b"A %x %s\n" % (c, n.encode())
    out += b"N\n"
    prev_code, prev_name = -1, ""
    for c, n in names:
        d = c - prev_code - 1
        if d:
            out += b"%x" % d
        k = 0
        while k < min(len(n), len(prev_name), 127) and n[k] == prev_name[k]:
            k += 1
        out.append(0x80 + k)
        out += n[k:].encode()
        out += b"\n"
        prev_code, prev_name = c, n
    data = zlib.compress(bytes(out), 9)
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "names.zlib")
    with open(path, "wb") as f:
        f.write(data)
    print("%s: %d names, %d aliases, %d CJK ranges, %d hex runs; %d bytes (%d raw)" % (
        path, len(names), len(aliases), len(cjk), len(runs), len(data), len(out)))


if __name__ == "__main__":
    main()
