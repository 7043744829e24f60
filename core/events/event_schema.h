// The event stream's schema in one place: its version, the event type names and the key names
// (docs/events.md describes each). The engine's writer, the reader, the exporters and the GUI all
// spell names through these constants, so a rename is one edit and a compile error elsewhere.
// Version policy: adding an event type or a key keeps the version (readers ignore what they do
// not know); removing or renaming one, or changing a unit or meaning, bumps it.
#pragma once

namespace poolscope::events {

inline constexpr int kSchemaVersion = 1;
inline constexpr char kToolName[] = "poolscope";

namespace type {
inline constexpr char kHello[] = "hello";
inline constexpr char kRunStart[] = "run_start";
inline constexpr char kWorker[] = "worker";
inline constexpr char kChunks[] = "chunks";
inline constexpr char kAggregated[] = "aggregated";
inline constexpr char kChunkBuckets[] = "chunk_buckets";
inline constexpr char kProgress[] = "progress";
inline constexpr char kSample[] = "sample";
inline constexpr char kWarning[] = "warning";
inline constexpr char kError[] = "error";
inline constexpr char kRunEnd[] = "run_end";
inline constexpr char kSeriesEnd[] = "series_end";   // after a series' counted runs
inline constexpr char kComparison[] = "comparison";  // after a serial and a parallel series
}  // namespace type

namespace key {
// Every event.
inline constexpr char kType[] = "type";
inline constexpr char kT[] = "t";      // seconds since the stream's origin (hello)
inline constexpr char kRun[] = "run";  // run id, on events inside a run

// hello
inline constexpr char kSchema[] = "schema";
inline constexpr char kTool[] = "tool";
inline constexpr char kVersion[] = "version";
inline constexpr char kCores[] = "cores";
inline constexpr char kKernel[] = "kernel";
inline constexpr char kOriginNs[] = "origin_ns";

// run_start
inline constexpr char kConfig[] = "config";
inline constexpr char kMachine[] = "machine";
inline constexpr char kLabel[] = "label";

// worker (and the worker column of chunks and chunk_buckets)
inline constexpr char kWorker[] = "worker";
inline constexpr char kPid[] = "pid";
inline constexpr char kState[] = "state";
inline constexpr char kExitCode[] = "exit_code";
inline constexpr char kSignal[] = "signal";
inline constexpr char kHost[] = "host";  // worker and sample, --backend mpi only

// chunks: one array per field, all of length n
inline constexpr char kN[] = "n";
inline constexpr char kId[] = "id";
inline constexpr char kFirst[] = "first";
inline constexpr char kCount[] = "count";
inline constexpr char kDispatch[] = "dispatch";
inline constexpr char kRecvStart[] = "recv_start";
inline constexpr char kRecvEnd[] = "recv_end";
inline constexpr char kComputeStart[] = "compute_start";
inline constexpr char kComputeEnd[] = "compute_end";
inline constexpr char kSerEnd[] = "ser_end";
inline constexpr char kReceived[] = "received";
inline constexpr char kBytesIn[] = "bytes_in";
inline constexpr char kBytesOut[] = "bytes_out";
inline constexpr char kEngineSerS[] = "engine_ser_s";
inline constexpr char kEngineDeserS[] = "engine_deser_s";
inline constexpr char kFailedItems[] = "failed_items";
inline constexpr char kOk[] = "ok";

// aggregated and chunk_buckets (columns worker, start, chunks, items, failed_items, busy_s)
inline constexpr char kAfterChunks[] = "after_chunks";
inline constexpr char kBucketS[] = "bucket_s";
inline constexpr char kStart[] = "start";
inline constexpr char kChunks[] = "chunks";
inline constexpr char kItems[] = "items";
inline constexpr char kBusyS[] = "busy_s";

// progress
inline constexpr char kItemsDone[] = "items_done";
inline constexpr char kItemsTotal[] = "items_total";
inline constexpr char kChunksDone[] = "chunks_done";
inline constexpr char kChunksTotal[] = "chunks_total";

// warning (code and message also in error, whose other keys are RunError's)
inline constexpr char kCode[] = "code";
inline constexpr char kMessage[] = "message";
inline constexpr char kDropped[] = "dropped";  // {"chunks", "samples", "progress", "events"}
inline constexpr char kSamples[] = "samples";
inline constexpr char kProgress[] = "progress";
inline constexpr char kEvents[] = "events";

// run_end
inline constexpr char kResult[] = "result";
inline constexpr char kEventsDropped[] = "events_dropped";
inline constexpr char kChunkDetail[] = "chunk_detail";  // "full" or "aggregated"
inline constexpr char kChunksStreamed[] = "chunks_streamed";
inline constexpr char kChunksAggregated[] = "chunks_aggregated";

// series_end and comparison
inline constexpr char kRuns[] = "runs";                      // counted runs' ids, in order
inline constexpr char kRepresentative[] = "representative";  // the median run's id
inline constexpr char kWallS[] = "wall_s";                   // {"median","min","max"}
inline constexpr char kStartupS[] = "startup_s";
inline constexpr char kTeardownS[] = "teardown_s";
inline constexpr char kComputeS[] = "compute_s";
inline constexpr char kPartial[] = "partial";
inline constexpr char kSerial[] = "serial";      // the serial series' run ids
inline constexpr char kParallel[] = "parallel";  // the parallel series' run ids
inline constexpr char kSpeedup[] = "speedup";
inline constexpr char kEfficiency[] = "efficiency";
inline constexpr char kTaskS[] = "T";      // serial wall / n
inline constexpr char kOverheadS[] = "C";  // per-task overhead, worker-seconds
inline constexpr char kChecksumsMatch[] = "checksums_match";
inline constexpr char kVerdict[] = "verdict";
}  // namespace key

// Values of chunk_detail in run_end, and the code of the warning about dropped events.
inline constexpr char kDetailFull[] = "full";
inline constexpr char kDetailAggregated[] = "aggregated";
inline constexpr char kWarningEventsDropped[] = "events_dropped";

}  // namespace poolscope::events
