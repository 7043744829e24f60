// What a sweep's curve says along one axis, for the lessons that check it: whether the best
// chunksize lies inside the range tried (the U-curve), where the article's rule T > 10·C starts
// to hold as the item time grows, and how the speedup flattens once the workers pass the cores.
// Each reads the slice of points through the sweep's best point (sweep_slice), ordered by the
// axis's number, so a second axis (dispatch, say) does not mix its curves into one.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/analysis/scaling_fit.h"

namespace poolscope {

// The article's rule: the pool pays only when the task time T exceeds 10 × the overhead C.
inline constexpr double kWorthItRatio = 10;

// The complete points along `axis` through point `through`, by the axis's number (workers,
// the effective chunksize, else the value read as a number); empty when the axis is not swept.
std::vector<std::size_t> slice_by_value(const std::vector<std::string>& axes,
                                        const std::vector<SweepPointFigures>& points,
                                        std::size_t through, const std::string& axis);

struct UCurve {
    std::size_t best = 0;        // the lowest median wall on the slice
    std::size_t first = 0;       // the smallest value tried
    std::size_t last = 0;        // the largest
    double first_over_best = 0;  // median walls: the smallest value's over the best's
    double last_over_best = 0;
    bool inside() const { return best != first && best != last; }
};
// Along `axis` (chunksize for the lesson); nullopt with fewer than 3 values.
std::optional<UCurve> u_curve(const std::vector<std::string>& axes,
                              const std::vector<SweepPointFigures>& points, std::size_t through,
                              const std::string& axis);

struct RuleCrossing {
    std::vector<std::size_t> slice;  // by the axis's value, ascending
    double first_ratio = 0;          // T / C at the smallest value
    double last_ratio = 0;           // at the largest
    // The two neighbouring values between which T / C passes kWorthItRatio upwards (the last
    // such pair), when it does.
    std::optional<std::size_t> below, above;
};
// Along `axis` (a workload parameter such as item_us); nullopt with fewer than 2 values.
std::optional<RuleCrossing> rule_crossing(const std::vector<std::string>& axes,
                                          const std::vector<SweepPointFigures>& points,
                                          std::size_t through, const std::string& axis);

// The first swept workload parameter (an axis that changes the serial run), or "".
std::string parameter_axis(const std::vector<std::string>& axes);

struct WorkerScaling {
    double at_one = 0;    // speedup at 1 worker
    double at_cores = 0;  // at the usable cores (the largest W ≤ cores)
    double at_most = 0;   // at the most workers tried
    int most_workers = 0;
};
// Along the workers axis through `through`; nullopt when 1 worker or the cores were not tried.
std::optional<WorkerScaling> worker_scaling(const std::vector<std::string>& axes,
                                            const std::vector<SweepPointFigures>& points,
                                            std::size_t through, int usable_cores);

}  // namespace poolscope
