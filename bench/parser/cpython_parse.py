"""Times CPython's own parser, compile(src, path, "exec", ast.PyCF_ONLY_AST), over every .py file
of a directory that it accepts (sources read into memory first). Prints MB/s, best of --reps."""
import argparse
import ast
import os
import sys
import time
import warnings


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("root")
    ap.add_argument("--reps", type=int, default=3)
    args = ap.parse_args()
    warnings.simplefilter("ignore")
    sys.setrecursionlimit(100000)
    srcs = []
    for dirpath, dirnames, filenames in os.walk(args.root):
        dirnames[:] = sorted(d for d in dirnames if d != "site-packages")
        for name in sorted(filenames):
            if name.endswith(".py"):
                p = os.path.join(dirpath, name)
                with open(p, "rb") as f:
                    src = f.read()
                try:
                    compile(src, p, "exec", ast.PyCF_ONLY_AST)
                except (SyntaxError, ValueError):
                    continue
                srcs.append((p, src))
    total = sum(len(s) for _, s in srcs)
    best = float("inf")
    for _ in range(args.reps):
        t0 = time.perf_counter()
        for p, s in srcs:
            compile(s, p, "exec", ast.PyCF_ONLY_AST)
        best = min(best, time.perf_counter() - t0)
    print(f"cpython3.13 files={len(srcs)} bytes={total} seconds={best:.3f} MB/s={total / best / 1e6:.2f}")


if __name__ == "__main__":
    main()
