#include "core/engine/result_batch.h"

#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cstring>

#include "core/engine/worker_loop.h"

namespace poolscope {

namespace {

// The batch the signal handler sends, and whether it is being changed or sent right now (then
// the handler leaves it: what was written so far is all the engine gets).
ResultBatch* g_batch = nullptr;
int g_fd = -1;
const std::byte* g_data = nullptr;
volatile sig_atomic_t g_size = 0;
volatile sig_atomic_t g_busy = 0;

constexpr int kSignals[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGTERM};

void on_fatal_signal(int sig) {
    if (!g_busy && g_data && g_size > 0) write_all(g_fd, g_data, static_cast<std::size_t>(g_size));
    signal(sig, SIG_DFL);
    raise(sig);  // a fault re-raised on return too; a raised signal needs this
}

void publish(const Bytes& buf) {
    g_data = buf.data();
    g_size = static_cast<sig_atomic_t>(buf.size());
    std::atomic_signal_fence(std::memory_order_seq_cst);
}

}  // namespace

ResultBatch::~ResultBatch() {
    if (g_batch == this) {
        g_busy = 1;
        g_batch = nullptr;
        g_data = nullptr;
        g_size = 0;
    }
}

bool ResultBatch::due(int64_t now_ns) const {
    return frames_ >= limits_.frames || buf_.size() >= limits_.bytes ||
           now_ns - first_claimed_ns_ >= limits_.delay_ns;
}

bool ResultBatch::add(std::span<const std::byte> frame, int64_t claimed_ns, int64_t now_ns) {
    // Due on its own (large, or a long task): sent as it is, without a copy, after what is held.
    if (frame.size() >= limits_.bytes || (frames_ == 0 && now_ns - claimed_ns >= limits_.delay_ns))
        return flush() && write_all(fd_, frame.data(), frame.size());
    if (frames_ == 0) first_claimed_ns_ = claimed_ns;
    g_busy = 1;
    std::atomic_signal_fence(std::memory_order_seq_cst);
    buf_.insert(buf_.end(), frame.begin(), frame.end());
    ++frames_;
    if (g_batch == this) publish(buf_);
    std::atomic_signal_fence(std::memory_order_seq_cst);
    g_busy = 0;
    return due(now_ns) ? flush() : true;
}

bool ResultBatch::flush() {
    if (frames_ == 0) return true;
    g_busy = 1;
    std::atomic_signal_fence(std::memory_order_seq_cst);
    const bool ok = write_all(fd_, buf_.data(), buf_.size());
    buf_.clear();
    frames_ = 0;
    if (g_batch == this) publish(buf_);
    std::atomic_signal_fence(std::memory_order_seq_cst);
    g_busy = 0;
    return ok;
}

bool ResultBatch::sends_on(int sig) {
    struct sigaction now {};
    return sigaction(sig, nullptr, &now) == 0 && now.sa_handler == on_fatal_signal;
}

void ResultBatch::send_on_fatal_signals() {
    g_batch = this;
    g_fd = fd_;
    publish(buf_);
    g_busy = 0;
    struct sigaction sa {};
    sa.sa_handler = on_fatal_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESETHAND | SA_NODEFER;
    for (int sig : kSignals) {
        struct sigaction old {};
        // A signal the worker ignores (or handles) on purpose keeps its disposition.
        if (sigaction(sig, nullptr, &old) == 0 && old.sa_handler != SIG_DFL) continue;
        sigaction(sig, &sa, nullptr);
    }
}

}  // namespace poolscope
