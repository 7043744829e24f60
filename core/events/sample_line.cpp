#include "core/events/sample_line.h"

#include <array>
#include <climits>
#include <exception>

#include "core/events/event_schema.h"
#include "core/events/json_scan.h"
#include "core/text/json_units.h"

namespace poolscope {
namespace {

// The keys sample_to_json and event_line write (core/report/telemetry_json.cpp); "host" only
// for --backend mpi.
enum SampleKey {
    kTypeKey,
    kTimeKey,
    kRunKey,
    kMachineUtil,
    kCoreUtil,
    kCoreSteal,
    kRssSum,
    kPssSum,
    kUssSum,
    kProcesses,
    kHostKey,
    kSampleKeyCount
};
constexpr std::array<std::string_view, kSampleKeyCount> kSampleKeys = {
    events::key::kType, events::key::kT, events::key::kRun, "machine_util",
    "core_util",        "core_steal",    "rss_sum_bytes",   "pss_sum_bytes",
    "uss_sum_bytes",    "processes",     events::key::kHost};
constexpr uint64_t kRequiredSampleKeys =
    ((uint64_t{1} << kSampleKeyCount) - 1) & ~(uint64_t{1} << kHostKey);

enum ProcessKey {
    kPidKey,
    kRole,
    kWorker,
    kRss,
    kPss,
    kUss,
    kPssAge,
    kCpuS,
    kCpuUtil,
    kLastCpu,
    kStateKey,
    kGone,
    kProcessKeyCount
};
constexpr std::array<std::string_view, kProcessKeyCount> kProcessKeys = {
    "pid",       "role",  "worker",   "rss_bytes", "pss_bytes", "uss_bytes",
    "pss_age_s", "cpu_s", "cpu_util", "last_cpu",  "state",     "gone"};

bool scan_int(JsonScan& in, int& out) {
    int64_t v = 0;
    if (!in.i64(v) || v < INT_MIN || v > INT_MAX) return false;
    out = static_cast<int>(v);
    return true;
}

bool scan_doubles(JsonScan& in, std::vector<double>& out) {
    return in.array([&] {
        double v = 0;
        if (!in.number(v)) return false;
        out.push_back(v);
        return true;
    });
}

// seconds_to_ns and duration_to_ns throw on a time out of range: callers catch it.
bool scan_process(JsonScan& in, ProcessSample& p) {
    uint64_t seen = 0;
    const bool read = in.object([&](std::string_view name) {
        std::string_view text;
        double s = 0;
        switch (key_index(name, kProcessKeys.data(), kProcessKeyCount, seen)) {
            case kPidKey:
                return scan_int(in, p.pid);
            case kRole:
                if (!in.string(text)) return false;
                p.role = text;
                return true;
            case kWorker:
                return scan_int(in, p.worker);
            case kRss:
                return in.u64(p.rss_bytes);
            case kPss:
                return in.u64(p.pss_bytes);
            case kUss:
                return in.u64(p.uss_bytes);
            case kPssAge:
                if (!in.number(s)) return false;
                p.pss_age_ns = seconds_to_ns(s);
                return true;
            case kCpuS:
                if (!in.number(s)) return false;
                p.cpu_ns = static_cast<uint64_t>(duration_to_ns(s));
                return true;
            case kCpuUtil:
                return in.number(p.cpu_util);
            case kLastCpu:
                return scan_int(in, p.last_cpu);
            case kStateKey:
                if (!in.string(text) || text.size() != 1) return false;
                p.state = text[0];
                return true;
            case kGone:
                return in.boolean(p.gone);
            default:
                return false;  // a key seen twice, or one this reader does not know
        }
    });
    return read && seen == (uint64_t{1} << kProcessKeyCount) - 1;
}

}  // namespace

std::optional<SampleLine> sample_from_text(std::string_view line, int64_t origin_ns) {
    JsonScan in(line);
    SampleLine out;
    Sample& s = out.sample;
    uint64_t seen = 0;
    try {
        const bool read = in.object([&](std::string_view name) {
            std::string_view text;
            double t = 0;
            switch (key_index(name, kSampleKeys.data(), kSampleKeyCount, seen)) {
                case kTypeKey:
                    return in.string(text) && text == events::type::kSample;
                case kTimeKey:
                    if (!in.number(t)) return false;
                    s.t_ns = origin_ns + seconds_to_ns(t);
                    return true;
                case kRunKey:
                    if (!in.string(text)) return false;
                    out.run_id = text;
                    return true;
                case kMachineUtil:
                    return in.number(s.machine_util);
                case kCoreUtil:
                    return scan_doubles(in, s.core_util);
                case kCoreSteal:
                    return scan_doubles(in, s.core_steal);
                case kRssSum:
                    return in.u64(s.rss_sum_bytes);
                case kPssSum:
                    return in.u64(s.pss_sum_bytes);
                case kUssSum:
                    return in.u64(s.uss_sum_bytes);
                case kProcesses:
                    return in.array([&] { return scan_process(in, s.processes.emplace_back()); });
                case kHostKey:
                    if (!in.string(text)) return false;
                    s.host = text;
                    return true;
                default:
                    return false;  // a key seen twice, or one this reader does not know
            }
        });
        if (!read || !in.at_end() || (seen & kRequiredSampleKeys) != kRequiredSampleKeys)
            return std::nullopt;
    } catch (const std::exception&) {
        return std::nullopt;
    }
    return out;
}

}  // namespace poolscope
