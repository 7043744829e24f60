#include "core/engine/threads_host.h"

#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>
#include <mutex>
#include <new>
#include <string>
#include <system_error>
#include <thread>

#include "core/engine/child_process.h"
#include "core/engine/worker_loop.h"
#include "core/platform/clock.h"
#include "core/protocol/messages.h"

namespace poolscope {

namespace {

struct Host {
    const RunContext* ctx;
    const std::vector<ChunkSpec>* plan;
    std::atomic<uint64_t> next{0};
    std::mutex write_mutex;  // one frame at a time on the shared pipe
    std::mutex item_lock;    // --global-lock
};

void send(Host& h, const Bytes& frame) {
    std::lock_guard<std::mutex> held(h.write_mutex);
    if (!write_all(kWorkerResultFd, frame.data(), frame.size())) _exit(0);
}

// The next chunk for thread i: its own block (static) or the next one in the shared queue.
bool take(Host& h, int i, bool& took_own, uint64_t& id) {
    if (h.ctx->config.dispatch == Dispatch::Static) {
        if (took_own || static_cast<std::size_t>(i) >= h.plan->size()) return false;
        took_own = true;
        id = static_cast<uint64_t>(i);
        return true;
    }
    id = h.next.fetch_add(1);
    return id < h.plan->size();
}

void thread_main(Host& h, int i) {
    Workload& wl = *h.ctx->workload;
    WorkerOptions opt;
    opt.index = i;
    opt.faults = h.ctx->faults;
    opt.item_lock = h.ctx->config.global_lock ? &h.item_lock : nullptr;
    Bytes frame, inputs;
    append_ready(frame, {static_cast<int64_t>(syscall(SYS_gettid)), monotonic_ns(), i});
    send(h, frame);
    bool took_own = false;
    uint64_t id = 0;
    const uint64_t inb = wl.input_bytes();
    while (take(h, i, took_own, id)) {
        const ChunkSpec& c = (*h.plan)[id];
        const int64_t t = monotonic_ns();
        frame.clear();
        append_started(frame, {i, id, t});
        send(h, frame);
        // The thread reads its inputs from the prepared data it shares with the others.
        inputs.resize(c.count * inb);
        for (uint64_t k = 0; k < c.count; ++k)
            wl.read_input(c.first + k, {inputs.data() + k * inb, inb});
        run_task(wl, opt, {id, c.first, c.count, t, 1}, {inputs, nullptr}, t, t, frame);
        send(h, frame);
    }
}

// The host cannot go on (a thread could not start, memory ran out): the engine gets the reason
// as a fatal frame, ends the run as failed and keeps what finished.
[[noreturn]] void host_failed(Host& h, const std::string& why) {
    Bytes out;
    append_fatal(out, why);
    send(h, out);
    _exit(4);
}

void thread_guarded(Host& h, int i) {
    try {
        thread_main(h, i);
    } catch (const std::bad_alloc&) {
        host_failed(h, "out of memory in thread " + std::to_string(i) + " (std::bad_alloc)");
    }
}

}  // namespace

[[noreturn]] void threads_host_main(const RunContext& ctx, const std::vector<ChunkSpec>& plan) {
    ctx.workload->enter_worker(ctx.config.lib_threads);
    Host h{&ctx, &plan, {}, {}, {}};
    std::vector<std::thread> threads;
    threads.reserve(static_cast<std::size_t>(ctx.config.workers));
    for (int i = 0; i < ctx.config.workers; ++i) {
        try {
            threads.emplace_back(thread_guarded, std::ref(h), i);
        } catch (const std::system_error& e) {
            // A thread limit (ulimit -u, pids.max) or no memory for a stack.
            host_failed(h, "cannot start thread " + std::to_string(i + 1) + " of " +
                               std::to_string(ctx.config.workers) + ": " + e.code().message() +
                               " (a thread or memory limit)");
        }
    }
    for (auto& t : threads) t.join();
    _exit(0);
}

}  // namespace poolscope
