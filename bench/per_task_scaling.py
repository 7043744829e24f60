#!/usr/bin/python3
"""Per-task cost of the engine against n, placement and build, with the scheduler's figures.

Runs `poolscope-cli run --workload square --workers 2 --chunksize 1` (cold pool, fork, pipe
or shm, sampling off) for each n, dispatch and placement (free, or --pin: worker i on core i), each
under `perf stat` twice — once counting the whole process tree, once the engine alone
(--no-inherit) — and prints medians over alternating repeats of:
  C        (W·wall − compute) / n, worker-seconds per task (docs/metrics.md)
  wall/n   wall-clock per task
  cpu/n    CPU time per task, all processes and the engine alone (task-clock), and the
           engine's against one worker's (the tree's beyond the engine, halved; the two
           counts come from separate runs, so read it as an estimate)
  cs/n     context switches per task (all; engine alone)
  migr/n   CPU migrations per task (all)
With several --cli paths (e.g. a build before and after a change) the builds alternate too,
so each ratio between them is taken in the same run. Without perf, only C and wall/n.

Usage: bench/per_task_scaling.py --cli build/app/poolscope-cli [--cli OTHER]
       [--n 20000 200000] [--dispatch map apply_async] [--transport pipe shm]
       [--repeats 3] [--no-pin]
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import tempfile

EVENTS = "task-clock,context-switches,cpu-migrations"


def run_once(cli, n, dispatch, pin, perf, inherit, transport="pipe"):
    args = [cli, "run", "--workload", "square", "--size", str(n), "--workers", "2",
            "--chunksize", "1", "--dispatch", dispatch, "--start", "fork", "--transport",
            transport, "--sample-ms", "0", "--json"]
    if dispatch == "apply_async":
        args.remove("--chunksize")
        args.remove("1")
    if pin:
        args.append("--pin")
    counters = {}
    with tempfile.NamedTemporaryFile("r", suffix=".perf") as out:
        if perf:
            args = [perf, "stat", "-x,", "-e", EVENTS, "-o", out.name] + \
                   ([] if inherit else ["--no-inherit"]) + ["--"] + args
        proc = subprocess.run(args, check=True, capture_output=True, text=True)
        for line in out.read().splitlines() if perf else []:
            parts = line.split(",")
            if len(parts) > 3 and parts[0][:1].isdigit():
                counters[parts[2]] = float(parts[0])
    r = json.loads(proc.stdout)
    if r.get("partial") or r.get("errors"):
        raise RuntimeError("run failed: %s" % r.get("errors"))
    return r, counters


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cli", action="append", required=True)
    ap.add_argument("--n", type=int, nargs="+", default=[20000, 200000])
    ap.add_argument("--dispatch", nargs="+", default=["map"])
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--no-pin", action="store_true", help="free placement only")
    ap.add_argument("--transport", nargs="+", default=["pipe"], choices=["pipe", "shm"])
    a = ap.parse_args()
    perf = shutil.which("perf")
    pins = [False] if a.no_pin else [False, True]
    keys = [(cli, n, d, pin, t) for n in a.n for d in a.dispatch for t in a.transport
            for pin in pins for cli in a.cli]
    fig = {k: {"C": [], "wall": [], "cpu": [], "cpu_engine": [], "cs": [], "cs_engine": [],
               "migr": []} for k in keys}
    for _ in range(a.repeats):
        for k in keys:
            cli, n, d, pin, t = k
            r, tree = run_once(cli, n, d, pin, perf, True, t)
            f = fig[k]
            f["C"].append((2 * r["wall_s"] - r["compute_s"]) / n)
            f["wall"].append(r["wall_s"] / n)
            if perf:
                _, eng = run_once(cli, n, d, pin, perf, False, t)
                f["cpu"].append(tree["task-clock"] * 1e-3 / n)
                f["cpu_engine"].append(eng["task-clock"] * 1e-3 / n)
                f["cs"].append(tree["context-switches"] / n)
                f["cs_engine"].append(eng["context-switches"] / n)
                f["migr"].append(tree["cpu-migrations"] / n)
    load = os.getloadavg()
    print("load average at the end: %.1f %.1f %.1f; %d repeats, medians (min–max of C)" %
          (load[0], load[1], load[2], a.repeats))
    print("| build | n | dispatch | transport | placement | C µs | wall/n µs | cpu/n µs all | "
          "engine | engine / one worker | cs/n all | engine | migr/n |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    med = statistics.median
    for k in keys:
        cli, n, d, pin, t = k
        f = fig[k]
        row = [os.path.basename(os.path.dirname(os.path.dirname(os.path.abspath(cli)))) or cli,
               str(n), d, t, "--pin" if pin else "free",
               "%.2f (%.2f–%.2f)" % (med(f["C"]) * 1e6, min(f["C"]) * 1e6, max(f["C"]) * 1e6),
               "%.2f" % (med(f["wall"]) * 1e6)]
        if perf:
            # A worker's CPU: what the tree used beyond the engine, shared by the 2 workers.
            share = [e / ((c - e) / 2) for c, e in zip(f["cpu"], f["cpu_engine"]) if c > e]
            row += ["%.2f" % (med(f["cpu"]) * 1e6), "%.2f" % (med(f["cpu_engine"]) * 1e6),
                    "%.0f %%" % (med(share) * 100) if share else "-",
                    "%.2f" % med(f["cs"]), "%.2f" % med(f["cs_engine"]),
                    "%.4f" % med(f["migr"])]
        else:
            row += ["-"] * 6
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
