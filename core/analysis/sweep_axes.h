// Sweep axes: the values a sweep tries for one option (`--workers 1..16`, `--chunksize
// 1..4096*4,auto`, `--dispatch map,imap_unordered`), the cartesian product of the axes (the
// sweep's points) and a seeded random order of those points, so that a slow drift of the
// machine (heat, another program) spreads over the points instead of faking a trend.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/config/run_config.h"
#include "core/config/sweep_axis_schema.h"

namespace poolscope {

// Whether a sweep can vary the option (--workers, --chunksize, --dispatch, --transport, --start,
// --pool: the axes of core/config/sweep_axis_schema.h but --param, which is written KEY=LIST).
bool is_sweep_axis_option(std::string_view option);

struct SweepAxis {
    std::string name;                 // as in a config's JSON: "workers", "chunksize", ...
    std::vector<std::string> values;  // canonical text: "4", "auto", "imap_unordered"
    bool operator==(const SweepAxis&) const = default;
};

// Parses one option's values: a comma-separated list whose items are single values or ranges, as
// the axis' entry in the sweep axis schema says. Numbers (--workers, --chunksize) take integer
// ranges A..B and geometric ranges A..B*K (A, A·K, A·K², ... up to B) and the entry's words
// (--chunksize: `auto`); the others take the run option's names. Repeated
// values are kept once, in their first place. Empty items, inverted ranges, steps below 2 and
// more than kMaxSweepPoints values are refused: nullopt on success, else one line naming the
// option.
std::optional<std::string> parse_sweep_axis(std::string_view option, std::string_view text,
                                            SweepAxis& out);

// One point: one value index per axis, in the axes' order.
using SweepPoint = std::vector<std::size_t>;

// The cartesian product of the axes (the first axis varies slowest); refused (one line) when it
// would hold more than kMaxSweepPoints points.
std::optional<std::string> sweep_points(const std::vector<SweepAxis>& axes,
                                        std::vector<SweepPoint>& out);

// A seeded Fisher–Yates shuffle (splitmix64): the same seed gives the same order everywhere.
void shuffle_points(std::vector<SweepPoint>& points, uint64_t seed);

// A workload parameter swept: `--param KEY=LIST`, LIST as for --workers ("1,10,100",
// "1..100000*10"). The axis is named KEY, its values are whole numbers ≥ 1; a value whose LIST
// holds neither ',' nor '..' is an ordinary --param KEY=VALUE.
bool is_param_axis_value(std::string_view key_and_list);
std::optional<std::string> parse_param_axis(std::string_view key_and_list, SweepAxis& out);
// A workload parameter's axis changes the serial run too, so a sweep over it measures one
// serial baseline per value; the pool's options (workers, chunksize, ...) do not.
bool axis_changes_serial(const std::string& axis);

// Sets one axis value on a config (the value as parse_sweep_axis wrote it).
void apply_axis_value(RunConfig& cfg, const std::string& axis, const std::string& value);

// The base config with every axis set to the point's values.
RunConfig point_config(const RunConfig& base, const std::vector<SweepAxis>& axes,
                       const SweepPoint& point);

}  // namespace poolscope
