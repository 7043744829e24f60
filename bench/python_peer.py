#!/usr/bin/python3
"""The engine against CPython's multiprocessing.Pool, per task, in one run.

Both run the article's lightweight task (x*x) over n items with W workers, fork start, a warm
pool (started and readied before the clock), and time the dispatch from the first task to the
last result. PoolScope runs through `poolscope-cli run --pool warm --json` (its `wall_s` is that
span); Python runs in this process, timing `pool.map` / `apply_async` after a warm-up call.
The configurations alternate, repeat after repeat, so a change in the machine's load lands on
all alike; the table gives medians, the spread (min–max) and the ratio Python / PoolScope.

With several --cli paths (builds before and after a change) each gets its own column, all
alternating with Python in the same run.

Usage: bench/python_peer.py --cli build/app/poolscope-cli [--cli OTHER] [--n 20000]
       [--workers 2] [--repeats 5] [--json]
"""
import argparse
import json
import multiprocessing as mp
import statistics
import subprocess
import sys
import time


def square(x):
    return x * x


def python_per_task(pool, mode, n):
    items = range(n)
    t = time.perf_counter()
    if mode == "apply_async":
        handles = [pool.apply_async(square, (x,)) for x in items]
        total = sum(h.get() for h in handles)
    elif mode == "map1":
        total = sum(pool.map(square, items, chunksize=1))
    else:  # map with Python's own default chunksize
        total = sum(pool.map(square, items))
    wall = time.perf_counter() - t
    assert total == sum(x * x for x in items)
    return wall / n


def engine_per_task(cli, mode, n, workers):
    args = [cli, "run", "--workload", "square", "--size", str(n), "--workers", str(workers),
            "--start", "fork", "--pool", "warm", "--transport", "pipe", "--sample-ms", "0",
            "--json"]
    if mode == "apply_async":
        args += ["--dispatch", "apply_async"]
    elif mode == "map1":
        args += ["--dispatch", "map", "--chunksize", "1"]
    else:
        args += ["--dispatch", "map", "--chunksize", "auto"]
    out = subprocess.run(args, check=True, capture_output=True, text=True).stdout
    r = json.loads(out)
    if r.get("partial") or r.get("errors"):
        raise RuntimeError("poolscope-cli run failed: %s" % r.get("errors"))
    return r["wall_s"] / n


def spread(values):
    return statistics.median(values), min(values), max(values)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cli", action="append", required=True, help="path to poolscope-cli")
    ap.add_argument("--n", type=int, default=20000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    a = ap.parse_args()
    modes = ["apply_async", "map1", "map_auto"]
    figures = {m: {"python": [], **{c: [] for c in a.cli}} for m in modes}
    ctx = mp.get_context("fork")
    with ctx.Pool(a.workers) as pool:
        pool.map(square, range(a.workers * 4), chunksize=1)  # warm: every worker up and used
        for _ in range(a.repeats):
            for m in modes:
                figures[m]["python"].append(python_per_task(pool, m, a.n))
                for c in a.cli:
                    figures[m][c].append(engine_per_task(c, m, a.n, a.workers))
    if a.json:
        json.dump({"n": a.n, "workers": a.workers, "repeats": a.repeats, "figures": figures},
                  sys.stdout, indent=1)
        print()
        return
    print("| case (square, n = %d, W = %d, fork, warm pool) | Python Pool µs/task | build | "
          "PoolScope µs/task | Python / PoolScope (min–max) |" % (a.n, a.workers))
    print("|---|---|---|---|---|")
    names = {"apply_async": "apply_async", "map1": "map, chunksize 1",
             "map_auto": "map, default chunksize"}
    for m in modes:
        py = figures[m]["python"]
        for c in a.cli:
            en = figures[m][c]
            ratios = [p / e for p, e in zip(py, en)]
            rm, rlo, rhi = spread(ratios)
            print("| %s | %.2f | %s | %.2f | %.1f× (%.1f–%.1f) |" %
                  (names[m], spread(py)[0] * 1e6, c, spread(en)[0] * 1e6, rm, rlo, rhi))
    print("\nmedians of %d alternating repeats; ratios paired per repeat" % a.repeats)


if __name__ == "__main__":
    main()
