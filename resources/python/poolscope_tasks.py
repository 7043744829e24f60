"""What travels through the pool: a chunk of items (Task) and its outcome (Result).

Both stamp themselves as they are pickled and unpickled, so each chunk's phases come from the
real Pool: the task is pickled in the pool's task-handler thread (dispatch), unpickled by the
worker (recv_end), computed, its result pickled by the worker (ser_end) and unpickled by the
pool's result-handler thread in the driver (received). Times are time.monotonic_ns(), which is
CLOCK_MONOTONIC on Linux: the engine's clock.
"""

import ctypes
import os
import pickle
import signal
import threading
import time

import numpy as np

import poolscope_items

now = time.monotonic_ns

# Driver side: per chunk id, (dispatch_ns, pickling ns, payload bytes), filled as the pool's
# task-handler thread pickles each task.
SENT = {}
# The driver's workload, which builds a task's inputs when it is pickled (pipe transport).
SOURCE = None

# Worker side: set once per worker by init_worker (shared by the threads of a ThreadPool).
_W = {}
_LOCAL = threading.local()
# Per worker slot in the shared array: pid, ready_ns, chunk being run (-1: none), since_ns.
SLOT_WORDS = 4


class Task:
    def __init__(self, chunk_id, first, count, carry_inputs):
        self.id, self.first, self.count = chunk_id, first, count
        self.carry_inputs = carry_inputs
        self.inputs = None
        self.recv_end = self.decoded = 0

    def __getstate__(self):
        t0 = now()
        inner = None
        if self.carry_inputs:
            inner = pickle.dumps(SOURCE.inputs(self.first, self.count), pickle.HIGHEST_PROTOCOL)
        SENT[self.id] = (t0, now() - t0, len(inner) if inner is not None else 0)
        return (self.id, self.first, self.count, inner)

    def __setstate__(self, state):
        self.recv_end = now()
        self.id, self.first, self.count, inner = state
        self.carry_inputs = inner is not None
        self.inputs = pickle.loads(inner) if inner is not None else None
        self.decoded = now()


class Result:
    def __init__(self, task, worker, pid, compute_start, compute_end, outputs):
        self.id, self.first, self.count = task.id, task.first, task.count
        self.worker, self.pid = worker, pid
        self.recv_end, self.compute_start, self.compute_end = task.recv_end, compute_start, compute_end
        self.outputs = outputs  # None when they wait in the shared segment
        self.ser_end = self.received = 0
        self.bytes_out = 0
        self.deser_ns = 0

    def __getstate__(self):
        inner = None
        if self.outputs is not None:
            inner = pickle.dumps(self.outputs, pickle.HIGHEST_PROTOCOL)
        return (self.id, self.first, self.count, self.worker, self.pid, self.recv_end,
                self.compute_start, self.compute_end, now(), inner)

    def __setstate__(self, state):
        self.received = now()
        (self.id, self.first, self.count, self.worker, self.pid, self.recv_end,
         self.compute_start, self.compute_end, self.ser_end, inner) = state
        self.bytes_out = len(inner) if inner is not None else 0
        self.outputs = pickle.loads(inner) if inner is not None else None
        self.deser_ns = now() - self.received


def _attach(name):
    from multiprocessing import shared_memory

    # Attaching registers the name with the resource tracker again; pool workers share the
    # driver's tracker (fork inherits it, spawn is handed it), so that is a no-op, and the
    # driver's unlink() unregisters it once.
    return shared_memory.SharedMemory(name=name)


def init_worker(spec, slots, counter, is_process):
    """Pool initializer: once per worker process (or thread)."""
    with counter.get_lock():
        slot = counter.value
        counter.value += 1
    _LOCAL.slot = slot
    if is_process:
        # Die with the driver, as the engine's own workers die with the engine.
        try:
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except Exception:
            pass
    if not _W:
        _W.update(spec)
        _W["workload"] = poolscope_items.make_workload(spec["workload"], spec["params"], spec["size"])
        _W["slots"] = slots
        if spec["workload"] == "blur":
            import cv2

            cv2.setNumThreads(spec["lib_threads"])
        if spec["shm_in"]:
            shm_in, shm_out = _attach(spec["shm_in"]), _attach(spec["shm_out"])
            _W["shm"] = (shm_in, shm_out)  # kept open for the worker's life
            wl = _W["workload"]
            _W["in_view"] = np.ndarray((spec["size"], wl.in_width), dtype=wl.in_dtype, buffer=shm_in.buf)
            _W["out_view"] = np.ndarray((spec["size"] * spec["output_bytes"],), dtype=np.uint8, buffer=shm_out.buf)
    base = SLOT_WORDS * slot
    slots[base] = os.getpid()
    slots[base + 2] = -1
    slots[base + 1] = now()  # ready: written last, the driver reads it first


def _fault(chunk_id):
    if _W.get("crash_chunk") == chunk_id:
        os.kill(os.getpid(), signal.SIGSEGV)
    if _W.get("hang_chunk") == chunk_id:
        while True:
            time.sleep(3600)


def run_chunk(task):
    """The function the pool runs: one chunk of items."""
    base = SLOT_WORDS * _LOCAL.slot
    slots = _W["slots"]
    slots[base + 3] = now()  # busy since, then which chunk: the driver's deadline watch
    slots[base + 2] = task.id
    _fault(task.id)
    wl = _W["workload"]
    if task.inputs is None and "in_view" in _W:
        inputs = np.array(_W["in_view"][task.first : task.first + task.count])  # reads every byte
        if wl.in_width == 1:
            inputs = inputs.reshape(-1)
    elif task.inputs is None:
        inputs = (SOURCE or wl).inputs(task.first, task.count)  # a ThreadPool: nothing pickled
    else:
        inputs = task.inputs
    t0 = now()
    outputs = wl.run(task.first, inputs)
    out_bytes = np.ascontiguousarray(outputs).view(np.uint8).reshape(-1)
    if "out_view" in _W:
        ob = _W["output_bytes"]
        _W["out_view"][task.first * ob : (task.first + task.count) * ob] = out_bytes
        out_bytes = None
    t1 = now()
    slots[base + 2] = -1
    return Result(task, _LOCAL.slot, os.getpid(), t0, t1, out_bytes)
