// The loop every backend runs. Serial, threads, the pool and MPI each register, turn by turn, the
// descriptors they wait on (results, exits, task pipes, stop sources) with what to do when one is
// ready; one poll() waits on them all, for as long as one policy allows; and one policy decides
// when the observer hears of progress. The backends differ only in what they register and what
// they check between turns.
#pragma once

#include <poll.h>

#include <cstdint>
#include <functional>
#include <vector>

namespace poolscope {

class RunTelemetry;
struct RunContext;

// The longest a turn sleeps when nothing is due: no samples, an observer with no timing of its
// own and no deadline.
inline constexpr int kLongestWaitMs = 200;
// The longest a turn sleeps while something is watched by the clock rather than by a descriptor:
// --task-timeout, a fault plan's kill, a stop or kill in progress.
inline constexpr int kWatchdogWaitMs = 20;

class PollSet {
  public:
    using Handler = std::function<void(short revents)>;

    // A descriptor below 0 is skipped, so a closed channel needs no test at the call site.
    void add(int fd, short events, Handler on_ready);
    bool empty() const { return fds_.empty(); }
    // Waits at most timeout_ms, calls on_wake (when given) as soon as poll() returns, then runs
    // the handler of every ready descriptor in the order they were added, and forgets them all
    // (the next turn registers again). False when poll() failed for another reason than a
    // signal; the handlers did not run then.
    bool wait(int timeout_ms, const std::function<void()>& on_wake = {});

  private:
    std::vector<pollfd> fds_;
    std::vector<Handler> handlers_;
};

// How long one turn may sleep from now_ns: until the next telemetry sample, the observer's next
// tick or deadline_ns (0: none), whichever comes first; at most kLongestWaitMs, and at most
// kWatchdogWaitMs while `watchdog`.
int turn_timeout_ms(const RunContext& ctx, const RunTelemetry& tel, int64_t now_ns,
                    int64_t deadline_ns, bool watchdog);

// The end of a turn: progress, then the tick, when the observer is due (0) or has no timing of
// its own (-1). An event stream coalesces progress to its flushes anyway, so a fast loop does
// not pay two calls on every turn. True when they were sent.
bool report_turn(const RunContext& ctx, uint64_t items_done, uint64_t chunks_done,
                 uint64_t chunks_total, int64_t now_ns);
// After the loop, before on_run_end: the last figures, whatever the observer's timing skipped.
void report_final(const RunContext& ctx, uint64_t items_done, uint64_t chunks_done,
                  uint64_t chunks_total, int64_t now_ns);

}  // namespace poolscope
