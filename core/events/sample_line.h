// A whole "sample" line read straight from its text (JsonScan), as the tree parser and
// sample_from_json read it: the run it names and the Sample. Nothing when the line is not in the
// writer's plain shape or a value is refused; the tree parser then reads it (and words the
// error). Samples come ten times a second with one object per process, the most common line of
// a live stream after the chunk batches.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/telemetry/run_telemetry.h"

namespace poolscope {

struct SampleLine {
    std::string run_id;
    Sample sample;
};

std::optional<SampleLine> sample_from_text(std::string_view line, int64_t origin_ns);

}  // namespace poolscope
