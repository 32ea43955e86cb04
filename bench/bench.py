#!/usr/bin/env python3
"""Benchmark driver: FastAPI+uvicorn, the hand-written chi service, the generated service and the
generated service with every handler bridged to CPython (`covetgen migrate --bridge-all`, 1 and 2
Python workers) on the endpoints of bench/app/main.py. Run it through bench/run.sh, which builds the
Go servers first.

For each server and mode (pinned: server on CPU 0, load generator on CPU 1; unpinned: no affinity):
start the server, check its answers against FastAPI's (status, content-type, body bytes), then per
endpoint a warm-up and a wrk run at fixed connections (requests/s, p50/p99), the server's CPU time
per request (utime+stime of its whole process tree from /proc, before/after) and peak RSS (VmHWM
summed over the tree), then a vegeta run at half the measured maximum for latency at a fixed rate.
Writes bench/results/latest.md and latest.svg. Standard library only.
"""
import argparse
import datetime
import json
import math
import os
import platform
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True
import check  # noqa: E402

CLK_TCK = os.sysconf("SC_CLK_TCK")


def env_num(name, default):
    v = os.environ.get(name)
    return type(default)(v) if v else default


DURATION = env_num("BENCH_DURATION", 3)  # whole seconds per wrk run (wrk takes no fractions)
WARMUP = env_num("BENCH_WARMUP", 1)  # whole seconds of wrk before each measured run (0: none)
VEGETA_DURATION = env_num("BENCH_VEGETA_DURATION", 3.0)
ROUNDS = env_num("BENCH_ROUNDS", 2)  # wrk runs per server and endpoint, taken in turns; the median is kept
CONNS = env_num("BENCH_CONNECTIONS", 64)
WRK_THREADS = env_num("BENCH_WRK_THREADS", 1)
MODES = os.environ.get("BENCH_MODES", "pinned unpinned").split()
VEGETA_MODES = os.environ.get("BENCH_VEGETA_MODES", "pinned").split()
# vegeta on one core tops out near 12k req/s here; past that it measures itself, so the fixed rate is
# half the measured maximum, capped.
VEGETA_MAX_RATE = env_num("BENCH_VEGETA_MAX_RATE", 10000)
P99_TARGET_MS = 1.0
BASE_PORT = env_num("BENCH_PORT", 18100)

SERVER_ORDER = ["fastapi-w1", "fastapi-w2", "handwritten", "generated", "bridged-w1", "bridged-w2"]
GO_SERVERS = {"handwritten", "generated"}  # the servers the 1 ms p99 target is about
# bridged-wN against fastapi-wN: the same endpoints with the same number of Python processes.
BRIDGE_PAIRS = [("fastapi-w1", "bridged-w1", 1), ("fastapi-w2", "bridged-w2", 2)]


# ---------------------------------------------------------------- /proc


def proc_tree(pid):
    """pid and all its live descendants."""
    children = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat") as f:
                s = f.read()
        except OSError:
            continue
        ppid = int(s[s.rindex(")") + 2:].split()[1])
        children.setdefault(ppid, []).append(int(d))
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(children.get(p, []))
    return out


def cpu_ticks(pid):
    """utime+stime (+ those of reaped children) summed over the process tree, in clock ticks: the
    whole tree's and its descendants' alone (a bridged service's Python workers)."""
    total = children = 0
    for p in proc_tree(pid):
        try:
            with open(f"/proc/{p}/stat") as f:
                s = f.read()
        except OSError:
            continue
        fields = s[s.rindex(")") + 2:].split()
        # fields[0] is field 3 (state): utime=14, stime=15, cutime=16, cstime=17
        t = sum(int(fields[i - 3]) for i in (14, 15, 16, 17))
        total += t
        if p != pid:
            children += t
    return total, children


def peak_rss_kib(pid):
    total = 0
    for p in proc_tree(pid):
        try:
            with open(f"/proc/{p}/status") as f:
                for line in f:
                    if line.startswith("VmHWM:"):
                        total += int(line.split()[1])
        except OSError:
            pass
    return total


def loadavg():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


# ---------------------------------------------------------------- servers


class Server:
    def __init__(self, name, argv, env=None, cwd=None):
        self.name, self.argv, self.env, self.cwd = name, argv, env or {}, cwd
        self.proc = None

    def start(self, port, pinned, log):
        argv = [a.replace("{port}", str(port)) for a in self.argv]
        env = dict(os.environ)
        env.update({k: v.replace("{port}", str(port)) for k, v in self.env.items()})
        if pinned:
            argv = ["taskset", "-c", "0"] + argv
        self.base = f"http://127.0.0.1:{port}"
        self.proc = subprocess.Popen(argv, env=env, cwd=self.cwd, stdout=log, stderr=subprocess.STDOUT,
                                     start_new_session=True)
        deadline = time.time() + 90
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"{self.name} exited with status {self.proc.returncode} (log: {log.name})")
            try:
                with urllib.request.urlopen(self.base + "/hello", timeout=1) as r:
                    if r.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"{self.name} did not answer on {self.base} within 90 s")

    def stop(self):
        if self.proc is None or self.proc.poll() is not None:
            return
        os.killpg(self.proc.pid, signal.SIGTERM)  # the server's own session, started above
        try:
            self.proc.wait(15)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()


# ---------------------------------------------------------------- load generators

UNITS = {"us": 1e-3, "ms": 1.0, "s": 1e3, "m": 6e4}


def wrk_lua(case, path):
    lines = [f'wrk.method = "{case["method"]}"']
    for k, v in case.get("headers", {}).items():
        lines.append(f'wrk.headers["{k}"] = "{v}"')
    if case.get("body") is not None:
        lines.append(f'wrk.body = [==[{case["body"]}]==]')
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")


def run_wrk(base, case, script, duration, pinned):
    argv = ["wrk", f"-t{WRK_THREADS}", f"-c{CONNS}", f"-d{duration}s", "--latency", "-s", script, base + case["path"]]
    if pinned:
        argv = ["taskset", "-c", "1"] + argv
    p = subprocess.run(argv, capture_output=True, text=True, timeout=duration + 60)
    out = p.stdout + p.stderr
    res = {"raw": out}
    m = re.search(r"(\d+) requests in ([\d.]+)(\w+)", out)
    res["requests"] = int(m.group(1)) if m else 0
    m = re.search(r"Requests/sec:\s+([\d.]+)", out)
    res["rps"] = float(m.group(1)) if m else 0.0
    for pct in ("50", "99"):
        m = re.search(rf"^\s+{pct}%\s+([\d.]+)(us|ms|s|m)\s*$", out, re.M)
        res[f"p{pct}_ms"] = float(m.group(1)) * UNITS[m.group(2)] if m else float("nan")
    m = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    res["non2xx"] = int(m.group(1)) if m else 0
    m = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    res["socket_errors"] = sum(int(x) for x in m.groups()) if m else 0
    if not res["requests"]:
        raise RuntimeError(f"wrk measured nothing: {' '.join(argv)}\n{out}")
    return res


def run_vegeta(vegeta, base, case, rate, duration, pinned, tmp):
    body_file = os.path.join(tmp, "body")
    lines = [f'{case["method"]} {base}{case["path"]}']
    lines += [f"{k}: {v}" for k, v in case.get("headers", {}).items()]
    if case.get("body") is not None:
        with open(body_file, "w") as f:
            f.write(case["body"])
        lines.append("@" + body_file)
    targets = os.path.join(tmp, "targets")
    with open(targets, "w") as f:
        f.write("\n".join(lines) + "\n")
    bin_file = os.path.join(tmp, "results.bin")
    argv = [vegeta, "attack", f"-rate={rate}/s", f"-duration={duration}s", f"-targets={targets}",
            f"-max-workers={CONNS}", "-timeout=10s", f"-output={bin_file}"]
    if pinned:
        argv = ["taskset", "-c", "1"] + argv
    subprocess.run(argv, check=True, timeout=duration + 60)
    rep = json.loads(subprocess.run([vegeta, "report", "-type=json", bin_file], capture_output=True,
                                    text=True, check=True).stdout)
    lat = rep["latencies"]
    return {"rate": rep.get("rate", 0.0), "target_rate": rate, "requests": rep.get("requests", 0),
            "p50_ms": lat["50th"] / 1e6, "p90_ms": lat["90th"] / 1e6, "p99_ms": lat["99th"] / 1e6,
            "max_ms": lat["max"] / 1e6, "status_codes": rep.get("status_codes", {}),
            "errors": rep.get("errors") or []}


# ---------------------------------------------------------------- the run


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--python", default="python3")
    ap.add_argument("--refstack", default="/work/refstack")
    ap.add_argument("--handwritten", required=True, help="the hand-written service's binary")
    ap.add_argument("--generated", help="the generated service's binary")
    ap.add_argument("--generated-status", default="n/a", help="the column's text when there is no binary")
    ap.add_argument("--bridged", help="the binary of the service `covetgen migrate --bridge-all` generates")
    ap.add_argument("--bridged-status", default="n/a", help="the bridged columns' text when there is no binary")
    ap.add_argument("--bridge-pythonpath", default=None,
                    help="PYTHONPATH of the bridged service and its workers (default: --refstack, the app's "
                         "own dependencies as FastAPI runs them; empty: the machine's python3, no FastAPI)")
    ap.add_argument("--go-bench", help="output of `go test ./runtime/bridge -bench Session` to quote in the results")
    ap.add_argument("--vegeta", required=True)
    ap.add_argument("--out", default=os.path.join(HERE, "results"))
    ap.add_argument("--servers", default=" ".join(SERVER_ORDER))
    ap.add_argument("--endpoints", default="", help="names from cases.json (default: all timed ones)")
    args = ap.parse_args()

    cases = check.load_cases()
    timed = [c for c in cases if c.get("timed")]
    if args.endpoints:
        want = args.endpoints.split()
        timed = [c for c in timed if c["name"] in want]
    pyenv = {"PYTHONPATH": args.refstack, "PYTHONDONTWRITEBYTECODE": "1"}
    uvicorn = [args.python, "-m", "uvicorn", "main:app", "--host", "127.0.0.1", "--port", "{port}",
               "--loop", "uvloop", "--http", "httptools", "--no-access-log", "--log-level", "warning"]
    app_dir = os.path.join(HERE, "app")
    servers = {
        "fastapi-w1": Server("fastapi-w1", uvicorn + ["--workers", "1"], pyenv, app_dir),
        "fastapi-w2": Server("fastapi-w2", uvicorn + ["--workers", "2"], pyenv, app_dir),
        "handwritten": Server("handwritten", [args.handwritten, "-addr", "127.0.0.1:{port}"]),
    }
    if args.generated:
        servers["generated"] = Server("generated", [args.generated], {
            "UVICORN_HOST": "127.0.0.1", "UVICORN_PORT": "{port}", "UVICORN_ACCESS_LOG": "false"})
    if args.bridged:
        bridge_pp = args.refstack if args.bridge_pythonpath is None else args.bridge_pythonpath
        for _, name, n in BRIDGE_PAIRS:
            servers[name] = Server(name, [args.bridged, "--workers", str(n)], {
                "UVICORN_HOST": "127.0.0.1", "UVICORN_PORT": "{port}", "UVICORN_ACCESS_LOG": "false",
                "PYTHONPATH": bridge_pp, "PYTHONDONTWRITEBYTECODE": "1"})
    status = {}  # server -> text shown instead of numbers ("n/a (refused)")
    if not args.generated:
        status["generated"] = args.generated_status
    if not args.bridged:
        for _, name, _ in BRIDGE_PAIRS:
            status[name] = args.bridged_status
    order = [s for s in args.servers.split() if s in SERVER_ORDER]

    os.makedirs(args.out, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix="covetgen-bench-")
    logs = open(os.path.join(tmp, "servers.log"), "w")
    meta = environment(args)
    meta["go_bench"] = read_go_bench(args.go_bench)
    meta["bridge_python"] = ("PYTHONPATH=" + servers["bridged-w1"].env["PYTHONPATH"]) if args.bridged else ""
    meta["load_start"] = loadavg()
    started = time.time()
    print(f"load average at start: {meta['load_start']}  (tmp: {tmp})", flush=True)

    # FastAPI's answers, recorded afresh: the reference every server is checked against.
    ref = servers["fastapi-w1"]
    ref.start(BASE_PORT, False, logs)
    try:
        golden = check.record(ref.base, cases)
    finally:
        ref.stop()
    with open(os.path.join(HERE, "golden.json")) as f:
        committed = json.load(f)
    stale = sorted(k for k in golden if committed.get(k) != golden[k])
    if stale:
        print(f"warning: bench/golden.json differs from live FastAPI on {stale}; re-record it "
              "(python3 bench/check.py record URL > bench/golden.json)", flush=True)

    results = {}  # (server, mode, endpoint) -> dict
    correctness = {}  # server -> {case: diff or None}
    port = BASE_PORT
    for mode in MODES:
        pinned = mode == "pinned"
        # All servers run side by side (idle ones cost nothing) and take turns per endpoint, so
        # that drifting load from other work on the machine spreads over all of them alike.
        running = []
        try:
            for name in order:
                if name not in servers:
                    continue
                srv = servers[name]
                port += 1
                try:
                    srv.start(port, pinned, logs)
                except RuntimeError as e:
                    print(f"   {e}", flush=True)
                    status[name] = "n/a (did not start)"
                    continue
                running.append(srv)
                diffs = check.compare(srv.base, golden, cases)
                bad = {k: v for k, v in diffs.items() if v}
                for k, v in bad.items():
                    print(f"   {name}: DIFF {k}: {v}", flush=True)
                print(f"   {name} ({mode}): {len(cases) - len(bad)}/{len(cases)} answers equal to FastAPI's",
                      flush=True)
                correctness.setdefault(name, diffs)
            for case in timed:
                print(f"== {case['name']} ({mode})", flush=True)
                script = os.path.join(tmp, f"{case['name']}.lua")
                wrk_lua(case, script)
                runs = {}
                for rnd in range(ROUNDS):
                    for srv in running:
                        if diffs_of(correctness, srv.name, case):
                            continue
                        runs.setdefault(srv.name, []).append(
                            measure(srv, case, script, pinned, warm=rnd == 0))
                for srv in running:
                    if diffs_of(correctness, srv.name, case):
                        results[(srv.name, mode, case["name"])] = {"mismatch": True}
                        print(f"   {srv.name:12s} not timed: its answer differs from FastAPI's", flush=True)
                        continue
                    w = combine(runs[srv.name])
                    if mode in VEGETA_MODES:
                        rate = max(1, min(int(w["rps"] / 2), VEGETA_MAX_RATE))
                        w["vegeta"] = run_vegeta(args.vegeta, srv.base, case, rate, VEGETA_DURATION, pinned, tmp)
                    results[(srv.name, mode, case["name"])] = w
                    print_row(srv.name, w)
        finally:
            for srv in running:
                srv.stop()
    meta["load_end"] = loadavg()
    meta["elapsed_s"] = round(time.time() - started)
    logs.close()
    report(args.out, meta, order, status, timed, cases, correctness, results)


def diffs_of(correctness, name, case):
    return (correctness.get(name) or {}).get(case["name"])


def measure(srv, case, script, pinned, warm):
    """One wrk run with the server's CPU time around it."""
    pid = srv.proc.pid
    if warm and WARMUP > 0:
        run_wrk(srv.base, case, script, WARMUP, pinned)
    t0, c0 = cpu_ticks(pid)
    w = run_wrk(srv.base, case, script, DURATION, pinned)
    t1, c1 = cpu_ticks(pid)
    w["cpu_us_per_req"] = (t1 - t0) * 1e6 / CLK_TCK / w["requests"] if w["requests"] else float("nan")
    w["child_cpu_us_per_req"] = (c1 - c0) * 1e6 / CLK_TCK / w["requests"] if w["requests"] else float("nan")
    w["cpu_util"] = (t1 - t0) / CLK_TCK / DURATION
    w["rss_mib"] = peak_rss_kib(pid) / 1024
    expect_non2xx = case["name"].endswith("_422")
    w["unexpected"] = (w["requests"] - w["non2xx"] if expect_non2xx else w["non2xx"]) + w["socket_errors"]
    return w


def combine(runs):
    """The median of each measure over the rounds (RSS: the last, a running peak)."""
    out = {"rounds": len(runs), "rss_mib": runs[-1]["rss_mib"], "unexpected": sum(r["unexpected"] for r in runs)}
    for k in ("rps", "p50_ms", "p99_ms", "cpu_us_per_req", "child_cpu_us_per_req", "cpu_util"):
        out[k] = statistics.median(r[k] for r in runs)
        out[k + "_all"] = [r[k] for r in runs]
    return out


def print_row(name, w):
    line = (f"   {name:12s} {w['rps']:9.0f} req/s  p50 {w['p50_ms']:7.3f} ms  p99 {w['p99_ms']:7.3f} ms  "
            f"{w['cpu_us_per_req']:8.1f} CPU-µs/req  {w['rss_mib']:6.1f} MiB")
    if w["rounds"] > 1:
        line += "  (CPU-µs/req per round: " + ", ".join(f"{x:.1f}" for x in w["cpu_us_per_req_all"]) + ")"
    if w["unexpected"]:
        line += f"  ({w['unexpected']} unexpected statuses/socket errors)"
    v = w.get("vegeta")
    if v:
        line += f"  | {v['rate']:.0f}/s: p50 {v['p50_ms']:.3f} p99 {v['p99_ms']:.3f} ms"
    print(line, flush=True)


# ---------------------------------------------------------------- report


def environment(args):
    def cmd(argv):
        try:
            return subprocess.run(argv, capture_output=True, text=True, timeout=30).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            return "?"

    cpu = "?"
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(l.split(":", 1)[1].strip() for l in f if l.startswith("model name"))
    except (OSError, StopIteration):
        pass
    versions = cmd(["env", f"PYTHONPATH={args.refstack}", args.python, "-c",
                    "import sys, fastapi, starlette, pydantic, uvicorn, uvloop, httptools; "
                    "print(f'Python {sys.version.split()[0]}, FastAPI {fastapi.__version__}, "
                    "Starlette {starlette.__version__}, pydantic {pydantic.VERSION}, uvicorn {uvicorn.__version__}, "
                    "uvloop {uvloop.__version__}, httptools {httptools.__version__}')"])
    return {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": f"{cpu}, {os.cpu_count()} CPUs", "kernel": platform.release(),
        "go": cmd(["go", "version"]), "python_stack": versions,
        "wrk": (cmd(["wrk", "--version"]) or "?").splitlines()[0].split(" Copyright")[0].strip(),
        "vegeta": "vegeta " + os.environ.get("VEGETA_VERSION", "?"),
        "commit": cmd(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"]) +
        (" (dirty tree)" if cmd(["git", "-C", ROOT, "status", "--porcelain"]) else ""),
    }


def vrate(v):
    """The achieved fixed rate, with the target when vegeta fell short of it."""
    if not v:
        return "–"
    text = format(v["rate"], ",.0f")
    if v["rate"] < 0.95 * v["target_rate"]:
        text += f" (of {v['target_rate']:,})"
    ok = ("200", "201", "422")
    bad = {k: n for k, n in v["status_codes"].items() if k not in ok}
    errs = [e for e in v["errors"] if not e.startswith(ok)]  # vegeta lists a 422 as an error
    if bad or errs:
        text += f" ⚠ {bad} {errs[:1]}"
    return text


def read_go_bench(path):
    """The Benchmark lines of a `go test -bench` output file ([] when there is none)."""
    if not path:
        return []
    try:
        with open(path) as f:
            return [" ".join(l.split()) for l in f if l.startswith("Benchmark")]
    except OSError:
        return []


def bridge_tables(mode, names, results, status):
    """The bridged service against FastAPI+uvicorn with the same number of Python processes, and
    the bridge's cost per request (bridged-w1 minus generated), as markdown lines and console lines."""
    def res(s, e):
        r = results.get((s, mode, e))
        return None if not r or r.get("mismatch") else r

    md = [f"### Bridged vs FastAPI + uvicorn, same number of Python processes, {mode}", "",
          "Goal (issue 5): the bridged endpoint never slower than FastAPI with as many worker processes: "
          "req/s ≥ FastAPI's and CPU-µs/req ≤ FastAPI's (✓), else ✗.", "",
          "| endpoint | workers | req/s FastAPI | req/s bridged | × req/s | CPU-µs/req FastAPI | "
          "CPU-µs/req bridged | × less CPU | p50 ms FastAPI → bridged | p99 ms FastAPI → bridged | goal |",
          "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|:-:|"]
    lines = []
    for fa, br, n in BRIDGE_PAIRS:
        rr, cr = [], []
        for e in names:
            a, b = res(fa, e), res(br, e)
            if not a or not b:
                md.append(f"| {e} | {n} | {fmt(a['rps'], ',.0f') if a else status.get(fa, 'n/a')} | "
                          f"{fmt(b['rps'], ',.0f') if b else status.get(br, 'n/a')} |  |  |  |  |  |  |  |")
                continue
            r_rps, r_cpu = b["rps"] / a["rps"], a["cpu_us_per_req"] / b["cpu_us_per_req"]
            rr.append(r_rps)
            cr.append(r_cpu)
            goal = "✓" if r_rps >= 1 and r_cpu >= 1 else "✗"
            warn = (f" ⚠{a['unexpected']}" if a["unexpected"] else "", f" ⚠{b['unexpected']}" if b["unexpected"] else "")
            md.append(f"| {e} | {n} | {a['rps']:,.0f}{warn[0]} | {b['rps']:,.0f}{warn[1]} | {r_rps:.2f} | "
                      f"{a['cpu_us_per_req']:.1f} | {b['cpu_us_per_req']:.1f} | {r_cpu:.2f} | "
                      f"{a['p50_ms']:.3f} → {b['p50_ms']:.3f} | {a['p99_ms']:.3f} → {b['p99_ms']:.3f} | {goal} |")
        if rr:
            md.append(f"| **geomean** | {n} |  |  | **{geomean(rr):.2f}** |  |  | **{geomean(cr):.2f}** |  |  | "
                      f"{sum(1 for x, y in zip(rr, cr) if x >= 1 and y >= 1)}/{len(rr)} |")
            lines.append(f"{mode:8s} bridged-w{n} vs fastapi-w{n}: × req/s geomean {geomean(rr):.2f} "
                         f"(min {min(rr):.2f}), × less CPU/req geomean {geomean(cr):.2f} (min {min(cr):.2f})")
    md += ["", f"### Bridge cost per request, {mode}", "",
           "The same endpoints with the handler body in Go (generated) and in one Python worker through "
           "the bridge (bridged-w1): the difference is what the bridge adds per request, the Python "
           "worker's share included (frame decode, the call of the app's function, the reply's encode, "
           "Go's side of the socket). \"of which Python\": the CPU of the service's child processes (its "
           "Python worker), the rest being the Go process.", "",
           "| endpoint | generated CPU-µs/req | bridged-w1 CPU-µs/req | of which Python | of which Go | "
           "bridge overhead µs/req | × |",
           "|---|---:|---:|---:|---:|---:|---:|"]
    for e in names:
        g, b = res("generated", e), res("bridged-w1", e)
        if not b:
            md.append(f"| {e} | {fmt(g['cpu_us_per_req'], '.1f') if g else status.get('generated', 'n/a')} | "
                      f"{status.get('bridged-w1', 'n/a')} |  |  |  |  |")
            continue
        py = b["child_cpu_us_per_req"]
        cells = [f"{b['cpu_us_per_req']:.1f}", fmt(py, ".1f"), fmt(b["cpu_us_per_req"] - py, ".1f")]
        if not g:
            md.append(f"| {e} | {status.get('generated', 'n/a')} | " + " | ".join(cells) + " |  |  |")
            continue
        d = b["cpu_us_per_req"] - g["cpu_us_per_req"]
        md.append(f"| {e} | {g['cpu_us_per_req']:.1f} | " + " | ".join(cells) +
                  f" | {d:+.1f} | {b['cpu_us_per_req'] / g['cpu_us_per_req']:.2f} |")
        lines.append(f"{mode:8s} bridge overhead {e}: {g['cpu_us_per_req']:.1f} → {b['cpu_us_per_req']:.1f} "
                     f"CPU-µs/req ({d:+.1f})")
    md.append("")
    return md, lines


def geomean(xs):
    xs = [x for x in xs if x and x > 0 and not math.isnan(x)]
    return math.exp(sum(math.log(x) for x in xs) / len(xs)) if xs else float("nan")


def fmt(x, spec):
    return "–" if x is None or (isinstance(x, float) and math.isnan(x)) else format(x, spec)


def report(out_dir, meta, order, status, timed, cases, correctness, results):
    names = [c["name"] for c in timed]
    md = ["# covetgen benchmark: latest run", ""]
    md += [f"- date: {meta['date']}; commit {meta['commit']}",
           f"- machine: {meta['cpu']}; kernel {meta['kernel']}",
           f"- **load average** at start {meta['load_start']}, at end {meta['load_end']} "
           "(shared machine: other work ran alongside, so the numbers are noisy)",
           f"- {meta['python_stack']}", f"- {meta['go']}; {meta['wrk']}; {meta['vegeta']}",
           f"- wrk: {WRK_THREADS} thread, {CONNS} connections, {DURATION:g} s per run after a {WARMUP:g} s warm-up, "
           f"{ROUNDS} round(s) with the servers taking turns per endpoint (median kept); "
           f"vegeta: {VEGETA_DURATION:g} s at half the measured max rate, capped at {VEGETA_MAX_RATE}/s, at most {CONNS} "
           f"workers ({', '.join(VEGETA_MODES)} mode); "
           f"suite took {meta['elapsed_s']} s",
           "- pinned: server on CPU 0 (`taskset -c 0`, its workers too), wrk/vegeta on CPU 1; unpinned: no affinity",
           "- CPU-µs/req: utime+stime of the server's process tree (from /proc, before/after the wrk run) "
           "÷ requests; RSS: VmHWM summed over the tree (peak since the server started)",
           "- servers: FastAPI+uvicorn `--loop uvloop --http httptools --no-access-log` with 1 and 2 workers; "
           "bench/handwritten (chi + net/http + encoding/json); the service `covetgen migrate bench/app` generates; "
           "bridged-w1/w2: the service `covetgen migrate --bridge-all bench/app` generates (every dependency and "
           "endpoint body runs in CPython through runtime/bridge; Go keeps HTTP, routing, validation, "
           "serialization) with `--workers 1` and `--workers 2`, its Python workers being children of the "
           "service (their CPU and RSS are counted)" +
           (f"; bridge workers' environment: {meta['bridge_python']}" if meta.get("bridge_python") else ""),
           ""]
    md += ["## Correctness (before timing)", "",
           f"{len(cases)} requests from bench/cases.json ({len(timed)} timed); status, content-type and body "
           "compared with FastAPI's answers recorded at the start of the run.", ""]
    for s in order:
        if s in correctness:
            bad = {k: v for k, v in correctness[s].items() if v}
            md.append(f"- {s}: {len(cases) - len(bad)}/{len(cases)} equal" +
                      ("" if not bad else "; differences: " + "; ".join(f"`{k}`: {v}" for k, v in list(bad.items())[:4]) +
                       (f"; and {len(bad) - 4} more" if len(bad) > 4 else "")))
        elif s in status:
            md.append(f"- {s}: {status[s]}")
    md.append("")

    ratio_lines = []
    for mode in MODES:
        md += [f"## Results, {mode}", "",
               "| endpoint | server | req/s | p50 ms | p99 ms | CPU-µs/req | CPU used | peak RSS MiB | "
               "fixed rate/s | p50 ms | p99 ms |",
               "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
        for e in names:
            for s in order:
                r = results.get((s, mode, e))
                if r is None:
                    md.append(f"| {e} | {s} | {status.get(s, 'n/a')} |  |  |  |  |  |  |  |  |")
                    continue
                if r.get("mismatch"):
                    md.append(f"| {e} | {s} | n/a (answer differs from FastAPI) |  |  |  |  |  |  |  |  |")
                    continue
                v = r.get("vegeta") or {}
                p99v = v.get("p99_ms")
                flag = ""
                if s in GO_SERVERS and p99v is not None:
                    flag = " ✓" if p99v < P99_TARGET_MS else " ✗"
                note = f" ⚠{r['unexpected']}" if r["unexpected"] else ""
                md.append(f"| {e} | {s} | {fmt(r['rps'], ',.0f')}{note} | {fmt(r['p50_ms'], '.3f')} | "
                          f"{fmt(r['p99_ms'], '.3f')} | {fmt(r['cpu_us_per_req'], '.1f')} | "
                          f"{fmt(r['cpu_util'] * 100, '.0f')}% | {fmt(r['rss_mib'], '.1f')} | "
                          f"{vrate(v)} | {fmt(v.get('p50_ms'), '.3f') if v else '–'} | "
                          f"{(fmt(p99v, '.3f') + flag) if v else '–'} |")
        for s in order:
            p99s = [results[(s, mode, e)]["vegeta"]["p99_ms"] for e in names
                    if (s, mode, e) in results and results[(s, mode, e)].get("vegeta")]
            if s in GO_SERVERS and p99s:
                ok = sum(p < P99_TARGET_MS for p in p99s)
                md.append(f"\n{s}: p99 < {P99_TARGET_MS:g} ms at the fixed rate on {ok}/{len(p99s)} endpoints "
                          f"(worst {max(p99s):.3f} ms).")
        md.append("")

        def cpu(s, e):
            r = results.get((s, mode, e))
            return None if not r or r.get("mismatch") else r["cpu_us_per_req"]

        def rps(s, e):
            r = results.get((s, mode, e))
            return None if not r or r.get("mismatch") else r["rps"]

        pairs = [("handwritten vs FastAPI w1", "fastapi-w1", "handwritten", "× less CPU/req"),
                 ("handwritten vs FastAPI w2", "fastapi-w2", "handwritten", "× less CPU/req"),
                 ("generated vs handwritten", "handwritten", "generated", "CPU/req ratio (≤ 1.10 promised)"),
                 ("generated vs FastAPI w1", "fastapi-w1", "generated", "× less CPU/req"),
                 ("generated vs FastAPI w2", "fastapi-w2", "generated", "× less CPU/req")]
        md += [f"### Ratios, {mode}", "",
               "| ratio | " + " | ".join(names) + " | geomean |", "|---|" + "---:|" * (len(names) + 1)]
        for label, base, other, unit in pairs:
            if base == "handwritten":  # generated / handwritten: CPU cost relative to hand-written
                cells = [(cpu(other, e) / cpu(base, e)) if cpu(other, e) and cpu(base, e) else None for e in names]
            else:  # FastAPI / Go: how many times less CPU the Go service spends
                cells = [(cpu(base, e) / cpu(other, e)) if cpu(other, e) and cpu(base, e) else None for e in names]
            g = geomean([c for c in cells if c])
            text = [fmt(c, ".2f") if c else status.get(other, "n/a") for c in cells]
            md.append(f"| {label}: {unit} | " + " | ".join(text) + f" | {fmt(g, '.2f') if any(cells) else 'n/a'} |")
            ratio_lines.append(f"{mode:8s} {label:28s} " + "  ".join(f"{n}={t}" for n, t in zip(names, text)) +
                               f"  geomean={fmt(g, '.2f') if any(cells) else 'n/a'}")
        for other in ("handwritten", "generated"):
            cells = [(rps(other, e) / rps("fastapi-w1", e)) if rps(other, e) and rps("fastapi-w1", e)
                     else None for e in names]
            md.append(f"| {other} vs FastAPI w1: × req/s | " +
                      " | ".join(fmt(c, ".2f") if c else status.get(other, "n/a") for c in cells) +
                      f" | {fmt(geomean([c for c in cells if c]), '.2f') if any(cells) else 'n/a'} |")
        md.append("")
        if any(s in order for _, s, _ in BRIDGE_PAIRS):
            bmd, blines = bridge_tables(mode, names, results, status)
            md += bmd
            ratio_lines += blines
    if meta.get("go_bench"):
        md += ["## Bridge per-call cost without HTTP", "",
               "`go test ./runtime/bridge -run '^$' -bench Session -benchtime 2s`, run by bench/run.sh before the "
               "servers start (wall time per call from Go, one worker, the Python side included; "
               "BenchmarkSessionOverhead alternates a Pool.Call and a one-call Session):", "", "```"] + \
              meta["go_bench"] + ["```", ""]
    md += ["![CPU-µs per request, pinned, log scale](latest.svg)", ""]
    with open(os.path.join(out_dir, "latest.md"), "w") as f:
        f.write("\n".join(md))
    chart_mode = "pinned" if "pinned" in MODES else MODES[0]
    with open(os.path.join(out_dir, "latest.svg"), "w") as f:
        f.write(svg_chart(names, order, status, results, chart_mode, meta))
    print()
    print("\n".join(md[md.index("## Correctness (before timing)"):]))
    print("\n".join(ratio_lines))
    print(f"\nwrote {os.path.join(out_dir, 'latest.md')} and latest.svg")


def svg_chart(endpoints, order, status, results, mode, meta):
    colors = {"fastapi-w1": "#d9822b", "fastapi-w2": "#f2b36f", "handwritten": "#2b6cb0", "generated": "#38a169",
              "bridged-w1": "#805ad5", "bridged-w2": "#b794f4"}
    W, H, left, right, top, bottom = 920, 460, 70, 20, 50, 90
    pw, ph = W - left - right, H - top - bottom
    vals = [r["cpu_us_per_req"] for (s, m, e), r in results.items()
            if m == mode and not r.get("mismatch") and r["cpu_us_per_req"] > 0 and not math.isnan(r["cpu_us_per_req"])]
    lo = 10 ** math.floor(math.log10(min(vals))) if vals else 1
    hi = 10 ** math.ceil(math.log10(max(vals))) if vals else 1000
    if hi <= lo:
        hi = lo * 10

    def y(v):
        return top + ph - (math.log10(v) - math.log10(lo)) / (math.log10(hi) - math.log10(lo)) * ph

    esc = lambda s: s.replace("&", "&amp;").replace("<", "&lt;")
    o = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" viewBox="0 0 {W} {H}" '
         'font-family="Helvetica, Arial, sans-serif" font-size="12">',
         f'<rect width="{W}" height="{H}" fill="white"/>',
         f'<text x="{W / 2}" y="20" text-anchor="middle" font-size="15" font-weight="bold">'
         f'Server CPU time per request (µs, log scale, {mode}; lower is better)</text>',
         f'<text x="{W / 2}" y="38" text-anchor="middle" fill="#555">{esc(meta["date"])}, load average '
         f'{esc(meta["load_start"])} → {esc(meta["load_end"])}</text>']
    d = math.log10(lo)
    while d <= math.log10(hi) + 1e-9:
        for m in (1, 2, 5):
            v = m * 10 ** d
            if lo <= v <= hi:
                yy = y(v)
                o.append(f'<line x1="{left}" x2="{W - right}" y1="{yy:.1f}" y2="{yy:.1f}" '
                         f'stroke="{"#bbb" if m == 1 else "#eee"}"/>')
                o.append(f'<text x="{left - 6}" y="{yy + 4:.1f}" text-anchor="end" fill="#333">{v:g}</text>')
        d += 1
    shown = order
    gw = pw / max(1, len(endpoints))
    bw = gw * 0.8 / max(1, len(shown))
    for i, e in enumerate(endpoints):
        gx = left + i * gw + gw * 0.1
        for j, s in enumerate(shown):
            r = results.get((s, mode, e))
            x = gx + j * bw
            if not r or r.get("mismatch") or not r["cpu_us_per_req"] > 0:
                o.append(f'<text x="{x + bw / 2:.1f}" y="{top + ph - 4}" text-anchor="middle" font-size="9" '
                         f'fill="#888" transform="rotate(-90 {x + bw / 2:.1f} {top + ph - 4})">n/a</text>')
                continue
            v = r["cpu_us_per_req"]
            yy = y(max(v, lo))
            o.append(f'<rect x="{x:.1f}" y="{yy:.1f}" width="{bw - 2:.1f}" height="{top + ph - yy:.1f}" '
                     f'fill="{colors.get(s, "#888")}"><title>{s} {e}: {v:.1f} µs</title></rect>')
            o.append(f'<text x="{x + bw / 2 - 1:.1f}" y="{yy - 3:.1f}" text-anchor="middle" font-size="9">'
                     f'{v:.0f}</text>')
        o.append(f'<text x="{left + i * gw + gw / 2:.1f}" y="{top + ph + 18}" text-anchor="middle">{esc(e)}</text>')
    o.append(f'<line x1="{left}" x2="{W - right}" y1="{top + ph}" y2="{top + ph}" stroke="#333"/>')
    o.append(f'<line x1="{left}" x2="{left}" y1="{top}" y2="{top + ph}" stroke="#333"/>')
    lx = left
    for s in shown:
        label = s + (f" ({status[s]})" if s in status else "")
        o.append(f'<rect x="{lx}" y="{H - 40}" width="12" height="12" fill="{colors.get(s, "#888")}"/>')
        o.append(f'<text x="{lx + 16}" y="{H - 30}">{esc(label)}</text>')
        lx += 16 + 7 * len(label) + 24
    o.append("</svg>")
    return "\n".join(o) + "\n"


if __name__ == "__main__":
    main()
