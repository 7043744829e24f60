#include "core/engine/worker_launcher.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <vector>

#include "core/engine/worker_loop.h"

namespace poolscope {

namespace {

// --pin: worker i on usable core i mod cores (-1 without --pin).
int pin_cpu_for(const RunContext& ctx, int index) {
    const auto& cpus = ctx.machine.affinity_cpus;
    if (!ctx.config.pin || cpus.empty()) return -1;
    const std::size_t usable =
        std::min(cpus.size(), static_cast<std::size_t>(std::max(1, ctx.machine.usable_cores)));
    return cpus[static_cast<std::size_t>(index) % usable];
}

std::optional<std::string> fork_worker(const RunContext& ctx, int index, ChildPipes& p, pid_t& pid,
                                       const SharedSegment* shm) {
    const pid_t parent = getpid();
    pid = fork_child();
    if (pid < 0) return std::string("cannot fork a worker: ") + strerror(errno);
    if (pid == 0) {
        setup_forked_child(p, parent);
        WorkerOptions opt;
        opt.index = index;
        opt.parent = parent;
        opt.max_frame = ctx.config.max_frame;
        opt.lib_threads = ctx.config.lib_threads;
        opt.faults = ctx.faults;
        opt.pin_cpu = pin_cpu_for(ctx, index);
        if (shm) {
            opt.shm_inputs = shm->inputs(), opt.shm_outputs = shm->outputs();
            opt.board = shm->board();
        }
        worker_main(*ctx.workload, opt);
    }
    return std::nullopt;
}

std::vector<std::string> spawn_args(const RunContext& ctx, int index, pid_t parent,
                                    const SharedSegment* shm) {
    std::vector<std::string> a{ctx.worker_exe, "worker", "--workload", ctx.config.workload};
    for (const auto& [k, v] : ctx.workload->resolved_params())
        a.insert(a.end(), {"--param", k + "=" + v});
    a.insert(a.end(), {"--size", std::to_string(ctx.config.size), "--index", std::to_string(index),
                       "--parent", std::to_string(parent), "--max-frame",
                       std::to_string(ctx.config.max_frame), "--lib-threads",
                       std::to_string(ctx.config.lib_threads)});
    for (const auto& f : ctx.config.inject) a.insert(a.end(), {"--inject", f});
    if (shm)
        a.insert(a.end(), {"--shm-inputs", std::to_string(shm->input_bytes()), "--shm-outputs",
                           std::to_string(shm->output_bytes())});
    if (shm && shm->board_bytes() > 0)
        a.insert(a.end(), {"--board-bytes", std::to_string(shm->board_bytes())});
    if (const int cpu = pin_cpu_for(ctx, index); cpu >= 0)
        a.insert(a.end(), {"--cpu", std::to_string(cpu)});
    return a;
}

// fork + exec of `poolscope-cli worker`: the child keeps only its two pipe ends (3 and 4).
std::optional<std::string> spawn_worker(const RunContext& ctx, int index, ChildPipes& p, pid_t& pid,
                                        const SharedSegment* shm) {
    const pid_t parent = getpid();
    const auto args = spawn_args(ctx, index, parent, shm);
    std::vector<char*> argv;
    for (const auto& s : args) argv.push_back(const_cast<char*>(s.c_str()));
    argv.push_back(nullptr);
    pid = fork_child();
    if (pid < 0) return std::string("cannot fork a worker: ") + strerror(errno);
    if (pid == 0) {
        setup_forked_child(p, parent, shm ? shm->fd() : -1);
        execv(argv[0], argv.data());
        _exit(127);
    }
    return std::nullopt;
}

}  // namespace

std::optional<std::string> launch_worker(const RunContext& ctx, int index, LaunchedWorker& out,
                                         const SharedSegment* shm, int shared_task_read) {
    ChildPipes p;
    const bool shared = shared_task_read >= 0;
    // Tasks come from the shared pipe: this worker needs no pipe of its own for them.
    if (auto e = make_child_pipes(p, !shared)) return e;
    if (shared) p.task_read = shared_task_read;
    pid_t pid = -1;
    std::optional<std::string> err;
    if (ctx.config.start == StartMethod::Fork)
        err = fork_worker(ctx, index, p, pid, shm);
    else
        err = spawn_worker(ctx, index, p, pid, shm);
    if (shared) p.task_read = -1;  // the engine's to keep for the next worker
    if (err) {
        close_child_pipes(p);
        return err;
    }
    const int pidfd = open_pidfd(pid);
    if (pidfd < 0) {
        const int e = errno;
        kill(pid, SIGKILL);
        close_child_pipes(p);
        // Without a pidfd we cannot reap it selectively; reap it by pid here.
        int status;
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
        return std::string("cannot open a pidfd for a worker: ") + strerror(e);
    }
    close_fd(p.task_read);
    close_fd(p.result_write);
    out = {pid, pidfd, p.task_write, p.result_read};
    return std::nullopt;
}

}  // namespace poolscope
