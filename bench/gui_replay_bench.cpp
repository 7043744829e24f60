// gui_replay_bench: does the GUI keep up with a big run without freezing or disturbing it?
// A 10^6-task, 16-worker stream with full samples for 16 cores (bench/gui_stream_synth.h,
// written by the engine's own writer) is fed into the real window (offscreen) through the
// same StreamFeed the engine client uses: once at its recorded pace (as a live run arrives)
// and once as fast as possible (opening a recording). Meanwhile a 10 ms timer on the GUI
// thread measures how late each tick comes: the longest stalls a user would feel.
// Reported: tick gaps p50/p99/max, redraws per second, the GUI's CPU per second of run (% of
// one core) and peak memory; then one hour of samples at 10 Hz, for the memory bound.
//
// usage: gui_replay_bench [--seconds S] [--tasks N] [--workers W] [--cores C] [--skip-hour]
#include <sys/resource.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <utility>
#include <vector>

#include "gui_stream_synth.h"
#include "ui/main_window.h"
#include "ui/session_model.h"
#include "ui/stream_feed.h"

using namespace poolscope;
using namespace poolscope::ui;

namespace {

double cpuSeconds() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

long statusKiB(const char* key) {
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly)) return -1;
    for (const QByteArray& line : f.readAll().split('\n'))
        if (line.startsWith(key))
            return line.mid(qstrlen(key)).trimmed().split(' ').value(0).toLong();
    return -1;
}

// Reads a stream file a line at a time, with each line's "t" (when it was written), so the
// benchmark holds no copy of the stream: what it measures is the window's memory alone.
class LineReader {
  public:
    explicit LineReader(const QString& path) : file_(path) { file_.open(QIODevice::ReadOnly); }
    bool atEnd() const { return pending_.isEmpty() && file_.atEnd(); }
    // The next line's t (the last one seen when the line has none), or -1 at the end.
    double peekT() {
        if (pending_.isEmpty() && !file_.atEnd()) {
            pending_ = file_.readLine();
            const qsizetype at = pending_.indexOf("\"t\":");
            if (at >= 0) t_ = std::max(t_, pending_.mid(at + 4, 24).split(',').value(0).toDouble());
        }
        return pending_.isEmpty() ? -1 : t_;
    }
    QByteArray take() { return std::exchange(pending_, QByteArray()); }
    QByteArray readBlock(qint64 bytes) {
        QByteArray out = take();
        return out + file_.read(bytes);
    }
    qint64 lines() {
        qint64 n = 0;
        file_.seek(0);
        while (!file_.atEnd()) n += file_.readLine().isEmpty() ? 0 : 1;
        file_.seek(0);
        return n;
    }

  private:
    QFile file_;
    QByteArray pending_;
    double t_ = 0;
};

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<std::size_t>(p * double(v.size() - 1) + 0.5))];
}

struct Figures {
    double wall_s = 0, p50_ms = 0, p99_ms = 0, max_ms = 0, redraws_per_s = 0, cpu_pct = 0;
    long peak_kib = 0;
};

// Feeds the stream into a fresh window; recorded pace when `paced`, else 4 MiB per turn.
Figures replay(const QString& path, double runSeconds, bool paced) {
    LineReader reader(path);
    MainWindow window;
    window.resize(1366, 768);
    window.show();
    window.session().beginRequest(QStringLiteral("Replay"), {}, 1);
    QElapsedTimer clock;
    std::vector<double> gaps;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(10);
    qint64 last = -1;
    QObject::connect(&probe, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        if (last >= 0) gaps.push_back(double(now - last) / 1e6);
        last = now;
    });
    QTimer feeder;
    feeder.setInterval(paced ? 5 : 0);
    // The window takes what the feed parsed into its session, as with a live engine.
    QObject::connect(&feeder, &QTimer::timeout, [&] {
        const double now = double(clock.nsecsElapsed()) / 1e9;
        QByteArray chunk;
        if (paced) {
            while (!reader.atEnd() && reader.peekT() >= 0 && reader.peekT() <= now)
                chunk += reader.take();
        } else if (window.client().feed().caughtUp()) {  // a pipe's back-pressure: read on
            chunk = reader.readBlock(4 << 20);       // when the last block was parsed
        }
        if (!chunk.isEmpty()) window.client().feed().feed(chunk);
        if (reader.atEnd()) {
            feeder.stop();
            window.client().feed().finish();  // the source ended: the rest is parsed now
        }
    });
    const int redrawsBefore = window.redrawCount();
    const double cpuBefore = cpuSeconds();
    clock.start();
    probe.start();
    feeder.start();
    while (!reader.atEnd() || !window.client().feed().caughtUp())
        QApplication::processEvents(QEventLoop::WaitForMoreEvents);
    // One more redraw period so the last data is drawn.
    QElapsedTimer settle;
    settle.start();
    while (settle.elapsed() < 150) QApplication::processEvents(QEventLoop::WaitForMoreEvents);
    Figures f;
    f.wall_s = double(clock.nsecsElapsed()) / 1e9;
    f.p50_ms = percentile(gaps, 0.5);
    f.p99_ms = percentile(gaps, 0.99);
    f.max_ms = gaps.empty() ? 0 : *std::max_element(gaps.begin(), gaps.end());
    f.redraws_per_s = (window.redrawCount() - redrawsBefore) / f.wall_s;
    f.cpu_pct = 100 * (cpuSeconds() - cpuBefore) / (paced ? runSeconds : f.wall_s);
    f.peak_kib = statusKiB("VmHWM:");
    const auto* r = window.session().current();
    if (!r || r->runs.empty() || !r->runs[0].result)
        std::fprintf(stderr, "warning: the replayed run did not end in the window\n");
    return f;
}

void print(const char* name, const Figures& f, bool paced) {
    std::printf(
        "%-22s %8.2f s  tick gap p50 %6.1f ms  p99 %6.1f ms  max %6.1f ms  %5.1f redraws/s"
        "  GUI CPU %5.1f %% of a core%s  peak RSS %ld MiB\n",
        name, f.wall_s, f.p50_ms, f.p99_ms, f.max_ms, f.redraws_per_s, f.cpu_pct,
        paced ? " per run-second" : " while busy", f.peak_kib / 1024);
}

}  // namespace

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", QByteArrayLiteral("offscreen"));
    QApplication app(argc, argv);
    bench::SynthRun run;
    bool hour = true;
    const QStringList args = QApplication::arguments();
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString& a = args[i];
        const QString v = i + 1 < args.size() ? args[i + 1] : QString();
        if (a == QStringLiteral("--seconds"))
            run.seconds = v.toDouble(), ++i;
        else if (a == QStringLiteral("--tasks"))
            run.tasks = v.toULongLong(), ++i;
        else if (a == QStringLiteral("--workers"))
            run.workers = v.toInt(), ++i;
        else if (a == QStringLiteral("--cores"))
            run.cores = v.toInt(), ++i;
        else if (a == QStringLiteral("--skip-hour"))
            hour = false;
        else {
            std::fprintf(stderr,
                         "usage: gui_replay_bench [--seconds S] [--tasks N] [--workers W] "
                         "[--cores C] [--skip-hour]\n");
            return 2;
        }
    }
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("run.jsonl"));
    const long n = bench::write_synth_stream(run, path.toStdString());
    if (n < 0) return std::fprintf(stderr, "cannot write the stream\n"), 1;
    std::printf("stream: %llu tasks, %d workers, %d cores, %.0f s: %ld lines, %.1f MiB\n",
                static_cast<unsigned long long>(run.tasks), run.workers, run.cores, run.seconds, n,
                double(QFile(path).size()) / (1 << 20));
    print("recorded pace", replay(path, run.seconds, true), true);
    print("as fast as possible", replay(path, run.seconds, false), false);
    if (hour) {
        bench::SynthRun h = run;
        h.seconds = 3600;
        h.chunks = false;
        const QString hourPath = dir.filePath(QStringLiteral("hour.jsonl"));
        bench::write_synth_stream(h, hourPath.toStdString());
        std::printf("one hour of samples at 10 Hz: %lld lines, %.1f MiB\n",
                    static_cast<long long>(LineReader(hourPath).lines()),
                    double(QFile(hourPath).size()) / (1 << 20));
        print("one hour, fast", replay(hourPath, h.seconds, false), false);
    }
    return 0;
}
