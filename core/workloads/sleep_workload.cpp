#include "core/workloads/sleep_workload.h"

#include <time.h>

#include <cerrno>
#include <cmath>
#include <cstring>

#include "core/workloads/double_text.h"

namespace poolscope {

const WorkloadInfo& SleepWorkload::info() const {
    static const WorkloadInfo kInfo{
        "sleep",
        "wait ms milliseconds per item without using the CPU (I/O-bound stand-in)",
        {{"ms", "10", "0 … 60000", "milliseconds each item sleeps (fractions allowed)", true},
         {"first_ms", "-1", "-1 … 60000",
          "milliseconds item 0 sleeps instead: a straggler at the head (-1: like the others)",
          true},
         {"fork", "none", "none|clean|locked",
          "each item forks a helper process that takes a lock: clean, or while another thread "
          "of the worker holds it (locked: the helper blocks forever; use --task-timeout)"}}};
    return kInfo;
}

std::optional<std::string> SleepWorkload::configure(const ParamMap& params, uint64_t) {
    if (auto e = check_known_params(info(), params)) return e;
    if (auto e = param_double(params, "ms", 0, 60'000, ms_)) return e;
    if (auto e = param_double(params, "first_ms", -1, 60'000, first_ms_)) return e;
    const auto fork_it = params.find("fork");
    const std::string mode = fork_it == params.end() ? "none" : fork_it->second;
    if (mode == "none" || mode == "clean" || mode == "locked")
        fork_ = mode == "none"    ? ForkHelper::none
                : mode == "clean" ? ForkHelper::clean
                                  : ForkHelper::locked;
    else
        return "parameter fork must be one of none, clean, locked; got '" + mode + "'";
    if (first_ms_ < 0 && first_ms_ != -1)
        return "parameter first_ms must be -1 (like the others) or in 0 … 60000; got " +
               double_text(first_ms_);
    return std::nullopt;
}

ParamMap SleepWorkload::resolved_params() const {
    static const char* const kForks[] = {"none", "clean", "locked"};
    return {{"ms", double_text(ms_)},
            {"first_ms", double_text(first_ms_)},
            {"fork", kForks[static_cast<int>(fork_)]}};
}

void SleepWorkload::read_input(uint64_t index, std::span<std::byte> dst) const {
    std::memcpy(dst.data(), &index, 8);
}

std::optional<std::string> SleepWorkload::run_item(uint64_t index, std::span<const std::byte> in,
                                                   std::span<std::byte> out) {
    const double ms = index == 0 && first_ms_ >= 0 ? first_ms_ : ms_;
    const long long ns = std::llround(ms * 1e6);
    timespec req{static_cast<time_t>(ns / 1'000'000'000), static_cast<long>(ns % 1'000'000'000)};
    timespec rem{};
    // A signal (the sampler's timer, a stop request) interrupts nanosleep; sleep on for what is
    // left so that an item always takes its full time.
    while (nanosleep(&req, &rem) != 0) {
        if (errno != EINTR) return std::string("nanosleep failed: ") + std::strerror(errno);
        req = rem;
    }
    if (auto e = run_fork_helper(fork_)) return "item " + std::to_string(index) + ": " + *e;
    // The result is the item's own value, as an I/O call returns the data it fetched.
    std::memcpy(out.data(), in.data(), 8);
    return std::nullopt;
}

}  // namespace poolscope
