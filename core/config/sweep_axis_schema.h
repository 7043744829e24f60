// The axes of `poolscope-cli sweep`: the run options a sweep can vary, each written as a list
// (`--workers 1..16`, `--chunksize 1..4096*4,auto`, `--dispatch map,imap`, `--param
// item_us=1,10,100`). One entry per axis, of the option schema's own type (OptionInfo): its
// name and metavar, the kind of its items (Integer: whole numbers in [min, max], ranges A..B and
// A..B*K, and the words in `values`; Choice: the run option's `values`), the run option it
// varies (`sweeps`), at most how many values (`max_values`), its default (the run option's) and
// its help line. The axis parser (core/analysis/sweep_axes.h), `sweep --help`, the sweep
// parser, `list --json` and a test of docs/cli.md's sweep table all read it from here.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/config/option_schema.h"

namespace poolscope {

// At most this many points in a sweep (the product of the axes' sizes), and so on any one axis.
inline constexpr std::size_t kMaxSweepPoints = 10'000;
// The order of the points when no --seed is given.
inline constexpr uint64_t kDefaultSweepSeed = 15;
// The largest number an axis' item may hold (each point's value is then checked as run's).
inline constexpr uint64_t kMaxAxisNumber = 1'000'000'000;

// Every axis, in the order `sweep --help` lists them; `--param KEY=LIST` last.
const std::vector<OptionInfo>& sweep_axis_schema();

// The axis named name ("--workers", "--param"), or nullptr.
const OptionInfo* find_sweep_axis(std::string_view name);

// What an axis' list must hold, as a refusal says it: "a comma-separated list of whole numbers
// in 1 … 1000000000 or auto, or ranges A..B or A..B*K", "a comma-separated list of pipe or shm".
std::string axis_list_text(const OptionInfo& axis);

// The options only a sweep takes (--seed, --csv), from the option schema, in its order.
std::vector<const OptionInfo*> sweep_only_options();

}  // namespace poolscope
