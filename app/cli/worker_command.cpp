// `poolscope-cli worker`: the hidden entry point of a spawn-started worker. It is executed
// afresh with its pipes on fds 3 and 4, rebuilds the workload from the resolved parameters on
// its command line (the cost Python's spawn pays to re-import), checks its parent, and serves
// tasks exactly as a fork worker does.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>

#include "app/cli/commands.h"
#include "core/engine/child_process.h"
#include "core/engine/shared_segment.h"
#include "core/engine/worker_loop.h"
#include "core/workloads/workload_registry.h"

namespace poolscope::cli {

namespace {

struct WorkerArgs {
    std::string workload;
    ParamMap params;
    uint64_t size = 0;
    WorkerOptions opt;
    std::vector<std::string> inject;
    bool shm = false;
    uint64_t shm_inputs = 0, shm_outputs = 0, board_bytes = 0;
};

bool parse_worker_args(const Args& args, WorkerArgs& w) {
    for (std::size_t i = 0; i + 1 < args.size(); i += 2) {
        const std::string& k = args[i];
        const std::string& v = args[i + 1];
        if (k == "--workload")
            w.workload = v;
        else if (k == "--param") {
            const auto eq = v.find('=');
            if (eq == std::string::npos) return false;
            w.params[v.substr(0, eq)] = v.substr(eq + 1);
        } else if (k == "--size")
            w.size = std::strtoull(v.c_str(), nullptr, 10);
        else if (k == "--index")
            w.opt.index = std::atoi(v.c_str());
        else if (k == "--parent")
            w.opt.parent = static_cast<pid_t>(std::atol(v.c_str()));
        else if (k == "--max-frame")
            w.opt.max_frame = std::strtoull(v.c_str(), nullptr, 10);
        else if (k == "--lib-threads")
            w.opt.lib_threads = std::atoi(v.c_str());
        else if (k == "--inject")
            w.inject.push_back(v);
        else if (k == "--cpu")
            w.opt.pin_cpu = std::atoi(v.c_str());
        else if (k == "--shm-inputs")
            w.shm_inputs = std::strtoull(v.c_str(), nullptr, 10), w.shm = true;
        else if (k == "--shm-outputs")
            w.shm_outputs = std::strtoull(v.c_str(), nullptr, 10), w.shm = true;
        else if (k == "--board-bytes")
            w.board_bytes = std::strtoull(v.c_str(), nullptr, 10), w.shm = true;
        else
            return false;
    }
    return args.size() % 2 == 0 && !w.workload.empty() && w.opt.parent > 0;
}

}  // namespace

int worker_command(const Args& args) {
    WorkerArgs w;
    if (!parse_worker_args(args, w)) {
        std::fprintf(stderr, "poolscope-cli worker: internal entry point of spawned workers\n");
        return 2;
    }
    die_with_parent(w.opt.parent);
    if (auto e = parse_fault_plan(w.inject, w.opt.faults)) {
        std::fprintf(stderr, "poolscope-cli worker: %s\n", e->c_str());
        _exit(2);
    }
    auto wl = make_workload(w.workload);
    if (!wl) _exit(2);
    if (auto e = wl->configure(w.params, w.size)) {
        std::fprintf(stderr, "poolscope-cli worker: %s\n", e->c_str());
        _exit(2);
    }
    SharedSegment seg;  // lives until _exit
    if (w.shm) {
        if (auto e = seg.attach(kWorkerShmFd, w.shm_inputs, w.shm_outputs, w.board_bytes)) {
            std::fprintf(stderr, "poolscope-cli worker: %s\n", e->c_str());
            _exit(2);
        }
        w.opt.shm_inputs = seg.inputs();
        w.opt.shm_outputs = seg.outputs();
        w.opt.board = seg.board();
    }
    worker_main(*wl, w.opt);
}

}  // namespace poolscope::cli
