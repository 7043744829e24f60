// The floors under the engine's start-up: a bare fork of N children that each write one byte
// (the least a forked worker can do to say "ready"), and a bare fork + exec of a binary that
// exits at once (the least a spawned worker costs: the exec, the dynamic loader, the exit).
#pragma once

#include <fcntl.h>
#include <unistd.h>

#include <optional>
#include <string>

#include "bench/child_set.h"
#include "core/engine/worker_loop.h"
#include "core/platform/clock.h"

namespace poolscope::bench {

// Seconds from before the first fork until all `children` bytes arrived; the children are
// reaped after the clock stops (the engine's start-up ends at the last Ready, too).
inline std::optional<double> raw_fork_ready(int children) {
    ChildSet kids;
    const int64_t t0 = monotonic_ns();
    int p[2];
    if (pipe2(p, O_CLOEXEC) != 0) return std::nullopt;
    for (int i = 0; i < children; ++i) {
        const pid_t pid = fork();
        if (pid == 0) {
            close(p[0]);
            const char byte = 'r';
            _exit(write_all(p[1], &byte, 1) ? 0 : 1);
        }
        if (pid < 0) break;
        kids.add(pid);
    }
    close(p[1]);
    char bytes[64];
    const std::size_t got = read_full(p[0], bytes, kids.size());
    const int64_t t1 = monotonic_ns();
    close(p[0]);
    const bool clean = kids.reap_all();
    if (!clean || got != static_cast<std::size_t>(children)) return std::nullopt;
    return ns_to_s(t1 - t0);
}

// Seconds from before the first fork until all `children` runs of `exe arg` (stdout to
// /dev/null) have exited and been reaped.
inline std::optional<double> raw_fork_exec(const std::string& exe, const char* arg, int children) {
    ChildSet kids;
    char* argv[] = {const_cast<char*>(exe.c_str()), const_cast<char*>(arg), nullptr};
    const int64_t t0 = monotonic_ns();
    for (int i = 0; i < children; ++i) {
        const pid_t pid = fork();
        if (pid == 0) {
            const int devnull = open("/dev/null", O_WRONLY);
            if (devnull < 0 || dup2(devnull, STDOUT_FILENO) < 0) _exit(126);
            execv(argv[0], argv);
            _exit(127);
        }
        if (pid < 0) return std::nullopt;
        kids.add(pid);
    }
    const bool clean = kids.reap_all();
    const int64_t t1 = monotonic_ns();
    if (!clean) return std::nullopt;
    return ns_to_s(t1 - t0);
}

}  // namespace poolscope::bench
