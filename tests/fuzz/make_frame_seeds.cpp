// Writes the seed corpus of frame_decoder_fuzz: real frames made by the protocol's own encoders
// (valid-*) and the same streams damaged the ways a pipe or a broken worker damages them
// (near-*). Each file starts with the target's settings bytes (see frame_decoder_fuzz.cpp).
// Usage: fuzz_frame_seeds DIR   (DIR is tests/fuzz/corpus/frame_decoder; commit what it writes)
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>

#include "core/protocol/frame.h"
#include "core/protocol/messages.h"

using namespace poolscope;

namespace {

// Settings byte 0: limit index (0-3), write_space flag, input and output size indexes (0-3).
Bytes settings(int limit, bool write_space, int in_size, int out_size, uint8_t p0, uint8_t p1,
               uint8_t p2) {
    const auto b0 =
        static_cast<uint8_t>(limit | (write_space ? 4 : 0) | in_size << 3 | out_size << 5);
    return {std::byte{b0}, std::byte{p0}, std::byte{p1}, std::byte{p2}};
}

Bytes item_bytes(uint64_t count, uint64_t size, uint8_t seed) {
    Bytes b(count * size);
    for (std::size_t i = 0; i < b.size(); ++i) b[i] = std::byte(static_cast<uint8_t>(seed + i));
    return b;
}

void task(Bytes& out, uint64_t chunk, uint64_t first, uint64_t count, uint64_t in_size) {
    const auto at = begin_frame(out, FrameType::Task);
    put_task_header(out, {chunk, first, count, 1'000'000 + static_cast<int64_t>(chunk), 1});
    put_bytes(out, item_bytes(count, in_size, static_cast<uint8_t>(chunk)));
    end_frame(out, at);
}

void result(Bytes& out, uint64_t chunk, uint64_t first, uint64_t count, uint64_t out_size,
            std::vector<ItemFailure> failures = {}) {
    ResultHeader h;
    h.chunk_id = chunk, h.first = first, h.count = count;
    h.recv_start_ns = 10, h.recv_end_ns = 20, h.compute_start_ns = 30, h.compute_end_ns = 40;
    h.ser_end_ns = 50;
    const auto at = begin_frame(out, FrameType::Result);
    put_result_fixed(out, h);
    put_bytes(out, item_bytes(count, out_size, static_cast<uint8_t>(chunk + 100)));
    put_result_failures(out, failures);
    end_frame(out, at);
}

void write(const std::string& dir, const std::string& name, const Bytes& head, const Bytes& body) {
    std::ofstream f(dir + "/" + name, std::ios::binary | std::ios::trunc);
    f.write(reinterpret_cast<const char*>(head.data()), static_cast<std::streamsize>(head.size()));
    f.write(reinterpret_cast<const char*>(body.data()), static_cast<std::streamsize>(body.size()));
    if (!f) std::fprintf(stderr, "cannot write %s/%s\n", dir.c_str(), name.c_str());
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) return std::fprintf(stderr, "usage: %s DIR\n", argv[0]), 2;
    const std::string dir = argv[1];
    const Bytes fed = settings(3, false, 1, 1, 6, 23, 199);     // 1 MiB, 8-byte items
    const Bytes written = settings(2, true, 2, 1, 0, 40, 255);  // 4 KiB, write_space
    const Bytes bytewise = settings(3, false, 1, 1, 0, 0, 0);   // one byte at a time

    Bytes ready;
    append_ready(ready, {4242, 123456789, 0});
    write(dir, "valid-ready", fed, ready);

    Bytes conversation = ready;
    task(conversation, 0, 0, 3, 8);
    result(conversation, 0, 0, 3, 8, {{1, "item 1: value out of range"}});
    task(conversation, 1, 3, 2, 8);
    result(conversation, 1, 3, 2, 8);
    write(dir, "valid-conversation", fed, conversation);
    write(dir, "valid-conversation-bytewise", bytewise, conversation);

    Bytes shm;  // inputs in shared memory: the task carries only the range
    const auto at = begin_frame(shm, FrameType::Task);
    put_task_header(shm, {7, 70, 10, 99, 0});
    end_frame(shm, at);
    result(shm, 7, 70, 10, 8);
    write(dir, "valid-shm-task", written, shm);

    Bytes threads;  // the threads backend's host: a ready and a started per thread
    append_ready(threads, {4243, 123456790, 1});
    append_started(threads, {1, 5, 123456800});
    result(threads, 5, 50, 4, 8);
    write(dir, "valid-threads-host", fed, threads);

    Bytes fatal;
    append_fatal(fatal, "cannot open input image: permission denied");
    write(dir, "valid-fatal", written, fatal);

    Bytes empty;
    append_frame(empty, FrameType::Result, {});
    write(dir, "near-empty-result", settings(0, false, 0, 0, 3, 3, 3), empty);

    Bytes cut = conversation;
    cut.resize(cut.size() - 5);
    write(dir, "near-cut-off", fed, cut);

    Bytes flipped = conversation;
    flipped[ready.size() + kFrameHeaderSize + 3] ^= std::byte{0x40};
    write(dir, "near-bad-checksum", fed, flipped);

    Bytes version = ready;
    version[4] = std::byte{2};
    write(dir, "near-bad-version", fed, version);

    Bytes type = ready;
    type[6] = std::byte{9};
    write(dir, "near-bad-type", fed, type);

    write(dir, "near-over-limit", settings(1, false, 1, 1, 30, 30, 30), conversation);

    Bytes omitted;  // a result too large for a frame: no outputs, one reason for every item
    ResultHeader big;
    big.chunk_id = 4, big.first = 40, big.count = 2, big.outputs_omitted = 1;
    big.failures = {{40, "result too large"}};
    const auto at4 = begin_frame(omitted, FrameType::Result);
    put_result_fixed(omitted, big);
    put_result_failures(omitted, big.failures);
    end_frame(omitted, at4);
    write(dir, "valid-result-too-large", fed, omitted);

    Bytes excess;  // two failures in a chunk of one item
    result(excess, 3, 30, 1, 8, {{30, "a"}, {31, "b"}});
    write(dir, "near-too-many-failures", fed, excess);

    Bytes flag;
    const auto at2 = begin_frame(flag, FrameType::Task);
    put_task_header(flag, {1, 2, 3, 4, 2});
    end_frame(flag, at2);
    write(dir, "near-task-flag", fed, flag);

    Bytes huge;  // a count whose input size wraps around 2^64
    const auto at3 = begin_frame(huge, FrameType::Task);
    put_task_header(huge, {1, 0, uint64_t{1} << 61, 4, 1});
    end_frame(huge, at3);
    write(dir, "near-task-count-wraps", fed, huge);
    return 0;
}
