// The floor under the engine's per-task cost: the same message exchange with nothing else. A
// parent forks `children` children, each on its own pipe pair; each child reads task-sized
// messages and answers each with a result-sized one, and the parent keeps up to `in_flight`
// messages outstanding per child, as the engine does. No framing, checksums, stamps, chunk
// records or hashing: only fork, pipes, poll and the bytes.
#pragma once

#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <unistd.h>

#include <cstdint>
#include <optional>
#include <vector>

#include "bench/child_set.h"
#include "core/engine/worker_loop.h"
#include "core/platform/clock.h"

namespace poolscope::bench {

struct ExchangeShape {
    int children = 2;
    std::size_t in_flight = 2;
    std::size_t task_bytes = 0;
    std::size_t result_bytes = 0;
    std::vector<int> pin_cpus;  // child i on pin_cpus[i mod size] (as `--pin`); empty: free
};

namespace raw_exchange_detail {

struct Channel {
    int task_fd = -1;
    int result_fd = -1;
    std::size_t in_flight = 0;
    uint64_t result_bytes_read = 0;
};

[[noreturn]] inline void answer_tasks(int task_fd, int result_fd, const ExchangeShape& shape) {
    std::vector<std::byte> task(shape.task_bytes);
    const std::vector<std::byte> result(shape.result_bytes, std::byte{0x5a});
    while (read_full(task_fd, task.data(), task.size()) == task.size())
        if (!write_all(result_fd, result.data(), result.size())) break;
    _exit(0);
}

// Forks one child on a new pipe pair; the child keeps only its own two ends.
inline bool start_child(std::vector<Channel>& channels, ChildSet& kids, const ExchangeShape& s) {
    int t[2], r[2];
    if (pipe2(t, O_CLOEXEC) != 0) return false;
    if (pipe2(r, O_CLOEXEC) != 0) {
        close(t[0]), close(t[1]);
        return false;
    }
    const pid_t pid = fork();
    if (pid == 0) {
        if (!s.pin_cpus.empty()) {
            cpu_set_t set;
            CPU_ZERO(&set);
            CPU_SET(s.pin_cpus[channels.size() % s.pin_cpus.size()], &set);
            if (sched_setaffinity(0, sizeof set, &set) != 0) _exit(1);
        }
        for (const Channel& c : channels) close(c.task_fd), close(c.result_fd);
        close(t[1]), close(r[0]);
        answer_tasks(t[0], r[1], s);
    }
    close(t[0]), close(r[1]);
    if (pid < 0) {
        close(t[1]), close(r[0]);
        return false;
    }
    kids.add(pid);
    fcntl(r[0], F_SETFL, O_NONBLOCK);
    channels.push_back({t[1], r[0], 0, 0});
    return true;
}

// One read of what is there (poll said it is readable); returns how many whole answers arrived.
inline uint64_t read_answers(Channel& c, std::size_t result_bytes) {
    std::byte buf[65536];
    const uint64_t before = c.result_bytes_read / result_bytes;
    const ssize_t n = read(c.result_fd, buf, sizeof buf);
    if (n > 0) c.result_bytes_read += static_cast<uint64_t>(n);
    return c.result_bytes_read / result_bytes - before;
}

}  // namespace raw_exchange_detail

// Seconds from the first fork until `n` answers arrived and every child is reaped (the span a
// cold pool's wall covers); nullopt when a fork, a pipe or a child failed.
inline std::optional<double> run_raw_exchange(uint64_t n, const ExchangeShape& shape) {
    using namespace raw_exchange_detail;
    const std::vector<std::byte> task(shape.task_bytes, std::byte{0x17});
    ChildSet kids;
    std::vector<Channel> channels;
    const int64_t t0 = monotonic_ns();
    for (int i = 0; i < shape.children; ++i) {
        if (start_child(channels, kids, shape)) continue;
        for (Channel& c : channels) close(c.task_fd), close(c.result_fd);
        return std::nullopt;  // `kids` kills and reaps the ones already started
    }
    uint64_t sent = 0, answered = 0;
    std::vector<std::byte> batch;
    auto top_up = [&](Channel& c) {  // like the engine: the queued messages in one write()
        batch.clear();
        for (; c.in_flight < shape.in_flight && sent < n; ++c.in_flight, ++sent)
            batch.insert(batch.end(), task.begin(), task.end());
        return batch.empty() || write_all(c.task_fd, batch.data(), batch.size());
    };
    bool ok = true;
    for (Channel& c : channels) ok = ok && top_up(c);
    std::vector<pollfd> fds;
    for (const Channel& c : channels) fds.push_back({c.result_fd, POLLIN, 0});
    while (ok && answered < n) {
        if (poll(fds.data(), fds.size(), 1000) <= 0) ok = false;
        for (std::size_t i = 0; ok && i < fds.size(); ++i) {
            if (!fds[i].revents) continue;
            const uint64_t got = read_answers(channels[i], shape.result_bytes);
            if (got == 0 && (fds[i].revents & (POLLHUP | POLLERR))) ok = false;
            channels[i].in_flight -= got;
            answered += got;
            ok = ok && top_up(channels[i]);
        }
    }
    for (Channel& c : channels) close(c.task_fd);  // end of file: the children leave
    ok = kids.reap_all() && ok;
    const int64_t t1 = monotonic_ns();
    for (Channel& c : channels) close(c.result_fd);
    if (!ok) return std::nullopt;
    return ns_to_s(t1 - t0);
}

}  // namespace poolscope::bench
