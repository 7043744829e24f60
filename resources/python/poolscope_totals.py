"""Sums over a run's finished chunks, for the result the driver reports at the end."""


class Totals:
    """What the run's result needs from its finished chunks, summed as they come: the rows
    themselves went to the engine, and a 10^5-chunk run would hold them all again here."""

    def __init__(self, workers):
        self.chunks = self.compute_ns = self.engine_ser_ns = self.engine_deser_ns = 0
        self.bytes_in = self.bytes_out = 0
        self.worker_chunks, self.worker_items = [0] * workers, [0] * workers

    def add(self, row):
        self.chunks += 1
        self.compute_ns += row["compute_end"] - row["compute_start"]
        self.engine_ser_ns += row["engine_ser_s"]
        self.engine_deser_ns += row["engine_deser_s"]
        self.bytes_in += row["bytes_in"]
        self.bytes_out += row["bytes_out"]
        if 0 <= row["worker"] < len(self.worker_chunks):
            self.worker_chunks[row["worker"]] += 1
            self.worker_items[row["worker"]] += row["count"]
