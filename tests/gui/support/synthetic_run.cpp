#include "support/synthetic_run.h"

#include <algorithm>

namespace poolscope::test {

ui::RunTrace syntheticRun(int workers, int n) {
    ui::RunTrace t;
    t.run_id = std::string("7");  // (assigning the literal trips GCC 12 -Wrestrict)
    t.origin_ns = 1'000'000'000;
    t.start_s = 0.5;
    t.config.workers = workers;
    const int64_t start = t.origin_ns + 500'000'000;
    std::vector<int64_t> cursor(static_cast<std::size_t>(workers), start + 10'000'000);
    RunResult r;
    r.workers = workers;
    uint32_t rng = 12345;
    for (int i = 0; i < n; ++i) {
        ChunkRecord c;
        c.id = static_cast<uint64_t>(i);
        c.first = c.id;
        c.count = 1;
        c.worker = i % workers;
        c.ok = true;
        c.bytes_in = 60;
        c.bytes_out = 80;
        rng = rng * 1664525u + 1013904223u;
        const int64_t compute = (i + 1 == n) ? 30'000'000 : 5'000 + (rng >> 8) % 20'000;
        int64_t& at = cursor[static_cast<std::size_t>(c.worker)];
        c.dispatch_ns = at - 3'000;
        c.recv_start_ns = at;
        c.recv_end_ns = at + 200;
        c.compute_start_ns = at + 500;
        c.compute_end_ns = c.compute_start_ns + compute;
        c.ser_end_ns = c.compute_end_ns + 300;
        c.received_ns = c.ser_end_ns + 2'000;
        at = c.ser_end_ns + ((rng >> 4) % 4 == 0 ? 1'500 : 100);
        r.compute_s += static_cast<double>(compute) * 1e-9;
        t.chunks.push_back(c);
    }
    int64_t last = 0;
    for (const auto& c : t.chunks) last = std::max(last, c.received_ns);
    r.start_ns = start;
    r.end_ns = last + 4'000'000;
    r.startup_s = 0.010;
    r.teardown_s = 0.004;
    t.end_s = static_cast<double>(r.end_ns - t.origin_ns) * 1e-9;
    t.result = r;
    return t;
}

}  // namespace poolscope::test
