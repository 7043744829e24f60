#!/usr/bin/python3
"""Per-task overhead of two builds, paired: the same run on each, alternating which goes first.

For each case (transport pipe|shm × dispatch map|apply_async) and each pair, runs
`poolscope-cli run --workload square --size N --workers 2 --chunksize 1 --start fork
--sample-ms 0 --json [--pin]` (apply_async: one task per item) with the build before and after,
checks that both computed the same checksum, and prints C = (W·wall − compute)/n for each build
and the ratio before/after per pair: median (min–max). Ratios taken pair by pair hold up on a
loaded machine far better than the absolute figures.

Usage: bench/paired_task_overhead.py --before OLD/poolscope-cli --after NEW/poolscope-cli
       [--pairs 4] [--n 200000] [--no-pin]
"""
import argparse
import json
import os
import statistics
import subprocess


def run(cli, n, dispatch, transport, pin):
    args = [cli, "run", "--workload", "square", "--size", str(n), "--workers", "2",
            "--dispatch", dispatch, "--start", "fork", "--transport", transport,
            "--sample-ms", "0", "--json"]
    if dispatch != "apply_async":
        args += ["--chunksize", "1"]
    if pin:
        args.append("--pin")
    r = json.loads(subprocess.run(args, check=True, capture_output=True, text=True).stdout)
    if r.get("errors"):
        raise RuntimeError("run failed: %s" % r["errors"])
    return (2 * r["wall_s"] - r["compute_s"]) / n * 1e6, r["checksum"]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--before", required=True)
    ap.add_argument("--after", required=True)
    ap.add_argument("--pairs", type=int, default=4)
    ap.add_argument("--n", type=int, default=200000)
    ap.add_argument("--no-pin", action="store_true")
    a = ap.parse_args()
    pin = not a.no_pin
    cases = [(d, t) for t in ("shm", "pipe") for d in ("map", "apply_async")]
    figs = {c: ([], [], []) for c in cases}
    for i in range(a.pairs):
        for c in cases:
            order = (a.before, a.after) if i % 2 == 0 else (a.after, a.before)
            got = {cli: run(cli, a.n, c[0], c[1], pin) for cli in order}
            if got[a.before][1] != got[a.after][1]:
                raise RuntimeError("checksums differ: %s" % (c,))
            b, n = got[a.before][0], got[a.after][0]
            figs[c][0].append(b)
            figs[c][1].append(n)
            figs[c][2].append(b / n)
    med = statistics.median
    print("load average at the end: %.1f %.1f %.1f; %d pairs, n = %d, %s" %
          (*os.getloadavg(), a.pairs, a.n, "--pin" if pin else "free"))
    print("| case | C before µs | C after µs | before / after |")
    print("|---|---:|---:|---:|")
    for (d, t), (b, n, r) in figs.items():
        print("| %s, %s | %.2f (%.2f–%.2f) | %.2f (%.2f–%.2f) | %.2f× (%.2f–%.2f) |" %
              (d, t, med(b), min(b), max(b), med(n), min(n), max(n), med(r), min(r), max(r)))


if __name__ == "__main__":
    main()
