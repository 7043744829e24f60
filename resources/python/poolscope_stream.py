"""Writes PoolScope's event stream (docs/events.md, schema 1) on a descriptor: the same lines
the engine writes for its own runs, so the engine's reader checks and relays them unchanged."""

import json
import os
import time

SCHEMA = 1


def _secs(ns, origin):
    """A stamp as seconds since the origin, or None (null) when it did not happen."""
    return None if not ns else round((ns - origin) / 1e9, 9)


class EventStream:
    def __init__(self, fd, run_id):
        self.fd = fd
        self.run_id = run_id
        self.origin = time.monotonic_ns()
        self.pending = []  # chunk rows not yet written
        self.last_flush = self.origin

    def _write(self, obj):
        data = (json.dumps(obj, separators=(",", ":")) + "\n").encode()
        view = memoryview(data)
        while view:
            view = view[os.write(self.fd, view):]

    def event(self, kind, t_ns, in_run=True, **fields):
        obj = {"type": kind, "t": _secs(t_ns, self.origin) or 0.0}
        if in_run:
            obj["run"] = self.run_id
        obj.update(fields)
        self._write(obj)

    def hello(self, cores, kernel, version):
        self.event("hello", self.origin, False, schema=SCHEMA, tool="poolscope", version=version,
                   cores=cores, kernel=kernel, origin_ns=self.origin)

    def worker(self, index, pid, state, t_ns, exit_code=-1, sig=0):
        self.event("worker", t_ns, worker=index, pid=pid, state=state, exit_code=exit_code,
                   signal=sig)

    def error(self, code, message, t_ns, worker=-1, pid=0, sig=0, chunk=-1, item=-1):
        self.event("error", t_ns, code=code, message=message, worker=worker, pid=pid,
                   signal=sig, chunk=chunk, item=item)

    def progress(self, t_ns, items_done, items_total, chunks_done, chunks_total):
        self.event("progress", t_ns, items_done=items_done, items_total=items_total,
                   chunks_done=chunks_done, chunks_total=chunks_total)

    def chunk(self, row):
        """row: dict of the chunks columns for one chunk, stamps in ns (0 = did not happen)."""
        self.pending.append(row)

    def flush_chunks(self, t_ns, force=False):
        if not self.pending or (not force and t_ns - self.last_flush < 50_000_000):
            return
        self.last_flush = t_ns
        stamps = ("dispatch", "recv_start", "recv_end", "compute_start", "compute_end",
                  "ser_end", "received")
        for at in range(0, len(self.pending), 1024):
            rows = self.pending[at : at + 1024]
            cols = {"n": len(rows)}
            for key in ("worker", "id", "first", "count", "bytes_in", "bytes_out",
                        "failed_items"):
                cols[key] = [r[key] for r in rows]
            for key in stamps:
                cols[key] = [_secs(r[key], self.origin) for r in rows]
            for key in ("engine_ser_s", "engine_deser_s"):
                cols[key] = [round(r[key] / 1e9, 9) for r in rows]
            cols["ok"] = [True] * len(rows)
            self.event("chunks", t_ns, **cols)
        self.pending = []
