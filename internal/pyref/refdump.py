"""Reference dumps from CPython itself, for covetgen's parser conformance tests.

Reads file paths, one per line, on stdin; for each writes a record to stdout:
    <status> <path-length> <payload-length>\n<path><payload>
status is OK (payload: ast.dump(tree, include_attributes=ATTRS)) or ERR (payload:
"lineno\toffset\tend_lineno\tend_offset\tkind\tmsg"). Lengths are byte counts of UTF-8 text.
Run with python3.13: the grammar and ast shape under test are 3.13's.
"""
import ast
import sys
import warnings

ATTRS = sys.argv[1:2] != ["--no-attributes"]


def main():
    sys.setrecursionlimit(1_000_000)
    warnings.simplefilter("ignore")
    out = sys.stdout.buffer
    for line in sys.stdin.buffer:
        path = line.rstrip(b"\n")
        try:
            with open(path, "rb") as f:
                src = f.read()
        except OSError as e:
            status, payload = "ERR", f"0\t0\t0\t0\tOSError\t{e}"
        else:
            try:
                tree = compile(src, path.decode("utf-8", "surrogateescape"), "exec", ast.PyCF_ONLY_AST)
                status, payload = "OK", ast.dump(tree, include_attributes=ATTRS)
            except (SyntaxError, ValueError, UnicodeError, MemoryError, RecursionError) as e:
                kind = type(e).__name__
                ln = getattr(e, "lineno", None) or 0
                off = getattr(e, "offset", None) or 0
                eln = getattr(e, "end_lineno", None) or 0
                eoff = getattr(e, "end_offset", None) or 0
                msg = getattr(e, "msg", None) or str(e)
                payload = f"{ln}\t{off}\t{eln}\t{eoff}\t{kind}\t{msg}"
                status = "ERR"
        body = payload.encode("utf-8", "surrogatepass")
        out.write(b"%s %d %d\n" % (status.encode(), len(path), len(body)))
        out.write(path)
        out.write(body)
        out.flush()


if __name__ == "__main__":
    main()
