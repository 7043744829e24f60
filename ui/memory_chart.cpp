#include "ui/memory_chart.h"

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
    // The union of the request's processes in stack order.
    std::vector<ProcessKey> keys;
    for (const auto& run : req->runs)
        for (const auto& k : run.processes)
            if (std::find(keys.begin(), keys.end(), k) == keys.end()) keys.push_back(k);
    std::stable_sort(keys.begin(), keys.end(), [](const auto& a, const auto& b) {
        return rank(a) != rank(b) ? rank(a) < rank(b) : a.worker < b.worker;
    });
    // Past kMaxLayers the last layer stands for itself and every process after it.
    const std::size_t summed = keys.size() > kMaxLayers ? keys.size() - kMaxLayers + 1 : 0;
    if (summed) keys.resize(kMaxLayers);
    QStringList names;
    for (const auto& k : keys) names.append(withZombieNote(*req, k, processName(k)));
    if (summed) names.back() = tr("%n other workers", "", static_cast<int>(summed));
    std::vector<StackRow> rows;
    double top = 1, peak = 0, peakT = 0;
    std::vector<std::size_t> layerOf;  // per process of a run, found once, not per row
    for (const auto& run : req->runs) {
        layerOf.clear();
        for (const auto& process : run.processes) {
            const auto at = std::find(keys.begin(), keys.end(), process);
            layerOf.push_back(at == keys.end() ? keys.size() - 1
                                               : static_cast<std::size_t>(at - keys.begin()));
        }
        run.memory.for_each([&](const MemoryRow& m) {
            StackRow row{m.t, std::vector<double>(keys.size(), 0), static_cast<double>(m.rss_sum)};
            double sum = 0;
            for (std::size_t i = 0; i < m.pss.size() && i < run.processes.size(); ++i) {
                row.pss[layerOf[i]] += static_cast<double>(m.pss[i]);
                sum += static_cast<double>(m.pss[i]);
            }
            if (sum > peak) {
                peak = sum;
                peakT = m.t;
            }
            top = std::max({top, sum, row.rss});
            rows.push_back(std::move(row));
        });
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
