// The payloads carried by frames between the engine and its workers (docs/protocol.md).
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/protocol/frame.h"

namespace poolscope {

struct ReadyMessage {
    int64_t pid = 0;  // the worker's pid (threads backend: the thread's tid)
    int64_t ready_ns = 0;
    int64_t index = -1;  // the worker's (or thread's) index in the pool
};

// Task: which items to run. With inline inputs, count × input_bytes follow the header.
struct TaskHeader {
    uint64_t chunk_id = 0;
    uint64_t first = 0;
    uint64_t count = 0;
    int64_t dispatch_ns = 0;
    uint32_t inline_inputs = 1;  // 0: inputs live in shared memory, the task carries the range
};
inline constexpr std::size_t kTaskHeaderBytes = 8 * 4 + 4;

struct ItemFailure {
    uint64_t item = 0;
    std::string message;
};

// Result: the worker's stamps (fixed part), then count × output_bytes when inline, then the
// failed items. Outputs come before the failures so a worker writes them straight into the
// frame while it computes.
struct ResultHeader {
    uint64_t chunk_id = 0;
    uint64_t first = 0;
    uint64_t count = 0;
    int64_t recv_start_ns = 0;
    int64_t recv_end_ns = 0;
    int64_t compute_start_ns = 0;
    int64_t compute_end_ns = 0;
    int64_t ser_end_ns = 0;  // patched in just before the frame is sealed
    std::vector<ItemFailure> failures;
    int64_t worker = -1;  // the sender's index (the threads backend's host sends for many)
    // 1: the outputs were left out because the result would not fit in a frame; every item is
    // then among the failures ("result too large").
    uint64_t outputs_omitted = 0;
};

// Appends a whole Ready/Fatal frame.
void append_ready(Bytes& out, const ReadyMessage& m);
void append_fatal(Bytes& out, const std::string& message);

// Appends the task header into an open frame (after begin_frame); inputs follow.
void put_task_header(Bytes& out, const TaskHeader& h);
std::optional<TaskHeader> read_task_header(PayloadReader& r);

// Fixed part (everything but failures) and the failures, written and read separately.
void put_result_fixed(Bytes& out, const ResultHeader& h);
void put_result_failures(Bytes& out, const std::vector<ItemFailure>& failures);
std::optional<ResultHeader> read_result_fixed(PayloadReader& r);
bool read_result_failures(PayloadReader& r, ResultHeader& h);
inline constexpr std::size_t kResultFixedBytes = 8 * 10;
// Offset of ser_end_ns inside the fixed part (stamped after the outputs are encoded).
inline constexpr std::size_t kResultSerEndOffset = 8 * 7;

// Started: worker index, chunk id, stamp (threads backend only).
struct StartedMessage {
    int64_t worker = -1;
    uint64_t chunk_id = 0;
    int64_t t_ns = 0;
};
void append_started(Bytes& out, const StartedMessage& m);
std::optional<StartedMessage> read_started(std::span<const std::byte> payload);

std::optional<ReadyMessage> read_ready(std::span<const std::byte> payload);
std::string read_fatal(std::span<const std::byte> payload);

}  // namespace poolscope
