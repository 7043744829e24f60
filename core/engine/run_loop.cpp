#include "core/engine/run_loop.h"

#include <algorithm>
#include <cerrno>

#include "core/engine/run_context.h"
#include "core/engine/run_observer.h"
#include "core/telemetry/run_telemetry.h"

namespace poolscope {

void PollSet::add(int fd, short events, Handler on_ready) {
    if (fd < 0) return;
    fds_.push_back({fd, events, 0});
    handlers_.push_back(std::move(on_ready));
}

bool PollSet::wait(int timeout_ms, const std::function<void()>& on_wake) {
    const int r = poll(fds_.data(), fds_.size(), timeout_ms);
    if (on_wake) on_wake();
    const bool failed = r < 0 && errno != EINTR;
    for (std::size_t i = 0; r > 0 && i < fds_.size(); ++i)
        if (fds_[i].revents) handlers_[i](fds_[i].revents);
    fds_.clear();
    handlers_.clear();
    return !failed;
}

int turn_timeout_ms(const RunContext& ctx, const RunTelemetry& tel, int64_t now_ns,
                    int64_t deadline_ns, bool watchdog) {
    int64_t t = watchdog ? kWatchdogWaitMs : kLongestWaitMs;
    if (const int due = tel.ms_until_due(now_ns); due >= 0) t = std::min<int64_t>(t, due);
    if (const int tick = ctx.observer->ms_until_tick(now_ns); tick >= 0)
        t = std::min<int64_t>(t, tick);
    if (deadline_ns > 0)  // rounded up: waking a little late is fine, early is a wasted turn
        t = std::min<int64_t>(t, std::max<int64_t>(0, (deadline_ns - now_ns) / 1'000'000 + 1));
    return static_cast<int>(std::max<int64_t>(t, 0));
}

bool report_turn(const RunContext& ctx, uint64_t items_done, uint64_t chunks_done,
                 uint64_t chunks_total, int64_t now_ns) {
    if (ctx.observer->ms_until_tick(now_ns) > 0) return false;
    ctx.observer->on_progress(
        {ctx.run_id, items_done, ctx.config.size, chunks_done, chunks_total, now_ns});
    ctx.observer->on_tick(now_ns);
    return true;
}

void report_final(const RunContext& ctx, uint64_t items_done, uint64_t chunks_done,
                  uint64_t chunks_total, int64_t now_ns) {
    ctx.observer->on_progress(
        {ctx.run_id, items_done, ctx.config.size, chunks_done, chunks_total, now_ns});
}

}  // namespace poolscope
