#!/usr/bin/python3
"""Where the engine and its workers run during a long chunksize-1 run, and what they wait for.

Starts `poolscope-cli run --workload square --size N --workers 2 --chunksize 1` (add --pin to
pin the workers), waits until both workers exist and one more second, then reads, for the
engine and each worker, /proc/PID/schedstat (CPU time, time spent runnable but waiting for a
core) and /proc/PID/sched (voluntary and involuntary switches, migrations) twice, 1.5 s apart,
plus the core each last ran on (/proc/PID/stat field 39). Prints per-process rates over that
window and the run's wall time. Kernel formats: Documentation/scheduler/sched-stats.rst.

Usage: bench/placement_sample.py --cli build/app/poolscope-cli [--n 1000000] [--pin]
"""
import argparse
import json
import subprocess
import time


def children(pid):
    try:
        with open("/proc/%d/task/%d/children" % (pid, pid)) as f:
            return [int(x) for x in f.read().split()]
    except OSError:
        return []


def snapshot(pid):
    with open("/proc/%d/schedstat" % pid) as f:
        cpu, wait, _ = (int(x) for x in f.read().split())
    fields = {}
    with open("/proc/%d/sched" % pid) as f:
        for line in f:
            if ":" in line:
                k, v = line.split(":", 1)
                fields[k.strip()] = v.strip()
    with open("/proc/%d/stat" % pid) as f:
        core = int(f.read().rsplit(")", 1)[1].split()[36])
    return {"cpu": cpu, "wait": wait, "vol": int(fields["nr_voluntary_switches"]),
            "invol": int(fields["nr_involuntary_switches"]),
            "migr": int(fields["se.nr_migrations"]), "core": core}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cli", required=True)
    ap.add_argument("--n", type=int, default=1000000)
    ap.add_argument("--pin", action="store_true")
    a = ap.parse_args()
    args = [a.cli, "run", "--workload", "square", "--size", str(a.n), "--workers", "2",
            "--chunksize", "1", "--sample-ms", "0", "--json"] + (["--pin"] if a.pin else [])
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    while len(children(proc.pid)) < 2 and proc.poll() is None:
        time.sleep(0.01)
    time.sleep(1.0)
    procs = [("engine", proc.pid)] + [("worker%d" % i, k)
                                      for i, k in enumerate(children(proc.pid))]
    try:
        before = {n: snapshot(p) for n, p in procs}
        t0 = time.monotonic()
        time.sleep(1.5)
        after = {n: snapshot(p) for n, p in procs}
        dt = time.monotonic() - t0
    except OSError:
        proc.communicate()
        raise SystemExit("the run ended before the window closed; raise --n")
    r = json.loads(proc.communicate()[0])
    print("%s: wall %.2f s for %d tasks" % ("--pin" if a.pin else "free", r["wall_s"], a.n))
    for name, _ in procs:
        x, y = before[name], after[name]
        print("  %-8s core %d  cpu %3.0f %%  waiting for a core %3.0f %%  switches/s voluntary "
              "%6.0f involuntary %6.0f  migrations %d" %
              (name, y["core"], (y["cpu"] - x["cpu"]) / dt / 1e7,
               (y["wait"] - x["wait"]) / dt / 1e7, (y["vol"] - x["vol"]) / dt,
               (y["invol"] - x["invol"]) / dt, y["migr"] - x["migr"]))


if __name__ == "__main__":
    main()
