#include "support/synthetic_run.h"

#include <gtest/gtest.h>

#include "core/config/config_json.h"

namespace poolscope::test_support {

RunConfig synthetic_config() {
    RunConfig c;
    c.workload = "transfer";
    c.params = {{"rows", "100"}, {"cols", "7"}};
    c.size = 12345;
    c.workers = 3;
    c.chunksize = 17;
    c.backend = Backend::Threads;
    c.global_lock = true;
    c.start = StartMethod::Spawn;
    c.dispatch = Dispatch::ImapUnordered;
    c.transport = Transport::Shm;
    c.pool = PoolLifetime::Warm;
    c.lib_threads = 2;
    c.repeat = 5;
    c.warmup = 1;
    c.pin = true;
    c.sample_ms = 250;
    c.task_timeout_s = 2.5;
    c.on_failure = OnFailure::Retry;
    c.inject = {"crash@chunk=3", "error@item=7"};
    c.max_frame = 123456789;
    return c;
}

MachineInfo synthetic_machine() {
    MachineInfo m;
    m.cpu_model = "Example CPU \"X\" @ 3.0GHz";
    m.online_cores = 16;
    m.affinity_cpus = {0, 2, 4, 6};
    m.cgroup_cpu_quota = 3.5;
    m.usable_cores = 4;
    m.mem_total_bytes = 64ull << 30;
    m.mem_available_bytes = (40ull << 30) + 12345;
    m.cgroup_memory_limit_bytes = 8ull << 30;
    m.kernel = "6.1.0-test";
    m.loadavg[0] = 0.25;
    m.loadavg[1] = 1.5;
    m.loadavg[2] = 2.125;
    return m;
}

ChunkRecord synthetic_chunk(uint64_t id, int worker, int64_t base_ns, uint64_t count) {
    ChunkRecord c;
    c.id = id;
    c.first = id * count;
    c.count = count;
    c.worker = worker;
    c.dispatch_ns = base_ns + 1'001;
    c.recv_start_ns = base_ns + 2'003;
    c.recv_end_ns = base_ns + 3'007;
    c.compute_start_ns = base_ns + 4'011;
    c.compute_end_ns = base_ns + 900'013;
    c.ser_end_ns = base_ns + 901'017;
    c.received_ns = base_ns + 950'019;
    c.bytes_in = 800 + id;
    c.bytes_out = 1600 + id;
    c.engine_ser_ns = 1'234 + static_cast<int64_t>(id);
    c.engine_deser_ns = 2'345 + static_cast<int64_t>(id);
    c.failed_items = id % 3 == 2 ? 1 : 0;
    c.ok = c.failed_items == 0;
    return c;
}

Sample synthetic_sample(int64_t t_ns, int cores, int workers) {
    Sample s;
    s.t_ns = t_ns;
    for (int i = 0; i < cores; ++i) {
        s.core_util.push_back(0.1 * (i + 1));
        s.core_steal.push_back(0.01 * i);
    }
    s.machine_util = 0.55;
    for (int w = -1; w < workers; ++w) {
        ProcessSample p;
        p.pid = 4000 + w;
        p.role = w < 0 ? "engine" : "worker";
        p.worker = w;
        p.rss_bytes = 10'000'000 + static_cast<uint64_t>(w + 1) * 4096;
        p.pss_bytes = 6'000'000 + static_cast<uint64_t>(w + 1) * 4096;
        p.uss_bytes = 3'000'000;
        p.pss_age_ns = 150'000'000;
        p.cpu_ns = 12'345'678'901;
        p.cpu_util = 0.97;
        p.last_cpu = w + 1;
        p.state = w < 0 ? 'S' : 'R';
        p.gone = w == workers - 1;
        s.processes.push_back(p);
        s.rss_sum_bytes += p.rss_bytes;
        s.pss_sum_bytes += p.pss_bytes;
        s.uss_sum_bytes += p.uss_bytes;
    }
    return s;
}

RunResult synthetic_result(const std::string& run_id, int64_t start_ns, int chunks, int workers) {
    RunResult r;
    r.config = synthetic_config();
    r.config.workers = workers;
    r.machine = synthetic_machine();
    r.run_id = run_id;
    r.label = describe(r.config);
    r.workers = workers;
    r.start_ns = start_ns;
    for (int i = 0; i < chunks; ++i) {
        r.chunk_records.push_back(
            synthetic_chunk(static_cast<uint64_t>(i), i % workers, start_ns + 1'000'000LL * i));
    }
    for (int w = 0; w < workers; ++w) {
        WorkerRecord rec;
        rec.index = w;
        rec.pid = 5000 + w;
        rec.started_ns = start_ns + 10'000 + w;
        rec.ready_ns = start_ns + 500'000 + w;
        rec.exited_ns = w == 0 ? 0 : start_ns + 90'000'000 + w;  // worker 0 never reaped
        rec.state = w == 0 ? "killed" : "exited";
        rec.exit_code = w == 0 ? -1 : 0;
        rec.signal = w == 0 ? 9 : 0;
        rec.chunks = 3;
        rec.items = 30;
        r.worker_records.push_back(rec);
    }
    r.end_ns = start_ns + 95'000'123;
    r.wall_s = 0.095000123;
    r.startup_s = 0.0005;
    r.teardown_s = 0.004;
    r.compute_s = 0.0537;
    r.engine_serialize_s = 0.000031;
    r.engine_deserialize_s = 0.000047;
    r.breakdown = {0.001, 0.0002, 0.0003, 0.0537, 0.008, 0.1 / 3};
    r.checksum = 0xfedcba9876543210ULL;  // above 2^63: a double or signed reader would mangle it
    r.checksum_items = 59;
    r.items = 60;
    r.items_failed = 1;
    r.chunks = static_cast<uint64_t>(chunks);
    r.chunks_done = static_cast<uint64_t>(chunks) - 1;
    r.bytes_to_workers = 4'800;
    r.bytes_from_workers = 9'600;
    r.partial = true;
    r.errors = {{"worker_killed", "worker 0 (pid 5000) was killed by signal 9 in chunk 4", 0, 5000,
                 9, 4, -1},
                {"item_failed", "item 23 threw: \"bad\" input\n", 1, 5001, 0, 2, 23}};
    r.memory = {111'000'000, 77'000'000, 55'000'000, 33'000'000, 9};
    r.cpu = {0.71, {0.5, 0.75, 0.875}, 0.19, 0.02, 9};
    return r;
}

void expect_same_result(const RunResult& a, const RunResult& b) {
    EXPECT_EQ(a.config, b.config);
    EXPECT_TRUE(same_machine(a.machine, b.machine));
    EXPECT_EQ(a.run_id, b.run_id);
    EXPECT_EQ(a.label, b.label);
    EXPECT_EQ(a.workers, b.workers);
    EXPECT_EQ(a.wall_s, b.wall_s);
    EXPECT_EQ(a.startup_s, b.startup_s);
    EXPECT_EQ(a.teardown_s, b.teardown_s);
    EXPECT_EQ(a.compute_s, b.compute_s);
    EXPECT_EQ(a.engine_serialize_s, b.engine_serialize_s);
    EXPECT_EQ(a.engine_deserialize_s, b.engine_deserialize_s);
    EXPECT_EQ(a.breakdown, b.breakdown);
    EXPECT_EQ(a.checksum, b.checksum);
    EXPECT_EQ(a.checksum_items, b.checksum_items);
    EXPECT_EQ(a.items, b.items);
    EXPECT_EQ(a.items_failed, b.items_failed);
    EXPECT_EQ(a.chunks, b.chunks);
    EXPECT_EQ(a.chunks_done, b.chunks_done);
    EXPECT_EQ(a.bytes_to_workers, b.bytes_to_workers);
    EXPECT_EQ(a.bytes_from_workers, b.bytes_from_workers);
    EXPECT_EQ(a.partial, b.partial);
    EXPECT_EQ(a.errors, b.errors);
    EXPECT_EQ(a.chunk_records, b.chunk_records);
    EXPECT_EQ(a.worker_records, b.worker_records);
    EXPECT_EQ(a.memory, b.memory);
    EXPECT_EQ(a.cpu, b.cpu);
    EXPECT_EQ(a.start_ns, b.start_ns);
    EXPECT_EQ(a.end_ns, b.end_ns);
}

void expect_same_series(const RunSeries& a, const RunSeries& b) {
    ASSERT_EQ(a.runs.size(), b.runs.size());
    for (std::size_t i = 0; i < a.runs.size(); ++i) expect_same_result(a.runs[i], b.runs[i]);
    expect_same_result(a.representative(), b.representative());
    EXPECT_EQ(a.wall_s, b.wall_s);
    EXPECT_EQ(a.startup_s, b.startup_s);
    EXPECT_EQ(a.teardown_s, b.teardown_s);
    EXPECT_EQ(a.compute_s, b.compute_s);
}

void expect_same_comparison(const Comparison& a, const Comparison& b) {
    expect_same_series(a.serial, b.serial);
    expect_same_series(a.parallel, b.parallel);
    EXPECT_EQ(a.speedup, b.speedup);
    EXPECT_EQ(a.efficiency, b.efficiency);
    EXPECT_EQ(a.T, b.T);
    EXPECT_EQ(a.C, b.C);
    EXPECT_EQ(a.checksums_match, b.checksums_match);
    EXPECT_EQ(a.verdict, b.verdict);
}

}  // namespace poolscope::test_support
