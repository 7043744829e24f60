#include "ui/memory_chart.h"
#include "ui/axis_ticks.h"

#include <QAreaSeries>
#include <QChart>
#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>
#include <algorithm>

#include "ui/axis_units.h"
#include "ui/request_rows.h"
#include "ui/session_model.h"

namespace poolscope::ui {

namespace {

int rank(const ProcessKey& k) {
    if (k.role == "engine") return 0;
    if (k.role == "worker") return 1;
    return 2;
}

QString processName(const ProcessKey& k) {
    if (k.role == "engine") return MemoryChart::tr("engine");
    if (k.role == "worker") return MemoryChart::tr("w%1").arg(k.worker + 1);
    if (k.role == "serial") return MemoryChart::tr("serial child");
    if (k.role == "threads") return MemoryChart::tr("threads child");
    return QString::fromStdString(k.role);
}

// A worker the pool has not reaped is a zombie: its layer is empty (no memory left) and its
// name says so, while it lasts and afterwards.
QString withZombieNote(const Request& req, const ProcessKey& k, const QString& name) {
    if (k.role != "worker") return name;  // the serial child is sampled once as it ends
    bool now = false, was = false;
    for (const auto& run : req.runs)
        for (std::size_t i = 0; i < run.processes.size(); ++i) {
            if (!(run.processes[i] == k)) continue;
            now = now || (!run.finished() && run.state_now[i] == 'Z');
            was = was || run.was_zombie[i];
        }
    if (now) return MemoryChart::tr("%1 · zombie").arg(name);
    if (was) return MemoryChart::tr("%1 · was a zombie").arg(name);
    return name;
}

// One point in time: the PSS of each stacked layer.
struct StackRow {
    double t = 0;
    std::vector<double> pss;
    double rss = 0;
};

// The name of a process's host in the legend, where room is short.
QString hostLabel(const std::vector<std::string>& hosts, const QStringList& names,
                  const ProcessKey& k) {
    const auto at = k.host.empty() ? hosts.begin() : std::find(hosts.begin(), hosts.end(), k.host);
    const auto i = static_cast<int>(at - hosts.begin());
    if (at == hosts.end() || names[i].isEmpty()) return MemoryChart::tr("engine's host");
    return names[i];
}

// The run's memory rows as stacked layers. Each row holds one host's processes (hosts are
// sampled apart, --backend mpi): the other hosts keep their latest figures, so each row stacks
// every host's memory at its time.
void appendStackRows(const RunTrace& run, const std::vector<ProcessKey>& keys,
                     std::vector<StackRow>& out) {
    std::vector<std::size_t> layerOf;  // per process of the run, found once, not per row
    std::vector<int> hostOf;           // per process: its index in run.hosts
    for (const auto& process : run.processes) {
        const auto at = std::find(keys.begin(), keys.end(), process);
        layerOf.push_back(at == keys.end() ? keys.size() - 1
                                           : static_cast<std::size_t>(at - keys.begin()));
        const auto h = std::find(run.hosts.begin() + 1, run.hosts.end(), process.host);
        hostOf.push_back(process.host.empty() || h == run.hosts.end()
                             ? 0
                             : static_cast<int>(h - run.hosts.begin()));
    }
    std::vector<const MemoryRow*> rows;
    run.memory.for_each([&](const MemoryRow& m) { rows.push_back(&m); });
    if (run.hosts.size() > 1)  // a relayed sample can come a little after a later local one
        std::stable_sort(rows.begin(), rows.end(),
                         [](const MemoryRow* a, const MemoryRow* b) { return a->t < b->t; });
    std::vector<double> pss(run.processes.size(), 0);  // each process's latest
    std::vector<double> rss(run.hosts.size(), 0);      // each host's latest sum
    for (const MemoryRow* m : rows) {
        for (std::size_t i = 0; i < pss.size(); ++i) {
            if (hostOf[i] != m->host) continue;
            pss[i] = i < m->pss.size() ? static_cast<double>(m->pss[i]) : 0;
        }
        if (static_cast<std::size_t>(m->host) < rss.size())
            rss[static_cast<std::size_t>(m->host)] = static_cast<double>(m->rss_sum);
        StackRow row{m->t, std::vector<double>(keys.size(), 0), 0};
        for (std::size_t i = 0; i < pss.size(); ++i) row.pss[layerOf[i]] += pss[i];
        for (double r : rss) row.rss += r;
        out.push_back(std::move(row));
    }
}

}  // namespace

MemoryChart::MemoryChart(QWidget* parent) : QChartView(parent) {
    auto* chart = new QChart;
    chart->setTitle(tr("Memory: PSS per process, stacked"));
    rss_ = new QLineSeries(chart);
    rss_->setName(tr("Σ RSS"));
    peak_ = new QScatterSeries(chart);
    peak_->setName(tr("peak PSS"));
    peak_->setMarkerSize(10);
    chart->addSeries(rss_);
    chart->addSeries(peak_);
    x_ = new QValueAxis(chart);
    y_ = new QValueAxis(chart);
    chart->addAxis(x_, Qt::AlignBottom);
    chart->addAxis(y_, Qt::AlignLeft);
    keepTicksReadable(chart, x_);
    keepTicksReadable(chart, y_);
    rss_->attachAxis(x_);
    rss_->attachAxis(y_);
    peak_->attachAxis(x_);
    peak_->attachAxis(y_);
    chart->legend()->setAlignment(Qt::AlignRight);
    setChart(chart);
    decimator_ = new ChartDecimator(chart);
    configureChartView(this);
    setChartStyle(ChartStyle::fromPalette(false));
}

void MemoryChart::setChartStyle(const ChartStyle& style) {
    style_ = style;
    signature_.reset();
    style_.apply(chart());
    QPen dashed = style_.line(style_.total());
    dashed.setStyle(Qt::DashLine);
    rss_->setPen(dashed);
    peak_->setColor(Qt::red);
    peak_->setBorderColor(Qt::red);
    styleLayers();
}

void MemoryChart::styleLayers() {
    for (int i = 0; i < layers_.size(); ++i) {
        layers_[i]->setBrush(style_.process(i));
        layers_[i]->setPen(QPen(style_.process(i).darker(130), 1));
    }
}

void MemoryChart::setLayers(const std::vector<ProcessKey>& keys, const QStringList& names) {
    if (keys == keys_ && names == names_) return;
    keys_ = keys;
    names_ = names;
    for (auto* l : layers_) {
        decimator_->remove(l->upperSeries());
        decimator_->remove(l->lowerSeries());
        chart()->removeSeries(l);
        delete l;
    }
    layers_.clear();
    for (const QString& name : names) {
        auto* area = new QAreaSeries(new QLineSeries, new QLineSeries);
        area->upperSeries()->setParent(area);
        area->lowerSeries()->setParent(area);
        area->setName(name);
        chart()->addSeries(area);
        area->attachAxis(x_);
        area->attachAxis(y_);
        layers_.append(area);
    }
    styleLayers();
}

QString MemoryChart::layerName(int layer) const {
    return layer >= 0 && layer < layers_.size() ? layers_[layer]->name() : QString();
}

void MemoryChart::refresh(const SessionModel& session) {
    const Request* req = session.current();
    if (!req) return;
    std::size_t appended = 0;
    for (const auto& run : req->runs) appended += run.memory.appended() + (run.result ? 1 : 0);
    if (!signature_.changed(req->id, req->runs.size(), appended)) return;
    // The union of the request's processes in stack order: host by host (the engine's first),
    // each host's engine, workers, then the rest.
    const std::vector<std::string> hosts = requestHosts(*req);
    const auto hostRank = [&](const ProcessKey& k) {
        if (k.host.empty()) return std::ptrdiff_t{0};
        return std::find(hosts.begin() + 1, hosts.end(), k.host) - hosts.begin();
    };
    std::vector<ProcessKey> keys;
    for (const auto& run : req->runs)
        for (const auto& k : run.processes)
            if (std::find(keys.begin(), keys.end(), k) == keys.end()) keys.push_back(k);
    std::stable_sort(keys.begin(), keys.end(), [&](const auto& a, const auto& b) {
        if (hostRank(a) != hostRank(b)) return hostRank(a) < hostRank(b);
        return rank(a) != rank(b) ? rank(a) < rank(b) : a.worker < b.worker;
    });
    // Past kMaxLayers the last layer stands for itself and every process after it.
    const std::size_t summed = keys.size() > kMaxLayers ? keys.size() - kMaxLayers + 1 : 0;
    if (summed) keys.resize(kMaxLayers);
    QStringList names;
    const QStringList hostNames = shortHostNames(hosts);
    for (const auto& k : keys) {
        const QString name = withZombieNote(*req, k, processName(k));
        names.append(hosts.size() > 1 ? tr("%1 · %2").arg(hostLabel(hosts, hostNames, k), name)
                                      : name);
    }
    if (summed) names.back() = tr("%n other workers", "", static_cast<int>(summed));
    std::vector<StackRow> rows;
    double top = 1, peak = 0, peakT = 0;
    for (const auto& run : req->runs) appendStackRows(run, keys, rows);
    for (const auto& row : rows) {
        double sum = 0;
        for (double v : row.pss) sum += v;
        if (sum > peak) {
            peak = sum;
            peakT = row.t;
        }
        top = std::max({top, sum, row.rss});
    }
    setLayers(keys, names);
    if (req->id != request_) x_max_ = y_max_ = 0;  // a new request starts its own axes
    request_ = req->id;
    x_max_ = steadyAxisMax(x_max_, std::max(requestEnd(*req), 1e-3));
    // The axis is kept in its display unit, so its round steps are round in MiB too.
    const AxisUnit bytes = byteUnit(top * 1.3);
    if (bytes.name != y_unit_) y_max_ = 0;
    y_unit_ = bytes.name;
    y_max_ = steadyAxisMax(y_max_, top / bytes.scale);
    const double end = x_max_;
    const AxisUnit time = timeUnit(end);
    unit_ = bytes.name;
    std::vector<QList<QPointF>> upper(keys.size());
    QList<QPointF> rss;
    for (const auto& row : rows) {
        double below = 0;
        const double x = row.t / time.scale;
        for (std::size_t i = 0; i < keys.size(); ++i) {
            below += row.pss[i];
            upper[i].append({x, below / bytes.scale});
        }
        rss.append({x, row.rss / bytes.scale});
    }
    decimator_->setRange(0, end / time.scale, 0, y_max_);
    for (std::size_t i = 0; i < keys.size(); ++i) {
        QAreaSeries* layer = layers_[static_cast<int>(i)];
        decimator_->setPoints(layer->upperSeries(), upper[i]);
        // The same points as the layer below's top, so the two are decimated alike and meet.
        QList<QPointF> lower = i == 0 ? QList<QPointF>() : upper[i - 1];
        if (i == 0)
            for (const auto& p : upper[0]) lower.append({p.x(), 0});
        decimator_->setPoints(layer->lowerSeries(), std::move(lower));
    }
    decimator_->setPoints(rss_, std::move(rss));
    const QList<QPointF> mark =
        peak > 0 ? QList<QPointF>{{peakT / time.scale, peak / bytes.scale}} : QList<QPointF>();
    if (peak_->points() != mark) peak_->replace(mark);
    setNameIfChanged(peak_, peak > 0 ? tr("peak PSS %1").arg(formatBytes(peak)) : tr("peak PSS"));
    setAxis(x_, end / time.scale, tr("time since start (%1)").arg(time.name));
    setAxis(y_, y_max_, bytes.name);
}

QList<QPointF> MemoryChart::rssPoints() const {
    return decimator_->fullPoints(rss_);
}

QList<QPointF> MemoryChart::topOfStack() const {
    return layers_.isEmpty() ? QList<QPointF>() : layerTop(static_cast<int>(layers_.size()) - 1);
}

QList<QPointF> MemoryChart::layerTop(int layer) const {
    if (layer < 0 || layer >= layers_.size()) return {};
    return decimator_->fullPoints(layers_[layer]->upperSeries());
}

}  // namespace poolscope::ui
