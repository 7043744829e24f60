#include "core/workloads/cpu_workload.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "core/platform/child_call.h"
#include "core/platform/clock.h"

namespace poolscope {

const WorkloadInfo& CpuWorkload::info() const {
    static const WorkloadInfo kInfo{
        "cpu",
        "sum of i*i for i < iterations (CPU-bound)",
        {{"iterations", "10000", "1 … 1000000000", "loop length per item"},
         {"item_us", "0", "0 … 10000000",
          "target microseconds per item; calibrates iterations (0 = use iterations)", true},
         {"table_mb", "0", "0 … 4096",
          "MiB of a private table each worker process builds when it starts (a loaded model, "
          "a cache): memory that grows with the workers"},
         {"arg_kb", "0", "0 … 65536",
          "KiB of a second argument every item carries (one table repeated in every argument "
          "tuple, as starmap pickles it per item)"}}};
    return kInfo;
}

uint64_t CpuWorkload::sum_of_squares(uint64_t start, uint64_t iterations) {
    uint64_t acc = 0;
    for (uint64_t k = 0; k < iterations; ++k) {
        const uint64_t x = start + k;
        acc += x * x;
        // An empty asm that "changes" acc: the compiler can neither fold the loop into a
        // closed form nor vectorize it away, so an iteration costs the same in every build.
        asm volatile("" : "+r"(acc));
    }
    return acc;
}

// The loop's cost is measured once per process (a command, a lesson) and every item_us is
// resolved from that one figure, so two runs asking for the same item_us do the same work and
// their checksums match.
std::optional<uint64_t> CpuWorkload::calibrate_iterations(double item_us) {
    static std::optional<double> ns_per_iter;
    if (!ns_per_iter) ns_per_iter = measure_ns_per_iteration();
    if (!ns_per_iter) return std::nullopt;
    const double iters = item_us * 1000.0 / std::max(*ns_per_iter, 1e-3);
    return static_cast<uint64_t>(std::clamp(std::llround(iters), 1LL, 1'000'000'000LL));
}

std::optional<double> CpuWorkload::measure_ns_per_iteration() {
    const auto out = run_in_child(
        [] {
            // Best of several 2^20-iteration timings: the least disturbed one.
            int64_t best = INT64_MAX;
            for (int r = 0; r < 7; ++r) {
                const int64_t t0 = monotonic_ns();
                const uint64_t v = sum_of_squares(static_cast<uint64_t>(r), 1 << 20);
                const int64_t dt = monotonic_ns() - t0;
                asm volatile("" ::"r"(v));
                best = std::min(best, dt);
            }
            return std::to_string(best);
        },
        10'000);
    if (!out) return std::nullopt;
    return std::stod(*out) / static_cast<double>(1 << 20);
}

std::optional<std::string> CpuWorkload::configure(const ParamMap& params, uint64_t) {
    if (auto e = check_known_params(info(), params)) return e;
    if (auto e = param_u64(params, "iterations", 1, 1'000'000'000, iterations_)) return e;
    if (auto e = param_double(params, "item_us", 0, 1e7, item_us_)) return e;
    if (auto e = param_u64(params, "table_mb", 0, 4096, table_mb_)) return e;
    if (auto e = param_u64(params, "arg_kb", 0, 65536, arg_kb_)) return e;
    if (item_us_ > 0) {
        const auto it = calibrate_iterations(item_us_);
        if (!it) return "could not calibrate item_us (the calibration child failed)";
        iterations_ = *it;
    }
    return std::nullopt;
}

ParamMap CpuWorkload::calibrated_params() const {
    if (item_us_ <= 0) return {};
    return {{"iterations", std::to_string(iterations_)}, {"item_us", "0"}};
}

ParamMap CpuWorkload::resolved_params() const {
    // item_us is resolved into iterations; a rebuilt workload must not calibrate again.
    return {{"iterations", std::to_string(iterations_)},
            {"item_us", "0"},
            {"table_mb", std::to_string(table_mb_)},
            {"arg_kb", std::to_string(arg_kb_)}};
}

void CpuWorkload::enter_worker(int) {
    // Every word written: the pages are the worker's own (private, resident), as a table built
    // or loaded by each process is.
    table_.resize(table_mb_ << 17);
    for (std::size_t i = 0; i < table_.size(); ++i) table_[i] = i * 0x9e3779b97f4a7c15ULL;
}

void CpuWorkload::read_input(uint64_t index, std::span<std::byte> dst) const {
    const uint64_t words[2] = {index, iterations_};
    std::memcpy(dst.data(), words, 16);
    // The second argument: the same table for every item.
    for (uint64_t k = 0; k < arg_bytes() / 8; ++k) {
        const uint64_t w = k * 0x9e3779b97f4a7c15ULL;
        std::memcpy(dst.data() + 16 + 8 * k, &w, 8);
    }
}

std::optional<std::string> CpuWorkload::run_item(uint64_t, std::span<const std::byte> in,
                                                 std::span<std::byte> out) {
    uint64_t words[2];
    std::memcpy(words, in.data(), 16);
    uint64_t v = sum_of_squares(words[0], words[1]);
    // Every byte of the second argument is read (its words folded in), as a task uses its input.
    uint64_t fold = 0;
    for (std::size_t off = 16; off + 8 <= in.size(); off += 8) {
        uint64_t w;
        std::memcpy(&w, in.data() + off, 8);
        fold ^= w;
    }
    v += fold;
    std::memcpy(out.data(), &v, 8);
    return std::nullopt;
}

}  // namespace poolscope
