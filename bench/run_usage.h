// What the benchmark process itself used (getrusage) over a stretch of work, by figure name:
// "cpu", "user" and "sys" in seconds, "switches" (voluntary context switches: each a sleep, such
// as in poll) and "faults" (minor page faults). With the engine in this process, that is the
// engine's own cost.
#pragma once

#include <sys/resource.h>

#include <map>
#include <string>

namespace poolscope::bench {

using RunUsage = std::map<std::string, double>;

inline double seconds_of(const timeval& t) {
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) * 1e-6;
}

inline RunUsage self_usage() {
    rusage u{};
    ::getrusage(RUSAGE_SELF, &u);
    return {{"cpu", seconds_of(u.ru_utime) + seconds_of(u.ru_stime)},
            {"user", seconds_of(u.ru_utime)},
            {"sys", seconds_of(u.ru_stime)},
            {"switches", static_cast<double>(u.ru_nvcsw)},
            {"faults", static_cast<double>(u.ru_minflt)}};
}

// Each figure's growth since `before` (a self_usage() taken earlier).
inline RunUsage usage_since(const RunUsage& before) {
    RunUsage now = self_usage();
    for (auto& [figure, value] : now) value -= before.at(figure);
    return now;
}

}  // namespace poolscope::bench
