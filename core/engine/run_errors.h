// Where a runner's errors go. Every error reaches the observer (an `error` event) when it
// happens and the result's list; of the items that fail, the first kMaxReportedItemErrors of a
// run are listed one by one and the rest only counted (items_failed), in every backend alike.
#pragma once

#include <cstdint>
#include <utility>

#include "core/engine/run_context.h"
#include "core/platform/clock.h"

namespace poolscope {

inline constexpr uint64_t kMaxReportedItemErrors = 100;

// One error, now: an `error` event and the result's list.
inline void report_error(const RunContext& ctx, RunResult& result, RunError e) {
    ctx.observer->on_error(ctx.run_id, e, monotonic_ns());
    result.errors.push_back(std::move(e));
}

class ErrorSink {
  public:
    ErrorSink(const RunContext& ctx, RunResult& result) : ctx_(ctx), result_(result) {}

    void add(RunError e) { report_error(ctx_, result_, std::move(e)); }
    // One failed item (code item_failed): listed while fewer than the cap have been.
    void item_failed(RunError e) {
        if (item_errors_++ < kMaxReportedItemErrors) add(std::move(e));
    }

  private:
    const RunContext& ctx_;
    RunResult& result_;
    uint64_t item_errors_ = 0;
};

}  // namespace poolscope
