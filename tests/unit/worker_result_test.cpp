// The worker's result frames: outputs ride inline after the stamps; a result that would not
// fit in a frame is replaced by "result too large" failures for every item of the chunk, and the
// worker carries on (nothing else affected).
#include <gtest/gtest.h>

#include "core/engine/worker_loop.h"
#include "core/protocol/messages.h"
#include "core/workloads/square_workload.h"

using namespace poolscope;

namespace {

struct Decoded {
    ResultHeader header;
    std::size_t output_bytes = 0;
};

Decoded run_and_decode(uint64_t max_frame, uint64_t count) {
    SquareWorkload wl;
    EXPECT_FALSE(wl.configure({}, count));
    Bytes inputs(count * wl.input_bytes());
    for (uint64_t i = 0; i < count; ++i) wl.read_input(i, {inputs.data() + i * 8, 8});
    WorkerOptions opt;
    opt.max_frame = max_frame;
    opt.index = 3;
    Bytes out;
    run_task(wl, opt, {9, 0, count, 0, 1}, {inputs, nullptr}, 1, 2, out);
    FrameDecoder d(max_frame);
    d.feed(out);
    Frame f;
    const auto status = d.next(f);
    EXPECT_EQ(status, FrameDecoder::Status::Ready) << d.error();
    if (status != FrameDecoder::Status::Ready) return {};
    PayloadReader r(f.payload);
    Decoded dec;
    auto h = read_result_fixed(r);
    EXPECT_TRUE(h);
    if (!h) return dec;
    if (!h->outputs_omitted) dec.output_bytes = r.bytes(count * wl.output_bytes()).size();
    EXPECT_TRUE(read_result_failures(r, *h));
    dec.header = *h;
    return dec;
}

}  // namespace

TEST(WorkerResult, OutputsTravelInlineWhenTheyFit) {
    const Decoded d = run_and_decode(1 << 20, 20);
    EXPECT_EQ(d.header.chunk_id, 9u);
    EXPECT_EQ(d.header.worker, 3);
    EXPECT_EQ(d.header.outputs_omitted, 0u);
    EXPECT_EQ(d.output_bytes, 160u);
    EXPECT_TRUE(d.header.failures.empty());
}

TEST(WorkerResult, ResultTooLargeFailsEveryItemOfThatChunkOnly) {
    // 40 outputs of 8 bytes + 80 bytes of stamps + 4 > 256: too large for this frame limit.
    const Decoded d = run_and_decode(256, 40);
    EXPECT_EQ(d.header.outputs_omitted, 1u);
    ASSERT_EQ(d.header.failures.size(), 1u) << "one reason stands for the whole chunk";
    EXPECT_EQ(d.header.failures[0].item, 0u);
    EXPECT_NE(d.header.failures[0].message.find("result too large"), std::string::npos);
    EXPECT_NE(d.header.failures[0].message.find("frame limit of 256 bytes"), std::string::npos);
    // A smaller chunk from the same worker still fits and succeeds.
    const Decoded ok = run_and_decode(256, 2);
    EXPECT_EQ(ok.header.outputs_omitted, 0u);
    EXPECT_TRUE(ok.header.failures.empty());
}
