// gui_replay_bench: does the GUI keep up with a big run without freezing or disturbing it?
// A 10^6-task, 16-worker stream with full samples for 16 cores (bench/gui_stream_synth.h,
// written by the engine's own writer) is fed into the real window (offscreen) through the
// same StreamFeed the engine client uses: once at its recorded pace (as a live run arrives)
// and once as fast as possible (opening a recording). Meanwhile a 10 ms timer on the GUI
// thread measures how late each tick comes: the longest stalls a user would feel.
// Reported: tick gaps p50/p99/max, redraws per second, the GUI's CPU per second of run (% of
// one core) and peak memory; then one hour of samples at 10 Hz, for the memory bound. With
// --repeat N every replay runs N times and the medians follow (a loaded machine is noisy), and
// each line says how often each live view painted per redraw (a view painted more often than
// the data changes is work to cut) and, on a second line, the CPU time of one whole repaint of
// each as the run ended. --write-stream FILE only writes the stream (for --open).
//
// usage: gui_replay_bench [--seconds S] [--tasks N] [--workers W] [--cores C] [--skip-hour]
//                         [--repeat N] [--write-stream FILE]
#include <sys/resource.h>

#include <QAbstractScrollArea>
#include <QApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QFile>
#include <QTemporaryDir>
#include <QTimer>
#include <algorithm>
#include <array>
#include <cstdio>
#include <utility>
#include <vector>

#include "core/events/event_stream_writer.h"
#include "gui_stream_synth.h"
#include "ui/chunk_timeline_view.h"
#include "ui/cpu_chart.h"
#include "ui/main_window.h"
#include "ui/memory_chart.h"
#include "ui/progress_chart.h"
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
    // Paint events per redraw of the progress, CPU, memory and timeline views.
    std::array<double, 4> paints{};
    // CPU milliseconds of one whole repaint of each of them, as the run ended.
    std::array<double, 4> repaint_ms{};
};

// Counts the paint events a widget (and its children, e.g. a chart's viewport) receives.
class PaintCounter : public QObject {
  public:
    explicit PaintCounter(QWidget* w) {
        w->installEventFilter(this);
        for (QWidget* c : w->findChildren<QWidget*>()) c->installEventFilter(this);
    }
    int count = 0;

  protected:
    bool eventFilter(QObject*, QEvent* e) override {
        if (e->type() == QEvent::Paint) ++count;
        return false;
    }
};

// Feeds the stream into a fresh window; recorded pace when `paced`, else 4 MiB per turn.
Figures replay(const QString& path, double runSeconds, bool paced) {
    LineReader reader(path);
    MainWindow window;
    window.resize(1366, 768);
    window.show();
    window.session().beginRequest(QStringLiteral("Replay"), {}, 1);
    PaintCounter progress(window.progressChart()), cpu(window.cpuChart()),
        memory(window.memoryChart()), timeline(window.timeline());
    const PaintCounter* counters[] = {&progress, &cpu, &memory, &timeline};
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
    // Paced: what the engine had written by then, every flush period (EventStreamWriter::flush_ms,
    // 50 ms: the engine writes its batched chunks and progress that often, so a live GUI is
    // woken for data about as often); as fast as possible: every time the last block is parsed.
    feeder.setInterval(paced ? EventStreamOptions{}.flush_ms : 0);
    // The window takes what the feed parsed into its session, as with a live engine.
    QObject::connect(&feeder, &QTimer::timeout, [&] {
        const double now = double(clock.nsecsElapsed()) / 1e9;
        QByteArray chunk;
        if (paced) {
            while (!reader.atEnd() && reader.peekT() >= 0 && reader.peekT() <= now)
                chunk += reader.take();
        } else if (window.client().feed().caughtUp()) {  // a pipe's back-pressure: read on
            chunk = reader.readBlock(4 << 20);           // when the last block was parsed
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
    const int redraws = std::max(window.redrawCount() - redrawsBefore, 1);
    for (std::size_t i = 0; i < f.paints.size(); ++i)
        f.paints[i] = double(counters[i]->count) / redraws;
    QWidget* views[] = {window.progressChart(), window.cpuChart(), window.memoryChart(),
                        window.timeline()};
    for (std::size_t i = 0; i < f.repaint_ms.size(); ++i) {
        constexpr int kRepaints = 10;
        const double before = cpuSeconds();
        // A chart view paints in its viewport, which repaint() of the view leaves be.
        std::vector<QWidget*> targets{views[i]};
        if (auto* area = qobject_cast<QAbstractScrollArea*>(views[i]))
            targets.push_back(area->viewport());
        for (auto* area : views[i]->findChildren<QAbstractScrollArea*>())
            if (area->isVisible()) targets.push_back(area->viewport());
        for (int k = 0; k < kRepaints; ++k)
            for (QWidget* t : targets) t->repaint();
        f.repaint_ms[i] = (cpuSeconds() - before) * 1e3 / kRepaints;
    }
    const auto* r = window.session().current();
    if (!r || r->runs.empty() || !r->runs[0].result)
        std::fprintf(stderr, "warning: the replayed run did not end in the window\n");
    return f;
}

void print(const char* name, const Figures& f, bool paced) {
    std::printf(
        "%-22s %8.2f s  tick gap p50 %6.1f ms  p99 %6.1f ms  max %6.1f ms  %5.1f redraws/s"
        "  GUI CPU %5.1f %% of a core%s  peak RSS %ld MiB  paints/redraw %.1f %.1f %.1f %.1f\n",
        name, f.wall_s, f.p50_ms, f.p99_ms, f.max_ms, f.redraws_per_s, f.cpu_pct,
        paced ? " per run-second" : " while busy", f.peak_kib / 1024, f.paints[0], f.paints[1],
        f.paints[2], f.paints[3]);
    std::printf(
        "%-22s one whole repaint: progress %.2f ms, CPU %.2f ms, memory %.2f ms, "
        "timeline %.2f ms of CPU\n",
        "", f.repaint_ms[0], f.repaint_ms[1], f.repaint_ms[2], f.repaint_ms[3]);
    std::fflush(stdout);
}

// Runs a replay `repeat` times, printing each; with more than one, the medians follow.
void measure(const char* name, int repeat, const QString& path, double seconds, bool paced) {
    std::vector<Figures> all;
    for (int i = 0; i < repeat; ++i) {
        all.push_back(replay(path, seconds, paced));
        print(name, all.back(), paced);
    }
    if (repeat < 2) return;
    const auto median = [&](auto field) {
        std::vector<double> v;
        for (const auto& f : all) v.push_back(double(field(f)));
        return percentile(v, 0.5);
    };
    Figures m;
    m.wall_s = median([](const Figures& f) { return f.wall_s; });
    m.p50_ms = median([](const Figures& f) { return f.p50_ms; });
    m.p99_ms = median([](const Figures& f) { return f.p99_ms; });
    m.max_ms = median([](const Figures& f) { return f.max_ms; });
    m.redraws_per_s = median([](const Figures& f) { return f.redraws_per_s; });
    m.cpu_pct = median([](const Figures& f) { return f.cpu_pct; });
    m.peak_kib = static_cast<long>(median([](const Figures& f) { return f.peak_kib; }));
    for (std::size_t i = 0; i < m.paints.size(); ++i) {
        m.paints[i] = median([i](const Figures& f) { return f.paints[i]; });
        m.repaint_ms[i] = median([i](const Figures& f) { return f.repaint_ms[i]; });
    }
    const std::string label = std::string("median of ") + std::to_string(repeat);
    print(label.c_str(), m, paced);
}

}  // namespace

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", QByteArrayLiteral("offscreen"));
    QApplication app(argc, argv);
    bench::SynthRun run;
    bool hour = true;
    int repeat = 1;
    QString streamOut;
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
        else if (a == QStringLiteral("--repeat") && v.toInt() >= 1)
            repeat = v.toInt(), ++i;
        else if (a == QStringLiteral("--write-stream") && !v.isEmpty())
            streamOut = v, ++i;
        else {
            std::fprintf(stderr,
                         "usage: gui_replay_bench [--seconds S] [--tasks N] [--workers W] "
                         "[--cores C] [--skip-hour] [--repeat N] [--write-stream FILE]\n");
            return 2;
        }
    }
    if (!streamOut.isEmpty()) {
        const long lines = bench::write_synth_stream(run, streamOut.toStdString());
        if (lines < 0) return std::fprintf(stderr, "cannot write %s\n", qPrintable(streamOut)), 1;
        return std::printf("%s: %ld lines\n", qPrintable(streamOut), lines), 0;
    }
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("run.jsonl"));
    const long n = bench::write_synth_stream(run, path.toStdString());
    if (n < 0) return std::fprintf(stderr, "cannot write the stream\n"), 1;
    std::printf("stream: %llu tasks, %d workers, %d cores, %.0f s: %ld lines, %.1f MiB\n",
                static_cast<unsigned long long>(run.tasks), run.workers, run.cores, run.seconds, n,
                double(QFile(path).size()) / (1 << 20));
    measure("recorded pace", repeat, path, run.seconds, true);
    measure("as fast as possible", repeat, path, run.seconds, false);
    if (hour) {
        bench::SynthRun h = run;
        h.seconds = 3600;
        h.chunks = false;
        const QString hourPath = dir.filePath(QStringLiteral("hour.jsonl"));
        bench::write_synth_stream(h, hourPath.toStdString());
        std::printf("one hour of samples at 10 Hz: %lld lines, %.1f MiB\n",
                    static_cast<long long>(LineReader(hourPath).lines()),
                    double(QFile(hourPath).size()) / (1 << 20));
        measure("one hour, fast", repeat, hourPath, h.seconds, false);
    }
    return 0;
}
