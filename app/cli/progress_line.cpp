#include "app/cli/progress_line.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>

#include "core/platform/clock.h"

namespace poolscope::cli {

namespace {

constexpr int kBarWidth = 20;
constexpr const char* kErase = "\r\033[K";

std::string clock_text(double s) {
    if (!(s >= 0)) s = 0;
    const auto t = static_cast<long long>(s);
    char buf[32];
    if (t >= 3600)
        std::snprintf(buf, sizeof buf, "%lld:%02lld:%02lld", t / 3600, t / 60 % 60, t % 60);
    else
        std::snprintf(buf, sizeof buf, "%lld:%02lld", t / 60, t % 60);
    return buf;
}

// Columns of the terminal on fd, 80 when it cannot say.
int columns(int fd) {
    winsize ws{};
    if (ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
    return 80;
}

// Cuts s to at most width columns, counting UTF-8 lead bytes as one column each.
std::string cut(const std::string& s, int width) {
    int cols = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
        if (++cols > width) return s.substr(0, i);
    }
    return s;
}

void write_all(int fd, const std::string& s) {
    std::size_t off = 0;
    while (off < s.size()) {
        const ssize_t n = ::write(fd, s.data() + off, s.size() - off);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return;  // a display, not an output: nothing to report
        off += static_cast<std::size_t>(n);
    }
}

}  // namespace

bool progress_wanted(ProgressMode mode, bool quiet, int fd) {
    if (quiet || mode == ProgressMode::Never) return false;
    return mode == ProgressMode::Always || isatty(fd) == 1;
}

ProgressLine::ProgressLine(RunObserver& next, int fd, bool enabled)
    : next_(next), fd_(fd), enabled_(enabled) {}

ProgressLine::~ProgressLine() {
    clear();
}

void ProgressLine::expect_runs(int runs, std::string prefix) {
    runs_expected_ = runs;
    runs_started_ = 0;
    prefix_ = std::move(prefix);
    series_start_ns_ = monotonic_ns();
}

void ProgressLine::clear() {
    if (!shown_) return;
    write_all(fd_, kErase);
    shown_ = false;
}

std::string ProgressLine::format(int64_t now_ns, int width) const {
    std::string line = prefix_;
    if (runs_expected_ > 1)
        line += "run " + std::to_string(std::min(runs_started_, runs_expected_)) + "/" +
                std::to_string(runs_expected_) + " ";
    char figures[64];
    std::snprintf(figures, sizeof figures, "%llu/%llu ", static_cast<unsigned long long>(done_),
                  static_cast<unsigned long long>(total_));
    line += figures;
    const double frac =
        total_ == 0 ? 0.0 : std::min(1.0, static_cast<double>(done_) / static_cast<double>(total_));
    const int filled = static_cast<int>(frac * kBarWidth);
    line += "[" + std::string(static_cast<std::size_t>(filled), '#') +
            std::string(static_cast<std::size_t>(kBarWidth - filled), '.') + "]";
    const double run_s = static_cast<double>(now_ns - run_start_ns_) / 1e9;
    const int64_t since = series_start_ns_ ? series_start_ns_ : run_start_ns_;
    line += " " + clock_text(static_cast<double>(now_ns - since) / 1e9);
    if (done_ > 0 && done_ < total_)
        line += " ETA " + clock_text(run_s / static_cast<double>(done_) *
                                     static_cast<double>(total_ - done_));
    // The label last: on a narrow terminal it is what gets cut.
    line += "  " + label_;
    return cut(line, std::max(1, width - 1));  // the last column would wrap on some terminals
}

void ProgressLine::draw(int64_t now_ns) {
    last_draw_ns_ = now_ns;
    write_all(fd_, kErase + format(now_ns, columns(fd_)));
    shown_ = true;
}

void ProgressLine::on_run_start(const std::string& run_id, const RunConfig& config,
                                const MachineInfo& machine, int64_t t_ns) {
    next_.on_run_start(run_id, config, machine, t_ns);
    ++runs_started_;
    label_ = config.workload + " " + describe(config);
    done_ = 0;
    total_ = config.size;
    run_start_ns_ = monotonic_ns();
    if (series_start_ns_ == 0) series_start_ns_ = run_start_ns_;
}

void ProgressLine::on_worker(const WorkerEvent& e) {
    next_.on_worker(e);
}

void ProgressLine::on_chunk(const std::string& run_id, const ChunkRecord& c) {
    next_.on_chunk(run_id, c);
}

void ProgressLine::on_progress(const ProgressEvent& p) {
    next_.on_progress(p);
    done_ = p.items_done;
    total_ = p.items_total;
}

void ProgressLine::on_sample(const std::string& run_id, const Sample& s) {
    next_.on_sample(run_id, s);
}

void ProgressLine::on_error(const std::string& run_id, const RunError& e, int64_t t_ns) {
    next_.on_error(run_id, e, t_ns);
}

void ProgressLine::on_run_end(const RunResult& r) {
    next_.on_run_end(r);
}

void ProgressLine::on_tick(int64_t now_ns) {
    next_.on_tick(now_ns);
    if (enabled_ && now_ns - last_draw_ns_ >= kRedrawNs) draw(now_ns);
}

int ProgressLine::ms_until_tick(int64_t now_ns) const {
    const int theirs = next_.ms_until_tick(now_ns);
    if (!enabled_) return theirs;
    const int64_t due_ns = last_draw_ns_ + kRedrawNs - now_ns;
    const int ours = due_ns <= 0 ? 0 : static_cast<int>((due_ns + 999'999) / 1'000'000);
    return theirs < 0 ? ours : std::min(theirs, ours);
}

}  // namespace poolscope::cli
