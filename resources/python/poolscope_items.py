"""The workloads' items, computed in Python bit-identically to the native engine.

Every workload gives the same input bytes for item i (inputs()) and the same output bytes for
the same input (run()) as its C++ twin in core/workloads/, so the engine can hash what the
Python pool returns with its own item hash and compare checksums across backends. 64-bit
arithmetic is masked; doubles follow the same IEEE operations in the same order.
"""

import math
import os
import struct
import time

import numpy as np

MASK = (1 << 64) - 1


def splitmix64(state):
    """Returns (new_state, value): the generator of core/workloads/splitmix.h."""
    state = (state + 0x9E3779B97F4A7C15) & MASK
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return state, z ^ (z >> 31)


def mix64(x):
    x ^= x >> 30
    x = (x * 0xBF58476D1CE4E5B9) & MASK
    x ^= x >> 27
    x = (x * 0x94D049BB133111EB) & MASK
    return x ^ (x >> 31)


def item_hash(index, data):
    """The engine's item hash (core/workloads/workload.cpp), for blur's checksum output."""
    n = len(data)
    if n <= 16:
        w0, w1 = struct.unpack("<2Q", bytes(data).ljust(16, b"\0"))
        h = mix64((index + 0x9E3779B97F4A7C15) & MASK) ^ w0 ^ ((n << 56) & MASK)
        return mix64(mix64(h) ^ w1)
    mul = 0x9FB21C651E98DF25
    a, b = mix64((index + 0x9E3779B97F4A7C15) & MASK), 0x632BE59BD9B4E019 ^ n
    c, d = 0x85EBCA6B2F1D3C47, 0xC2B2AE3D27D4EB4F
    blocks = n // 32
    words = np.frombuffer(data, dtype="<u8", count=blocks * 4).tolist()
    for j in range(0, blocks * 4, 4):
        a = ((a ^ words[j]) * mul) & MASK
        b = ((b ^ words[j + 1]) * mul) & MASK
        c = ((c ^ words[j + 2]) * mul) & MASK
        d = ((d ^ words[j + 3]) * mul) & MASK
    t = struct.unpack("<4Q", bytes(data[blocks * 32 :]).ljust(32, b"\0"))
    a, b = mix64(((a ^ t[0]) * mul) & MASK), mix64(((b ^ t[1]) * mul) & MASK)
    c, d = mix64(((c ^ t[2]) * mul) & MASK), mix64(((d ^ t[3]) * mul) & MASK)
    return mix64(a ^ mix64(b ^ mix64(c ^ d)))


def llround(x):
    """C's llround for 0 <= x < 2**52: halves away from zero (Python's round() goes to even)."""
    f = math.floor(x)
    return f + 1 if x - f >= 0.5 else f


def sum_of_squares(start, iterations):
    """The cpu loop: sum of x*x for x in [start, start + iterations), mod 2**64."""
    acc = 0
    for x in range(start, start + iterations):
        acc += x * x
    return acc & MASK


class Square:
    """x*x on each item's 64-bit integer."""

    in_dtype, in_width = "<i8", 1

    def __init__(self, params, size):
        pass

    def inputs(self, first, count):
        return np.arange(first, first + count, dtype="<i8")

    def run(self, first, inputs):
        return np.array([(x * x) & MASK for x in inputs.tolist()], dtype="<u8")


class Cpu:
    """sum of i*i for i < iterations, started at the item's index."""

    in_dtype, in_width = "<u8", 2

    def __init__(self, params, size):
        self.iterations = int(params["iterations"])

    def inputs(self, first, count):
        words = np.empty((count, 2), dtype="<u8")
        words[:, 0] = np.arange(first, first + count, dtype="<u8")
        words[:, 1] = self.iterations
        return words

    def run(self, first, inputs):
        return np.array([sum_of_squares(s, n) for s, n in inputs.tolist()], dtype="<u8")


class Skewed(Cpu):
    """The cpu loop with costs rising along the index and a seeded heavy tail."""

    def __init__(self, params, size):
        self.seed = int(params["seed"])
        self.base = int(params["base_iterations"])
        self.tail = float(params["tail"])
        self.tail_factor = float(params["tail_factor"])
        self.size = max(size, 1)
        _, self.key0 = splitmix64(self.seed)

    def is_heavy(self, index):
        _, v = splitmix64(self.key0 ^ index)
        return float(v >> 11) * 2.0**-53 < self.tail

    def iterations_for(self, index):
        rise = 1.0 + 3.0 * float(index) / float(self.size)
        factor = self.tail_factor if self.is_heavy(index) else 1.0
        return max(1, llround(float(self.base) * rise * factor))

    def inputs(self, first, count):
        words = np.empty((count, 2), dtype="<u8")
        words[:, 0] = np.arange(first, first + count, dtype="<u8")
        words[:, 1] = [self.iterations_for(i) for i in range(first, first + count)]
        return words


class Sleep:
    """Waits ms milliseconds per item; the result is the item's own index."""

    in_dtype, in_width = "<u8", 1

    def __init__(self, params, size):
        self.ns = llround(float(params["ms"]) * 1e6)

    def inputs(self, first, count):
        return np.arange(first, first + count, dtype="<u8")

    def run(self, first, inputs):
        out = np.empty(len(inputs), dtype="<u8")
        for i, x in enumerate(inputs.tolist()):
            time.sleep(self.ns / 1e9)  # retries after a signal for the time left (PEP 475)
            out[i] = x
        return out


class Transfer:
    """Ships a rows x cols float64 array per item and gets y = 2x + 1 back."""

    in_dtype = "<f8"

    def __init__(self, params, size):
        self.in_width = int(params["rows"]) * int(params["cols"])
        self.prepared = None

    def prepare(self, size):
        """All inputs up front, as the engine prepares them before its workers start."""
        self.prepared = self.compute(0, size)

    def compute(self, first, count):
        k = np.arange(self.in_width, dtype=np.uint64)
        idx = np.arange(first, first + count, dtype=np.uint64)[:, None]
        return (((idx * np.uint64(7919) + k) & np.uint64(0xFFFF)).astype("<f8")) * 0.5

    def inputs(self, first, count):
        if self.prepared is not None and first + count <= len(self.prepared):
            return self.prepared[first : first + count]
        return self.compute(first, count)

    def run(self, first, inputs):
        return 2.0 * inputs + 1.0


class Blur:
    """OpenCV's GaussianBlur on 8-bit 3-channel images (core/workloads/opencv): synthetic ones,
    or a folder's files resized to width x height (dir=). The images are made or read by the
    driver and travel in the tasks (load=parent), or each worker makes or reads its own and the
    tasks carry item numbers (load=worker). output=write also saves out_dir/item_<i>.png."""

    def __init__(self, params, size):
        self.sigma = float(params["sigma"])
        self.width, self.height = int(params["width"]), int(params["height"])
        self.image_bytes = self.width * self.height * 3
        self.output = params.get("output", "checksum")
        self.keep = self.output == "keep"
        self.out_dir = params.get("out_dir", "")
        self.dir = params.get("dir", "")
        self.worker_loads = params.get("load", "parent") == "worker"
        # load=worker: a task carries item numbers (8 bytes each), as the native engine's does.
        self.in_dtype, self.in_width = ("<u8", 1) if self.worker_loads else ("<u1", self.image_bytes)
        self.size = size
        self._files = None
        self.prepared = None

    def image(self, index):
        """BlurImages::fill_synthetic: splitmix64 words from a seed per index, little-endian."""
        state = (index * 0x2545F4914F6CDD1D + 0x5BD1E995) & MASK
        words = self.image_bytes // 8 + 1
        z = np.uint64(state) + np.arange(1, words + 1, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15)
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        z = z ^ (z >> np.uint64(31))
        return z.astype("<u8").view(np.uint8)[: self.image_bytes]

    def files(self):
        """list_image_files and configure_folder: the regular files whose signature OpenCV
        knows, sorted by name (bytewise, as std::sort sorts the paths), leading files that do
        not decode dropped."""
        import cv2

        if self._files is None:
            found = []
            with os.scandir(self.dir) as it:
                for entry in it:
                    if entry.is_file() and cv2.haveImageReader(entry.path):
                        found.append(entry.path)
            found.sort(key=os.fsencode)
            while found and cv2.imread(found[0], cv2.IMREAD_COLOR) is None:
                found.pop(0)
            self._files = found
        return self._files

    def read_file(self, path):
        """load_image: decoded as 8-bit BGR and resized (INTER_AREA when shrinking); None when
        it cannot be decoded."""
        import cv2

        src = cv2.imread(path, cv2.IMREAD_COLOR)
        if src is None:
            return None
        shrink = src.shape[1] > self.width or src.shape[0] > self.height
        out = cv2.resize(src, (self.width, self.height),
                         interpolation=cv2.INTER_AREA if shrink else cv2.INTER_LINEAR)
        return np.ascontiguousarray(out).reshape(-1)

    def prepare(self, size):
        """The driver's images before the pool starts, as the engine prepares its own: none for
        load=worker; a folder's first min(size, files) images that decode; else synthetic."""
        if self.worker_loads:
            return
        if not self.dir:
            self.prepared = self.compute(0, size)
            return
        files = self.files()
        slots = min(len(files), size)
        images = []
        for path in files:
            if len(images) >= slots:
                break
            img = self.read_file(path)
            if img is not None:
                images.append(img)
        self.prepared = np.stack(images) if images else np.empty((0, self.image_bytes), np.uint8)

    def compute(self, first, count):
        out = np.empty((count, self.image_bytes), dtype=np.uint8)
        for k in range(count):
            out[k] = self.image(first + k)
        return out

    def inputs(self, first, count):
        if self.worker_loads:
            return np.arange(first, first + count, dtype="<u8")
        if self.dir:  # item i uses image i mod count
            n = len(self.prepared)
            return self.prepared[[(first + k) % n for k in range(count)]]
        if self.prepared is not None and first + count <= len(self.prepared):
            return self.prepared[first : first + count]
        return self.compute(first, count)

    def load_in_worker(self, index):
        """load=worker: item index's image, made or read in the worker (load_in_worker)."""
        if not self.dir:
            return self.image(index)
        files = self.files()
        path = files[index % min(self.size, len(files))]
        img = self.read_file(path)
        if img is None:
            raise RuntimeError("blur of item %d: cannot read image '%s'" % (index, path))
        return img

    def blur_one(self, index, pixels):
        import cv2

        blurred = cv2.GaussianBlur(pixels.reshape(self.height, self.width, 3), (0, 0), self.sigma)
        if self.output == "write":
            path = os.path.join(self.out_dir, "item_%d.png" % index)
            if not cv2.imwrite(path, blurred):
                raise RuntimeError("could not write " + path)
        return blurred

    def run(self, first, inputs):
        if self.worker_loads:
            images = [self.load_in_worker(int(i)) for i in inputs.reshape(-1).tolist()]
        else:
            images = inputs
        blurred = [self.blur_one(first + k, img) for k, img in enumerate(images)]
        if self.keep:
            return np.stack(blurred).reshape(len(blurred), -1)
        return np.array([item_hash(first + k, b.tobytes()) for k, b in enumerate(blurred)], dtype="<u8")


WORKLOADS = {"blur": Blur, "square": Square, "cpu": Cpu, "skewed": Skewed, "sleep": Sleep, "transfer": Transfer}


def make_workload(name, params, size):
    return WORKLOADS[name](params, size)


def output_bytes(name, wl):
    if name == "transfer":
        return wl.in_width * np.dtype(wl.in_dtype).itemsize
    if name == "blur" and wl.keep:
        return wl.image_bytes
    return 8
