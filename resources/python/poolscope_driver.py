"""PoolScope's Python backend: runs one PoolScope run through CPython's multiprocessing.Pool
(or multiprocessing.pool.ThreadPool, where the GIL is real) and reports it in PoolScope's event
stream. Started by the engine (`poolscope-cli run --backend python`), which supervises it:

  python3 poolscope_driver.py --probe [opencv]   prints the versions it found (OpenCV's only
                                                 when asked: importing cv2 takes longer than
                                                 numpy), exit 3 without numpy
  python3 poolscope_driver.py RUN_JSON    one run; events on fd 3, finished outputs on fd 4

Each finished chunk's output bytes go to the engine on fd 4 (a 32-byte header: magic, chunk
id, first item, item count; then the bytes), which hashes them with its own item hash, so a
checksum proves the Python results bit-identical to the native engine's.
"""

import os
import struct
import sys
import time

try:
    import numpy  # noqa: F401 (the workloads need it; the probe reports it)
except ImportError:
    sys.stderr.write("numpy is missing for %s\n" % sys.executable)
    sys.exit(3)

import json
import multiprocessing
import multiprocessing.pool
import queue
import shutil
import signal

sys.dont_write_bytecode = True  # no __pycache__ beside an installed (or source) driver
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import poolscope_items  # noqa: E402
import poolscope_tasks  # noqa: E402
from poolscope_stream import EventStream  # noqa: E402
from poolscope_totals import Totals  # noqa: E402

now = time.monotonic_ns
OUT_MAGIC = 0x3130545550535950  # "PYSPUT01" little-endian
POLL_S = 0.005


def probe(opencv):
    import platform

    found = "python %s numpy %s" % (platform.python_version(), numpy.__version__)
    if opencv:
        try:
            import cv2

            found += " opencv " + cv2.__version__
        except ImportError:
            found += " opencv none"
    print(found)
    return 0


def plan_chunks(size, chunksize, static, workers):
    """The native engine's plan (core/config/chunk_plan.cpp): static is one block per worker."""
    if size == 0:
        return []
    if static:
        k = min(size, workers)
        return [(i * size // k, (i + 1) * size // k - i * size // k) for i in range(k)]
    return [(f, min(chunksize, size - f)) for f in range(0, size, chunksize)]


class Run:
    def __init__(self, cfg):
        self.cfg = cfg
        self.ev = EventStream(3, cfg["run_id"])
        self.out_fd = 4
        self.size = cfg["size"]
        self.workers = cfg["workers"]
        self.threads = cfg["threads"]
        self.wl = poolscope_items.make_workload(cfg["workload"], cfg["params"], self.size)
        self.out_bytes = poolscope_items.output_bytes(cfg["workload"], self.wl)
        self.plan = plan_chunks(self.size, cfg["chunksize"], cfg["dispatch"] == "static", self.workers)
        self.totals = Totals(self.workers)  # sums over the finished chunks, not their rows
        self.items_done = 0
        self.handoff_ns = 0
        self.errors = []
        self.ready = {}  # worker index -> ready_ns
        self.index_of_pid = {}
        self.pids = []
        self.shm = []

    # -- set-up ------------------------------------------------------------------------------
    def prepare(self):
        if self.cfg["workload"] == "blur":
            # Where a script imports cv2: at the top, before the pool, so fork workers inherit it
            # (spawn workers import it again in their initializer, as they re-import a script).
            import cv2  # noqa: F401
        if hasattr(self.wl, "prepare"):
            self.wl.prepare(self.size)
        poolscope_tasks.SOURCE = self.wl
        spec = {k: self.cfg[k] for k in ("workload", "params", "size", "crash_chunk", "hang_chunk", "lib_threads")}
        spec.update(output_bytes=self.out_bytes, shm_in="", shm_out="")
        if self.cfg["transport"] == "shm":
            from multiprocessing import shared_memory

            in_bytes = max(1, self.size * self.wl.in_width * numpy.dtype(self.wl.in_dtype).itemsize)
            shm_in = shared_memory.SharedMemory(self.cfg["shm_in"], create=True, size=in_bytes)
            shm_out = shared_memory.SharedMemory(self.cfg["shm_out"], create=True,
                                                 size=max(1, self.size * self.out_bytes))
            self.shm = [shm_in, shm_out]
            view = numpy.ndarray((self.size, self.wl.in_width), dtype=self.wl.in_dtype, buffer=shm_in.buf)
            for first in range(0, self.size, 65536):
                count = min(65536, self.size - first)
                view[first : first + count] = self.wl.inputs(first, count).reshape(count, -1)
            spec.update(shm_in=shm_in.name, shm_out=shm_out.name)
        self.spec = spec

    def start_pool(self):
        W = self.workers
        if self.threads:
            ctx = multiprocessing
            make = lambda **kw: multiprocessing.pool.ThreadPool(W, **kw)  # noqa: E731
        else:
            ctx = multiprocessing.get_context(self.cfg["start"])
            make = lambda **kw: ctx.Pool(W, **kw)  # noqa: E731
        self.slots = ctx.Array("q", poolscope_tasks.SLOT_WORDS * W, lock=False)
        counter = ctx.Value("i", 0)
        t_called = now()
        self.pool = make(initializer=poolscope_tasks.init_worker,
                         initargs=(self.spec, self.slots, counter, not self.threads))
        # Pool() starts its workers one after another and says nothing in between: each
        # worker counts as started when Pool() began.
        self.procs = [] if self.threads else list(self.pool._pool)
        if self.cfg["start"] == "forkserver":
            forget_forkserver_address()
        for i, p in enumerate(self.pool._pool):
            pid = os.getpid() if self.threads else p.pid
            self.pids.append(pid)
            self.index_of_pid.setdefault(pid, i)
            self.ev.worker(i, pid, "started", t_called)

    def poll_ready(self):
        for slot in range(self.workers):
            base = poolscope_tasks.SLOT_WORDS * slot
            ready_ns = self.slots[base + 1]
            if not ready_ns:
                continue
            index = slot if self.threads else self.index_of_pid.get(self.slots[base], -1)
            if index >= 0 and index not in self.ready:
                self.ready[index] = ready_ns
                self.ev.worker(index, self.pids[index], "ready", ready_ns)

    def overdue(self):
        """The first chunk running longer than --task-timeout, as (slot, chunk, pid), or None."""
        limit = self.cfg["task_timeout_s"]
        if limit <= 0:
            return None
        t = now()
        for slot in range(self.workers):
            base = poolscope_tasks.SLOT_WORDS * slot
            chunk, since = self.slots[base + 2], self.slots[base + 3]
            if chunk >= 0 and since and t - since > limit * 1e9:
                return slot, chunk, self.slots[base]
        return None

    # -- the run ----------------------------------------------------------------------------
    def tasks(self):
        carry = self.cfg["transport"] == "pipe"
        return [poolscope_tasks.Task(i, f, c, carry) for i, (f, c) in enumerate(self.plan)]

    def lost_worker(self):
        """A pool worker that ended mid-run: Pool replaces it, but its task is never answered."""
        for i, p in enumerate(self.procs):
            code = p.exitcode
            if code is None:
                continue
            how = ("killed by %s" % signal.Signals(-code).name) if code < 0 else ("exited with code %d" % code)
            raise RunFailed("worker_killed" if code == -signal.SIGKILL else "worker_died",
                            "Python worker %d (pid %d) %s with tasks outstanding; Python's Pool would "
                            "start a new worker and wait for the lost task forever, so the run was ended"
                            % (i, p.pid, how), i, p.pid, -1, -code if code < 0 else 0)

    def wait_turn(self):
        """Called between waits: ready events, chunk batches, lost workers, the deadline watch."""
        self.poll_ready()
        self.flush()
        self.lost_worker()
        late = self.overdue()
        if late:
            slot, chunk, pid = late
            index = slot if self.threads else self.index_of_pid.get(pid, -1)
            raise RunFailed("timeout", "chunk %d on Python worker %d (pid %d) ran past --task-timeout %g s"
                            % (chunk, index, pid, self.cfg["task_timeout_s"]), index, pid, chunk)

    def results(self):
        """Yields results in the order the caller gets them, per dispatch."""
        d, pool, tasks = self.cfg["dispatch"], self.pool, self.tasks()
        if d in ("map", "static"):
            r = pool.map_async(poolscope_tasks.run_chunk, tasks, chunksize=1)
            while not r.ready():
                r.wait(POLL_S)
                self.wait_turn()
            yield from r.get()
        elif d in ("imap", "imap_unordered"):
            it = (pool.imap if d == "imap" else pool.imap_unordered)(poolscope_tasks.run_chunk, tasks, 1)
            for _ in tasks:
                while True:
                    try:
                        res = it.next(POLL_S)
                        break
                    except multiprocessing.TimeoutError:
                        self.wait_turn()
                yield res
        else:  # apply_async: one message per task, results as they arrive
            done = queue.SimpleQueue()
            for t in tasks:
                pool.apply_async(poolscope_tasks.run_chunk, (t,), callback=done.put,
                                 error_callback=done.put)
            for _ in tasks:
                while True:
                    try:
                        res = done.get(timeout=POLL_S)
                        break
                    except queue.Empty:
                        self.wait_turn()
                if isinstance(res, BaseException):
                    raise res
                yield res

    def accept(self, res):
        t = now()
        sent = poolscope_tasks.SENT.pop(res.id, (0, 0, 0))
        index = res.worker if self.threads else self.index_of_pid.get(res.pid, -1)
        # Pool reads a task's message whole before unpickling it, so its header and its end
        # arrive together (recv_start = recv_end); a ThreadPool pickles nothing: its phases
        # around the compute are empty.
        recv_end = res.recv_end or res.compute_start
        row = dict(worker=index, id=res.id, first=res.first, count=res.count, dispatch=sent[0],
                   recv_start=recv_end, recv_end=recv_end, compute_start=res.compute_start,
                   compute_end=res.compute_end, ser_end=res.ser_end or res.compute_end,
                   received=res.received or t,
                   bytes_in=sent[2], bytes_out=res.bytes_out, engine_ser_s=sent[1],
                   engine_deser_s=res.deser_ns, failed_items=0)
        self.totals.add(row)
        self.ev.chunk(row)
        self.items_done += res.count
        self.handoff(res)

    def flush(self, force=False):
        """Chunk batches and the latest progress, every 50 ms (as the engine batches its own)."""
        t = now()
        if self.ev.pending and (force or t - self.ev.last_flush >= 50_000_000):
            self.ev.flush_chunks(t, force=True)
            self.ev.progress(t, self.items_done, self.size, self.totals.chunks, len(self.plan))

    def handoff(self, res):
        """The chunk's output bytes to the engine, which hashes them (not part of the timing)."""
        t0 = now()
        if res.outputs is not None:
            data = memoryview(res.outputs).cast("B")
        else:
            lo = res.first * self.out_bytes
            data = self.shm[1].buf[lo : lo + res.count * self.out_bytes]
        view = memoryview(struct.pack("<4Q", OUT_MAGIC, res.id, res.first, res.count))
        for part in (view, data):
            while part:
                part = part[os.write(self.out_fd, part):]
        self.handoff_ns += now() - t0

    def close_pool(self):
        self.pool.close()
        self.pool.join()
        t = now()
        for i, p in enumerate(self.pool._pool):
            code = 0 if self.threads else p.exitcode
            self.ev.worker(i, self.pids[i], "exited", t, code if code >= 0 else -1, -code if code < 0 else 0)
        return t

    def run(self):
        cold = self.cfg["pool"] == "cold"
        self.prepare()
        t_start = now()
        self.start_pool()
        if not cold:
            while len(self.ready) < self.workers:
                time.sleep(0.0005)
                self.poll_ready()
            t_start = now()
        t_last = t_start
        partial = False
        try:
            for res in self.results():
                self.accept(res)
                t_last = now()
                self.flush()
        except RunFailed as e:
            self.fail(e.code, e.message, e.worker, e.pid, e.chunk, e.sig)
            partial = True
        except Exception as e:  # an error raised inside a task, re-raised by the pool
            self.fail("item_failed", "Python error: %s: %s" % (type(e).__name__, e))
            partial = True
        # Every worker runs its initializer before it reads a task, even when there were too
        # few tasks to reach it: wait for that, so start-up is measured for an empty run too.
        deadline = now() + 60_000_000_000
        while not partial and len(self.ready) < self.workers and now() < deadline:
            time.sleep(0.0005)
            self.poll_ready()
        self.flush(force=True)
        if partial:
            self.pool.terminate()
            t_end = now()
        else:
            t_end = self.close_pool()
        self.end(t_start, t_last, t_end if cold else t_last, t_end, partial)

    def fail(self, code, message, worker=-1, pid=0, chunk=-1, sig=0):
        err = dict(code=code, message=message, worker=worker, pid=pid, signal=sig, chunk=chunk, item=-1)
        self.errors.append(err)
        self.ev.error(code, message, now(), worker, pid, sig, chunk)

    def end(self, t_start, t_last, t_stop, t_reaped, partial):
        wall_ns = max(0, t_stop - t_start - (self.handoff_ns if t_stop == t_reaped else 0))
        done = self.totals
        compute = done.compute_ns / 1e9
        wall = wall_ns / 1e9
        startup = (max(self.ready.values()) - t_start) / 1e9 if self.ready and self.cfg["pool"] == "cold" else 0.0
        rel = lambda ns: (ns - t_start) / 1e9 if ns else None  # noqa: E731
        workers = []
        for i, pid in enumerate(self.pids):
            workers.append(dict(index=i, pid=pid, started=0.0, ready=rel(self.ready.get(i, 0)),
                                exited=None, state="ready" if i in self.ready else "started",
                                exit_code=-1, signal=0, chunks=done.worker_chunks[i], items=done.worker_items[i]))
        W = self.workers
        result = dict(
            config=self.cfg["config"], machine=self.cfg["machine"], run_id=self.cfg["run_id"],
            label=self.cfg["label"], workers=W, wall_s=wall, startup_s=max(0.0, startup),
            teardown_s=max(0, t_reaped - t_last) / 1e9, compute_s=compute,
            engine_serialize_s=done.engine_ser_ns / 1e9,
            engine_deserialize_s=done.engine_deser_ns / 1e9,
            breakdown=dict(startup=0.0, serialization=0.0, transfer=0.0, compute=min(compute, W * wall),
                           teardown=0.0, idle=max(0.0, W * wall - compute)),
            # The engine hashes the outputs handed to it; the driver claims no checksum.
            checksum="0x%016x" % 0, checksum_items=0, items=self.size,
            items_failed=0, chunks=len(self.plan), chunks_done=done.chunks,
            bytes_to_workers=done.bytes_in, bytes_from_workers=done.bytes_out,
            partial=partial or self.items_done < self.size, errors=self.errors,
            worker_records=workers,
            memory=dict(peak_rss_sum_bytes=0, peak_pss_sum_bytes=0, peak_uss_sum_bytes=0,
                        engine_peak_rss_bytes=0, samples=0),
            cpu=dict(mean_machine_util=0.0, mean_core_util=[], process_cpu_s=0.0,
                     outside_cpu_share=0.0, samples=0),
            start_ns=t_start, end_ns=t_start + wall_ns)
        self.ev.progress(now(), self.items_done, self.size, self.totals.chunks, len(self.plan))
        self.ev.event("run_end", t_start + wall_ns, result=result, events_dropped=0,
                      dropped=dict(chunks=0, samples=0, progress=0, events=0), chunk_detail="full",
                      chunks_streamed=self.totals.chunks, chunks_aggregated=0)
        for shm in self.shm:
            shm.close()
            shm.unlink()


def forget_forkserver_address():
    """Removes the folder of the forkserver's listening socket (/tmp/pymp-*) once the pool's
    workers are started: nothing connects to it afterwards (a lost worker ends the run), and the
    engine ends the driver's process group with SIGKILL, so multiprocessing's own clean-up at
    exit would never run and leave the folder behind."""
    tempdir = multiprocessing.process.current_process()._config.pop("tempdir", None)
    if tempdir:
        shutil.rmtree(tempdir, ignore_errors=True)


class RunFailed(Exception):
    def __init__(self, code, message, worker=-1, pid=0, chunk=-1, sig=0):
        super().__init__(message)
        self.code, self.message, self.worker, self.pid, self.chunk = code, message, worker, pid, chunk
        self.sig = sig


def main(argv):
    if argv[1:2] == ["--probe"] and argv[2:] in ([], ["opencv"]):
        return probe(argv[2:] == ["opencv"])
    if len(argv) != 2:
        sys.stderr.write(__doc__)
        return 2
    cfg = json.loads(argv[1])
    run = Run(cfg)
    run.ev.hello(cfg["cores"], cfg["kernel"], cfg["version"])
    run.ev.event("run_start", run.ev.origin, config=cfg["config"], machine=cfg["machine"], label=cfg["label"])
    run.run()
    return 1 if run.errors else 0


if __name__ == "__main__":
    # os._exit: the pool's helper threads and the resource tracker must not delay the exit;
    # everything the engine needs has been written with os.write.
    code = main(sys.argv)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
