// The one schema of run's and sweep's options: name, value type, range, default, allowed values,
// the backends that accept it, its help line, its section and the options it can contradict.
// Everything that speaks of an option reads it from here: the CLI's parser, `--help`, the bash
// completion, the man page and `list --json` (app/cli/option_table.cpp), validate_config()'s
// ranges and backend checks (core/config/validation.cpp), the GUI's spin boxes, and a test holds
// docs/cli.md's options table to it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/config/run_config.h"

namespace poolscope {

enum class OptionKind {
    Flag,     // no value
    Integer,  // a whole number in [min, max]
    Real,     // a number in [min, max]
    Choice,   // one of `values`
    Text,     // free text (hint says what)
    Path,     // a file name (completion offers files)
};

// A set of backends, one bit per Backend.
using BackendSet = std::uint32_t;
constexpr BackendSet backend_bit(Backend b) {
    return BackendSet{1} << static_cast<int>(b);
}
inline constexpr BackendSet kAllBackends =
    backend_bit(Backend::Serial) | backend_bit(Backend::Processes) | backend_bit(Backend::Threads) |
    backend_bit(Backend::Python) | backend_bit(Backend::PythonThreads) | backend_bit(Backend::Mpi);

inline constexpr std::uint64_t kMaxSize = 1'000'000'000;  // --size, --chunksize
inline constexpr int kMaxWorkersCap = 1024;               // --workers, on any machine
inline constexpr int kMaxReapDelayMs = 10'000;            // --reap-delay-ms

// Which commands take the option.
inline constexpr unsigned kRunCommand = 1, kSweepCommand = 2;

struct OptionInfo {
    std::string name;  // "--workers"
    std::string short_name;
    std::string section;  // the heading it is listed under in --help
    OptionKind kind = OptionKind::Flag;
    std::string metavar;  // "W"; empty for a flag
    // Integer and Real: the inclusive range. Integer and Real values outside are refused.
    std::uint64_t min = 0, max = 0;
    bool machine_max = false;            // the real maximum depends on the machine (max is the cap)
    std::string zero_means;              // "off", "none": 0 is accepted and means this
    std::string unit;                    // "seconds", "bytes": named after the range
    std::string default_value;           // as a user types it; "off" for a flag
    std::vector<std::string> values;     // Choice: the allowed values; Integer: words
                                         // accepted besides a number ("auto")
    BackendSet backends = kAllBackends;  // the backends that accept the option
    std::vector<BackendSet> value_backends;  // per value (Choice), when they differ
    std::string hint;                        // Text and Path: what a value is
    std::string help;                        // one or more lines
    std::vector<std::string> contradicts;    // the options it can be refused together with
    unsigned commands = kRunCommand | kSweepCommand;
    bool repeatable = false;
    // A sweep axis (core/config/sweep_axis_schema.h): the run option it varies, and at most how
    // many values its list may hold. Empty and 0 for every other option.
    std::string sweeps;
    std::size_t max_values = 0;
};

// Every option of run and sweep, in the order --help lists them.
const std::vector<OptionInfo>& option_schema();

// The option named name ("--size" or a short name "-q"), or nullptr.
const OptionInfo* find_option(std::string_view name);
// The option named name; the name must be in the schema (a programming error otherwise).
const OptionInfo& option_info(std::string_view name);

// Whether backend b accepts the option at all, and with the value given (Choice options).
bool accepts(const OptionInfo& o, Backend b);
bool accepts(const OptionInfo& o, std::string_view value, Backend b);
// The names of the backends in set, in the enum's order ("processes", "threads").
std::vector<std::string> backend_names(BackendSet set);

// The range in words, as refusals print it: "in 0 … 1000000000", "0 (off) or in 50 … 1000",
// "in 0 … 86400 seconds (0 = none)", "in 1 … 1000000000 or auto".
std::string range_text(const OptionInfo& o);
// What a value of the option must be, as the parser says it: "a whole number in 0 … 100",
// "fork, spawn or forkserver", "seconds in 0 … 86400 (0 = none)".
std::string value_text(const OptionInfo& o);
// Whether v is in the option's range (0 counts when zero_means is set).
bool in_range(const OptionInfo& o, std::uint64_t v);
bool in_range(const OptionInfo& o, double v);
// "NAME must be RANGE; got VALUE": the refusal of a value out of range.
std::string range_refusal(const OptionInfo& o, const std::string& got);

// "a, b or c".
std::string or_list(const std::vector<std::string>& words);

}  // namespace poolscope
