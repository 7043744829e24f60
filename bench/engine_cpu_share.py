#!/usr/bin/python3
"""The engine's CPU per task against a worker's, for tasks from a few hundred ns to 20 µs.

For each task size and transport, runs `poolscope-cli run --workers 2 --chunksize 1 --pin
--sample-ms 0 --json` (`square` for 0 µs, else `cpu --param item_us=U`) under
`perf stat --no-inherit -e task-clock`, which counts the engine's own thread only; the whole
tree's CPU (engine and the workers it reaped) comes from wait4's resource usage of the same
run (perf's own few milliseconds included). A worker's CPU per task is (tree − engine) / n.
Prints medians (min–max) over the repeats. Needs `perf` and permission to count (root, or
kernel.perf_event_paranoid ≤ 1).

Usage: bench/engine_cpu_share.py --cli build/app/poolscope-cli [--item-us 0 1 2 5 10 20]
       [--transport shm pipe] [--repeats 3]
"""
import argparse
import json
import os
import statistics
import subprocess
import tempfile


def run(cli, item_us, transport):
    n = 200000 if item_us == 0 else max(20000, int(400000 / item_us))
    work = ["--workload", "square"] if item_us == 0 else [
        "--workload", "cpu", "--param", "item_us=%g" % item_us]
    with tempfile.NamedTemporaryFile("r", suffix=".perf") as counts, \
            tempfile.TemporaryFile("w+") as out:
        args = ["perf", "stat", "--no-inherit", "-x,", "-o", counts.name, "-e", "task-clock",
                "--", cli, "run", *work, "--size", str(n), "--workers", "2", "--chunksize",
                "1", "--pin", "--transport", transport, "--sample-ms", "0", "--json"]
        p = subprocess.Popen(args, stdout=out, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(p.pid, 0)
        p.returncode = os.waitstatus_to_exitcode(status)
        if p.returncode != 0:
            raise RuntimeError("%s exited with %d" % (" ".join(args), p.returncode))
        out.seek(0)
        r = json.load(out)
        engine_ms = next(float(line.split(",")[0]) for line in counts
                         if "task-clock" in line)
    tree_ms = (usage.ru_utime + usage.ru_stime) * 1e3
    engine = engine_ms * 1e3 / n  # µs per task
    worker = (tree_ms - engine_ms) * 1e3 / n
    return engine, worker, r["wall_s"] * 1e6 / n


def fmt(values, digits=2):
    return "%.*f (%.*f–%.*f)" % (digits, statistics.median(values), digits, min(values),
                                 digits, max(values))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cli", required=True)
    ap.add_argument("--item-us", type=float, nargs="+", default=[0, 1, 2, 5, 10, 20])
    ap.add_argument("--transport", nargs="+", default=["shm", "pipe"], choices=["shm", "pipe"])
    ap.add_argument("--repeats", type=int, default=3)
    a = ap.parse_args()
    rows = []
    for transport in a.transport:
        for u in a.item_us:
            got = [run(a.cli, u, transport) for _ in range(a.repeats)]
            rows.append((transport, u, [g[0] for g in got], [g[1] for g in got],
                         [g[0] / g[1] * 100 for g in got], [g[2] for g in got]))
    print("load average at the end: %.1f %.1f %.1f; W = 2, chunksize 1, --pin; %d repeats" %
          (*os.getloadavg(), a.repeats))
    print("| transport | task | worker CPU/task µs | engine CPU/task µs | engine / worker % "
          "| wall/task µs |")
    print("|---|---|---:|---:|---:|---:|")
    for transport, u, eng, wrk, share, wall in rows:
        task = "square" if u == 0 else "cpu %g µs" % u
        print("| %s | %s | %s | %s | %s | %s |" % (transport, task, fmt(wrk), fmt(eng),
                                                  fmt(share, 0), fmt(wall)))


if __name__ == "__main__":
    main()
