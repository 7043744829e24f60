// Run comparison, as values (no Qt): what differs between two runs' configurations
// ("chunksize": "1" → "auto (125)") and how their figures moved (wall, the breakdown's parts,
// peak PSS, mean CPU, bytes moved), each with its relative change. The views put them into
// words through tr() ("chunksize 1 → auto (125)", "wall −63 %"); tests check the numbers.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/engine/run_result.h"

namespace poolscope::ui {

struct ConfigChange {
    std::string key;  // the CLI's name: "chunksize", "workers", "param rows"
    std::string from;
    std::string to;
    bool operator==(const ConfigChange&) const = default;
};

enum class Figure {
    Wall,
    Startup,  // the breakdown's parts, in worker-seconds
    Serialization,
    Transfer,
    Compute,
    Teardown,
    Idle,
    PeakPss,     // bytes
    MeanCpu,     // 0..1 of the machine
    BytesMoved,  // to and from the workers
};
inline constexpr int kFigureCount = 10;

struct FigureChange {
    Figure figure = Figure::Wall;
    double from = 0;
    double to = 0;
    std::optional<double> relative;  // (to − from) / from; absent when from is 0
};

// The knobs of two configurations in the order a user reads a run's settings ("param KEY" for
// the workload's parameters of either), and one knob's value as text (chunksize resolved:
// "auto (125)").
std::vector<std::string> config_keys(const RunConfig& a, const RunConfig& b);
std::string config_value(const RunConfig& c, std::string_view key);
// Every configuration knob whose value differs, in the order a user reads a run's settings.
std::vector<ConfigChange> config_changes(const RunConfig& from, const RunConfig& to);
// The figures both runs have (memory and CPU only where both were sampled).
std::vector<FigureChange> figure_changes(const RunResult& from, const RunResult& to);
// A figure of one run, when it has one (the table of a comparison).
std::optional<double> figure_value(const RunResult& r, Figure figure);

}  // namespace poolscope::ui
