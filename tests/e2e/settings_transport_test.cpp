// --transport changes what travels through the pipes: with shm only index ranges go to the
// workers (a 64-byte entry on the shared task queue, no frame) and no outputs come back (they wait
// in the shared segment; the result is a 64-byte record there too, no frame); with pipe every
// item's input and output is copied both ways. Both compute what the serial run computes.
#include <gtest/gtest.h>

#include "core/engine/result_slots.h"

#include "core/protocol/messages.h"

#include "support/process_hygiene.h"
#include "support/settings_runs.h"

using namespace poolscope;

namespace {

constexpr uint64_t kItems = 12;
constexpr uint64_t kItemBytes = 100 * 100 * 8;  // one float64 array each way
// docs/protocol.md: frame header, task header (chunk_id, first, count, dispatch_ns,
// inline_inputs), the result's fixed part (ids, counts, stamps, worker) and n_failed.
constexpr uint64_t kFrameHeader = 24, kTaskHeader = 36, kResultFixed = kResultFixedBytes,
                   kFailedCount = 4, kQueueEntry = 64;

RunConfig transfer_config(Transport t) {
    RunConfig cfg =
        test::settings_config("transfer", kItems, 2, {{"rows", "100"}, {"cols", "100"}});
    cfg.chunksize = 2;
    cfg.transport = t;
    return cfg;
}

}  // namespace

class SettingsTransport : public test::ProcessHygiene {};

TEST_F(SettingsTransport, ShmMovesOnlyRangesAndPipeMovesTheArrays) {
    RunObserver none;
    const auto shm = test::run_serial_and_parallel(transfer_config(Transport::Shm), none);
    const auto pipe = test::run_serial_and_parallel(transfer_config(Transport::Pipe), none);
    for (const RunResult* r : {&shm.parallel, &pipe.parallel}) {
        EXPECT_TRUE(r->errors.empty()) << r->label;
        EXPECT_EQ(r->checksum_items, kItems) << r->label;
        EXPECT_EQ(r->items_failed, 0u) << r->label;
        EXPECT_EQ(r->chunks, kItems / 2) << r->label;
    }
    EXPECT_EQ(shm.parallel.checksum, shm.serial.checksum);
    EXPECT_EQ(pipe.parallel.checksum, pipe.serial.checksum);
    EXPECT_EQ(shm.parallel.checksum, pipe.parallel.checksum);

    const uint64_t chunks = shm.parallel.chunks;
    EXPECT_EQ(shm.parallel.bytes_to_workers, chunks * kQueueEntry);
    EXPECT_EQ(shm.parallel.bytes_from_workers, chunks * sizeof(ResultRecord));
    EXPECT_EQ(pipe.parallel.bytes_to_workers,
              chunks * (kFrameHeader + kTaskHeader) + kItems * kItemBytes);
    EXPECT_EQ(pipe.parallel.bytes_from_workers,
              chunks * (kFrameHeader + kResultFixed + kFailedCount) + kItems * kItemBytes);
}
